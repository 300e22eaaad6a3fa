//! The team view: people's cards in; members, where each leans, coverage per dimension and
//! sentences built from those counts out. Pure: the cards, the bank (for dimension titles) and
//! `now` are given. A spread, never an average: no number here is a mean of people.

use serde::Serialize;

use crate::bank::Bank;

pub mod card;
pub mod load;
mod statements;

pub use card::{ANONYMOUS, CARD_KIND, CARD_SCHEMA, Card, CardError, Scale};
pub use load::{Loaded, MAX_CARDS, Refused, load};
pub use statements::{Statement, StatementKind};

/// A lean is named from this far out on a scale, as the archetype bands do (+/-20).
pub const LEAN_FROM: f64 = 20.0;
/// A card older than this many months is said to be old.
pub const OLD_MONTHS: i64 = 12;

/// Where one person stands on one scale, as coverage counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Lean {
    /// Score >= +20 and its whole margin above 0.
    Engineer,
    /// Score <= -20 and its whole margin below 0.
    Developer,
    /// |score| < 20, with a margin.
    Balanced,
    /// No score or no margin, or a lean its margin does not clear.
    Unclear,
}

/// The one rule for where a score leans (README, "Team view").
pub fn lean(score: Option<f64>, margin: Option<f64>) -> Lean {
    let (Some(s), Some(m)) = (score, margin) else {
        return Lean::Unclear;
    };
    if s >= LEAN_FROM && s - m > 0.0 {
        Lean::Engineer
    } else if s <= -LEAN_FROM && s + m < 0.0 {
        Lean::Developer
    } else if s.abs() < LEAN_FROM {
        Lean::Balanced
    } else {
        Lean::Unclear
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// What every output calls them: their name, disambiguated, or their letter when anonymous.
    pub name: String,
    /// A, B, C ... Z, AA, AB ...: short enough for any strip.
    pub tag: String,
    pub card: Card,
    /// Taken more than `OLD_MONTHS` months before `now`.
    pub old: bool,
}

impl Member {
    /// A scale of this member: the overall one for `None`, else a dimension (if the card has it).
    pub fn scale(&self, dimension: Option<&str>) -> Option<&Scale> {
        match dimension {
            None => Some(&self.card.overall),
            Some(id) => self.card.dimensions.get(id),
        }
    }
}

/// One dimension: its title and who leans where.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    pub id: String,
    pub title: String,
    pub engineer: usize,
    pub developer: usize,
    pub balanced: usize,
    pub unclear: usize,
    /// Members whose card has this dimension.
    pub members: usize,
    /// Every member's card has it: only then is it in a sentence.
    pub shared: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    pub members: Vec<Member>,
    pub refused: Vec<Refused>,
    pub not_read: usize,
    pub anonymous: bool,
    /// Every dimension any card has: the bank's order first, then others as found.
    pub coverage: Vec<Coverage>,
    pub statements: Vec<Statement>,
    /// Banks and scoring models the cards come from, when there is more than one of either.
    pub mixed: Option<String>,
}

/// "A" .. "Z", "AA", "AB" ...: bijective base 26.
pub fn tag(i: usize) -> String {
    let mut n = i + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        // r < 26.
        out.push(char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// Names made unique: every holder of a shared name gets " (1)", " (2)" ..., skipping any
/// that another card already uses.
fn disambiguate(names: &[String]) -> Vec<String> {
    let mut taken: std::collections::HashSet<String> = names.iter().cloned().collect();
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let count = |n: &str| names.iter().filter(|m| m.as_str() == n).count();
    names
        .iter()
        .map(|n| {
            if count(n) < 2 {
                return n.clone();
            }
            let k = seen.entry(n.as_str()).or_insert(0);
            loop {
                *k += 1;
                let candidate = format!("{n} ({k})");
                if taken.insert(candidate.clone()) {
                    return candidate;
                }
            }
        })
        .collect()
}

fn is_old(card: &Card, now: jiff::Timestamp) -> bool {
    now.to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .checked_sub(jiff::Span::new().months(OLD_MONTHS))
        .is_ok_and(|cutoff| card.taken_at < cutoff.timestamp())
}

/// The team of the cards read: names settled, coverage counted, sentences built.
pub fn build(loaded: Loaded, bank: &Bank, now: jiff::Timestamp, anonymous: bool) -> Team {
    let raw: Vec<String> = loaded
        .cards
        .iter()
        .map(|c| {
            let n = c.name.trim();
            if n.is_empty() { ANONYMOUS } else { n }.to_owned()
        })
        .collect();
    let names = disambiguate(&raw);
    let members: Vec<Member> = loaded
        .cards
        .into_iter()
        .zip(names)
        .enumerate()
        .map(|(i, (card, name))| Member {
            name: if anonymous { tag(i) } else { name },
            tag: tag(i),
            old: is_old(&card, now),
            card,
        })
        .collect();
    let coverage = coverage(&members, bank);
    let statements = statements::all(&members, &coverage);
    Team {
        mixed: mixed(&members),
        members,
        refused: loaded.refused,
        not_read: loaded.not_read,
        anonymous,
        coverage,
        statements,
    }
}

fn coverage(members: &[Member], bank: &Bank) -> Vec<Coverage> {
    let mut ids: Vec<&str> = bank
        .dimensions
        .iter()
        .map(|d| d.id.as_str())
        .filter(|id| members.iter().any(|m| m.card.dimensions.contains_key(*id)))
        .collect();
    for m in members {
        for id in m.card.dimensions.keys() {
            if !ids.contains(&id.as_str()) {
                ids.push(id);
            }
        }
    }
    ids.into_iter()
        .map(|id| {
            let mut c = Coverage {
                id: id.to_owned(),
                title: bank
                    .dimension(id)
                    .map_or_else(|| id.to_owned(), |d| d.title.clone()),
                engineer: 0,
                developer: 0,
                balanced: 0,
                unclear: 0,
                members: 0,
                shared: false,
            };
            for s in members.iter().filter_map(|m| m.card.dimensions.get(id)) {
                c.members += 1;
                match lean(s.combined, s.margin) {
                    Lean::Engineer => c.engineer += 1,
                    Lean::Developer => c.developer += 1,
                    Lean::Balanced => c.balanced += 1,
                    Lean::Unclear => c.unclear += 1,
                }
            }
            c.shared = c.members == members.len();
            c
        })
        .collect()
}

/// "question banks default 3 and default 2; scoring models 1 and 2", or `None` when all agree.
fn mixed(members: &[Member]) -> Option<String> {
    let mut banks: Vec<String> = Vec::new();
    let mut models: Vec<u32> = Vec::new();
    for m in members {
        let b = format!("{} {}", m.card.bank.name, m.card.bank.version);
        if !banks.contains(&b) {
            banks.push(b);
        }
        if !models.contains(&m.card.model) {
            models.push(m.card.model);
        }
    }
    let mut parts = Vec::new();
    if banks.len() > 1 {
        parts.push(format!("question banks {}", and_list(&banks)));
    }
    if models.len() > 1 {
        let models: Vec<String> = models.iter().map(u32::to_string).collect();
        parts.push(format!("scoring models {}", and_list(&models)));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// "A", "A and B", "A, B and C".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests;
