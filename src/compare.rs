//! Before and after: two results side by side, which moves are real and which are noise, and
//! the answers that changed most. Pure functions of the two results, the bank and the goals.

use serde::Serialize;

use crate::answers::describe_answer;
use crate::bank::{Bank, Lens};
use crate::goals::{GoalStatus, judged_on, progress_pct, reading, speaks_to};
use crate::scoring::{Archetype, signed_value};
use crate::store::{Goal, ResultFile};

/// One score, before and after.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Delta {
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub delta: Option<f64>,
    /// The Jacobson-Truax reliable-change test with each result's own error: the move is larger
    /// than sqrt(mb² + ma²). `None` when either side has no margin (too few answers to tell).
    pub real_change: Option<bool>,
}

pub fn delta(before: Option<f64>, after: Option<f64>, mb: Option<f64>, ma: Option<f64>) -> Delta {
    let d = before.zip(after).map(|(b, a)| a - b + 0.0);
    let real_change = match (d, mb, ma) {
        // sqrt(mb² + ma²), written out: `hypot` is the only libm function rolefit would link.
        (Some(d), Some(mb), Some(ma)) => Some(d.abs() > (mb * mb + ma * ma).sqrt()),
        _ => None,
    };
    Delta {
        before,
        after,
        delta: d,
        real_change,
    }
}

/// A goal on a compared dimension: how far each result had come from its baseline to its target
/// (only where that result has a margin on the goal's scale), and the goal's status judged on
/// the "after" result by the one rule Goals uses (`goals::status`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalMove {
    pub id: u32,
    pub lens: Option<Lens>,
    pub target: f64,
    pub before_pct: Option<f64>,
    pub after_pct: Option<f64>,
    pub status: GoalStatus,
    /// The "after" result's answers on the goal's scale.
    pub after_answered: usize,
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

/// Which of the two results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Before,
    After,
}

/// A question only one of the two results asked (another form, or another bank version).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AskedOnce {
    pub id: String,
    /// The question as the result that asked it read it; `None` when that is not known here
    /// (another bank's result, or a question this bank no longer has).
    pub text: Option<String>,
    pub side: Side,
    /// The answer given; `None` when it was skipped.
    pub answer: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub before: ResultFile,
    pub after: ResultFile,
    pub overall: Delta,
    pub preference: Delta,
    pub practice: Delta,
    pub archetype: (Option<Archetype>, Option<Archetype>),
    /// The archetypes differ and the overall move is a real change: only then is the new
    /// archetype more than noise around a band boundary.
    pub archetype_changed: bool,
    /// The two results were taken on different forms (quick against full): the quick side's
    /// margins are wider, so fewer moves can be told from noise.
    pub forms_differ: bool,
    pub dimensions: Vec<DimDelta>,
    /// Dimensions only one of the two results scored.
    pub unshared_dimensions: Vec<String>,
    /// Their titles, in the same order (the id where this bank does not have one).
    pub unshared_titles: Vec<String>,
    /// Largest shift first.
    pub changed_answers: Vec<ChangedAnswer>,
    pub shared_questions: usize,
    /// Questions asked in only one of the two (a different form or bank version).
    pub not_shared: Vec<String>,
    /// The same questions with their texts and the answer given: the "before" result's first,
    /// each side's in the order it asked them.
    pub asked_once: Vec<AskedOnce>,
    pub same_bank: bool,
    /// Taken on two versions of this bank: every score above was recomputed from the questions
    /// both asked (`shared_questions`), not taken from each result's own full score.
    pub on_shared: bool,
}

/// `r` scored on `ids` alone, with the bank it was taken on.
fn on_questions(bank: &Bank, r: &ResultFile, ids: &[&String]) -> crate::scoring::Scores {
    let keep = |id: &String| ids.contains(&id);
    let answers: crate::answers::Answers = r
        .answers
        .iter()
        .filter(|(id, _)| keep(id))
        .map(|(id, a)| (id.clone(), a.clone()))
        .collect();
    let order: Vec<String> = r.order.iter().filter(|id| keep(id)).cloned().collect();
    crate::scoring::score_taken(r.taken_on(bank), r.form, &order, &answers)
}

/// The questions a result asked: its order, or (for results saved without one) its answers.
fn asked(r: &ResultFile) -> Vec<&String> {
    if r.order.is_empty() {
        r.answers.keys().collect()
    } else {
        r.order.iter().collect()
    }
}

