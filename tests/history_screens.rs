//! History, Compare and Goals: snapshots of each state the issue names, and the keys that
//! mark, compare, rename, delete and set goals.
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

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snap(name: &str, app: &App) {
    snap_at(name, app, &SIZES);
}

fn snap_at(name: &str, app: &App, sizes: &[(u16, u16)]) {
    for &(w, h) in sizes {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(app, w, h).backend());
    }
}

/// Compare at every size a person tried it at (issue 23).
const COMPARE_SIZES: [(u16, u16); 4] = [(80, 24), (100, 30), (120, 40), (160, 50)];

fn snap_compare(name: &str, app: &App) {
    snap_at(name, app, &COMPARE_SIZES);
}

/// Three results: developer-leaning in January, hybrid in May, engineer-leaning in November.
fn three(dir: &std::path::Path) -> (Store, Vec<String>) {
    let s = Store::open(dir).unwrap();
    let bank = default_bank();
    let ids = [
        (Pole::Developer, 4, "first try", "2026-01-05T10:00:00Z"),
        (Pole::Engineer, 2, "", "2026-05-01T09:00:00Z"),
        (
            Pole::Engineer,
            5,
            "after the architecture course",
            "2026-11-20T18:30:00Z",
        ),
    ]
    .into_iter()
    .map(|(pole, every, label, when)| {
        saved(
            &s,
            &bank,
            leaning(&bank, Form::Full, pole, every),
            label,
            when,
        )
        .id
    })
    .collect();
    (s, ids)
}

fn add_goal(s: &Store, g: Goal) {
    s.update_goals(|f| {
        f.add(g)?;
        Ok::<(), StoreError>(())
    })
    .unwrap();
}

fn goal(dimension: &str, baseline: &str, baseline_score: f64, target: f64) -> Goal {
    Goal {
        id: 0,
        dimension: dimension.into(),
        lens: None,
        target,
        baseline: baseline.into(),
        baseline_score,
        baseline_margin: None,
        note: "Write two ADRs and take the distributed systems course".into(),
        due: None,
        created_at: "2026-01-06T00:00:00Z".parse().unwrap(),
        done_at: None,
    }
}

#[test]
fn history_empty() {
    let dir = tempfile::tempdir().unwrap();
    snap("history_empty", &app(dir.path(), Start::History));
}

#[test]
fn history_three_results_and_one_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let (s, _) = three(dir.path());
    let a = app(dir.path(), Start::History);
    snap("history_three", &a);
    std::fs::write(s.result_path("20260301T080000Z-oops"), "schema = 7\n").unwrap();
    let mut a = app(dir.path(), Start::History);
    snap("history_unreadable", &a);
    // Opening the unreadable one stays on History, where its reason is shown in full, with
    // what to do, under the list (not in a notice a small screen would cut).
    drive(&mut a, &[Down, Down, Confirm]);
    assert!(matches!(a.screen, Screen::History(_)));
    let shown = render(&a, 80, 24).backend().to_string();
    assert!(
        shown.contains("newer rolefit") && shown.contains("update rolefit to open it"),
        "{shown}"
    );
}

#[test]
fn history_of_200_scrolled() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path()).unwrap();
    let bank = default_bank();
    let start: jiff::Timestamp = "2022-01-01T08:00:00Z".parse().unwrap();
    for i in 0..200i64 {
        let pole = if i % 3 == 0 {
            Pole::Developer
        } else {
            Pole::Engineer
        };
        let when = start
            .checked_add(jiff::SignedDuration::from_hours(i * 24 * 7))
            .unwrap();
        saved(
            &s,
            &bank,
            leaning(&bank, Form::Full, pole, 2 + (i as usize % 5)),
            &format!("week {i}"),
            &when.to_string(),
        );
    }
    let mut a = app(dir.path(), Start::History);
    drive(
        &mut a,
        &[PageDown, PageDown, PageDown, PageDown, Down, Down],
    );
    snap("history_200_scrolled", &a);
    drive(&mut a, &[Bottom]);
    let Screen::History(h) = &a.screen else {
        panic!()
    };
    assert_eq!(h.cursor, 199);
    assert!(render(&a, 80, 24).backend().to_string().contains("week 0"));
}

