//! A complete set of answers replayed through the adaptive form: each question the selector
//! asks is answered from the set, through the same engine the front ends drive. This is how
//! the form is tuned and proven against the full form (`rolefit score --adaptive`, the
//! simulation).

use serde::Serialize;

use super::stop::{Check, Decision, Stop};
use crate::answers::Answers;
use crate::bank::{Bank, Form};
use crate::engine::{Assessment, EngineError};
use crate::scoring::{Scores, score_answers, score_taken};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Replay {
    /// The questions asked, in order.
    pub asked: Vec<String>,
    /// Asked, but the set had no answer: they count as skipped.
    pub missing: Vec<String>,
    /// The answers the adaptive form was given.
    #[serde(skip)]
    pub answers: Answers,
    pub stop: Stop,
    /// The adaptive form's scores.
    pub adaptive: Scores,
    /// The full form's scores: every answer in the set.
    pub full: Scores,
}

impl Replay {
    /// Both forms name the same archetype (and both name one).
    pub fn same_archetype(&self) -> bool {
        self.adaptive.archetype.is_some() && self.adaptive.archetype == self.full.archetype
    }

    /// The adaptive overall score lies within the full form's margin of the full form's
    /// overall score; `None` when the full form has no margin to measure by.
    pub fn within_full_margin(&self) -> Option<bool> {
        let (a, f, m) = (
            self.adaptive.overall?,
            self.full.overall?,
            self.full.margin?,
        );
        Some((a - f).abs() <= m)
    }
}

/// Replays `answers` (normally one for every question of the bank) through the adaptive form.
pub fn replay(bank: &Bank, answers: &Answers, seed: Option<u64>) -> Result<Replay, EngineError> {
    let mut a = Assessment::new(bank, Form::Adaptive, seed)?;
    let mut missing = Vec::new();
    while let Some(q) = a.current(bank) {
        let moved = match answers.get(&q.id) {
            Some(answer) => {
                a.answer(bank, answer.clone())?;
                a.forward()
            }
            None => {
                missing.push(q.id.clone());
                a.skip_in(bank)
            }
        };
        if !moved {
            break;
        }
    }
    let check = Check::new(bank, a.answers(), a.order());
    let stop = match check.decision() {
        Decision::Stop(why) => why,
        // Only reached when the engine did not grow: nothing more it could ask.
        Decision::Continue => Stop::Exhausted,
    };
    Ok(Replay {
        asked: a.order().to_vec(),
        missing,
        answers: a.answers().clone(),
        stop,
        adaptive: score_taken(bank, Form::Adaptive, a.order(), a.answers()),
        full: score_answers(bank, Form::Full, answers),
    })
}
