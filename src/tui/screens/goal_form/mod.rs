//! A new learning goal: a dimension (optionally one lens), a target, a due date and a note,
//! starting from a result. Opened with g on a dashboard, or a on the Goals screen.

use crate::assets::Texts;
use crate::bank::{Bank, Lens, Pole};
use crate::goals::{goal_margin, goal_score};
use crate::report::points;
use crate::scoring::Scores;
use crate::store::{Goal, ResultFile, StoreError};
use crate::tui::action::Action;
use crate::tui::app::{App, Next, Screen};
use crate::tui::prompt::{Prompt, PromptFor};

mod field;
mod view;
pub use field::Field;
pub use view::view;

/// Due-date choices that ←/→ step through; Enter on the field types any date.
const DUE_MONTHS: [i8; 5] = [0, 1, 3, 6, 12];

#[derive(Debug, Clone, PartialEq)]
pub struct GoalForm {
    pub baseline_id: String,
    pub baseline_taken: jiff::Timestamp,
    pub scores: Scores,
    /// The field with focus.
    pub field: Field,
    pub dimension: usize,
    /// `None`: both lenses (the combined score).
    pub lens: Option<Lens>,
    pub target: i32,
    pub due: Option<jiff::civil::Date>,
    pub note: String,
    /// The person typed the note: from then on it stays when the dimension changes; until then
    /// it follows the dimension (the suggested step for it).
    pub note_edited: bool,
    /// A suggested step for the chosen dimension, from the result's learning steps.
    pub hint: Option<String>,
    /// Who the person said they were in that result, and the goals already open: the hint
    /// fits the one and never works against the other.
    pub context: Option<crate::context::Context>,
    pub open_goals: Vec<Goal>,
}

/// Opens the form on top of the current screen, starting from `result`; asks first whether
/// to start from a newer result instead, if there is one.
pub fn open(app: &mut App, result: &ResultFile) -> Next {
    let form = new_form(app, result);
    if let Ok(latest) = app.store.find_result("latest")
        && latest.id != result.id
        && latest.taken_at > result.taken_at
    {
        let taken = latest.taken_at.strftime("%-d %b %Y, %H:%M").to_string();
        app.open_dialog(crate::tui::dialog::Dialog::newer_result(&taken));
    }
    Next::Push(Screen::GoalForm(Box::new(form)))
}

fn new_form(app: &mut App, result: &ResultFile) -> GoalForm {
    let goals = crate::goals::readable_goals(&app.store);
    if let Some(left_out) = &goals.left_out {
        app.warn(crate::report::steps_without(left_out));
    }
    let open_goals: Vec<Goal> = goals
        .goals
        .into_iter()
        .filter(|g| g.done_at.is_none())
        .collect();
    let steps = crate::insight::steps_for_person(
        &app.bank,
        &result.scores,
        &app.texts.guidance,
        &open_goals,
        result.context.as_ref(),
    );
    let first = steps.first();
    let dimension = first
        .and_then(|s| app.bank.dimensions.iter().position(|d| d.id == s.dimension))
        .unwrap_or(0);
    let toward = first.map_or(Pole::Engineer, |s| s.toward);
    let mut form = GoalForm {
        baseline_id: result.id.clone(),
        baseline_taken: result.taken_at,
        scores: result.scores.clone(),
        field: Field::Dimension,
        dimension,
        lens: None,
        target: 0,
        due: None,
        note: first.map_or_else(String::new, |s| s.text.clone()),
        note_edited: false,
        hint: None,
        context: result.context,
        open_goals,
    };
    reset_target(&app.bank, &app.texts, &mut form, toward);
    // The step the result suggested, rather than the first one for its dimension.
    if let Some(s) = first {
        form.note = s.text.clone();
    }
    form
}

/// The form again, in place of this one, on the newest result (the answer to "a newer
/// result exists").
pub fn start_from_latest(app: &mut App) -> Next {
    match app.store.find_result("latest") {
        Ok(latest) => {
            let latest = latest.rescored(&app.bank);
            Next::Show(Screen::GoalForm(Box::new(new_form(app, &latest))))
        }
        Err(e) => {
            app.warn(format!("Cannot open the newest result: {e}"));
            Next::Stay
        }
    }
}

