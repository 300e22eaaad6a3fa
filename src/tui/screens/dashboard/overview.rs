//! The overview: the result on one screen where there is room (in one, two or three columns),
//! and where there is not, the placement and the dimensions with a line naming the panels,
//! and their keys, that hold what was left out.

use ratatui::text::{Line, Span};

use super::panels::{self, Lines};
use super::{FULL_HEIGHT, FULL_WIDTH, Panel, SIDE_BY_SIDE, TWO_COLUMNS, layout, steps};
use crate::report::Summary;
use crate::report::page::{Block, Chart, Key, section};
use crate::tui::app::Dashboard;
use crate::tui::theme::Theme;
use crate::tui::widgets::flow::para;

/// Consistency with what it means, and what to look at in the answers.
fn quality(s: &Summary, theme: &Theme, w: u16) -> Lines {
    let mut l = para("Answer quality", theme.heading, w, 0);
    l.extend(para(&s.consistency_line, theme.text, w, 0));
    let low: Vec<&str> = s
        .insight
        .contradictions
        .iter()
        .filter_map(|c| s.dims.iter().find(|d| d.id == c.dimension))
        .map(|d| d.title.as_str())
        .collect();
    // Named when few; counted when many (panel 5 names and quotes them all).
    let t = match low.as_slice() {
        [] => String::new(),
        [a] => format!("Your answers pull both ways on {a} (5 Why shows how)."),
        [a, b] => format!("Your answers pull both ways on {a} and {b} (5 Why shows how)."),
        many => format!(
            "Your answers pull both ways on {} dimensions (5 Why shows which).",
            many.len()
        ),
    };
    if !t.is_empty() {
        l.extend(para(&t, theme.warning, w, 0));
    }
    if s.careless {
        l.extend(para(
            "Many answers are identical: if you clicked through quickly, a retake gives a result you can trust (5 Why).",
            theme.warning,
            w,
            0,
        ));
    }
    l
}

/// The archetype's name with the result's label, date and form beside it when they fit (else
/// under it), any note on the form, and the summary.
fn header(s: &Summary, theme: &Theme, w: u16) -> Lines {
    let Some(top) = section(s, Key::Top) else {
        return Lines::new();
    };
    let title = crate::report::page::headline_upper(s);
    let width = crate::tui::widgets::text::width;
    let mut blocks = top.blocks.iter();
    let mut l = Lines::new();
    match blocks.next() {
        Some(Block::Note(meta)) if width(&title) + 3 + width(meta) <= usize::from(w) => {
            l.push(Line::from(vec![
                Span::styled(crate::sanitize::line(&title).into_owned(), theme.heading),
                // Drawn as it was measured: escaped.
                Span::styled(format!("   {}", crate::sanitize::line(meta)), theme.dim),
            ]));
        }
        Some(first) => {
            l.extend(para(&title, theme.heading, w, 0));
            l.extend(panels::block(s, first, theme, w, 0));
        }
        None => l.extend(para(&title, theme.heading, w, 0)),
    }
    for b in blocks {
        l.extend(panels::block(s, b, theme, w, 0));
    }
    l
}

pub fn overview(d: &Dashboard, theme: &Theme, w: u16, h: u16) -> Lines {
    let s = &d.summary;
    let part = |key, width: u16, rows: usize| {
        section(s, key).map_or_else(Lines::new, |sec| {
            panels::section(s, &sec, theme, width, rows)
        })
    };
    let retake = para(&s.retake, theme.dim, w, 0);
    let top = layout::join(vec![header(s, theme, w), part(Key::Stand, w, 0)]);
    if w < FULL_WIDTH || h < FULL_HEIGHT {
        let dims = panels::chart(s, Chart::Dimensions, theme, w, 0);
        let not_shown = not_shown(d)
            .map(|t| para(&t, theme.dim, w, 0))
            .unwrap_or_default();
        return layout::join(vec![top, not_shown, dims, quality(s, theme, w), retake]);
    }
    if w < TWO_COLUMNS {
        return layout::join(vec![
            top,
            panels::chart(s, Chart::Dimensions, theme, w, 0),
            part(Key::Quadrant, w, 9),
            part(Key::Why, w, 0),
            steps(d, theme, w),
            quality(s, theme, w),
            retake,
        ]);
    }
    let n = if w >= SIDE_BY_SIDE { 3 } else { 2 };
    let ws = layout::widths(w, n);
    let last = ws.len() - 1;
    let dims = panels::chart(s, Chart::Dimensions, theme, ws[0], 0);
    let why = part(Key::Why, ws[1], 0);
    let steps = steps(d, theme, ws[last]);
    // Answer quality and the retake line go where they leave the tallest column shortest;
    // the quadrant takes what the first column has left (all but its title, names and axes).
    let avail = usize::from(h).saturating_sub(top.len() + 1);
    let quality_at = |i: usize| {
        let mut q = quality(s, theme, ws[i]);
        q.extend(para(&s.retake, theme.dim, ws[i], 0));
        q
    };
    let quadrant_rows = |spare: usize| spare.saturating_sub(9).clamp(5, 13);
    let mut best: Option<(usize, Vec<Lines>)> = None;
    for at in [1, 0, last] {
        let q = quality_at(at);
        let first_room = avail.saturating_sub(dims.len() + if at == 0 { q.len() + 1 } else { 0 });
        let mut cols: Vec<Vec<Lines>> = vec![
            vec![
                dims.clone(),
                part(Key::Quadrant, ws[0], quadrant_rows(first_room)),
            ],
            vec![why.clone()],
        ];
        if n == 3 {
            cols.push(vec![steps.clone()]);
        } else {
            cols[1].push(steps.clone());
        }
        cols[at.min(last)].push(q);
        let cols: Vec<Lines> = cols.into_iter().map(layout::join).collect();
        let tallest = cols.iter().map(Vec::len).max().unwrap_or(0);
        if best.as_ref().is_none_or(|(t, _)| tallest < *t) {
            best = Some((tallest, cols));
        }
    }
    let mut out = top;
    out.push(Line::default());
    out.extend(layout::side_by_side(
        best.map_or_else(Vec::new, |(_, c)| c),
        &ws,
    ));
    out
}

/// What the full overview holds that a small one leaves out, each with the panel that shows it.
const LEFT_OUT: [(&str, Panel); 3] = [
    ("quadrant", Panel::Chart),
    ("Why", Panel::Why),
    ("Next steps", Panel::Steps),
];

/// "Not shown at this size: quadrant (4 Chart), Why (5), Next steps (6).": the parts of the
/// overview this result has that a small overview leaves out, with the key of the panel that
/// shows each (its name too, where the part's name does not say it). None when nothing is.
pub fn not_shown(d: &Dashboard) -> Option<String> {
    let s = &d.summary;
    let has = |p: Panel| match p {
        Panel::Chart => section(s, Key::Quadrant).is_some(),
        Panel::Why => section(s, Key::Why).is_some(),
        _ => !d.reached.is_empty() || section(s, Key::Steps).is_some(),
    };
    let parts: Vec<String> = LEFT_OUT
        .iter()
        .filter(|(_, p)| has(*p))
        .map(|(what, p)| {
            let named = what.to_lowercase().contains(&p.name().to_lowercase());
            let key = p.key().unwrap_or_else(|| "Tab".to_owned());
            if named {
                format!("{what} ({key})")
            } else {
                format!("{what} ({key} {})", p.name())
            }
        })
        .collect();
    (!parts.is_empty()).then(|| format!("Not shown at this size: {}.", parts.join(", ")))
}
