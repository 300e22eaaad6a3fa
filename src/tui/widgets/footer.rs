//! The key hints at the bottom of every screen, drawn from the keymap.

use ratatui::text::{Line, Span};

use super::text::width;
use crate::tui::keymap::{AnswerKeys, Context, Hint, hints};
use crate::tui::theme::Theme;

/// The footer hints for `ctx`, packed into as few lines of `width` as they need. Keys that do
/// the same (a scenario's digits and letters) share one hint: "1-4/a-d answer".
pub fn lines(
    ctx: Context,
    answer: Option<&AnswerKeys>,
    max: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut shown: Vec<Hint> = Vec::new();
    for h in hints(ctx, answer)
        .into_iter()
        .filter(|h| !h.short.is_empty())
    {
        match shown.last_mut() {
            Some(last) if last.short == h.short => {
                last.keys = format!("{}/{}", last.keys, h.keys).into();
            }
            _ => shown.push(h),
        }
    }
    let max = usize::from(max);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut current: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for b in shown {
        let w = width(&b.keys) + 1 + width(b.short);
        if used > 0 && used + 2 + w > max {
            lines.push(Line::from(std::mem::take(&mut current)));
            used = 0;
        }
        if used > 0 {
            current.push(Span::raw("  "));
            used += 2;
        }
        current.push(Span::styled(b.keys, theme.key));
        current.push(Span::styled(format!(" {}", b.short), theme.dim));
        used += w;
    }
    if !current.is_empty() {
        lines.push(Line::from(current));
    }
    lines
}
