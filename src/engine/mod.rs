//! The questionnaire: which questions, in what order, what has been answered or skipped, and
//! where the person is. Plain data (serde), so an interrupted assessment resumes exactly.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

mod check;
mod goal;

use crate::answers::{Answer, Answers, Shown};
use crate::bank::{Bank, Focus, Form, Kind, Question};

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum EngineError {
    #[error("the {} form of bank \"{bank}\" has no questions", form.as_str())]
    EmptyForm { bank: String, form: Form },
    #[error("question {index} does not exist (this assessment has {len})")]
    OutOfRange { index: usize, len: usize },
    #[error("question `{id}`: {message}")]
    BadAnswer { id: String, message: String },
    #[error("bank \"{bank}\" has no questions on {scale}")]
    EmptyFocus { bank: String, scale: String },
    #[error("the saved assessment does not match the question bank: {0}")]
    Mismatch(String),
}

/// Where a question stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status<'a> {
    Open,
    Answered(&'a Answer),
    Skipped,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub answered: usize,
    pub skipped: usize,
    pub total: usize,
}

impl Progress {
    pub fn done(&self) -> usize {
        self.answered + self.skipped
    }
}

/// What fitting an assessment to a newer bank changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Adapted {
    /// Answers (and skips) of questions the bank no longer asks, or that no longer fit.
    pub dropped: usize,
    /// Questions new to the form, added at the end.
    pub added: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub form: Form,
    /// A goal form's scale: the questions it asks. Only a goal form has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<Focus>,
    /// The shuffle seed; `None` means bank order.
    pub seed: Option<u64>,
    /// Question ids in the order they are asked.
    order: Vec<String>,
    answers: Answers,
    #[serde(default)]
    skipped: BTreeSet<String>,
    position: usize,
    /// The order each scenario's options are shown in, as the bank's option keys ("cadb"), for
    /// the scenarios not shown in bank order. Drawn once per assessment and saved with it, so
    /// a resume shows the same order; answers are stored by key, so it never touches scoring.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    shown: BTreeMap<String, String>,
}

impl Assessment {
    pub fn new(bank: &Bank, form: Form, seed: Option<u64>) -> Result<Self, EngineError> {
        let mut order: Vec<String> = match form {
            // An adaptive form asks one question at a time; `grow` adds the next.
            Form::Adaptive => crate::adaptive::pick(bank, &Answers::new(), &[], seed)
                .map(|q| q.id.clone())
                .into_iter()
                .collect(),
            _ => bank.form(form).map(|q| q.id.clone()).collect(),
        };
        if order.is_empty() {
            return Err(EngineError::EmptyForm {
                bank: bank.name.clone(),
                form,
            });
        }
        if let Some(seed) = seed.filter(|_| form != Form::Adaptive) {
            fastrand::Rng::with_seed(seed).shuffle(&mut order);
        }
        Ok(Assessment {
            form,
            focus: None,
            seed,
            order,
            answers: Answers::new(),
            skipped: BTreeSet::new(),
            position: 0,
            shown: BTreeMap::new(),
        })
    }

    /// Draws the order every scenario's options are shown in, from `seed` (see `shuffle`): a
    /// person who always picks the first or the last option lands near the middle, not at a
    /// pole, and the position of an option says nothing about its lean.
    pub fn shuffle_options(&mut self, bank: &Bank, seed: u64) {
        self.shown.clear();
        // The ones drawn in the bank's own order need not be stored.
        for (id, keys) in crate::shuffle::option_orders(bank, &self.may_ask(bank), seed) {
            let in_bank_order = bank.question(&id).is_some_and(|q| match &q.kind {
                Kind::Choice { options, .. } => options.iter().map(|o| o.key).eq(keys.chars()),
                _ => false,
            });
            if !in_bank_order {
                self.shown.insert(id, keys);
            }
        }
    }

