//! Text taller than its screen. `Scroll` is the one scroller of every screen that scrolls as a
//! whole (dashboard panels, the intro, Compare, the help overlay): its position, the keys that
//! move it and the "more above/below" hints. `window` is for the question screen, which keeps
//! the highlighted option in view instead.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::text::truncate;
use crate::tui::action::Action;
use crate::tui::theme::Theme;

/// How far a scrolling text is scrolled, and how far it could go when last drawn.
#[derive(Debug, Clone)]
pub struct Scroll {
    pub top: u16,
    /// The furthest `top` can usefully go at the last drawn size: the view sets it (the end
    /// depends on the size), so ↓ stops at the end and ↑ after PgDn there moves at once.
    pub max: Cell<u16>,
}

impl Default for Scroll {
    fn default() -> Scroll {
        // Not drawn yet: no end known, so nothing is clamped until it is.
        Scroll {
            top: 0,
            max: Cell::new(u16::MAX),
        }
    }
}

/// Two positions are the same when they show the same lines; the recorded end is a cache.
impl PartialEq for Scroll {
    fn eq(&self, other: &Scroll) -> bool {
        self.top == other.top
    }
}

impl Scroll {
    /// Applies a scrolling action; false when `action` is not one (the screen handles it).
    pub fn update(&mut self, action: Action) -> bool {
        self.update_within(action, self.max.get())
    }

    /// `update` for a screen whose memo knows how far its text scrolls (`memo::Laid::end`);
    /// `u16::MAX` when nothing is laid out yet.
    pub fn update_within(&mut self, action: Action, end: u16) -> bool {
        self.top = self.top.min(end);
        self.top = match action {
            Action::Up => self.top.saturating_sub(1),
            Action::Down => self.top.saturating_add(1),
            Action::PageUp => self.top.saturating_sub(10),
            Action::PageDown => self.top.saturating_add(10),
            Action::Top => 0,
            Action::Bottom => u16::MAX,
            _ => return false,
        };
        true
    }

    /// Draws `lines` into `area` from the current position, with the hints, and records how
    /// far it can scroll at this size.
    pub fn draw(&self, lines: &[Line<'_>], area: Rect, buf: &mut Buffer, theme: &Theme) {
        self.max.set(draw_at(lines, area, self.top, buf, theme));
    }

    /// Draws lines a memo laid out for `area`'s height; the memo knows their end, so nothing
    /// is recorded here.
    pub fn show(&self, laid: &super::memo::Laid, area: Rect, buf: &mut Buffer, theme: &Theme) {
        draw_at(&laid.lines, area, self.top, buf, theme);
    }
}

/// A "more lines" mark, in the marker style.
pub fn more(buf: &mut Buffer, area: Rect, text: &str, theme: &Theme) {
    Paragraph::new(Line::styled(
        truncate(&format!("   {text}"), usize::from(area.width)),
        theme.marker,
    ))
    .render(area, buf);
}

/// Which rows of `len` fit in `room` lines with `keep` in view: (first row, rows shown, a
/// "more above" line, a "more below" line). The marker lines take a row each.
pub fn window(
    len: usize,
    room: usize,
    keep: &std::ops::Range<usize>,
) -> (usize, usize, bool, bool) {
    if len <= room {
        return (0, len, false, false);
    }
    if room < 3 {
        return (keep.start.min(len.saturating_sub(room)), room, false, false);
    }
    if keep.end < room {
        // Everything up to the highlighted rows fits above a "more below" line.
        return (0, room - 1, false, true);
    }
    let tail = len - (room - 1);
    if keep.start >= tail {
        return (tail, room - 1, true, false);
    }
    let shown = room - 2;
    let offset = keep.end.saturating_sub(shown).min(keep.start);
    // Rows to keep that do not fit start at the top: then nothing is above.
    (offset, shown, offset > 0, offset + shown < len)
}

/// Draws `lines` (each with what a click on it does) into `area`, scrolled to keep the lines
/// `keep` in view, with "more lines above/below" marks: for lists whose position follows a
/// highlighted item (Goals, the goal form).
pub fn draw_window(
    lines: &[(Option<Action>, Line<'_>)],
    keep: &std::ops::Range<usize>,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
    hits: &mut crate::tui::view::Hits,
) {
    let (top, shown, above, below) = window(lines.len(), usize::from(area.height), keep);
    let mut y = area.y;
    let mark = |buf: &mut Buffer, y: u16, hint: &str| {
        more(buf, Rect::new(area.x, y, area.width, 1), hint, theme);
    };
    if above {
        mark(buf, y, &format!("▲ {top} more lines above"));
        y += 1;
    }
    for (click, line) in lines.iter().skip(top).take(shown) {
        buf.set_line(area.x, y, line, area.width);
        if let Some(action) = click {
            hits.push((Rect::new(area.x, y, area.width, 1), *action));
        }
        y += 1;
    }
    if below {
        mark(
            buf,
            y,
            &format!("▼ {} more lines below", lines.len() - top - shown),
        );
    }
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
fn draw_at(lines: &[Line<'_>], area: Rect, scroll: u16, buf: &mut Buffer, theme: &Theme) -> u16 {
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
    let hint = |buf: &mut Buffer, y: u16, text: &str| {
        buf.set_string(
            area.x,
            y,
            truncate(text, usize::from(area.width)),
            theme.marker,
        );
    };
    let mut y = area.y;
    if up {
        hint(buf, y, &format!("▲ {top} more above · ↑ scrolls"));
        y += 1;
    }
    for line in lines.iter().skip(top).take(shown) {
        buf.set_line(area.x, y, line, area.width);
        y += 1;
    }
    if down {
        let below = lines.len() - top - shown;
        hint(buf, y, &format!("▼ {below} more below · ↓ or PgDn scrolls"));
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_stops_with_the_last_line_in_view() {
        assert_eq!(max_scroll(10, 10), 0);
        // 20 lines in 10 rows: at the end, one row shows "more above" and nine show lines.
        assert_eq!(max_scroll(20, 10), 11);
    }

    #[test]
    fn a_position_past_the_end_moves_back_at_once() {
        let mut s = Scroll::default();
        assert!(s.update(Action::Bottom));
        s.max.set(5);
        assert!(s.update(Action::Up));
        assert_eq!(s.top, 4);
        assert!(!s.update(Action::Confirm));
    }
}
