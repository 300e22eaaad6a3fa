//! Every context's key bindings. The order is the order of the footer and the help overlay.

use crossterm::event::KeyCode;

use super::Trigger::{Char, Ctrl, Digits, Key, Letters, Text};
use super::{Binding, Trigger};
use crate::tui::action::Action;

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
pub(super) const SUSPEND: Binding = b(
    &[Ctrl('z')],
    "Ctrl-Z",
    "suspend to the shell (fg to return)",
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

pub(super) const HOME: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    b(
        &[Key(KeyCode::Enter), Key(KeyCode::Right), Char('l')],
        "Enter",
        "open the highlighted item",
        Action::Confirm,
        "open",
    ),
    b(
        &[Digits(6)],
        "1-6",
        "open an item by its number",
        Action::Pick(0),
        "",
    ),
    b(
        &[Char('q'), Key(KeyCode::Esc)],
        "q",
        "quit",
        Action::Quit,
        "quit",
    ),
    HELP,
    INTERRUPT,
    SUSPEND,
];

pub(super) const INTRO: &[Binding] = &[
    b(
        &[Key(KeyCode::Enter), Key(KeyCode::Right), Char('l')],
        "Enter",
        "begin",
        Action::Confirm,
        "begin",
    ),
    b(
        &[
            Key(KeyCode::Esc),
            Char('q'),
            Key(KeyCode::Left),
            Char('h'),
            Key(KeyCode::Backspace),
        ],
        "Esc",
        "back to the home screen",
        Action::Back,
        "back",
    ),
    HELP,
    INTERRUPT,
    SUSPEND,
];

pub(super) const QUESTION: &[Binding] = &[
    b(
        &[Digits(5)],
        "1-5",
        "answer with that option and go on",
        Action::Pick(0),
        "answer",
    ),
    b(
        &[Letters],
        "a-e",
        "answer a scenario with that option",
        Action::Letter('a'),
        "",
    ),
    MOVE[0],
    MOVE[1],
    b(
        &[Key(KeyCode::Enter)],
        "Enter",
        "answer with the highlighted option",
        Action::Confirm,
        "choose",
    ),
    b(
        &[Key(KeyCode::Left), Key(KeyCode::Backspace), Char('h')],
        "←",
        "previous question",
        Action::Back,
        "back",
    ),
    b(
        &[Key(KeyCode::Right), Char('l'), Key(KeyCode::Tab)],
        "→",
        "next question (keeps the answer)",
        Action::Forward,
        "next",
    ),
    b(
        &[Char('s')],
        "s",
        "skip this question",
        Action::Skip,
        "skip",
    ),
    b(
        &[Char('r')],
        "r",
        "review all answers",
        Action::Review,
        "review",
    ),
    HELP,
    QUIT_ASKS,
    INTERRUPT,
    SUSPEND,
];

pub(super) const REVIEW: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    PAGE[0],
    PAGE[1],
    PAGE[2],
    PAGE[3],
    b(
        &[Key(KeyCode::Enter)],
        "Enter",
        "change the highlighted answer (or Finish)",
        Action::Confirm,
        "change",
    ),
    b(
        &[Char('f')],
        "f",
        "finish and see your result",
        Action::Finish,
        "finish",
    ),
    b(
        &[Key(KeyCode::Left), Key(KeyCode::Backspace), Char('h')],
        "←",
        "back to the questions",
        Action::Back,
        "back",
    ),
    HELP,
    QUIT_ASKS,
    INTERRUPT,
    SUSPEND,
];

pub(super) const RESULT: &[Binding] = &[
    b(
        &[Key(KeyCode::Tab), Key(KeyCode::Right), Char('l')],
        "Tab",
        "next panel",
        Action::Forward,
        "panel",
    ),
    b(
        &[Key(KeyCode::BackTab), Key(KeyCode::Left), Char('h')],
        "Shift-Tab",
        "previous panel",
        Action::Back,
        "",
    ),
    b(&[Digits(5)], "1-5", "show that panel", Action::Pick(0), ""),
    MOVE[0],
    MOVE[1],
    b(
        &[Char('e')],
        "e",
        "export as Markdown and HTML",
        Action::Export,
        "export",
    ),
    b(
        &[Char('g')],
        "g",
        "set a learning goal from this result",
        Action::Goal,
        "goal",
    ),
    HELP,
    b(
        &[Char('q'), Key(KeyCode::Esc), Key(KeyCode::Enter)],
        "q/Esc",
        "back to the home screen",
        Action::Quit,
        "back",
    ),
    INTERRUPT,
    SUSPEND,
];