    /// The questions this assessment may ask: its order, or for an adaptive one any question of
    /// the bank (the selector picks as answers come in, so every scenario's option order is
    /// drawn at the start, balanced across the bank).
    fn may_ask(&self, bank: &Bank) -> Vec<String> {
        match self.form {
            Form::Adaptive => self.form_questions(bank).map(|q| q.id.clone()).collect(),
            _ => self.order.clone(),
        }
    }

    /// Fits an assessment started on an earlier version of `bank` to the current one, keeping
    /// every answer that still means the same: questions the bank no longer has (and answers
    /// that no longer fit) are dropped, and questions new to the form are added at the end,
    /// their options drawn from `seed` (an adaptive form adds none: its selector picks from the
    /// whole bank). The person stays on the question they were on.
    pub fn adapt(&mut self, bank: &Bank, seed: u64) -> Adapted {
        let here = self.order.get(self.position).cloned();
        let mut seen = BTreeSet::new();
        let keep: BTreeSet<String> = self.form_questions(bank).map(|q| q.id.clone()).collect();
        self.order
            .retain(|id| keep.contains(id) && seen.insert(id.clone()));
        let asked: BTreeSet<String> = self.order.iter().cloned().collect();
        let before = self.answers.len() + self.skipped.len();
        self.answers.retain(|id, a| {
            asked.contains(id) && bank.question(id).is_some_and(|q| a.check(q).is_ok())
        });
        self.skipped
            .retain(|id| asked.contains(id) && !self.answers.contains_key(id));
        let dropped = before - self.answers.len() - self.skipped.len();
        let unasked: Vec<String> = self
            .form_questions(bank)
            .filter(|q| !asked.contains(&q.id))
            .map(|q| q.id.clone())
            .collect();
        // An adaptive form adds nothing at the end: its selector picks from the whole bank.
        let added = match self.form {
            Form::Adaptive => Vec::new(),
            _ => unasked.clone(),
        };
        self.order.extend(added.iter().cloned());
        // Where the question it was on is gone and every one left is done, an adaptive form
        // asks its next question now (unless the answers kept already settle it).
        if self.form == Form::Adaptive && self.first_open().is_none() {
            let next = crate::adaptive::next_question(bank, &self.answers, &self.order, self.seed);
            self.order.extend(next.map(|q| q.id.clone()));
        }
        // Questions asked before keep the option order the person saw (where it still fits);
        // the rest get theirs drawn.
        self.shown.retain(|id, keys| {
            asked.contains(id)
                && matches!(bank.question(id).map(|q| &q.kind), Some(Kind::Choice { options, .. })
                if keys.len() == options.len() && options.iter().all(|o| keys.contains(o.key)))
        });
        self.shown
            .extend(crate::shuffle::option_orders(bank, &unasked, seed));
        self.position = here
            .and_then(|id| self.order.iter().position(|x| *x == id))
            .or_else(|| self.first_open())
            .unwrap_or(0)
            .min(self.order.len().saturating_sub(1));
        Adapted {
            dropped,
            added: added.len(),
        }
    }

