use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::answered;
use crate::answers::pair_sides;
use crate::bank::Lens;
use crate::engine::Status;
use crate::tui::action::Action;
use crate::tui::app::{App, Next, Screen};
use crate::tui::dialog::Dialog;
use crate::tui::view::Hits;
use crate::tui::widgets::scroll::{more, window};
use crate::tui::widgets::text::{width, wrap};

mod mark;
mod progress;
use progress::progress;

pub fn update(app: &mut App, action: Action) -> Next {
    let Screen::Question {
        cursor,
        from_review,
        ref marked,
    } = app.screen
    else {
        return Next::Stay;
    };
    let marked = marked.clone();
    let Some(session) = &app.session else {
        return Next::Stay;
    };
    let a = session.assessment();
    let Some(q) = a.current(&app.bank) else {
        return Next::Stay;
    };
    let shown = a.shown(q);
    let n = shown.len();
    let at = |cursor: Option<usize>, marked: Vec<usize>| {
        Next::Show(Screen::Question {
            cursor,
            from_review,
            marked,
        })
    };
    let chosen = match action {
        Action::Up => return at(Some(cursor.map_or(0, |c| c.saturating_sub(1))), marked),
        Action::Down => return at(Some(cursor.map_or(0, |c| (c + 1).min(n - 1))), marked),
        Action::Mark => {
            return match mark::space(&shown, cursor, marked) {
                Ok((marked, said)) => {
                    app.inform(said);
                    at(cursor, marked)
                }
                Err(why) => {
                    app.inform(why);
                    Next::Stay
                }
            };
        }
        // Enter answers with what is marked; with one marked and another highlighted it would
        // drop one of them, so it says how to answer with both or with either.
        Action::Confirm => match (marked.as_slice(), cursor) {
            (&[i, j], _) => shown.two(i, j),
            (&[m], Some(c)) if m != c => {
                app.inform(mark::enter_elsewhere(&shown, m, c));
                None
            }
            (_, Some(c)) => shown.answer(c),
            (_, None) => {
                app.inform(format!(
                    "Nothing chosen yet: press {}, or ↓ then Enter.",
                    shown.key_range()
                ));
                None
            }
        },
        Action::Pick(d) => shown.answer(usize::from(d).saturating_sub(1)),
        Action::Click(i) => shown.answer(i),
        Action::Letter(c) if shown.is_choice() => shown.by_key(c),
        Action::Back => {
            if let Some(s) = &mut app.session
                && s.assessment_mut().back()
            {
                return Next::Show(app.question_screen(false));
            }
            None
        }
        Action::Forward => {
            app.advance();
            None
        }
        Action::Skip => return skip(app),
        Action::Review => {
            return Next::Show(Screen::review(a.position()));
        }
        Action::Quit => return Next::Dialog(Dialog::quit(answered(app))),
        _ => None,
    };
    if let Some(answer) = chosen {
        app.answer(answer);
    }
    Next::Stay
}

fn skip(app: &mut App) -> Next {
    let Some(s) = &mut app.session else {
        return Next::Stay;
    };
    let pos = s.assessment().position();
    // An adaptive assessment asks its next question first, so "last" is whether it moved on.
    let last = !s.assessment_mut().skip_in(&app.bank);
    app.save_progress();
    let from_review = matches!(
        app.screen,
        Screen::Question {
            from_review: true,
            ..
        }
    );
    Next::Show(if from_review || last {
        Screen::review(if last && !from_review { pos + 1 } else { pos })
    } else {
        app.question_screen(false)
    })
}

/// What a line of the question screen is, for choosing what stays in view on a short screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Blank lines: the first to go.
    Blank,
    /// What the footer says too: the next to go.
    Spare,
    Text,
    Selected,
    /// Statement B of a pair, which belongs with the scale.
    Second,
    Other,
}

/// A line of the question screen, and what clicking it does.
struct Row<'a> {
    line: Line<'a>,
    action: Option<Action>,
    role: Role,
}

fn spacer<'a>() -> Row<'a> {
    Row {
        line: Line::default(),
        action: None,
        role: Role::Blank,
    }
}

/// `text` wrapped after `first` (on its first line) and under it (on the others).
fn push_wrapped(
    rows: &mut Vec<Row<'_>>,
    text: &str,
    first: &str,
    width: u16,
    style: Style,
    role: Role,
) {
    let indent = " ".repeat(crate::tui::widgets::text::width(first));
    let w = width.saturating_sub(u16::try_from(indent.len()).unwrap_or(0));
    for (i, l) in wrap(text, w).into_iter().enumerate() {
        let lead = if i == 0 { first } else { indent.as_str() };
        rows.push(Row {
            line: Line::styled(format!("{lead}{l}"), style),
            action: None,
            role,
        });
    }
}

/// The label of skipping, for what it is for: a question about what you do today may simply
/// not apply to you.
pub fn skip_label(lens: Lens) -> &'static str {
    match lens {
        Lens::Practice => "Doesn't apply to me / skip",
        Lens::Preference => "Skip this question",
    }
}

