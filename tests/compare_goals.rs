//! Before/after comparison and goal progress: pure functions of results, bank and goals.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::results::{leaning, result};
use common::{default_bank, extreme};
use rolefit::bank::{Form, Lens, Pole};
use rolefit::compare::{compare, delta};
use rolefit::goals::{GoalStatus, evaluate, newly_reached, progress_pct};
use rolefit::store::{Goal, ResultFile};

fn taken(mut r: ResultFile, when: &str) -> ResultFile {
    r.taken_at = when.parse().unwrap();
    r.id = format!("{}-test", r.taken_at.strftime("%Y%m%dT%H%M%SZ"));
    r
}

fn before_after() -> (ResultFile, ResultFile) {
    let bank = default_bank();
    let b = taken(
        result(
            &bank,
            Form::Full,
            leaning(&bank, Form::Full, Pole::Developer, 3),
            "before",
        ),
        "2026-05-01T09:00:00Z",
    );
    let a = taken(
        result(
            &bank,
            Form::Full,
            leaning(&bank, Form::Full, Pole::Engineer, 3),
            "after",
        ),
        "2026-11-20T09:00:00Z",
    );
    (b, a)
}

fn goal(dimension: &str, lens: Option<Lens>, baseline: f64, target: f64) -> Goal {
    Goal {
        id: 1,
        dimension: dimension.into(),
        lens,
        target,
        baseline: "20260501T090000Z-test".into(),
        baseline_score: baseline,
        // A baseline with a margin: "reached" needs a move beyond the margins combined.
        baseline_margin: Some(5.0),
        note: String::new(),
        due: None,
        created_at: "2026-05-02T00:00:00Z".parse().unwrap(),
        done_at: None,
    }
}

#[test]
fn a_change_is_real_only_beyond_both_margins_combined() {
    // sqrt(3² + 4²) = 5
    let real = |d: rolefit::compare::Delta| d.real_change;
    assert_eq!(
        real(delta(Some(0.0), Some(5.0), Some(3.0), Some(4.0))),
        Some(false)
    );
    assert_eq!(
        real(delta(Some(0.0), Some(5.1), Some(3.0), Some(4.0))),
        Some(true)
    );
    assert_eq!(
        real(delta(Some(10.0), Some(4.9), Some(3.0), Some(4.0))),
        Some(true)
    );
    let d = delta(Some(10.0), Some(-2.5), Some(3.0), Some(4.0));
    assert_eq!(d.delta, Some(-12.5));
    for (mb, ma) in [(None, Some(1.0)), (Some(1.0), None), (None, None)] {
        assert_eq!(
            delta(Some(0.0), Some(90.0), mb, ma).real_change,
            None,
            "no margin, no verdict"
        );
    }
    assert_eq!(delta(None, Some(3.0), Some(1.0), Some(1.0)).delta, None);
}

#[test]
fn a_big_move_is_real_and_the_answers_behind_it_are_listed() {
    let bank = default_bank();
    let (b, a) = before_after();
    let c = compare(&bank, &b, &a, &[], jiff::civil::date(2026, 12, 1));
    assert!(c.overall.delta.unwrap() > 40.0, "{:?}", c.overall);
    assert_eq!(c.overall.real_change, Some(true));
    assert!(c.archetype_changed);
    assert_eq!(c.dimensions.len(), bank.dimensions.len());
    assert!(c.dimensions.iter().all(|d| d.combined.delta.unwrap() > 0.0));
    assert_ne!(c.archetype.0, c.archetype.1);
    assert!(c.same_bank && c.not_shared.is_empty());
    assert_eq!(c.shared_questions, bank.questions.len());
    // Every answer flipped pole except every third, which flipped the other way: all changed.
    assert_eq!(c.changed_answers.len(), bank.questions.len());
    let shifts: Vec<f64> = c
        .changed_answers
        .iter()
        .map(|x| x.shift.unwrap().abs())
        .collect();
    assert!(
        shifts.windows(2).all(|w| w[0] >= w[1]),
        "largest first: {shifts:?}"
    );
}

#[test]
fn the_same_answers_twice_change_nothing() {
    let bank = default_bank();
    let (b, _) = before_after();
    let again = taken(b.clone(), "2026-06-01T00:00:00Z");
    let c = compare(&bank, &b, &again, &[], jiff::civil::date(2026, 12, 1));
    assert_eq!(c.overall.delta, Some(0.0));
    assert_eq!(c.overall.real_change, Some(false));
    assert!(c.changed_answers.is_empty());
    assert!(
        c.dimensions
            .iter()
            .all(|d| d.combined.real_change != Some(true))
    );
}

