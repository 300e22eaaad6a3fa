//! The questionnaire engine: navigation, answers, progress, and exact resume through serde.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use proptest::prelude::*;
use rolefit::answers::Answer;
use rolefit::bank::{Form, Kind};
use rolefit::engine::{Assessment, EngineError, Status};

fn any_answer(kind: &Kind, n: u8) -> Answer {
    match kind {
        Kind::Choice { options, .. } => Answer::Option(options[usize::from(n) % options.len()].key),
        _ => Answer::Scale(n % 5 + 1),
    }
}

#[test]
fn walks_the_quick_form_in_bank_order() {
    let bank = common::default_bank();
    let mut a = Assessment::new(&bank, Form::Quick, None).unwrap();
    let expected: Vec<&str> = bank.form(Form::Quick).map(|q| q.id.as_str()).collect();
    assert_eq!(a.order(), expected.as_slice());
    assert_eq!(a.progress().total, expected.len());
    assert!(!a.back(), "nothing before the first question");
    let q = a.current(&bank).unwrap().clone();
    a.answer(&bank, any_answer(&q.kind, 3)).unwrap();
    assert!(a.forward());
    assert!(a.skip());
    assert_eq!(a.progress().answered, 1);
    assert_eq!(a.progress().skipped, 1);
    assert_eq!(a.status(1), Status::Skipped);
    // Going back and answering a skipped question un-skips it.
    a.jump(1).unwrap();
    let q = a.current(&bank).unwrap().clone();
    a.answer(&bank, any_answer(&q.kind, 0)).unwrap();
    assert_eq!(a.progress().skipped, 0);
    assert_eq!(a.first_open(), Some(2));
    assert_eq!(
        a.jump(99),
        Err(EngineError::OutOfRange {
            index: 99,
            len: expected.len()
        })
    );
    assert!(!a.is_complete());
}

#[test]
fn rejects_answers_that_do_not_fit() {
    let bank = common::default_bank();
    let mut a = Assessment::new(&bank, Form::Full, None).unwrap();
    let likert = a
        .order()
        .iter()
        .position(|id| bank.question(id).unwrap().kind.name() == "likert")
        .unwrap();
    a.jump(likert).unwrap();
    assert!(matches!(
        a.answer(&bank, Answer::Scale(6)),
        Err(EngineError::BadAnswer { .. })
    ));
    assert!(matches!(
        a.answer(&bank, Answer::Option('a')),
        Err(EngineError::BadAnswer { .. })
    ));
    assert_eq!(a.progress().answered, 0);
}

#[test]
fn a_seed_shuffles_reproducibly() {
    let bank = common::default_bank();
    let a = Assessment::new(&bank, Form::Full, Some(7)).unwrap();
    let b = Assessment::new(&bank, Form::Full, Some(7)).unwrap();
    let c = Assessment::new(&bank, Form::Full, Some(8)).unwrap();
    let plain = Assessment::new(&bank, Form::Full, None).unwrap();
    assert_eq!(a.order(), b.order());
    assert_ne!(a.order(), c.order());
    assert_ne!(a.order(), plain.order());
    let mut sorted = a.order().to_vec();
    sorted.sort();
    let mut all = plain.order().to_vec();
    all.sort();
    assert_eq!(sorted, all, "a shuffle asks every question exactly once");
}

#[test]
fn check_refuses_a_saved_state_that_does_not_match_the_bank() {
    let bank = common::default_bank();
    let a = Assessment::new(&bank, Form::Quick, Some(1)).unwrap();
    let text = toml::to_string(&a).unwrap();
    let tampered: Assessment = toml::from_str(&text.replacen("scope-", "scoop-", 1)).unwrap();
    assert!(matches!(
        tampered.check(&bank),
        Err(EngineError::Mismatch(_))
    ));
    let moved: Assessment =
        toml::from_str(&text.replace("position = 0", "position = 500")).unwrap();
    assert!(moved.check(&bank).is_err());
}

proptest! {
    /// Any sequence of operations keeps progress consistent, and the state survives a
    /// TOML round trip exactly.
    #[test]
    fn operations_keep_state_consistent_and_serialisable(ops in prop::collection::vec((0u8..6, any::<u8>()), 0..120), seed in prop::option::of(any::<u64>()), quick in any::<bool>()) {
        let bank = common::default_bank();
        let form = if quick { Form::Quick } else { Form::Full };
        let mut a = Assessment::new(&bank, form, seed).unwrap();
        for (op, n) in ops {
            match op {
                0 | 1 => {
                    let kind = a.current(&bank).unwrap().kind.clone();
                    a.answer(&bank, any_answer(&kind, n)).unwrap();
                    a.forward();
                }
                2 => { a.skip(); }
                3 => { a.back(); }
                4 => { a.forward(); }
                _ => { let _ = a.jump(usize::from(n)); }
            }
            let p = a.progress();
            let counted = (0..a.len()).map(|i| a.status(i)).fold((0, 0), |(an, sk), s| match s {
                Status::Answered(_) => (an + 1, sk),
                Status::Skipped => (an, sk + 1),
                Status::Open => (an, sk),
            });
            prop_assert_eq!((p.answered, p.skipped), counted);
            prop_assert!(p.done() <= p.total);
            prop_assert!(a.position() < a.len());
            prop_assert_eq!(a.is_complete(), a.first_open().is_none());
        }
        let text = toml::to_string(&a).unwrap();
        let back: Assessment = toml::from_str(&text).unwrap();
        prop_assert_eq!(&back, &a);
        prop_assert!(back.check(&bank).is_ok());
    }
}
