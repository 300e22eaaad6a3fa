//! A list taller than its screen: which lines fit with the ones that matter in view, and the
//! marks that say more lines are above or below.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::text::truncate;

/// A "more lines" mark, in the marker style.
pub fn more(buf: &mut Buffer, area: Rect, text: &str, theme: &crate::tui::theme::Theme) {
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
