//! The adaptive form on screen and on the command line: its progress line, the review when it
//! is not settled yet, a provisional result, plain mode and `score --adaptive`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use assert_cmd::Command;
use common::tui::{app, drive, render};
use rolefit::answers::{Answer, Answers};
use rolefit::bank::{Form, Kind, Pole};
use rolefit::store::Store;
use rolefit::tui::action::Action::*;
use rolefit::tui::app::Screen;
use rolefit::tui::{App, Start};

fn snap(name: &str, app: &App, sizes: &[(u16, u16)]) {
    for (w, h) in sizes {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(app, *w, *h).backend());
    }
}

/// An adaptive assessment with `answers` given as `Pick`s. A scenario with fewer options than
/// the pick gets its last one, so every pick answers whatever question it meets.
fn taking(dir: &std::path::Path, picks: &[u8]) -> App {
    let mut a = app(dir, Start::Take(Form::Adaptive));
    a.update(Confirm);
    a.update(Confirm); // About you
    for p in picks {
        let s = a.session.as_ref().unwrap().assessment();
        let q = s.current(&a.bank).unwrap();
        let n = match &q.kind {
            Kind::Choice { options, .. } => options.len(),
            _ => 5,
        };
        drive(&mut a, &[Pick((*p).min(n as u8))]);
    }
    a
}

#[test]
fn the_adaptive_progress_line_says_about_how_many_more() {
    let dir = tempfile::tempdir().unwrap();
    let first = taking(dir.path(), &[]);
    snap("adaptive_first_question", &first, &[(80, 24)]);
    let dir = tempfile::tempdir().unwrap();
    // Answers on both sides of the middle (a 3-option scenario takes its last for a 4): the
    // prediction is unsure, so more are needed.
    let a = taking(dir.path(), &[4, 2, 1, 4, 2, 4, 1, 3, 4, 2, 4, 1, 2, 4]);
    assert!(
        matches!(a.screen, Screen::Question { .. }),
        "{:?}",
        a.screen
    );
    let asked = a.session.as_ref().unwrap().assessment();
    assert_eq!(asked.progress().answered, 14);
    snap("adaptive_progress", &a, &[(80, 24), (120, 40)]);
}

#[test]
fn a_settled_form_goes_to_the_review_and_saves_an_adaptive_result() {
    let dir = tempfile::tempdir().unwrap();
    // The engineer end on every kind of question: settled after the minimum.
    let mut a = app(dir.path(), Start::Take(Form::Adaptive));
    a.update(Confirm);
    a.update(Confirm); // About you
    for _ in 0..12 {
        let s = a.session.as_ref().unwrap().assessment();
        let q = s.current(&a.bank).unwrap().clone();
        a.answer(common::extreme(&q, Pole::Engineer));
    }
    assert!(matches!(a.screen, Screen::Review { .. }), "{:?}", a.screen);
    snap("adaptive_review_settled", &a, &[(80, 24)]);
    drive(&mut a, &[Finish]);
    let Screen::Result(d) = &a.screen else {
        panic!("{:?}", a.screen)
    };
    assert_eq!(d.result().form, Form::Adaptive);
    assert_eq!(d.result().order.len(), 12);
    assert!(d.summary.provisional.is_none());
    // The page says what it is: how many questions, why it stopped, what the dimensions rest on.
    let text = rolefit::report::result_text(&d.summary);
    assert!(text.contains("adaptive form, 12 questions"), "{text}");
    assert!(!text.contains("12 of 12"), "{text}");
    let check = rolefit::adaptive::Check::new(&a.bank, &d.result().answers, &d.result().order);
    let said = format!(
        "the full form would very likely place you here too: {}",
        rolefit::report::percent(check.likely.unwrap())
    );
    assert!(text.contains(&said), "{said} / {text}");
    assert!(text.contains("rests on 2 of those answers"), "{text}");
    insta::assert_snapshot!("adaptive_result_text", text);
    snap("adaptive_result", &a, &[(100, 30), (60, 16)]);
}

