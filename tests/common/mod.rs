//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use rolefit::answers::{Answer, Answers};
use rolefit::bank::{Bank, Kind, Pole, Question};

pub fn default_bank() -> Bank {
    rolefit::bank::load_default().unwrap()
}

/// The answer that puts `q` at a pole (s = +1 for Engineer, -1 for Developer).
pub fn extreme(q: &Question, pole: Pole) -> Answer {
    match (&q.kind, pole) {
        (Kind::Likert { keyed }, p) => Answer::Scale(if *keyed == p { 5 } else { 1 }),
        (Kind::Pair { .. }, Pole::Engineer) => Answer::Scale(5),
        (Kind::Pair { .. }, Pole::Developer) => Answer::Scale(1),
        (Kind::Choice { options }, p) => {
            let pick = |o: &&rolefit::bank::ChoiceOption| o.lean;
            let o = match p {
                Pole::Engineer => options.iter().max_by(|a, b| pick(a).total_cmp(&pick(b))),
                Pole::Developer => options.iter().min_by(|a, b| pick(a).total_cmp(&pick(b))),
            };
            Answer::Option(o.unwrap().key)
        }
    }
}

pub fn all_at(bank: &Bank, pole: Pole) -> Answers {
    bank.questions
        .iter()
        .map(|q| (q.id.clone(), extreme(q, pole)))
        .collect()
}
