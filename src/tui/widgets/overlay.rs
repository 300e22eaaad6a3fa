//! Boxes drawn over a screen: the help overlay and dialogs.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use super::text::{truncate, width, wrap};
use crate::tui::action::Action;
use crate::tui::dialog::Dialog;
use crate::tui::keymap::{Context, bindings};
use crate::tui::theme::Theme;

/// A bordered, cleared box of about `w` x `h` in the middle of `area`; returns its inside.
fn frame(buf: &mut Buffer, area: Rect, w: u16, h: u16, title: &str, theme: &Theme) -> Rect {
    let outer = area.centered(
        Constraint::Length(w.min(area.width)),
        Constraint::Length(h.min(area.height)),
    );
    Clear.render(outer, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(Span::styled(
            format!(" {} ", truncate(title, usize::from(w.saturating_sub(4)))),
            theme.title,
        ));
    let inner = block.inner(outer);
    block.render(outer, buf);
    inner
}

/// Every key of the screen underneath, from the keymap.
pub fn help(buf: &mut Buffer, area: Rect, ctx: Context, theme: &Theme) {
    let rows: Vec<(&str, &str)> = bindings(ctx)
        .iter()
        .filter(|b| !b.keys.is_empty())
        .map(|b| (b.keys, b.does))
        .collect();
    let key_w = rows.iter().map(|(k, _)| width(k)).max().unwrap_or(0);
    let w = area.width.saturating_sub(4).min(72);
    let inner_w = usize::from(w.saturating_sub(4));
    let mut lines: Vec<Line<'_>> = rows
        .iter()
        .map(|(k, d)| {
            Line::from(vec![
                Span::styled(format!(" {k:<key_w$}  "), theme.key),
                Span::styled(truncate(d, inner_w.saturating_sub(key_w + 3)), theme.text),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::styled(
        " Mouse: click an option to choose it; the wheel moves.",
        theme.dim,
    ));
    let h = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let inner = frame(
        buf,
        area,
        w,
        h,
        "Keys on this screen  (? or Esc closes)",
        theme,
    );
    Paragraph::new(lines).render(inner, buf);
}

/// A dialog with its buttons on one row (or stacked when narrow); each button is a click target.
pub fn dialog(
    buf: &mut Buffer,
    area: Rect,
    d: &Dialog,
    theme: &Theme,
    hits: &mut Vec<(Rect, Action)>,
) {
    let w = area.width.saturating_sub(4).min(64);
    let body = wrap(&d.body, w.saturating_sub(4));
    let labels: Vec<String> = d
        .buttons
        .iter()
        .map(|b| format!(" {} ({}) ", b.label, b.hotkey))
        .collect();
    let row_w: usize = labels.iter().map(|l| width(l) + 2).sum();
    let stacked = row_w > usize::from(w.saturating_sub(4));
    let button_rows = if stacked { labels.len() } else { 1 };
    let h = u16::try_from(body.len() + button_rows + 3).unwrap_or(u16::MAX);
    let inner = frame(buf, area, w, h, d.title, theme);
    let body_h = u16::try_from(body.len())
        .unwrap_or(u16::MAX)
        .min(inner.height);
    let body_lines: Vec<Line<'_>> = body
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), theme.text))
        .collect();
    Paragraph::new(body_lines).render(
        Rect {
            height: body_h,
            ..inner
        },
        buf,
    );
    let mut x = inner.x + 1;
    let mut y = inner.y + body_h + 1;
    for (i, label) in labels.iter().enumerate() {
        if y >= inner.bottom() {
            break;
        }
        let style = if i == d.focus {
            theme.selected
        } else {
            theme.text
        };
        let marker = if i == d.focus { "▶" } else { " " };
        let text = truncate(
            &format!("{marker}{label}"),
            usize::from(inner.right().saturating_sub(x)),
        );
        let lw = u16::try_from(width(&text)).unwrap_or(0);
        buf.set_string(x, y, &text, style);
        hits.push((Rect::new(x, y, lw, 1), Action::Click(i)));
        if stacked {
            y += 1;
        } else {
            x += lw + 2;
        }
    }
}