#[test]
fn finishing_early_from_the_review_gives_a_provisional_result() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = taking(dir.path(), &[4, 2, 1, 4, 2, 4, 1, 3, 4, 2]);
    drive(&mut a, &[Review]);
    snap("adaptive_review_unsettled", &a, &[(80, 24)]);
    // ← goes on: the question on screen is the next one to answer.
    drive(&mut a, &[Back]);
    assert!(matches!(a.screen, Screen::Question { .. }));
    drive(&mut a, &[Review, Finish]);
    // The question on screen was never answered: finishing asks first.
    assert!(a.dialog().is_some());
    drive(&mut a, &[Confirm]);
    let Screen::Result(d) = &a.screen else {
        panic!("{:?}", a.screen)
    };
    let note = d.summary.provisional.clone().unwrap();
    assert!(
        note.starts_with("Provisional: finished after 10 answers"),
        "{note}"
    );
    snap("adaptive_provisional_result", &a, &[(100, 30), (80, 24)]);
    insta::assert_snapshot!(
        "adaptive_provisional_result_text",
        rolefit::report::result_text(&d.summary)
    );
}

/// Save and quit leaves one line for the shell; an adaptive form has no total to count against
/// (the question on screen is not one of a fixed number).
#[test]
fn save_and_quit_counts_the_answers_without_a_total() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = taking(dir.path(), &[4, 2]);
    drive(&mut a, &[Quit, Confirm]);
    assert!(a.leaving());
    let line = a.farewell().unwrap().to_owned();
    assert!(line.starts_with("Saved 2 answers in "), "{line}");
    let dir = tempfile::tempdir().unwrap();
    let mut a = taking(dir.path(), &[4]);
    drive(&mut a, &[Interrupt]);
    let line = a.farewell().unwrap().to_owned();
    assert!(line.starts_with("Saved 1 answer in "), "{line}");
}

#[test]
fn skipping_the_last_question_asks_another() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = taking(dir.path(), &[4, 2]);
    drive(&mut a, &[Skip]);
    let s = a.session.as_ref().unwrap().assessment();
    assert_eq!((s.len(), s.position(), s.progress().skipped), (4, 3, 1));
    assert!(matches!(a.screen, Screen::Question { .. }));
    // Going back and forward again does not add questions.
    drive(&mut a, &[Back, Back, Forward, Forward]);
    assert_eq!(a.session.as_ref().unwrap().assessment().len(), 4);
}

fn rolefit(data: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("rolefit").unwrap();
    c.env("ROLEFIT_DATA_DIR", data)
        .env("HOME", data.join("no-home"))
        .env_remove("NO_COLOR");
    c
}

#[test]
fn plain_mode_takes_the_adaptive_form_and_may_finish_early() {
    let data = tempfile::tempdir().unwrap();
    let out = rolefit(data.path())
        .args(["take", "--plain", "--adaptive"])
        // About you first (Enter: prefer not to say); then 1 and 2 answer every kind of
        // question, whichever the drawn order asks first.
        .write_stdin("\n1\n2\n1\ns\n2\nf\n")
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("[1 · at least 12 more]"), "{stdout}");
    assert!(stdout.contains("f finish now"), "{stdout}");
    assert!(
        stdout.contains("Provisional: finished after 4 answers"),
        "{stdout}"
    );
    let store = Store::open(data.path()).unwrap();
    let result = store.find_result("latest").unwrap();
    assert_eq!(result.form, Form::Adaptive);
    // Four answered, one skipped, and the sixth on screen when f was typed: skipped too.
    assert_eq!((result.scores.answered, result.scores.skipped), (4, 2));
    assert_eq!(result.order.len(), 6);
}

/// Answers around `position` (-1 developer .. +1 engineer) with some noise, every question.
fn person_at(bank: &rolefit::bank::Bank, position: f64, seed: u64) -> Answers {
    let mut rng = fastrand::Rng::with_seed(seed);
    bank.questions
        .iter()
        .map(|q| {
            let s = (position + (rng.f64() - 0.5) * 0.8).clamp(-1.0, 1.0);
            let best = (0..rolefit::answers::option_count(q))
                .filter_map(|i| rolefit::answers::answer_at(q, i))
                .min_by(|a, b| {
                    let d = |x: &Answer| {
                        (rolefit::scoring::signed_value(q, x).unwrap_or(0.0) - s).abs()
                    };
                    d(a).total_cmp(&d(b))
                })
                .unwrap();
            (q.id.clone(), best)
        })
        .collect()
}