    /// `q`'s options as this assessment shows them.
    pub fn shown<'q>(&self, q: &'q Question) -> Shown<'q> {
        let order = match (&q.kind, self.shown.get(&q.id)) {
            (Kind::Choice { options, .. }, Some(keys)) => keys
                .chars()
                .filter_map(|k| options.iter().position(|o| o.key == k))
                .collect(),
            _ => Vec::new(),
        };
        if order.is_empty() {
            Shown::in_bank_order(q)
        } else {
            Shown::new(q, order)
        }
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    pub fn position(&self) -> usize {
        self.position
    }

    pub fn order(&self) -> &[String] {
        &self.order
    }

    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The questions answered or skipped, in the order asked: what the adaptive form's stop
    /// rule counts as asked (a question on screen may still be answered).
    pub fn done_ids(&self) -> Vec<String> {
        (0..self.order.len())
            .filter(|&i| self.status(i) != Status::Open)
            .filter_map(|i| self.order.get(i).cloned())
            .collect()
    }

    pub fn question_at<'b>(&self, bank: &'b Bank, index: usize) -> Option<&'b Question> {
        self.order.get(index).and_then(|id| bank.question(id))
    }

    pub fn current<'b>(&self, bank: &'b Bank) -> Option<&'b Question> {
        self.question_at(bank, self.position)
    }

    pub fn status(&self, index: usize) -> Status<'_> {
        let Some(id) = self.order.get(index) else {
            return Status::Open;
        };
        match self.answers.get(id) {
            Some(a) => Status::Answered(a),
            None if self.skipped.contains(id) => Status::Skipped,
            None => Status::Open,
        }
    }

    /// Answers (or re-answers) the current question.
    pub fn answer(&mut self, bank: &Bank, answer: Answer) -> Result<(), EngineError> {
        let id = self.current_id()?;
        let q = bank
            .question(&id)
            .ok_or_else(|| EngineError::Mismatch(format!("question `{id}` is not in the bank")))?;
        answer.check(q).map_err(|message| EngineError::BadAnswer {
            id: id.clone(),
            message,
        })?;
        self.skipped.remove(&id);
        // Re-answering keeps the question's place in the asked order.
        self.answers.insert(id, answer);
        self.grow(bank);
        Ok(())
    }

    /// An adaptive assessment's next question: once the last question asked is answered or
    /// skipped, appends the one the selector picks, unless the stop rule says the placement
    /// is settled. Returns whether a question was added; other forms never grow.
    pub fn grow(&mut self, bank: &Bank) -> bool {
        let at_end = self.position + 1 == self.order.len();
        if self.form != Form::Adaptive || !at_end || self.status(self.position) == Status::Open {
            return false;
        }
        let next = crate::adaptive::next_question(bank, &self.answers, &self.order, self.seed);
        next.map(|q| self.order.push(q.id.clone())).is_some()
    }

    /// `skip`, for a front end that has the bank: an adaptive assessment asks its next
    /// question before moving on.
    pub fn skip_in(&mut self, bank: &Bank) -> bool {
        self.mark_skipped();
        self.grow(bank);
        self.forward()
    }

    fn current_id(&self) -> Result<String, EngineError> {
        self.order
            .get(self.position)
            .cloned()
            .ok_or(EngineError::OutOfRange {
                index: self.position,
                len: self.order.len(),
            })
    }

    /// Marks the current question skipped (dropping any answer) and moves on.
    pub fn skip(&mut self) -> bool {
        self.mark_skipped() && self.forward()
    }

    fn mark_skipped(&mut self) -> bool {
        let Ok(id) = self.current_id() else {
            return false;
        };
        self.answers.shift_remove(&id);
        self.skipped.insert(id);
        true
    }

    /// Moves to the next question; false at the last one.
    pub fn forward(&mut self) -> bool {
        let moved = self.position + 1 < self.order.len();
        if moved {
            self.position += 1;
        }
        moved
    }

    /// Moves to the previous question; false at the first one.
    pub fn back(&mut self) -> bool {
        let moved = self.position > 0;
        if moved {
            self.position -= 1;
        }
        moved
    }

    pub fn jump(&mut self, index: usize) -> Result<(), EngineError> {
        if index >= self.order.len() {
            return Err(EngineError::OutOfRange {
                index,
                len: self.order.len(),
            });
        }
        self.position = index;
        Ok(())
    }

    /// The first question neither answered nor skipped, if any.
    pub fn first_open(&self) -> Option<usize> {
        (0..self.order.len()).find(|&i| self.status(i) == Status::Open)
    }

    pub fn progress(&self) -> Progress {
        Progress {
            answered: self.answers.len(),
            skipped: self.skipped.len(),
            total: self.order.len(),
        }
    }

    /// "7 of 14 answered"; an adaptive form has no fixed total: "7 answered".
    pub fn answered_text(&self) -> String {
        let p = self.progress();
        match self.form {
            Form::Adaptive => format!("{} answered", p.answered),
            _ => format!("{} of {} answered", p.answered, p.total),
        }
    }

    /// Every question answered or skipped.
    pub fn is_complete(&self) -> bool {
        self.progress().done() == self.order.len()
    }
}