#[test]
fn different_bank_versions_compare_on_what_they_share() {
    let bank = default_bank();
    let (b, mut a) = before_after();
    // The later bank dropped a question and added one.
    let dropped = a.order.remove(0);
    a.answers.shift_remove(&dropped);
    a.order.push("new-question".into());
    a.bank.version = "1.1".into();
    a.bank.fingerprint = "0123456789abcdef".into();
    let c = compare(&bank, &b, &a, &[], jiff::civil::date(2026, 12, 1));
    assert!(!c.same_bank);
    assert_eq!(
        c.not_shared,
        vec!["new-question".to_owned(), dropped.clone()]
    );
    assert_eq!(c.shared_questions, bank.questions.len() - 1);
    assert!(c.changed_answers.iter().all(|x| x.id != dropped));
    let texts = rolefit::assets::Texts::load();
    let text = rolefit::report::compare_text(&c, &texts, false);
    assert!(
        text.contains(&format!(
            "different versions of the question bank ({} and 1.1)",
            bank.version
        )),
        "{text}"
    );
    // A count, not ids; the questions themselves on request.
    assert!(
        text.contains("2 questions were asked in only one of the two.")
            && !text.contains("new-question"),
        "{text}"
    );
    assert!(text.contains("--questions"), "{text}");
    let listed = rolefit::report::compare_text(&c, &texts, true);
    let dropped_text = &bank.question(&dropped).unwrap().text;
    assert!(
        listed.contains(&format!("“{dropped_text}”: asked only before: ")),
        "{listed}"
    );
    // Not in this bank: only its id can be shown.
    assert!(
        listed.contains("“new-question”: asked only after: "),
        "{listed}"
    );
}

#[test]
fn json_carries_deltas_and_real_change_flags() {
    let bank = default_bank();
    let (b, a) = before_after();
    let (sb, sa) = (
        b.scores.dimensions["scope"].combined.unwrap(),
        a.scores.dimensions["scope"].combined.unwrap(),
    );
    // The after result is halfway from this baseline to the target.
    let g = goal("scope", None, sb, sb + 2.0 * (sa - sb));
    let c = compare(&bank, &b, &a, &[g], jiff::civil::date(2026, 12, 1));
    let v: serde_json::Value = serde_json::from_str(&rolefit::report::compare_json(&c)).unwrap();
    assert_eq!(v["before"]["id"], b.id.as_str());
    assert_eq!(v["after"]["id"], a.id.as_str());
    assert_eq!(v["overall_real_change"], true);
    assert!(v["overall_delta"].as_f64().unwrap() > 40.0);
    let scope = &v["dimensions"]["scope"];
    for key in [
        "before",
        "after",
        "delta",
        "real_change",
        "preference",
        "practice",
        "goals",
    ] {
        assert!(!scope[key].is_null(), "dimensions.scope.{key}");
    }
    assert_eq!(scope["goals"][0]["id"], 1);
    assert!((scope["goals"][0]["after_pct"].as_f64().unwrap() - 50.0).abs() < 1e-6);
    assert_eq!(scope["goals"][0]["before_pct"].as_f64().unwrap(), 0.0);
    assert!(v["changed_answers"].as_array().unwrap().len() > 10);
}

#[test]
fn goal_progress_and_status() {
    let bank = default_bank();
    let (b, a) = before_after();
    let today: jiff::civil::Date = "2026-11-24".parse().unwrap();
    let scope_b = b.scores.dimensions["scope"].combined.unwrap();
    let scope_a = a.scores.dimensions["scope"].combined.unwrap();
    let mid = (scope_a + scope_b) / 2.0;

    // Halfway there, toward engineer.
    let g = goal("scope", None, scope_b, scope_b + 2.0 * (mid - scope_b));
    assert!((progress_pct(&g, mid) - 50.0).abs() < 1e-9);
    let on_track = evaluate(&g, &bank, &[&a, &b], today);
    assert_eq!(on_track.latest.as_deref(), Some(a.id.as_str()));
    assert_eq!(on_track.latest_score, Some(scope_a));

    let reached = evaluate(&goal("scope", None, scope_b, mid), &bank, &[&a, &b], today);
    assert_eq!(reached.status, GoalStatus::Reached);
    assert!(reached.progress_pct.unwrap() >= 100.0);

    // Toward developer: reached means at or below the target.
    let down = goal("scope", None, scope_a, mid);
    // b was taken before the goal was set: it is no evidence, whatever it says.
    assert_eq!(
        evaluate(&down, &bank, &[&b], today).status,
        GoalStatus::NoResultSince
    );
    // Still at the baseline: no clear change.
    assert_eq!(
        evaluate(&down, &bank, &[&a], today).status,
        GoalStatus::NoClearChange
    );

    let mut late = goal("scope", Some(Lens::Practice), scope_b, 100.0);
    late.due = Some("2026-11-01".parse().unwrap());
    let p = evaluate(&late, &bank, &[&a], today);
    assert_eq!(p.status, GoalStatus::Overdue);
    assert_eq!(p.latest_score, a.scores.dimensions["scope"].practice);
    late.done_at = Some("2026-11-02T00:00:00Z".parse().unwrap());
    assert_eq!(
        evaluate(&late, &bank, &[&a], today).status,
        GoalStatus::Done
    );

    let none = evaluate(&g, &bank, &[], today);
    assert_eq!(
        (none.latest_score, none.progress_pct, none.status),
        (None, None, GoalStatus::NoResultSince)
    );
    assert_eq!(none.dimension_title, "Scope of responsibility");
}

