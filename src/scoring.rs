//! The scoring model, version 2 (README, "The scoring model"), exactly as specified, so results
//! are reproducible and an independent implementation can check them. Pure functions of
//! (bank, form, answers).

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::answers::{Answer, Answers};
use crate::bank::{Bank, Form, Kind, Lens, Pole, Question};

mod archetype;
pub mod stored;
pub use archetype::{Archetype, EDGES};

/// The version of the model below; new result files record it. Scores shown, compared or used for
/// a goal are always recomputed from the stored answers with this model, never mixed with another.
pub const MODEL_VERSION: u32 = 2;

/// Below this many answers in a scale, its spread says nothing: the margin is `None`.
pub const MIN_ANSWERS_FOR_MARGIN: usize = 3;
/// The prior's weight, in answers' worth: two answers that agree are not yet certainty.
pub const PRIOR_WEIGHT: f64 = 2.0;
/// The prior's variance on the [-1, 1] item scale: one Likert step (0.5) as a typical deviation.
pub const PRIOR_VARIANCE: f64 = 0.25;
/// A 95% interval is 1.96 standard errors either side.
pub const Z95: f64 = 1.96;
/// A margin never exceeds the whole scale's half-width: wider would claim less than nothing.
pub const MAX_MARGIN: f64 = 100.0;
/// Fewer answers than this in all, and no archetype is named: one answer is not a placement.
pub const MIN_ANSWERS_FOR_ARCHETYPE: usize = 10;
/// A dimension's consistency needs at least two answers to compare with each other.
pub const MIN_ANSWERS_FOR_CONSISTENCY: usize = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionScore {
    pub combined: Option<f64>,
    pub margin: Option<f64>,
    pub preference: Option<f64>,
    pub practice: Option<f64>,
    /// Answered questions in this dimension (both lenses).
    #[serde(default)]
    pub answered: usize,
    #[serde(default)]
    pub preference_margin: Option<f64>,
    #[serde(default)]
    pub practice_margin: Option<f64>,
}

impl DimensionScore {
    /// One scale of the dimension, score and margin: combined (`None`) or one lens.
    pub fn scale(&self, lens: Option<Lens>) -> (Option<f64>, Option<f64>) {
        match lens {
            None => (self.combined, self.margin),
            Some(Lens::Preference) => (self.preference, self.preference_margin),
            Some(Lens::Practice) => (self.practice, self.practice_margin),
        }
    }

    /// That scale's score, only where it has a margin (`evidence`).
    pub fn evidence(&self, lens: Option<Lens>) -> Option<f64> {
        let (score, margin) = self.scale(lens);
        evidence(score, margin).map(|(s, _)| s)
    }
}

/// A score a claim may rest on, with its margin: only where the scale has one
/// (`MIN_ANSWERS_FOR_MARGIN` answers or more). The one rule for "has a margin" that goals,
/// Compare, the Dimensions card and the next steps share; `None` is "too few answers".
pub fn evidence(score: Option<f64>, margin: Option<f64>) -> Option<(f64, f64)> {
    score.zip(margin)
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Drivers {
    pub engineer: Vec<String>,
    pub developer: Vec<String>,
}

/// Every score is in [-100, 100] (+100 = engineer pole) or `None` when nothing it covers was answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    pub overall: Option<f64>,
    pub margin: Option<f64>,
    pub engineer_pct: Option<f64>,
    pub developer_pct: Option<f64>,
    pub preference: Option<f64>,
    pub practice: Option<f64>,
    #[serde(default)]
    pub preference_margin: Option<f64>,
    #[serde(default)]
    pub practice_margin: Option<f64>,
    pub consistency: Option<f64>,
    pub archetype: Option<Archetype>,
    pub answered: usize,
    pub skipped: usize,
    pub dimensions: IndexMap<String, DimensionScore>,
    pub drivers: Drivers,
}

