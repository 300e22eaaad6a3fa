//! The shipped question bank meets the content rules of the core issue.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashSet;

use rolefit::bank::{Form, Kind, Lens, Pole};

#[test]
fn covers_the_six_dimensions_of_the_source_material() {
    let bank = common::default_bank();
    let ids: Vec<&str> = bank.dimensions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        ["scope", "focus", "skills", "impact", "workstyle", "path"]
    );
}

#[test]
fn has_enough_questions_of_every_kind_and_cell() {
    let bank = common::default_bank();
    assert!(bank.questions.len() >= 48, "{}", bank.questions.len());
    let count = |kind: &str| {
        bank.questions
            .iter()
            .filter(|q| q.kind.name() == kind)
            .count()
    };
    assert!(count("pair") >= 8, "pairs: {}", count("pair"));
    assert!(count("choice") >= 8, "choices: {}", count("choice"));
    for d in &bank.dimensions {
        for lens in Lens::ALL {
            let cell: Vec<_> = bank
                .questions
                .iter()
                .filter(|q| q.dimension == d.id && q.lens == lens)
                .collect();
            assert!(
                cell.len() >= 4,
                "{} {}: {}",
                d.id,
                lens.as_str(),
                cell.len()
            );
            let reverse = cell.iter().any(|q| {
                matches!(
                    q.kind,
                    Kind::Likert {
                        keyed: Pole::Developer,
                        ..
                    }
                )
            });
            assert!(
                reverse,
                "{} {} has no developer-keyed likert",
                d.id,
                lens.as_str()
            );
        }
    }
}

#[test]
fn quick_form_is_12_to_16_questions_covering_every_cell() {
    let bank = common::default_bank();
    let quick: Vec<_> = bank.form(Form::Quick).collect();
    assert!((12..=16).contains(&quick.len()), "{}", quick.len());
    for d in &bank.dimensions {
        for lens in Lens::ALL {
            assert!(
                quick.iter().any(|q| q.dimension == d.id && q.lens == lens),
                "{} {}",
                d.id,
                lens.as_str()
            );
        }
    }
}

#[test]
fn texts_are_short_distinct_and_free_of_absolutes() {
    let bank = common::default_bank();
    let mut seen = HashSet::new();
    for q in &bank.questions {
        let mut texts = vec![q.text.as_str()];
        match &q.kind {
            Kind::Pair {
                engineer,
                developer,
                ..
            } => texts.extend([engineer.as_str(), developer.as_str()]),
            Kind::Choice { options, .. } => texts.extend(options.iter().map(|o| o.text.as_str())),
            Kind::Likert { .. } => {}
        }
        for t in texts {
            assert!(
                seen.insert(t.to_lowercase()),
                "{}: repeated text {t:?}",
                q.id
            );
            assert!(
                t.split_whitespace().count() <= 25,
                "{}: over 25 words: {t}",
                q.id
            );
            for word in ["always", "never", "the best"] {
                assert!(
                    !t.to_lowercase().contains(word),
                    "{}: avoid {word:?}: {t}",
                    q.id
                );
            }
        }
        if let Kind::Choice { options, .. } = &q.kind {
            let min = options.iter().map(|o| o.lean).fold(f64::MAX, f64::min);
            let max = options.iter().map(|o| o.lean).fold(f64::MIN, f64::max);
            assert!(
                min <= -0.9 && max >= 0.9,
                "{}: options should span the spectrum",
                q.id
            );
            assert!(
                options.iter().any(|o| o.lean.abs() < 0.9),
                "{}: needs a middle option",
                q.id
            );
        }
    }
}
