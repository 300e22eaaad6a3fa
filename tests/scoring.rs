//! The scoring model, exactly as the core issue specifies it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{all_at, default_bank, extreme};
use proptest::prelude::*;
use rolefit::answers::{Answer, Answers};
use rolefit::bank::{Bank, ChoiceOption, Dimension, Form, Kind, Lens, Pole, Question};
use rolefit::scoring::{Archetype, Scores, score_answers, signed_value};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn likert(id: &str, dim: &str, lens: Lens, keyed: Pole, weight: f64) -> Question {
    Question {
        id: id.into(),
        dimension: dim.into(),
        lens,
        text: format!("statement {id}"),
        weight,
        quick: false,
        kind: Kind::likert(keyed),
    }
}

fn bank_of(questions: Vec<Question>) -> Bank {
    let mut dims: Vec<String> = questions.iter().map(|q| q.dimension.clone()).collect();
    dims.dedup();
    Bank::new(
        "test".into(),
        "1".into(),
        dims.into_iter()
            .map(|id| Dimension {
                title: id.clone(),
                id,
                engineer: "e".into(),
                developer: "d".into(),
            })
            .collect(),
        questions,
    )
}

/// Every score a result carries, for invariants that hold of all of them.
fn all_scores(s: &Scores) -> Vec<f64> {
    let mut v = vec![s.overall, s.preference, s.practice];
    for d in s.dimensions.values() {
        v.extend([d.combined, d.preference, d.practice]);
    }
    v.into_iter().flatten().collect()
}

#[test]
fn engineer_extreme_is_100_and_developer_extreme_is_minus_100() {
    let bank = default_bank();
    let eng = score_answers(&bank, Form::Full, &all_at(&bank, Pole::Engineer));
    let dev = score_answers(&bank, Form::Full, &all_at(&bank, Pole::Developer));
    assert_eq!(eng.overall, Some(100.0));
    assert_eq!(dev.overall, Some(-100.0));
    for s in all_scores(&eng) {
        assert_eq!(s, 100.0);
    }
    for s in all_scores(&dev) {
        assert_eq!(s, -100.0);
    }
    assert_eq!(eng.engineer_pct, Some(100.0));
    assert_eq!(dev.developer_pct, Some(100.0));
    assert_eq!(eng.archetype, Some(Archetype::SystemsEngineer));
    assert_eq!(dev.archetype, Some(Archetype::ProductDeveloper));
    assert_eq!(eng.consistency, Some(1.0));
    // All answers agree, yet the prior keeps the margin above zero: agreement is not certainty.
    let m = eng.margin.unwrap();
    assert!(m > 0.0 && m < 10.0, "{m}");
    assert_eq!(eng.answered, bank.questions.len());
    assert_eq!(eng.skipped, 0);
}

#[test]
fn all_neutral_gives_zero() {
    let bank = default_bank();
    // Choices have no neutral option in every question, so neutral means 3 on every scale
    // question and the middle option where there is one.
    let answers: Answers = bank
        .questions
        .iter()
        .filter_map(|q| match &q.kind {
            Kind::Choice { options, .. } => options
                .iter()
                .find(|o| o.lean == 0.0)
                .map(|o| (q.id.clone(), Answer::Option(o.key))),
            _ => Some((q.id.clone(), Answer::Scale(3))),
        })
        .collect();
    let s = score_answers(&bank, Form::Full, &answers);
    assert_eq!(s.overall, Some(0.0));
    assert_eq!(s.overall.map(f64::is_sign_negative), Some(false), "no -0");
    for v in all_scores(&s) {
        assert_eq!(v, 0.0);
    }
    assert_eq!((s.engineer_pct, s.developer_pct), (Some(50.0), Some(50.0)));
    assert_eq!(s.archetype, Some(Archetype::Hybrid));
    assert!(s.drivers.engineer.is_empty() && s.drivers.developer.is_empty());
}

