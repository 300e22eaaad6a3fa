//! A complete set of answers replayed through the adaptive form: each question the selector
//! asks is answered from the set, as the engine the front ends drive would ask it. This is how
//! the form is tuned and proven against the full form (`rolefit score --adaptive`, the
//! simulation).

use serde::Serialize;

use super::select::choose;
use super::stop::{Check, Decision, STOP_AT, Stop};
use super::track::Tracker;
use crate::answers::Answers;
use crate::bank::{Bank, Form};
use crate::engine::EngineError;
use crate::scoring::{Scores, score_answers, score_taken, signed_value};

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
    replay_at(bank, answers, seed, STOP_AT)
}

/// `replay`, stopping at another probability (the simulation's trade-off curve). It keeps one
/// running state and adds each answer to it, as the engine would reach it by rebuilding from
/// (answers, order) each time (`tests/adaptive.rs` holds the two sequences equal), so a
/// 10,000-question bank replays in a fraction of a second rather than minutes.
pub fn replay_at(
    bank: &Bank,
    answers: &Answers,
    seed: Option<u64>,
    threshold: f64,
) -> Result<Replay, EngineError> {
    if bank.questions.is_empty() {
        return Err(EngineError::EmptyForm {
            bank: bank.name.clone(),
            form: Form::Adaptive,
        });
    }
    let mut t = Tracker::new(bank, seed);
    let (mut order, mut given, mut missing) = (Vec::new(), Answers::new(), Vec::new());
    let stop = loop {
        let check = Check::of(&t);
        // The first question is asked whatever the rule says, as the engine does.
        match check.decision_at(threshold) {
            Decision::Stop(why) if !order.is_empty() => break why,
            _ => {}
        }
        let Some(i) = choose(&t, seed) else {
            break Stop::Exhausted;
        };
        let q = &bank.questions[i];
        order.push(q.id.clone());
        match answers.get(&q.id) {
            Some(answer) => {
                answer.check(q).map_err(|message| EngineError::BadAnswer {
                    id: q.id.clone(),
                    message,
                })?;
                t.ask(i, signed_value(q, answer));
                given.insert(q.id.clone(), answer.clone());
            }
            None => {
                missing.push(q.id.clone());
                t.ask(i, None);
            }
        }
    };
    Ok(Replay {
        adaptive: score_taken(bank, Form::Adaptive, &order, &given),
        full: score_answers(bank, Form::Full, answers),
        asked: order,
        missing,
        answers: given,
        stop,
    })
}
