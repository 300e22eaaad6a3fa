//! Learning goals over time: one status rule (Compare's) for every output, judged on the newest
//! result after the goal was set; the timeline; goals.toml with duplicate ids or a bad goal.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cli, default_bank, extreme};
use rolefit::answers::Answers;
use rolefit::bank::{Bank, Form, Lens, Pole};
use rolefit::compare::compare;
use rolefit::goals::{GoalStatus, evaluate, reading, status, timeline};
use rolefit::store::{Goal, ResultFile, Store};

fn at(when: &str) -> jiff::Timestamp {
    when.parse().unwrap()
}

fn today() -> jiff::civil::Date {
    jiff::civil::date(2027, 1, 20)
}

/// A result answering `per_dim` questions of every dimension, at `pole` (`skills` may differ).
fn result_with(
    bank: &Bank,
    form: Form,
    when: &str,
    answers: impl Fn(&rolefit::bank::Question, usize) -> Option<rolefit::answers::Answer>,
) -> ResultFile {
    let mut seen: std::collections::HashMap<&str, usize> = Default::default();
    let answers: Answers = bank
        .questions
        .iter()
        .filter_map(|q| {
            let n = seen.entry(q.dimension.as_str()).or_default();
            *n += 1;
            Some((q.id.clone(), answers(q, *n - 1)?))
        })
        .collect();
    let order: Vec<String> = bank
        .questions
        .iter()
        .filter(|q| answers.contains_key(&q.id))
        .map(|q| q.id.clone())
        .collect();
    let scores = rolefit::scoring::score_taken(bank, form, &order, &answers);
    let taken = at(when);
    ResultFile::new(
        format!("{}-test", taken.strftime("%Y%m%dT%H%M%SZ")),
        taken,
        String::new(),
        bank,
        form,
        order,
        answers,
        scores,
    )
}

/// Every question at `pole`, but `skills` only its first `skills` questions, at `skills_pole`.
fn history_point(
    bank: &Bank,
    form: Form,
    when: &str,
    skills: usize,
    skills_pole: Pole,
) -> ResultFile {
    result_with(bank, form, when, |q, i| {
        if q.dimension == "skills" {
            (i < skills).then(|| extreme(q, skills_pole))
        } else {
            Some(extreme(q, Pole::Developer))
        }
    })
}

fn goal_from(bank: &Bank, base: &ResultFile, target: f64, created: &str) -> Goal {
    let r = reading(
        bank,
        &Goal {
            id: 1,
            dimension: "skills".into(),
            lens: None,
            target,
            baseline: base.id.clone(),
            baseline_score: 0.0,
            baseline_margin: None,
            note: String::new(),
            due: None,
            created_at: at(created),
            done_at: None,
        },
        base,
    );
    Goal {
        id: 1,
        dimension: "skills".into(),
        lens: None,
        target,
        baseline: base.id.clone(),
        baseline_score: r.score.unwrap(),
        baseline_margin: r.margin,
        note: String::new(),
        due: None,
        created_at: at(created),
        done_at: None,
    }
}

fn judge(bank: &Bank, goal: &Goal, newest_first: &[&ResultFile]) -> GoalStatus {
    evaluate(goal, bank, newest_first, today()).status
}

#[test]
fn two_answers_on_the_scale_are_too_few_not_reached() {
    // The walkthrough: Skills -50 → -70; an adaptive retake with two Skills answers at the
    // developer end showed "100% reached". It must say too few answers, progress unknown.
    let bank = default_bank();
    let base = result_with(&bank, Form::Full, "2026-12-01T09:00:00Z", |q, i| {
        Some(extreme(
            q,
            if q.dimension == "skills" && i % 4 == 0 {
                Pole::Engineer
            } else {
                Pole::Developer
            },
        ))
    });
    let goal = goal_from(&bank, &base, -90.0, "2026-12-02T09:00:00Z");
    let retake = history_point(
        &bank,
        Form::Adaptive,
        "2027-01-07T09:00:00Z",
        2,
        Pole::Developer,
    );
    assert_eq!(reading(&bank, &goal, &retake).answered, 2);
    let p = evaluate(&goal, &bank, &[&retake, &base], today());
    assert_eq!(p.status, GoalStatus::TooFewAnswers);
    assert_eq!(p.progress_pct, None, "never a percentage without a margin");
    assert_eq!(p.latest.as_deref(), Some(retake.id.as_str()));
    let why = rolefit::report::status_why(&p, rolefit::report::AskWith::Command).unwrap();
    assert!(
        why.contains(&retake.id) && why.contains("2 answers"),
        "{why}"
    );
    // And offers the goal's own questions, which give it a margin.
    assert!(
        why.ends_with("To measure it, answer just its 8 questions: `rolefit take --goal 1`."),
        "{why}"
    );
    let text = rolefit::report::goals_text(std::slice::from_ref(&p), &[]);
    assert!(text.contains("? of the way, too few answers"), "{text}");
    // Compare, on the same data, says the same.
    let c = compare(&bank, &base, &retake, &[goal], today());
    let skills = c.dimensions.iter().find(|d| d.id == "skills").unwrap();
    assert_eq!(skills.goals[0].status, GoalStatus::TooFewAnswers);
    assert_eq!(skills.goals[0].after_pct, None);
    let json: serde_json::Value = serde_json::from_str(&rolefit::report::compare_json(&c)).unwrap();
    let g = &json["dimensions"]["skills"]["goals"][0];
    assert_eq!(g["id"], 1);
    assert_eq!(g["status"], "too-few-answers");
}

