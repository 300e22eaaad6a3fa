//! When the adaptive form stops. Only after `MIN_ANSWERS` answers with every dimension x lens
//! cell answered, and then only when the full form would very probably place the person in the
//! band the answers so far give (`predict`: stochastic curtailment, at `STOP_AT`), or surely
//! would (no answers to the questions left could move the score out of its band: deterministic
//! curtailment, the exact special case). Otherwise it goes on, up to the whole bank.

use serde::Serialize;

use super::MIN_ANSWERS;
use super::predict::{Outlook, outlook};
use super::track::Tracker;
use crate::answers::Answers;
use crate::bank::{Bank, Lens};
use crate::scoring::{Archetype, MIN_ANSWERS_FOR_MARGIN, Z95};

/// The probability the full form places the person in the same band at which the form stops:
/// the 0.95, and on the simulated respondents the point of the trade-off curve closest
/// to the targets (BENCHMARKS.md, "Adaptive form").
pub const STOP_AT: f64 = 0.95;

/// Why an adaptive assessment stopped asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stop {
    /// No answers to the questions left could move the overall score out of its band.
    Curtailed,
    /// The full form would very probably (at least `STOP_AT`) place the person in the same band.
    Predicted,
    /// Every question has been asked.
    Exhausted,
}

impl Stop {
    pub fn describe(self) -> &'static str {
        match self {
            Stop::Curtailed => "no answers to the questions left could change the placement",
            Stop::Predicted => "the full form would very likely give the same placement",
            Stop::Exhausted => "every question was asked",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Continue,
    Stop(Stop),
}

/// How many more questions the form expects to ask, worded by how much is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum More {
    Nothing,
    /// From the prediction, if the answers come in as predicted.
    About(usize),
    /// Nothing answered yet, or cells still to cover: the minimum still to come.
    AtLeast(usize),
    /// The estimate reaches the end of the bank, or the score sits on a band edge.
    UpTo(usize),
}

impl std::fmt::Display for More {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            More::Nothing => write!(f, "no more needed"),
            More::About(n) => write!(f, "about {n} more"),
            More::AtLeast(n) => write!(f, "at least {n} more"),
            More::UpTo(n) => write!(f, "up to {n} more"),
        }
    }
}

/// Everything the stop rule looks at, for one set of answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub answered: usize,
    /// Cells without an answer that still have a question to ask. (A cell whose questions
    /// were all skipped cannot be covered, and does not hold the form open.)
    pub uncovered: Vec<(String, Lens)>,
    /// The overall score and its margin as the result will show them (scoring's own).
    pub overall: Option<f64>,
    pub margin: Option<f64>,
    /// The band the answers so far give.
    pub band: Option<Archetype>,
    /// P(the full form places the person in `band`): 1 when curtailed or nothing is left.
    pub likely: Option<f64>,
    /// The lowest and highest overall score that answers to the questions not asked yet could
    /// still give (any of them answered, any way).
    pub reach: Option<(f64, f64)>,
    pub curtailed: bool,
    /// Questions not asked yet.
    pub remaining: usize,
    outlook: Outlook,
}

impl Check {
    /// `done` is every question answered or skipped so far (not one still on screen: it may
    /// yet be answered).
    pub fn new(bank: &Bank, answers: &Answers, done: &[String]) -> Check {
        Check::of(&Tracker::of(bank, answers, done, None))
    }

    pub(super) fn of(t: &Tracker<'_>) -> Check {
        let overall = t.overall.mean().map(|m| 100.0 * m + 0.0);
        // Scoring's margin from the same sums (a test holds them equal).
        let margin = (t.overall.n >= MIN_ANSWERS_FOR_MARGIN)
            .then(|| (Z95 * 100.0 * t.overall.error2().sqrt()).min(crate::scoring::MAX_MARGIN));
        let reach = reach(t);
        let curtailed = reach.is_some_and(|(lo, hi)| Archetype::touched(lo, hi).len() == 1);
        let outlook = outlook(t);
        let likely = if curtailed || t.remaining == 0 {
            outlook.band().map(|_| 1.0)
        } else {
            outlook.likely()
        };
        Check {
            answered: t.answered(),
            uncovered: t
                .uncovered()
                .map(|c| {
                    let (d, l) = t.cell_name(c);
                    (d.to_owned(), l)
                })
                .collect(),
            overall,
            margin,
            band: outlook.band(),
            likely,
            curtailed,
            reach,
            remaining: t.remaining,
            outlook,
        }
    }