#[test]
fn mark_two_and_compare_then_back_to_history() {
    let dir = tempfile::tempdir().unwrap();
    let (s, ids) = three(dir.path());
    add_goal(&s, goal("scope", &ids[0], -60.0, 40.0));
    let mut a = app(dir.path(), Start::History);
    // Newest first: mark the newest and the oldest.
    drive(&mut a, &[Mark, Down, Down, Mark, Compare]);
    let Screen::Compare(c) = &a.screen else {
        panic!("{:?}", a.screen)
    };
    assert_eq!(
        (
            c.comparison.before.id.as_str(),
            c.comparison.after.id.as_str()
        ),
        (ids[0].as_str(), ids[2].as_str())
    );
    snap_compare("compare_with_goal", &a);
    drive(&mut a, &[PageDown, Bottom]);
    snap_compare("compare_scrolled", &a);
    drive(&mut a, &[Quit]);
    assert!(matches!(a.screen, Screen::History(_)));
    // No marks: the highlighted one against the one before it.
    let mut a = app(dir.path(), Start::History);
    drive(&mut a, &[Compare]);
    let Screen::Compare(c) = &a.screen else {
        panic!()
    };
    assert_eq!(
        (
            c.comparison.before.id.as_str(),
            c.comparison.after.id.as_str()
        ),
        (ids[1].as_str(), ids[2].as_str())
    );
}

#[test]
fn compare_across_bank_versions() {
    let dir = tempfile::tempdir().unwrap();
    let (s, ids) = three(dir.path());
    let mut older = s.find_result(&ids[1]).unwrap();
    older.bank.version = "0.9".into();
    older.bank.fingerprint = "00000000deadbeef".into();
    older.order.push("retired-question".into());
    let before = older.clone();
    let after = s.find_result(&ids[2]).unwrap();
    let a = app(
        dir.path(),
        Start::Compare(Box::new(before), Box::new(after)),
    );
    let screen = render(&a, 120, 60).backend().to_string();
    assert!(
        screen.contains(&format!(
            "different versions of the question bank (0.9 and {})",
            rolefit::bank::load_default().unwrap().version
        )),
        "{screen}"
    );
    // Counted, not named by id; the list on request shows what it can: here, only its id.
    assert!(
        screen.contains("1 question was asked in only one of the two.")
            && !screen.contains("retired-question"),
        "{screen}"
    );
    snap_compare("compare_bank_versions", &a);
    let mut a = a;
    drive(&mut a, &[Questions]);
    snap_at("compare_questions", &a, &[(80, 24), (100, 30)]);
    drive(&mut a, &[Bottom]);
    let list = render(&a, 120, 60).backend().to_string();
    assert!(
        list.contains("“retired-question”") && list.contains("asked only before: skipped"),
        "{list}"
    );
}

#[test]
fn rename_and_delete_from_history() {
    let dir = tempfile::tempdir().unwrap();
    let (s, ids) = three(dir.path());
    let mut a = app(dir.path(), Start::History);
    drive(&mut a, &[Rename, Clear]);
    for c in "after the course ✓".chars() {
        a.update(Type(c));
    }
    snap("history_rename_prompt", &a);
    a.update(Confirm);
    assert_eq!(s.find_result(&ids[2]).unwrap().label, "after the course ✓");
    // Esc cancels a rename.
    drive(&mut a, &[Rename, Type('x'), Quit]);
    assert_eq!(s.find_result(&ids[2]).unwrap().label, "after the course ✓");
    assert!(matches!(a.screen, Screen::History(_)));
    // Delete asks first; Cancel is the default button.
    drive(&mut a, &[Delete, Confirm]);
    assert_eq!(s.list_results().unwrap().len(), 3);
    drive(&mut a, &[Delete, Letter('d')]);
    assert_eq!(s.list_results().unwrap().len(), 2);
    assert!(
        dir.path()
            .join("trash")
            .join(format!("{}.toml", ids[2]))
            .is_file()
    );
    let Screen::History(h) = &a.screen else {
        panic!()
    };
    assert_eq!(h.entries.len(), 2);
}

