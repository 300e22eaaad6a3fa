//! Keys to actions, and actions to state: the interactive flow without a terminal.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::tui::{app, drive};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use rolefit::answers::Answer;
use rolefit::bank::Form;
use rolefit::engine::Status;
use rolefit::store::Store;
use rolefit::tui::action::Action::{self, *};
use rolefit::tui::app::{Resumable, Screen};
use rolefit::tui::keymap::{self, Context};
use rolefit::tui::{App, Start};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn saved(dir: &std::path::Path) -> rolefit::store::InProgress {
    Store::open(dir)
        .unwrap()
        .load_in_progress()
        .unwrap()
        .expect("progress was saved")
}

fn quick(dir: &std::path::Path) -> App {
    let mut a = app(dir, Start::Take(Form::Quick));
    a.update(Confirm);
    a.update(Confirm); // About you
    a
}

#[test]
fn keymap_maps_keys_and_ignores_releases() {
    assert_eq!(
        keymap::action(Context::Question, key(KeyCode::Char('3'))),
        Some(Pick(3))
    );
    assert_eq!(
        keymap::action(Context::Question, key(KeyCode::Char('9'))),
        None
    );
    assert_eq!(
        keymap::action(Context::Question, key(KeyCode::Char('b'))),
        Some(Letter('b'))
    );
    assert_eq!(
        keymap::action(Context::Question, key(KeyCode::Char('j'))),
        Some(Down)
    );
    assert_eq!(
        keymap::action(Context::Question, key(KeyCode::Backspace)),
        Some(Back)
    );
    assert_eq!(
        keymap::action(Context::Question, key(KeyCode::Tab)),
        Some(Forward)
    );
    assert_eq!(
        keymap::action(Context::Question, key(KeyCode::Esc)),
        Some(Quit)
    );
    assert_eq!(
        keymap::action(Context::Question, key(KeyCode::Char('?'))),
        Some(Help)
    );
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(keymap::action(Context::Question, ctrl_c), Some(Interrupt));
    assert_eq!(keymap::action(Context::Help, ctrl_c), Some(Interrupt));
    let mut release = key(KeyCode::Char('3'));
    release.kind = KeyEventKind::Release;
    assert_eq!(
        keymap::action(Context::Question, release),
        None,
        "a release must not answer twice"
    );
    assert_eq!(
        keymap::action(Context::Home, key(KeyCode::Char('6'))),
        Some(Pick(6))
    );
}

#[test]
fn every_footer_key_is_in_the_help() {
    for ctx in [
        Context::Home,
        Context::Intro,
        Context::Question,
        Context::Review,
        Context::Result,
        Context::Dialog,
    ] {
        let bindings = keymap::bindings(ctx);
        assert!(
            bindings.iter().any(|b| b.action == Help) || ctx == Context::Dialog,
            "{ctx:?} has help"
        );
        for b in bindings.iter().filter(|b| !b.short.is_empty()) {
            assert!(!b.keys.is_empty() && !b.does.is_empty(), "{ctx:?}: {b:?}");
        }
    }
}

#[test]
fn answering_autosaves_and_advances() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quick(dir.path());
    a.update(Pick(4));
    let p = saved(dir.path());
    let first = p.assessment.order()[0].clone();
    assert_eq!(p.assessment.answers().get(&first), Some(&Answer::Scale(4)));
    assert_eq!(a.session.as_ref().unwrap().assessment().position(), 1);
    assert!(matches!(a.screen, Screen::Question { .. }));
}

#[test]
fn back_shows_the_given_answer_and_changing_it_keeps_one_answer() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quick(dir.path());
    drive(&mut a, &[Pick(4), Back]);
    assert_eq!(
        a.screen,
        Screen::Question {
            cursor: Some(3),
            from_review: false,
            marked: Vec::new(),
        },
        "the given answer is highlighted"
    );
    drive(&mut a, &[Up, Confirm]);
    let p = saved(dir.path());
    assert_eq!(p.assessment.progress().answered, 1);
    assert_eq!(
        p.assessment.answers().values().next(),
        Some(&Answer::Scale(3))
    );
}

