//! A goal a retake missed, measured by its goal form: the goal's status, its timeline and its
//! note, the other goals untouched; and the one rule for a move (reached agrees with the
//! timeline's noise test).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{default_bank, extreme};
use rolefit::answers::Answers;
use rolefit::bank::{Bank, Focus, Form, Pole};
use rolefit::goals::{GoalStatus, evaluate, reading, timeline};
use rolefit::report::AskWith;
use rolefit::session::Session;
use rolefit::store::{Goal, ResultFile};

fn at(when: &str) -> jiff::Timestamp {
    when.parse().unwrap()
}

fn today() -> jiff::civil::Date {
    jiff::civil::date(2027, 1, 20)
}

/// A result of `form` answering the questions `pick` says, each at the pole it gives.
fn taken(
    bank: &Bank,
    form: Form,
    when: &str,
    pick: impl Fn(&rolefit::bank::Question) -> Option<Pole>,
) -> ResultFile {
    let answers: Answers = bank
        .questions
        .iter()
        .filter_map(|q| Some((q.id.clone(), extreme(q, pick(q)?))))
        .collect();
    let order: Vec<String> = answers.keys().cloned().collect();
    let scores = rolefit::scoring::score_taken(bank, form, &order, &answers);
    let t = at(when);
    ResultFile::new(
        format!("{}-test", t.strftime("%Y%m%dT%H%M%SZ")),
        t,
        String::new(),
        bank,
        form,
        order,
        answers,
        scores,
    )
}

/// A goal form on `focus` taken at `when`, every answer at `pole`, as the session saves it.
fn goal_form(bank: &Bank, focus: Focus, when: &str, pole: Pole) -> ResultFile {
    let mut s = Session::start_goal(bank, focus, None, String::new(), at(when)).unwrap();
    loop {
        let q = s.assessment().current(bank).unwrap().clone();
        s.assessment_mut().answer(bank, extreme(&q, pole)).unwrap();
        if !s.assessment_mut().forward() {
            break;
        }
    }
    let mut r = s.result(bank, at(when), &mut fastrand::Rng::with_seed(1));
    r.id = format!("{}-goal", at(when).strftime("%Y%m%dT%H%M%SZ"));
    r
}

fn opposite(p: Pole) -> Pole {
    match p {
        Pole::Engineer => Pole::Developer,
        Pole::Developer => Pole::Engineer,
    }
}

fn goal(bank: &Bank, id: u32, dimension: &str, base: &ResultFile, target: f64) -> Goal {
    let mut g = Goal {
        id,
        dimension: dimension.into(),
        lens: None,
        target,
        baseline: base.id.clone(),
        baseline_score: 0.0,
        baseline_margin: None,
        note: String::new(),
        due: None,
        created_at: at("2026-09-02T09:00:00Z"),
        done_at: None,
    };
    let r = reading(bank, &g, base);
    (g.baseline_score, g.baseline_margin) = (r.score.unwrap(), r.margin);
    g
}

