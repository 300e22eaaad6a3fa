//! A step's level, and the clause that says how it was chosen, in words that claim no more than
//! the rule did: what the person does today places it (only where that score has a margin),
//! experience and role bound it, and people with long experience or a staff-level role are
//! offered a leading step wherever one fits.

use super::super::footing::level_rule;
use crate::assets::{Guidance, Level, Need};
use crate::bank::Pole;
use crate::context::Context;

/// How a step's level was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chosen {
    /// What the person does today in the step's direction placed it at `raw`, then experience
    /// and role kept it within their bounds (`level == raw` when they did not move it).
    Practice { raw: Level },
    /// Too few answers on the dimension for a margin: the middle level, within the bounds.
    Unknown,
    /// Long experience or a staff-level role: a leading step, since one fits.
    Senior,
}

/// The level of a step on `dimension` toward `toward`, and how it was chosen. `progress`: how
/// far along the person is that way, `None` without a score with a margin.
pub fn choose(
    guidance: &Guidance,
    context: Option<&Context>,
    (dimension, toward): (&str, Pole),
    progress: Option<f64>,
    lacks: &[Need],
) -> (Level, Chosen) {
    let rule = level_rule(context);
    if rule.senior.is_some()
        && rule.ceiling == Level::Leading
        && guidance
            .steps_fitting(dimension, toward, Level::Leading, lacks)
            .next()
            .is_some()
    {
        return (Level::Leading, Chosen::Senior);
    }
    match progress {
        Some(p) => {
            let raw = Level::for_progress(p);
            (rule.clamp(raw), Chosen::Practice { raw })
        }
        None => (rule.clamp(Level::Growing), Chosen::Unknown),
    }
}

/// " Level: leading, given your 15+ years in software.": what chose the level, naming only the
/// years or role that made a bound or preference apply. Empty where the level is simply what
/// the person does today and nothing about them was said.
pub fn clause(context: Option<&Context>, level: Level, chosen: Chosen) -> String {
    let rule = level_rule(context);
    let l = level.as_str();
    match chosen {
        Chosen::Senior => format!(
            " Level: leading, given {}.",
            rule.senior.as_deref().unwrap_or("your experience")
        ),
        // The middle level is within every person's bounds.
        Chosen::Unknown => format!(
            " Level: {l}, the middle one: this result has too few answers here to fit it to what you do today."
        ),
        Chosen::Practice { raw } if raw != level => {
            let why = if raw < level {
                rule.senior.as_deref()
            } else {
                rule.early.as_deref()
            };
            format!(
                " Level: {l}, not {}, given {}.",
                raw.as_str(),
                why.unwrap_or("what you said about yourself")
            )
        }
        Chosen::Practice { .. } if crate::insight::has_footing(context) => {
            format!(" Level: {l}, from what you do today.")
        }
        Chosen::Practice { .. } => String::new(),
    }
}
