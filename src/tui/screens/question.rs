use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::answers::{Answer, LIKERT_LABELS, PAIR_LABELS, answer_at, option_count, option_index};
use crate::bank::Kind;
use crate::engine::Status;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::dialog::Dialog;
use crate::tui::view::Hits;
use crate::tui::widgets::text::{truncate, width, wrap};

pub fn update(app: &mut App, action: Action) {
    let Screen::Question { cursor } = app.screen else {
        return;
    };
    let Some(q) = app
        .session
        .as_ref()
        .and_then(|s| s.assessment().current(&app.bank))
        .cloned()
    else {
        return;
    };
    let q = &q;
    let n = option_count(q);
    let chosen = match action {
        Action::Up => {
            app.screen = Screen::Question {
                cursor: cursor.saturating_sub(1),
            };
            None
        }
        Action::Down => {
            app.screen = Screen::Question {
                cursor: (cursor + 1).min(n - 1),
            };
            None
        }
        Action::Confirm => answer_at(q, cursor),
        Action::Pick(d) => answer_at(q, usize::from(d).saturating_sub(1)),
        Action::Click(i) => answer_at(q, i),
        Action::Letter(c) => match &q.kind {
            Kind::Choice { options } => options
                .iter()
                .find(|o| o.key == c)
                .map(|o| Answer::Option(o.key)),
            _ => None,
        },
        Action::Back => {
            if let Some(s) = &mut app.session
                && s.assessment_mut().back()
            {
                app.screen = Screen::Question {
                    cursor: app.answer_cursor(),
                };
            }
            None
        }
        Action::Forward => {
            app.advance();
            None
        }
        Action::Skip => {
            if let Some(s) = &mut app.session {
                let last = !s.assessment_mut().skip_in(&app.bank);
                app.save_progress();
                if last {
                    app.screen = Screen::Review { cursor: s_len(app) };
                } else {
                    app.screen = Screen::Question {
                        cursor: app.answer_cursor(),
                    };
                }
            }
            None
        }
        Action::Review => {
            let cursor = app
                .session
                .as_ref()
                .map_or(0, |s| s.assessment().position());
            app.screen = Screen::Review { cursor };
            None
        }
        Action::Quit => {
            app.open_dialog(Dialog::quit());
            None
        }
        _ => None,
    };
    if let Some(answer) = chosen {
        app.answer(answer);
    }
}

fn s_len(app: &App) -> usize {
    app.session.as_ref().map_or(0, |s| s.assessment().len())
}

/// A line of the question screen, and what clicking it does.
type Row<'a> = (Line<'a>, Option<Action>);

fn push_wrapped<'a>(
    rows: &mut Vec<Row<'a>>,
    text: &str,
    indent: &str,
    width: u16,
    style: ratatui::style::Style,
) {
    let w = width.saturating_sub(u16::try_from(indent.len()).unwrap_or(0));
    for l in wrap(text, w) {
        rows.push((Line::styled(format!("{indent}{l}"), style), None));
    }
}