#[test]
fn a_goal_form_measures_the_goal_a_quick_retake_missed_and_no_other() {
    let bank = default_bank();
    let base = taken(&bank, Form::Full, "2026-09-01T09:00:00Z", |_| {
        Some(Pole::Developer)
    });
    let skills = goal(&bank, 1, "skills", &base, 20.0);
    let scope = goal(&bank, 2, "scope", &base, 20.0);
    // A quick retake that asked nothing about Skills.
    let quick = taken(&bank, Form::Quick, "2026-10-01T09:00:00Z", |q| {
        (q.quick && q.dimension != "skills").then_some(Pole::Engineer)
    });
    let before = [&quick, &base];
    assert_eq!(
        evaluate(&skills, &bank, &before, today()).status,
        GoalStatus::TooFewAnswers
    );
    let t = timeline(&bank, &skills, &[quick.clone(), base.clone()], today());
    assert!(t.timeline[1].asked_none);
    let said = |ask| rolefit::report::timeline_lines(&t, 41, ask).join("\n");
    assert!(
        said(AskWith::Key).contains("or answer just those 8 questions: press g"),
        "{}",
        said(AskWith::Key)
    );
    assert!(
        said(AskWith::Command)
            .contains("or answer just those 8 questions: `rolefit take --goal 1`")
    );
    assert!(rolefit::report::timeline_markdown(&t).contains("rolefit take --goal 1"));

    // Its goal form, every answer at the engineer end: far beyond both margins, past +20.
    let asked = goal_form(
        &bank,
        skills.focus(),
        "2026-10-05T09:00:00Z",
        Pole::Engineer,
    );
    let after = [&asked, &quick, &base];
    let p = evaluate(&skills, &bank, &after, today());
    assert_eq!(p.status, GoalStatus::Reached);
    assert_eq!(p.latest.as_deref(), Some(asked.id.as_str()));
    assert_eq!(p.latest_reading.as_ref().unwrap().answered, 8);
    let results = vec![asked.clone(), quick.clone(), base.clone()];
    let t = timeline(&bank, &skills, &results, today());
    let last = t.timeline.last().unwrap();
    assert_eq!(
        (last.reading.form, last.moved.unwrap().real_change),
        (Form::Goal, Some(true))
    );
    assert!(rolefit::report::timeline_text(&t).contains("goal form"));
    // Another goal is judged as before: a goal form on Skills says nothing about Scope.
    let scope_before = evaluate(&scope, &bank, &before, today());
    assert_eq!(evaluate(&scope, &bank, &after, today()), scope_before);
    assert!(
        timeline(&bank, &scope, &results, today())
            .timeline
            .iter()
            .all(|p| p.reading.result != asked.id)
    );
    // Compare names no verdict for Scope from it.
    let c = rolefit::compare::compare(
        &bank,
        &quick,
        &asked,
        &[skills.clone(), scope.clone()],
        today(),
    );
    let lines: Vec<u32> = c
        .dimensions
        .iter()
        .flat_map(|d| d.goals.iter().map(|g| g.id))
        .collect();
    assert_eq!(lines, vec![1]);
    let text = rolefit::report::compare_text(&c, &rolefit::assets::Texts::load(), false);
    assert!(
        text.contains("A goal form asks the questions of one scale only"),
        "{text}"
    );
    assert!(text.contains("Archetype: not compared"), "{text}");
    assert!(!text.contains("not placed"), "{text}");
}

#[test]
fn reached_and_the_timeline_use_one_noise_test() {
    // Past the target by a move within the margins: not reached, and the timeline says noise.
    let bank = default_bank();
    let base = taken(&bank, Form::Full, "2026-09-01T09:00:00Z", |q| {
        Some(if q.id.len() % 2 == 0 {
            Pole::Developer
        } else {
            Pole::Engineer
        })
    });
    let start = reading(&bank, &goal(&bank, 1, "skills", &base, 0.0), &base);
    let mut near = None;
    // A goal form one answer away from the baseline's answers on Skills.
    for flip in bank.questions.iter().filter(|q| q.dimension == "skills") {
        let r = taken(&bank, Form::Full, "2026-10-01T09:00:00Z", |q| {
            let p = if q.id.len() % 2 == 0 {
                Pole::Developer
            } else {
                Pole::Engineer
            };
            Some(if q.id == flip.id { opposite(p) } else { p })
        });
        let now = reading(&bank, &goal(&bank, 1, "skills", &base, 0.0), &r);
        if now.score != start.score {
            near = Some((r, now));
            break;
        }
    }
    let (retake, now) = near.unwrap();
    let (s0, s1) = (start.score.unwrap(), now.score.unwrap());
    // The target sits between the two scores: the retake is past it.
    let g = goal(&bank, 1, "skills", &base, (s0 + s1) / 2.0);
    let p = evaluate(&g, &bank, &[&retake, &base], today());
    let t = timeline(&bank, &g, &[retake.clone(), base.clone()], today());
    let moved = t.timeline[1].moved.unwrap();
    assert_eq!(moved.real_change, Some(false), "one answer is within noise");
    assert_eq!(p.status, GoalStatus::NoClearChange);
    // Past the target, yet within noise: no "100% of the way" beside "no clear change yet".
    assert_eq!(p.progress_pct, None);
    let c = rolefit::compare::compare(&bank, &base, &retake, std::slice::from_ref(&g), today());
    let line = c.dimensions.iter().flat_map(|d| &d.goals).next().unwrap();
    assert_eq!(
        (line.status, line.after_pct),
        (GoalStatus::NoClearChange, None)
    );
    assert!(rolefit::report::timeline_text(&t).contains("within noise"));
    // Beyond the margins, the same data is reached.
    let far = taken(&bank, Form::Full, "2026-10-01T09:00:00Z", |q| {
        Some(if q.dimension == "skills" {
            if s1 > s0 {
                Pole::Engineer
            } else {
                Pole::Developer
            }
        } else {
            Pole::Developer
        })
    });
    let p = evaluate(&g, &bank, &[&far, &base], today());
    let t = timeline(&bank, &g, &[far.clone(), base.clone()], today());
    assert_eq!(t.timeline[1].moved.unwrap().real_change, Some(true));
    assert_eq!(p.status, GoalStatus::Reached);
}
