//! The dashboard of a goal-form result: one page, no tabs. It covers one scale, so there is no
//! placement, map, archetype or path to show: what it is, and that scale's card.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::panels::{self, Lines};
use crate::report::Summary;
use crate::report::page::{Key, section};
use crate::tui::app::Dashboard;
use crate::tui::theme::Theme;
use crate::tui::widgets::memo::Laid;

pub fn view(d: &Dashboard, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let s = &d.summary;
    let laid = d.laid_out.get((d.panel, area.width, area.height), || Laid {
        lines: one_scale(s, theme, area.width),
        height: area.height,
    });
    d.scroll.show(&laid, area, buf, theme);
}

/// The page's lines at `w` columns.
fn one_scale(s: &Summary, theme: &Theme, w: u16) -> Lines {
    let mut l = Lines::new();
    for key in [Key::Top, Key::Dimensions] {
        if let Some(sec) = section(s, key) {
            if !l.is_empty() {
                l.push(Line::default());
            }
            l.extend(panels::section(s, &sec, theme, w, 11));
        }
    }
    l
}
