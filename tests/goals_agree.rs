//! Compare and Goals judge a goal by one function: on generated histories, the status Compare
//! gives a goal for the newest two results is the status Goals gives it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{default_bank, extreme, people::neutral};
use proptest::prelude::*;
use rolefit::answers::Answers;
use rolefit::bank::{Bank, Form, Lens, Pole};
use rolefit::compare::compare;
use rolefit::goals::{evaluate, reading};
use rolefit::store::{Goal, ResultFile};

const DIMENSIONS: [&str; 6] = ["scope", "focus", "skills", "impact", "workstyle", "path"];

/// One result: for each question, 0 = skipped, 1 = engineer end, 2 = developer end, 3 = middle.
fn result(bank: &Bank, picks: &[u8], day: i64, form: Form) -> ResultFile {
    let answers: Answers = bank
        .questions
        .iter()
        .zip(picks.iter().cycle())
        .filter_map(|(q, p)| {
            let a = match p {
                1 => extreme(q, Pole::Engineer),
                2 => extreme(q, Pole::Developer),
                3 => neutral(q),
                _ => return None,
            };
            Some((q.id.clone(), a))
        })
        .collect();
    let order: Vec<String> = answers.keys().cloned().collect();
    let scores = rolefit::scoring::score_taken(bank, form, &order, &answers);
    let taken = jiff::Timestamp::from_second(1_780_000_000 + day * 86_400).unwrap();
    ResultFile::new(
        format!("{}-gen", taken.strftime("%Y%m%dT%H%M%SZ")),
        taken,
        String::new(),
        bank,
        form,
        order,
        answers,
        scores,
    )
}

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 9, 1)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    #[test]
    fn compare_and_goals_agree(
        // A sparse history: most questions skipped, so too few answers happen often.
        picks in prop::collection::vec(prop::collection::vec(prop_oneof![4 => Just(0u8), 1 => 1u8..4], 1..40), 2..5),
        gaps in prop::collection::vec(1i64..60, 5),
        forms in prop::collection::vec(prop_oneof![Just(Form::Full), Just(Form::Quick), Just(Form::Adaptive)], 5),
        goals in prop::collection::vec((0usize..6, 0u8..3, -100i32..=100, 0usize..5, 0i64..200, prop::option::of(0i64..200)), 1..4),
    ) {
        let bank = default_bank();
        let mut day = 0;
        let results: Vec<ResultFile> = picks
            .iter()
            .enumerate()
            .map(|(i, p)| {
                day += gaps[i];
                result(&bank, p, day, forms[i])
            })
            .collect();
        let goals: Vec<Goal> = goals
            .iter()
            .enumerate()
            .filter_map(|(i, (dim, lens, target, base, created, due))| {
                let base = &results[*base % results.len()];
                let lens = match lens {
                    1 => Some(Lens::Preference),
                    2 => Some(Lens::Practice),
                    _ => None,
                };
                let mut g = Goal {
                    id: u32::try_from(i + 1).unwrap(),
                    dimension: DIMENSIONS[*dim].into(),
                    lens,
                    target: f64::from(*target),
                    baseline: base.id.clone(),
                    baseline_score: 0.0,
                    baseline_margin: None,
                    note: String::new(),
                    due: due.map(|d| jiff::civil::date(2026, 6, 1).checked_add(jiff::Span::new().days(d)).unwrap()),
                    created_at: base.taken_at.checked_add(jiff::Span::new().hours(created * 12)).unwrap(),
                    done_at: None,
                };
                let r = reading(&bank, &g, base);
                g.baseline_score = r.score?;
                g.baseline_margin = r.margin;
                Some(g)
            })
            .collect();
        let newest_first: Vec<&ResultFile> = results.iter().rev().collect();
        let (before, after) = (newest_first[1], newest_first[0]);
        let c = compare(&bank, before, after, &goals, today());
        for g in &goals {
            let from_goals = evaluate(g, &bank, &newest_first, today());
            let from_compare = c
                .dimensions
                .iter()
                .find(|d| d.id == g.dimension)
                .and_then(|d| d.goals.iter().find(|m| m.id == g.id))
                .expect("every open goal has a line in Compare");
            prop_assert_eq!(from_goals.status, from_compare.status);
            prop_assert_eq!(from_goals.progress_pct.is_some(), from_compare.status.has_evidence());
        }
    }
}
