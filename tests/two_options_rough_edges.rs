//! Two options that fit about equally well, the rough edges a new user found: on an `ordered`
//! scenario (steps of one scale) two must be next to each other, everywhere answers are read;
//! a one-option answer shows marked when its question is opened again; every press of Space
//! or Enter says what is marked and what a key does next; plain mode's "abc" is refused by the
//! at-most-two rule.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use rolefit::answers::{Answer, NOT_NEXT_TO_EACH_OTHER, Two, parse_answers};
use rolefit::bank::{Bank, Form, Kind, Question};

/// The default bank's amount scale: "how much of your working time goes on writing code".
const ORDERED: &str = "workstyle-coding-share-typical";

fn two(a: char, b: char) -> Answer {
    Answer::Two(Two::new(a, b).unwrap())
}

fn ordered(bank: &Bank) -> &Question {
    let q = bank.question(ORDERED).unwrap();
    assert!(matches!(q.kind, Kind::Choice { ordered: true, .. }));
    q
}

#[test]
fn on_an_ordered_scenario_two_answers_must_be_next_to_each_other() {
    let bank = common::default_bank();
    let q = ordered(&bank);
    for ok in [
        two('a', 'b'),
        two('c', 'b'),
        two('d', 'c'),
        Answer::Option('d'),
    ] {
        assert_eq!(ok.check(q), Ok(()), "{ok:?}");
    }
    for bad in [two('a', 'c'), two('a', 'd'), two('b', 'd')] {
        assert_eq!(bad.check(q), Err(NOT_NEXT_TO_EACH_OTHER.to_owned()));
    }
    // A scenario that is not a scale takes any two.
    let free = bank
        .questions
        .iter()
        .find(|q| matches!(&q.kind, Kind::Choice { ordered: false, options } if options.len() >= 3))
        .unwrap();
    let Kind::Choice { options, .. } = &free.kind else {
        unreachable!()
    };
    assert_eq!(two(options[0].key, options[2].key).check(free), Ok(()));
}

#[test]
fn an_answers_file_with_two_far_apart_steps_is_refused_with_its_line() {
    let bank = common::default_bank();
    let text = format!("[answers]\n{ORDERED} = [\"d\", \"a\"]\n");
    let err = parse_answers(&text, Path::new("mine.toml"), &bank)
        .unwrap_err()
        .to_string();
    assert!(err.contains("mine.toml:2"), "{err}");
    assert!(err.contains(ORDERED), "{err}");
    assert!(err.contains(NOT_NEXT_TO_EACH_OTHER), "{err}");
    let text = format!("[answers]\n{ORDERED} = [\"c\", \"b\"]\n");
    let answers = parse_answers(&text, Path::new("mine.toml"), &bank).unwrap();
    assert_eq!(answers.get(ORDERED), Some(&two('b', 'c')));
}

