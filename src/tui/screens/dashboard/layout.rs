//! How a panel's lines take the screen: columns side by side when there is room, one list that
//! scrolls, and a visible hint when there is more above or below.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::panels::Lines;
use crate::tui::theme::Theme;

/// Columns between columns.
pub const GAP: u16 = 3;

/// Widths of `n` columns sharing `w` with gaps between them.
pub fn widths(w: u16, n: u16) -> Vec<u16> {
    let n = n.max(1);
    let room = w.saturating_sub(GAP * (n - 1));
    (0..n).map(|i| room / n + u16::from(i < room % n)).collect()
}

/// Columns of lines merged into one list of lines, each column padded to its width.
pub fn side_by_side(columns: Vec<Lines>, widths: &[u16]) -> Lines {
    let rows = columns.iter().map(Vec::len).max().unwrap_or(0);
    let mut iters: Vec<_> = columns.into_iter().map(IntoIterator::into_iter).collect();
    (0..rows)
        .map(|_| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            let last = iters.len().saturating_sub(1);
            for (i, (col, w)) in iters.iter_mut().zip(widths).enumerate() {
                let line = col.next().unwrap_or_default();
                let used = line.width();
                spans.extend(line.spans);
                if i < last {
                    let pad = usize::from(*w).saturating_sub(used) + usize::from(GAP);
                    spans.push(Span::raw(" ".repeat(pad)));
                }
            }
            Line::from(spans)
        })
        .collect()
}

/// Splits `heights` (in order) into `n` runs so the tallest run is as short as possible:
/// the index where each run after the first starts.
pub fn balance(heights: &[usize], n: usize) -> Vec<usize> {
    let len = heights.len();
    let sum = |a: usize, b: usize| heights[a..b].iter().sum::<usize>();
    match n.min(len) {
        0 | 1 => Vec::new(),
        2 => (1..len)
            .min_by_key(|&i| sum(0, i).max(sum(i, len)))
            .into_iter()
            .collect(),
        _ => {
            let mut best = (usize::MAX, Vec::new());
            for i in 1..len {
                for j in i + 1..len {
                    let tallest = sum(0, i).max(sum(i, j)).max(sum(j, len));
                    if tallest < best.0 {
                        best = (tallest, vec![i, j]);
                    }
                }
            }
            best.1
        }
    }
}

/// Groups of lines (`build` lays them out at a width) in up to `n` columns of `w` columns in
/// all, balanced by height.
pub fn columns(w: u16, n: u16, build: &dyn Fn(u16) -> Vec<Lines>) -> Lines {
    let groups = build(w);
    let n = n.min(u16::try_from(groups.len()).unwrap_or(1)).max(1);
    if n == 1 {
        return join(groups);
    }
    let ws = widths(w, n);
    // Laid out at the narrowest column's width (the first columns get any odd column).
    let narrow = build(ws[ws.len() - 1]);
    let heights: Vec<usize> = narrow.iter().map(Vec::len).collect();
    let cuts = balance(&heights, usize::from(n));
    let mut cols = Vec::new();
    let mut start = 0;
    let mut narrow = narrow.into_iter();
    for end in cuts.iter().copied().chain([heights.len()]) {
        let part: Vec<Lines> = narrow.by_ref().take(end - start).collect();
        cols.push(join(part));
        start = end;
    }
    side_by_side(cols, &ws)
}

/// Groups one after another, a blank line between them.
pub fn join(groups: Vec<Lines>) -> Lines {
    let mut out = Lines::new();
    for g in groups.into_iter().filter(|g| !g.is_empty()) {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.extend(g);
    }
    out
}

/// How far `total` lines can scroll in `h` rows: at the end the "more above" hint takes a row.
pub fn max_scroll(total: usize, h: u16) -> u16 {
    let h = usize::from(h);
    if total <= h {
        0
    } else {
        u16::try_from(total - h.saturating_sub(1)).unwrap_or(u16::MAX)
    }
}

/// Draws `lines` from `scroll` down, with "more above" and "more below" hints where lines are
/// out of sight. Returns how far it can scroll.
pub fn draw(
    lines: &[Line<'static>],
    area: Rect,
    scroll: u16,
    buf: &mut Buffer,
    theme: &Theme,
) -> u16 {
    let max = max_scroll(lines.len(), area.height);
    let top = usize::from(scroll.min(max));
    let h = usize::from(area.height);
    if h == 0 {
        return max;
    }
    let up = top > 0;
    let avail = h - usize::from(up);
    let down = lines.len().saturating_sub(top) > avail;
    let shown = avail - usize::from(down && avail > 0);
    let mut y = area.y;
    if up {
        let hint = format!("▲ {top} more above · ↑ scrolls");
        buf.set_string(
            area.x,
            y,
            crate::tui::widgets::text::truncate(&hint, usize::from(area.width)),
            theme.marker,
        );
        y += 1;
    }
    for line in lines.iter().skip(top).take(shown) {
        buf.set_line(area.x, y, line, area.width);
        y += 1;
    }
    if down {
        let below = lines.len() - top - shown;
        let hint = format!("▼ {below} more below · ↓ or PgDn scrolls");
        buf.set_string(
            area.x,
            y,
            crate::tui::widgets::text::truncate(&hint, usize::from(area.width)),
            theme.marker,
        );
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balance_keeps_the_tallest_column_short() {
        assert_eq!(balance(&[10, 10, 10, 10], 2), [2]);
        assert_eq!(balance(&[30, 5, 5, 5, 5], 2), [1]);
        assert_eq!(balance(&[5, 5, 5, 5, 5, 5], 3), [2, 4]);
        assert!(balance(&[5], 3).is_empty());
    }

    #[test]
    fn widths_share_the_room() {
        assert_eq!(widths(100, 2), [49, 48]);
        assert_eq!(widths(10, 1), [10]);
    }

    #[test]
    fn scrolling_stops_with_the_last_line_in_view() {
        assert_eq!(max_scroll(10, 10), 0);
        // 20 lines in 10 rows: at the end, one row shows "more above" and nine show lines.
        assert_eq!(max_scroll(20, 10), 11);
    }
}
