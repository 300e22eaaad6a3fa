use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{form_minutes, form_name};
use crate::bank::Form;
use crate::session::Session;
use crate::tui::action::Action;
use crate::tui::app::{App, Exit, Next, Resumable, Screen};
use crate::tui::dialog::Dialog;
use crate::tui::view::Hits;
use crate::tui::widgets::text::{width, wrap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Take(Form),
    Resume,
    Latest,
    History,
    Goals,
    About,
    Quit,
}

pub fn items(app: &App) -> Vec<Item> {
    let mut items = vec![Item::Take(Form::Full)];
    if app.bank.form_len(Form::Quick) > 0 {
        items.push(Item::Take(Form::Quick));
    }
    // What is always there comes first, so its number never changes: a person who learned
    // that 5 opens Goals keeps that after their first result. What comes and goes follows.
    items.extend([
        Item::Take(Form::Adaptive),
        Item::History,
        Item::Goals,
        Item::About,
    ]);
    if matches!(app.resumable, Resumable::Ready(_)) {
        items.push(Item::Resume);
    }
    if app.latest.is_some() {
        items.push(Item::Latest);
    }
    items.push(Item::Quit);
    items
}

/// Where the highlight starts: on Resume when an assessment is unfinished (the likely next
/// step, and Enter must not start over), else on the first item.
pub fn default_cursor(app: &App) -> usize {
    items(app)
        .iter()
        .position(|i| *i == Item::Resume)
        .unwrap_or(0)
}

pub fn update(app: &mut App, action: Action) -> Next {
    let items = items(app);
    let Screen::Home { cursor } = &mut app.screen else {
        return Next::Stay;
    };
    let last = items.len() - 1;
    let pick = |n: usize| items.get(n).copied();
    let chosen = match action {
        Action::Up => {
            *cursor = cursor.checked_sub(1).unwrap_or(last);
            None
        }
        Action::Down => {
            *cursor = if *cursor >= last { 0 } else { *cursor + 1 };
            None
        }
        Action::Confirm => pick(*cursor),
        Action::Pick(n) => pick(usize::from(n).saturating_sub(1)),
        Action::Click(i) => pick(i),
        Action::Quit => Some(Item::Quit),
        _ => None,
    };
    let Some(item) = chosen else {
        return Next::Stay;
    };
    if let Some(i) = items.iter().position(|x| *x == item) {
        *cursor = i;
    }
    activate(app, item)
}

fn activate(app: &mut App, item: Item) -> Next {
    app.notice = None;
    match item {
        Item::Take(form) => return start(app, form),
        Item::Resume => return resume(app),
        Item::Latest => match app.store.pick("latest") {
            // The dashboard says what was passed over (`open_result`).
            Ok(p) => return Next::Result(Box::new(p.result)),
            Err(e) => app.warn(e.to_string()),
        },
        Item::History => return super::history::open(app),
        Item::Goals => return super::goals::open(app),
        Item::About => {
            let before = super::about::last_time(app);
            return super::about::open(super::about::AboutFor::Edit, before);
        }
        Item::Quit => return Next::Leave(Exit::Quiet),
    }
    Next::Stay
}

/// Starts a new assessment, asking first if that would throw away an unfinished one.
pub fn start(app: &App, form: Form) -> Next {
    match &app.resumable {
        Resumable::Ready(p) => {
            Next::Dialog(Dialog::unfinished(&p.assessment.answered_text(), form))
        }
        _ => Next::Show(Screen::intro(form)),
    }
}

pub fn resume(app: &mut App) -> Next {
    let Resumable::Ready(saved) = &app.resumable else {
        return Next::Stay;
    };
    let original = (**saved).clone();
    let mut session = match Session::resume(original.clone(), &app.bank) {
        Ok(session) => session,
        Err(e) => {
            app.warn(format!(
                "Cannot resume {}: {e}. Starting a form afresh keeps these answers in a copy; or \
                 correct the file by hand.",
                app.store.in_progress_path().display()
            ));
            return Next::Stay;
        }
    };
    session.context = app.store.load_context().ok().flatten();
    // Before answers the new bank no longer asks leave the progress file, a copy of it as it
    // was is kept; without that copy, nothing changes.
    let note = match &session.changed {
        None => None,
        Some(changed) => match app.store.keep_in_progress_copy(&original, app.now()) {
            Ok(path) => Some(format!(
                "{changed} Your answers as they were are kept in {}.",
                path.display()
            )),
            Err(e) => {
                app.warn(format!(
                    "Cannot resume: {changed} A copy of your answers could not be kept first: {e}"
                ));
                return Next::Stay;
            }
        },
    };
    Next::Take {
        session: Box::new(session),
        save: note.is_some(),
        note,
    }
}

/// As much of a " · "-separated detail as fits in `room` in whole parts ("51 questions" of
/// "51 questions · about 11 min"): a narrow screen says less, never half a phrase.
fn fitting(detail: &str, room: usize) -> String {
    let mut out = String::new();
    for part in detail.split(" · ") {
        let next = if out.is_empty() {
            part.to_owned()
        } else {
            format!("{out} · {part}")
        };
        if width(&next) > room {
            break;
        }
        out = next;
    }
    out
}

fn describe(app: &App, item: Item) -> (String, String) {
    let bank = &app.bank;
    match item {
        Item::Take(Form::Adaptive) => (
            "Take the adaptive assessment".into(),
            format!(
                "{} questions · stops when clear",
                crate::adaptive::length_text(bank)
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
        Item::Latest => {
            // The date of the result it opens, never of a newer file it cannot read.
            let mut taken = app
                .latest
                .as_ref()
                .map(|(_, at)| crate::store::taken_text(*at))
                .unwrap_or_default();
            if app.latest_note.is_some() {
                taken.push_str(" · a newer one cannot be read");
            }
            ("Your latest result".into(), taken)
        }
        Item::History => ("History".into(), "past results, before and after".into()),
        Item::Goals => ("Goals".into(), "learning goals and progress".into()),
        Item::About => (
            "About you".into(),
            "experience and role, so advice fits".into(),
        ),
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
            Span::styled(fitting(detail, room), theme.dim),
        ]));
        let y = top + u16::try_from(i).unwrap_or(0);
        if y < area.bottom() {
            hits.push((Rect::new(area.x, y, area.width, 1), Action::Click(i)));
        }
    }
    let unfinished = match &app.resumable {
        Resumable::Unreadable(reason) => Some(format!(
            "An unfinished assessment could not be read: {reason}"
        )),
        _ => None,
    };
    for warning in unfinished.iter().chain(&app.latest_note) {
        lines.push(Line::default());
        for l in wrap(warning, area.width.saturating_sub(2)) {
            lines.push(Line::styled(format!(" {l}"), theme.warning));
        }
    }
    Paragraph::new(lines).render(area, buf);
}
