//! The single source of truth for keys: each context's bindings, used to turn key events into
//! actions, and to draw the footer hints and the `?` overlay.

use std::borrow::Cow;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

mod assessment;
mod common;
mod overlays;
mod saved;
use assessment::{ABOUT, HOME, INTRO, ONE_SCALE_RESULT, QUESTION, RESULT, REVIEW};
use overlays::{DIALOG, HELP_OVERLAY, PROMPT};
use saved::{COMPARE, GOAL_FORM, GOALS, HISTORY, TEAM, TIMELINE};

/// Where keys are being read: a screen, or a dialog on top of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Home,
    Intro,
    Question,
    Review,
    Result,
    /// The dashboard of a goal-form result: one page, no panels.
    OneScaleResult,
    History,
    Compare,
    Goals,
    /// A goal's timeline.
    Timeline,
    GoalForm,
    /// About you: experience, role and users.
    About,
    Team,
    Dialog,
    /// A one-line text field (a label, a note, a date): printable keys type.
    Prompt,
    Help,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    Key(KeyCode),
    Char(char),
    Ctrl(char),
    /// Number keys 1..=n, as `Action::Pick`.
    Digits(u8),
    /// Any other lowercase letter, as `Action::Letter`.
    Letters,
    /// Any printable character, as `Action::Type`.
    Text,
}

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub triggers: &'static [Trigger],
    /// How the keys are written in the footer and the help overlay.
    pub keys: &'static str,
    pub does: &'static str,
    pub action: Action,
    /// Its short form in the footer (only the most used keys have one); every binding with
    /// `keys` is listed in the help overlay.
    pub short: &'static str,
}

pub fn bindings(ctx: Context) -> &'static [Binding] {
    match ctx {
        Context::Home => HOME,
        Context::Intro => INTRO,
        Context::Question => QUESTION,
        Context::Review => REVIEW,
        Context::Result => RESULT,
        Context::OneScaleResult => ONE_SCALE_RESULT,
        Context::History => HISTORY,
        Context::Compare => COMPARE,
        Context::Goals => GOALS,
        Context::Timeline => TIMELINE,
        Context::GoalForm => GOAL_FORM,
        Context::About => ABOUT,
        Context::Team => TEAM,
        Context::Dialog => DIALOG,
        Context::Prompt => PROMPT,
        Context::Help => HELP_OVERLAY,
    }
}

/// A paste, typed into the focused text field as one line (runs of line breaks and tabs become
/// one space, other control and bidi characters are dropped; the field keeps its own length
/// limit); nothing where no text field is focused, so a pasted "q" or "d" never acts.
pub fn paste(ctx: Context, text: &str) -> Vec<Action> {
    let typing = bindings(ctx)
        .iter()
        .any(|b| b.triggers.iter().any(|t| matches!(t, Trigger::Text)));
    if !typing {
        return Vec::new();
    }
    let mut typed = Vec::new();
    let mut gap = false;
    for c in text.trim().chars() {
        if matches!(c, '\n' | '\r' | '\t') {
            gap = true;
        } else if !crate::sanitize::is_unsafe(c) {
            if std::mem::take(&mut gap) {
                typed.push(Action::Type(' '));
            }
            typed.push(Action::Type(c));
        }
    }
    typed
}

/// The keys that answer the question on screen: "1-4", and "a-d" for a scenario (none on a
/// scale: letters answer nothing there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerKeys {
    pub digits: String,
    pub letters: Option<String>,
}

/// A binding as the footer and the help overlay show it on the screen now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: Cow<'static, str>,
    pub does: &'static str,
    pub short: &'static str,
}

/// The bindings of `ctx` as hints. On a question, the digits and letters bound are named by
/// what `answer` says that question takes, so no hint offers a key that does nothing.
pub fn hints(ctx: Context, answer: Option<&AnswerKeys>) -> Vec<Hint> {
    bindings(ctx)
        .iter()
        .filter_map(|b| {
            let keys = match (ctx, answer, b.triggers) {
                (Context::Question, Some(k), [Trigger::Digits(_)]) => Cow::Owned(k.digits.clone()),
                (Context::Question, Some(k), [Trigger::Letters]) => Cow::Owned(k.letters.clone()?),
                // Marking two is for a scenario only: a scale has one answer.
                (Context::Question, Some(k), _) if b.action == Action::Mark => {
                    k.letters.as_ref()?;
                    Cow::Borrowed(b.keys)
                }
                _ => Cow::Borrowed(b.keys),
            };
            Some(Hint {
                keys,
                does: b.does,
                short: b.short,
            })
        })
        .collect()
}

/// The action a key press means in `ctx`, if any. Only presses count: terminals that report
/// releases and repeats must not answer twice.
pub fn action(ctx: Context, key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let all = || {
        bindings(ctx)
            .iter()
            .flat_map(|b| b.triggers.iter().map(move |t| (*t, b.action)))
    };
    // Named keys first, so `j` moves even on a screen where other letters answer.
    use Trigger::{Char, Ctrl, Digits, Key, Letters, Text};
    let exact = all().find_map(|(t, action)| match (t, key.code) {
        (Ctrl(c), KeyCode::Char(k)) if ctrl && k.eq_ignore_ascii_case(&c) => Some(action),
        _ if ctrl => None,
        (Key(code), pressed) if code == pressed => Some(action),
        (Char(c), KeyCode::Char(k)) if c == k => Some(action),
        _ => None,
    });
    exact.or_else(|| {
        all().find_map(|(t, _)| match (t, key.code) {
            _ if ctrl => None,
            (Digits(max), KeyCode::Char(k)) => k
                .to_digit(10)
                .and_then(|d| u8::try_from(d).ok())
                .filter(|d| (1..=max).contains(d))
                .map(Action::Pick),
            (Letters, KeyCode::Char(k)) if k.is_ascii_lowercase() => Some(Action::Letter(k)),
            (Text, KeyCode::Char(k)) if !crate::sanitize::is_unsafe(k) => Some(Action::Type(k)),
            _ => None,
        })
    })
}
