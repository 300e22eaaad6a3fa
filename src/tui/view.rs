//! Draws the app: a title bar, the screen, a notice line, the key footer, and any overlay.
//! Only reads the state; returns the click targets of what it drew.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::action::Action;
use super::app::{App, Overlay, Screen};
use super::screens;
use super::widgets::{footer, overlay, text};

/// Below this the screens cannot show a question and its options.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Wider than this, lines get hard to read: the app keeps to a centred column.
pub const MAX_WIDTH: u16 = 110;

pub type Hits = Vec<(Rect, Action)>;

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) -> Hits {
    let mut hits = Hits::new();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(area, buf, app);
        return hits;
    }
    let theme = &app.theme;
    let full = area;
    // The dashboard lays its panels side by side on a wide terminal; other screens keep to a
    // readable column.
    let max = match app.screen {
        Screen::Result(_) => area.width,
        _ => MAX_WIDTH,
    };
    let area = area.centered_horizontally(Constraint::Max(max));
    let answer = app.answer_keys();
    let foot = footer::lines(
        app.context(),
        answer.as_ref(),
        area.width.saturating_sub(2),
        theme,
    );
    // A notice wraps rather than being cut (a saved goal's message at 60 columns), up to a
    // third of the screen.
    let notice_lines: Vec<String> = app.notice.as_ref().map_or_else(Vec::new, |n| {
        text::wrap(&n.text, area.width.saturating_sub(2).max(1))
    });
    let notice_h = u16::try_from(notice_lines.len())
        .unwrap_or(u16::MAX)
        .min((area.height / 3).max(1));
    let [title, body, notice, foot_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(notice_h),
        Constraint::Length(u16::try_from(foot.len()).unwrap_or(1)),
    ])
    .areas(area);
    title_bar(app, title, buf);
    let body = body.inner(ratatui::layout::Margin {
        horizontal: 1,
        vertical: 0,
    });
    match &app.screen {
        Screen::Home { cursor } => screens::home::view(app, *cursor, body, buf, &mut hits),
        Screen::Intro { form, scroll } => screens::intro::view(app, *form, scroll, body, buf),
        Screen::Question { cursor, marked, .. } => {
            screens::question::view(app, *cursor, marked, body, buf, &mut hits);
        }
        Screen::Review { cursor, rows } => {
            screens::review::view(app, *cursor, rows, body, buf, &mut hits);
        }
        Screen::Result(d) => screens::dashboard::view(app, d, body, buf),
        Screen::History(h) => screens::history::view(app, h, body, buf, &mut hits),
        Screen::Compare(c) => screens::compare::view(app, c, body, buf),
        Screen::Team(t) => screens::team::view(app, t, body, buf),
        Screen::Goals(g) => screens::goals::view(app, g, body, buf, &mut hits),
        Screen::GoalForm(f) => screens::goal_form::view(app, f, body, buf, &mut hits),
        Screen::About(f) => screens::about::view(app, f, body, buf, &mut hits),
        Screen::GoalTimeline(t) => screens::timeline::view(app, t, body, buf),
    }
    if let Some(n) = &app.notice {
        let style = if n.warning {
            theme.warning
        } else {
            theme.marker
        };
        let lines: Vec<Line<'_>> = notice_lines
            .iter()
            .map(|t| Line::styled(format!(" {t}"), style))
            .collect();
        Paragraph::new(lines).render(notice, buf);
    }
    let foot_lines: Vec<Line<'_>> = foot
        .into_iter()
        .map(|l| {
            let mut spans = vec![Span::raw(" ")];
            spans.extend(l.spans);
            Line::from(spans)
        })
        .collect();
    Paragraph::new(foot_lines).render(foot_area, buf);
    match &app.overlay {
        Some(Overlay::Help(scroll)) => {
            hits.clear();
            overlay::help(
                buf,
                full,
                (app.screen_context(), answer.as_ref()),
                scroll,
                theme,
            );
        }
        Some(Overlay::Dialog(d)) => {
            hits.clear();
            overlay::dialog(buf, full, d, theme, &mut hits);
        }
        Some(Overlay::Prompt(p)) => {
            hits.clear();
            overlay::prompt(buf, full, p, theme);
        }
        None => {}
    }
    hits
}

fn title_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let right = screens::title_right(app);
    let left = format!(" rolefit · {}", screens::title(app));
    let room = usize::from(area.width).saturating_sub(text::width(&right) + 1);
    buf.set_string(area.x, area.y, text::truncate(&left, room), theme.title);
    let rw = u16::try_from(text::width(&right)).unwrap_or(0);
    if rw + 2 < area.width {
        buf.set_string(area.right() - rw - 1, area.y, &right, theme.dim);
    }
}

fn too_small(area: Rect, buf: &mut Buffer, app: &App) {
    let msg = format!(
        "Make the terminal larger (now {}x{}, need {MIN_WIDTH}x{MIN_HEIGHT}). Ctrl-C saves and quits.",
        area.width, area.height
    );
    let lines = text::wrap(&msg, area.width.max(1));
    let h = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .min(area.height);
    let y = area.y + (area.height - h) / 2;
    Paragraph::new(msg)
        .style(app.theme.warning)
        .alignment(ratatui::layout::Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(
            Rect {
                y,
                height: h,
                ..area
            },
            buf,
        );
}
