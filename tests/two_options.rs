//! A scenario answered with two options that fit equally well (issue 22): scored as the mean of
//! the two leans, said with both texts, written as `["c", "d"]` under `schema = 3` (and only
//! then), refused when malformed with the question named, and taken in plain mode and the TUI.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use proptest::prelude::*;
use rolefit::answers::{Answer, Answers, Shown, Two, describe_answer, parse_answers};
use rolefit::bank::{Bank, Form, Kind, Question};
use rolefit::scoring::signed_value;
use rolefit::store::{ResultFile, Store};

fn choices(bank: &Bank) -> Vec<&Question> {
    bank.questions
        .iter()
        .filter(|q| matches!(q.kind, Kind::Choice { .. }))
        .collect()
}

fn keys(q: &Question) -> Vec<char> {
    match &q.kind {
        Kind::Choice { options, .. } => options.iter().map(|o| o.key).collect(),
        _ => Vec::new(),
    }
}

fn two(a: char, b: char) -> Answer {
    Answer::Two(Two::new(a, b).unwrap())
}

proptest! {
    #[test]
    fn two_options_score_the_mean_of_their_leans_in_either_order(
        qi in 0usize..64, i in 0usize..8, j in 0usize..8,
    ) {
        let bank = common::default_bank();
        let qs = choices(&bank);
        let q = qs[qi % qs.len()];
        let k = keys(q);
        let (a, b) = (k[i % k.len()], k[j % k.len()]);
        prop_assume!(a != b);
        let va = signed_value(q, &Answer::Option(a)).unwrap();
        let vb = signed_value(q, &Answer::Option(b)).unwrap();
        let v = signed_value(q, &two(a, b)).unwrap();
        prop_assert_eq!(v, signed_value(q, &two(b, a)).unwrap());
        prop_assert!((v - (va + vb) / 2.0).abs() < 1e-12);
        prop_assert!(va.min(vb) <= v && v <= va.max(vb));
    }
}

#[test]
fn two_options_are_said_with_both_texts_quoted() {
    let bank = common::default_bank();
    let q = choices(&bank)[0];
    let Kind::Choice { options, .. } = &q.kind else {
        unreachable!()
    };
    let (a, b) = (&options[0], &options[1]);
    let said = describe_answer(q, &two(b.key, a.key));
    assert_eq!(said, format!("“{}” and “{}”", a.text, b.text));
    // As shown: the letters and texts in the order on screen, whatever the bank's order.
    let shown = Shown::new(q, (0..options.len()).rev().collect());
    let n = options.len();
    let letter = |i: usize| shown.key(i);
    assert_eq!(
        shown.describe(&two(a.key, b.key)),
        format!(
            "{} + {} · “{}” and “{}”",
            letter(n - 2),
            letter(n - 1),
            b.text,
            a.text
        )
    );
    assert_eq!(shown.indices(&two(a.key, b.key)), vec![n - 2, n - 1]);
}

fn answers_file(line: &str) -> String {
    format!("[answers]\n{line}\n")
}

#[test]
fn a_malformed_pair_of_options_is_refused_naming_the_question() {
    let bank = common::default_bank();
    let q = choices(&bank)[0];
    let k = keys(q);
    let id = &q.id;
    for (value, says) in [
        (format!("[\"{0}\", \"{0}\"]", k[0]), "given twice"),
        (
            format!("[\"{}\", \"{}\", \"{}\"]", k[0], k[1], k[2]),
            "not 3",
        ),
        (
            format!("[\"{}\", \"z\"]", k[0]),
            "option \"z\" is not an option",
        ),
        (format!("[\"{}\"]", k[0]), "not 1"),
    ] {
        let text = answers_file(&format!("{id} = {value}"));
        let err = parse_answers(&text, std::path::Path::new("a.toml"), &bank)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&format!("[{id}]")) && err.contains(says),
            "{err}"
        );
    }
    // A pair of options on a 1-5 question is no answer to it.
    let likert = bank
        .questions
        .iter()
        .find(|q| matches!(q.kind, Kind::Likert { .. }))
        .unwrap();
    let text = answers_file(&format!("{} = [\"a\", \"b\"]", likert.id));
    let err = parse_answers(&text, std::path::Path::new("a.toml"), &bank)
        .unwrap_err()
        .to_string();
    assert!(err.contains("are option keys"), "{err}");
}