#[test]
fn a_brand_new_goal_is_not_moving_away_on_too_few_answers() {
    // The walkthrough's second case: +87.5 → +65, and a result with too few answers at +100.
    let bank = default_bank();
    let base = result_with(&bank, Form::Full, "2026-12-01T09:00:00Z", |q, i| {
        Some(extreme(
            q,
            if q.dimension == "skills" && i % 8 == 7 {
                Pole::Developer
            } else {
                Pole::Engineer
            },
        ))
    });
    let goal = goal_from(&bank, &base, 65.0, "2026-12-02T09:00:00Z");
    let retake = history_point(
        &bank,
        Form::Quick,
        "2026-12-03T09:00:00Z",
        2,
        Pole::Engineer,
    );
    let p = evaluate(&goal, &bank, &[&retake, &base], today());
    assert_eq!(p.status, GoalStatus::TooFewAnswers);
    assert_eq!(p.progress_pct, None);
}

#[test]
fn the_goal_is_judged_on_a_result_after_it_was_set() {
    let bank = default_bank();
    let base = history_point(
        &bank,
        Form::Full,
        "2026-10-01T09:00:00Z",
        8,
        Pole::Developer,
    );
    let newer = history_point(&bank, Form::Full, "2026-11-01T09:00:00Z", 8, Pole::Engineer);
    // Set in December from the October result: November's result was taken before the goal.
    let goal = goal_from(&bank, &base, 40.0, "2026-12-02T09:00:00Z");
    let p = evaluate(&goal, &bank, &[&newer, &base], today());
    assert_eq!(p.status, GoalStatus::NoResultSince);
    assert_eq!(p.progress_pct, None);
    assert!(
        rolefit::report::status_why(&p, rolefit::report::AskWith::Command)
            .unwrap()
            .contains("No result since this goal was set on 2026-12-02")
    );
    // The newest result after the goal has too few answers: too few, even though an older one
    // had plenty.
    let thin = history_point(
        &bank,
        Form::Adaptive,
        "2027-01-02T09:00:00Z",
        1,
        Pole::Engineer,
    );
    assert_eq!(
        judge(&bank, &goal, &[&thin, &newer, &base]),
        GoalStatus::TooFewAnswers
    );
}

/// Every question at `pole`, except every `every`-th (from the first) at the other (0: none).
fn leaning_at(bank: &Bank, when: &str, pole: Pole, every: usize) -> ResultFile {
    result_with(bank, Form::Full, when, move |q, i| {
        let other = if pole == Pole::Engineer {
            Pole::Developer
        } else {
            Pole::Engineer
        };
        Some(extreme(
            q,
            if every > 0 && i % every == 0 {
                other
            } else {
                pole
            },
        ))
    })
}