pub fn view(app: &App, cursor: usize, area: Rect, buf: &mut Buffer, hits: &mut Hits) {
    let theme = &app.theme;
    let Some(session) = &app.session else { return };
    let a = session.assessment();
    let Some(q) = a.current(&app.bank) else {
        return;
    };
    let dim_title = app
        .bank
        .dimension(&q.dimension)
        .map_or(q.dimension.as_str(), |d| d.title.as_str());
    let w = area.width;
    let mut rows: Vec<Row<'_>> = vec![
        (Line::default(), None),
        (
            Line::styled(
                truncate(
                    &format!(" {} · {}", dim_title.to_uppercase(), q.lens.title()),
                    usize::from(w),
                ),
                theme.heading,
            ),
            None,
        ),
        (Line::default(), None),
    ];
    push_wrapped(&mut rows, &q.text, " ", w, theme.title);
    rows.push((Line::default(), None));
    let current = match a.status(a.position()) {
        Status::Answered(ans) => option_index(q, ans),
        _ => None,
    };
    let (labels, keys): (Vec<String>, Vec<String>) = match &q.kind {
        Kind::Likert { .. } => (
            LIKERT_LABELS.iter().map(|s| (*s).to_owned()).collect(),
            (1..=5).map(|n| n.to_string()).collect(),
        ),
        Kind::Pair { developer, .. } => {
            push_wrapped(
                &mut rows,
                &format!("A  {developer}"),
                "   ",
                w,
                theme.developer,
            );
            rows.push((Line::default(), None));
            (
                PAIR_LABELS.iter().map(|s| (*s).to_owned()).collect(),
                (1..=5).map(|n| n.to_string()).collect(),
            )
        }
        Kind::Choice { options } => (
            options.iter().map(|o| o.text.clone()).collect(),
            options.iter().map(|o| o.key.to_string()).collect(),
        ),
    };
    let mut selected_rows = 0..0;
    for (i, (label, key)) in labels.iter().zip(&keys).enumerate() {
        let selected = i == cursor;
        let marker = if selected { "▶" } else { " " };
        let answered = if current == Some(i) {
            "  ● your answer"
        } else {
            ""
        };
        let head = format!(" {marker} {key}  ");
        let text_w = w.saturating_sub(u16::try_from(width(&head)).unwrap_or(0));
        let style = if selected { theme.selected } else { theme.text };
        let start = rows.len();
        for (j, l) in wrap(&format!("{label}{answered}"), text_w)
            .into_iter()
            .enumerate()
        {
            let prefix = if j == 0 {
                head.clone()
            } else {
                " ".repeat(width(&head))
            };
            rows.push((
                Line::from(vec![Span::styled(prefix, style), Span::styled(l, style)]),
                Some(Action::Click(i)),
            ));
        }
        if selected {
            selected_rows = start..rows.len();
        }
    }
    if let Kind::Pair { engineer, .. } = &q.kind {
        rows.push((Line::default(), None));
        push_wrapped(
            &mut rows,
            &format!("B  {engineer}"),
            "   ",
            w,
            theme.engineer,
        );
    }
    // Keep the progress line at the bottom; scroll the rest so the highlighted option shows.
    let content_h = usize::from(area.height.saturating_sub(2));
    let offset = selected_rows
        .end
        .saturating_sub(content_h)
        .min(rows.len().saturating_sub(content_h));
    for (k, (line, action)) in rows.into_iter().skip(offset).take(content_h).enumerate() {
        let y = area.y + u16::try_from(k).unwrap_or(0);
        let row = Rect::new(area.x, y, area.width, 1);
        if let Some(action) = action {
            hits.push((row, action));
        }
        line.render(row, buf);
    }
    progress(
        app,
        Rect::new(area.x, area.bottom().saturating_sub(1), area.width, 1),
        buf,
    );
}

fn progress(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(session) = &app.session else { return };
    let a = session.assessment();
    let p = a.progress();
    let (mut label, done, total) = if a.form == crate::bank::Form::Adaptive {
        adaptive_progress(app, a)
    } else {
        (format!(" {} / {}", p.answered, p.total), p.done(), p.total)
    };
    if p.skipped > 0 {
        label.push_str(&format!(" · {} skipped", p.skipped));
    }
    if a.form != crate::bank::Form::Adaptive {
        label.push_str(&format!(" · {}", super::time_left(&app.bank, a)));
    }
    let label_w = u16::try_from(width(&label)).unwrap_or(u16::MAX);
    let bar_w = area.width.saturating_sub(label_w + 1).min(40);
    let filled = (usize::from(bar_w) * done)
        .checked_div(total)
        .unwrap_or(0)
        .min(usize::from(bar_w));
    let bar = format!(
        "{}{}",
        "█".repeat(filled),
        "░".repeat(usize::from(bar_w) - filled)
    );
    Paragraph::new(Line::from(vec![
        Span::raw(" "),
        Span::styled(bar, app.theme.gauge_done),
        Span::styled(label, app.theme.dim),
    ]))
    .render(area, buf);
}

/// " 9 answered · about 7 more", and the bar's share: done out of done plus what is expected.
fn adaptive_progress(app: &App, a: &crate::engine::Assessment) -> (String, usize, usize) {
    use crate::adaptive::More;
    let p = a.progress();
    let more = super::adaptive_more(&app.bank, a);
    let expected = match more {
        More::Nothing => 0,
        More::About(n) | More::AtLeast(n) | More::UpTo(n) => n,
    };
    (
        format!(" {} answered · {more}", p.answered),
        p.done(),
        p.done() + expected,
    )
}
