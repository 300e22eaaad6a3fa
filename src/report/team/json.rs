//! `rolefit team --format json`: members, coverage and statements, numbers unrounded.

use indexmap::IndexMap;
use serde::Serialize;

use crate::bank::Form;
use crate::context::Context;
use crate::scoring::Archetype;
use crate::store::BankRef;
use crate::team::{Coverage, Scale, Statement, Team};

#[derive(Serialize)]
struct Member<'a> {
    name: &'a str,
    taken_at: jiff::Timestamp,
    form: Form,
    bank: &'a BankRef,
    model: u32,
    overall: Option<f64>,
    margin: Option<f64>,
    answered: usize,
    archetype: Option<Archetype>,
    context: Option<&'a Context>,
    /// Taken more than 12 months ago.
    old: bool,
    dimensions: &'a IndexMap<String, Scale>,
}

#[derive(Serialize)]
struct Refused {
    /// Left out of an anonymous view: a file may be named after its owner.
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    reason: String,
}

#[derive(Serialize)]
struct Page<'a> {
    anonymous: bool,
    members: Vec<Member<'a>>,
    coverage: IndexMap<&'a str, &'a Coverage>,
    statements: &'a [Statement],
    #[serde(skip_serializing_if = "Option::is_none")]
    mixed: Option<&'a str>,
    refused: Vec<Refused>,
    not_read: usize,
}

pub fn team_json(team: &Team) -> String {
    let page = Page {
        anonymous: team.anonymous,
        members: team
            .members
            .iter()
            .map(|m| Member {
                name: &m.name,
                taken_at: m.card.taken_at,
                form: m.card.form,
                bank: &m.card.bank,
                model: m.card.model,
                overall: m.card.overall.combined,
                margin: m.card.overall.margin,
                answered: m.card.overall.answered,
                archetype: m.card.archetype,
                context: m.card.context.as_ref(),
                old: m.old,
                dimensions: &m.card.dimensions,
            })
            .collect(),
        coverage: team.coverage.iter().map(|c| (c.id.as_str(), c)).collect(),
        statements: &team.statements,
        mixed: team.mixed.as_deref(),
        refused: team
            .refused
            .iter()
            .map(|r| Refused {
                path: (!team.anonymous).then(|| r.path.display().to_string()),
                reason: r.reason.clone(),
            })
            .collect(),
        not_read: team.not_read,
    };
    // Plain data of strings, finite numbers and maps: serialising it cannot fail.
    serde_json::to_string_pretty(&page).unwrap_or_default()
}
