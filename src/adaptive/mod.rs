//! The adaptive form: after each answer, ask the question expected to settle the placement
//! soonest, and stop once the full form would very probably place the person the same way
//! (stochastic curtailment, `predict`). Pure functions of (bank, answers, the order asked so
//! far, seed), so the engine, `rolefit score --adaptive` and the simulation all drive it the
//! same way, and a replay is exact.
//!
//! There are no invented item parameters: the uncertainty of every scale is the scoring model's
//! own (`scoring::margin`: the spread of the answers shrunk toward its prior), and the answer a
//! question will get is predicted from the same model (its cell's shrunk mean and variance).

mod predict;
mod provisional;
mod replay;
mod select;
mod stop;
mod track;

pub use provisional::{Provisional, provisional};
pub use replay::{Replay, replay, replay_at};
pub use select::{cell_margin, next_question, pick};
pub use stop::{Check, Decision, More, STOP_AT, Stop};

/// The fewest answers before the form may stop: one per dimension x lens of the default bank,
/// and more than scoring's minimum for an archetype, so no adaptive result is unplaced because
/// it stopped.
pub const MIN_ANSWERS: usize = 12;

/// How many questions the adaptive form usually asks on the built-in bank: the middle half of
/// `adaptive_sim`'s 2,000 respondents (BENCHMARKS.md, "Adaptive form"), with the bank it was
/// measured on. A measurement, not a promise; re-run the simulation when the bank changes.
const USUAL: (&str, &str, usize, usize) = ("rolefit default", "2.4", 18, 41);

/// The measured usual length on this bank, when there is one (the built-in bank at the version
/// measured); `None` for any other bank, which has only its possible range.
pub fn usual_length(bank: &crate::bank::Bank) -> Option<(usize, usize)> {
    let (name, version, lo, hi) = USUAL;
    (bank.name == name && bank.version == version).then_some((lo, hi))
}

/// How many questions the adaptive form asks, for the home and intro screens: "usually 20-40"
/// where the simulation measured it, otherwise everything it could ask, "12-51".
pub fn length_text(bank: &crate::bank::Bank) -> String {
    match usual_length(bank) {
        Some((lo, hi)) => format!("usually {lo}-{hi}"),
        None => format!(
            "{}-{}",
            MIN_ANSWERS.min(bank.questions.len()),
            bank.questions.len()
        ),
    }
}

#[cfg(test)]
mod tests;