#[test]
fn a_goal_is_celebrated_on_the_first_result_that_reaches_it() {
    let bank = default_bank();
    let (b, a) = before_after();
    let scope_b = b.scores.dimensions["scope"].combined.unwrap();
    let goals = vec![
        goal("scope", None, scope_b, scope_b + 20.0),
        Goal {
            id: 2,
            ..goal("scope", None, scope_b, 100.5)
        },
        Goal {
            id: 3,
            done_at: Some("2026-06-01T00:00:00Z".parse().unwrap()),
            ..goal("scope", None, scope_b, scope_b + 20.0)
        },
    ];
    let hit: Vec<u32> = newly_reached(&bank, &goals, &a, jiff::civil::date(2026, 12, 1))
        .iter()
        .map(|g| g.id)
        .collect();
    assert_eq!(
        hit,
        vec![1],
        "reached, not the unreachable one, not the one marked done"
    );
    assert!(
        newly_reached(&bank, &goals, &b, jiff::civil::date(2026, 12, 1)).is_empty(),
        "the baseline itself celebrates nothing"
    );
}

#[test]
fn a_question_missing_from_this_bank_still_shows_as_changed() {
    let bank = default_bank();
    let (mut b, mut a) = before_after();
    let q = &bank.questions[0];
    for (r, pole) in [(&mut b, Pole::Developer), (&mut a, Pole::Engineer)] {
        r.order.push("retired".into());
        r.answers.insert("retired".into(), extreme(q, pole));
    }
    let c = compare(&bank, &b, &a, &[], jiff::civil::date(2026, 12, 1));
    let retired = c
        .changed_answers
        .iter()
        .find(|x| x.id == "retired")
        .unwrap();
    assert_eq!((retired.text.as_ref(), retired.shift), (None, None));
    assert!(retired.before.starts_with("answer") || retired.before.starts_with("option"));
}

/// The goal's scale in a result taken after the goal, with a margin of 5.
fn seen(score: f64) -> rolefit::goals::Reading {
    rolefit::goals::Reading {
        result: "r".into(),
        taken_at: "2026-11-20T09:00:00Z".parse().unwrap(),
        form: Form::Full,
        score: Some(score),
        margin: Some(5.0),
        answered: 8,
    }
}

#[test]
fn each_status_with_a_margin() {
    use rolefit::goals::status;
    let today: jiff::civil::Date = "2026-11-24".parse().unwrap();
    // Created 2026-05-02; due 2027-05-02: on 2026-11-24 about 56% of the time has passed.
    let mut g = goal("scope", None, 0.0, 40.0);
    g.baseline_margin = Some(5.0);
    g.due = Some("2027-05-02".parse().unwrap());
    let s = |g: &Goal, v: f64| status(g, Some(&seen(v)), today);
    assert_eq!(s(&g, 40.0), GoalStatus::Reached);
    assert_eq!(s(&g, 55.0), GoalStatus::Reached);
    assert_eq!(s(&g, -10.0), GoalStatus::MovingAway, "beyond sqrt(5² + 5²)");
    assert_eq!(
        s(&g, -7.0),
        GoalStatus::NoClearChange,
        "within sqrt(5² + 5²)"
    );
    assert_eq!(s(&g, 7.0), GoalStatus::NoClearChange);
    assert_eq!(s(&g, 10.0), GoalStatus::Behind, "25% < 56%");
    assert_eq!(s(&g, 30.0), GoalStatus::OnTrack, "75% >= 56%");
    assert_eq!(status(&g, None, today), GoalStatus::NoResultSince);
    let thin = rolefit::goals::Reading {
        margin: None,
        answered: 2,
        ..seen(40.0)
    };
    assert_eq!(status(&g, Some(&thin), today), GoalStatus::TooFewAnswers);
    g.due = Some("2026-11-01".parse().unwrap());
    assert_eq!(s(&g, 30.0), GoalStatus::Overdue);
    assert_eq!(s(&g, 40.0), GoalStatus::Reached);
    // Without a due date nothing is behind: there is no schedule to be behind.
    g.due = None;
    assert_eq!(s(&g, 10.0), GoalStatus::OnTrack);
    // Toward developer, moving away means going up.
    let mut down = goal("scope", None, 0.0, -50.0);
    down.baseline_margin = Some(5.0);
    assert_eq!(s(&down, 20.0), GoalStatus::MovingAway);
    assert_eq!(s(&down, -50.0), GoalStatus::Reached);
    // The issue's case: +83.3 → -100.0 with a target of +90 is moving away, and shows "<0%".
    let mut far = goal("scope", None, 83.3, 90.0);
    far.baseline_margin = Some(5.0);
    assert_eq!(s(&far, -100.0), GoalStatus::MovingAway);
    assert_eq!(
        rolefit::report::pct(Some(progress_pct(&far, -100.0))),
        "<0%"
    );
    for (p, want) in [
        (37.4, "37%"),
        (99.6, "99%"),
        (100.0, "100%"),
        (2750.0, "100%"),
    ] {
        assert_eq!(rolefit::report::pct(Some(p)), want);
    }
    assert_eq!(rolefit::report::pct(None), "?");
}

