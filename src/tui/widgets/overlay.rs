//! Boxes drawn over a screen: the help overlay and dialogs.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use super::flow::{flow, para};
use super::scroll::Scroll;
use super::text::{truncate, width, wrap};
use crate::tui::action::Action;
use crate::tui::dialog::Dialog;
use crate::tui::keymap::{AnswerKeys, Context, hints};
use crate::tui::prompt::Prompt;
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

/// Every key of the screen underneath, from the keymap (`keys`: its context and the keys
/// the question on screen takes). Descriptions wrap under themselves; a list taller than the
/// terminal scrolls with a hint.
pub fn help(
    buf: &mut Buffer,
    area: Rect,
    keys: (Context, Option<&AnswerKeys>),
    scroll: &Scroll,
    theme: &Theme,
) {
    let hints = hints(keys.0, keys.1);
    let rows: Vec<(&str, &str)> = hints
        .iter()
        .filter(|h| !h.keys.is_empty())
        .map(|h| (h.keys.as_ref(), h.does))
        .collect();
    let key_w = rows.iter().map(|(k, _)| width(k)).max().unwrap_or(0);
    let w = area.width.saturating_sub(4).min(72);
    let inner_w = w.saturating_sub(2);
    let indent = u16::try_from(key_w + 3).unwrap_or(0);
    let mut lines: Vec<Line<'_>> = rows
        .iter()
        .flat_map(|(k, d)| {
            flow(
                &[
                    (format!(" {k:<key_w$}  "), theme.key),
                    ((*d).to_owned(), theme.text),
                ],
                inner_w,
                indent,
            )
        })
        .collect();
    lines.push(Line::default());
    lines.extend(para(
        " Mouse: click an option to choose it; the wheel moves.",
        theme.dim,
        inner_w,
        1,
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
    scroll.draw(&lines, inner, buf, theme);
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

/// A one-line text field in a box, with the cursor drawn as a reversed cell (the terminal's own
/// cursor stays hidden, so nothing has to be moved back after the frame).
pub fn prompt(buf: &mut Buffer, area: Rect, p: &Prompt, theme: &Theme) {
    let w = area.width.saturating_sub(4).min(72);
    let hint = wrap(p.hint, w.saturating_sub(4));
    // Typing stops at the limit, and says so: nothing is dropped silently. Wrapped like the
    // hint, so a narrow screen shows all of it.
    let (help, style) = if p.input.value().chars().count() >= p.max_chars {
        (
            format!(
                "That is the limit: {} characters at most · Enter keeps it · Esc cancels",
                p.max_chars
            ),
            theme.warning,
        )
    } else {
        (
            "Enter keeps it · Esc cancels · Ctrl-U clears".to_owned(),
            theme.dim,
        )
    };
    let help = wrap(&help, w.saturating_sub(4));
    let h = u16::try_from(hint.len() + 4 + help.len()).unwrap_or(u16::MAX);
    let inner = frame(buf, area, w, h, p.title, theme);
    if inner.width < 4 || inner.height < 2 {
        return;
    }
    let mut y = inner.y;
    for l in &hint {
        if y >= inner.bottom() {
            return;
        }
        buf.set_stringn(inner.x + 1, y, l, usize::from(inner.width - 1), theme.dim);
        y += 1;
    }
    y = (y + 1).min(inner.bottom() - 1);
    let field_w = usize::from(inner.width - 2);
    let scroll = p.input.visual_scroll(field_w);
    let shown: String = skip_columns(p.input.value(), scroll);
    let field = Rect::new(inner.x + 1, y, inner.width - 2, 1);
    buf.set_style(
        field,
        theme
            .selected
            .remove_modifier(ratatui::style::Modifier::BOLD),
    );
    buf.set_stringn(field.x, y, &shown, field_w, theme.selected);
    let cx = p.input.visual_cursor().saturating_sub(scroll);
    if let Ok(cx) = u16::try_from(cx)
        && cx < field.width
    {
        let cell = &mut buf[(field.x + cx, y)];
        cell.set_style(
            theme
                .text
                .add_modifier(ratatui::style::Modifier::UNDERLINED),
        );
        if cell.symbol().trim().is_empty() {
            cell.set_symbol("▏");
        }
    }
    for (l, line) in help.iter().enumerate() {
        let at = y + 1 + u16::try_from(l).unwrap_or(u16::MAX);
        if at >= inner.bottom() {
            break;
        }
        buf.set_stringn(inner.x + 1, at, line, usize::from(inner.width - 1), style);
    }
}

/// `text` without its first `cols` display columns.
fn skip_columns(text: &str, cols: usize) -> String {
    let mut skipped = 0;
    text.chars()
        .skip_while(|c| {
            let w = unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
            let skip = skipped < cols;
            skipped += w;
            skip
        })
        .collect()
}
