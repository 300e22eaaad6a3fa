//! The spectrum gauge (Developer .. Engineer, with a marker and its margin band) and bars
//! centred on zero for the dimensions.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::tui::theme::Theme;

/// Column (0..width) of a score in [-100, 100].
pub fn column(score: f64, width: u16) -> u16 {
    let span = f64::from(width.saturating_sub(1));
    let x = ((score.clamp(-100.0, 100.0) + 100.0) / 200.0 * span).round();
    // x is in 0..=span, which came from a u16.
    x as u16
}

/// One line: a track, the margin band around the score, and a marker at the score.
pub fn gauge(buf: &mut Buffer, area: Rect, score: f64, margin: Option<f64>, theme: &Theme) {
    if area.width < 3 || area.height == 0 {
        return;
    }
    let y = area.y;
    let w = area.width;
    for x in 0..w {
        buf.set_string(area.x + x, y, "─", theme.dim);
    }
    buf.set_string(area.x + w / 2, y, "┼", theme.dim);
    if let Some(m) = margin {
        let (lo, hi) = (column(score - m, w), column(score + m, w));
        for x in lo..=hi {
            buf.set_string(area.x + x, y, "═", theme.marker);
        }
    }
    buf.set_string(area.x + column(score, w), y, "●", theme.marker);
}

/// A bar from the centre to the score: left for developer, right for engineer.
pub fn centred_bar(buf: &mut Buffer, area: Rect, score: f64, theme: &Theme) {
    if area.width < 3 || area.height == 0 {
        return;
    }
    let w = area.width;
    let mid = w / 2;
    let at = column(score, w);
    for x in 0..w {
        buf.set_string(area.x + x, area.y, "·", theme.dim);
    }
    let (from, to, style): (u16, u16, Style) = if at < mid {
        (at, mid, theme.developer)
    } else {
        (mid, at, theme.engineer)
    };
    for x in from..=to {
        buf.set_string(area.x + x, area.y, "█", style);
    }
    buf.set_string(area.x + mid, area.y, "│", theme.text);
}