#[test]
fn goal_ids_are_never_reused() {
    let dir = tempfile::tempdir().unwrap();
    let store = rolefit::store::Store::open(dir.path()).unwrap();
    let add = |d: &str| {
        store
            .update_goals(|f| f.add(goal(d, None, 0.0, 40.0)))
            .unwrap()
    };
    assert_eq!((add("scope"), add("focus")), (1, 2));
    store
        .update_goals(|f| {
            f.goals.retain(|g| g.id != 2);
            Ok::<(), rolefit::store::StoreError>(())
        })
        .unwrap();
    assert_eq!(add("skills"), 3, "id 2 stays retired");
    // The highest id ever given is kept even with every goal removed.
    store
        .update_goals(|f| {
            f.goals.clear();
            Ok::<(), rolefit::store::StoreError>(())
        })
        .unwrap();
    assert_eq!(add("impact"), 4);
    // And an id at the top of the range is an error, not a wrap to 0.
    let err = store
        .update_goals(|f| {
            f.last_id = u32::MAX;
            f.add(goal("scope", None, 0.0, 40.0))
        })
        .unwrap_err();
    assert!(err.to_string().contains("largest goal id"), "{err}");
}

#[test]
fn quick_against_full_says_so_and_few_answers_give_no_verdict() {
    let bank = default_bank();
    let (b, _) = before_after();
    let quick_answers: rolefit::answers::Answers = leaning(&bank, Form::Quick, Pole::Engineer, 3);
    let a = taken(
        result(&bank, Form::Quick, quick_answers, "quick"),
        "2026-11-20T09:00:00Z",
    );
    let c = compare(&bank, &b, &a, &[], jiff::civil::date(2026, 12, 1));
    assert!(c.forms_differ);
    let texts = rolefit::assets::Texts::load();
    let text = rolefit::report::compare_text(&c, &texts, false);
    let top: String = text.lines().take(3).collect::<Vec<_>>().join("\n");
    assert!(
        top.contains(&format!(
            "the earlier result is a full form ({} answers), the later a quick form ({}). The later one rests on fewer answers",
            c.before.scores.answered, c.after.scores.answered
        )),
        "{text}"
    );
    // The quick form has 2 or 3 answers per dimension: lens scales within one have no margin.
    for d in &c.dimensions {
        for lens in [&d.preference, &d.practice] {
            if lens.delta.is_some() && lens.real_change.is_none() {
                assert!(text.contains("too few answers to tell"), "{text}");
            }
        }
    }
    let v: serde_json::Value = serde_json::from_str(&rolefit::report::compare_json(&c)).unwrap();
    assert_eq!(v["forms_differ"], true);
    assert!(
        v["dimensions"]
            .as_object()
            .unwrap()
            .values()
            .any(|d| d["preference"]["real_change"].is_null()),
        "{v}"
    );
    // Two answers moving a step each: no verdict, never "real change".
    let two = |s: u8| {
        let answers: rolefit::answers::Answers = bank
            .questions
            .iter()
            .filter(|q| {
                q.dimension == "impact" && matches!(q.kind, rolefit::bank::Kind::Likert { .. })
            })
            .take(2)
            .map(|q| (q.id.clone(), rolefit::answers::Answer::Scale(s)))
            .collect();
        result(&bank, Form::Full, answers, "two")
    };
    let c = compare(&bank, &two(3), &two(4), &[], jiff::civil::date(2026, 12, 1));
    let impact = c.dimensions.iter().find(|d| d.id == "impact").unwrap();
    assert_eq!(impact.combined.real_change, None);
    assert!(!c.archetype_changed);
}
