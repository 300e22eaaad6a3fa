//! The Compare page as a document: plain text for a terminal or a log, Markdown for a wiki.
//! Both lay out `page::sections` and word nothing of their own but how to ask for more.

use std::fmt::Write;

use super::page::{AnswerLine, Block, COLUMNS, GAUGE_LEGEND, Key, MORE, Row, sections};
use super::two_marker_bar;
use crate::assets::Texts;
use crate::compare::Comparison;
use crate::report::{md_cell, md_text};

/// The option that lists every question, as `Block::More` names it in a document.
pub const QUESTIONS_FLAG: &str = "--questions";
/// The gauge's width in a document.
const GAUGE_WIDTH: usize = 41;

fn more_sentence(flag: &str, what: &str) -> String {
    format!("Run the same command with {flag} for {what}.")
}

fn gauge(before: Option<f64>, after: Option<f64>) -> String {
    format!(
        "Developer {} Engineer",
        two_marker_bar(before, after, GAUGE_WIDTH)
    )
}

/// "“question”: before → after (toward engineer)"
fn answer_text(a: &AnswerLine) -> String {
    let toward = a.toward_text();
    let toward = if toward.is_empty() {
        toward
    } else {
        format!(" ({toward})")
    };
    format!("“{}”: {}{toward}", a.question, a.answers)
}

fn text_row(r: &Row) -> String {
    let name = if r.sub {
        format!("  {}", r.name)
    } else {
        r.name.clone()
    };
    format!(
        "{name:<30} {:>7} {:>7}  {:<9} {}",
        r.before, r.after, r.change, r.verdict
    )
    .trim_end()
    .to_owned()
}

/// `rolefit compare --format text`; with `questions`, every question listed with its text.
pub fn compare_text(c: &Comparison, texts: &Texts, questions: bool) -> String {
    let mut out = String::new();
    for section in sections(c, texts, questions) {
        match section.key {
            Key::Top => {}
            Key::Table => {
                let _ = writeln!(
                    out,
                    "\n{:<30} {:>7} {:>7}  {}",
                    "", COLUMNS[0], COLUMNS[1], COLUMNS[2]
                );
            }
            _ if section.title.is_empty() => out.push('\n'),
            _ => {
                let _ = writeln!(out, "\n{}", section.title);
            }
        }
        for b in &section.blocks {
            let _ = match b {
                Block::Side { side, text, id } => {
                    let name = format!("{}:", side.name());
                    writeln!(out, "{name:<7} {text} · id {id}")
                }
                Block::Note(t) => writeln!(out, "{t}"),
                Block::Gauge { before, after } => {
                    writeln!(out, "{}   ({GAUGE_LEGEND})", gauge(*before, *after))
                }
                Block::Field(label, t) => writeln!(out, "{label}: {t}"),
                Block::Row(r) => writeln!(out, "{}", text_row(r)),
                Block::Gap => writeln!(out),
                Block::Goal(t) => writeln!(out, "  ★ {t}"),
                Block::Answer(a) => writeln!(out, "  - {}", answer_text(a)),
                Block::More => writeln!(out, "{}", more_sentence(QUESTIONS_FLAG, MORE)),
            };
        }
    }
    out
}

fn md_row(r: &Row) -> String {
    let name = md_cell(&r.name);
    let name = match (r.sub, r.strong) {
        (true, _) => format!("↳ {name}"),
        (false, true) => format!("**{name}**"),
        (false, false) => name,
    };
    format!(
        "| {name} | {} | {} | {} | {} |",
        r.before, r.after, r.change, r.verdict
    )
}

/// `rolefit compare --format md`; with `questions`, every question listed with its text.
pub fn compare_markdown(c: &Comparison, texts: &Texts, questions: bool) -> String {
    let mut out = String::new();
    for section in sections(c, texts, questions) {
        match section.key {
            Key::Top => {
                let _ = writeln!(out, "# rolefit: {}\n", section.title.to_lowercase());
            }
            Key::Table => {
                let _ = writeln!(
                    out,
                    "\n| | {} | {} | {} | |\n|---|---:|---:|---:|---|",
                    COLUMNS[0], COLUMNS[1], COLUMNS[2]
                );
            }
            _ if section.title.is_empty() => out.push('\n'),
            _ => {
                let _ = writeln!(out, "\n## {}\n", md_text(&section.title));
            }
        }
        for b in &section.blocks {
            let _ = match b {
                Block::Side { side, text, id } => writeln!(
                    out,
                    "- **{}:** {} · id {}",
                    side.name(),
                    md_text(text),
                    md_text(id)
                ),
                Block::Note(t) if section.key == Key::Top => writeln!(out, "- {}", md_text(t)),
                Block::Note(t) => writeln!(out, "{}\n", md_text(t)),
                Block::Gauge { before, after } => {
                    writeln!(out, "- `{}` ({GAUGE_LEGEND})", gauge(*before, *after))
                }
                Block::Field(label, t) => writeln!(out, "- **{label}:** {}", md_text(t)),
                Block::Row(r) => writeln!(out, "{}", md_row(r)),
                // A blank line would end the table.
                Block::Gap => Ok(()),
                Block::Goal(t) => writeln!(out, "| ★ {} | | | | |", md_cell(t)),
                Block::Answer(a) => writeln!(out, "- {}", md_text(&answer_text(a))),
                Block::More => writeln!(
                    out,
                    "{}\n",
                    more_sentence(&format!("`{QUESTIONS_FLAG}`"), &md_text(MORE))
                ),
            };
        }
    }
    crate::report::markdown_safe(out.trim_end()) + "\n"
}
