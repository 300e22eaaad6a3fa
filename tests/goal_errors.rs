//! Each way goals fail is said as what it is: a goals.toml that cannot be read is said wherever
//! goals are used beside a result (it was silent on the dashboard and the goal form), and a
//! goal removed in another window is "no goal #N", not "not a readable rolefit file".
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::default_bank;
use common::results::{leaning, saved};
use common::tui::{app, drive};
use rolefit::bank::{Form, Pole};
use rolefit::store::{Goal, GoalsFile, ResultFile, Store, StoreError, parse_goals};
use rolefit::tui::action::Action::*;
use rolefit::tui::app::Screen;
use rolefit::tui::{App, Start};

fn one_result(store: &Store) -> ResultFile {
    let bank = default_bank();
    let answers = leaning(&bank, Form::Full, Pole::Developer, 3);
    saved(store, &bank, answers, "", "2026-11-01T09:00:00Z")
}

fn goal(baseline: &str) -> Goal {
    Goal {
        id: 0,
        dimension: "scope".into(),
        lens: None,
        target: 40.0,
        baseline: baseline.into(),
        baseline_score: 0.0,
        baseline_margin: None,
        note: String::new(),
        due: None,
        created_at: "2026-11-02T09:00:00Z".parse().unwrap(),
        done_at: None,
    }
}

fn warning(app: &App) -> String {
    let n = app.notice.as_ref().expect("a notice");
    assert!(n.warning, "{n:?}");
    n.text.clone()
}

const BROKEN: &str = "schema = 1\n[[goals]\n";
/// A goals file whose one goal has no target (and more missing).
const BAD_GOAL: &str = "schema = 1\n[[goals]]\nid = 3\ndimension = \"scope\"\n";

/// The dashboard of a saved result, with `goals` as goals.toml.
fn shown_with_goals(goals: &str) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let result = one_result(&store);
    std::fs::write(store.goals_path(), goals).unwrap();
    let a = app(dir.path(), Start::Show(Box::new(result)));
    assert!(matches!(a.screen, Screen::Result(_)));
    (dir, a)
}

#[test]
fn a_broken_goals_file_is_said_on_the_dashboard() {
    let (_dir, a) = shown_with_goals(BROKEN);
    let said = warning(&a);
    assert!(
        said.starts_with("Next steps leave out learning goals: ") && said.contains("goals.toml"),
        "{said}"
    );
}

#[test]
fn a_broken_goals_file_is_said_on_the_goal_form() {
    let (_dir, mut a) = shown_with_goals("schema = 1\n");
    assert!(a.notice.is_none());
    std::fs::write(a.store.goals_path(), BROKEN).unwrap();
    drive(&mut a, &[Goal]);
    assert!(matches!(a.screen, Screen::GoalForm(_)));
    assert!(warning(&a).contains("goals.toml"), "{}", warning(&a));
}

#[test]
fn one_unreadable_goal_is_named_on_the_dashboard() {
    let (_dir, a) = shown_with_goals(BAD_GOAL);
    let said = warning(&a);
    assert!(said.contains("goal #3 (line 2)"), "{said}");
}

#[test]
fn a_goal_removed_in_another_window_is_no_such_goal() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let result = one_result(&store);
    store
        .update_goals(|f| f.add(goal(&result.id)).map(|_| ()))
        .unwrap();
    let mut a = app(dir.path(), Start::Goals);
    assert!(matches!(a.screen, Screen::Goals(_)));
    // Another rolefit removes it while this one shows it.
    store.update_goals(|f| f.remove_goal(1)).unwrap();
    drive(&mut a, &[Done]);
    let said = warning(&a);
    assert!(
        said.contains("there is no goal #1") && !said.contains("not a readable"),
        "{said}"
    );
    drive(&mut a, &[Delete, Letter('d')]);
    assert!(
        warning(&a).contains("there is no goal #1"),
        "{}",
        warning(&a)
    );
}

#[test]
fn changing_a_goal_says_which_failure_it_was() {
    let path = std::path::Path::new("goals.toml");
    let mut file: GoalsFile = parse_goals(BAD_GOAL, path).unwrap();
    assert!(matches!(
        file.goal_mut(3),
        Err(StoreError::UnreadableGoal(b)) if b.id == Some(3)
    ));
    let e = file.goal_mut(4).unwrap_err();
    assert!(matches!(e, StoreError::NoGoal { id: 4 }));
    assert!(e.to_string().starts_with("there is no goal #4"), "{e}");
    assert!(matches!(
        file.remove_goal(4),
        Err(StoreError::NoGoal { id: 4 })
    ));
    assert!(file.remove_goal(3).is_ok());
}

#[test]
fn show_names_an_unreadable_goal_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    one_result(&store);
    std::fs::write(store.goals_path(), BAD_GOAL).unwrap();
    let out = common::cli(dir.path())
        .args(["show", "latest", "--format", "text"])
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("rolefit: Next steps leave out learning goals: Cannot read goal #3 (line 2)"),
        "{err}"
    );
}
