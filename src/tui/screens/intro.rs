use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::bank::Form;
use crate::session::Session;
use crate::tui::action::Action;
use crate::tui::app::{App, Next, Resumable, Screen};
use crate::tui::widgets::scroll::Scroll;
use crate::tui::widgets::text::wrap;

pub fn update(app: &mut App, action: Action) -> Next {
    let Screen::Intro { form, scroll } = &mut app.screen else {
        return Next::Stay;
    };
    let form = *form;
    if scroll.update(action) {
        return Next::Stay;
    }
    match action {
        Action::Confirm => {
            let before = super::about::last_time(app);
            super::about::open(super::about::AboutFor::Start(form), before)
        }
        Action::Back => Next::Home,
        _ => Next::Stay,
    }
}

/// Offers a goal form: just the questions on `focus`, a goal's scale.
pub fn start_goal(app: &mut App, focus: crate::bank::Focus) -> Next {
    app.goal_focus = Some(focus);
    super::home::start(app, Form::Goal)
}

/// Starts the assessment once the person said who they are (`context`, kept with the result).
pub fn begin(app: &mut App, form: Form, context: crate::context::Context) -> Next {
    let now = app.now();
    if let Resumable::Unreadable(_) = app.resumable {
        // Never overwrite a file we could not read: move it aside and say where it went.
        match app.store.set_aside_in_progress(now) {
            Ok(to) => app.inform(format!(
                "The unreadable progress file was kept as {}",
                to.display()
            )),
            Err(e) => {
                app.warn(format!("Cannot start: {e}"));
                return Next::Stay;
            }
        }
    }
    if let Resumable::Ready(saved) = &app.resumable {
        // Starting over was confirmed, but one key must never throw answers away.
        match app.store.keep_started_over_copy(saved, now) {
            Ok(to) => app.inform(format!(
                "Your unfinished answers were kept in {}",
                to.display()
            )),
            Err(e) => {
                app.warn(format!("Cannot start: {e}"));
                return Next::Stay;
            }
        }
    }
    let started = match (form, app.goal_focus.clone()) {
        (Form::Goal, Some(focus)) => {
            Session::start_goal(&app.bank, focus, app.seed, app.label.clone(), now)
        }
        _ => Session::start(&app.bank, form, app.seed, app.label.clone(), now),
    };
    match started {
        Ok(mut session) => {
            session.context = Some(context);
            Next::Take {
                session: Box::new(session),
                save: true,
                note: None,
            }
        }
        Err(e) => {
            app.warn(e.to_string());
            Next::Stay
        }
    }
}

/// Every paragraph wrapped whole; when they do not all fit, the intro scrolls with a hint.
pub fn view(app: &App, form: Form, scroll: &Scroll, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let width = area.width.saturating_sub(2).min(90);
    let mut lines = vec![Line::default()];
    let n = app.bank.form_len(form);
    let minutes = super::form_minutes(&app.bank, form);
    let head = match (form, &app.goal_focus) {
        (Form::Goal, Some(focus)) => goal_head(app, focus),
        (Form::Adaptive, _) => format!(
            "Adaptive: it asks what matters for your result and stops as soon as that is clear ({} questions). To finish earlier, press r, then f: the result then says it is provisional.",
            crate::adaptive::length_text(&app.bank)
        ),
        _ => format!("{n} questions, about {minutes} minutes."),
    };
    lines.extend(
        wrap(&head, width)
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), theme.heading)),
    );
    for p in app.texts.intro.iter().chain([&app.texts.intro_keys]) {
        lines.push(Line::default());
        lines.extend(
            wrap(p, width)
                .into_iter()
                .map(|l| Line::styled(format!(" {l}"), theme.text)),
        );
    }
    lines.push(Line::default());
    lines.push(Line::styled(" Press Enter to begin.", theme.key));
    scroll.draw(&lines, area, buf, theme);
}

/// What a goal form asks and what its result will say: one scale, nothing overall.
fn goal_head(app: &App, focus: &crate::bank::Focus) -> String {
    let asked: Vec<&crate::bank::Question> = focus.questions(&app.bank).collect();
    let minutes = super::minutes(asked.iter().copied().map(super::seconds).sum());
    let minutes = match minutes {
        1 => "about a minute".to_owned(),
        n => format!("about {n} minutes"),
    };
    format!(
        "Just the {} questions on {}, {minutes}. The result covers that scale only: it shows where you stand there and places you nowhere overall.",
        asked.len(),
        focus.title(&app.bank)
    )
}
