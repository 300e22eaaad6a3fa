//! History's sparkline: the overall score over time, drawn above the list.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::HistoryView;
use crate::tui::app::App;

/// The overall score over time, oldest on the left: every result, in marks that fit (see
/// `history::spark`); what a mark stands for, when more than one result, on the row `below`.
pub(super) fn sparkline(h: &HistoryView, area: Rect, below: Rect, buf: &mut Buffer, app: &App) {
    let theme = &app.theme;
    let series = &h.tally.series;
    let label_w = 14u16;
    if area.width <= label_w + 4 || series.is_empty() {
        return;
    }
    buf.set_string(area.x, area.y, "Overall score", theme.dim);
    buf.set_string(area.x, area.y + 1, "over time", theme.dim);
    buf.set_string(area.x, area.y + 2, "eng ↑ dev ↓", theme.dim);
    let room = usize::from(area.width - label_w);
    let spark = crate::history::spark(series, room);
    if let Some(words) = spark.words() {
        // Under the marks, or from the left edge where the marks' column is too narrow.
        let fits = words.chars().count() <= room;
        let x = if fits { below.x + label_w } else { below.x };
        buf.set_string(x, below.y, words, theme.dim);
    }
    spark_columns(
        &spark.marks,
        Rect::new(area.x + label_w, area.y, area.width - label_w, area.height),
        buf,
        theme.marker,
        theme.dim,
    );
}

/// One column per score, bottom-up in eighths of a row. Even -100 draws its lowest eighth: a
/// result is never left out of the line. The bars rise from -100, so a bar alone reads as
/// "high" even below zero: where a bar stops short of the row holding 0, that row shows a dim
/// zero line (`axis`), and a developer-side score is seen under it.
pub fn spark_columns(
    scores: &[f64],
    area: Rect,
    buf: &mut Buffer,
    style: ratatui::style::Style,
    axis: ratatui::style::Style,
) {
    const EIGHTHS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
    let rows = usize::from(area.height);
    let top = rows * 8;
    if top == 0 {
        return;
    }
    let level = |v: f64| {
        let share = (v.clamp(-100.0, 100.0) + 100.0) / 200.0;
        1 + (share * (top - 1) as f64).round() as usize
    };
    let zero_row = (level(0.0) - 1) / 8;
    for (x, v) in scores.iter().take(usize::from(area.width)).enumerate() {
        let level = level(*v);
        for r in 0..rows {
            let filled = level.saturating_sub(r * 8).min(8);
            let y = area.bottom() - 1 - u16::try_from(r).unwrap_or(0);
            let col = area.x + u16::try_from(x).unwrap_or(0);
            if filled == 0 && r == zero_row {
                buf.set_string(col, y, "┄", axis);
            } else {
                buf.set_string(col, y, EIGHTHS[filled], style);
            }
        }
    }
}