#[test]
fn goals_none_on_track_reached_overdue() {
    let dir = tempfile::tempdir().unwrap();
    snap("goals_none", &app(dir.path(), Start::Goals));
    let (s, ids) = three(dir.path());
    let latest = s.find_result(&ids[2]).unwrap();
    let now = |d: &str| latest.scores.dimensions[d].combined.unwrap();
    // On track: most of the way, by a move beyond both margins. Reached: past the target.
    // Overdue: due before today (2026-11-24).
    add_goal(
        &s,
        goal(
            "scope",
            &ids[0],
            (now("scope") - 90.0).max(-100.0),
            now("scope") + 5.0,
        ),
    );
    add_goal(
        &s,
        // Reached by a move beyond both margins, as the timeline's noise test tells it.
        goal(
            "focus",
            &ids[0],
            (now("focus") - 90.0).max(-100.0),
            now("focus") - 10.0,
        ),
    );
    add_goal(
        &s,
        Goal {
            due: Some("2026-10-01".parse().unwrap()),
            note: String::new(),
            ..goal("impact", &ids[0], now("impact") - 10.0, 100.0)
        },
    );
    let mut a = app(dir.path(), Start::Goals);
    let Screen::Goals(g) = &a.screen else {
        panic!()
    };
    let status: Vec<&str> = g.goals.iter().map(|p| p.status.label()).collect();
    assert_eq!(status, ["on track", "reached", "overdue"]);
    snap("goals_states", &a);
    // d marks done, x removes after asking.
    drive(&mut a, &[Down, Done]);
    assert!(s.load_goals().unwrap().goals[1].done_at.is_some());
    drive(&mut a, &[Down, Delete, Letter('d')]);
    assert_eq!(s.load_goals().unwrap().goals.len(), 2);
}

#[test]
fn set_a_goal_from_the_dashboard() {
    let dir = tempfile::tempdir().unwrap();
    let (s, ids) = three(dir.path());
    let mut a = app(
        dir.path(),
        Start::Show(Box::new(s.find_result(&ids[2]).unwrap())),
    );
    a.update(Goal);
    snap("goal_form", &a);
    // Dimension stays; both lenses -> preference; target +10; due in 3 months; a note.
    drive(
        &mut a,
        &[
            Down, Forward, Down, Forward, Forward, Down, Forward, Forward, Down, Confirm, Clear,
        ],
    );
    for c in "Lead one design review a month".chars() {
        a.update(Type(c));
    }
    drive(&mut a, &[Confirm, Finish]);
    assert!(
        matches!(a.screen, Screen::Result(_)),
        "back on the dashboard"
    );
    assert!(
        a.notice.as_ref().unwrap().text.contains("Goal #1 saved"),
        "{:?}",
        a.notice
    );
    let g = &s.load_goals().unwrap().goals[0];
    assert_eq!(g.lens, Some(rolefit::bank::Lens::Preference));
    assert_eq!(g.note, "Lead one design review a month");
    assert_eq!(g.due, Some("2027-02-24".parse().unwrap()));
    assert_eq!(g.baseline, ids[2]);
    // A typed date; a bad one is explained and changes nothing.
    a.update(Goal);
    drive(&mut a, &[Down, Down, Down, Confirm, Clear]);
    for c in "2027-13-01".chars() {
        a.update(Type(c));
    }
    a.update(Confirm);
    assert!(
        a.notice
            .as_ref()
            .unwrap()
            .text
            .contains("not on the calendar"),
        "{:?}",
        a.notice
    );
}

