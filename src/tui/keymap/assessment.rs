//! Keys while taking an assessment: home, intro, questions, review and the result.

use crossterm::event::KeyCode;

use super::Binding;
use super::Trigger::*;
use super::common::*;
use crate::tui::action::Action;

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
        &[Digits(9)],
        "1-9",
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
    SCROLL[0],
    SCROLL[1],
    PAGE[0],
    PAGE[1],
    HELP,
    INTERRUPT,
    SUSPEND,
];

pub(super) const ABOUT: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    b(
        &[Key(KeyCode::Left), Char('h')],
        "←",
        "previous answer",
        Action::Back,
        "change",
    ),
    b(
        &[Key(KeyCode::Right), Char('l'), Key(KeyCode::Tab)],
        "→",
        "next answer",
        Action::Forward,
        "",
    ),
    b(
        &[Key(KeyCode::Enter)],
        "Enter",
        "confirm the answers as shown",
        Action::Confirm,
        "confirm",
    ),
    b(
        &[Char('q'), Key(KeyCode::Esc)],
        "Esc",
        "back, without saving",
        Action::Quit,
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
        "answer",
    ),
    MOVE[0],
    MOVE[1],
    b(
        &[Key(KeyCode::Enter)],
        "Enter",
        "answer with the highlighted option (or with the two marked)",
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
        "skip (or say it does not apply to you)",
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
    b(
        &[Char(' ')],
        "Space",
        "mark or unmark a scenario's option: mark two that fit about equally well, then Enter (a letter still answers with its option alone, dropping any mark)",
        Action::Mark,
        "mark two",
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

/// A goal-form result's dashboard: one page, so the Result keys less the three panel keys it
/// starts with (Tab, Shift-Tab, 1-7).
pub(super) const ONE_SCALE_RESULT: &[Binding] = RESULT.split_at(3).1;

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
    b(&[Digits(7)], "1-7", "show that panel", Action::Pick(0), ""),
    SCROLL[0],
    SCROLL[1],
    PAGE[0],
    PAGE[1],
    b(
        &[Char('e')],
        "e",
        "export as Markdown and HTML",
        Action::Export,
        "export",
    ),
    b(
        &[Char('s')],
        "s",
        "share with your team: writes a card without your answers",
        Action::Share,
        "",
    ),
    b(
        &[Char('g')],
        "g",
        "set a learning goal from this result",
        Action::Goal,
        "goal",
    ),
    b(
        &[Char('a')],
        "a",
        "about you: the experience and role this result's advice fits",
        Action::About,
        "",
    ),
    b(
        &[Char('t')],
        "t",
        "your first open learning goal over time",
        Action::Timeline,
        "",
    ),
    HELP,
    b(
        &[Char('q'), Key(KeyCode::Esc), Key(KeyCode::Enter)],
        "q/Esc",
        "back (to the screen before, or the shell it was opened from)",
        Action::Quit,
        "back",
    ),
    INTERRUPT,
    SUSPEND,
];
