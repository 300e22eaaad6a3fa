//! `rolefit compare`: two results side by side. `page` words it once; the text and Markdown
//! reports (`document`) and the Compare screen lay that out; JSON carries the numbers.

mod document;
mod json;
pub mod page;

pub use document::{compare_markdown, compare_text};
pub use json::compare_json;
pub use page::{context_note, forms_note, rule_note, shared_notes};

use crate::assets::Texts;
use crate::bank::Form;
use crate::compare::{Comparison, Delta, GoalMove};
use crate::goals::GoalStatus;
use crate::scoring::Archetype;

use super::{fmt_score, points};

/// How many changed answers the text and Markdown show (JSON carries all of them).
pub const SHOWN_ANSWERS: usize = 6;

/// "▶ +12.0" toward engineer, "◀ -8.0" toward developer, with whether it is real.
pub fn delta_text(d: &Delta) -> String {
    match d.delta {
        None => "n/a".into(),
        Some(v) => {
            let arrow = if v > 0.0 {
                "▶"
            } else if v < 0.0 {
                "◀"
            } else {
                "="
            };
            format!("{arrow} {}", fmt_score(Some(v)))
        }
    }
}

pub fn noise_text(d: &Delta) -> &'static str {
    match (d.delta, d.real_change) {
        (None, _) => "",
        (Some(_), Some(true)) => "real change",
        (Some(_), Some(false)) => "within noise",
        (Some(_), None) => "too few answers to tell",
    }
}

/// "Hybrid → Engineer-leaning", or "still Hybrid".
pub fn archetype_change(texts: &Texts, c: &Comparison) -> String {
    let title = |a: Option<Archetype>| {
        a.and_then(|a| texts.archetype(a))
            .map_or_else(|| "not placed".to_owned(), |t| t.title.clone())
    };
    if c.before.form == Form::Goal || c.after.form == Form::Goal {
        return crate::report::goal_form::NOT_COMPARED.to_owned();
    }
    let (b, a) = c.archetype;
    if b == a {
        format!("still {}", title(a))
    } else if c.archetype_changed || b.is_none() || a.is_none() {
        format!("{} → {}", title(b), title(a))
    } else {
        format!(
            "{} → {} (the overall move is not a real change, so this may be noise at a band's edge)",
            title(b),
            title(a)
        )
    }
}

/// "goal #2: 40% → 75% of the way to +50 · on track": the status is the goal's, judged on the
/// "after" result by the rule Goals uses.
pub fn goal_move_text(g: &GoalMove) -> String {
    let status = match g.status {
        GoalStatus::TooFewAnswers => format!(
            "too few answers: {} on its scale in the after result, {} needed to tell",
            g.after_answered,
            crate::scoring::MIN_ANSWERS_FOR_MARGIN
        ),
        GoalStatus::NoResultSince => "set after the after result was taken".to_owned(),
        s => s.label().to_owned(),
    };
    format!(
        "goal #{}{}: {} → {} of the way to {} · {status}",
        g.id,
        g.lens
            .map(|l| format!(" ({})", l.title().to_lowercase()))
            .unwrap_or_default(),
        super::pct(g.before_pct),
        super::pct(g.after_pct),
        points(Some(g.target))
    )
}

/// A bar with both results on it: ◇ before, ● after, │ the centre.
pub fn two_marker_bar(before: Option<f64>, after: Option<f64>, width: usize) -> String {
    let width = width.max(3) | 1;
    let col =
        |v: f64| (((v.clamp(-100.0, 100.0) + 100.0) / 200.0) * (width - 1) as f64).round() as usize;
    let (b, a) = (before.map(col), after.map(col));
    (0..width)
        .map(|x| {
            if Some(x) == a {
                '●'
            } else if Some(x) == b {
                '◇'
            } else if x == width / 2 {
                '│'
            } else {
                '·'
            }
        })
        .collect()
}
