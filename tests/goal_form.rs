//! The goal form: exactly the questions on a goal's scale, resumed and checked like the other
//! forms, saved as a result that covers that scale only (and that an older rolefit refuses as
//! newer, never misreads).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use rolefit::bank::{Focus, Form, Lens, Pole};
use rolefit::engine::{Assessment, EngineError};
use rolefit::session::Session;
use rolefit::store::Store;

fn answer_all(bank: &rolefit::bank::Bank, a: &mut Assessment) {
    loop {
        let q = a.current(bank).unwrap().clone();
        a.answer(bank, common::extreme(&q, Pole::Engineer)).unwrap();
        if !a.forward() {
            break;
        }
    }
}

fn on_scale(bank: &rolefit::bank::Bank, dimension: &str, lens: Option<Lens>) -> Vec<String> {
    bank.questions
        .iter()
        .filter(|q| q.dimension == dimension && lens.is_none_or(|l| q.lens == l))
        .map(|q| q.id.clone())
        .collect()
}

#[test]
fn asks_exactly_the_questions_on_the_goals_scale() {
    let bank = common::default_bank();
    for (dimension, lens) in [
        ("skills", None),
        ("skills", Some(Lens::Preference)),
        ("scope", Some(Lens::Practice)),
    ] {
        let a = Assessment::for_goal(&bank, Focus::new(dimension, lens), None).unwrap();
        let want = on_scale(&bank, dimension, lens);
        assert!(!want.is_empty());
        assert_eq!(a.order(), want.as_slice(), "{dimension} {lens:?}");
        assert_eq!(a.form, Form::Goal);
        a.check(&bank).unwrap();
        // Shuffled, the same questions.
        let mut shuffled = Assessment::for_goal(&bank, Focus::new(dimension, lens), Some(7))
            .unwrap()
            .order()
            .to_vec();
        shuffled.sort();
        let mut sorted = want.clone();
        sorted.sort();
        assert_eq!(shuffled, sorted);
    }
    assert!(matches!(
        Assessment::for_goal(&bank, Focus::new("nowhere", None), None),
        Err(EngineError::EmptyFocus { .. })
    ));
}

#[test]
fn resumes_from_its_progress_file_and_refuses_a_tampered_one() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let bank = common::default_bank();
    let now = jiff::Timestamp::from_second(1_800_000_000).unwrap();
    let mut s =
        Session::start_goal(&bank, Focus::new("skills", None), Some(3), "g".into(), now).unwrap();
    let q = s.assessment().current(&bank).unwrap().clone();
    s.assessment_mut()
        .answer(&bank, common::extreme(&q, Pole::Developer))
        .unwrap();
    s.assessment_mut().forward();
    s.autosave(&store).unwrap();
    let text = std::fs::read_to_string(store.in_progress_path()).unwrap();
    assert!(text.contains("schema = 2"), "{text}");
    let back = store.load_in_progress().unwrap().unwrap();
    let resumed = Session::resume(back, &bank).unwrap();
    assert_eq!(resumed.assessment(), s.assessment());
    assert_eq!(resumed.assessment().progress().answered, 1);

    let resume = |text: String| {
        std::fs::write(store.in_progress_path(), text).unwrap();
        let p = store.load_in_progress().unwrap().unwrap();
        Session::resume(p, &bank)
    };
    // A question from another scale slipped into its order.
    let other = on_scale(&bank, "scope", None)[0].clone();
    let first = s.assessment().order()[1].clone();
    let err = resume(text.replacen(&format!("\"{first}\""), &format!("\"{other}\""), 1))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(&format!("`{other}` is not part of the goal form on Skills")),
        "{err}"
    );
    // Its scale changed under it: now the questions no longer match.
    let err = resume(text.replace("dimension = \"skills\"", "dimension = \"scope\""))
        .unwrap_err()
        .to_string();
    assert!(err.contains("not part of the goal form on Scope"), "{err}");
    // A question of its scale dropped: it would be saved as never asked.
    let dropped = text.replacen(&format!("\"{first}\", "), "", 1);
    assert_ne!(dropped, text);
    let err = resume(dropped).unwrap_err().to_string();
    assert!(err.contains("of the goal form on Skills"), "{err}");
    // A goal form without its scale, and a quick form with one.
    let err = resume(text.replace("[assessment.focus]\ndimension = \"skills\"\n", ""))
        .unwrap_err()
        .to_string();
    assert!(err.contains("does not say which scale"), "{err}");
}

