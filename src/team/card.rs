//! A team card: what one person chooses to share of a result. Scores, margins, counts, the
//! archetype and (if they wish) their context; never an answer, a question id or a driver, so a
//! card cannot be turned back into how someone answered.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::bank::{Bank, Form};
use crate::context::Context;
use crate::explain;
use crate::scoring::{Archetype, DimensionScore, MAX_MARGIN};
use crate::store::{BankRef, ResultFile};

/// The newest card format this build reads and writes.
pub const CARD_SCHEMA: u32 = 1;
/// Written in every card, so a card is told from any other JSON file in a folder.
pub const CARD_KIND: &str = "rolefit-team-card";
/// The name a card carries when the person gives none and the result has no label.
pub const ANONYMOUS: &str = "anonymous";
/// A name is shown on one line beside a strip: as short as a result's label.
pub const MAX_NAME_CHARS: usize = crate::store::limits::MAX_LABEL_CHARS;
/// More dimensions than any bank has; a card claiming more is not one rolefit wrote.
pub const MAX_DIMENSIONS: usize = 64;
const MAX_ID_CHARS: usize = 64;
/// More answers than any bank holds (`bank::MAX_QUESTIONS` is far below).
const MAX_ANSWERED: usize = 10_000;

/// One scale as a card holds it: the combined score and each lens, their margins, the count.
pub type Scale = DimensionScore;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub schema: u32,
    pub kind: String,
    pub name: String,
    #[serde(with = "crate::dates::time")]
    pub taken_at: jiff::Timestamp,
    pub form: Form,
    pub bank: BankRef,
    pub model: u32,
    pub overall: Scale,
    pub archetype: Option<Archetype>,
    /// Keyed by dimension id, in the bank's order.
    pub dimensions: IndexMap<String, Scale>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Context>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CardError {
    #[error("it is not JSON rolefit can read: {0}")]
    Parse(String),
    #[error("it is not a rolefit team card (its `kind` is not \"{CARD_KIND}\")")]
    Kind,
    #[error(
        "it was written by a newer rolefit (card schema {0}, this one reads up to {CARD_SCHEMA}); update rolefit to read it"
    )]
    FutureSchema(u32),
    #[error("it has an unknown card schema {0}")]
    Schema(u32),
    #[error("its name is longer than {MAX_NAME_CHARS} characters")]
    Name,
    #[error("its name cannot be written: {0}; choose one with --name")]
    NameRefused(String),
    #[error("{0}")]
    Number(String),
    #[error("its archetype does not match its overall score")]
    Archetype,
    #[error(
        "it has more than {MAX_DIMENSIONS} dimensions or an id longer than {MAX_ID_CHARS} characters"
    )]
    Dimensions,
    #[error("its context is not valid: {0}")]
    Context(String),
    #[error("it is dated {0}, in the future")]
    Future(String),
}

impl Card {
    /// The card of a saved result, scored by the current model (as `show` shows it). `name`:
    /// what the person chose, else the result's label, else "anonymous".
    pub fn of(result: &ResultFile, bank: &Bank, name: Option<&str>, context: bool) -> Card {
        let r = result.clone().rescored(bank);
        let s = &r.scores;
        let name = name
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .or(Some(r.label.trim()).filter(|l| !l.is_empty()))
            .unwrap_or(ANONYMOUS);
        Card {
            schema: CARD_SCHEMA,
            kind: CARD_KIND.to_owned(),
            name: name.to_owned(),
            taken_at: r.taken_at,
            form: r.form,
            bank: r.bank.clone(),
            model: r.model,
            overall: Scale {
                combined: s.overall,
                margin: s.margin,
                preference: s.preference,
                practice: s.practice,
                answered: s.answered,
                preference_margin: s.preference_margin,
                practice_margin: s.practice_margin,
            },
            archetype: s.archetype,
            dimensions: s.dimensions.clone(),
            context: if context { r.context } else { None },
        }
    }

    pub fn to_json(&self) -> String {
        // Plain data of strings, finite numbers and maps: serialising it cannot fail.
        format!(
            "{}\n",
            serde_json::to_string_pretty(self).unwrap_or_default()
        )
    }

