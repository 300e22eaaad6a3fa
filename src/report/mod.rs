//! Results rendered for people and programs: text, Markdown, JSON and HTML.

mod adaptive;
pub mod chart;
mod compare;
mod context;
mod export;
mod foreign;
mod goal_form;
mod goals;
pub mod hint;
mod history;
mod html;
mod margin_words;
mod markdown;
pub mod page;
pub mod sentences;
mod summary;
pub mod team;
mod text;
pub mod timeline;

pub use adaptive::{percent, provisional_note, replay_json, replay_text};
pub use compare::{
    SHOWN_ANSWERS, archetype_change, compare_json, compare_markdown, compare_text, context_note,
    delta_text, forms_note, goal_move_text, noise_text, page as compare_page, rule_note,
    shared_notes, two_marker_bar,
};
pub use context::{
    YEARS, context_changes, context_kept_aside, context_line, level_basis, role_short, role_words,
    users_words, years_words,
};
pub use export::{Export, Reading, json_export};
pub use goals::{
    goals_json, goals_text, left_out_text, pct, points, status_why, steps_without, unreadable_text,
};
pub use history::{
    FEW_ANSWERS_NOTE, archetype_title, cell, history_json, history_text, overall_cell,
};
pub use html::html_report;
pub use html::timeline_html;
pub use margin_words::{score_parts, score_with_margin, too_few};
pub use markdown::markdown_report;
pub use summary::{
    DimRow, Driver, Summary, UNPLACED_TITLE, summarise, summarise_with_goals, unplaced,
};
pub use text::{result_text, result_text_within, text_report};
pub use timeline::{AskWith, timeline_json, timeline_lines, timeline_markdown, timeline_text};

use crate::sanitize::line;
use crate::scoring::Scores;

/// The scoring model's fields as JSON, numbers unrounded.
pub fn json_report(scores: &Scores) -> String {
    // Serialising plain structs of numbers, strings and maps cannot fail.
    serde_json::to_string_pretty(scores).unwrap_or_default()
}

/// `json_report` with the `context` the answers came with, as `context`.
pub fn json_scores(scores: &Scores, context: Option<&crate::context::Context>) -> String {
    #[derive(serde::Serialize)]
    struct WithContext<'a> {
        #[serde(flatten)]
        scores: &'a Scores,
        #[serde(skip_serializing_if = "Option::is_none")]
        context: Option<&'a crate::context::Context>,
    }
    serde_json::to_string_pretty(&WithContext { scores, context }).unwrap_or_default()
}

/// A score for reading: one decimal, "n/a" when there were no answers to compute it from.
pub fn fmt_score(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".to_owned(), |v| crate::number::signed(v, 1))
}

/// "± 9.1", or why there is none: "too few answers (2)" (nothing at all without answers).
pub fn fmt_margin(v: Option<f64>, n: usize) -> String {
    match v {
        Some(m) => format!("± {m:.1}"),
        None if n > 0 => too_few(n),
        None => String::new(),
    }
}

/// A text bar centred on 0: `·····███│·········` for a score in [-100, 100], without the
/// enjoy/do marks (`chart::bar_text` draws them).
pub fn text_bar(score: f64, width: usize) -> String {
    chart::bar_text(score, None, None, width)
}

/// " · “label”", or nothing for a result without a label.
pub fn label_suffix(label: &str) -> String {
    if label.is_empty() {
        String::new()
    } else {
        format!(" · “{}”", line(label))
    }
}

/// A Markdown document made safe to render and to print: raw HTML in it (from a label or a
/// bank) shows as text, and control and bidi characters are escaped. rolefit's own Markdown has
/// no `&`, `<` or `>`, so escaping them everywhere changes only what came from outside.
pub(crate) fn markdown_safe(md: &str) -> String {
    crate::sanitize::text(md)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Text for one cell of a Markdown table: a `|` in it would start another cell.
pub(crate) fn md_cell(s: &str) -> String {
    md_text(s)
}

/// Plain text (a label, a title, a question, a sentence of ours) placed in Markdown: one line, and
/// every character Markdown gives a meaning escaped, so a label can open no link, image, heading,
/// emphasis or table cell. `&`, `<` and `>` are left to `markdown_safe`, which makes them entities
/// (a backslash before an entity would show it literally).
pub fn md_text(s: &str) -> String {
    let one = line(s);
    let mut out = String::with_capacity(one.len() + 8);
    for (i, c) in one.chars().enumerate() {
        let starts_block = i == 0 && matches!(c, '+' | '-' | '=');
        if starts_block
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '!' | '|' | '~'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
    // GitHub turns a bare address into a link (`https://…`, `www.…`, `name@host`): the
    // characters it looks for are escaped, so the text shows as text.
    let mut out = out
        .replace("://", ":\\/\\/")
        .replace("www.", "www\\.")
        .replace('@', "\\@");
    // "1. " or "1) " at the start would begin a numbered list.
    if let Some(p) = out.find(|c: char| !c.is_ascii_digit())
        && p > 0
        && matches!(out.as_bytes()[p], b'.' | b')')
    {
        out.insert(p, '\\');
    }
    out
}
