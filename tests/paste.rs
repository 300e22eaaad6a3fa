//! Bracketed paste, with the real binary in a pseudo-terminal: a paste is text for the focused
//! field, never keys. Without it, a pasted "q" quits and a pasted "d" deletes.
// A pseudo-terminal: Unix only (Windows runs every other test).
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::pty::Pty;
use rolefit::store::Store;

/// What a terminal sends for a paste of `text` once bracketed paste is on.
fn pasted(text: &str) -> String {
    format!("\x1b[200~{text}\x1b[201~")
}

#[test]
fn a_paste_into_the_rename_prompt_is_one_line_of_text_and_never_keys() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let bank = common::default_bank();
    let answers = common::all_at(&bank, rolefit::bank::Pole::Engineer);
    common::results::saved(&store, &bank, answers, "earlier", "2026-05-01T09:00:00Z");
    let mut pty = Pty::rolefit("", data.path(), &[]);
    pty.wait_for("Take the full assessment");
    // Full, quick, adaptive, History.
    pty.send("4");
    pty.wait_for("earlier");
    pty.send("r");
    pty.wait_for("Rename this result");
    // Ctrl-U clears the field; as keys, the paste's "q" then Enter would cancel and quit, and
    // its "d" would ask to delete.
    pty.send("\x15");
    pty.send(&pasted("after the course q\r\nd\x07\u{202e}\t"));
    pty.wait_for("after the course q d");
    assert!(
        pty.screen().contains("Rename this result"),
        "{}",
        pty.screen()
    );
    pty.send("\r");
    let label = || {
        let listed = store.list_results().unwrap();
        listed[0].result.as_ref().unwrap().label.clone()
    };
    let start = std::time::Instant::now();
    while label() == "earlier" && start.elapsed() < std::time::Duration::from_secs(15) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(label(), "after the course q d");
    pty.send("q");
    pty.wait_for("Take the full assessment");
    pty.send("q");
    assert_eq!(pty.finish(), 0);
    pty.assert_terminal_restored();
    // The terminal was asked for bracketed paste, and asked to stop before rolefit left.
    let out = pty.raw_output();
    let (on, off) = (out.rfind("\x1b[?2004h"), out.rfind("\x1b[?2004l"));
    assert!(
        on.is_some() && off > on,
        "bracketed paste: on {on:?}, off {off:?}"
    );
}

#[test]
fn a_paste_on_a_question_answers_nothing() {
    let data = tempfile::tempdir().unwrap();
    let mut pty = Pty::rolefit("take --quick", data.path(), &[]);
    pty.begin();
    pty.wait_for("Question 1 of 14");
    // As keys: answer 2, Enter, answer 3, skip, quit.
    pty.send(&pasted("2\r3sq"));
    // A key after the paste: only it answers.
    pty.send("2");
    pty.wait_for("Question 2 of 14");
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(
        pty.screen().contains("Question 2 of 14"),
        "{}",
        pty.screen()
    );
    pty.signal("TERM");
    assert_eq!(pty.finish(), 0);
    pty.assert_terminal_restored();
    let saved = Store::open(data.path())
        .unwrap()
        .load_in_progress()
        .unwrap()
        .unwrap();
    assert_eq!(saved.assessment.progress().answered, 1);
}