/// s in [-1, 1], +1 = engineer pole; `None` if the answer does not fit the question.
pub fn signed_value(q: &Question, a: &Answer) -> Option<f64> {
    let s = match (&q.kind, a) {
        // Agreeing, and leaning to B, point away from the pole the bank puts first.
        (Kind::Likert { keyed, .. }, Answer::Scale(n @ 1..=5)) => {
            let v = (f64::from(*n) - 3.0) / 2.0;
            if *keyed == Pole::Engineer { v } else { -v }
        }
        (Kind::Pair { first, .. }, Answer::Scale(n @ 1..=5)) => {
            let v = (f64::from(*n) - 3.0) / 2.0;
            if *first == Pole::Developer { v } else { -v }
        }
        (Kind::Choice { options, .. }, Answer::Option(k)) => {
            options.iter().find(|o| o.key == *k)?.lean
        }
        // Two options that fit equally well: neither counts more than the other.
        (Kind::Choice { .. }, Answer::Two(two)) => {
            let [a, b] = two.keys().map(|k| signed_value(q, &Answer::Option(k)));
            (a? + b?) / 2.0
        }
        _ => return None,
    };
    // Adding 0.0 turns -0.0 (a neutral reverse-keyed answer) into 0.0, so no "-0" is ever shown.
    Some(s + 0.0)
}

/// One answered question as scoring sees it.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    pub question: &'a Question,
    pub s: f64,
}

impl Item<'_> {
    fn w(&self) -> f64 {
        self.question.weight
    }
}

/// The answered questions, in bank order.
pub fn items<'a>(bank: &'a Bank, answers: &Answers) -> Vec<Item<'a>> {
    bank.questions
        .iter()
        .filter_map(|q| {
            Some(Item {
                question: q,
                s: signed_value(q, answers.get(&q.id)?)?,
            })
        })
        .collect()
}

fn weighted_mean<'a>(set: impl Iterator<Item = &'a Item<'a>>) -> Option<(f64, f64)> {
    let (sw, sws) = set.fold((0.0, 0.0), |(sw, sws), i| (sw + i.w(), sws + i.w() * i.s));
    (sw > 0.0).then(|| (sws / sw, sw))
}

/// 100 * sum(w s) / sum(w), or `None` for an empty set.
pub fn score<'a>(set: impl Iterator<Item = &'a Item<'a>>) -> Option<f64> {
    weighted_mean(set).map(|(m, _)| 100.0 * m + 0.0)
}

