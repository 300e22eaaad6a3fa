//! About you: years in software, role today and who uses what the person builds, asked before
//! the first question of every form (pre-filled, so one Enter confirms), and editable from
//! home and from a result. Never scored: it fits the steps, paths and texts to the person.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::bank::Form;
use crate::context::{Context, Role, Users};
use crate::report::{YEARS, role_words, users_words, years_words};
use crate::tui::action::Action;
use crate::tui::app::{App, Next, Screen};
use crate::tui::view::Hits;
use crate::tui::widgets::text::wrap;

/// What confirming the form does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AboutFor {
    /// Before the first question of a new assessment of this form.
    Start(Form),
    /// From home: kept for next time.
    Edit,
    /// From a result's page: that result's `[context]`.
    Result(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct AboutForm {
    pub purpose: AboutFor,
    /// 0-2: the three questions; 3: the button.
    pub field: usize,
    pub context: Context,
}

const FIELDS: usize = 3;
const BUTTON: usize = 3;
const PREFER_NOT: &str = "prefer not to say";

impl AboutForm {
    /// Pre-filled with what was said before, focused on the first question: Enter confirms
    /// from anywhere, so one key accepts what is shown.
    pub fn new(purpose: AboutFor, before: Option<Context>) -> AboutForm {
        AboutForm {
            purpose,
            field: 0,
            context: before.unwrap_or_default(),
        }
    }

    /// The answer of question `field` as shown.
    pub fn value(&self, field: usize) -> String {
        let c = &self.context;
        let shown = match field {
            0 => c.years.map(years_words),
            1 => c.role.map(|r| role_words(r).to_owned()),
            _ => c.users.map(|u| users_words(u).to_owned()),
        };
        shown.unwrap_or_else(|| PREFER_NOT.to_owned())
    }

    /// Steps question `field`'s answer through its options and "prefer not to say".
    fn cycle(&mut self, field: usize, by: isize) {
        fn step<T: Copy + PartialEq>(all: &[T], now: Option<T>, by: isize) -> Option<T> {
            // Position 0 is "prefer not to say", then the options in order.
            let n = all.len() as isize + 1;
            let at = now
                .and_then(|v| all.iter().position(|x| *x == v))
                .map_or(0, |i| i as isize + 1);
            let next = (at + by).rem_euclid(n);
            (next > 0).then(|| all[(next - 1) as usize])
        }
        let c = &mut self.context;
        match field {
            0 => {
                let lows: Vec<u32> = YEARS.iter().map(|(low, _)| *low).collect();
                // A number from a file that is no range's low end steps from its range.
                let now = c
                    .years
                    .map(|y| lows.iter().rev().find(|l| **l <= y).copied().unwrap_or(0));
                c.years = step(&lows, now, by);
            }
            1 => c.role = step(&Role::ALL, c.role, by),
            2 => c.users = step(&Users::ALL, c.users, by),
            _ => {}
        }
    }
}

/// Opens the form for `purpose`, pre-filled with `before`.
pub fn open(purpose: AboutFor, before: Option<Context>) -> Next {
    Next::Push(Screen::About(Box::new(AboutForm::new(purpose, before))))
}

/// What was said last time, from the data folder; a file that cannot be read is said, and
/// the form starts empty.
pub fn last_time(app: &mut App) -> Option<Context> {
    match app.store.load_context() {
        Ok(c) => c,
        Err(e) => {
            app.warn(format!("What you said last time cannot be read: {e}"));
            None
        }
    }
}

pub fn update(app: &mut App, action: Action) -> Next {
    let Screen::About(f) = &mut app.screen else {
        return Next::Stay;
    };
    match action {
        Action::Up => f.field = (f.field + FIELDS) % (FIELDS + 1),
        Action::Down => f.field = (f.field + 1) % (FIELDS + 1),
        Action::Click(i) => f.field = i.min(BUTTON),
        Action::Back if f.field < BUTTON => f.cycle(f.field, -1),
        Action::Forward if f.field < BUTTON => f.cycle(f.field, 1),
        // Enter confirms from anywhere: what is shown is the answer, so one key suffices.
        Action::Confirm | Action::Finish => {
            let form = (**f).clone();
            return confirm(app, form);
        }
        Action::Quit => return Next::Pop,
        _ => {}
    }
    Next::Stay
}

fn confirm(app: &mut App, f: AboutForm) -> Next {
    match f.purpose {
        AboutFor::Start(form) => {
            match app.store.save_context(&f.context, app.now()) {
                Ok(Some(kept)) => app.warn(crate::report::context_kept_aside(&kept)),
                Ok(None) => {}
                Err(e) => app.warn(format!(
                    "Could not keep this for next time ({e}); it is still used for this result."
                )),
            }
            let next = super::intro::begin(app, form, f.context);
            // Started: the intro under this form is passed, and back leads where it led. Not
            // started (the warning says why): everything stays, so Enter can be tried again
            // without losing one more screen each time.
            if matches!(next, Next::Take { .. }) {
                app.back.pop();
            }
            next
        }
        AboutFor::Edit => match app.store.save_context(&f.context, app.now()) {
            Ok(Some(kept)) => Next::Pop.then_warn(crate::report::context_kept_aside(&kept)),
            Ok(None) => {
                Next::Pop.then_inform("Saved: your next results start from this.".to_owned())
            }
            Err(e) => {
                app.warn(format!("Could not save: {e}"));
                Next::Stay
            }
        },
        AboutFor::Result(id) => match app.store.set_result_context(&id, &f.context) {
            Ok(result) => {
                // The page under this form is that result's: drawn again with the new context,
                // on the panel it was on.
                let panel = match app.back.pop() {
                    Some(Screen::Result(d)) => d.panel,
                    _ => super::dashboard::Panel::Overview,
                };
                let (mut d, left_out) = app.dashboard_for(&result);
                d.panel = panel;
                let saved = "Saved with this result: its steps and paths now start from it.";
                match left_out {
                    Some(l) => app.warn(format!("{saved} {}", crate::report::steps_without(&l))),
                    None => app.inform(saved.to_owned()),
                }
                Next::Show(Screen::Result(d))
            }
            Err(e) => {
                app.warn(format!("Could not save: {e}"));
                Next::Stay
            }
        },
    }
}

pub fn view(app: &App, f: &AboutForm, area: Rect, buf: &mut Buffer, hits: &mut Hits) {
    let theme = &app.theme;
    let w = area.width.saturating_sub(2);
    let mut lines: Vec<(Option<Action>, Line<'static>)> = Vec::new();
    let intro = "Three questions, never scored: they fit the steps, paths and texts of your result to where you are. ↑/↓ picks a question, ←/→ changes its answer (each can be “prefer not to say”), Enter confirms.";
    lines.extend(
        wrap(intro, w)
            .into_iter()
            .map(|l| (None, Line::styled(format!(" {l}"), theme.text))),
    );
    let mut keep = 0..0;
    let questions = [
        "Years in software",
        "Role today",
        "Who mostly uses what you build",
    ];
    for (i, q) in questions.iter().enumerate() {
        lines.push((None, Line::default()));
        let focused = f.field == i;
        let from = lines.len();
        let marker = if focused { "▶" } else { " " };
        let click = Some(Action::Click(i));
        lines.push((click, Line::styled(format!(" {marker} {q}"), theme.heading)));
        let style = if focused { theme.selected } else { theme.text };
        for l in wrap(&format!("◀ {} ▶", f.value(i)), w.saturating_sub(4)) {
            lines.push((
                click,
                Line::from(vec![Span::raw("   "), Span::styled(l, style)]),
            ));
        }
        if focused {
            keep = from..lines.len();
        }
    }
    lines.push((None, Line::default()));
    let label = match f.purpose {
        AboutFor::Start(_) => "[ Continue to the first question ]",
        AboutFor::Edit => "[ Save ]",
        AboutFor::Result(_) => "[ Save with this result ]",
    };
    let style = if f.field == BUTTON {
        theme.selected
    } else {
        theme.key
    };
    if f.field == BUTTON {
        keep = lines.len()..lines.len() + 1;
    }
    lines.push((
        Some(Action::Click(BUTTON)),
        Line::from(vec![Span::raw("   "), Span::styled(label, style)]),
    ));
    crate::tui::widgets::scroll::draw_window(&lines, &keep, area, buf, theme, hits);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_cycle_through_prefer_not_to_say() {
        let mut f = AboutForm::new(AboutFor::Edit, None);
        assert_eq!(f.field, 0);
        f.cycle(0, 1);
        assert_eq!(f.context.years, Some(0));
        f.cycle(0, -2);
        assert_eq!(f.context.years, Some(15));
        f.cycle(0, 1);
        assert_eq!(f.context.years, None);
        f.cycle(1, -1);
        assert_eq!(f.context.role, Some(Role::Specialist));
        // An exact number from a file steps from its range.
        f.context.years = Some(12);
        f.cycle(0, 1);
        assert_eq!(f.context.years, Some(15));
    }
}