fn result_with(bank: &Bank, answers: Answers) -> ResultFile {
    common::results::result(bank, Form::Full, answers, "")
}

fn some_answers(bank: &Bank, pair: bool) -> Answers {
    let mut answers = common::all_at(bank, rolefit::bank::Pole::Engineer);
    if pair {
        let q = choices(bank)[0];
        let k = keys(q);
        answers.insert(q.id.clone(), two(k[1], k[0]));
    }
    answers
}

#[test]
fn only_a_file_holding_two_options_is_schema_3_and_both_read_back_exactly() {
    let bank = common::default_bank();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for (pair, schema) in [(false, 1), (true, 3)] {
        let mut result = result_with(&bank, some_answers(&bank, pair));
        result.id = format!("20261124T120000Z-schema{schema}");
        assert_eq!(result.schema, schema);
        let path = store.save_result(&result).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(&format!("schema = {schema}\n")), "{text}");
        if pair {
            let q = choices(&bank)[0];
            let k = keys(q);
            let line = format!("{} = [\"{}\", \"{}\"]", q.id, k[0], k[1]);
            assert!(text.contains(&line), "stored in key order: {text}");
        }
        let back = Store::load_result_file(&path).unwrap();
        assert_eq!(back.answers, result.answers);
        let rescored = back.clone().rescored(&bank);
        assert_eq!(rescored.scores, result.scores, "rescores exactly");
        assert_eq!(rescored.scores, back.scores);
    }
}

#[test]
fn a_result_whose_two_options_are_one_twice_is_refused_naming_the_question() {
    let bank = common::default_bank();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let result = result_with(&bank, some_answers(&bank, true));
    let path = store.save_result(&result).unwrap();
    let q = choices(&bank)[0];
    let k = keys(q);
    let text = std::fs::read_to_string(&path).unwrap().replace(
        &format!("[\"{}\", \"{}\"]", k[0], k[1]),
        &format!("[\"{0}\", \"{0}\"]", k[0]),
    );
    std::fs::write(&path, text).unwrap();
    let err = Store::load_result_file(&path).unwrap_err().to_string();
    assert!(
        err.contains(&format!("`answers.{}`", q.id)) && err.contains("given twice"),
        "{err}"
    );
}

#[test]
fn progress_is_schema_3_only_while_it_holds_two_options() {
    let bank = common::default_bank();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut s = common::seeded_session(&bank, Form::Full, 3);
    let schema = || {
        let text = std::fs::read_to_string(store.in_progress_path()).unwrap();
        text.lines().next().unwrap().to_owned()
    };
    let q = choices(&bank)[0];
    let k = keys(q);
    let at = s
        .assessment()
        .order()
        .iter()
        .position(|id| *id == q.id)
        .unwrap();
    s.assessment_mut().jump(at).unwrap();
    s.assessment_mut().answer(&bank, two(k[0], k[1])).unwrap();
    s.autosave(&store).unwrap();
    assert_eq!(schema(), "schema = 3");
    let back = store.load_in_progress().unwrap().unwrap();
    assert_eq!(back.assessment.answers().get(&q.id), Some(&two(k[1], k[0])));
    s.assessment_mut().jump(at).unwrap();
    s.assessment_mut()
        .answer(&bank, Answer::Option(k[0]))
        .unwrap();
    s.autosave(&store).unwrap();
    assert_eq!(schema(), "schema = 1");
}

mod tui {
    use super::*;
    use common::tui::{app, drive, render};
    use rolefit::tui::action::Action::*;
    use rolefit::tui::{App, Screen, Start};

    /// A fresh full assessment at its first scenario.
    fn at_choice(dir: &std::path::Path) -> App {
        let mut a = app(dir, Start::Take(Form::Full));
        drive(&mut a, &[Confirm, Confirm]);
        let index = a
            .session
            .as_ref()
            .unwrap()
            .assessment()
            .order()
            .iter()
            .position(|id| a.bank.question(id).unwrap().kind.name() == "choice")
            .unwrap();
        a.open_question(index, false);
        a
    }