/// Both results are rescored with the current model first, so a comparison never mixes models.
/// `today` dates the goals' statuses (due dates).
pub fn compare(
    bank: &Bank,
    before: &ResultFile,
    after: &ResultFile,
    goals: &[Goal],
    today: jiff::civil::Date,
) -> Comparison {
    let (before, after) = (
        &before.clone().rescored(bank),
        &after.clone().rescored(bank),
    );
    let (asked_b, asked_a) = (asked(before), asked(after));
    let shared: Vec<&String> = asked_b
        .iter()
        .copied()
        .filter(|id| asked_a.contains(id))
        .collect();
    // The same bank: the same name, version and questions (a fingerprint alone can be copied).
    let same_bank = before.bank == after.bank;
    // Two versions of this bank: each side is scored on the questions both asked, so a move is
    // never a change of questions. Another bank's result cannot be rescored here, and says so.
    let rescorable = |r: &ResultFile| r.bank.name == bank.name;
    let on_shared = !same_bank && rescorable(before) && rescorable(after);
    let (sb, sa);
    let (b, a) = if on_shared {
        sb = on_questions(bank, before, &shared);
        sa = on_questions(bank, after, &shared);
        (&sb, &sa)
    } else {
        (&before.scores, &after.scores)
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
            // A goal form on another scale is no evidence for this goal: no line, not a verdict.
            .filter(|g| speaks_to(g, after))
            .map(|g| {
                let pct = |r: &ResultFile| {
                    reading(bank, g, r)
                        .evidence()
                        .map(|(s, _)| progress_pct(g, s))
                };
                let judged = judged_on(g, &[after]).map(|r| reading(bank, g, r));
                let status = crate::goals::status(g, judged.as_ref(), today);
                GoalMove {
                    id: g.id,
                    lens: g.lens,
                    target: g.target,
                    before_pct: pct(before),
                    // As Goals shows it: a percentage only where the status rests on one.
                    after_pct: pct(after).filter(|_| status.has_evidence()),
                    status,
                    after_answered: reading(bank, g, after).answered,
                }
            })
            .collect();
        dimensions.push(DimDelta {
            id: id.clone(),
            title: bank
                .dimension(id)
                .map_or_else(|| id.clone(), |d| d.title.clone()),
            combined: delta(db.combined, da.combined, db.margin, da.margin),
            preference: delta(
                db.preference,
                da.preference,
                db.preference_margin,
                da.preference_margin,
            ),
            practice: delta(
                db.practice,
                da.practice,
                db.practice_margin,
                da.practice_margin,
            ),
            goals,
        });
    }
    let mut not_shared: Vec<String> = asked_b
        .iter()
        .filter(|id| !asked_a.contains(id))
        .chain(asked_a.iter().filter(|id| !asked_b.contains(id)))
        .map(|id| (*id).clone())
        .collect();
    not_shared.sort();
    // Grouped by side, each in the order it was asked.
    let only = |mine: &[&String], theirs: &[&String], side, r| {
        mine.iter()
            .filter(|id| !theirs.contains(id))
            .map(|id| asked_once(bank, r, side, id))
            .collect::<Vec<_>>()
    };
    let mut asked_once = only(&asked_b, &asked_a, Side::Before, before);
    asked_once.extend(only(&asked_a, &asked_b, Side::After, after));
    let overall = delta(b.overall, a.overall, b.margin, a.margin);
    Comparison {
        overall,
        preference: delta(
            b.preference,
            a.preference,
            b.preference_margin,
            a.preference_margin,
        ),
        practice: delta(b.practice, a.practice, b.practice_margin, a.practice_margin),
        archetype: (b.archetype, a.archetype),
        archetype_changed: b.archetype != a.archetype && overall.real_change == Some(true),
        forms_differ: before.form != after.form,
        dimensions,
        unshared_titles: unshared_dimensions
            .iter()
            .map(|id| {
                bank.dimension(id)
                    .map_or_else(|| id.clone(), |d| d.title.clone())
            })
            .collect(),
        unshared_dimensions,
        changed_answers: changed_answers(bank, before, after, &shared),
        shared_questions: shared.len(),
        not_shared,
        asked_once,
        same_bank,
        on_shared,
        before: before.clone(),
        after: after.clone(),
    }
}

/// `id`, asked by one of the two only: its text and answer as the result that asked it has them.
/// Another bank's result is not read with this bank's texts (the same id may ask something else).
fn asked_once(bank: &Bank, r: &ResultFile, side: Side, id: &str) -> AskedOnce {
    let q = (r.bank.name == bank.name)
        .then(|| r.taken_on(bank).question(id))
        .flatten();
    AskedOnce {
        id: id.to_owned(),
        text: q.map(|q| q.text.clone()),
        side,
        answer: r
            .answers
            .get(id)
            .map(|a| q.map_or_else(|| a.describe(), |q| describe_answer(q, a))),
    }
}

/// The answers both results gave, where they differ, largest shift first: what moved a score
/// between them (a goal's timeline uses it point by point).
pub fn answers_changed(bank: &Bank, before: &ResultFile, after: &ResultFile) -> Vec<ChangedAnswer> {
    let asked_a = asked(after);
    let shared: Vec<&String> = asked(before)
        .into_iter()
        .filter(|id| asked_a.contains(id))
        .collect();
    changed_answers(bank, before, after, &shared)
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