    /// Enough answers, and every cell that can be covered has been.
    pub fn may_stop(&self) -> bool {
        self.answered >= MIN_ANSWERS && self.uncovered.is_empty()
    }

    /// The full form would (very probably) give the same placement: curtailed, or predicted
    /// at `STOP_AT` or more.
    pub fn placement_clear(&self) -> bool {
        self.clear_at(STOP_AT)
    }

    fn clear_at(&self, threshold: f64) -> bool {
        self.curtailed || self.likely.is_some_and(|p| p >= threshold)
    }

    pub fn decision(&self) -> Decision {
        self.decision_at(STOP_AT)
    }

    /// The decision with another probability to stop at (the simulation's trade-off curve).
    pub fn decision_at(&self, threshold: f64) -> Decision {
        if self.remaining == 0 {
            Decision::Stop(Stop::Exhausted)
        } else if self.may_stop() && self.curtailed {
            Decision::Stop(Stop::Curtailed)
        } else if self.may_stop() && self.clear_at(threshold) {
            Decision::Stop(Stop::Predicted)
        } else {
            Decision::Continue
        }
    }

    /// "about N more": the fewest answers after which the prediction would reach `STOP_AT`,
    /// if they come in as predicted (never fewer than the minimum and the cells still to
    /// cover ask).
    pub fn more(&self) -> More {
        if self.decision() != Decision::Continue {
            return More::Nothing;
        }
        let floor = MIN_ANSWERS
            .saturating_sub(self.answered)
            .max(self.uncovered.len())
            .max(1);
        if self.answered == 0 {
            return if floor < self.remaining {
                More::AtLeast(floor)
            } else {
                More::UpTo(self.remaining)
            };
        }
        let estimate = if self.placement_clear() {
            Some(floor)
        } else {
            self.outlook
                .answers_to(STOP_AT, self.remaining)
                .map(|n| n.max(floor))
        };
        match estimate {
            Some(n) if n < self.remaining => More::About(n),
            _ => More::UpTo(self.remaining),
        }
    }
}

/// The lowest and highest overall score still possible: the highest takes, from the questions
/// not asked, those whose top answer is above the running mean (best first), and no others,
/// since any other would pull it down; the lowest likewise. Questions alike (a group) go in
/// or stay out together: adding one above the mean keeps the mean below its value.
fn reach(t: &Tracker<'_>) -> Option<(f64, f64)> {
    let (a, w) = (t.overall.ws, t.overall.w);
    if w <= 0.0 {
        return None;
    }
    let mut ends: Vec<(f64, f64, f64)> = t
        .groups
        .iter()
        .filter(|g| g.open > 0)
        .map(|g| (g.weight * g.open as f64, g.lo, g.hi))
        .collect();
    ends.sort_by(|x, y| y.2.total_cmp(&x.2));
    let hi = extreme(a, w, ends.iter().map(|e| (e.0, e.2)), |s, m| s > m);
    ends.sort_by(|x, y| x.1.total_cmp(&y.1));
    let lo = extreme(a, w, ends.iter().map(|e| (e.0, e.1)), |s, m| s < m);
    Some((lo, hi))
}

fn extreme(
    mut a: f64,
    mut w: f64,
    items: impl Iterator<Item = (f64, f64)>,
    pulls: impl Fn(f64, f64) -> bool,
) -> f64 {
    for (wi, s) in items {
        if !pulls(s, a / w) {
            break;
        }
        a += wi * s;
        w += wi;
    }
    100.0 * a / w
}
