//! The page's sections as styled lines wrapped to a width: every block of `report::page` has
//! one look here, so each panel and the overview say exactly what the exports say.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::report::Summary;
use crate::report::chart::{Row, Tone, draw, text_width};
use crate::report::page::{Block, Chart, Key, Section};
use crate::tui::theme::Theme;
use crate::tui::widgets::flow::{flow, para};

pub type Lines = Vec<Line<'static>>;

pub fn tone(theme: &Theme, t: Tone) -> Style {
    match t {
        Tone::Text => theme.text,
        Tone::Dim => theme.dim,
        Tone::Marker => theme.marker,
        Tone::Strong => theme.heading,
        Tone::Engineer => theme.engineer,
        Tone::Developer => theme.developer,
    }
}

pub fn row_line(theme: &Theme, row: Row) -> Line<'static> {
    Line::from(
        row.into_iter()
            .map(|(s, t)| Span::styled(s, tone(theme, t)))
            .collect::<Vec<_>>(),
    )
}

/// The plot rows a quadrant gets: as many as fit `room`, at most a square-looking 15.
pub fn quadrant_rows(room: u16) -> usize {
    usize::from(room.saturating_sub(6)).clamp(5, 15)
}

pub fn chart(s: &Summary, c: Chart, theme: &Theme, width: u16, rows: usize) -> Lines {
    let w = usize::from(width);
    let w = match c {
        // Much wider than four columns a row, the quadrant's cells stop looking square; a
        // little wider keeps its names on one row each.
        Chart::Quadrant => w.min((rows * 4 + 1).max(49)),
        _ => w,
    };
    draw(s, c, w, rows)
        .into_iter()
        .map(|r| row_line(theme, r))
        .collect()
}

fn bold(s: Style) -> Style {
    s.add_modifier(Modifier::BOLD)
}

/// Columns before a lens's bar: "  Do today  ".
const LENS_LEAD: usize = 12;
/// Room kept after a lens's bar for its score: "-100.0 ± 100" and a space.
const LENS_SCORE: usize = 13;

/// The width of every lens bar in a panel of `w` columns (odd, so 0 has a middle column), or
/// none below 11. It depends on the width alone, never on a row's text: a longer text ("too
/// few answers") goes under its bar, so every bar's middle is in the same column.
pub fn lens_bar_width(w: u16) -> Option<usize> {
    let bar_w = usize::from(w)
        .saturating_sub(LENS_LEAD + LENS_SCORE)
        .min(41);
    let bar_w = bar_w.saturating_sub(usize::from(bar_w % 2 == 0));
    (bar_w >= 11).then_some(bar_w)
}

/// One lens of a dimension: its label, a bar with its glyph, and its score with margin.
fn lens(theme: &Theme, label: &str, glyph: &str, score: Option<f64>, text: &str, w: u16) -> Lines {
    let mut spans = vec![Span::styled(format!("  {label:<9} "), theme.dim)];
    match (score, lens_bar_width(w)) {
        (Some(v), Some(bar_w)) => {
            let (enjoy, doing) = if glyph == "◆" {
                (Some(v), None)
            } else {
                (None, Some(v))
            };
            let row = crate::report::chart::bar(v, enjoy, doing, bar_w);
            spans.extend(
                row.into_iter()
                    .map(|(s, t)| Span::styled(s, tone(theme, t))),
            );
            if LENS_LEAD + bar_w + 1 + text_width(text) <= usize::from(w) {
                spans.push(Span::styled(format!(" {text}"), theme.text));
                return vec![Line::from(spans)];
            }
            let indent = u16::try_from(LENS_LEAD).unwrap_or(0);
            let mut lines = vec![Line::from(spans)];
            lines.extend(flow(
                &[(format!("{}{text}", " ".repeat(LENS_LEAD)), theme.text)],
                w,
                indent,
            ));
            lines
        }
        _ => {
            let text = format!("{glyph} {text}");
            let mut all: Vec<(String, Style)> = spans
                .into_iter()
                .map(|s| (s.content.into_owned(), s.style))
                .collect();
            all.push((text, theme.text));
            flow(&all, w, 12)
        }
    }
}

/// A block's lines at `w` columns.
pub fn block(s: &Summary, b: &Block, theme: &Theme, w: u16, chart_rows: usize) -> Lines {
    match b {
        Block::Para(t) => para(t, theme.text, w, 0),
        Block::Note(t) => para(t, theme.dim, w, 0),
        Block::Warn(t) => para(t, theme.warning, w, 0),
        Block::Sub(t) => {
            let mut l = vec![Line::default()];
            l.extend(para(t, bold(theme.text), w, 0));
            l
        }
        Block::Bullets(items) => items
            .iter()
            .flat_map(|i| para(&format!("• {i}"), theme.text, w, 2))
            .collect(),
        Block::Field(label, t) => flow(
            &[
                (format!("{label}:"), bold(theme.dim)),
                (format!(" {t}"), theme.text),
            ],
            w,
            2,
        ),
        Block::Lens {
            label,
            glyph,
            score,
            text,
        } => lens(theme, label, glyph, *score, text, w),
        Block::Quote { text, answer, .. } => flow(
            &[
                (format!("“{text}”"), theme.text),
                (format!(" {answer}"), theme.dim),
            ],
            w,
            1,
        ),
        Block::Step { n, head, text, why } => {
            let mut l = para(&format!("{n}. {text}"), bold(theme.text), w, 3);
            l.extend(para(&format!("   {head}"), theme.marker, w, 3));
            l.extend(para(&format!("   {why}"), theme.dim, w, 3));
            l
        }
        Block::Chart(c) => chart(s, *c, theme, w, chart_rows),
    }
}

/// A section: its title, then its blocks (steps and quotes spaced for reading).
pub fn section(s: &Summary, sec: &Section, theme: &Theme, w: u16, chart_rows: usize) -> Lines {
    let mut lines = para(&sec.title, theme.heading, w, 0);
    if sec.key == Key::Top {
        lines = para(&crate::report::page::headline_upper(s), theme.heading, w, 0);
    }
    for (i, b) in sec.blocks.iter().enumerate() {
        if i > 0 && matches!(b, Block::Step { .. }) {
            lines.push(Line::default());
        }
        lines.extend(block(s, b, theme, w, chart_rows));
    }
    lines
}
