//! Keys of the screens over saved data: History, Compare, Goals and the new-goal form.

use crossterm::event::KeyCode;

use super::Binding;
use super::Trigger::*;
use super::common::*;
use crate::tui::action::Action;

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

/// A screen that reads and scrolls: Team, a goal's timeline.
pub(super) const TEAM: &[Binding] = &[
    MOVE[0], MOVE[1], PAGE[0], PAGE[1], PAGE[2], PAGE[3], HELP, BACK_KEYS, INTERRUPT, SUSPEND,
];

/// Compare's list of every question, with their texts.
const QUESTIONS: Binding = b(
    &[Char('a')],
    "a",
    "every answer that changed and every question only one asked, with their texts (again: close)",
    Action::Questions,
    "answers",
);

pub(super) const COMPARE: &[Binding] = &[
    MOVE[0], MOVE[1], PAGE[0], PAGE[1], PAGE[2], PAGE[3], QUESTIONS, HELP, BACK_KEYS, INTERRUPT,
    SUSPEND,
];

/// On a goal's line or timeline: a goal form, just the questions on its scale.
const ASK_GOAL: Binding = b(
    &[Char('g')],
    "g",
    "answer just this goal's questions",
    Action::AskGoal,
    "ask",
);

/// A goal's timeline reads and scrolls, like Compare, and offers the goal's own questions: g
/// asks them there, so the top is Home alone.
pub(super) const TIMELINE: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    PAGE[0],
    PAGE[1],
    b(&[Key(KeyCode::Home)], "Home", "first row", Action::Top, ""),
    PAGE[3],
    ASK_GOAL,
    HELP,
    BACK_KEYS,
    INTERRUPT,
    SUSPEND,
];

pub(super) const GOALS: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    b(
        &[Key(KeyCode::Enter)],
        "Enter",
        "the goal over time: every result since its start",
        Action::Confirm,
        "timeline",
    ),
    ASK_GOAL,
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