fn dimension_id<'a>(bank: &'a Bank, f: &GoalForm) -> Option<&'a str> {
    bank.dimensions.get(f.dimension).map(|d| d.id.as_str())
}

fn current(bank: &Bank, f: &GoalForm) -> Option<f64> {
    goal_score(&f.scores, dimension_id(bank, f)?, f.lens)
}

/// A target about 20 points from where the result stands (rounded to 5), never where it
/// already is: at an end of the scale it points back the other way. And the step that fits.
fn reset_target(bank: &Bank, texts: &Texts, f: &mut GoalForm, toward: Pole) {
    let now = current(bank, f).unwrap_or(0.0);
    let at = |step: f64| (((now + step) / 5.0).round() * 5.0).clamp(-100.0, 100.0);
    let step = if toward == Pole::Engineer {
        20.0
    } else {
        -20.0
    };
    let target = if (at(step) - now).abs() >= 5.0 {
        at(step)
    } else {
        at(-step)
    };
    f.target = target as i32;
    refresh_hint(bank, texts, f);
}

/// The step that fits the goal as it stands: toward its target from where the result is, at
/// the person's level, as on the dashboard; none that would work against an open goal.
fn refresh_hint(bank: &Bank, texts: &Texts, f: &mut GoalForm) {
    let now = current(bank, f).unwrap_or(0.0);
    let toward = crate::insight::pole_of(f64::from(f.target) - now);
    f.hint = dimension_id(bank, f).and_then(|d| {
        crate::insight::fitting_step(
            &texts.guidance,
            &f.scores,
            d,
            toward,
            &f.open_goals,
            f.context.as_ref(),
        )
        .map(|s| s.text.clone())
    });
    // A note that follows the suggestion follows it to none, rather than keep a step for
    // another direction.
    if !f.note_edited {
        f.note = f.hint.clone().unwrap_or_default();
    }
}

fn cycle<T: PartialEq + Copy>(options: &[T], now: T, by: isize) -> T {
    let n = options.len() as isize;
    let i = options.iter().position(|o| *o == now).unwrap_or(0) as isize;
    options[(i + by).rem_euclid(n) as usize]
}

pub fn update(app: &mut App, action: Action) -> Next {
    let today = app.today();
    let dims = app.bank.dimensions.len().max(1);
    let Screen::GoalForm(f) = &mut app.screen else {
        return Next::Stay;
    };
    let by: isize = match action {
        Action::Back => -1,
        Action::Forward => 1,
        _ => 0,
    };
    match action {
        Action::Up => f.field = f.field.moved(-1),
        Action::Down => f.field = f.field.moved(1),
        Action::Click(i) => f.field = Field::nth(i),
        Action::Back | Action::Forward => match f.field {
            Field::Dimension => {
                f.dimension = (f.dimension as isize + by).rem_euclid(dims as isize) as usize;
                let toward = if f.target >= 0 {
                    Pole::Engineer
                } else {
                    Pole::Developer
                };
                reset_target(&app.bank, &app.texts, f, toward);
            }
            Field::Score => {
                f.lens = cycle(
                    &[None, Some(Lens::Preference), Some(Lens::Practice)],
                    f.lens,
                    by,
                );
                refresh_hint(&app.bank, &app.texts, f);
            }
            Field::Target => {
                f.target = (f.target + 5 * by as i32).clamp(-100, 100);
                refresh_hint(&app.bank, &app.texts, f);
            }
            Field::Due => {
                let months = f
                    .due
                    .and_then(|d| {
                        DUE_MONTHS.iter().find(|m| {
                            today.checked_add(jiff::Span::new().months(**m)).ok() == Some(d)
                        })
                    })
                    .copied()
                    .unwrap_or(0);
                let next = cycle(&DUE_MONTHS, months, by);
                f.due = (next > 0)
                    .then(|| today.checked_add(jiff::Span::new().months(next)).ok())
                    .flatten();
            }
            Field::Note | Field::Save => {}
        },
        Action::Confirm => match f.field {
            Field::Due => {
                let value = f.due.map(|d| d.to_string()).unwrap_or_default();
                app.open_prompt(Prompt::new(
                    "Due date",
                    "YYYY-MM-DD, or empty for none",
                    &value,
                    PromptFor::GoalDue,
                    10,
                ));
            }
            Field::Note => {
                let note = f.note.clone();
                app.open_prompt(Prompt::new(
                    "Note",
                    "How you will get there, e.g. “take a distributed systems course, write two ADRs”",
                    &note,
                    PromptFor::GoalNote,
                    crate::store::limits::MAX_NOTE_CHARS,
                ));
            }
            Field::Save => return save(app),
            _ => f.field = f.field.moved(1),
        },
        Action::Finish => return save(app),
        Action::Quit => return Next::Pop,
        _ => {}
    }
    Next::Stay
}

