//! The single source of truth for keys: each context's bindings, used to turn key events into
//! actions, and to draw the footer hints and the `?` overlay.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

/// Where keys are being read: a screen, or a dialog on top of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Home,
    Intro,
    Question,
    Review,
    Result,
    Dialog,
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

use Trigger::{Char, Ctrl, Digits, Key, Letters};

const fn b(
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

const MOVE: [Binding; 2] = [
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
const HELP: Binding = b(
    &[Char('?')],
    "?",
    "show or hide this help",
    Action::Help,
    "help",
);
const INTERRUPT: Binding = b(
    &[Ctrl('c')],
    "Ctrl-C",
    "save and quit at once",
    Action::Interrupt,
    "",
);
const SUSPEND: Binding = b(
    &[Ctrl('z')],
    "Ctrl-Z",
    "suspend to the shell (fg to return)",
    Action::Suspend,
    "",
);
const QUIT_ASKS: Binding = b(
    &[Char('q'), Key(KeyCode::Esc)],
    "q/Esc",
    "quit (asks first; progress is saved)",
    Action::Quit,
    "quit",
);

const HOME: &[Binding] = &[
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

const INTRO: &[Binding] = &[
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

const QUESTION: &[Binding] = &[
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

const REVIEW: &[Binding] = &[
    MOVE[0],
    MOVE[1],
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
        "g",
        "first question",
        Action::Top,
        "",
    ),
    b(
        &[Key(KeyCode::End), Char('G')],
        "G",
        "last row",
        Action::Bottom,
        "",
    ),
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

const RESULT: &[Binding] = &[
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
        "home",
    ),
    INTERRUPT,
    SUSPEND,
];

const DIALOG: &[Binding] = &[
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

const HELP_OVERLAY: &[Binding] = &[
    b(
        &[Char('?'), Key(KeyCode::Esc), Char('q'), Key(KeyCode::Enter)],
        "?/Esc",
        "close this help",
        Action::Help,
        "close",
    ),
    INTERRUPT,
];

pub fn bindings(ctx: Context) -> &'static [Binding] {
    match ctx {
        Context::Home => HOME,
        Context::Intro => INTRO,
        Context::Question => QUESTION,
        Context::Review => REVIEW,
        Context::Result => RESULT,
        Context::Dialog => DIALOG,
        Context::Help => HELP_OVERLAY,
    }
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
            _ => None,
        })
    })
}
