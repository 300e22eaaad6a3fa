//! Scores rendered for people and programs: plain text and JSON.

mod text;

pub use text::text_report;

use crate::scoring::Scores;

/// The scoring model's fields as JSON, numbers unrounded.
pub fn json_report(scores: &Scores) -> String {
    // Serialising plain structs of numbers, strings and maps cannot fail.
    serde_json::to_string_pretty(scores).unwrap_or_default()
}

/// A score for reading: one decimal, "n/a" when there were no answers to compute it from.
pub fn fmt_score(v: Option<f64>) -> String {
    v.map_or_else(
        || "n/a".to_owned(),
        |v| format!("{v:+.1}").replace("+0.0", "0.0"),
    )
}

pub fn fmt_margin(v: Option<f64>) -> String {
    v.map_or_else(String::new, |m| format!("± {m:.1}"))
}
