use std::fmt::Write;

use super::margin_words::score_with_margin;
use super::page::{Block, Chart, Key, document};
use super::page::{DO_TODAY_MARK, ENJOY_MARK};
use super::summary::Summary;
use super::{fmt_score, md_text, text_bar};

/// A lens's score in the table, with the mark the legend above it promises ("◆ +12.0"); a lens
/// without answers has no mark to show.
fn marked(glyph: &str, score: Option<f64>) -> String {
    score.map_or_else(
        || fmt_score(None),
        |v| format!("{glyph} {}", fmt_score(Some(v))),
    )
}

/// The dimensions as a table, with a text bar per row.
fn dimension_table(s: &Summary, out: &mut String) {
    let _ = writeln!(
        out,
        "| Dimension | Score | Enjoy | Do today | Chart |\n|---|---:|---:|---:|---|"
    );
    for d in &s.dims {
        let chart = d.combined.map_or("not enough answers".to_owned(), |v| {
            format!("`{}`", text_bar(v, 21))
        });
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {chart} |",
            super::md_cell(&d.title),
            score_with_margin(d.combined, d.margin, d.answered),
            marked(ENJOY_MARK, d.preference),
            marked(DO_TODAY_MARK, d.practice)
        );
    }
    let _ = writeln!(out);
}

/// Markdown that reads well on GitHub: every section of the page, charts in code blocks and
/// the dimensions as a table.
pub fn markdown_report(s: &Summary) -> String {
    let mut out = String::new();
    for section in document(s) {
        if section.key == Key::Top {
            let _ = writeln!(out, "# rolefit result: {}\n", md_text(&section.title));
        } else {
            let _ = writeln!(out, "## {}\n", md_text(&section.title));
        }
        let mut in_list = false;
        for b in &section.blocks {
            let list_item = matches!(b, Block::Quote { .. } | Block::Lens { .. });
            if in_list && !list_item {
                let _ = writeln!(out);
            }
            in_list = list_item;
            match b {
                Block::Para(t) | Block::Warn(t) => {
                    let _ = writeln!(out, "{}\n", md_text(t));
                }
                Block::Note(t) => {
                    let _ = writeln!(out, "_{}_\n", md_text(t));
                }
                Block::Sub(t) => {
                    let _ = writeln!(out, "### {}\n", md_text(t));
                }
                Block::Bullets(items) => {
                    for i in items {
                        let _ = writeln!(out, "- {}", md_text(i));
                    }
                    let _ = writeln!(out);
                }
                Block::Field(label, t) => {
                    let _ = writeln!(out, "**{label}:** {}\n", md_text(t));
                }
                Block::Lens {
                    label, glyph, text, ..
                } => {
                    let _ = writeln!(out, "- {label} {glyph} {}", md_text(text));
                }
                Block::Quote { text, answer, .. } => {
                    let _ = writeln!(
                        out,
                        "- “{}” — you answered *{}*",
                        md_text(text),
                        md_text(answer)
                    );
                }
                Block::Step { n, head, text, why } => {
                    let _ = writeln!(
                        out,
                        "{n}. **{}**  \n   _{}_  \n   {}\n",
                        md_text(text),
                        md_text(head),
                        md_text(why)
                    );
                }
                Block::Chart(Chart::Dimensions) => dimension_table(s, &mut out),
                Block::Chart(c) => {
                    let _ = writeln!(
                        out,
                        "```\n{}\n```\n",
                        super::text::chart_text(s, *c).join("\n")
                    );
                }
            }
        }
        if in_list {
            let _ = writeln!(out);
        }
    }
    super::markdown_safe(&out)
}
