//! The sentences of the team view. Each is built from coverage counts (or, for the enjoy-vs-do
//! gap, from Compare's rule for a real difference) and carries the numbers it used, so a test
//! can recompute it. Only dimensions every card has are spoken of.

use indexmap::IndexMap;
use serde::Serialize;

use super::{Coverage, Lean, Member, and_list, lean};
use crate::compare::delta;

/// How many names a sentence lists before "and N others".
pub const NAMED: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StatementKind {
    /// Nobody leans to one pole on a dimension.
    Nobody,
    /// Every member leans to one pole.
    Everyone,
    /// Members who do more of one side's work than they would choose.
    Gap,
    /// Who leans engineer and who developer on the same dimension.
    BothSides,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    pub sentence: String,
    pub kind: StatementKind,
    pub dimension: String,
    /// "engineer" or "developer": the side the sentence is about (both for `BothSides`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pole: Option<&'static str>,
    /// The counts the sentence used, by name.
    pub numbers: IndexMap<&'static str, usize>,
    /// The members it names, as shown.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
}

const POLES: [(&str, Lean); 2] = [("engineer", Lean::Engineer), ("developer", Lean::Developer)];

fn count(c: &Coverage, l: Lean) -> usize {
    match l {
        Lean::Engineer => c.engineer,
        Lean::Developer => c.developer,
        Lean::Balanced => c.balanced,
        Lean::Unclear => c.unclear,
    }
}

pub fn all(members: &[Member], coverage: &[Coverage]) -> Vec<Statement> {
    let shared: Vec<&Coverage> = coverage.iter().filter(|c| c.shared).collect();
    let n = members.len();
    let mut out = Vec::new();
    if n == 0 {
        return out;
    }
    for c in &shared {
        for (pole, l) in POLES {
            let k = count(c, l);
            if k == 0 {
                let unclear = if c.unclear > 0 {
                    format!(" ({} of {n} unclear there)", c.unclear)
                } else {
                    String::new()
                };
                out.push(Statement {
                    sentence: format!("Nobody leans {pole} on {}{unclear}.", c.title),
                    kind: StatementKind::Nobody,
                    dimension: c.id.clone(),
                    pole: Some(pole),
                    numbers: IndexMap::from([(pole, 0), ("unclear", c.unclear), ("members", n)]),
                    names: Vec::new(),
                });
            } else if k == n && n >= 2 {
                out.push(Statement {
                    sentence: format!("All {n} lean {pole} on {}.", c.title),
                    kind: StatementKind::Everyone,
                    dimension: c.id.clone(),
                    pole: Some(pole),
                    numbers: IndexMap::from([(pole, k), ("members", n)]),
                    names: Vec::new(),
                });
            }
        }
    }
    for c in &shared {
        out.extend(gaps(members, c));
    }
    for c in &shared {
        let on = |l: Lean| -> Vec<String> {
            members
                .iter()
                .filter(|m| {
                    m.card
                        .dimensions
                        .get(&c.id)
                        .is_some_and(|s| lean(s.combined, s.margin) == l)
                })
                .map(|m| m.name.clone())
                .collect()
        };
        let (eng, dev) = (on(Lean::Engineer), on(Lean::Developer));
        if eng.is_empty() || dev.is_empty() {
            continue;
        }
        let verb = if eng.len() == 1 { "leans" } else { "lean" };
        let mut names: Vec<String> = eng.iter().take(NAMED).cloned().collect();
        names.extend(dev.iter().take(NAMED).cloned());
        out.push(Statement {
            sentence: format!(
                "On {}, {} {verb} engineer and {} developer.",
                c.title,
                few(&eng),
                few(&dev)
            ),
            kind: StatementKind::BothSides,
            dimension: c.id.clone(),
            pole: None,
            numbers: IndexMap::from([("engineer", eng.len()), ("developer", dev.len())]),
            names,
        });
    }
    out
}

/// Up to `NAMED` names, then "and N others".
fn few(names: &[String]) -> String {
    if names.len() <= NAMED {
        return and_list(names);
    }
    let rest = names.len() - NAMED;
    format!(
        "{} and {rest} other{}",
        names[..NAMED].join(", "),
        if rest == 1 { "" } else { "s" }
    )
}

/// "4 of 6 do more developer-side work than they would choose on Scope": a member counts only
/// where their enjoy-vs-do difference is real by Compare's rule (larger than both margins
/// combined).
fn gaps(members: &[Member], c: &Coverage) -> Vec<Statement> {
    let n = members.len();
    let (mut eng, mut dev, mut untold) = (0, 0, 0);
    for s in members.iter().filter_map(|m| m.card.dimensions.get(&c.id)) {
        let d = delta(
            s.preference,
            s.practice,
            s.preference_margin,
            s.practice_margin,
        );
        match (d.real_change, d.delta) {
            (Some(true), Some(v)) if v > 0.0 => eng += 1,
            (Some(true), Some(v)) if v < 0.0 => dev += 1,
            (None, _) => untold += 1,
            _ => {}
        }
    }
    [("developer", dev), ("engineer", eng)]
        .into_iter()
        .filter(|(_, k)| *k > 0)
        .map(|(pole, k)| {
            let verb = if k == 1 { "does" } else { "do" };
            let untold_text = if untold > 0 {
                format!(
                    " ({untold} of {n} have too few answers on one side to tell)"
                )
            } else {
                String::new()
            };
            Statement {
                sentence: format!(
                    "{k} of {n} {verb} more {pole}-side work than they would choose on {}{untold_text}.",
                    c.title
                ),
                kind: StatementKind::Gap,
                dimension: c.id.clone(),
                pole: Some(pole),
                numbers: IndexMap::from([("count", k), ("members", n), ("untold", untold)]),
                names: Vec::new(),
            }
        })
        .collect()
}