fn flat(b: &[u8]) -> String {
    String::from_utf8_lossy(b)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Plain mode, for real: the amount scale is asked "a d" (refused: not next to each other),
/// then "abc" (refused: at most two), then the middle two, which are kept.
#[test]
fn plain_mode_re_asks_far_apart_steps_and_three_letters_with_the_rule() {
    let data = tempfile::tempdir().unwrap();
    let bank = common::default_bank();
    let seed = 11;
    let s = common::seeded_session(&bank, Form::Quick, seed);
    let a = s.assessment();
    let mut input = String::from("\n");
    let mut asked = None;
    for id in a.order() {
        let q = bank.question(id).unwrap();
        let shown = a.shown(q);
        if id == ORDERED {
            let k = |i| shown.key(i);
            input.push_str(&format!("{}{}\nabc\n{}+{}\n", k(0), k(3), k(1), k(2)));
            asked = Some((shown.answer(1).unwrap(), shown.answer(2).unwrap()));
        } else {
            input.push_str("s\n");
        }
    }
    let out = common::cli(data.path())
        .args(["take", "--plain", "--quick", "--seed", &seed.to_string()])
        .write_stdin(input)
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let text = flat(&out.stdout);
    for refused in [
        "On this scale, two answers must be next to each other.",
        "At most two: one option, or two that fit about equally well.",
    ] {
        assert_eq!(text.matches(refused).count(), 1, "{refused} once in {text}");
    }
    assert!(!text.contains("There is no option abc"), "{text}");
    // The prompt's example of two is one the scale takes.
    assert!(
        text.contains("or two next to each other like a+b if two fit about equally well"),
        "{text}"
    );
    let Some((Answer::Option(x), Answer::Option(y))) = asked else {
        panic!("the amount scale asked")
    };
    let saved = std::fs::read_dir(data.path().join("results"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let r = rolefit::store::Store::load_result_file(&saved).unwrap();
    assert_eq!(r.answers.get(ORDERED), Some(&two(x, y)));
}

mod tui {
    use super::*;
    use common::tui::{app, drive, render};
    use rolefit::tui::action::Action::{self, *};
    use rolefit::tui::{App, Screen, Start};

    /// A fresh full assessment, at question `id`.
    fn at(dir: &Path, id: &str) -> App {
        let mut a = app(dir, Start::Take(Form::Full));
        drive(&mut a, &[Confirm, Confirm]);
        let s = a.session.as_ref().unwrap().assessment();
        let index = s.order().iter().position(|q| q == id).unwrap();
        a.open_question(index, false);
        a
    }

    /// The first scenario of the full form that is not a scale, and its id.
    fn free_scenario(bank: &Bank) -> String {
        bank.form(Form::Full)
            .find(|q| matches!(q.kind, Kind::Choice { ordered: false, .. }))
            .unwrap()
            .id
            .clone()
    }

    fn id(a: &App) -> String {
        let s = a.session.as_ref().unwrap().assessment();
        s.current(&a.bank).unwrap().id.clone()
    }

    fn answer(a: &App, id: &str) -> Option<Answer> {
        let s = a.session.as_ref().unwrap().assessment();
        s.answers().get(id).cloned()
    }

    /// The option shown at `i` of question `id`.
    fn option(a: &App, id: &str, i: usize) -> Answer {
        let s = a.session.as_ref().unwrap().assessment();
        s.shown(a.bank.question(id).unwrap()).answer(i).unwrap()
    }

    fn marked(a: &App) -> (Option<usize>, Vec<usize>) {
        match &a.screen {
            Screen::Question { cursor, marked, .. } => (*cursor, marked.clone()),
            other => panic!("not a question: {other:?}"),
        }
    }

    fn notice(a: &App) -> String {
        a.notice
            .as_ref()
            .map(|n| n.text.clone())
            .unwrap_or_default()
    }

    /// The screen's text, lines joined, so a sentence wrapped over two lines reads whole.
    fn screen(a: &App, w: u16, h: u16) -> String {
        format!("{}", render(a, w, h).backend())
            .replace(['"', '│'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn both(a: &App, id: &str, i: usize, j: usize) -> Answer {
        let (Answer::Option(x), Answer::Option(y)) = (option(a, id, i), option(a, id, j)) else {
            panic!("a scenario's options")
        };
        two(x, y)
    }

    /// Answered with one option (its letter), then opened again by `reopen`: that option shows
    /// marked, Space on another marks both and Enter answers with both.
    fn reopened_one_answer_keeps_it(reopen: &[Action]) {
        let dir = tempfile::tempdir().unwrap();
        let bank = common::default_bank();
        let q = free_scenario(&bank);
        let mut a = at(dir.path(), &q);
        drive(&mut a, &[Letter('b')]);
        assert_eq!(answer(&a, &q), Some(option(&a, &q, 1)));
        assert_ne!(id(&a), q, "moved on");
        drive(&mut a, reopen);
        assert_eq!(id(&a), q);
        assert_eq!(marked(&a), (Some(1), vec![1]), "the answer shows marked");
        let text = screen(&a, 100, 30);
        assert_eq!(text.matches("✓ marked ● your answer").count(), 1, "{text}");
        drive(&mut a, &[Down, Mark]);
        assert_eq!(marked(&a).1, vec![1, 2], "{}", notice(&a));
        assert!(notice(&a).contains("b and c marked"), "{}", notice(&a));
        drive(&mut a, &[Confirm]);
        assert_eq!(answer(&a, &q), Some(both(&a, &q, 1, 2)), "both kept");
    }

    #[test]
    fn back_to_a_one_option_answer_marks_it_so_a_second_adds_to_it() {
        reopened_one_answer_keeps_it(&[Back]);
    }

    #[test]
    fn review_to_a_one_option_answer_marks_it_so_a_second_adds_to_it() {
        // Back to it, then Review (its row is highlighted) and Enter opens it from there.
        reopened_one_answer_keeps_it(&[Back, Review, Confirm]);
    }

    #[test]
    fn enter_on_a_reopened_one_option_answer_keeps_it_and_space_unmarks_it() {
        let dir = tempfile::tempdir().unwrap();
        let bank = common::default_bank();
        let q = free_scenario(&bank);
        let mut a = at(dir.path(), &q);
        drive(&mut a, &[Letter('b'), Back, Confirm]);
        assert_eq!(answer(&a, &q), Some(option(&a, &q, 1)));
        assert_ne!(id(&a), q, "Enter kept it and moved on");
        drive(&mut a, &[Back, Mark]);
        assert_eq!(marked(&a).1, Vec::<usize>::new());
        assert_eq!(notice(&a), "Unmarked b: nothing is marked.");
    }

    #[test]
    fn a_second_mark_far_along_the_scale_is_refused_saying_the_rule() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = at(dir.path(), ORDERED);
        drive(&mut a, &[Down, Mark, Down, Down, Mark]);
        assert_eq!(marked(&a), (Some(2), vec![0]), "c is not next to a");
        assert_eq!(
            notice(&a),
            "On this scale, two answers must be next to each other."
        );
        // Enter there names the rule too, and the keys that answer with either alone.
        drive(&mut a, &[Confirm]);
        assert_eq!(answer(&a, ORDERED), None);
        let said = notice(&a);
        assert!(said.contains("a is marked, not c."), "{said}");
        assert!(said.contains("next to each other"), "{said}");
        assert!(!said.contains("Space marks c too"), "{said}");
        assert!(said.contains("the key c with c alone"), "{said}");
        drive(&mut a, &[Up, Mark, Confirm]);
        assert_eq!(answer(&a, ORDERED), Some(both(&a, ORDERED, 0, 1)));
    }

    #[test]
    fn each_press_says_what_is_marked_now() {
        let dir = tempfile::tempdir().unwrap();
        let bank = common::default_bank();
        let q = free_scenario(&bank);
        let mut a = at(dir.path(), &q);
        drive(&mut a, &[Mark]);
        assert_eq!(
            notice(&a),
            "No option is highlighted: ↑/↓ to an option, then Space marks it."
        );
        drive(&mut a, &[Down, Mark]);
        assert!(notice(&a).starts_with("a is marked."), "{}", notice(&a));
        drive(&mut a, &[Down, Confirm]);
        let said = notice(&a);
        assert!(said.contains("Space marks b too"), "{said}");
        assert!(
            said.contains("Enter on a (or the key a) answers with a alone"),
            "{said}"
        );
        drive(&mut a, &[Mark, Mark]);
        assert_eq!(marked(&a).1, vec![0]);
        let said = notice(&a);
        assert!(said.starts_with("Unmarked b. a is marked."), "{said}");
        assert!(!said.contains("Marked."), "{said}");
        for (w, h) in [(60, 16), (100, 30), (200, 60)] {
            insta::assert_snapshot!(
                format!("question_choice_unmarked_{w}x{h}"),
                render(&a, w, h).backend()
            );
        }
    }

    #[test]
    fn space_on_a_scale_says_it_takes_one_answer() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app(dir.path(), Start::Take(Form::Full));
        drive(&mut a, &[Confirm, Confirm]);
        let q = id(&a);
        assert!(!matches!(
            a.bank.question(&q).unwrap().kind,
            Kind::Choice { .. }
        ));
        drive(&mut a, &[Down, Mark]);
        assert_eq!(marked(&a).1, Vec::<usize>::new());
        assert!(
            notice(&a).contains("takes one answer: 1-5"),
            "{}",
            notice(&a)
        );
    }

    #[test]
    fn help_says_a_letter_answers_alone_even_with_a_mark() {
        let dir = tempfile::tempdir().unwrap();
        let bank = common::default_bank();
        let q = free_scenario(&bank);
        let mut a = at(dir.path(), &q);
        drive(&mut a, &[Help]);
        for (w, h) in [(100, 30), (200, 60)] {
            let text = screen(&a, w, h);
            assert!(
                text.contains("a letter still answers with its option alone, dropping any mark"),
                "{w}x{h}: {text}"
            );
        }
        // And it does: one marked, a letter answers with that letter's option alone.
        drive(&mut a, &[Help, Down, Mark, Letter('c')]);
        assert_eq!(answer(&a, &q), Some(option(&a, &q, 2)));
    }
}