#[test]
fn every_status_by_the_one_rule() {
    let bank = default_bank();
    let later = "2027-01-10T09:00:00Z";
    let base = leaning_at(&bank, "2026-10-01T09:00:00Z", Pole::Developer, 0);
    let goal = goal_from(&bank, &base, 60.0, "2026-10-02T09:00:00Z");
    assert!(goal.baseline_margin.is_some());
    let up = leaning_at(&bank, later, Pole::Engineer, 0);
    let part = leaning_at(&bank, later, Pole::Engineer, 4);
    let s = |g: &Goal, r: &ResultFile| status(g, Some(&reading(&bank, g, r)), today());
    assert_eq!(s(&goal, &up), GoalStatus::Reached);
    let toward = reading(&bank, &goal, &part).score.unwrap();
    assert!(toward > goal.baseline_score && toward < 60.0, "{toward}");
    assert_eq!(s(&goal, &part), GoalStatus::OnTrack);
    let due_soon = Goal {
        due: Some(jiff::civil::date(2027, 1, 21)),
        ..goal.clone()
    };
    assert_eq!(s(&due_soon, &part), GoalStatus::Behind);
    let overdue = Goal {
        due: Some(jiff::civil::date(2027, 1, 1)),
        ..goal.clone()
    };
    assert_eq!(s(&overdue, &part), GoalStatus::Overdue);
    let done = Goal {
        done_at: Some(at("2027-01-11T00:00:00Z")),
        ..goal.clone()
    };
    assert_eq!(s(&done, &part), GoalStatus::Done);
    assert_eq!(status(&goal, None, today()), GoalStatus::NoResultSince);
    let thin = history_point(&bank, Form::Quick, later, 2, Pole::Engineer);
    assert_eq!(s(&goal, &thin), GoalStatus::TooFewAnswers);
    // From a middling start toward the engineer end: a fall to the developer end is beyond
    // both margins; the same answers again are no clear change.
    let middling = leaning_at(&bank, "2026-10-01T09:00:00Z", Pole::Engineer, 4);
    let goal = goal_from(&bank, &middling, 100.0, "2026-10-02T09:00:00Z");
    let down = leaning_at(&bank, later, Pole::Developer, 0);
    assert_eq!(s(&goal, &down), GoalStatus::MovingAway);
    assert_eq!(s(&goal, &part), GoalStatus::NoClearChange);
    // Without the baseline's margin a move away cannot be told from noise.
    let unknown = Goal {
        baseline_margin: None,
        ..goal.clone()
    };
    assert_eq!(s(&unknown, &down), GoalStatus::NoClearChange);
    // A lens goal counts the answers on that lens only.
    let lens = Goal {
        lens: Some(Lens::Practice),
        ..goal.clone()
    };
    let r = reading(&bank, &lens, &thin);
    assert!(r.answered <= 2, "{r:?}");
}

#[test]
fn a_timeline_names_each_move_and_a_retake_that_asked_nothing() {
    let bank = default_bank();
    let base = history_point(
        &bank,
        Form::Full,
        "2026-10-01T09:00:00Z",
        8,
        Pole::Developer,
    );
    let goal = Goal {
        due: Some(jiff::civil::date(2027, 3, 1)),
        ..goal_from(&bank, &base, 0.0, "2026-10-02T09:00:00Z")
    };
    let quick = history_point(
        &bank,
        Form::Quick,
        "2026-11-01T09:00:00Z",
        0,
        Pole::Engineer,
    );
    let full = history_point(&bank, Form::Full, "2026-12-01T09:00:00Z", 8, Pole::Engineer);
    let results = vec![full.clone(), quick.clone(), base.clone()];
    let t = timeline(&bank, &goal, &results, today());
    assert_eq!(t.timeline.len(), 3);
    assert!(t.timeline[0].baseline);
    assert!(t.timeline[1].asked_none);
    let last = &t.timeline[2];
    assert!(!last.top_answers.is_empty() && last.top_answers.len() <= 3);
    assert_eq!(t.progress.scale_questions, 8);
    let text = rolefit::report::timeline_text(&t);
    assert!(
        text.contains("this retake did not ask about Skills you reach for: take the full form, which asks all 8 of its questions, or answer just those 8 questions: `rolefit take --goal 1`"),
        "{text}"
    );
    assert!(text.contains("── due 2027-03-01 ──") && text.contains("── today 2027-01-20 ──"));
    let json: serde_json::Value =
        serde_json::from_str(&rolefit::report::timeline_json(&t)).unwrap();
    let points = json["timeline"].as_array().unwrap();
    for key in ["result", "taken_at", "form", "score", "margin", "answered"] {
        assert!(points[0].get(key).is_some(), "{key} in {}", points[0]);
    }
    assert_eq!(points[1]["answered"], 0);
    let md = rolefit::report::timeline_markdown(&t);
    assert!(md.contains("| 2027-03-01 | | | due | |"), "{md}");
    let html = rolefit::report::timeline_html(&t);
    assert!(html.contains("<svg") && html.contains("target 0") && html.contains("due 2027-03-01"));
}

fn write_goals(dir: &std::path::Path, text: &str) {
    std::fs::write(dir.join("goals.toml"), text).unwrap();
}

const GOAL: &str = "dimension = \"scope\"\ntarget = 40.0\nbaseline = \"b\"\nbaseline_score = -10.0\ncreated_at = \"2026-01-01T00:00:00Z\"\n";

#[test]
fn duplicate_goal_ids_are_refused_with_both_lines_and_nothing_is_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "schema = 1\n\n[[goals]]\nid = 1\n{GOAL}mood = \"a\"\n\n[[goals]]\nid = 1\n{GOAL}# mine\nmood = \"b\"\n"
    );
    write_goals(dir.path(), &text);
    for args in [&["goals", "list"][..], &["goals", "done", "1"]] {
        let out = cli(dir.path()).args(args).output().unwrap();
        common::assert_exit(&out, 2);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("two goals have id 1, on lines 3 and 12"),
            "{err}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("goals.toml")).unwrap(),
        text
    );
}

