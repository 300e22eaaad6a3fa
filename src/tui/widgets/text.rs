//! Text for the screen: what `crate::text` wraps and measures (re-exported, so every screen
//! takes its text helpers from one place), and `clean` for ratatui's lines. Text reaches the
//! screen through these, so they are where the TUI applies the sanitiser.

use std::borrow::Cow;

use ratatui::text::Line;

use crate::sanitize;

pub use crate::text::{pad, truncate, width, wrap};

/// `lines` with each span on one line through the sanitiser: for text built from a bank, a
/// result or a goal and drawn as it is (not through `wrap` or `truncate`).
pub fn clean<'a>(mut lines: Vec<Line<'a>>) -> Vec<Line<'a>> {
    for l in &mut lines {
        for span in &mut l.spans {
            if let Cow::Owned(s) = sanitize::line(&span.content) {
                span.content = Cow::Owned(s);
            }
        }
    }
    lines
}
