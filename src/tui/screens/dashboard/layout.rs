//! How a panel's lines take the screen: columns side by side when there is room (scrolling is
//! `widgets::scroll`'s, shared with the other screens that scroll).

use ratatui::text::{Line, Span};

use super::panels::Lines;

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
}