#[test]
fn skip_and_forward_and_review_jump() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quick(dir.path());
    drive(&mut a, &[Skip, Forward, Action::Review]);
    let e = a.session.as_ref().unwrap().assessment();
    assert_eq!(e.status(0), Status::Skipped);
    assert_eq!(e.status(1), Status::Open);
    assert_eq!(a.screen, Screen::review(2));
    drive(&mut a, &[Up, Up, Confirm]);
    assert_eq!(a.session.as_ref().unwrap().assessment().position(), 0);
    assert!(matches!(a.screen, Screen::Question { .. }));
    drive(&mut a, &[Pick(5)]);
    assert!(matches!(
        a.session.as_ref().unwrap().assessment().status(0),
        Status::Answered(_)
    ));
}

#[test]
fn choice_questions_answer_by_letter_and_number() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quick(dir.path());
    let e = a.session.as_ref().unwrap().assessment();
    let choice = e
        .order()
        .iter()
        .position(|id| a.bank.question(id).unwrap().kind.name() == "choice")
        .unwrap();
    a.open_question(choice, false);
    a.update(Letter('z'));
    assert_eq!(
        a.session.as_ref().unwrap().assessment().progress().answered,
        0,
        "not an option"
    );
    // Letters and numbers name options as shown (shuffled per assessment); the answer kept
    // is the option's key in the bank.
    let id = a.session.as_ref().unwrap().assessment().order()[choice].clone();
    let q = a.bank.question(&id).unwrap().clone();
    let shown = a.session.as_ref().unwrap().assessment().shown(&q);
    let (third, first) = (shown.answer(2), shown.answer(0));
    a.update(Letter('c'));
    assert_eq!(
        a.session.as_ref().unwrap().assessment().answers().get(&id),
        third.as_ref()
    );
    a.open_question(choice, false);
    a.update(Pick(1));
    assert_eq!(
        a.session.as_ref().unwrap().assessment().answers().get(&id),
        first.as_ref()
    );
}

#[test]
fn the_last_answer_opens_the_review_and_finish_saves_a_result() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quick(dir.path());
    let n = a.session.as_ref().unwrap().assessment().len();
    for _ in 0..n {
        a.update(Pick(1));
    }
    assert_eq!(a.screen, Screen::review(n));
    a.update(Confirm);
    let Screen::Result(d) = &a.screen else {
        panic!("{:?} {:?}", a.screen, a.notice)
    };
    let result = d.result();
    let store = Store::open(dir.path()).unwrap();
    assert!(
        store.load_in_progress().unwrap().is_none(),
        "progress is removed once the result is saved"
    );
    let file = Store::load_result_file(&store.result_path(&result.id)).unwrap();
    assert_eq!(file.answers.len(), n);
    assert_eq!(file.form, Form::Quick);
    // Unix modes; on Windows the file inherits the profile folder's ACL.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(store.result_path(&result.id))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    a.update(Quit);
    assert!(matches!(a.screen, Screen::Home { .. }));
    assert_eq!(a.resumable, Resumable::None);
}

#[test]
fn finishing_with_open_questions_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quick(dir.path());
    drive(&mut a, &[Pick(2), Action::Review, Finish]);
    assert!(a.dialog().is_some());
    drive(&mut a, &[Letter('c')]);
    assert!(a.dialog().is_none() && matches!(a.screen, Screen::Review { .. }));
    drive(&mut a, &[Finish, Confirm]);
    let Screen::Result(d) = &a.screen else {
        panic!()
    };
    let r = d.result();
    assert_eq!(
        (r.scores.answered, r.scores.skipped),
        (1, a.bank.form_len(Form::Quick) - 1)
    );
}

