//! What a result means beyond its numbers: how consistent the answers are, whether they look
//! careless, which quadrant the person is in, where they sit among the archetype bands, and
//! which learning steps fit. Pure functions.

use serde::{Deserialize, Serialize};

use crate::answers::{Answer, Answers};
use crate::assets::{Guidance, QuadrantId};
use crate::bank::{Bank, Kind, Pole};
use crate::scoring::{Item, Scores, dimension_consistency, items};
use crate::store::Goal;

mod footing;
mod gap;
mod placement;
mod steps;

pub use footing::{
    EARLY_BELOW_YEARS, MAX_PATHS, SENIOR_FROM_YEARS, codes_little, has_footing, lacks,
    level_bounds, level_for, paths,
};
pub use gap::{Gap, Noise};
pub use placement::{Border, Placement, bands, placement};
pub use steps::{
    Because, ChosenStep, DIRECTION_DIMENSION, MAX_STEPS, STATED_DIRECTION, against_a_goal,
    direction_has_a_start, fitting_step, progress, pts, stated_direction, steps, steps_for_person,
    steps_with_goals,
};

/// Below this a dimension's answers pull both ways enough to say so.
pub const LOW_CONSISTENCY: f64 = 0.5;
/// Saying a dimension's answers "pull both ways" needs more than one pair to go by.
const MIN_ANSWERS_FOR_CONTRADICTION: usize = 3;
/// Straight-lining: this many identical answers in a row, in the order asked ...
pub const CARELESS_RUN: usize = 10;
/// ... or more than this share of likert answers on one value.
pub const CARELESS_SHARE: f64 = 0.8;
const MIN_LIKERT_FOR_SHARE: usize = 5;
/// A preference-practice gap this wide (in score points) makes a dimension "divided".
pub const DIVIDED_GAP: f64 = 20.0;
/// Consistency from here up is high: nearly every answer in a dimension on the same point.
/// Careful answers usually vary by about one step of five within a dimension (|s - m| of 0.25
/// to 0.5), which gives 0.5 to 0.75; below `LOW_CONSISTENCY` answers contradict each other.
pub const HIGH_CONSISTENCY: f64 = 0.8;

/// Whether a consistency figure is low, typical or high for careful answering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConsistencyLevel {
    Low,
    Typical,
    High,
}

impl ConsistencyLevel {
    pub fn of(c: f64) -> ConsistencyLevel {
        if c < LOW_CONSISTENCY {
            ConsistencyLevel::Low
        } else if c < HIGH_CONSISTENCY {
            ConsistencyLevel::Typical
        } else {
            ConsistencyLevel::High
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ConsistencyLevel::Low => "low",
            ConsistencyLevel::Typical => "typical",
            ConsistencyLevel::High => "high",
        }
    }
}

/// A dimension whose answers contradict each other, with the two answers furthest apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Contradiction {
    pub dimension: String,
    pub consistency: f64,
    /// The answered question pulling most toward the engineer pole, and most toward the developer pole.
    pub engineer_id: String,
    pub developer_id: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Careless {
    /// The longest run of identical answers, in the order asked.
    pub longest_run: usize,
    /// The largest share of likert answers with one value.
    pub same_share: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Insight {
    /// Per dimension (bank order): its consistency, if it has enough answers.
    pub consistency: Vec<(String, Option<f64>)>,
    pub contradictions: Vec<Contradiction>,
    pub careless: Option<Careless>,
    pub quadrant: Option<QuadrantId>,
    pub steps: Vec<ChosenStep>,
    pub placement: Option<Placement>,
    pub consistency_level: Option<ConsistencyLevel>,
}

/// What the result means. `goals`: the learning goals (open ones lead the steps); `context`:
/// who the person said they are (the steps' levels and fit).
pub fn analyse(
    bank: &Bank,
    order: &[String],
    answers: &Answers,
    scores: &Scores,
    guidance: &Guidance,
    goals: &[Goal],
    context: Option<&crate::context::Context>,
) -> Insight {
    let items = items(bank, answers);
    let mut consistency = Vec::new();
    let mut contradictions = Vec::new();
    for d in &bank.dimensions {
        let set: Vec<&Item<'_>> = items
            .iter()
            .filter(|i| i.question.dimension == d.id)
            .collect();
        let c = (set.len() >= MIN_ANSWERS_FOR_CONTRADICTION)
            .then(|| dimension_consistency(&set))
            .flatten()
            .map(|(c, _)| c);
        if let Some(c) = c.filter(|c| *c < LOW_CONSISTENCY) {
            let by_s = |a: &&&Item<'_>, b: &&&Item<'_>| a.s.total_cmp(&b.s);
            if let (Some(hi), Some(lo)) = (set.iter().max_by(by_s), set.iter().min_by(by_s)) {
                contradictions.push(Contradiction {
                    dimension: d.id.clone(),
                    consistency: c,
                    engineer_id: hi.question.id.clone(),
                    developer_id: lo.question.id.clone(),
                });
            }
        }
        consistency.push((d.id.clone(), c));
    }
    let quadrant = match (scores.preference, scores.practice) {
        (Some(p), Some(q)) => Some(QuadrantId::of(p, q)),
        _ => None,
    };
    Insight {
        consistency,
        contradictions,
        careless: careless(bank, order, answers),
        quadrant,
        steps: steps_for_person(bank, scores, guidance, goals, context),
        placement: placement(scores),
        consistency_level: scores.consistency.map(ConsistencyLevel::of),
    }
}

/// Straight-lining: a long run of one answer, or nearly all likert answers on one value.
pub fn careless(bank: &Bank, order: &[String], answers: &Answers) -> Option<Careless> {
    let asked: Vec<&Answer> = order.iter().filter_map(|id| answers.get(id)).collect();
    let mut longest = 0;
    let mut run = 0;
    for (i, a) in asked.iter().enumerate() {
        run = if i > 0 && asked[i - 1] == *a {
            run + 1
        } else {
            1
        };
        longest = longest.max(run);
    }
    let likert: Vec<u8> = answers
        .iter()
        .filter(|(id, _)| {
            bank.question(id)
                .is_some_and(|q| matches!(q.kind, Kind::Likert { .. }))
        })
        .filter_map(|(_, a)| match a {
            Answer::Scale(n) => Some(*n),
            Answer::Option(_) | Answer::Two(_) => None,
        })
        .collect();
    let same_share = if likert.len() < MIN_LIKERT_FOR_SHARE {
        0.0
    } else {
        let top = (1..=5)
            .map(|v| likert.iter().filter(|n| **n == v).count())
            .max()
            .unwrap_or(0);
        top as f64 / likert.len() as f64
    };
    (longest >= CARELESS_RUN || same_share > CARELESS_SHARE).then_some(Careless {
        longest_run: longest,
        same_share,
    })
}

/// The pole a signed score points to; 0 counts as the engineer side.
pub fn pole_of(v: f64) -> Pole {
    if v >= 0.0 {
        Pole::Engineer
    } else {
        Pole::Developer
    }
}

pub fn pole_word(p: Pole) -> &'static str {
    match p {
        Pole::Engineer => "engineer",
        Pole::Developer => "developer",
    }
}
