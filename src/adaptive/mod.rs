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

pub use provisional::{percent, provisional};
pub use replay::{Replay, replay, replay_at};
pub use select::{cell_margin, next_question, pick};
pub use stop::{Check, Decision, More, STOP_AT, Stop};

/// The fewest answers before the form may stop: one per dimension x lens of the default bank,
/// and more than scoring's minimum for an archetype, so no adaptive result is unplaced because
/// it stopped.
pub const MIN_ANSWERS: usize = 12;

#[cfg(test)]
mod tests;
