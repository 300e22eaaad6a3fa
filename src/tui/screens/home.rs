use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{form_minutes, form_name};
use crate::bank::Form;
use crate::session::Session;
use crate::tui::action::Action;
use crate::tui::app::{App, Resumable, Screen};
use crate::tui::dialog::Dialog;
use crate::tui::view::Hits;
use crate::tui::widgets::text::{truncate, width, wrap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Take(Form),
    Resume,
    History,
    Goals,
    Quit,
}

pub fn items(app: &App) -> Vec<Item> {
    let mut items = vec![Item::Take(Form::Full)];
    if app.bank.form_len(Form::Quick) > 0 {
        items.push(Item::Take(Form::Quick));
    }
    items.push(Item::Take(Form::Adaptive));
    if matches!(app.resumable, Resumable::Ready(_)) {
        items.push(Item::Resume);
    }
    items.extend([Item::History, Item::Goals, Item::Quit]);
    items
}

pub fn update(app: &mut App, action: Action) {
    let Screen::Home { cursor } = app.screen else {
        return;
    };
    let items = items(app);
    let last = items.len() - 1;
    let pick = |n: usize| items.get(n).copied();
    let chosen = match action {
        Action::Up => {
            app.screen = Screen::Home {
                cursor: cursor.checked_sub(1).unwrap_or(last),
            };
            None
        }
        Action::Down => {
            app.screen = Screen::Home {
                cursor: if cursor >= last { 0 } else { cursor + 1 },
            };
            None
        }
        Action::Confirm => pick(cursor),
        Action::Pick(n) => pick(usize::from(n).saturating_sub(1)),
        Action::Click(i) => pick(i),
        Action::Quit => Some(Item::Quit),
        _ => None,
    };
    if let Some(item) = chosen {
        if let Some(i) = items.iter().position(|x| *x == item) {
            app.screen = Screen::Home { cursor: i };
        }
        activate(app, item);
    }
}

fn activate(app: &mut App, item: Item) {
    app.notice = None;
    match item {
        Item::Take(form) => start(app, form),
        Item::Resume => resume(app),
        Item::History => super::history::open(app),
        Item::Goals => super::goals::open(app),
        Item::Quit => app.quit = true,
    }
}

/// Starts a new assessment, asking first if that would throw away an unfinished one.
pub fn start(app: &mut App, form: Form) {
    if let Resumable::Ready(p) = &app.resumable {
        let text = p.assessment.answered_text();
        app.open_dialog(Dialog::unfinished(&text, form));
    } else {
        app.screen = Screen::Intro { form };
    }
}

pub fn resume(app: &mut App) {
    let Resumable::Ready(saved) = &app.resumable else {
        return;
    };
    match Session::resume((**saved).clone(), &app.bank) {
        Ok(session) => {
            app.label = session.saved.label.clone();
            app.session = Some(session);
            app.screen = Screen::Question {
                cursor: app.answer_cursor(),
            };
        }
        Err(e) => app.warn(format!("Cannot resume: {e}")),
    }
}

fn describe(app: &App, item: Item) -> (String, String) {
    let bank = &app.bank;
    match item {
        Item::Take(Form::Adaptive) => (
            "Take the adaptive assessment".into(),
            format!(
                "{} questions · stops when clear",
                super::adaptive_range(bank)
            ),
        ),
        Item::Take(form) => (
            format!("Take the {}", form_name(form).to_lowercase()),
            format!(
                "{} questions · about {} min",
                bank.form_len(form),
                form_minutes(bank, form)
            ),
        ),
        Item::Resume => {
            let detail = match &app.resumable {
                Resumable::Ready(p) => {
                    let started = p.started_at.strftime("%-d %b");
                    format!("{} · started {started}", p.assessment.answered_text())
                }
                _ => String::new(),
            };
            ("Resume your unfinished assessment".into(), detail)
        }
        Item::History => ("History".into(), "past results, before and after".into()),
        Item::Goals => ("Goals".into(), "learning goals and progress".into()),
        Item::Quit => ("Quit".into(), String::new()),
    }
}

pub fn view(app: &App, cursor: usize, area: Rect, buf: &mut Buffer, hits: &mut Hits) {
    let theme = &app.theme;
    let mut lines: Vec<Line<'_>> = vec![Line::default()];
    let intro = "Where do you sit between software engineer and developer? Answer questions about how you like to work and what you do today; see where you stand, and why.";
    for l in wrap(intro, area.width.saturating_sub(2)) {
        lines.push(Line::styled(format!(" {l}"), theme.text));
    }
    lines.push(Line::default());
    let items = items(app);
    let described: Vec<(String, String)> = items.iter().map(|i| describe(app, *i)).collect();
    let label_w = described.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
    let top = area.y + u16::try_from(lines.len()).unwrap_or(0);
    for (i, (label, detail)) in described.iter().enumerate() {
        let selected = i == cursor;
        let style = if selected { theme.selected } else { theme.text };
        let marker = if selected { "▶" } else { " " };
        let head = format!(" {marker} {}  {label:<label_w$}", i + 1);
        let room = usize::from(area.width).saturating_sub(width(&head) + 3);
        lines.push(Line::from(vec![
            Span::styled(head, style),
            Span::raw("   "),
            Span::styled(truncate(detail, room), theme.dim),
        ]));
        let y = top + u16::try_from(i).unwrap_or(0);
        if y < area.bottom() {
            hits.push((Rect::new(area.x, y, area.width, 1), Action::Click(i)));
        }
    }
    if let Resumable::Unreadable(reason) = &app.resumable {
        lines.push(Line::default());
        for l in wrap(
            &format!("An unfinished assessment could not be read: {reason}"),
            area.width.saturating_sub(2),
        ) {
            lines.push(Line::styled(format!(" {l}"), theme.warning));
        }
    }
    Paragraph::new(lines).render(area, buf);
}
