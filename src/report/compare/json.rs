//! Compare for programs: the numbers unrounded, question ids as they are.

use indexmap::IndexMap;
use serde::Serialize;

use crate::compare::{ChangedAnswer, Comparison, Delta, GoalMove};
use crate::scoring::Archetype;
use crate::store::ResultFile;

#[derive(Serialize)]
struct Side<'a> {
    id: &'a str,
    taken_at: jiff::Timestamp,
    label: &'a str,
    form: crate::bank::Form,
    overall: Option<f64>,
    margin: Option<f64>,
    archetype: Option<Archetype>,
    bank_version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    context: Option<crate::context::Context>,
}

impl<'a> Side<'a> {
    fn of(r: &'a ResultFile) -> Side<'a> {
        Side {
            id: &r.id,
            taken_at: r.taken_at,
            label: &r.label,
            form: r.form,
            overall: r.scores.overall,
            margin: r.scores.margin,
            archetype: r.scores.archetype,
            bank_version: &r.bank.version,
            context: r.context,
        }
    }
}

#[derive(Serialize)]
struct DimJson<'a> {
    title: &'a str,
    #[serde(flatten)]
    combined: Delta,
    preference: Delta,
    practice: Delta,
    goals: &'a [GoalMove],
}

#[derive(Serialize)]
struct CompareJson<'a> {
    before: Side<'a>,
    after: Side<'a>,
    overall_delta: Option<f64>,
    overall_real_change: Option<bool>,
    preference: Delta,
    practice: Delta,
    archetype_changed: bool,
    forms_differ: bool,
    /// What changed in what the person said about themselves: "role: senior → tech lead".
    context_changes: Vec<String>,
    dimensions: IndexMap<&'a str, DimJson<'a>>,
    unshared_dimensions: &'a [String],
    changed_answers: &'a [ChangedAnswer],
    shared_questions: usize,
    not_shared: &'a [String],
    same_bank: bool,
}

pub fn compare_json(c: &Comparison) -> String {
    let json = CompareJson {
        before: Side::of(&c.before),
        after: Side::of(&c.after),
        overall_delta: c.overall.delta,
        overall_real_change: c.overall.real_change,
        preference: c.preference,
        practice: c.practice,
        archetype_changed: c.archetype_changed,
        forms_differ: c.forms_differ,
        context_changes: crate::report::context_changes(
            c.before.context.as_ref(),
            c.after.context.as_ref(),
        ),
        dimensions: c
            .dimensions
            .iter()
            .map(|d| {
                (
                    d.id.as_str(),
                    DimJson {
                        title: &d.title,
                        combined: d.combined,
                        preference: d.preference,
                        practice: d.practice,
                        goals: &d.goals,
                    },
                )
            })
            .collect(),
        unshared_dimensions: &c.unshared_dimensions,
        changed_answers: &c.changed_answers,
        shared_questions: c.shared_questions,
        not_shared: &c.not_shared,
        same_bank: c.same_bank,
    };
    serde_json::to_string_pretty(&json).unwrap_or_default()
}