#[test]
fn its_result_round_trips_covers_its_scale_and_claims_nothing_overall() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let bank = common::default_bank();
    let now = jiff::Timestamp::from_second(1_800_000_000).unwrap();
    let focus = Focus::new("skills", Some(Lens::Practice));
    let mut s = Session::start_goal(&bank, focus.clone(), None, String::new(), now).unwrap();
    answer_all(&bank, s.assessment_mut());
    let mut rng = fastrand::Rng::with_seed(1);
    let r = s.finish(&bank, &store, now, &mut rng).unwrap();
    assert!(store.load_in_progress().unwrap().is_none());
    let text = std::fs::read_to_string(store.result_path(&r.id)).unwrap();
    assert!(text.starts_with("schema = 2\n"), "{text}");
    assert!(text.contains("form = \"goal\""), "{text}");
    let back = Store::load_result_file(&store.result_path(&r.id)).unwrap();
    assert_eq!(back, r);
    assert_eq!(back.focus, Some(focus.clone()));
    let s = &back.scores;
    let n = on_scale(&bank, "skills", Some(Lens::Practice)).len();
    assert_eq!((s.answered, s.skipped), (n, 0));
    assert!(n >= 3);
    assert!(s.overall.is_none() && s.archetype.is_none() && s.engineer_pct.is_none());
    assert!(s.preference.is_none() && s.practice.is_none());
    let d = &s.dimensions["skills"];
    assert!(d.practice.is_some() && d.practice_margin.is_some());
    assert!(s.dimensions["scope"].combined.is_none());
    // Rescoring keeps it to its scale.
    let again = back.clone().rescored(&bank);
    assert_eq!(again.scores, back.scores);
    // A file that claims an overall score is read without it.
    let claimed = text.replace("[scores]\n", "[scores]\noverall = 80.0\n");
    let path = dir.path().join("claimed.toml");
    std::fs::write(&path, claimed).unwrap();
    let read = Store::load_result_file(&path).unwrap();
    assert!(read.scores.overall.is_none() && read.scores.archetype.is_none());
    // A goal form that does not say its scale, or another form that names one, is refused.
    let bare = text.replace("[focus]\ndimension = \"skills\"\nlens = \"practice\"\n", "");
    assert_ne!(bare, text);
    std::fs::write(&path, bare).unwrap();
    assert!(Store::load_result_file(&path).is_err());
    std::fs::write(&path, text.replace("form = \"goal\"", "form = \"full\"")).unwrap();
    assert!(Store::load_result_file(&path).is_err());
}

#[test]
fn an_older_rolefit_would_refuse_it_as_newer_not_misread_it() {
    // Schema 1 is what every older rolefit reads; a goal form is never written with it.
    assert_eq!(
        rolefit::store::schema_for(Form::Quick, &Default::default()),
        rolefit::store::SCHEMA
    );
    assert!(rolefit::store::schema_for(Form::Goal, &Default::default()) > rolefit::store::SCHEMA);
    let bank = common::default_bank();
    let a = Assessment::new(&bank, Form::Quick, None).unwrap();
    let table: toml::Table = toml::from_str(&toml::to_string(&a).unwrap()).unwrap();
    assert!(
        !table.contains_key("focus"),
        "only a goal form names a scale"
    );
}

/// `rolefit take --goal ID`, as a person at a terminal would run it (plain mode): a wrong id is
/// one clear line; the right one asks just the goal's questions and saves a result that says
/// what it covers.
#[test]
fn take_goal_end_to_end() {
    let data = tempfile::tempdir().unwrap();
    let run = |now: &str, args: &[&str], input: &str| {
        common::cli(data.path())
            .env("ROLEFIT_NOW", now)
            .args(args)
            .write_stdin(input.to_owned())
            .output()
            .unwrap()
    };
    let text = |out: &std::process::Output| String::from_utf8_lossy(&out.stdout).into_owned();
    let out = run("2026-09-01T10:00:00Z", &["take", "--goal", "1"], "");
    common::assert_exit(&out, 2);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(err.contains("no learning goal #1"), "{err}");
    let full = format!("\n{}", "2\n".repeat(60));
    common::assert_exit(&run("2026-09-01T10:00:00Z", &["take", "--plain"], &full), 0);
    let out = run(
        "2026-09-01T11:00:00Z",
        &["goals", "add", "--dimension", "skills", "--target", "40"],
        "",
    );
    common::assert_exit(&out, 0);
    let out = run(
        "2026-09-02T10:00:00Z",
        &["take", "--goal", "1", "--quick"],
        "",
    );
    common::assert_exit(&out, 2);
    let out = run(
        "2026-10-05T10:00:00Z",
        &["take", "--plain", "--goal", "1"],
        &format!("\n{}", "3\n".repeat(8)),
    );
    common::assert_exit(&out, 0);
    let said = text(&out);
    assert!(said.contains("[1/8] Skills you reach for"), "{said}");
    assert!(!said.contains("[9/"), "{said}");
    assert!(said.contains("places you nowhere overall"), "{said}");
    assert!(!said.contains("another bank"), "{said}");
    let history = text(&run("2026-10-06T10:00:00Z", &["history"], ""));
    let row = history.lines().find(|l| l.contains("2026-10-05")).unwrap();
    assert!(
        row.contains("goal") && row.contains("none: one scale only"),
        "{history}"
    );
    let json: serde_json::Value = serde_json::from_str(&text(&run(
        "2026-10-06T10:00:00Z",
        &["history", "--format", "json"],
        "",
    )))
    .unwrap();
    assert_eq!(json[0]["form"], "goal");
    assert_eq!(json[0]["covers"]["dimension"], "skills");
    assert!(json[0]["overall"].is_null() && json[0]["archetype"].is_null());
    let goals: serde_json::Value = serde_json::from_str(&text(&run(
        "2026-10-06T10:00:00Z",
        &["goals", "list", "--format", "json"],
        "",
    )))
    .unwrap();
    let latest = goals[0]["latest_reading"].clone();
    assert_eq!(
        (latest["form"].as_str(), latest["answered"].as_u64()),
        (Some("goal"), Some(8))
    );
    assert!(
        !latest["margin"].is_null(),
        "8 answers on the scale give a margin"
    );
    let shown = text(&run(
        "2026-10-06T10:00:00Z",
        &["show", "latest", "--format", "text"],
        "",
    ));
    assert!(shown.contains("SKILLS YOU REACH FOR ONLY"), "{shown}");
    assert!(!shown.contains("so 2 more"), "{shown}");
}
