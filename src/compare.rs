//! Before and after: two results side by side, which moves are real and which are noise, and
//! the answers that changed most. Pure functions of the two results, the bank and the goals.

use serde::Serialize;

use crate::answers::describe_answer;
use crate::bank::{Bank, Lens};
use crate::goals::{goal_score, progress_pct};
use crate::scoring::{Archetype, Item, items, margin, signed_value};
use crate::store::{Goal, ResultFile};

/// One score, before and after.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Delta {
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub delta: Option<f64>,
    /// The move is larger than the two scores' margins combined: sqrt(mb² + ma²). Without both
    /// margins nobody can tell, so it does not count.
    pub real_change: bool,
}

pub fn delta(before: Option<f64>, after: Option<f64>, mb: Option<f64>, ma: Option<f64>) -> Delta {
    let d = before.zip(after).map(|(b, a)| a - b + 0.0);
    let real_change = match (d, mb, ma) {
        // sqrt(mb² + ma²), written out: `hypot` is the only libm function rolefit would link.
        (Some(d), Some(mb), Some(ma)) => d.abs() > (mb * mb + ma * ma).sqrt(),
        _ => false,
    };
    Delta {
        before,
        after,
        delta: d,
        real_change,
    }
}

/// A goal on a compared dimension: how far each result had come from its baseline to its target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalMove {
    pub id: u32,
    pub lens: Option<Lens>,
    pub target: f64,
    pub before_pct: Option<f64>,
    pub after_pct: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimDelta {
    pub id: String,
    pub title: String,
    pub combined: Delta,
    pub preference: Delta,
    pub practice: Delta,
    pub goals: Vec<GoalMove>,
}

/// A question both results answered, answered differently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangedAnswer {
    pub id: String,
    /// `None` when this bank no longer has the question.
    pub text: Option<String>,
    pub before: String,
    pub after: String,
    /// How far the answer moved on the [-1, 1] scale of one question (+ toward engineer).
    pub shift: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub before: ResultFile,
    pub after: ResultFile,
    pub overall: Delta,
    pub preference: Delta,
    pub practice: Delta,
    pub archetype: (Option<Archetype>, Option<Archetype>),
    pub dimensions: Vec<DimDelta>,
    /// Dimensions only one of the two results scored.
    pub unshared_dimensions: Vec<String>,
    /// Largest shift first.
    pub changed_answers: Vec<ChangedAnswer>,
    pub shared_questions: usize,
    /// Questions asked in only one of the two (a different form or bank version).
    pub not_shared: Vec<String>,
    pub same_bank: bool,
}

/// The questions a result asked: its order, or (for results saved without one) its answers.
fn asked(r: &ResultFile) -> Vec<&String> {
    if r.order.is_empty() {
        r.answers.keys().collect()
    } else {
        r.order.iter().collect()
    }
}

/// The margin of one lens (of one dimension, or of all), recomputed from the answers: results
/// store margins only for dimensions and overall.
fn lens_margin(items: &[Item<'_>], dimension: Option<&str>, lens: Lens) -> Option<f64> {
    let set: Vec<&Item<'_>> = items
        .iter()
        .filter(|i| i.question.lens == lens && dimension.is_none_or(|d| i.question.dimension == d))
        .collect();
    margin(&set)
}

pub fn compare(bank: &Bank, before: &ResultFile, after: &ResultFile, goals: &[Goal]) -> Comparison {
    let (b, a) = (&before.scores, &after.scores);
    let (bi, ai) = (items(bank, &before.answers), items(bank, &after.answers));
    let lens_delta = |dim: Option<&str>, lens: Lens, vb: Option<f64>, va: Option<f64>| {
        delta(
            vb,
            va,
            lens_margin(&bi, dim, lens),
            lens_margin(&ai, dim, lens),
        )
    };
    let mut ids: Vec<&String> = bank.dimensions.iter().map(|d| &d.id).collect();
    for id in b.dimensions.keys().chain(a.dimensions.keys()) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    let mut dimensions = Vec::new();
    let mut unshared_dimensions = Vec::new();
    for id in ids {
        let (Some(db), Some(da)) = (b.dimensions.get(id), a.dimensions.get(id)) else {
            if b.dimensions.contains_key(id) || a.dimensions.contains_key(id) {
                unshared_dimensions.push(id.clone());
            }
            continue;
        };
        let goals = goals
            .iter()
            .filter(|g| g.dimension == *id && g.done_at.is_none())
            .map(|g| GoalMove {
                id: g.id,
                lens: g.lens,
                target: g.target,
                before_pct: goal_score(b, id, g.lens).map(|s| progress_pct(g, s)),
                after_pct: goal_score(a, id, g.lens).map(|s| progress_pct(g, s)),
            })
            .collect();
        dimensions.push(DimDelta {
            id: id.clone(),
            title: bank
                .dimension(id)
                .map_or_else(|| id.clone(), |d| d.title.clone()),
            combined: delta(db.combined, da.combined, db.margin, da.margin),
            preference: lens_delta(Some(id), Lens::Preference, db.preference, da.preference),
            practice: lens_delta(Some(id), Lens::Practice, db.practice, da.practice),
            goals,
        });
    }
    let (asked_b, asked_a) = (asked(before), asked(after));
    let shared: Vec<&String> = asked_b
        .iter()
        .copied()
        .filter(|id| asked_a.contains(id))
        .collect();
    let mut not_shared: Vec<String> = asked_b
        .iter()
        .filter(|id| !asked_a.contains(id))
        .chain(asked_a.iter().filter(|id| !asked_b.contains(id)))
        .map(|id| (*id).clone())
        .collect();
    not_shared.sort();
    Comparison {
        overall: delta(b.overall, a.overall, b.margin, a.margin),
        preference: lens_delta(None, Lens::Preference, b.preference, a.preference),
        practice: lens_delta(None, Lens::Practice, b.practice, a.practice),
        archetype: (b.archetype, a.archetype),
        dimensions,
        unshared_dimensions,
        changed_answers: changed_answers(bank, before, after, &shared),
        shared_questions: shared.len(),
        not_shared,
        same_bank: before.bank.fingerprint == after.bank.fingerprint,
        before: before.clone(),
        after: after.clone(),
    }
}

fn changed_answers(
    bank: &Bank,
    before: &ResultFile,
    after: &ResultFile,
    shared: &[&String],
) -> Vec<ChangedAnswer> {
    let mut changed: Vec<ChangedAnswer> = shared
        .iter()
        .filter_map(|id| {
            let (ab, aa) = (before.answers.get(*id)?, after.answers.get(*id)?);
            if ab == aa {
                return None;
            }
            let q = bank.question(id);
            let describe = |ans: &crate::answers::Answer| {
                q.map_or_else(|| ans.describe(), |q| describe_answer(q, ans))
            };
            Some(ChangedAnswer {
                id: (*id).clone(),
                text: q.map(|q| q.text.clone()),
                before: describe(ab),
                after: describe(aa),
                shift: q.and_then(|q| Some(signed_value(q, aa)? - signed_value(q, ab)? + 0.0)),
            })
        })
        .collect();
    // Stable: equal shifts keep the order the questions were asked in.
    changed.sort_by(|x, y| {
        let size = |c: &ChangedAnswer| c.shift.map_or(0.0, f64::abs);
        size(y).total_cmp(&size(x))
    });
    changed
}
