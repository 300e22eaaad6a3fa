//! The goal form: an assessment of exactly the questions on one goal's scale, so a goal a
//! retake did not ask about can be measured without the whole form.

use std::collections::{BTreeMap, BTreeSet};

use super::{Assessment, EngineError};
use crate::answers::Answers;
use crate::bank::{Bank, Focus, Form, Question};

impl Assessment {
    /// A goal form: exactly the bank's questions on `focus`, in bank order (or shuffled by
    /// `seed`, as a full form is), nothing else.
    pub fn for_goal(bank: &Bank, focus: Focus, seed: Option<u64>) -> Result<Self, EngineError> {
        let mut order: Vec<String> = focus.questions(bank).map(|q| q.id.clone()).collect();
        if order.is_empty() {
            return Err(EngineError::EmptyFocus {
                bank: bank.name.clone(),
                scale: focus.title(bank),
            });
        }
        if let Some(seed) = seed {
            fastrand::Rng::with_seed(seed).shuffle(&mut order);
        }
        Ok(Assessment {
            form: Form::Goal,
            focus: Some(focus),
            seed,
            order,
            answers: Answers::new(),
            skipped: BTreeSet::new(),
            position: 0,
            shown: BTreeMap::new(),
        })
    }

    /// Whether this assessment's form asks `q`: a goal form, the questions on its focus.
    pub(super) fn includes(&self, q: &Question) -> bool {
        match (self.form, &self.focus) {
            (Form::Goal, Some(focus)) => focus.includes(q),
            (Form::Goal, None) => false,
            (form, _) => form.includes(q),
        }
    }

    /// The bank's questions this assessment's form may ask, in bank order.
    pub(super) fn form_questions<'b>(&self, bank: &'b Bank) -> impl Iterator<Item = &'b Question> {
        bank.questions.iter().filter(|q| self.includes(q))
    }
}