#[test]
fn worked_example_matches_the_formulas() {
    // Three questions in one dimension: w=1 s=+1 (likert 5, engineer-keyed), w=3 s=-0.5
    // (likert 4, developer-keyed) and w=2 s=0 (likert 3).
    let bank = bank_of(vec![
        likert("a", "d", Lens::Preference, Pole::Engineer, 1.0),
        likert("b", "d", Lens::Practice, Pole::Developer, 3.0),
        likert("c", "d", Lens::Practice, Pole::Engineer, 2.0),
    ]);
    let answers: Answers = [
        ("a".into(), Answer::Scale(5)),
        ("b".into(), Answer::Scale(4)),
        ("c".into(), Answer::Scale(3)),
    ]
    .into_iter()
    .collect();
    let s = score_answers(&bank, Form::Full, &answers);
    let m: f64 = (1.0 - 1.5) / 6.0;
    assert!(close(s.overall.unwrap(), 100.0 * m));
    assert!(close(s.engineer_pct.unwrap(), (100.0 * m + 100.0) / 2.0));
    assert_eq!(s.preference, Some(100.0));
    assert_eq!(s.practice, Some(-30.0));
    let ss = 1.0 * (1.0 - m).powi(2) + 3.0 * (-0.5 - m).powi(2) + 2.0 * (0.0 - m).powi(2);
    let var = (ss + 2.0 * 0.25) / (6.0 + 2.0);
    let n_eff = 36.0 / 14.0;
    assert!(close(
        s.margin.unwrap(),
        1.96 * 100.0 * (var / n_eff).sqrt()
    ));
    let c = 1.0 - (1.0 * (1.0 - m).abs() + 3.0 * (-0.5 - m).abs() + 2.0 * m.abs()) / 6.0;
    assert!(close(s.consistency.unwrap(), c));
    assert_eq!(s.dimensions["d"].margin, s.margin);
    // One preference answer, two practice answers: no lens has the three a margin needs.
    assert_eq!((s.preference_margin, s.practice_margin), (None, None));
    assert_eq!(s.dimensions["d"].answered, 3);
    assert_eq!(s.archetype, None, "three answers are not a placement");
    assert_eq!(s.drivers.engineer, ["a"]);
    assert_eq!(s.drivers.developer, ["b"]);
}

#[test]
fn archetype_needs_ten_answers() {
    let bank = default_bank();
    let all = all_at(&bank, Pole::Engineer);
    for n in [0, 1, 9, 10, 11] {
        let some: Answers = all
            .iter()
            .take(n)
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let s = score_answers(&bank, Form::Full, &some);
        assert_eq!(s.archetype.is_some(), n >= 10, "{n} answers");
    }
}

#[test]
fn unanswered_sets_are_null_and_skips_count_nowhere() {
    let bank = default_bank();
    let q = &bank.questions[0];
    let answers: Answers = [(q.id.clone(), extreme(q, Pole::Engineer))]
        .into_iter()
        .collect();
    let s = score_answers(&bank, Form::Full, &answers);
    assert_eq!(s.overall, Some(100.0));
    assert_eq!(s.margin, None, "one answer has no margin");
    assert_eq!(s.practice, None);
    assert_eq!(s.answered, 1);
    assert_eq!(s.skipped, bank.questions.len() - 1);
    let other = bank
        .dimensions
        .iter()
        .find(|d| d.id != q.dimension)
        .unwrap();
    assert_eq!(s.dimensions[&other.id].combined, None);
    let none = score_answers(&bank, Form::Quick, &Answers::new());
    assert_eq!(
        (none.overall, none.consistency, none.archetype),
        (None, None, None)
    );
    assert_eq!(none.skipped, bank.form_len(Form::Quick));
}

#[test]
fn archetype_boundaries() {
    let cases = [
        (-100.0, Archetype::ProductDeveloper),
        (-60.0, Archetype::ProductDeveloper),
        (-59.9, Archetype::DeveloperLeaning),
        (-20.0, Archetype::Hybrid),
        (20.0, Archetype::Hybrid),
        (20.1, Archetype::EngineerLeaning),
        (59.9, Archetype::EngineerLeaning),
        (60.0, Archetype::SystemsEngineer),
    ];
    for (score, want) in cases {
        assert_eq!(Archetype::from_overall(score), want, "{score}");
    }
}

