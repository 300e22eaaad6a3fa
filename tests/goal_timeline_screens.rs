//! The goal timeline on screen (Enter on Goals, t on a dashboard), the goal form's note limit
//! and newer-result question, and the saved message at 60x16.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::default_bank;
use common::results::{leaning, saved};
use common::tui::{app, drive, render};
use rolefit::bank::{Form, Pole};
use rolefit::store::{Goal, Store, StoreError};
use rolefit::tui::action::Action::*;
use rolefit::tui::app::Screen;
use rolefit::tui::{App, Start};

fn screen_text(a: &App, w: u16, h: u16) -> String {
    let t = render(a, w, h);
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

/// A baseline, a quick retake, and a full one; a Scope goal with a due date.
fn history(dir: &std::path::Path) -> (Store, Vec<String>) {
    let s = Store::open(dir).unwrap();
    let bank = default_bank();
    let ids: Vec<String> = [
        (Form::Full, Pole::Developer, 3, "2026-08-01T09:00:00Z"),
        (Form::Quick, Pole::Developer, 4, "2026-09-15T09:00:00Z"),
        (Form::Full, Pole::Engineer, 3, "2026-11-01T09:00:00Z"),
    ]
    .into_iter()
    .map(|(form, pole, every, when)| {
        let mut r = saved(&s, &bank, leaning(&bank, form, pole, every), "", when);
        if form == Form::Quick {
            r.form = Form::Quick;
            s.trash_result(&r.id).unwrap();
            s.save_result(&r).unwrap();
        }
        r.id
    })
    .collect();
    let base = s.find_result(&ids[0]).unwrap().rescored(&bank);
    let d = &base.scores.dimensions["scope"];
    s.update_goals(|f| {
        f.add(Goal {
            id: 0,
            dimension: "scope".into(),
            lens: None,
            target: 40.0,
            baseline: ids[0].clone(),
            baseline_score: d.combined.unwrap(),
            baseline_margin: d.margin,
            note: "Own one design review a month".into(),
            due: Some("2027-02-01".parse().unwrap()),
            created_at: "2026-08-02T09:00:00Z".parse().unwrap(),
            done_at: None,
        })?;
        Ok::<(), StoreError>(())
    })
    .unwrap();
    (s, ids)
}

#[test]
fn the_timeline_at_three_sizes() {
    let dir = tempfile::tempdir().unwrap();
    history(dir.path());
    let mut a = app(dir.path(), Start::Goals);
    a.update(Confirm);
    assert!(matches!(a.screen, Screen::GoalTimeline(_)));
    for (w, h) in [(80u16, 24u16), (100, 30), (160, 50)] {
        insta::assert_snapshot!(format!("goal_timeline_{w}x{h}"), render(&a, w, h).backend());
    }
    let text = screen_text(&a, 160, 50);
    let (today, due) = (
        text.find("── today 2026-11-24 ──").unwrap(),
        text.find("── due 2027-02-01 ──").unwrap(),
    );
    assert!(today < due, "in date order: {text}");
    assert!(!text.contains('…'), "{text}");
    a.update(Quit);
    assert!(matches!(a.screen, Screen::Goals(_)));
}

#[test]
fn t_on_a_dashboard_opens_the_goal_over_time() {
    let dir = tempfile::tempdir().unwrap();
    let (s, ids) = history(dir.path());
    let mut a = app(
        dir.path(),
        Start::Show(Box::new(s.find_result(&ids[2]).unwrap())),
    );
    a.update(Timeline);
    assert!(matches!(a.screen, Screen::GoalTimeline(_)));
}

#[test]
fn the_goal_form_takes_a_note_of_the_store_limit_and_asks_about_a_newer_result() {
    let dir = tempfile::tempdir().unwrap();
    let (s, ids) = history(dir.path());
    let mut a = app(
        dir.path(),
        Start::Show(Box::new(s.find_result(&ids[0]).unwrap())),
    );
    a.update(Goal);
    let dialog = a.dialog().cloned().expect("asks about the newer result");
    assert!(
        dialog
            .body
            .contains("A newer result exists, from 1 Nov 2026, 09:00: start from it?"),
        "{}",
        dialog.body
    );
    a.update(Letter('n'));
    let Screen::GoalForm(f) = &a.screen else {
        panic!("not on the form")
    };
    assert_eq!(f.baseline_id, ids[2]);
    drive(&mut a, &[Down, Down, Down, Down, Confirm, Clear]);
    for _ in 0..1_000 {
        a.update(Type('x'));
    }
    a.update(Type('y'));
    a.update(Confirm);
    let Screen::GoalForm(f) = &a.screen else {
        panic!("not on the form")
    };
    assert_eq!(
        f.note.chars().count(),
        rolefit::store::limits::MAX_NOTE_CHARS
    );
}

#[test]
fn the_goal_saved_message_wraps_at_60x16() {
    let dir = tempfile::tempdir().unwrap();
    let (s, ids) = history(dir.path());
    let mut a = app(
        dir.path(),
        Start::Show(Box::new(s.find_result(&ids[2]).unwrap())),
    );
    a.update(Goal);
    a.update(Finish);
    let notice = a.notice.clone().unwrap().text;
    assert!(notice.contains("saved"), "{notice}");
    let text = screen_text(&a, 60, 16);
    let seen: Vec<&str> = text.split_whitespace().collect();
    let want: Vec<&str> = notice.split_whitespace().collect();
    assert!(
        seen.windows(want.len()).any(|w| w == want.as_slice()),
        "{text}"
    );
    assert!(!text.contains('…'), "{text}");
}
