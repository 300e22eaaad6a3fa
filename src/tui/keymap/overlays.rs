//! Keys of what is drawn over a screen: dialogs, the help overlay and text prompts.

use crossterm::event::KeyCode;

use super::Binding;
use super::Trigger::*;
use super::common::*;
use crate::tui::action::Action;

pub(super) const DIALOG: &[Binding] = &[
    b(
        &[
            Key(KeyCode::Left),
            Key(KeyCode::Up),
            Char('h'),
            Char('k'),
            Key(KeyCode::BackTab),
        ],
        // The buttons stand in a row, or in a column on a narrow screen: both pairs move.
        "arrows",
        "move between the buttons",
        Action::Up,
        "move",
    ),
    b(
        &[
            Key(KeyCode::Right),
            Key(KeyCode::Down),
            Char('l'),
            Char('j'),
            Key(KeyCode::Tab),
        ],
        "",
        "",
        Action::Down,
        "",
    ),
    b(
        &[Key(KeyCode::Enter)],
        "Enter",
        "press the highlighted button",
        Action::Confirm,
        "press",
    ),
    b(
        &[Letters],
        "letter",
        "press the button with that letter",
        Action::Letter('a'),
        "",
    ),
    b(
        &[Key(KeyCode::Esc)],
        "Esc",
        "cancel",
        Action::Back,
        "cancel",
    ),
    INTERRUPT,
    SUSPEND,
];

pub(super) const HELP_OVERLAY: &[Binding] = &[
    b(
        &[Char('?'), Key(KeyCode::Esc), Char('q'), Key(KeyCode::Enter)],
        "?/Esc",
        "close this help",
        Action::Help,
        "close",
    ),
    SCROLL[0],
    SCROLL[1],
    PAGE[0],
    PAGE[1],
    INTERRUPT,
    SUSPEND,
];

pub(super) const PROMPT: &[Binding] = &[
    b(
        &[Key(KeyCode::Enter)],
        "Enter",
        "keep it",
        Action::Confirm,
        "ok",
    ),
    b(
        &[Key(KeyCode::Esc)],
        "Esc",
        "cancel",
        Action::Quit,
        "cancel",
    ),
    b(&[Key(KeyCode::Backspace)], "", "", Action::Erase, ""),
    b(&[Key(KeyCode::Delete)], "", "", Action::EraseNext, ""),
    b(&[Key(KeyCode::Left)], "", "", Action::Back, ""),
    b(&[Key(KeyCode::Right)], "", "", Action::Forward, ""),
    b(&[Key(KeyCode::Home)], "", "", Action::Top, ""),
    b(&[Key(KeyCode::End)], "", "", Action::Bottom, ""),
    b(&[Ctrl('u')], "Ctrl-U", "clear", Action::Clear, ""),
    b(&[Text], "", "", Action::Type('a'), ""),
    INTERRUPT,
    SUSPEND,
];