#[test]
fn the_next_result_celebrates_a_goal_it_reached() {
    let dir = tempfile::tempdir().unwrap();
    let (s, ids) = three(dir.path());
    let first = s.find_result(&ids[0]).unwrap();
    let latest = s.find_result(&ids[2]).unwrap();
    let scope = |r: &rolefit::store::ResultFile| r.scores.dimensions["scope"].combined.unwrap();
    add_goal(
        &s,
        goal("scope", &ids[0], scope(&first), scope(&latest) - 5.0),
    );
    let mut a = app(dir.path(), Start::Show(Box::new(latest)));
    let notice = a.notice.clone().unwrap().text;
    assert!(
        notice.contains("Goal #1 reached") && notice.contains("Well done"),
        "{notice}"
    );
    a.update(Pick(5));
    let screen = render(&a, 80, 24).backend().to_string();
    assert!(screen.contains("★ Goal #1 reached"), "{screen}");
    // The baseline itself celebrates nothing.
    let a = app(dir.path(), Start::Show(Box::new(first)));
    assert!(a.notice.is_none());
}

#[test]
fn compare_quick_with_full() {
    let dir = tempfile::tempdir().unwrap();
    let (s, ids) = three(dir.path());
    let bank = default_bank();
    let mut quick = saved(
        &s,
        &bank,
        leaning(&bank, Form::Quick, Pole::Engineer, 3),
        "quick one",
        "2026-11-22T08:00:00Z",
    );
    quick.form = Form::Quick;
    let before = s.find_result(&ids[0]).unwrap();
    let a = app(
        dir.path(),
        Start::Compare(Box::new(before), Box::new(quick)),
    );
    let screen = render(&a, 120, 60).backend().to_string();
    assert!(
        screen.contains("the earlier result is a full form (51 answers), the later a quick form"),
        "{screen}"
    );
    assert!(screen.contains("too few answers to tell"), "{screen}");
    snap_compare("compare_quick_full", &a);
}

#[test]
fn a_goals_long_note_and_name_wrap_whole_at_every_size() {
    let dir = tempfile::tempdir().unwrap();
    let (s, ids) = three(dir.path());
    let note = "Pair with the platform team on the next two incident reviews, write the \
                follow-up design notes myself, then run the quarterly load test end to end \
                and present what we learned at the architecture guild in March.";
    add_goal(
        &s,
        Goal {
            note: note.into(),
            ..goal("workstyle", &ids[0], -20.0, 30.0)
        },
    );
    for (w, h) in [(60u16, 16u16), (100, 30), (200, 60)] {
        let a = app(dir.path(), Start::Goals);
        let t = render(&a, w, h);
        let buf = t.backend().buffer();
        let screen: String = (0..h)
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
            .collect();
        assert!(!screen.contains('…'), "{w}x{h}:\n{screen}");
        let seen: Vec<&str> = screen.split_whitespace().collect();
        let quoted = format!("“{note}”");
        let want: Vec<&str> = quoted.split_whitespace().collect();
        assert!(
            seen.windows(want.len()).any(|win| win == want.as_slice()),
            "{w}x{h}:\n{screen}"
        );
        let Screen::Goals(g) = &a.screen else {
            panic!("not on Goals")
        };
        let status = g.goals[0].status.label();
        assert!(screen.contains(status), "{status} at {w}x{h}:\n{screen}");
        for word in ["How", "you", "work", "day", "to"] {
            assert!(seen.contains(&word), "{word} at {w}x{h}:\n{screen}");
        }
    }
}

/// The rename prompt's last line (the limit, and the keys) wraps on a narrow screen instead of
/// being cut ("Esc cance").
#[test]
fn the_rename_prompt_says_its_limit_and_keys_in_full_at_60_columns() {
    let dir = tempfile::tempdir().unwrap();
    three(dir.path());
    let mut a = app(dir.path(), Start::History);
    drive(&mut a, &[Rename, Clear]);
    for _ in 0..80 {
        a.update(Type('x'));
    }
    let screen = render(&a, 60, 16).backend().to_string();
    let words: String = screen
        .lines()
        .map(|l| {
            l.trim_matches('"')
                .replace(['│', '╭', '╮', '╰', '╯', '─'], " ")
        })
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        words.contains("That is the limit: 80 characters at most · Enter keeps it · Esc cancels"),
        "{screen}"
    );
}
