use std::fmt::Write;

use crate::answers::{Answers, describe_answer};
use crate::bank::Bank;
use crate::scoring::Scores;

use super::{fmt_margin, fmt_score};

/// A plain-text summary for a terminal or a log: where you stand, per dimension, and why. Each
/// answer that pulled hardest is quoted with what was answered, as the dashboard's Why does: a
/// scenario's question alone says nothing about which way it pulled.
pub fn text_report(bank: &Bank, scores: &Scores, answers: &Answers) -> String {
    let mut out = String::new();
    let archetype = scores
        .archetype
        .as_ref()
        .map_or("not placed yet: too few answers", |a| a.id());
    if scores.overall.is_none() && scores.answered > 0 {
        // Answers with no overall score: a goal form's, which asked one scale only.
        let _ = writeln!(
            out,
            "Overall: none: this result covers one scale only, so it places you nowhere overall"
        );
    } else {
        let _ = writeln!(
            out,
            "Overall: {} {}  ({archetype})",
            fmt_score(scores.overall),
            fmt_margin(scores.margin, scores.answered)
        );
    }
    // A split is a placement's claim: with too few answers to place, it would say more than
    // the answers do.
    if let (Some(e), Some(d), Some(_)) = (
        scores.engineer_pct,
        scores.developer_pct,
        scores.archetype.as_ref(),
    ) {
        let _ = writeln!(out, "Engineer {e:.0}%  /  Developer {d:.0}%");
    }
    let _ = writeln!(
        out,
        "Preference {}   Practice {}   Consistency {}",
        fmt_score(scores.preference),
        fmt_score(scores.practice),
        scores
            .consistency
            .map_or("n/a".into(), |c| format!("{c:.2}"))
    );
    let _ = writeln!(
        out,
        "Answered {}, skipped {}",
        scores.answered, scores.skipped
    );
    let _ = writeln!(
        out,
        "\n{:<26} {:>8} {:>20} {:>11} {:>9}",
        "Dimension (-dev .. +eng)", "combined", "margin", "preference", "practice"
    );
    for d in &bank.dimensions {
        let Some(s) = scores.dimensions.get(&d.id) else {
            continue;
        };
        let _ = writeln!(
            out,
            "{:<26} {:>8} {:>20} {:>11} {:>9}",
            d.title,
            fmt_score(s.combined),
            fmt_margin(s.margin, s.answered),
            fmt_score(s.preference),
            fmt_score(s.practice)
        );
    }
    for (pole, ids) in [
        ("engineer", &scores.drivers.engineer),
        ("developer", &scores.drivers.developer),
    ] {
        if !ids.is_empty() {
            let _ = writeln!(out, "\nPulling toward {pole}:");
            for id in ids {
                let Some(q) = bank.question(id) else {
                    continue;
                };
                let said = answers
                    .get(id)
                    .map(|a| format!(" ({})", describe_answer(q, a)))
                    .unwrap_or_default();
                let _ = writeln!(out, "  - {id}: {}{said}", q.text);
            }
        }
    }
    out
}

/// How wide the text and Markdown reports draw their charts.
pub(super) const CHART_WIDTH: usize = 76;
/// The quadrant's plot rows in the text and Markdown reports.
pub(super) const QUADRANT_ROWS: usize = 11;

/// A chart as lines of plain text; the map with its bands named in full under it.
pub(super) fn chart_text(s: &super::Summary, c: super::page::Chart) -> Vec<String> {
    chart_lines(s, c, CHART_WIDTH)
}

/// `chart_text` drawn `width` columns wide.
fn chart_lines(s: &super::Summary, c: super::page::Chart, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = super::chart::draw(s, c, width, QUADRANT_ROWS)
        .iter()
        .map(|r| super::chart::plain(r).trim_end().to_owned())
        .collect();
    if c == super::page::Chart::Map {
        lines.push(format!(
            "Bands: {}",
            super::chart::band_legend(&|a| s.band_title(a))
        ));
    }
    lines
}

/// The whole dashboard as plain text (`rolefit show --format text`): every section of the page.
pub fn result_text(s: &super::Summary) -> String {
    result_text_within(s, CHART_WIDTH + CHART_INDENT + 1)
}

/// The columns before a chart's lines in the text report.
const CHART_INDENT: usize = 2;

/// `result_text` with its charts drawn to fit in `columns` (at most as wide as `result_text`
/// draws them): plain mode ends with this page, wrapped to the terminal.
pub fn result_text_within(s: &super::Summary, columns: usize) -> String {
    use super::page::{Block, Key, document};
    // One column spare: a chart drawn an even width wide may round itself up to odd.
    let chart_width = columns.saturating_sub(CHART_INDENT + 1).min(CHART_WIDTH);
    let mut out = String::new();
    for section in document(s) {
        if section.key == Key::Top {
            let _ = writeln!(out, "{}", super::page::headline_upper(s));
        } else {
            let _ = writeln!(
                out,
                "\n{}\n{}",
                section.title,
                "-".repeat(section.title.chars().count())
            );
        }
        for b in &section.blocks {
            match b {
                Block::Para(t) | Block::Note(t) | Block::Warn(t) => {
                    let _ = writeln!(out, "{t}");
                }
                Block::Sub(t) => {
                    let _ = writeln!(out, "\n{t}");
                }
                Block::Bullets(items) => {
                    for i in items {
                        let _ = writeln!(out, "  - {i}");
                    }
                }
                Block::Field(label, t) => {
                    let _ = writeln!(out, "  {label}: {t}");
                }
                Block::Lens {
                    label, glyph, text, ..
                } => {
                    let _ = writeln!(out, "  {label} {glyph} {text}");
                }
                Block::Quote { text, answer, .. } => {
                    let _ = writeln!(out, "  \"{text}\" ({answer})");
                }
                Block::Step { n, head, text, why } => {
                    let _ = writeln!(out, "  {n}. {text}\n     {head}\n     {why}");
                }
                Block::Chart(c) => {
                    for line in chart_lines(s, *c, chart_width) {
                        let _ = writeln!(out, "  {line}");
                    }
                }
            }
        }
    }
    out
}