#[test]
fn quit_dialog_save_discard_cancel() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quick(dir.path());
    drive(&mut a, &[Pick(2), Quit, Back]);
    assert!(!a.leaving() && a.dialog().is_none(), "Esc cancels");
    drive(&mut a, &[Quit, Confirm]);
    assert!(a.leaving(), "Save and quit is the default");
    assert_eq!(saved(dir.path()).assessment.progress().answered, 1);

    let mut b = app(dir.path(), Start::Home);
    assert!(matches!(b.resumable, Resumable::Ready(_)));
    // Resume follows the six items that are always there.
    drive(&mut b, &[Pick(7)]);
    assert_eq!(
        b.session.as_ref().unwrap().assessment().progress().answered,
        1,
        "resumed"
    );
    // Discarding asks a second time, and Enter there keeps the answers.
    drive(&mut b, &[Quit, Letter('d')]);
    assert!(!b.leaving(), "discard asks first");
    assert_eq!(b.dialog().map(|d| d.title), Some("Discard your answers?"));
    drive(&mut b, &[Confirm]);
    assert!(!b.leaving() && b.dialog().is_none(), "Enter keeps them");
    assert!(
        Store::open(dir.path())
            .unwrap()
            .load_in_progress()
            .unwrap()
            .is_some(),
        "kept"
    );
    drive(&mut b, &[Quit, Letter('d'), Letter('d')]);
    assert!(b.leaving());
    assert!(
        Store::open(dir.path())
            .unwrap()
            .load_in_progress()
            .unwrap()
            .is_none(),
        "discarded"
    );
}

#[test]
fn ctrl_c_saves_position_and_resume_restores_it_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), Start::Take(Form::Full));
    a.seed = Some(42);
    drive(
        &mut a,
        &[
            Confirm,
            Confirm,
            Pick(1),
            Pick(2),
            Skip,
            Pick(5),
            Back,
            Interrupt,
        ],
    );
    assert!(a.leaving());
    let before = a.session.as_ref().unwrap().assessment().clone();
    let mut b = app(dir.path(), Start::Home);
    drive(&mut b, &[Pick(7)]);
    assert_eq!(
        b.session.as_ref().unwrap().assessment(),
        &before,
        "order, answers, skips and position"
    );
    assert_eq!(before.seed, Some(42));
}

#[test]
fn starting_over_asks_and_an_unreadable_file_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quick(dir.path());
    a.update(Pick(3));
    let mut b = app(dir.path(), Start::Take(Form::Full));
    assert!(
        b.dialog().is_some(),
        "take with an unfinished assessment asks first"
    );
    drive(&mut b, &[Letter('s'), Confirm, Confirm]);
    assert_eq!(saved(dir.path()).assessment.form, Form::Full);

    let store = Store::open(dir.path()).unwrap();
    std::fs::write(store.in_progress_path(), "schema = 1\nthis is not = [valid").unwrap();
    let mut c = app(dir.path(), Start::Home);
    let Resumable::Unreadable(reason) = &c.resumable else {
        panic!("{:?}", c.resumable)
    };
    assert!(reason.contains("in-progress.toml"), "{reason}");
    drive(&mut c, &[Pick(1), Confirm, Confirm]);
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("in-progress.unreadable-"))
        .collect();
    assert_eq!(
        kept.len(),
        1,
        "the unreadable file was moved aside, not overwritten"
    );
    let text = std::fs::read_to_string(dir.path().join(&kept[0])).unwrap();
    assert_eq!(text, "schema = 1\nthis is not = [valid");
}

#[test]
fn a_file_from_a_newer_rolefit_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    std::fs::write(store.in_progress_path(), "schema = 7\n").unwrap();
    let a = app(dir.path(), Start::Home);
    let Resumable::Unreadable(reason) = &a.resumable else {
        panic!()
    };
    assert!(reason.contains("newer rolefit (schema 7"), "{reason}");
}

#[test]
fn help_overlay_swallows_keys_until_closed() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quick(dir.path());
    drive(&mut a, &[Help, Pick(3), Skip]);
    assert!(a.help_open());
    assert_eq!(
        a.session.as_ref().unwrap().assessment().progress().done(),
        0
    );
    drive(&mut a, &[Help]);
    assert!(!a.help_open());
    assert_eq!(
        keymap::action(a.context(), key(KeyCode::Char('1'))),
        Some(Pick(1))
    );
}

