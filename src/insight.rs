//! What a result means beyond its numbers: how consistent the answers are, whether they look
//! careless, which quadrant the person is in, and which learning steps fit. Pure functions.

use crate::answers::{Answer, Answers};
use crate::assets::{Guidance, QuadrantId};
use crate::bank::{Bank, Kind, Pole};
use crate::scoring::{Item, Scores, dimension_consistency, items};

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
const MAX_STEPS: usize = 4;

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
pub struct ChosenStep {
    pub dimension: String,
    pub toward: Pole,
    pub text: String,
    /// Why this step, in a sentence built from the person's scores.
    pub why: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Insight {
    /// Per dimension (bank order): its consistency, if it has enough answers.
    pub consistency: Vec<(String, Option<f64>)>,
    pub contradictions: Vec<Contradiction>,
    pub careless: Option<Careless>,
    pub quadrant: Option<QuadrantId>,
    pub steps: Vec<ChosenStep>,
}

pub fn analyse(
    bank: &Bank,
    order: &[String],
    answers: &Answers,
    scores: &Scores,
    guidance: &Guidance,
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
        steps: steps(bank, scores, guidance),
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
            Answer::Option(_) => None,
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

fn pole_of(v: f64) -> Pole {
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

/// Learning steps: first where what you enjoy and what you do today are furthest apart (a step
/// toward what you enjoy), then where you lean least in your own overall direction (a step that
/// rounds out the profile). One step per dimension, up to four.
pub fn steps(bank: &Bank, scores: &Scores, guidance: &Guidance) -> Vec<ChosenStep> {
    let Some(overall) = scores.overall else {
        return Vec::new();
    };
    let mut chosen: Vec<ChosenStep> = Vec::new();
    let title = |id: &str| {
        bank.dimension(id)
            .map_or(id.to_owned(), |d| d.title.clone())
    };
    let mut divided: Vec<(&String, f64, f64)> = scores
        .dimensions
        .iter()
        .filter_map(|(id, d)| Some((id, d.preference?, d.practice?)))
        .filter(|(_, p, q)| (p - q).abs() >= DIVIDED_GAP)
        .collect();
    divided.sort_by(|a, b| (b.1 - b.2).abs().total_cmp(&(a.1 - a.2).abs()));
    let add = |dim: &str, toward: Pole, why: String, chosen: &mut Vec<ChosenStep>| {
        if chosen.len() >= MAX_STEPS || chosen.iter().any(|c| c.dimension == dim) {
            return;
        }
        if let Some(step) = guidance.steps_for(dim, toward).next() {
            chosen.push(ChosenStep {
                dimension: dim.to_owned(),
                toward,
                text: step.text.clone(),
                why,
            });
        }
    };
    for (id, pref, prac) in divided {
        let toward = pole_of(pref - prac);
        let why = format!(
            "In {} you enjoy {} work more than you do it today (enjoy {:+.0}, do {:+.0}).",
            title(id),
            pole_word(toward),
            pref,
            prac
        );
        add(id, toward, why, &mut chosen);
    }
    let direction = pole_of(overall);
    let sign = if direction == Pole::Engineer {
        1.0
    } else {
        -1.0
    };
    let mut weakest: Vec<(&String, f64)> = scores
        .dimensions
        .iter()
        .filter_map(|(id, d)| Some((id, d.combined?)))
        .collect();
    weakest.sort_by(|a, b| (a.1 * sign).total_cmp(&(b.1 * sign)));
    for (id, combined) in weakest {
        let why = format!(
            "{} is where you lean least toward {} ({:+.0}); a step here rounds out your profile.",
            title(id),
            pole_word(direction),
            combined
        );
        add(id, direction, why, &mut chosen);
    }
    chosen.truncate(MAX_STEPS);
    chosen
}