/// The 95% half-width of a set's score, in score points; `None` below three answers. The spread
/// is shrunk toward a prior (`PRIOR_WEIGHT` answers' worth of `PRIOR_VARIANCE`), so agreeing
/// answers never claim certainty, and the result is capped at the scale's half-width.
pub fn margin(set: &[&Item<'_>]) -> Option<f64> {
    if set.len() < MIN_ANSWERS_FOR_MARGIN {
        return None;
    }
    let (m, sw) = weighted_mean(set.iter().copied())?;
    let ss = set.iter().map(|i| i.w() * (i.s - m).powi(2)).sum::<f64>();
    let var = (ss + PRIOR_WEIGHT * PRIOR_VARIANCE) / (sw + PRIOR_WEIGHT);
    let sw2 = set.iter().map(|i| i.w() * i.w()).sum::<f64>();
    let n_eff = sw * sw / sw2;
    Some((Z95 * 100.0 * (var / n_eff).sqrt()).min(MAX_MARGIN))
}

/// c_d = 1 - sum(w |s - m|) / sum(w): 1 when a dimension's answers all agree. Returns (c_d, sum w).
pub fn dimension_consistency(set: &[&Item<'_>]) -> Option<(f64, f64)> {
    let (m, sw) = weighted_mean(set.iter().copied())?;
    let spread = set.iter().map(|i| i.w() * (i.s - m).abs()).sum::<f64>() / sw;
    Some((1.0 - spread, sw))
}

fn of_lens<'s, 'b>(set: &[&'s Item<'b>], l: Lens) -> Vec<&'s Item<'b>> {
    set.iter()
        .copied()
        .filter(|i| i.question.lens == l)
        .collect()
}

/// A scale's score and margin.
fn scale(set: &[&Item<'_>]) -> (Option<f64>, Option<f64>) {
    (score(set.iter().copied()), margin(set))
}

pub fn score_answers(bank: &Bank, form: Form, answers: &Answers) -> Scores {
    let items = items(bank, answers);
    let all: Vec<&Item<'_>> = items.iter().collect();
    let (overall, overall_margin) = scale(&all);
    let (preference, preference_margin) = scale(&of_lens(&all, Lens::Preference));
    let (practice, practice_margin) = scale(&of_lens(&all, Lens::Practice));
    let mut dimensions = IndexMap::new();
    let (mut cw, mut w) = (0.0, 0.0);
    for d in &bank.dimensions {
        let set: Vec<&Item<'_>> = all
            .iter()
            .copied()
            .filter(|i| i.question.dimension == d.id)
            .collect();
        if set.len() >= MIN_ANSWERS_FOR_CONSISTENCY
            && let Some((c, sw)) = dimension_consistency(&set)
        {
            cw += c * sw;
            w += sw;
        }
        let (combined, margin) = scale(&set);
        let (pref, pref_margin) = scale(&of_lens(&set, Lens::Preference));
        let (prac, prac_margin) = scale(&of_lens(&set, Lens::Practice));
        dimensions.insert(
            d.id.clone(),
            DimensionScore {
                combined,
                margin,
                preference: pref,
                practice: prac,
                answered: set.len(),
                preference_margin: pref_margin,
                practice_margin: prac_margin,
            },
        );
    }
    let answered = items.len();
    let skipped = bank
        .form(form)
        .filter(|q| !answers.contains_key(&q.id))
        .count();
    let mut scores = Scores {
        overall,
        margin: overall_margin,
        engineer_pct: None,
        developer_pct: None,
        preference,
        practice,
        preference_margin,
        practice_margin,
        consistency: (w > 0.0).then(|| cw / w),
        archetype: None,
        answered,
        skipped,
        dimensions,
        drivers: drivers(&items),
    };
    stored::derive(&mut scores);
    scores
}

/// `score_answers` for a result that knows the order its questions were asked in. An adaptive
/// form's skipped count is the questions it asked without getting an answer: its answers alone
/// cannot tell a skipped question from one it never asked.
pub fn score_taken(bank: &Bank, form: Form, order: &[String], answers: &Answers) -> Scores {
    let mut scores = score_answers(bank, form, answers);
    if form == Form::Goal {
        one_scale_only(&mut scores);
    }
    if form.asks_chosen() {
        scores.skipped = order
            .iter()
            .filter(|id| bank.question(id).is_some() && !answers.contains_key(*id))
            .count();
    }
    scores
}

/// A goal form's scores: it asked one scale's questions, so it claims nothing overall (no
/// overall score, lenses or archetype): only the dimension it asked about has a score, and
/// saying less beats placing a person from one scale. Consistency stays: it is how its own
/// answers agree, not a placement.
pub fn one_scale_only(scores: &mut Scores) {
    scores.overall = None;
    scores.margin = None;
    scores.engineer_pct = None;
    scores.developer_pct = None;
    scores.preference = None;
    scores.practice = None;
    scores.preference_margin = None;
    scores.practice_margin = None;
    scores.archetype = None;
}

/// Up to three answered ids pulling hardest toward each pole (largest w|s|), ties in bank order.
pub fn drivers(items: &[Item<'_>]) -> Drivers {
    let top = |toward: fn(f64) -> bool| {
        let mut pulling: Vec<&Item<'_>> = items.iter().filter(|i| toward(i.s)).collect();
        // A stable sort keeps bank order among equal pulls.
        pulling.sort_by(|a, b| (b.w() * b.s.abs()).total_cmp(&(a.w() * a.s.abs())));
        pulling
            .iter()
            .take(3)
            .map(|i| i.question.id.clone())
            .collect()
    };
    Drivers {
        engineer: top(|s| s > 0.0),
        developer: top(|s| s < 0.0),
    }
}