#[test]
fn home_items_open_history_and_goals() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), Start::Home);
    drive(&mut a, &[Down, Down, Down, Confirm]);
    assert!(matches!(a.screen, Screen::History(_)), "{:?}", a.screen);
    drive(&mut a, &[Quit, Pick(5)]);
    assert!(matches!(a.screen, Screen::Goals(_)), "{:?}", a.screen);
    drive(&mut a, &[Quit, Down, Down, Up, Up, Up]);
    assert_eq!(a.screen, Screen::Home { cursor: 6 }, "wraps around");
    drive(&mut a, &[Quit]);
    assert!(a.leaving(), "nothing to lose on the home screen");
}

#[test]
fn clicking_an_option_answers_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quick(dir.path());
    let area = ratatui::layout::Rect::new(0, 0, 80, 24);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    let hits = rolefit::tui::view::draw(&a, area, &mut buf);
    let (rect, action) = hits
        .iter()
        .find(|(_, act)| *act == Click(2))
        .copied()
        .unwrap();
    // The third option's row reads "3  Neither agree nor disagree".
    let row: String = (rect.x..rect.right())
        .map(|x| buf[(x, rect.y)].symbol().to_owned())
        .collect();
    assert!(row.contains("3  Neither agree"), "{row}");
    a.update(action);
    assert_eq!(
        a.session
            .as_ref()
            .unwrap()
            .assessment()
            .answers()
            .values()
            .next(),
        Some(&Answer::Scale(3))
    );
}

#[test]
fn dashboard_keys_switch_panels_export_and_go_home() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quick(dir.path());
    let n = a.session.as_ref().unwrap().assessment().len();
    for i in 0..n {
        a.update(Pick(if i % 2 == 0 { 2 } else { 4 }));
    }
    a.update(Finish);
    assert_eq!(
        keymap::action(a.context(), key(KeyCode::Tab)),
        Some(Forward)
    );
    drive(&mut a, &[Forward, Forward]);
    let Screen::Result(d) = &a.screen else {
        panic!()
    };
    assert_eq!(d.panel, rolefit::tui::screens::dashboard::Panel::Dimensions);
    drive(&mut a, &[Pick(5), Back]);
    let Screen::Result(d) = &a.screen else {
        panic!()
    };
    assert_eq!(d.panel, rolefit::tui::screens::dashboard::Panel::Chart);
    let id = d.result().id.clone();
    a.update(Export);
    assert!(
        dir.path()
            .join("exports")
            .join(format!("{id}.html"))
            .is_file(),
        "{:?}",
        a.notice
    );
    assert!(
        dir.path()
            .join("exports")
            .join(format!("{id}.md"))
            .is_file()
    );
    a.update(Goal);
    assert!(matches!(a.screen, Screen::GoalForm(_)));
    a.update(Quit);
    assert!(
        matches!(a.screen, Screen::Result(_)),
        "cancel returns to the dashboard"
    );
    a.update(Quit);
    assert!(matches!(a.screen, Screen::Home { .. }));
}

/// A paste is text for a focused field, as one line, and nothing anywhere else.
#[test]
fn a_paste_types_one_line_into_a_text_field_and_nothing_elsewhere() {
    let typed = |s: &str| s.chars().map(Type).collect::<Vec<_>>();
    assert_eq!(
        keymap::paste(Context::Prompt, "\n  q\r\n\r\nd\u{7}\u{202e}x\tz \n"),
        typed("q dx z")
    );
    assert_eq!(keymap::paste(Context::Prompt, "plain"), typed("plain"));
    for ctx in [
        Context::Home,
        Context::Question,
        Context::History,
        Context::Dialog,
    ] {
        assert_eq!(keymap::paste(ctx, "q"), Vec::<Action>::new(), "{ctx:?}");
    }
}

/// A paste longer than the field keeps the field's limit (a label's, from `store::limits`).
#[test]
fn a_paste_stops_at_the_fields_length_limit() {
    use rolefit::tui::prompt::{Prompt, PromptFor};
    let max = rolefit::store::limits::MAX_LABEL_CHARS;
    let mut prompt = Prompt::new("t", "h", "", PromptFor::GoalNote, max);
    let long = "x".repeat(max + 20);
    for action in keymap::paste(Context::Prompt, &long) {
        assert_eq!(prompt.update(action), None);
    }
    assert_eq!(prompt.input.value().chars().count(), max);
}
