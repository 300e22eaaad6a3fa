//! Every screen, drawn into ratatui's TestBackend at 80x24 and a wide size, as text snapshots.
//! Colour is checked at the style level in tui_render.rs; snapshots hold text only.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::tui::{app, drive, render};
use rolefit::bank::Form;
use rolefit::tui::action::Action::{self, *};
use rolefit::tui::{App, Start};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snap(name: &str, app: &App) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(app, w, h).backend());
    }
}

/// Opens the first question of the given kind in a fresh full assessment.
fn at_kind(dir: &std::path::Path, kind: &str) -> App {
    let mut a = app(dir, Start::Take(Form::Full));
    a.update(Confirm);
    // About you, on a new assessment (a second one in the same folder resumes the first).
    if matches!(a.screen, rolefit::tui::Screen::About(_)) {
        a.update(Confirm);
    }
    let index = a
        .session
        .as_ref()
        .unwrap()
        .assessment()
        .order()
        .iter()
        .position(|id| a.bank.question(id).unwrap().kind.name() == kind)
        .unwrap();
    a.open_question(index, false);
    a
}

#[test]
fn home() {
    let dir = tempfile::tempdir().unwrap();
    snap("home", &app(dir.path(), Start::Home));
}

#[test]
fn home_with_resume_and_unfinished_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = app(dir.path(), Start::Take(Form::Quick));
    drive(&mut first, &[Confirm, Confirm, Pick(4), Pick(2), Pick(5)]);
    let mut again = app(dir.path(), Start::Home);
    snap("home_resume", &again);
    drive(&mut again, &[Pick(1)]);
    snap("dialog_unfinished", &again);
}

#[test]
fn intro() {
    let dir = tempfile::tempdir().unwrap();
    snap("intro", &app(dir.path(), Start::Take(Form::Full)));
}

#[test]
fn question_kinds() {
    let dir = tempfile::tempdir().unwrap();
    for kind in ["likert", "pair", "choice"] {
        snap(&format!("question_{kind}"), &at_kind(dir.path(), kind));
    }
}

#[test]
fn question_with_an_answer_and_a_moved_cursor() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), Start::Take(Form::Quick));
    drive(
        &mut a,
        &[
            Confirm,
            Confirm,
            Confirm,
            Pick(4),
            Skip,
            Back,
            Back,
            Down,
            Down,
        ],
    );
    snap("question_answered", &a);
}

#[test]
fn review() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), Start::Take(Form::Quick));
    drive(
        &mut a,
        &[
            Confirm,
            Confirm,
            Pick(4),
            Skip,
            Pick(1),
            Letter('b'),
            Pick(5),
            Action::Review,
            Down,
        ],
    );
    snap("review", &a);
}

#[test]
// The help's Ctrl-Z line differs there (suspend is Unix-only): the keymap's unit test checks it.
#[cfg_attr(
    windows,
    ignore = "the help's Ctrl-Z line says suspend is Unix-only on Windows"
)]
fn quit_dialog_and_help_overlay() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), Start::Take(Form::Quick));
    drive(&mut a, &[Confirm, Confirm, Pick(3), Quit]);
    snap("dialog_quit", &a);
    drive(&mut a, &[Back, Help]);
    snap("help_question", &a);
}

#[test]
fn too_small() {
    let dir = tempfile::tempdir().unwrap();
    let a = app(dir.path(), Start::Home);
    insta::assert_snapshot!("too_small_59x15", render(&a, 59, 15).backend());
    insta::assert_snapshot!("too_small_30x8", render(&a, 30, 8).backend());
}

#[test]
fn result() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), Start::Take(Form::Quick));
    a.update(Confirm);
    a.update(Confirm); // About you
    // A developer-leaning pattern: disagree with engineer statements, agree with developer ones.
    let n = a.session.as_ref().unwrap().assessment().len();
    for _ in 0..n {
        let q = a
            .session
            .as_ref()
            .unwrap()
            .assessment()
            .current(&a.bank)
            .unwrap()
            .clone();
        let pick = match &q.kind {
            rolefit::bank::Kind::Likert {
                keyed: rolefit::bank::Pole::Engineer,
                ..
            } => 2,
            rolefit::bank::Kind::Likert { .. } => 4,
            rolefit::bank::Kind::Pair { .. } => 2,
            rolefit::bank::Kind::Choice { .. } => 3,
        };
        a.update(Pick(pick));
    }
    a.update(Finish);
    assert!(
        matches!(a.screen, rolefit::tui::app::Screen::Result(_)),
        "{:?}",
        a.notice
    );
    snap("result", &a);
}

/// Opens the question with this id in a fresh full assessment.
fn at_id(dir: &std::path::Path, id: &str) -> App {
    let mut a = app(dir, Start::Take(Form::Full));
    a.update(Confirm);
    // About you, on a new assessment (a second one in the same folder resumes the first).
    if matches!(a.screen, rolefit::tui::Screen::About(_)) {
        a.update(Confirm);
    }
    let index = a
        .session
        .as_ref()
        .unwrap()
        .assessment()
        .order()
        .iter()
        .position(|x| x == id)
        .unwrap();
    a.open_question(index, false);
    a
}

#[test]
fn practice_questions_on_their_own_scales_and_a_skipped_one() {
    let dir = tempfile::tempdir().unwrap();
    // A frequency scale, and skipping labelled for what it is for.
    snap(
        "question_frequency",
        &at_id(dir.path(), "workstyle-small-pieces-shown"),
    );
    let mut a = at_id(dir.path(), "path-learn-tools");
    drive(&mut a, &[Skip, Back]);
    snap("question_true_skipped", &a);
}

#[test]
fn the_smallest_terminal_marks_what_it_hides() {
    let dir = tempfile::tempdir().unwrap();
    // A pair with a notice above the footer: the hidden part is marked, and ↓ brings the
    // options, and B with them, into view.
    let mut a = at_id(dir.path(), "scope-looked-after");
    a.inform("A notice takes a line.".into());
    insta::assert_snapshot!("pair_60x16_top", render(&a, 60, 16).backend());
    drive(&mut a, &[Down, Down, Down, Down, Down]);
    a.inform("A notice takes a line.".into());
    insta::assert_snapshot!("pair_60x16_last_option", render(&a, 60, 16).backend());
}

#[test]
fn discarding_answers_asks_a_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), Start::Take(Form::Quick));
    drive(
        &mut a,
        &[Confirm, Confirm, Pick(3), Pick(4), Quit, Letter('d')],
    );
    snap("dialog_discard", &a);
}

#[test]
fn home_says_less_on_a_narrow_screen_but_never_half_a_phrase() {
    let dir = tempfile::tempdir().unwrap();
    let a = app(dir.path(), Start::Home);
    for (w, h) in [(60, 16), (64, 20), (80, 24), (100, 30)] {
        let screen = render(&a, w, h).backend().to_string();
        assert!(!screen.contains('…'), "{w}x{h}:\n{screen}");
        assert!(screen.contains("51 questions"), "{w}x{h}:\n{screen}");
    }
}