#[test]
fn one_bad_goal_is_named_and_the_others_still_list_and_remove() {
    let dir = tempfile::tempdir().unwrap();
    write_goals(
        dir.path(),
        &format!(
            "schema = 1\nlast_id = 3\n\n[[goals]]\nid = 1\n{GOAL}\n[[goals]]\nid = 2\ndimension = \"scope\"\ntarget = 40.0\nbaseline = \"b\"\nbaseline_score = 250.0\ncreated_at = \"2026-01-01T00:00:00Z\"\n\n[[goals]]\nid = 3\n{GOAL}"
        ),
    );
    let out = cli(dir.path()).args(["goals", "list"]).output().unwrap();
    common::assert_exit(&out, 0);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("#1 ") && text.contains("#3 "), "{text}");
    assert!(
        // The line of the bad key, not of the goal's `[[goals]]`.
        text.contains("Cannot read goal #2 (line 17): `baseline_score` is 250"),
        "{text}"
    );
    common::assert_exit(
        &cli(dir.path())
            .args(["goals", "remove", "3"])
            .output()
            .unwrap(),
        0,
    );
    let kept = std::fs::read_to_string(dir.path().join("goals.toml")).unwrap();
    assert!(kept.contains("baseline_score = 250.0"), "{kept}");
    assert!(!kept.contains("\nid = 3"), "{kept}");
    let out = cli(dir.path())
        .args(["goals", "done", "2"])
        .output()
        .unwrap();
    common::assert_exit(&out, 2);
    common::assert_exit(
        &cli(dir.path())
            .args(["goals", "remove", "2"])
            .output()
            .unwrap(),
        0,
    );
    let out = cli(dir.path()).args(["goals", "list"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("#1 ") && !text.contains("Cannot read"),
        "{text}"
    );
}

#[test]
fn a_goal_is_never_written_from_a_score_outside_the_scale() {
    let dir = tempfile::tempdir().unwrap();
    let bank = default_bank();
    let store = Store::open(dir.path()).unwrap();
    let mut r = history_point(&bank, Form::Full, "2026-10-01T09:00:00Z", 8, Pole::Engineer);
    r.bank.name = "colleague bank".into();
    r.scores.dimensions.get_mut("scope").unwrap().combined = Some(250.0);
    store.save_result(&r).unwrap();
    let out = cli(dir.path())
        .args([
            "goals",
            "add",
            "--dimension",
            "scope",
            "--target",
            "40",
            "--baseline",
            &r.id,
        ])
        .output()
        .unwrap();
    common::assert_exit(&out, 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("outside the scale"));
    assert!(!dir.path().join("goals.toml").exists());
}

#[test]
fn the_command_line_says_when_a_newer_result_exists_and_dates_by_rolefit_now() {
    let dir = tempfile::tempdir().unwrap();
    let bank = default_bank();
    let store = Store::open(dir.path()).unwrap();
    let old = history_point(
        &bank,
        Form::Full,
        "2026-10-01T09:00:00Z",
        8,
        Pole::Developer,
    );
    let new = history_point(
        &bank,
        Form::Full,
        "2026-11-01T09:00:00Z",
        8,
        Pole::Developer,
    );
    store.save_result(&old).unwrap();
    store.save_result(&new).unwrap();
    let out = cli(dir.path())
        .env("ROLEFIT_NOW", "2026-12-01T10:00:00Z")
        .args([
            "goals",
            "add",
            "--dimension",
            "skills",
            "--target",
            "0",
            "--baseline",
            &old.id,
        ])
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "a newer result exists, from 2026-11-01 09:00 ({})",
            new.id
        )),
        "{err}"
    );
    let goals = std::fs::read_to_string(dir.path().join("goals.toml")).unwrap();
    assert!(
        goals.contains("created_at = \"2026-12-01T10:00:00Z\""),
        "{goals}"
    );
    assert!(goals.contains("baseline_margin"), "{goals}");
    let out = cli(dir.path())
        .env("ROLEFIT_NOW", "2026-12-05T10:00:00Z")
        .args(["goals", "list"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("no result since this goal was set"), "{text}");
    let out = cli(dir.path())
        .env("ROLEFIT_NOW", "2026-12-05T10:00:00Z")
        .args(["goals", "show", "1", "--format", "json"])
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["status"], "no-result-since");
    assert_eq!(json["timeline"].as_array().unwrap().len(), 2);
    let out = cli(dir.path())
        .env("ROLEFIT_NOW", "yesterday")
        .args(["goals", "list"])
        .output()
        .unwrap();
    common::assert_exit(&out, 2);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("$ROLEFIT_NOW is wrong: “yesterday”"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
