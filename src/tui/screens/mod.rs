//! One module per screen: how actions change it, and how it is drawn.

pub mod about;
pub mod compare;
pub mod dashboard;
pub mod goal_form;
pub mod goals;
pub mod history;
pub mod home;
pub mod intro;
pub mod question;
pub mod review;
pub mod team;
pub mod timeline;

use crate::bank::{Bank, Form, Kind, Question};
use crate::engine::{Assessment, Status};

use super::app::{App, Screen};

/// Rough seconds a person needs for a question: reading a scenario takes longer than a statement.
fn seconds(q: &Question) -> u32 {
    match q.kind {
        Kind::Likert { .. } => 10,
        Kind::Pair { .. } => 14,
        Kind::Choice { .. } => 18,
    }
}

fn minutes(seconds: u32) -> u32 {
    seconds.div_ceil(60)
}

/// "about 9 min" for a whole form.
pub fn form_minutes(bank: &Bank, form: Form) -> u32 {
    minutes(bank.form(form).map(seconds).sum())
}

/// The questions still open and the time they take: "5 left, about 1 min". Whole minutes,
/// rounded up: "under a minute" beside five open questions would not be believed.
pub fn time_left(bank: &Bank, a: &Assessment) -> String {
    let open: Vec<&Question> = (0..a.len())
        .filter(|&i| a.status(i) == Status::Open)
        .filter_map(|i| a.question_at(bank, i))
        .collect();
    let secs: u32 = open.iter().map(|q| seconds(q)).sum();
    match open.len() {
        0 => "nothing left to answer".to_owned(),
        n => format!("{n} left, about {} min", minutes(secs).max(1)),
    }
}

/// The adaptive form's progress: answers so far and how many more it expects to ask.
pub fn adaptive_more(bank: &Bank, a: &Assessment) -> crate::adaptive::More {
    crate::adaptive::Check::new(bank, a.answers(), &a.done_ids()).more()
}

/// How many questions of the assessment being taken have an answer.
pub fn answered(app: &App) -> usize {
    app.session
        .as_ref()
        .map_or(0, |s| s.assessment().progress().answered)
}

pub fn form_name(form: Form) -> &'static str {
    match form {
        Form::Full => "Full assessment",
        Form::Quick => "Quick assessment",
        Form::Adaptive => "Adaptive assessment",
        Form::Goal => "Goal form",
    }
}

pub fn title(app: &App) -> String {
    let form = app
        .session
        .as_ref()
        .map_or(Form::Full, |s| s.assessment().form);
    match &app.screen {
        Screen::Home { .. } => "engineer ↔ developer".to_owned(),
        Screen::Intro { form, .. } => format!("{} · before you start", form_name(*form)),
        Screen::Question { .. } => form_name(form).to_owned(),
        Screen::Review { .. } => format!("{} · review", form_name(form)),
        Screen::Result(_) => "your result".to_owned(),
        Screen::History(_) => "history".to_owned(),
        Screen::Compare(_) => "before and after".to_owned(),
        Screen::Goals(_) => "learning goals".to_owned(),
        Screen::GoalForm(_) => "new goal".to_owned(),
        Screen::About(_) => "about you".to_owned(),
        Screen::Team(_) => "team".to_owned(),
        Screen::GoalTimeline(t) => format!("goal #{} over time", t.timeline.progress.goal.id),
    }
}

pub fn title_right(app: &App) -> String {
    match (&app.screen, &app.session) {
        (Screen::Question { .. }, Some(s)) if s.assessment().form == Form::Adaptive => {
            format!("Question {}", s.assessment().position() + 1)
        }
        (Screen::Question { .. }, Some(s)) => format!(
            "Question {} of {}",
            s.assessment().position() + 1,
            s.assessment().len()
        ),
        (Screen::Result(d), _) => d
            .result()
            .taken_at
            .strftime("%-d %b %Y %H:%M UTC")
            .to_string(),
        _ => format!("v{}", env!("CARGO_PKG_VERSION")),
    }
}
