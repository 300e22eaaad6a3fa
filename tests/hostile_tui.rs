//! The TUI shows text from outside through the same sanitiser as every other output: a bank's
//! escapes, a label, a goal's note and a file's name appear escaped (`\u{1b}`), not dropped and
//! never raw.
// Off Unix the tests that need file names with control characters are left out, and their helpers.
#![cfg_attr(not(unix), allow(dead_code))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::results::saved;
use common::tui::{app_with, drive, render};
use rolefit::answers::{Answer, Answers};
use rolefit::bank::{Bank, Form};
use rolefit::sanitize::is_unsafe;
use rolefit::store::{Goal, Store, StoreError};
use rolefit::tui::action::Action::*;
use rolefit::tui::{App, Start};

const EVIL: &str = "\u{1b}]0;pwned\u{7}\u{202e}txt";

fn bank() -> Bank {
    rolefit::bank::load_path(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/banks/hostile-text.toml"),
    )
    .unwrap()
}

/// Two results labelled EVIL with different answers, a goal whose note is EVIL, and an
/// unreadable file whose name is EVIL.
fn data(dir: &Path) -> Vec<String> {
    let s = Store::open(dir).unwrap();
    let answers = |a: u8, b: u8, c: char| -> Answers {
        [
            ("pref-one".to_owned(), Answer::Scale(a)),
            ("practice-one".to_owned(), Answer::Scale(b)),
            ("pick-one".to_owned(), Answer::Option(c)),
        ]
        .into_iter()
        .collect()
    };
    let ids: Vec<String> = [
        (answers(1, 1, 'b'), "2026-01-05T10:00:00Z"),
        (answers(5, 5, 'a'), "2026-05-01T09:00:00Z"),
    ]
    .into_iter()
    .map(|(a, when)| {
        // rolefit itself refuses to save such a label: the file comes from elsewhere.
        let r = saved(&s, &bank(), a, "", when);
        let path = s.result_path(&r.id);
        let text = std::fs::read_to_string(&path).unwrap();
        let evil = toml::Value::String(EVIL.into()).to_string();
        std::fs::write(
            &path,
            text.replacen("label = \"\"", &format!("label = {evil}"), 1),
        )
        .unwrap();
        r.id
    })
    .collect();
    s.update_goals(|f| {
        f.goals.push(Goal {
            id: 1,
            dimension: "scope".into(),
            lens: None,
            target: 80.0,
            baseline: ids[0].clone(),
            baseline_score: -100.0,
            baseline_margin: None,
            note: EVIL.into(),
            due: None,
            created_at: "2026-01-06T00:00:00Z".parse().unwrap(),
            done_at: None,
        });
        Ok::<(), StoreError>(())
    })
    .unwrap();
    std::fs::write(s.results_dir().join(format!("{EVIL}.toml")), "schema = [").unwrap();
    ids
}

/// The screen's text; fails if any cell holds a character a terminal would act on.
fn shown(app: &App) -> String {
    let t = render(app, 120, 40);
    let buf = t.backend().buffer();
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(is_unsafe),
            "raw {:?} on screen:\n{}",
            cell.symbol(),
            t.backend()
        );
    }
    buf.content().iter().map(|c| c.symbol()).collect::<String>()
}

/// The screen's text above its last two rows (the notice and the footer): what a panel's body
/// shows, not a message about it.
fn body(app: &App) -> String {
    let t = render(app, 120, 40);
    let buf = t.backend().buffer();
    (0..38)
        .map(|y| (0..120).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_escaped(what: &str, app: &App, expected: &[&str]) {
    let screen = shown(app);
    for e in expected {
        assert!(screen.contains(e), "{what}: no {e:?} on\n{screen}");
    }
}

#[test]
fn question_and_review_screens_show_a_banks_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(bank(), dir.path(), Start::Take(Form::Full), true);
    drive(&mut app, &[Confirm, Confirm]);
    let q = app
        .session
        .as_ref()
        .unwrap()
        .assessment()
        .current(&app.bank);
    let expected = match q.unwrap().id.as_str() {
        "pref-one" => "I like \\u{1b}]0;pwned\\u{7} designing \\u{202e} things.",
        "practice-one" => "Which is closer \\u{1b}[2J to your week?",
        _ => "Pick one \\u{202e} now.",
    };
    assert_escaped("question", &app, &[expected, "SCOPE \\u{1b}]0;PWNED"]);
    drive(&mut app, &[Review]);
    assert_escaped("review", &app, &["\\u{202e}"]);
}

#[cfg(unix)] // control characters in file names: Unix only
#[test]
fn history_shows_labels_and_file_names_escaped() {
    let dir = tempfile::tempdir().unwrap();
    data(dir.path());
    let app = app_with(bank(), dir.path(), Start::History, true);
    assert_escaped(
        "history",
        &app,
        &[
            "\\u{1b}]0;pwned\\u{7}\\u{202e}txt",
            "⚠ \\u{1b}]0;pwned\\u{7}\\u{202e}txt.toml",
        ],
    );
}

#[cfg(unix)] // control characters in file names: Unix only
#[test]
fn goals_show_the_note_escaped() {
    let dir = tempfile::tempdir().unwrap();
    data(dir.path());
    let app = app_with(bank(), dir.path(), Start::Goals, true);
    assert_escaped("goals", &app, &["“\\u{1b}]0;pwned\\u{7}\\u{202e}txt”"]);
}

#[cfg(unix)] // control characters in file names: Unix only
#[test]
fn compare_and_dashboard_show_labels_and_bank_texts_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let ids = data(dir.path());
    let s = Store::open(dir.path()).unwrap();
    let (before, after) = (
        s.find_result(&ids[0]).unwrap(),
        s.find_result(&ids[1]).unwrap(),
    );
    let app = app_with(
        bank(),
        dir.path(),
        Start::Compare(Box::new(before), Box::new(after.clone())),
        true,
    );
    assert_escaped(
        "compare",
        &app,
        &[
            "“\\u{1b}]0;pwned\\u{7}\\u{202e}txt”",
            "Scope \\u{1b}]0;pwned",
            "I like \\u{1b}]0;pwned",
        ],
    );
    let mut app = app_with(bank(), dir.path(), Start::Show(Box::new(after)), true);
    assert_escaped("dashboard", &app, &[]);
    // In the body, not only in the goal notice (which quotes the dimension too).
    let dims = |app: &mut App| {
        drive(app, &[Pick(3)]);
        body(app)
    };
    let screen = dims(&mut app);
    assert!(
        screen.contains("Scope \\u{1b}]0;pwned"),
        "dimensions:\n{screen}"
    );
    // The Why panel on its own: a bank's question quoted with its escapes.
    drive(&mut app, &[Pick(5)]);
    let screen = body(&app);
    assert!(screen.contains("\\u{1b}]0;pwned"), "why:\n{screen}");
}

#[cfg(unix)] // control characters in file names: Unix only
#[test]
fn renaming_offers_the_label_escaped_and_typing_cannot_add_a_bidi_override() {
    let dir = tempfile::tempdir().unwrap();
    data(dir.path());
    let mut app = app_with(bank(), dir.path(), Start::History, true);
    drive(&mut app, &[Rename]);
    let prompt = app.prompt().unwrap();
    assert_eq!(prompt.input.value(), "\\u{1b}]0;pwned\\u{7}\\u{202e}txt");
    let key = |c| crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char(c));
    let ctx = app.context();
    assert_eq!(rolefit::tui::keymap::action(ctx, key('\u{202e}')), None);
    assert_eq!(rolefit::tui::keymap::action(ctx, key('x')), Some(Type('x')));
}
