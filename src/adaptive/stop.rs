//! When the adaptive form stops. Only after `MIN_ANSWERS` answers with every dimension x lens
//! cell answered, and then only when the overall placement is settled: no answers to the
//! questions left could move the overall score out of its band (curtailment), or its 95%
//! interval lies inside one band. Otherwise it goes on, up to the whole bank.

use serde::Serialize;

use super::MIN_ANSWERS;
use super::view::{View, values};
use crate::answers::Answers;
use crate::bank::{Bank, Lens};
use crate::scoring::{self, Archetype};

/// Where the archetype bands meet (`Archetype::from_overall`).
pub const BAND_EDGES: [f64; 4] = [-60.0, -20.0, 20.0, 60.0];

/// Why an adaptive assessment stopped asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stop {
    /// No answers to the questions left could move the overall score out of its band.
    Curtailed,
    /// The 95% interval of the overall score lies inside one band.
    Settled,
    /// Every question has been asked.
    Exhausted,
}

impl Stop {
    pub fn describe(self) -> &'static str {
        match self {
            Stop::Curtailed => "no answers to the questions left could change the placement",
            Stop::Settled => "the 95% interval of the overall score lies inside one band",
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
    /// From the current margin.
    About(usize),
    /// No margin yet (too few answers): the minimum still to come.
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
    pub overall: Option<f64>,
    pub margin: Option<f64>,
    /// [overall - margin, overall + margin] lies inside one band.
    pub inside_band: bool,
    /// The lowest and highest overall score that answers to the questions not asked yet could
    /// still give (any of them answered, any way).
    pub reach: Option<(f64, f64)>,
    pub curtailed: bool,
    /// Questions not asked yet.
    pub remaining: usize,
}

impl Check {
    /// `done` is every question answered or skipped so far (not one still on screen: it may
    /// yet be answered).
    pub fn new(bank: &Bank, answers: &Answers, done: &[String]) -> Check {
        Check::of(&View::new(bank, answers, done), answers)
    }

    pub(super) fn of(view: &View<'_>, answers: &Answers) -> Check {
        // The interval the result will show: scoring's own score and margin, not an estimate.
        let items = scoring::items(view.bank, answers);
        let all: Vec<&scoring::Item<'_>> = items.iter().collect();
        let overall = scoring::score(all.iter().copied());
        let margin = scoring::margin(&all);
        let inside_band = match (overall, margin) {
            (Some(o), Some(m)) => Archetype::from_overall(o - m) == Archetype::from_overall(o + m),
            _ => false,
        };
        let reach = reach(view);
        Check {
            answered: view.answered(),
            uncovered: view
                .uncovered()
                .map(|c| {
                    let (d, l) = view.cell_name(c);
                    (d.to_owned(), l)
                })
                .collect(),
            overall,
            margin,
            inside_band,
            curtailed: reach
                .is_some_and(|(lo, hi)| Archetype::from_overall(lo) == Archetype::from_overall(hi)),
            reach,
            remaining: view.candidates().count(),
        }
    }

    /// Enough answers, and every cell that can be covered has been.
    pub fn may_stop(&self) -> bool {
        self.answered >= MIN_ANSWERS && self.uncovered.is_empty()
    }

    /// The overall placement would not change: curtailed, or its interval inside one band.
    pub fn placement_clear(&self) -> bool {
        self.curtailed || self.inside_band
    }

    pub fn decision(&self) -> Decision {
        if self.remaining == 0 {
            Decision::Stop(Stop::Exhausted)
        } else if self.may_stop() && self.curtailed {
            Decision::Stop(Stop::Curtailed)
        } else if self.may_stop() && self.inside_band {
            Decision::Stop(Stop::Settled)
        } else {
            Decision::Continue
        }
    }

    /// "about N more" from the current margin: a margin shrinks with the square root of the
    /// answers, so reaching the nearest band edge takes about n * (margin / room)^2 answers.
    pub fn more(&self) -> More {
        if self.decision() != Decision::Continue {
            return More::Nothing;
        }
        let floor = MIN_ANSWERS
            .saturating_sub(self.answered)
            .max(self.uncovered.len())
            .max(1);
        let estimate = match (self.overall, self.margin) {
            _ if self.placement_clear() => Some(floor),
            (Some(o), Some(m)) => {
                let room = band_room(o);
                (room > 0.0).then(|| {
                    let needed = self.answered as f64 * (m / room).powi(2);
                    // Bounded by the bank's size below, so the cast cannot overflow.
                    let needed = needed.ceil().min(1e9) as usize;
                    needed.saturating_sub(self.answered).max(floor)
                })
            }
            _ if floor < self.remaining => return More::AtLeast(floor),
            _ => None,
        };
        match estimate {
            Some(n) if n < self.remaining => More::About(n),
            _ => More::UpTo(self.remaining),
        }
    }
}

/// How far a score is from the nearest band edge.
pub fn band_room(overall: f64) -> f64 {
    BAND_EDGES
        .iter()
        .map(|e| (overall - e).abs())
        .fold(f64::INFINITY, f64::min)
}

/// The lowest and highest overall score still possible: the highest takes, from the questions
/// not asked, those whose top answer is above the running mean (best first), and no others,
/// since any other would pull it down; the lowest likewise.
fn reach(view: &View<'_>) -> Option<(f64, f64)> {
    let (a, w) = (view.overall.ws, view.overall.w);
    if w <= 0.0 {
        return None;
    }
    let mut ends: Vec<(f64, f64, f64)> = view
        .candidates()
        .map(|(_, q)| {
            let vs = values(q);
            let lo = vs.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = vs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            (q.weight, lo, hi)
        })
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