#[test]
fn plain_mode_answers_until_the_form_is_settled() {
    let data = tempfile::tempdir().unwrap();
    // Leaning developer with noise, so scenarios come up too: each typed as it is shown (a
    // scenario's letter, in the option order the seed draws), as far as the form asks.
    let bank = common::default_bank();
    let all = person_at(&bank, -0.45, 17);
    let r = rolefit::adaptive::replay(&bank, &all, Some(7)).unwrap();
    let shown_by = rolefit::session::Session::start(
        &bank,
        Form::Adaptive,
        Some(7),
        String::new(),
        common::tui::fixed_now(),
    )
    .unwrap();
    let mut scenarios = 0;
    let input: String = r
        .asked
        .iter()
        .map(|id| {
            let q = bank.question(id).unwrap();
            let shown = shown_by.assessment().shown(q);
            let i = shown.index(&all[id]).unwrap();
            if shown.is_choice() {
                scenarios += 1;
            }
            format!("{}\n", shown.key(i))
        })
        .collect();
    assert!(scenarios > 0, "{:?}", r.asked);
    let out = rolefit(data.path())
        .args(["take", "--plain", "--adaptive", "--seed", "7"])
        // An empty line first: About you, said nothing.
        .write_stdin(format!("\n{input}"))
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains("Provisional"), "{stdout}");
    let result = Store::open(data.path())
        .unwrap()
        .find_result("latest")
        .unwrap();
    assert_eq!(result.order, r.asked);
    assert_eq!(result.scores, r.adaptive);
}

#[test]
fn score_adaptive_replays_a_file_the_same_way_twice() {
    let data = tempfile::tempdir().unwrap();
    // On the border between hybrid and engineer-leaning: the form asks most of the bank.
    let golden = "tests/fixtures/answers/adaptive/near-plus-20.toml";
    let run = |format: &str| {
        let out = rolefit(data.path())
            .args([
                "score",
                "--answers",
                golden,
                "--adaptive",
                "--format",
                format,
            ])
            .output()
            .unwrap();
        common::assert_exit(&out, 0);
        String::from_utf8(out.stdout).unwrap()
    };
    let (text, again) = (run("text"), run("text"));
    assert_eq!(text, again);
    assert!(
        text.starts_with("Adaptive form: asked ")
            && text.contains(
                " of 51 questions, and stopped because the full form would very likely give the same placement."
            ),
        "{text}"
    );
    assert!(text.contains("Same archetype: yes."), "{text}");
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let asked = json["asked"].as_array().unwrap().len();
    assert!(asked > 12 && asked < 51, "{asked}");
    assert_eq!(json["stop"], "predicted");
    assert_eq!(json["same_archetype"], true);

    for args in [
        vec!["take", "--adaptive", "--quick"],
        vec!["score", "--answers", "x.toml", "--seed", "1"],
        vec!["score", "--answers", "x.toml", "--adaptive", "--save"],
    ] {
        let out = rolefit(data.path()).args(&args).output().unwrap();
        common::assert_exit(&out, 2);
    }
}

/// The real binary in a terminal: the adaptive form asks, settles and saves.
#[cfg(unix)]
#[test]
fn the_binary_takes_the_adaptive_form_in_a_terminal() {
    let data = tempfile::tempdir().unwrap();
    let bank = common::default_bank();
    let all = common::all_at(&bank, Pole::Engineer);
    let asked = rolefit::adaptive::replay(&bank, &all, Some(1))
        .unwrap()
        .asked;
    let mut pty = common::pty::Pty::rolefit("take --adaptive --seed 1", data.path(), &[]);
    pty.begin();
    for (i, id) in asked.iter().enumerate() {
        pty.wait_for(&format!("Question {}", i + 1));
        if i == 0 {
            pty.wait_for("0 answered · at least 12 more");
        }
        let q = bank.question(id).unwrap();
        let key = rolefit::answers::option_index(q, &all[id]).unwrap() + 1;
        pty.send(&key.to_string());
    }
    pty.wait_for("your result is clear");
    pty.send("f");
    pty.wait_for("SYSTEMS ENGINEER");
    pty.send("q");
    pty.send("q");
    assert_eq!(pty.finish(), 0);
    pty.assert_terminal_restored();
    let result = Store::open(data.path())
        .unwrap()
        .find_result("latest")
        .unwrap();
    assert_eq!((result.form, result.order), (Form::Adaptive, asked));
}