#[test]
fn drivers_take_the_three_strongest_with_ties_in_bank_order() {
    let qs: Vec<Question> = (0..5)
        .map(|i| {
            likert(
                &format!("q{i}"),
                "d",
                Lens::Preference,
                Pole::Engineer,
                if i == 3 { 2.0 } else { 1.0 },
            )
        })
        .collect();
    let bank = bank_of(qs);
    let answers: Answers = (0..5)
        .map(|i| (format!("q{i}"), Answer::Scale(5)))
        .collect();
    let s = score_answers(&bank, Form::Full, &answers);
    assert_eq!(s.drivers.engineer, ["q3", "q0", "q1"]);
    assert!(s.drivers.developer.is_empty());
}

// ---- property tests over random banks and random answers

fn question_strategy(i: usize) -> impl Strategy<Value = Question> {
    let kind = prop_oneof![
        prop_oneof![Just(Pole::Engineer), Just(Pole::Developer)].prop_map(Kind::likert),
        prop_oneof![Just(Pole::Engineer), Just(Pole::Developer)].prop_map(|first| Kind::Pair {
            engineer: "e".into(),
            developer: "d".into(),
            first,
        }),
        prop::collection::vec(-1.0f64..=1.0, 3..=5).prop_map(|leans| Kind::choice(
            leans
                .into_iter()
                .zip("abcde".chars())
                .map(|(lean, key)| ChoiceOption {
                    key,
                    text: key.to_string(),
                    lean
                })
                .collect()
        )),
    ];
    (kind, 0usize..3, any::<bool>(), 1u32..=30).prop_map(move |(kind, dim, pref, w)| Question {
        id: format!("q{i}"),
        dimension: format!("dim{dim}"),
        lens: if pref {
            Lens::Preference
        } else {
            Lens::Practice
        },
        text: "t".into(),
        weight: f64::from(w) / 10.0,
        quick: i.is_multiple_of(2),
        kind,
    })
}

fn bank_strategy() -> impl Strategy<Value = Bank> {
    (1usize..25).prop_flat_map(|n| {
        (0..n)
            .map(question_strategy)
            .collect::<Vec<_>>()
            .prop_map(|mut qs| {
                qs.sort_by(|a, b| a.dimension.cmp(&b.dimension));
                bank_of(qs)
            })
    })
}

/// Random answers (some questions skipped) for a bank: an index into the question's answer range.
fn answers_for(bank: &Bank, picks: &[Option<u8>]) -> Answers {
    bank.questions
        .iter()
        .zip(picks)
        .filter_map(|(q, pick)| {
            let p = (*pick)?;
            let a = match &q.kind {
                Kind::Choice { options, .. } => {
                    Answer::Option(options[usize::from(p) % options.len()].key)
                }
                _ => Answer::Scale(p % 5 + 1),
            };
            Some((q.id.clone(), a))
        })
        .collect()
}

fn bank_and_answers() -> impl Strategy<Value = (Bank, Answers)> {
    bank_strategy().prop_flat_map(|bank| {
        let n = bank.questions.len();
        (
            Just(bank),
            prop::collection::vec(prop::option::weighted(0.8, any::<u8>()), n),
        )
            .prop_map(|(bank, picks)| {
                let a = answers_for(&bank, &picks);
                (bank, a)
            })
    })
}

/// One step toward `pole` for an answered question, if it is not already at the end.
fn nudge(q: &Question, a: &Answer, pole: Pole) -> Option<Answer> {
    let now = signed_value(q, a)?;
    let toward = |s: f64| {
        if pole == Pole::Engineer {
            s > now
        } else {
            s < now
        }
    };
    match (&q.kind, a) {
        (Kind::Choice { options, .. }, _) => options
            .iter()
            .find(|o| toward(o.lean))
            .map(|o| Answer::Option(o.key)),
        (_, Answer::Scale(n)) => [n.saturating_sub(1), n + 1]
            .into_iter()
            .filter(|m| (1..=5).contains(m))
            .map(Answer::Scale)
            .find(|b| signed_value(q, b).is_some_and(toward)),
        _ => None,
    }
}