pub fn view(
    app: &App,
    cursor: Option<usize>,
    marked: &[usize],
    area: Rect,
    buf: &mut Buffer,
    hits: &mut Hits,
) {
    let theme = &app.theme;
    let Some(session) = &app.session else { return };
    let a = session.assessment();
    let Some(q) = a.current(&app.bank) else {
        return;
    };
    let shown = a.shown(q);
    let dim_title = app
        .bank
        .dimension(&q.dimension)
        .map_or(q.dimension.as_str(), |d| d.title.as_str());
    let w = area.width;
    let mut rows: Vec<Row<'_>> = vec![spacer()];
    // Wrapped, never cut: a bank's dimension title may be long.
    push_wrapped(
        &mut rows,
        &format!("{} · {}", dim_title.to_uppercase(), q.lens.title()),
        " ",
        w,
        theme.heading,
        Role::Other,
    );
    rows.push(spacer());
    push_wrapped(&mut rows, &q.text, " ", w, theme.title, Role::Text);
    rows.push(spacer());
    let status = a.status(a.position());
    let current = match status {
        Status::Answered(ans) => shown.indices(ans),
        _ => Vec::new(),
    };
    // Both statements in one neutral style: a colour per pole would say which is which.
    let sides = pair_sides(q);
    if let Some((first, _)) = sides {
        push_wrapped(&mut rows, first, "   A  ", w, theme.text, Role::Other);
        rows.push(spacer());
    }
    for i in 0..shown.len() {
        let selected = cursor == Some(i);
        let marker = if selected { "▶" } else { " " };
        let answered = if current.contains(&i) {
            "  ● your answer"
        } else {
            ""
        };
        // A mark in words and a sign, not a colour: it must read on any terminal.
        let (sign, note) = if marked.contains(&i) {
            ("✓", "  ✓ marked")
        } else {
            (" ", "")
        };
        let head = format!(" {marker} {}{sign} ", shown.key(i));
        let text_w = w.saturating_sub(u16::try_from(width(&head)).unwrap_or(0));
        let style = if selected { theme.selected } else { theme.text };
        for (j, l) in wrap(&format!("{}{note}{answered}", shown.label(i)), text_w)
            .into_iter()
            .enumerate()
        {
            let prefix = if j == 0 {
                head.clone()
            } else {
                " ".repeat(width(&head))
            };
            rows.push(Row {
                line: Line::from(vec![Span::styled(prefix, style), Span::styled(l, style)]),
                action: Some(Action::Click(i)),
                role: if selected {
                    Role::Selected
                } else {
                    Role::Other
                },
            });
        }
    }
    if let Some((_, second)) = sides {
        rows.push(spacer());
        push_wrapped(&mut rows, second, "   B  ", w, theme.text, Role::Second);
    }
    let skipped = status == Status::Skipped;
    if q.lens == Lens::Practice || skipped {
        rows.push(spacer());
        let note = if skipped { "  ● skipped" } else { "" };
        rows.push(Row {
            line: Line::from(vec![
                Span::styled("   s  ", theme.key),
                Span::styled(format!("{}{note}", skip_label(q.lens)), theme.dim),
            ]),
            action: Some(Action::Skip),
            // The footer says "s skip" too; a skipped question must still say so.
            role: if skipped { Role::Other } else { Role::Spare },
        });
    }
    // The progress line stays at the bottom, one blank row above it while there is room.
    let mut room = usize::from(area.height.saturating_sub(2));
    for drop in [Role::Blank, Role::Spare] {
        if rows.len() > room {
            rows.retain(|r| r.role != drop);
            room = usize::from(area.height.saturating_sub(1));
        }
    }
    let len = rows.len();
    let keep = in_view(&rows, room, cursor.is_some());
    let (offset, count, above, below) = window(len, room, &keep);
    let mut y = area.y;
    let line_at = |y: u16| Rect::new(area.x, y, area.width, 1);
    if above {
        more(
            buf,
            line_at(y),
            &format!(
                "↑ {offset} more line{} above (press ↑)",
                if offset == 1 { "" } else { "s" }
            ),
            theme,
        );
        hits.push((line_at(y), Action::Up));
        y += 1;
    }
    for row in rows.into_iter().skip(offset).take(count) {
        if let Some(action) = row.action {
            hits.push((line_at(y), action));
        }
        row.line.render(line_at(y), buf);
        y += 1;
    }
    if below {
        let hidden = len - offset - count;
        more(
            buf,
            line_at(y),
            &format!(
                "↓ {hidden} more line{} below (press ↓)",
                if hidden == 1 { "" } else { "s" }
            ),
            theme,
        );
        hits.push((line_at(y), Action::Down));
    }
    progress(
        app,
        Rect::new(area.x, area.bottom().saturating_sub(1), area.width, 1),
        buf,
    );
}

/// The rows to keep in view: the question, the highlighted option and B of a pair if they fit
/// together (with a line for a "more" mark); else the option with B (the scale means nothing
/// without its ends); else the question with the option; the highlighted option always.
fn in_view(rows: &[Row<'_>], room: usize, choosing: bool) -> std::ops::Range<usize> {
    let span = |role: Role| {
        let start = rows.iter().position(|r| r.role == role)?;
        let end = rows.iter().rposition(|r| r.role == role)? + 1;
        Some(start..end)
    };
    let (Some(selected), true) = (span(Role::Selected), choosing) else {
        return 0..0;
    };
    let text = span(Role::Text).unwrap_or(selected.clone());
    let second = span(Role::Second).unwrap_or(selected.clone());
    let fits = |r: &std::ops::Range<usize>| r.len() < room;
    [
        text.start..second.end.max(selected.end),
        selected.start..second.end.max(selected.end),
        text.start..selected.end,
    ]
    .into_iter()
    .find(fits)
    .unwrap_or(selected)
}