    fn current(a: &App) -> (String, Option<Answer>, Vec<Answer>) {
        let s = a.session.as_ref().unwrap().assessment();
        let q = s.current(&a.bank).unwrap();
        let shown = s.shown(q);
        let answer = s.answers().get(&q.id).cloned();
        let options = (0..shown.len()).filter_map(|i| shown.answer(i)).collect();
        (q.id.clone(), answer, options)
    }

    fn marked(a: &App) -> Vec<usize> {
        match &a.screen {
            Screen::Question { marked, .. } => marked.clone(),
            other => panic!("not a question: {other:?}"),
        }
    }

    #[test]
    fn space_marks_two_and_enter_answers_with_both_and_back_shows_them_marked() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = at_choice(dir.path());
        let (id, before, options) = current(&a);
        assert_eq!(before, None);
        drive(&mut a, &[Down, Mark]);
        assert_eq!(marked(&a), vec![0]);
        for (w, h) in [(60, 16), (100, 30), (200, 60)] {
            insta::assert_snapshot!(
                format!("question_choice_marked_{w}x{h}"),
                render(&a, w, h).backend()
            );
        }
        // With one marked, Enter on another option answers nothing and says why.
        drive(&mut a, &[Down, Confirm]);
        assert_eq!(current(&a).0, id, "still on the question");
        assert_eq!(current(&a).1, None);
        drive(&mut a, &[Mark, Down, Mark]);
        assert_eq!(marked(&a), vec![0, 1], "a third is refused: {:?}", a.notice);
        drive(&mut a, &[Confirm]);
        let (Answer::Option(x), Answer::Option(y)) = (&options[0], &options[1]) else {
            panic!("a scenario's options")
        };
        let want = two(*x, *y);
        let s = a.session.as_ref().unwrap().assessment();
        assert_eq!(s.answers().get(&id), Some(&want));
        assert_ne!(current(&a).0, id, "moved on");
        drive(&mut a, &[Back]);
        assert_eq!(current(&a).0, id);
        assert_eq!(marked(&a), vec![0, 1], "both shown marked again");
        let screen = format!("{}", render(&a, 100, 30).backend());
        // Lines as the backend prints them, quoted; words may wrap onto the next.
        let screen = screen
            .replace('"', " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(screen.matches("● your answer").count(), 2, "{screen}");
        assert_eq!(screen.matches("✓ marked").count(), 2, "{screen}");
        // Enter keeps it; a letter answers with that one option at once, as before.
        drive(&mut a, &[Confirm]);
        let s = a.session.as_ref().unwrap().assessment();
        assert_eq!(s.answers().get(&id), Some(&want));
        assert_ne!(current(&a).0, id, "moved on");
        drive(&mut a, &[Back, Letter('c')]);
        let s = a.session.as_ref().unwrap().assessment();
        assert_eq!(s.answers().get(&id), options.get(2));
    }

    #[test]
    fn space_is_offered_on_a_scenario_only() {
        let dir = tempfile::tempdir().unwrap();
        let a = at_choice(dir.path());
        let footer = format!("{}", render(&a, 200, 60).backend());
        assert!(footer.contains("Space mark two"), "{footer}");
        let other = tempfile::tempdir().unwrap();
        let mut b = app(other.path(), Start::Take(Form::Full));
        drive(&mut b, &[Confirm, Confirm]);
        let s = b.session.as_ref().unwrap().assessment();
        assert!(!matches!(
            s.current(&b.bank).unwrap().kind,
            Kind::Choice { .. }
        ));
        let footer = format!("{}", render(&b, 200, 60).backend());
        assert!(!footer.contains("Space"), "{footer}");
    }
}