pub(super) const DIALOG: &[Binding] = &[
    b(
        &[
            Key(KeyCode::Left),
            Key(KeyCode::Up),
            Char('h'),
            Char('k'),
            Key(KeyCode::BackTab),
        ],
        "←/→",
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
];

pub(super) const HELP_OVERLAY: &[Binding] = &[
    b(
        &[Char('?'), Key(KeyCode::Esc), Char('q'), Key(KeyCode::Enter)],
        "?/Esc",
        "close this help",
        Action::Help,
        "close",
    ),
    INTERRUPT,
];

const BACK_KEYS: Binding = b(
    &[Char('q'), Key(KeyCode::Esc)],
    "q/Esc",
    "back",
    Action::Quit,
    "back",
);
const PAGE: [Binding; 4] = [
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

pub(super) const HISTORY: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    PAGE[0],
    PAGE[1],
    PAGE[2],
    PAGE[3],
    b(
        &[Key(KeyCode::Enter), Key(KeyCode::Right), Char('l')],
        "Enter",
        "open the result's dashboard",
        Action::Confirm,
        "open",
    ),
    b(
        &[Char(' '), Char('m')],
        "Space",
        "mark for comparison (two at most)",
        Action::Mark,
        "mark",
    ),
    b(
        &[Char('c')],
        "c",
        "compare the two marked (or this one with the one before)",
        Action::Compare,
        "compare",
    ),
    b(
        &[Char('r')],
        "r",
        "rename (change the label)",
        Action::Rename,
        "rename",
    ),
    b(
        &[Char('d'), Key(KeyCode::Delete)],
        "d/Del",
        "delete (asks; it goes to the trash folder)",
        Action::Delete,
        "delete",
    ),
    HELP,
    BACK_KEYS,
    INTERRUPT,
    SUSPEND,
];

pub(super) const COMPARE: &[Binding] = &[
    MOVE[0], MOVE[1], PAGE[0], PAGE[1], PAGE[2], PAGE[3], HELP, BACK_KEYS, INTERRUPT, SUSPEND,
];

pub(super) const GOALS: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    b(
        &[Char('a')],
        "a",
        "add a goal (from your latest result)",
        Action::Add,
        "add",
    ),
    b(
        &[Char('d')],
        "d",
        "mark done (or not done)",
        Action::Done,
        "done",
    ),
    b(
        &[Char('x'), Key(KeyCode::Delete)],
        "x/Del",
        "remove the goal (asks)",
        Action::Delete,
        "remove",
    ),
    HELP,
    BACK_KEYS,
    INTERRUPT,
    SUSPEND,
];

pub(super) const GOAL_FORM: &[Binding] = &[
    b(
        &[Key(KeyCode::Up), Char('k'), Key(KeyCode::BackTab)],
        "↑/↓",
        "move between the fields",
        Action::Up,
        "field",
    ),
    b(
        &[Key(KeyCode::Down), Char('j'), Key(KeyCode::Tab)],
        "",
        "",
        Action::Down,
        "",
    ),
    b(
        &[Key(KeyCode::Left), Char('h'), Char('-')],
        "←/→",
        "change the value",
        Action::Back,
        "change",
    ),
    b(
        &[Key(KeyCode::Right), Char('l'), Char('+')],
        "",
        "",
        Action::Forward,
        "",
    ),
    b(
        &[Key(KeyCode::Enter)],
        "Enter",
        "edit the note or date; on Save, save the goal",
        Action::Confirm,
        "edit/save",
    ),
    b(&[Char('s')], "s", "save the goal", Action::Finish, "save"),
    HELP,
    b(
        &[Char('q'), Key(KeyCode::Esc)],
        "q/Esc",
        "cancel",
        Action::Quit,
        "cancel",
    ),
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
];