proptest! {
    #[test]
    fn every_score_is_within_bounds((bank, answers) in bank_and_answers()) {
        let s = score_answers(&bank, Form::Full, &answers);
        for v in all_scores(&s) {
            prop_assert!((-100.0..=100.0).contains(&v), "{v}");
        }
        if let (Some(e), Some(d)) = (s.engineer_pct, s.developer_pct) {
            prop_assert!((0.0..=100.0).contains(&e));
            prop_assert!(close(e + d, 100.0));
        }
        if let Some(c) = s.consistency {
            prop_assert!((0.0..=1.0).contains(&c), "consistency {c}");
        }
        for m in s.dimensions.values().map(|d| d.margin).chain([s.margin]).flatten() {
            prop_assert!(m >= 0.0 && m.is_finite());
        }
        prop_assert_eq!(s.answered, answers.len());
        prop_assert_eq!(s.overall.is_some(), !answers.is_empty());
        prop_assert!(s.drivers.engineer.len() <= 3 && s.drivers.developer.len() <= 3);
    }

    #[test]
    fn raising_an_answer_toward_a_pole_never_moves_a_score_away((bank, answers) in bank_and_answers(), which in any::<prop::sample::Index>(), eng in any::<bool>()) {
        prop_assume!(!answers.is_empty());
        let pole = if eng { Pole::Engineer } else { Pole::Developer };
        let (id, a) = answers.get_index(which.index(answers.len())).unwrap();
        let q = bank.question(id).unwrap();
        let Some(b) = nudge(q, a, pole) else { return Ok(()) };
        let mut changed = answers.clone();
        changed.insert(id.clone(), b);
        let before = score_answers(&bank, Form::Full, &answers);
        let after = score_answers(&bank, Form::Full, &changed);
        let pairs = all_scores(&before).into_iter().zip(all_scores(&after));
        for (x, y) in pairs {
            if pole == Pole::Engineer { prop_assert!(y >= x, "{x} -> {y}") } else { prop_assert!(y <= x, "{x} -> {y}") }
        }
    }

    #[test]
    fn flipping_keyed_flips_the_sign(bank in bank_strategy(), picks in prop::collection::vec(prop::option::of(0u8..5), 25)) {
        // Likert-only banks: flipping every question's key must negate every score exactly.
        let likerts: Vec<Question> = bank.questions.iter().map(|q| Question { kind: Kind::likert(Pole::Engineer), ..q.clone() }).collect();
        let flipped: Vec<Question> = likerts.iter().map(|q| Question { kind: Kind::likert(Pole::Developer), ..q.clone() }).collect();
        let (a, b) = (bank_of(likerts), bank_of(flipped));
        let answers = answers_for(&a, &picks);
        let (sa, sb) = (score_answers(&a, Form::Full, &answers), score_answers(&b, Form::Full, &answers));
        for (x, y) in all_scores(&sa).into_iter().zip(all_scores(&sb)) {
            prop_assert!(close(x, -y), "{x} vs {y}");
        }
        prop_assert_eq!(sa.consistency, sb.consistency);
        prop_assert_eq!(sa.drivers.engineer, sb.drivers.developer);
    }

    #[test]
    fn consistency_is_one_when_a_dimension_agrees(bank in bank_strategy(), eng in any::<bool>()) {
        let pole = if eng { Pole::Engineer } else { Pole::Developer };
        let answers = all_at(&bank, pole);
        let s = score_answers(&bank, Form::Full, &answers);
        // Choice questions can have no option at +-1, so agreement means "at the same value".
        let same = bank.questions.iter().all(|q| signed_value(q, &answers[&q.id]).map(f64::abs) == Some(1.0));
        // Consistency needs a dimension with two answers to compare.
        let paired = s.dimensions.values().any(|d| d.answered >= 2);
        if same {
            prop_assert_eq!(s.consistency, paired.then_some(1.0));
            // Agreeing answers: the margin is the prior's alone, shrinking with more answers.
            for d in s.dimensions.values() {
                if let Some(m) = d.margin {
                    prop_assert!(m > 0.0 && m <= 100.0, "{m}");
                }
            }
        }
    }
}