/// Plain mode, for real: the first scenario answered with two letters (after three refused
/// tries), everything else neutral or skipped, so that answer drives the result; `show` then
/// quotes both options.
#[test]
fn plain_mode_takes_two_letters_and_show_quotes_both() {
    let data = tempfile::tempdir().unwrap();
    let bank = common::default_bank();
    let seed = 5;
    let s = common::seeded_session(&bank, Form::Quick, seed);
    let a = s.assessment();
    let mut input = String::from("\n");
    let mut picked = None;
    for id in a.order() {
        let q = bank.question(id).unwrap();
        let shown = a.shown(q);
        match &q.kind {
            Kind::Choice { options, .. } if picked.is_none() => {
                // The two leaning furthest one way, so their mean is no 0.
                let lean = |i: usize| match shown.answer(i) {
                    Some(Answer::Option(k)) => options.iter().find(|o| o.key == k).unwrap().lean,
                    _ => unreachable!(),
                };
                let mut by: Vec<usize> = (0..shown.len()).collect();
                by.sort_by(|x, y| lean(*y).total_cmp(&lean(*x)));
                let (i, j) = (by[0], by[1]);
                let (ki, kj) = (shown.key(i), shown.key(j));
                input.push_str(&format!("{ki} {ki}\n{ki}+{kj}+z\nz,{ki}\n{kj}+{ki}\n"));
                picked = Some((shown.label(i).to_owned(), shown.label(j).to_owned()));
            }
            Kind::Choice { .. } => input.push_str("s\n"),
            _ => input.push_str("3\n"),
        }
    }
    let out = common::cli(data.path())
        .args(["take", "--plain", "--quick", "--seed", &seed.to_string()])
        .write_stdin(input)
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let flat = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let text = flat(&out.stdout);
    assert!(
        text.contains("or two like a+c if two fit about equally well"),
        "{text}"
    );
    for refused in [
        "is there twice: two options that fit about equally well are two different ones.",
        "At most two: one option, or two that fit about equally well.",
        "There is no option z here.",
    ] {
        assert!(text.contains(refused), "{refused} in {text}");
    }
    let (x, y) = picked.unwrap();
    let out = common::cli(data.path())
        .args(["show", "latest", "--format", "text"])
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let shown = flat(&out.stdout);
    assert!(
        shown.contains(&format!("“{x}” and “{y}”")) || shown.contains(&format!("“{y}” and “{x}”")),
        "both quoted: {shown}"
    );
    let saved = std::fs::read_dir(data.path().join("results"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let file = std::fs::read_to_string(saved).unwrap();
    assert!(file.starts_with("schema = 3\n"), "{file}");
}

/// Files the app wrote with two-option answers (kept under tests/golden/, never edited): they
/// load, their answers are the pairs written, and the result rescores to what it stored.
#[test]
fn golden_files_with_two_options_load_and_rescore_exactly() {
    let golden = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/schema-3");
    let bank = common::default_bank();
    let r = Store::load_result_file(&golden.join("result.toml")).unwrap();
    assert_eq!(r.schema, 3);
    let pairs = r
        .answers
        .values()
        .filter(|a| matches!(a, Answer::Two(_)))
        .count();
    assert_eq!(pairs, 2);
    let stored = r.scores.clone();
    assert_eq!(r.rescored(&bank).scores, stored);
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    std::fs::copy(golden.join("in-progress.toml"), store.in_progress_path()).unwrap();
    let p = store.load_in_progress().unwrap().unwrap();
    assert!(
        p.assessment
            .answers()
            .values()
            .any(|a| matches!(a, Answer::Two(_)))
    );
    rolefit::session::Session::resume(p, &bank).unwrap();
}

/// An answer its question cannot take (a file read without the check) is said as what it is:
/// never a Rust debug form, never a label it does not have.
#[test]
fn an_answer_that_does_not_fit_its_question_is_said_plainly() {
    let bank = common::default_bank();
    let choice = choices(&bank)[0];
    let k = keys(choice);
    let likert = bank
        .questions
        .iter()
        .find(|q| matches!(q.kind, rolefit::bank::Kind::Likert { .. }))
        .unwrap();
    for (q, a) in [
        (likert, two(k[0], k[1])),
        (likert, Answer::Option('a')),
        (likert, Answer::Scale(9)),
        (choice, Answer::Scale(3)),
    ] {
        let said = rolefit::answers::describe_answer(q, &a);
        assert!(
            said.ends_with("which this question does not take"),
            "{said}"
        );
        assert!(
            !said.contains("Two(") && !said.contains("Scale(") && !said.contains("Option("),
            "{said}"
        );
        assert!(!said.contains("Strongly agree"), "{said}");
    }
}
