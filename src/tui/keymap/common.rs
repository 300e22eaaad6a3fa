//! Bindings several contexts share, and `b`, the short way to write one.

use crossterm::event::KeyCode;

use super::Binding;
use super::Trigger;
use super::Trigger::*;
use crate::tui::action::Action;
use crate::tui::signals;

pub(super) const fn b(
    triggers: &'static [Trigger],
    keys: &'static str,
    does: &'static str,
    action: Action,
    short: &'static str,
) -> Binding {
    Binding {
        triggers,
        keys,
        does,
        action,
        short,
    }
}

pub(super) const MOVE: [Binding; 2] = [
    b(
        &[Key(KeyCode::Up), Char('k')],
        "↑/k",
        "move up",
        Action::Up,
        "",
    ),
    b(
        &[Key(KeyCode::Down), Char('j')],
        "↓/j",
        "move down",
        Action::Down,
        "",
    ),
];
pub(super) const HELP: Binding = b(
    &[Char('?')],
    "?",
    "show or hide this help",
    Action::Help,
    "help",
);
pub(super) const INTERRUPT: Binding = b(
    &[Ctrl('c')],
    "Ctrl-C",
    "save and quit at once",
    Action::Interrupt,
    "",
);
/// Where there is no job control (Windows) Ctrl-Z does nothing, and its help line says why.
pub(super) const SUSPEND: Binding = b(
    if signals::CAN_SUSPEND {
        &[Ctrl('z')]
    } else {
        &[]
    },
    "Ctrl-Z",
    signals::SUSPEND_HELP,
    Action::Suspend,
    "",
);
pub(super) const QUIT_ASKS: Binding = b(
    &[Char('q'), Key(KeyCode::Esc)],
    "q/Esc",
    "quit (asks first; progress is saved)",
    Action::Quit,
    "quit",
);

pub(super) const BACK_KEYS: Binding = b(
    &[Char('q'), Key(KeyCode::Esc)],
    "q/Esc",
    "back",
    Action::Quit,
    "back",
);
pub(super) const PAGE: [Binding; 4] = [
    b(
        &[Key(KeyCode::PageUp)],
        "PgUp",
        "page up",
        Action::PageUp,
        "",
    ),
    b(
        &[Key(KeyCode::PageDown)],
        "PgDn",
        "page down",
        Action::PageDown,
        "",
    ),
    b(
        &[Key(KeyCode::Home), Char('g')],
        "g/Home",
        "first row",
        Action::Top,
        "",
    ),
    b(
        &[Key(KeyCode::End), Char('G')],
        "G/End",
        "last row",
        Action::Bottom,
        "",
    ),
];

/// Scrolling a text that does not fit (a dashboard panel, the intro): the same keys and the
/// same footer hint wherever `widgets::scroll::Scroll` is used.
pub(super) const SCROLL: [Binding; 2] = [
    b(
        &[Key(KeyCode::Up), Char('k')],
        "↑/↓",
        "scroll up and down",
        Action::Up,
        "scroll",
    ),
    b(&[Key(KeyCode::Down), Char('j')], "", "", Action::Down, ""),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Ctrl-Z is bound only where it can suspend; elsewhere its help line says why it is missing.
    #[test]
    fn ctrl_z_is_bound_only_where_it_can_suspend() {
        assert_eq!(SUSPEND.triggers.is_empty(), !signals::CAN_SUSPEND);
        if !signals::CAN_SUSPEND {
            assert!(
                SUSPEND.does.contains("not available on Windows"),
                "{}",
                SUSPEND.does
            );
        }
        assert_eq!(SUSPEND.keys, "Ctrl-Z");
    }

    /// Ctrl-Z and Ctrl-C mean the same on every screen and over every dialog, prompt and help:
    /// the help says "Ctrl-Z suspend" everywhere, and a prompt must not swallow it.
    #[test]
    fn ctrl_z_and_ctrl_c_work_in_every_context() {
        use super::super::{Context, action};
        use crossterm::event::{KeyEvent, KeyModifiers};
        let every = [
            Context::Home,
            Context::Intro,
            Context::Question,
            Context::Review,
            Context::Result,
            Context::OneScaleResult,
            Context::History,
            Context::Compare,
            Context::Goals,
            Context::Timeline,
            Context::GoalForm,
            Context::About,
            Context::Team,
            Context::Dialog,
            Context::Prompt,
            Context::Help,
        ];
        // A new context fails to compile here until it joins the list above.
        for ctx in every {
            match ctx {
                Context::Home
                | Context::Intro
                | Context::Question
                | Context::Review
                | Context::Result
                | Context::OneScaleResult
                | Context::History
                | Context::Compare
                | Context::Goals
                | Context::Timeline
                | Context::GoalForm
                | Context::About
                | Context::Team
                | Context::Dialog
                | Context::Prompt
                | Context::Help => {}
            }
            let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
            assert_eq!(action(ctx, ctrl('c')), Some(Action::Interrupt), "{ctx:?}");
            let z = action(ctx, ctrl('z'));
            if signals::CAN_SUSPEND {
                assert_eq!(z, Some(Action::Suspend), "{ctx:?}");
            } else {
                assert_eq!(z, None, "{ctx:?}");
            }
        }
    }
}
