//! The goal form on screen: g on a goal's line and on its timeline (named in the footer and in
//! the "did not ask" note), its intro, and the dashboard of its result, which claims no
//! placement.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::tui::{app, drive, render};
use common::{default_bank, extreme};
use rolefit::answers::Answers;
use rolefit::bank::{Form, Pole};
use rolefit::store::{Goal, ResultFile, Store, StoreError};
use rolefit::tui::Start;
use rolefit::tui::action::Action::*;
use rolefit::tui::app::Screen;

const SIZES: [(u16, u16); 2] = [(80, 24), (100, 30)];

fn text(a: &rolefit::tui::App, w: u16, h: u16) -> String {
    let t = render(a, w, h);
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

/// A full result, a Skills goal set from it, and a quick retake that asked nothing on Skills.
fn missed(dir: &std::path::Path) -> Store {
    let s = Store::open(dir).unwrap();
    let bank = default_bank();
    let save = |form: Form, when: &str, pick: &dyn Fn(&rolefit::bank::Question) -> bool| {
        let answers: Answers = bank
            .questions
            .iter()
            .filter(|q| pick(q))
            .map(|q| (q.id.clone(), extreme(q, Pole::Developer)))
            .collect();
        let order: Vec<String> = answers.keys().cloned().collect();
        let scores = rolefit::scoring::score_taken(&bank, form, &order, &answers);
        let t: jiff::Timestamp = when.parse().unwrap();
        let r = ResultFile::new(
            format!("{}-test", t.strftime("%Y%m%dT%H%M%SZ")),
            t,
            String::new(),
            &bank,
            form,
            order,
            answers,
            scores,
        );
        s.save_result(&r).unwrap();
        r
    };
    let base = save(Form::Full, "2026-09-01T09:00:00Z", &|_| true);
    save(Form::Quick, "2026-10-01T09:00:00Z", &|q| {
        q.quick && q.dimension != "skills"
    });
    let d = &base.scores.dimensions["skills"];
    s.update_goals(|f| {
        f.add(Goal {
            id: 0,
            dimension: "skills".into(),
            lens: None,
            target: 20.0,
            baseline: base.id.clone(),
            baseline_score: d.combined.unwrap(),
            baseline_margin: d.margin,
            note: String::new(),
            due: Some("2027-02-01".parse().unwrap()),
            created_at: "2026-09-02T09:00:00Z".parse().unwrap(),
            done_at: None,
        })?;
        Ok::<(), StoreError>(())
    })
    .unwrap();
    s
}

#[test]
fn g_on_a_goal_offers_just_its_questions() {
    let dir = tempfile::tempdir().unwrap();
    missed(dir.path());
    let mut a = app(dir.path(), Start::Goals);
    for (w, h) in SIZES {
        let t = text(&a, w, h);
        assert!(t.contains("g ask"), "{t}");
    }
    // Its timeline says the retake missed it, and how to answer just its questions.
    a.update(Confirm);
    assert!(matches!(a.screen, Screen::GoalTimeline(_)));
    for (w, h) in SIZES {
        insta::assert_snapshot!(
            format!("goal_form_timeline_{w}x{h}"),
            render(&a, w, h).backend()
        );
    }
    let all = text(&a, 200, 60);
    assert!(
        all.contains("or answer just those 8 questions: press g"),
        "{all}"
    );
    // g starts the goal form: its intro says what it asks and what its result will claim.
    a.update(AskGoal);
    assert!(matches!(
        a.screen,
        Screen::Intro {
            form: Form::Goal,
            ..
        }
    ));
    for (w, h) in SIZES {
        insta::assert_snapshot!(
            format!("goal_form_intro_{w}x{h}"),
            render(&a, w, h).backend()
        );
    }
    // About you, then its questions: 8, all on Skills.
    drive(&mut a, &[Confirm, Confirm]);
    let s = a.session.as_ref().unwrap();
    assert_eq!((s.assessment().form, s.assessment().len()), (Form::Goal, 8));
    let bank = default_bank();
    assert!(
        s.assessment()
            .order()
            .iter()
            .all(|id| bank.question(id).unwrap().dimension == "skills")
    );
}

#[test]
fn the_goal_forms_result_claims_no_placement() {
    let dir = tempfile::tempdir().unwrap();
    let store = missed(dir.path());
    let mut a = app(dir.path(), Start::Goals);
    drive(&mut a, &[AskGoal, Confirm, Confirm]);
    for _ in 0..8 {
        a.update(Pick(1));
    }
    a.update(Finish);
    assert!(matches!(a.screen, Screen::Result(_)), "{:?}", a.notice);
    for (w, h) in SIZES {
        insta::assert_snapshot!(
            format!("goal_form_result_{w}x{h}"),
            render(&a, w, h).backend()
        );
    }
    let t = text(&a, 100, 30);
    assert!(
        t.contains("SKILLS YOU REACH FOR ONLY") && t.contains("places you nowhere overall"),
        "{t}"
    );
    for claim in [
        "Not placed yet",
        "Overview",
        "Hybrid",
        "Every question was skipped",
        "Tab panel",
    ] {
        assert!(!t.contains(claim), "{claim}: {t}");
    }
    // Tab moves nowhere: it is one page.
    a.update(Forward);
    assert_eq!(text(&a, 100, 30), t);
    let latest = store.find_result("latest").unwrap();
    assert_eq!(latest.form, Form::Goal);
    // The goal is now judged on it.
    let goals =
        rolefit::goals::load_progress(&store, &default_bank(), jiff::civil::date(2026, 11, 24))
            .unwrap();
    assert_eq!(goals.goals[0].latest.as_deref(), Some(latest.id.as_str()));
    assert!(goals.goals[0].status.has_evidence());
}

/// The g that the footer and the notes name is the key that asks, on both screens (on the
/// timeline it once meant "to the top").
#[test]
fn g_is_the_ask_key_where_it_is_offered() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use rolefit::tui::keymap::{Context, action, bindings};
    let g = KeyEvent::new(KeyCode::Char('g'), KeyModifiers::NONE);
    for ctx in [Context::Goals, Context::Timeline] {
        assert_eq!(action(ctx, g), Some(AskGoal), "{ctx:?}");
        // Every key a binding lists does what that binding says.
        for b in bindings(ctx) {
            for t in b.triggers {
                if let rolefit::tui::keymap::Trigger::Char(c) = t {
                    let k = KeyEvent::new(KeyCode::Char(*c), KeyModifiers::NONE);
                    assert_eq!(action(ctx, k), Some(b.action), "{ctx:?} {c}");
                }
            }
        }
    }
}
