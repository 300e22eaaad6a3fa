//! `rolefit history`: the saved results as text or JSON.

use std::fmt::Write;

use crate::assets::Texts;
use crate::history::{Entry, Row, overall_series, spark, spark_char};

use super::score_with_margin;
use crate::sanitize::line;

/// What a goal-form result's row says in place of an archetype.
pub const ONE_SCALE: &str = "none: one scale only";

pub fn archetype_title(texts: &Texts, row: &Row) -> String {
    if row.covers.is_some() {
        return ONE_SCALE.to_owned();
    }
    row.archetype
        .and_then(|a| texts.archetype(a))
        .map_or_else(|| "-".to_owned(), |a| a.title.clone())
}

/// A cell of a fixed-width column: padded (or cut, with an ellipsis) to `w` columns of
/// display width, so a wide character never shifts the columns after it.
pub fn cell(text: &str, w: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= w {
        return format!("{text}{}", " ".repeat(w - text.width()));
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let cw = ch.width().unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        out.push(ch);
        used += cw;
    }
    out.push('…');
    used += 1;
    out.push_str(&" ".repeat(w.saturating_sub(used)));
    out
}

/// `text` right-aligned in `w` columns of display width.
fn cell_right(text: &str, w: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    format!("{}{text}", " ".repeat(w.saturating_sub(text.width())))
}

/// A result's overall score for a list: "+2.2 ± 24"; "+50.0 *" when it has too few answers
/// for a margin (the list explains the star); "-" without a score.
pub fn overall_cell(row: &Row) -> String {
    match (row.overall, row.margin) {
        (None, _) => "-".to_owned(),
        (Some(_), Some(_)) => score_with_margin(row.overall, row.margin, row.answered),
        (Some(v), None) => format!("{} *", super::fmt_score(Some(v))),
    }
}

/// What the star of `overall_cell` means.
pub const FEW_ANSWERS_NOTE: &str = "* too few answers for a margin";

/// History as text, its sparkline at most `width` columns wide (the terminal's, or 80).
pub fn history_text(entries: &[Entry], texts: &Texts, width: usize) -> String {
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
        const HEAD: &str = "overall over time (oldest → newest): ";
        let s = spark(&series, width.saturating_sub(HEAD.chars().count()).max(1));
        let marks: String = s.marks.iter().map(|v| spark_char(*v)).collect();
        let _ = writeln!(out, "{HEAD}{marks}");
        if let Some(words) = s.words() {
            let _ = writeln!(out, "{words}");
        }
    }
    let columns = |taken: &str, form: &str, arch: &str, overall: &str, id: &str, label: &str| {
        format!(
            "{}  {}  {}  {}  {}  {label}",
            cell(taken, 17),
            cell(form, 8),
            cell(arch, 22),
            cell_right(overall, 12),
            cell(id, 24)
        )
        .trim_end()
        .to_owned()
    };
    let _ = writeln!(
        out,
        "\n{}",
        columns("taken (UTC)", "form", "archetype", "overall", "id", "label")
    );
    let mut starred = false;
    for e in entries {
        match &e.row {
            Ok(r) => {
                let overall = overall_cell(r);
                starred |= overall.ends_with('*');
                let _ = writeln!(
                    out,
                    "{}",
                    columns(
                        &r.taken_at.strftime("%Y-%m-%d %H:%M").to_string(),
                        r.form.as_str(),
                        &archetype_title(texts, r),
                        &overall,
                        &line(&r.id),
                        &line(&r.label)
                    )
                );
                if let Some(stated) = &r.stated_id {
                    let _ = writeln!(out, "  note: {}", crate::store::id_note(&e.id, stated));
                }
            }
            Err(reason) => {
                let _ = writeln!(
                    out,
                    "unreadable: {}: {} (left untouched)",
                    line(&e.file),
                    line(reason)
                );
            }
        }
    }
    if starred {
        let _ = writeln!(out, "\n{FEW_ANSWERS_NOTE}");
    }
    out
}

/// An array of {id, taken_at, label, form, overall, archetype}; unreadable files are left out
/// (the command reports them on stderr).
pub fn history_json(entries: &[Entry]) -> String {
    let rows: Vec<&Row> = entries.iter().filter_map(|e| e.row.as_ref().ok()).collect();
    serde_json::to_string_pretty(&rows).unwrap_or_default()
}
