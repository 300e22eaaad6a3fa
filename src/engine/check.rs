//! An assessment read back from a file, checked against the bank it is resumed with: every
//! question, answer, option order and the form itself, so a tampered file is refused whole.

use std::collections::BTreeSet;

use super::{Assessment, EngineError};
use crate::bank::{Bank, Form, Kind, Question};

impl Assessment {
    /// Checks a deserialized assessment against the bank it is resumed with.
    pub fn check(&self, bank: &Bank) -> Result<(), EngineError> {
        let mismatch = |m: String| Err(EngineError::Mismatch(m));
        if self.order.is_empty() || self.position >= self.order.len() {
            return mismatch(format!(
                "position {} is outside its {} questions",
                self.position,
                self.order.len()
            ));
        }
        let unique: BTreeSet<&String> = self.order.iter().collect();
        if unique.len() != self.order.len() {
            return mismatch("a question appears twice in its order".into());
        }
        for id in &self.order {
            if bank.question(id).is_none() {
                return mismatch(format!("question `{id}` is not in bank \"{}\"", bank.name));
            }
        }
        // A form asks only its own questions: a quick form holding the whole bank would save as
        // "quick form, 51 of 51".
        // A goal form's focus names its scale: only a goal form has one, and it must have one.
        if (self.form == Form::Goal) != self.focus.is_some() {
            return mismatch(match self.form {
                Form::Goal => "a goal form that does not say which scale it asks".into(),
                _ => format!("the {} form names a goal's scale", self.form.as_str()),
            });
        }
        let in_form: BTreeSet<&str> = self.form_questions(bank).map(|q| q.id.as_str()).collect();
        if let Some(id) = self.order.iter().find(|id| !in_form.contains(id.as_str())) {
            return mismatch(format!(
                "question `{id}` is not part of the {}",
                self.form_name(bank)
            ));
        }
        // A full or quick form asks all of its questions: one missing would be saved as
        // "skipped", though it was never asked. (An adaptive form picks as it goes.)
        if self.form != Form::Adaptive && unique.len() != in_form.len() {
            return mismatch(format!(
                "it asks {} of the {}'s {} questions",
                unique.len(),
                self.form_name(bank),
                in_form.len()
            ));
        }
        for (id, a) in &self.answers {
            let Some(q) = unique.contains(id).then(|| bank.question(id)).flatten() else {
                return mismatch(format!(
                    "answer to `{id}`, which this assessment does not ask"
                ));
            };
            a.check(q).or_else(|m| mismatch(format!("`{id}`: {m}")))?;
            if self.skipped.contains(id) {
                return mismatch(format!("`{id}` is both answered and skipped"));
            }
        }
        if let Some(id) = self.skipped.iter().find(|id| !unique.contains(id)) {
            return mismatch(format!(
                "skipped `{id}`, which this assessment does not ask"
            ));
        }
        let may_ask = self.may_ask(bank);
        let may_ask: BTreeSet<&String> = may_ask.iter().collect();
        for (id, keys) in &self.shown {
            let (options, ordered) = match may_ask.contains(id).then(|| bank.question(id)).flatten()
            {
                Some(Question {
                    kind: Kind::Choice { options, ordered },
                    ..
                }) => (options, *ordered),
                _ => {
                    return mismatch(format!(
                        "an option order for `{id}`, which is not a scenario this assessment asks"
                    ));
                }
            };
            let mut given: Vec<char> = keys.chars().collect();
            let mut wanted: Vec<char> = options.iter().map(|o| o.key).collect();
            given.sort_unstable();
            wanted.sort_unstable();
            if given != wanted {
                return mismatch(format!(
                    "the option order \"{keys}\" of `{id}` does not list its options"
                ));
            }
            // The steps of one scale are shown in order, forwards or backwards, never shuffled.
            let forwards = options.iter().map(|o| o.key);
            if ordered && !keys.chars().eq(forwards.clone()) && !keys.chars().eq(forwards.rev()) {
                return mismatch(format!(
                    "the option order \"{keys}\" of `{id}` shuffles the steps of its scale"
                ));
            }
        }
        Ok(())
    }

    /// "quick form", "goal form on Skills": what a mismatch names.
    fn form_name(&self, bank: &Bank) -> String {
        match &self.focus {
            Some(f) => format!("{} form on {}", self.form.as_str(), f.title(bank)),
            None => format!("{} form", self.form.as_str()),
        }
    }
}
