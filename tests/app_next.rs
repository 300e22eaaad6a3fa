//! The app's state as one of each: one overlay at a time (help, a dialog or a prompt), one way
//! of leaving (`Exit`), and screens that return what should happen next (`Next`) for the app to
//! do, rather than assigning the screen, the session or "quit" themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::tui::{app, drive};
use rolefit::bank::Form;
use rolefit::store::Store;
use rolefit::tui::action::Action::*;
use rolefit::tui::app::{Closed, Exit, Next, Overlay, Screen};
use rolefit::tui::keymap::Context;
use rolefit::tui::prompt::{Prompt, PromptFor};
use rolefit::tui::{Start, screens};

#[test]
fn quitting_home_returns_leave_and_the_app_does_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), Start::Home);
    let next = screens::home::update(&mut a, Quit);
    assert!(matches!(next, Next::Leave(Exit::Quiet)), "{next:?}");
    assert!(!a.leaving(), "the screen only asks");
    a.go(next);
    assert!(a.leaving() && a.farewell().is_none() && a.unsaved().is_none());
}

#[test]
fn beginning_returns_the_session_and_the_app_takes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), Start::Home);
    let next = screens::intro::begin(&mut a, Form::Quick, Default::default());
    let Next::Take { save: true, .. } = &next else {
        panic!("{next:?}");
    };
    assert!(a.session.is_none(), "the screen only asks");
    a.go(next);
    assert!(matches!(
        a.screen,
        Screen::Question {
            cursor: None,
            from_review: false,
            ..
        }
    ));
    let saved = Store::open(dir.path()).unwrap().load_in_progress().unwrap();
    assert!(saved.is_some(), "taken and saved");
}

#[test]
fn finishing_returns_the_result_and_the_app_ends_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), Start::Take(Form::Quick));
    drive(&mut a, &[Confirm, Confirm]);
    let n = a.session.as_ref().unwrap().assessment().len();
    for _ in 0..n {
        drive(&mut a, &[Pick(2)]);
    }
    assert!(matches!(a.screen, Screen::Review { .. }));
    let next = screens::review::finish(&mut a);
    assert!(matches!(next, Next::Finished(_)), "{next:?}");
    assert!(a.session.is_some(), "the screen only asks");
    a.go(next);
    assert!(a.session.is_none() && matches!(a.screen, Screen::Result(_)));
}

#[test]
fn one_overlay_at_a_time_decides_the_keymap() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), Start::Home);
    assert_eq!(a.context(), Context::Home);
    drive(&mut a, &[Help]);
    assert_eq!(a.context(), Context::Help);
    // Help's keys scroll it; only Help closes it.
    drive(&mut a, &[Down, Quit]);
    assert!(a.help_open() && !a.leaving());
    drive(&mut a, &[Help]);
    assert!(a.overlay.is_none());
    // A prompt put over the screen takes the keys, and closing it says what was typed.
    let prompt = Prompt::new("Title", "hint", "ab", PromptFor::GoalNote, 10);
    let mut overlay = Overlay::Prompt(prompt.clone());
    assert_eq!(overlay.context(), Context::Prompt);
    assert_eq!(overlay.update(Type('c')), None);
    assert_eq!(
        overlay.update(Confirm),
        Some(Closed::Typed(PromptFor::GoalNote, "abc".into()))
    );
    a.open_prompt(prompt);
    assert_eq!(a.context(), Context::Prompt);
    assert!(a.dialog().is_none() && !a.help_open());
    drive(&mut a, &[Quit]);
    assert!(
        a.overlay.is_none() && !a.leaving(),
        "Esc cancels the prompt only"
    );
}
