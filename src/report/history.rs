//! `rolefit history`: the saved results as text or JSON.

use std::fmt::Write;

use crate::assets::Texts;
use crate::history::{Entry, Row, overall_series, spark_char};

use super::score_with_margin;

pub fn archetype_title(texts: &Texts, row: &Row) -> String {
    row.archetype
        .and_then(|a| texts.archetype(a))
        .map_or_else(|| "-".to_owned(), |a| a.title.clone())
}

pub fn history_text(entries: &[Entry], texts: &Texts) -> String {
    let mut out = String::new();
    if entries.is_empty() {
        return "No saved results yet: run `rolefit` and take the assessment.\n".into();
    }
    let readable = entries.iter().filter(|e| e.row.is_ok()).count();
    let _ = writeln!(
        out,
        "{readable} result{}, newest first",
        if readable == 1 { "" } else { "s" }
    );
    let series = overall_series(entries);
    if series.len() > 1 {
        let spark: String = series.iter().map(|v| spark_char(*v)).collect();
        let _ = writeln!(out, "overall over time (oldest → newest): {spark}");
    }
    let _ = writeln!(
        out,
        "\n{:<17}  {:<8}  {:<22}  {:>12}  {:<24}  label",
        "taken (UTC)", "form", "archetype", "overall", "id"
    );
    for e in entries {
        match &e.row {
            Ok(r) => {
                let _ = writeln!(
                    out,
                    "{:<17}  {:<8}  {:<22}  {:>12}  {:<24}  {}",
                    r.taken_at.strftime("%Y-%m-%d %H:%M"),
                    r.form.as_str(),
                    archetype_title(texts, r),
                    score_with_margin(r.overall, r.margin, r.answered)
                        .replace("not enough answers", "-"),
                    r.id,
                    r.label
                );
            }
            Err(reason) => {
                let _ = writeln!(out, "unreadable: {}: {reason} (left untouched)", e.file);
            }
        }
    }
    out
}

/// An array of {id, taken_at, label, form, overall, archetype}; unreadable files are left out
/// (the command reports them on stderr).
pub fn history_json(entries: &[Entry]) -> String {
    let rows: Vec<&Row> = entries.iter().filter_map(|e| e.row.as_ref().ok()).collect();
    serde_json::to_string_pretty(&rows).unwrap_or_default()
}