pub fn prompted(app: &mut App, purpose: &PromptFor, text: &str) {
    let today = app.today();
    let Screen::GoalForm(f) = &mut app.screen else {
        return;
    };
    match purpose {
        PromptFor::GoalNote => {
            f.note_edited = f.note_edited || f.note != text;
            f.note = text.to_owned();
        }
        PromptFor::GoalDue if text.is_empty() => {
            f.due = None;
            app.notice = None;
        }
        PromptFor::GoalDue => match crate::dates::date(text) {
            Ok(d) if d < today => app.warn(format!(
                "{d} is already past: a due date is today ({today}) or later."
            )),
            Ok(d) => {
                f.due = Some(d);
                // The date is good now: an earlier complaint about it no longer holds.
                app.notice = None;
            }
            Err(why) => app.warn(format!("{why}.")),
        },
        PromptFor::Rename(_) | PromptFor::SaveElsewhere(_) => {}
    }
}

fn save(app: &mut App) -> Next {
    let Screen::GoalForm(f) = &app.screen else {
        return Next::Stay;
    };
    let Some(dimension) = dimension_id(&app.bank, f).map(str::to_owned) else {
        return Next::Stay;
    };
    let dimension_id_owned = dimension.clone();
    let Some(baseline_score) = current(&app.bank, f) else {
        app.warn("This result has no score for that choice (too few answers): pick another dimension or lens.".into());
        return Next::Stay;
    };
    if (f64::from(f.target) - baseline_score).abs() < 0.5 {
        app.warn("The target is where you already are: move it with ←/→.".into());
        return Next::Stay;
    }
    let mut goal = Goal {
        id: 0,
        dimension,
        lens: f.lens,
        target: f64::from(f.target),
        baseline: f.baseline_id.clone(),
        baseline_score,
        baseline_margin: goal_margin(&f.scores, &dimension_id_owned, f.lens),
        note: f.note.clone(),
        due: f.due,
        created_at: app.now(),
        done_at: None,
    };
    let saved = app.store.update_goals(|file| {
        goal.id = file.add(goal.clone())?;
        Ok::<u32, StoreError>(goal.id)
    });
    match saved {
        Ok(id) => Next::Pop.then_inform(format!(
            "Goal #{id} saved: {} to {}. Follow it on the Goals screen (home, then Goals).",
            app.bank
                .dimension(&goal.dimension)
                .map_or(goal.dimension.as_str(), |d| d.title.as_str()),
            points(Some(goal.target))
        )),
        Err(e) => {
            app.warn(format!(
                "Could not save the goal: {e}. Press s to try again."
            ));
            Next::Stay
        }
    }
}

/// The due date as a person reads it: a preset says what it is ("in 3 months · 2027-02-25").
pub fn due_text(today: jiff::civil::Date, due: Option<jiff::civil::Date>) -> String {
    let Some(d) = due else {
        return "no due date".to_owned();
    };
    let preset = DUE_MONTHS
        .iter()
        .find(|m| **m > 0 && today.checked_add(jiff::Span::new().months(**m)).ok() == Some(d));
    match preset {
        Some(1) => format!("in 1 month · {d}"),
        Some(12) => format!("in a year · {d}"),
        Some(m) => format!("in {m} months · {d}"),
        None => d.to_string(),
    }
}