    /// Parses and checks a card read from a file: every number a score or margin can be, the
    /// archetype the one its score gives, nothing dated after `now`.
    pub fn parse(text: &str, now: jiff::Timestamp) -> Result<Card, CardError> {
        #[derive(Deserialize)]
        struct Head {
            schema: Option<u32>,
            kind: Option<String>,
        }
        let head: Head =
            serde_json::from_str(text).map_err(|e| CardError::Parse(json_error(&e)))?;
        if head.kind.as_deref() != Some(CARD_KIND) {
            return Err(CardError::Kind);
        }
        match head.schema {
            Some(CARD_SCHEMA) => {}
            Some(n) if n > CARD_SCHEMA => return Err(CardError::FutureSchema(n)),
            n => return Err(CardError::Schema(n.unwrap_or(0))),
        }
        let card: Card =
            serde_json::from_str(text).map_err(|e| CardError::Parse(json_error(&e)))?;
        card.validate(now)?;
        Ok(card)
    }

    /// Refuses a card rolefit would not read back, or whose name is not one clean line (a
    /// label from a file someone sent may be either): checked by every writer, before writing.
    pub fn writable(&self) -> Result<(), CardError> {
        crate::store::limits::check_label(&self.name)
            .map_err(|e| CardError::NameRefused(e.to_string()))
    }

    fn validate(&self, now: jiff::Timestamp) -> Result<(), CardError> {
        if self.name.chars().count() > MAX_NAME_CHARS {
            return Err(CardError::Name);
        }
        if self.dimensions.len() > MAX_DIMENSIONS
            || self
                .dimensions
                .keys()
                .any(|k| k.chars().count() > MAX_ID_CHARS)
        {
            return Err(CardError::Dimensions);
        }
        check_scale("overall", &self.overall)?;
        for (id, d) in &self.dimensions {
            check_scale(id, d)?;
        }
        let expected = self.overall.combined.map(Archetype::from_overall);
        if self.archetype.is_some() && self.archetype != expected {
            return Err(CardError::Archetype);
        }
        if let Some(c) = &self.context {
            c.validate()
                .map_err(|e| CardError::Context(e.to_string()))?;
        }
        // A day of grace for clocks that disagree.
        if self.taken_at > now + jiff::SignedDuration::from_hours(24) {
            return Err(CardError::Future(
                self.taken_at.strftime("%Y-%m-%d").to_string(),
            ));
        }
        Ok(())
    }
}

/// serde_json's error in plain words, with its line (it names no field).
fn json_error(e: &serde_json::Error) -> String {
    let shown = e.to_string();
    let at = format!(" at line {} column {}", e.line(), e.column());
    let what = explain::plain(shown.strip_suffix(&at).unwrap_or(&shown), None);
    explain::Reason {
        line: (e.line() > 0).then_some(e.line()),
        text: what,
    }
    .to_string()
}

/// A score is in [-100, 100]; a margin in (0, 100] and only beside a score.
fn check_scale(id: &str, s: &Scale) -> Result<(), CardError> {
    let bad = |what: &str, v: f64| {
        Err(CardError::Number(format!(
            "its {what} on {} is {}, outside what rolefit computes",
            crate::sanitize::line(id),
            explain::number(v)
        )))
    };
    let pairs = [
        ("score", s.combined, s.margin),
        ("enjoy score", s.preference, s.preference_margin),
        ("do-today score", s.practice, s.practice_margin),
    ];
    for (what, score, margin) in pairs {
        if let Some(v) = score
            && !(v.is_finite() && (-100.0..=100.0).contains(&v))
        {
            return bad(what, v);
        }
        if let Some(m) = margin
            && !(m.is_finite() && m > 0.0 && m <= MAX_MARGIN && score.is_some())
        {
            return bad(&format!("{what}'s margin"), m);
        }
    }
    if s.answered > MAX_ANSWERED {
        return Err(CardError::Number(format!(
            "it claims {} answers on {}",
            s.answered,
            crate::sanitize::line(id)
        )));
    }
    Ok(())
}
