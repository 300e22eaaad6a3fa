//! Save and quit when the save fails: the app stays open with Try again / Save elsewhere (as
//! finishing does); Ctrl-C and signals, which cannot stay, say so on stderr once the terminal is
//! restored, and exit non-zero.
// A pseudo-terminal and Unix signals: Unix only (Windows runs every other test).
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::pty::Pty;
use common::tui::{app, drive};
use rolefit::bank::Form;
use rolefit::store::{ResultFile, Store};
use rolefit::tui::action::Action::{self, *};
use rolefit::tui::{App, Start};

/// A folder where in-progress.toml cannot be written: a directory stands in its place (a file
/// cannot be renamed over it, which stops even root).
fn block_progress(data: &Path) {
    let p = Store::open(data).unwrap().in_progress_path();
    let _ = std::fs::remove_file(&p);
    std::fs::create_dir(&p).unwrap();
    std::fs::write(p.join("keep"), "").unwrap();
}

fn unblock_progress(data: &Path) {
    std::fs::remove_dir_all(Store::open(data).unwrap().in_progress_path()).unwrap();
}

fn dialog_title(app: &App) -> &str {
    app.dialog().map_or("", |d| d.title)
}

fn type_text(app: &mut App, text: &str) {
    drive(app, &[Clear]);
    let keys: Vec<Action> = text.chars().map(Type).collect();
    drive(app, &keys);
}

#[test]
fn a_failed_save_and_quit_keeps_the_app_open_with_try_again_and_save_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), Start::Take(Form::Quick));
    drive(&mut app, &[Confirm, Confirm, Pick(2)]);
    block_progress(dir.path());
    drive(&mut app, &[Pick(4), Quit]);
    assert_eq!(dialog_title(&app), "Quit?");
    drive(&mut app, &[Letter('s')]);
    assert!(!app.leaving(), "left with the progress unsaved");
    assert_eq!(dialog_title(&app), "Your progress could not be saved");
    let body = &app.dialog().unwrap().body;
    assert!(body.contains("in-progress.toml"), "{body}");
    // Try again fails again, and asks again.
    drive(&mut app, &[Letter('t')]);
    assert!(!app.leaving());
    assert_eq!(dialog_title(&app), "Your progress could not be saved");
    // Save elsewhere writes the answers so far; the app stays, the answers with it.
    drive(&mut app, &[Letter('e')]);
    assert_eq!(app.prompt().unwrap().title, "Save the result to");
    let target = dir.path().join("elsewhere.toml");
    type_text(&mut app, &target.display().to_string());
    drive(&mut app, &[Confirm]);
    assert!(!app.leaving());
    assert!(
        app.notice.as_ref().unwrap().text.starts_with("Saved to"),
        "{:?}",
        app.notice
    );
    let saved: ResultFile = toml::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(saved.answers.len(), 2);
    // Cancel goes back to the question; once the folder is fixed, Save and quit saves and quits.
    drive(&mut app, &[Quit, Letter('s'), Letter('c')]);
    assert!(app.dialog().is_none() && !app.leaving());
    unblock_progress(dir.path());
    drive(&mut app, &[Quit, Letter('s')]);
    assert!(app.leaving() && app.unsaved().is_none());
    let progress = Store::open(dir.path()).unwrap().load_in_progress().unwrap();
    assert_eq!(progress.unwrap().assessment.progress().answered, 2);
}

#[test]
fn ctrl_c_that_cannot_save_leaves_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), Start::Take(Form::Quick));
    drive(&mut app, &[Confirm, Confirm, Pick(2)]);
    block_progress(dir.path());
    drive(&mut app, &[Interrupt]);
    assert!(app.leaving());
    let why = app.unsaved().unwrap();
    assert!(
        why.starts_with("Ctrl-C: your progress could not be saved (") && why.contains("lost"),
        "{why}"
    );
}

/// rolefit in a pty at the second quick question, one answer saved; then the disk "fills up":
/// every write to a file fails from now on (`prlimit --fsize=0`, as a full disk fails them).
fn full_disk_after_one_answer(data: &Path) -> Pty {
    let mut pty = Pty::rolefit("take --quick", data, &[]);
    pty.begin();
    pty.wait_for("Question 1 of 14");
    pty.send("2");
    pty.wait_for("Question 2 of 14");
    let ok = std::process::Command::new("prlimit")
        .arg(format!("--pid={}", pty.rolefit_pid()))
        .arg("--fsize=0")
        .status()
        .unwrap();
    assert!(ok.success());
    pty
}

fn answered_on_disk(data: &Path) -> usize {
    let p = Store::open(data).unwrap().load_in_progress().unwrap();
    p.unwrap().assessment.progress().answered
}

#[test]
fn on_a_full_disk_save_and_quit_shows_the_dialog_and_ctrl_c_says_so_on_stderr() {
    let data = tempfile::tempdir().unwrap();
    let mut pty = full_disk_after_one_answer(data.path());
    pty.send("4");
    pty.wait_for("Question 3 of 14");
    pty.wait_for("Could not save progress");
    pty.send("q");
    pty.wait_for("Save and quit");
    pty.send("s");
    pty.wait_for("Your progress could not be saved");
    let screen = pty.screen();
    assert!(
        screen.contains("Try again") && screen.contains("Save elsewhere"),
        "{screen}"
    );
    assert!(pty.child.try_wait().unwrap().is_none(), "still running");
    pty.send("t");
    pty.wait_for("Your progress could not be saved");
    pty.send("\x03");
    assert_eq!(pty.finish(), 2);
    pty.assert_terminal_restored();
    let screen = pty.screen();
    assert!(
        screen.contains("rolefit: Ctrl-C: your progress could not be saved"),
        "{screen}"
    );
    assert!(screen.contains("File too large"), "{screen}");
    assert_eq!(
        answered_on_disk(data.path()),
        1,
        "the last save that worked"
    );
}

#[test]
fn a_signal_that_cannot_save_says_so_after_restoring_the_terminal() {
    let data = tempfile::tempdir().unwrap();
    let mut pty = full_disk_after_one_answer(data.path());
    pty.send("4");
    pty.wait_for("Could not save progress");
    pty.signal("TERM");
    assert_eq!(pty.finish(), 2);
    pty.assert_terminal_restored();
    let screen = pty.screen();
    assert!(
        screen.contains("rolefit: SIGTERM: your progress could not be saved"),
        "{screen}"
    );
    assert_eq!(answered_on_disk(data.path()), 1);
}
