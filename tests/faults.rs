//! Fault tests with the real binary in a pseudo-terminal: kill -9 during hundreds of saves, a
//! data directory that cannot take the result, TERM=dumb and a 1x1 terminal.
// A pseudo-terminal and Unix signals: Unix only (Windows runs every other test).
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use common::pty::Pty;
use rolefit::store::Store;

/// The question number on screen ("Question 7 of 14"), if a question is showing.
fn question_on_screen(pty: &Pty) -> Option<usize> {
    let screen = pty.screen();
    let at = screen.find("Question ")?;
    screen[at + 9..].split_whitespace().next()?.parse().ok()
}

fn wait_for_any(pty: &Pty, texts: &[&str]) -> usize {
    let start = std::time::Instant::now();
    while start.elapsed() < Duration::from_secs(15) {
        let screen = pty.screen();
        if let Some(i) = texts.iter().position(|t| screen.contains(t)) {
            return i;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("none of {texts:?} on screen:\n{}", pty.screen());
}

/// kill -9 at random moments of 200 saves (answers autosaved to in-progress.toml, and finished
/// results): after each kill every file parses, and every answer the screen acknowledged (by
/// showing the next question) is in the saved progress.
#[test]
fn kill_9_during_200_saves_loses_nothing_acknowledged() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let mut rng = fastrand::Rng::with_seed(2026);
    let (mut saves, mut kills, mut finished) = (0, 0, 0);
    while saves < 200 {
        let mut pty = Pty::rolefit("take --quick", data.path(), &[]);
        match wait_for_any(&pty, &["Enter begin", "unfinished assessment"]) {
            0 => {
                pty.send("\r");
                pty.wait_for("Continue to the first question");
                pty.send("\r");
            }
            _ => pty.send("r"),
        }
        wait_for_any(&pty, &["Question ", "Finish and see"]);
        // Answers go in order, so the question on screen says how many are saved.
        let mut acknowledged = question_on_screen(&pty).map_or(14, |n| n - 1);
        let extra = rng.usize(1..6);
        for _ in 0..extra {
            let Some(n) = question_on_screen(&pty) else {
                pty.send("f");
                pty.wait_for("1 Overview");
                (saves, finished) = (saves + 1, finished + 1);
                break;
            };
            pty.send(&rng.u8(1..=3).to_string());
            saves += 1;
            if n == 14 {
                pty.wait_for("Finish and see your result");
                acknowledged = 14;
                pty.send("f");
                pty.wait_for("1 Overview");
                (saves, finished) = (saves + 1, finished + 1);
                break;
            }
            pty.wait_for(&format!("Question {} of 14", n + 1));
            acknowledged = n;
        }
        // One more answer, and a kill somewhere in (or around) its save.
        if question_on_screen(&pty).is_some() {
            pty.send(&rng.u8(1..=3).to_string());
            saves += 1;
        }
        std::thread::sleep(Duration::from_micros(rng.u64(0..3000)));
        pty.signal("KILL");
        pty.finish();
        kills += 1;

        for l in store.list_results().unwrap() {
            assert!(l.result.is_ok(), "{}: {:?}", l.path.display(), l.result);
        }
        if let Some(p) = store.load_in_progress().unwrap() {
            let answered = p.assessment.progress().answered;
            assert!(
                answered >= acknowledged && answered <= acknowledged + 1,
                "acknowledged {acknowledged}, saved {answered}"
            );
        } else {
            assert!(
                acknowledged == 14 || acknowledged == 0,
                "progress lost after {acknowledged}"
            );
        }
    }
    assert!(
        kills >= 20 && finished >= 1,
        "{kills} kills, {finished} finished"
    );
    assert_eq!(store.list_results().unwrap().len(), finished);
}

/// The data directory cannot take the result (here `results` is a file, which stops even root):
/// a clear message, the answers stay, and the result can be written elsewhere.
#[test]
fn a_result_the_data_directory_cannot_take_can_be_saved_elsewhere() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    std::fs::write(store.results_dir(), "not a folder").unwrap();
    let mut pty = Pty::rolefit("take --quick", data.path(), &[]);
    pty.answer_quick_and_finish("2");
    pty.wait_for("could not be saved");
    pty.send("t");
    let target = data.path().join("elsewhere.toml");
    assert_eq!(pty.save_elsewhere(&target).answers.len(), 14);
    // Still in progress: nothing lost, and the folder left as it was.
    assert_eq!(
        store
            .load_in_progress()
            .unwrap()
            .unwrap()
            .assessment
            .progress()
            .answered,
        14
    );
    assert_eq!(
        std::fs::read_to_string(store.results_dir()).unwrap(),
        "not a folder"
    );
    pty.send("\x03");
    assert_eq!(pty.finish(), 0);
    pty.assert_terminal_restored();
    // What was written elsewhere comes back in with `score --save`.
    std::fs::remove_file(store.results_dir()).unwrap();
    let out = std::process::Command::new(common::pty::bin())
        .args(["score", "--save", "--answers"])
        .arg(&target)
        .env("ROLEFIT_DATA_DIR", data.path())
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    assert_eq!(store.list_results().unwrap().len(), 1);
}

#[test]
fn term_dumb_gets_one_clear_line() {
    let data = tempfile::tempdir().unwrap();
    let mut pty = Pty::rolefit("", data.path(), &[("TERM", "dumb")]);
    pty.wait_for("EXIT=");
    let screen = pty.screen();
    assert!(
        screen.contains("rolefit: TERM=dumb") && screen.contains("--plain"),
        "{screen}"
    );
    assert_eq!(pty.finish(), 2);
    assert!(
        !pty.raw_output().contains("\x1b[?1049h"),
        "never switched screens"
    );
}

#[test]
fn a_1x1_terminal_neither_panics_nor_loses_its_place() {
    let data = tempfile::tempdir().unwrap();
    let mut pty = Pty::rolefit("take --quick", data.path(), &[]);
    pty.begin();
    pty.wait_for("Question 1 of 14");
    pty.send("4");
    pty.wait_for("Question 2 of 14");
    pty.resize(1, 1);
    std::thread::sleep(Duration::from_millis(300));
    pty.resize(24, 80);
    pty.wait_for("Question 2 of 14");
    pty.send("\x03");
    assert_eq!(pty.finish(), 0);
    pty.assert_terminal_restored();
}
