//! The adaptive form: its stop rule, replays, whole-bank equivalence with the full form, saved
//! results, custom banks, and the "about N more" it shows.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;

use proptest::prelude::*;
use rolefit::adaptive::{self, Check, Decision, MIN_ANSWERS, More, Stop, replay};
use rolefit::answers::{Answers, answer_at, option_count};
use rolefit::bank::{Bank, ChoiceOption, Dimension, Form, Kind, Lens, Pole, Question};
use rolefit::engine::{Assessment, Status};
use rolefit::scoring::{score_answers, signed_value};
use rolefit::session::Session;
use rolefit::store::Store;

/// A person at `position` (-1 developer .. +1 engineer) answering every question, each answer
/// the option nearest their position plus noise drawn from `seed`.
fn person(bank: &Bank, position: f64, noise: f64, seed: u64) -> Answers {
    let mut rng = fastrand::Rng::with_seed(seed);
    bank.questions
        .iter()
        .map(|q| {
            let want = position + noise * (rng.f64() * 2.0 - 1.0);
            let best = (0..option_count(q))
                .min_by(|&i, &j| {
                    let d = |k: usize| {
                        let s = signed_value(q, &answer_at(q, k).unwrap()).unwrap();
                        (s - want).abs()
                    };
                    d(i).total_cmp(&d(j))
                })
                .unwrap();
            (q.id.clone(), answer_at(q, best).unwrap())
        })
        .collect()
}

/// Every dimension x lens of the bank has an answer, or all its questions were asked.
fn cells_covered(bank: &Bank, a: &Assessment) -> bool {
    let asked: BTreeSet<&str> = a.order().iter().map(String::as_str).collect();
    bank.dimensions.iter().all(|d| {
        Lens::ALL.iter().all(|l| {
            let cell: Vec<&Question> = bank
                .questions
                .iter()
                .filter(|q| q.dimension == d.id && q.lens == *l)
                .collect();
            cell.iter().any(|q| a.answers().contains_key(&q.id))
                || cell.iter().all(|q| asked.contains(q.id.as_str()))
        })
    })
}

/// Drives an adaptive assessment as a person would, answering from `all` and skipping where
/// `skip` says, checking the stop rule's promises after every step. Returns the assessment.
fn take(bank: &Bank, all: &Answers, seed: Option<u64>, skip: &dyn Fn(usize) -> bool) -> Assessment {
    let mut a = Assessment::new(bank, Form::Adaptive, seed).unwrap();
    for step in 0.. {
        let q = a.current(bank).unwrap().id.clone();
        let moved = if skip(step) {
            a.skip_in(bank)
        } else {
            a.answer(bank, all[&q].clone()).unwrap();
            a.forward()
        };
        let check = Check::new(bank, a.answers(), &a.done_ids());
        if !moved {
            let Decision::Stop(why) = check.decision() else {
                panic!("the form stopped growing while the rule says go on: {check:?}")
            };
            if why != Stop::Exhausted {
                assert!(check.answered >= MIN_ANSWERS, "{check:?}");
                assert!(cells_covered(bank, &a), "stopped with a cell uncovered");
                assert!(check.placement_clear());
            } else {
                assert_eq!(a.len(), bank.questions.len());
            }
            return a;
        }
        assert_eq!(check.decision(), Decision::Continue, "asked past the stop");
        assert!(step < bank.questions.len(), "runaway");
    }
    unreachable!()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_stop_rule_never_stops_early_or_with_an_uncovered_cell(
        position in -1.0f64..1.0,
        noise in 0.0f64..1.5,
        seed in any::<u64>(),
        skips in prop::collection::btree_set(0usize..30, 0..8),
        selector in prop::option::of(any::<u64>()),
    ) {
        let bank = common::default_bank();
        let all = person(&bank, position, noise, seed);
        let a = take(&bank, &all, selector, &|step| skips.contains(&step));
        let asked: BTreeSet<&String> = a.order().iter().collect();
        prop_assert_eq!(asked.len(), a.len(), "no question asked twice");
    }

    #[test]
    fn replaying_the_same_answers_twice_gives_the_same_sequence(
        position in -1.0f64..1.0,
        noise in 0.0f64..1.5,
        seed in any::<u64>(),
        selector in prop::option::of(any::<u64>()),
    ) {
        let bank = common::default_bank();
        let all = person(&bank, position, noise, seed);
        let first = replay(&bank, &all, selector).unwrap();
        let second = replay(&bank, &all, selector).unwrap();
        prop_assert_eq!(&first, &second);
        // The replay is what a person answering on screen goes through.
        let taken = take(&bank, &all, selector, &|_| false);
        prop_assert_eq!(taken.order(), first.asked.as_slice());
    }

    #[test]
    fn the_first_questions_cover_every_dimension_and_lens(
        position in -1.0f64..1.0,
        noise in 0.0f64..1.5,
        seed in any::<u64>(),
    ) {
        let bank = common::default_bank();
        let r = replay(&bank, &person(&bank, position, noise, seed), None).unwrap();
        let cells: BTreeSet<(&str, Lens)> = r.asked[..12]
            .iter()
            .map(|id| bank.question(id).unwrap())
            .map(|q| (q.dimension.as_str(), q.lens))
            .collect();
        prop_assert_eq!(cells.len(), 12);
    }

    /// Whoever ends up answering the whole bank has exactly the full form's scores.
    #[test]
    fn the_whole_bank_answered_gives_exactly_the_full_forms_scores(
        position in -0.3f64..0.3,
        seed in any::<u64>(),
    ) {
        let bank = common::default_bank();
        // Answers all over the scale: no placement settles before the bank runs out.
        let all = person(&bank, position, 2.0, seed);
        let r = replay(&bank, &all, None).unwrap();
        if r.asked.len() == bank.questions.len() {
            prop_assert_eq!(&r.adaptive, &r.full);
        }
    }
}

/// Answers that contradict each other within every dimension scatter too much for an early
/// prediction: the form goes on well past the minimum, and then places them as the full form
/// does.
#[test]
fn a_contradictory_respondent_is_asked_more_and_placed_as_the_full_form() {
    let bank = common::default_bank();
    let file = std::path::Path::new("tests/fixtures/answers/adaptive/contradictory.toml");
    let answers = rolefit::answers::load_answers(file, &bank).unwrap();
    let r = replay(&bank, &answers, None).unwrap();
    assert!(r.asked.len() > MIN_ANSWERS + 4, "{r:?}");
    assert!(r.same_archetype(), "{r:?}");
    if r.stop == Stop::Exhausted {
        assert_eq!(r.adaptive, score_answers(&bank, Form::Full, &answers));
    }
}

#[test]
fn a_clear_respondent_stops_early_and_agrees_with_the_full_form() {
    let bank = common::default_bank();
    let all = common::all_at(&bank, Pole::Engineer);
    let r = replay(&bank, &all, None).unwrap();
    assert_eq!(r.asked.len(), MIN_ANSWERS, "settled as soon as allowed");
    assert_eq!(r.stop, Stop::Predicted);
    assert!(r.same_archetype() && r.within_full_margin() == Some(true));
}

/// Two people with the same seed start alike (the coverage order is the seed's), and then are
/// asked what their own answers call for; two seeds start differently.
#[test]
fn what_is_asked_depends_on_the_answers_and_the_seed() {
    let bank = common::default_bank();
    let junior = replay(&bank, &person(&bank, -0.35, 0.9, 1), Some(5)).unwrap();
    let principal = replay(&bank, &person(&bank, 0.25, 0.9, 2), Some(5)).unwrap();
    assert_ne!(junior.asked, principal.asked);
    let other = replay(&bank, &person(&bank, -0.35, 0.9, 1), Some(6)).unwrap();
    assert_ne!(junior.asked[..12], other.asked[..12]);
}

#[test]
fn the_seed_only_breaks_ties_and_the_same_seed_repeats() {
    let bank = common::default_bank();
    let all = person(&bank, 0.4, 0.6, 7);
    let orders: Vec<Vec<String>> = [Some(1), Some(1), Some(2), None]
        .into_iter()
        .map(|s| replay(&bank, &all, s).unwrap().asked)
        .collect();
    assert_eq!(orders[0], orders[1]);
    assert!(
        orders[0] != orders[2] || orders[2] != orders[3],
        "seeds reorder equal questions"
    );
}

#[test]
fn missing_answers_count_as_skipped_and_the_form_goes_on() {
    let bank = common::default_bank();
    let mut all = common::all_at(&bank, Pole::Developer);
    let first = replay(&bank, &all, None).unwrap().asked;
    all.shift_remove(&first[0]);
    all.shift_remove(&first[3]);
    let r = replay(&bank, &all, None).unwrap();
    assert_eq!(r.missing, vec![first[0].clone(), first[3].clone()]);
    assert_eq!(r.adaptive.skipped, 2);
    assert_eq!(r.adaptive.answered, r.asked.len() - 2);
    assert!(r.adaptive.answered >= MIN_ANSWERS);
}

#[test]
fn progress_is_about_n_more_from_the_prediction() {
    let bank = common::default_bank();
    let a = Assessment::new(&bank, Form::Adaptive, None).unwrap();
    let none = Check::new(&bank, a.answers(), a.order());
    assert_eq!(none.more(), More::AtLeast(12));
    assert_eq!(none.more().to_string(), "at least 12 more");
    // Answers split between the poles: a wide margin around the middle of the hybrid band.
    let mixed = person(&bank, 0.0, 2.0, 3);
    let r = replay(&bank, &mixed, None).unwrap();
    let some: Answers = r.asked[..14]
        .iter()
        .map(|id| (id.clone(), mixed[id].clone()))
        .collect();
    let check = Check::new(&bank, &some, &r.asked[..14]);
    assert!(!check.placement_clear(), "{check:?}");
    match check.more() {
        // More answers never lower the estimate's target: answering that many more as
        // predicted would reach the stop probability, one fewer would not.
        More::About(n) => assert!(n >= 1 && n < bank.questions.len() - 14, "{n}"),
        More::UpTo(n) => assert_eq!(n, bank.questions.len() - 14),
        other => panic!("{other:?}"),
    }
    let done = Check::new(&bank, &common::all_at(&bank, Pole::Engineer), &[]);
    assert_eq!(done.more(), More::Nothing);
}

#[test]
fn an_adaptive_assessment_saves_resumes_and_finishes_like_any_other() {
    let bank = common::default_bank();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let now = common::tui::fixed_now();
    let all = person(&bank, -0.5, 0.5, 11);
    let mut s = Session::start(&bank, Form::Adaptive, Some(5), "adaptive".into(), now).unwrap();
    for _ in 0..6 {
        let id = s.assessment().current(&bank).unwrap().id.clone();
        s.assessment_mut().answer(&bank, all[&id].clone()).unwrap();
        assert!(s.assessment_mut().forward());
    }
    s.autosave(&store).unwrap();
    let saved = store.load_in_progress().unwrap().unwrap();
    let mut s = Session::resume(saved, &bank).unwrap();
    assert_eq!(s.assessment().progress().answered, 6);
    assert_eq!(
        s.assessment().answered_text(),
        "6 answered",
        "no fixed total"
    );
    assert_eq!(s.assessment().status(6), Status::Open);
    loop {
        let id = s.assessment().current(&bank).unwrap().id.clone();
        s.assessment_mut().answer(&bank, all[&id].clone()).unwrap();
        if !s.assessment_mut().forward() {
            break;
        }
    }
    let mut rng = fastrand::Rng::with_seed(1);
    let result = s.finish(&bank, &store, now, &mut rng).unwrap();
    assert_eq!(result.form, Form::Adaptive);
    assert_eq!(result.order, replay(&bank, &all, Some(5)).unwrap().asked);
    assert_eq!(result.scores.skipped, 0);
    assert_eq!(result.scores.answered, result.order.len());
    assert!(store.load_in_progress().unwrap().is_none());
    assert!(
        rolefit::report::provisional_note(&bank, &result).is_none(),
        "it settled"
    );

    // Reopened, it is the same result, and rescoring changes nothing.
    let reopened = store.find_result(&result.id).unwrap();
    assert_eq!(reopened, result);
    assert_eq!(reopened.clone().rescored(&bank), result);

    // History lists it; Compare against a full result works on the questions both asked.
    let full = common::results::saved(&store, &bank, all.clone(), "full", "2026-12-01T09:00:00Z");
    let rows = rolefit::history::entries(store.list_results().unwrap(), &bank);
    let forms: Vec<Form> = rows
        .iter()
        .filter_map(|e| e.row.as_ref().ok())
        .map(|r| r.form)
        .collect();
    assert!(forms.contains(&Form::Adaptive) && forms.contains(&Form::Full));
    let c = rolefit::compare::compare(&bank, &result, &full, &[], jiff::civil::date(2026, 12, 1));
    assert!(c.forms_differ);
    assert_eq!(c.shared_questions, result.order.len());
    assert_eq!(
        c.not_shared.len(),
        bank.questions.len() - result.order.len()
    );
    assert!(
        c.changed_answers.is_empty(),
        "the same person, the same answers"
    );
    assert!(c.overall.delta.is_some());
    assert!(
        rolefit::report::forms_note(&c)
            .unwrap()
            .contains("the earlier result is an adaptive form (")
    );
    let texts = rolefit::assets::Texts::load();
    let text = rolefit::report::compare_text(&c, &texts, false);
    assert!(text.contains("Overall"), "{text}");
}

/// The option shuffle of a scenario (issue 13) holds for the adaptive form too: its questions
/// are not known in advance, so every scenario of the bank gets its display order at the start,
/// half of them opening with each pole; the order shown when a scenario comes up is that one,
/// and a resume keeps it. Answers are stored by the bank's keys whatever the order.
#[test]
fn an_adaptive_assessment_draws_every_scenarios_option_order_at_the_start() {
    let bank = common::default_bank();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let now = common::tui::fixed_now();
    let mut s = Session::start(&bank, Form::Adaptive, Some(9), String::new(), now).unwrap();
    let scenarios: Vec<&Question> = bank
        .questions
        .iter()
        .filter(|q| matches!(q.kind, Kind::Choice { .. }))
        .collect();
    assert!(scenarios.len() >= 4);
    let drawn: Vec<Vec<usize>> = scenarios
        .iter()
        .map(|q| {
            let shown = s.assessment().shown(q);
            (0..shown.len())
                .map(|i| rolefit::answers::option_index(q, &shown.answer(i).unwrap()).unwrap())
                .collect()
        })
        .collect();
    assert!(
        drawn.iter().any(|o| o.windows(2).any(|w| w[0] > w[1])),
        "some scenario is not shown in bank order: {drawn:?}"
    );
    let engineer_first = scenarios
        .iter()
        .zip(&drawn)
        .filter(|(q, o)| match &q.kind {
            Kind::Choice { options, .. } => options[o[0]].lean > 0.0,
            _ => false,
        })
        .count();
    assert!(
        engineer_first.abs_diff(scenarios.len() / 2) <= 1,
        "{engineer_first} of {} open with the engineer pole",
        scenarios.len()
    );
    // Answer (always the shown first option) until a scenario comes up, save and resume.
    let mut seen = None;
    for _ in 0..bank.questions.len() {
        let q = s.assessment().current(&bank).unwrap().clone();
        if let Some(k) = scenarios.iter().position(|x| x.id == q.id) {
            seen = Some(k);
            break;
        }
        let first = s.assessment().shown(&q).answer(0).unwrap();
        s.assessment_mut().answer(&bank, first).unwrap();
        assert!(s.assessment_mut().forward());
    }
    let k = seen.expect("a scenario is asked before the bank runs out");
    s.autosave(&store).unwrap();
    let s = Session::resume(store.load_in_progress().unwrap().unwrap(), &bank).unwrap();
    let q = scenarios[k];
    let shown = s.assessment().shown(q);
    let order: Vec<usize> = (0..shown.len())
        .map(|i| rolefit::answers::option_index(q, &shown.answer(i).unwrap()).unwrap())
        .collect();
    assert_eq!(
        order, drawn[k],
        "the order drawn at the start, kept on resume"
    );
}

#[test]
fn finishing_early_gives_a_provisional_result_that_says_why() {
    let bank = common::default_bank();
    let all = person(&bank, 0.3, 0.8, 5);
    let r = replay(&bank, &all, None).unwrap();
    let order = r.asked[..8].to_vec();
    let answers: Answers = order
        .iter()
        .map(|id| (id.clone(), all[id].clone()))
        .collect();
    let result = common::results::result(&bank, Form::Adaptive, answers.clone(), "early");
    let result = rolefit::store::ResultFile {
        order: order.clone(),
        ..result
    }
    .rescored(&bank);
    let note = rolefit::report::provisional_note(&bank, &result).unwrap();
    let check = Check::new(&bank, &answers, &order);
    assert!(
        note.starts_with("Provisional: finished after 8 answers"),
        "{note}"
    );
    assert!(note.contains("settling needs 12 answers"), "{note}");
    assert!(
        note.contains(&format!(
            "{} dimension-and-lens areas are unanswered",
            check.uncovered.len()
        )),
        "{note}"
    );
    assert!(!check.placement_clear());
    let p = check.likely.unwrap();
    let likely = format!(
        "the full form would give the same placement only {}% of the time",
        (p * 100.0).floor()
    );
    assert!(note.contains(&likely), "{note} / {likely}");
    // The core says it in values; only report words them.
    let values = adaptive::provisional(&bank, &result).unwrap();
    assert_eq!(
        (
            values.answered,
            values.unclear,
            values.uncovered,
            values.needs
        ),
        (8, Some(Some(p)), check.uncovered.len(), Some(12))
    );
    assert_eq!(values.more, check.more());
    // Another form, or the same answers settled, is never provisional.
    let full = common::results::result(&bank, Form::Full, answers, "");
    assert!(rolefit::report::provisional_note(&bank, &full).is_none());
    let texts = rolefit::assets::Texts::load();
    let summary = rolefit::report::summarise(&bank, &result, &texts);
    assert_eq!(summary.provisional.as_deref(), Some(note.as_str()));
    for out in [
        rolefit::report::result_text(&summary),
        rolefit::report::markdown_report(&summary),
        rolefit::report::html_report(&summary),
    ] {
        assert!(
            out.contains("Provisional: finished after 8 answers"),
            "{out}"
        );
    }
}

/// A random valid bank: 1-4 dimensions, 1-6 questions per dimension and lens, every kind,
/// weights and leans anywhere in their ranges.
fn any_bank() -> impl Strategy<Value = Bank> {
    (
        1usize..5,
        prop::collection::vec((1usize..7, 1usize..7), 4),
        any::<u64>(),
    )
        .prop_map(|(dims, sizes, seed)| {
            let mut rng = fastrand::Rng::with_seed(seed);
            let dimensions: Vec<Dimension> = (0..dims)
                .map(|d| Dimension {
                    id: format!("d{d}"),
                    title: format!("Dimension {d}"),
                    engineer: "e".into(),
                    developer: "d".into(),
                })
                .collect();
            let mut questions = Vec::new();
            for (d, (pref, prac)) in sizes.iter().take(dims).enumerate() {
                for (lens, n) in [(Lens::Preference, pref), (Lens::Practice, prac)] {
                    for i in 0..*n {
                        let kind = match rng.usize(..3) {
                            0 => Kind::likert(if rng.bool() {
                                Pole::Engineer
                            } else {
                                Pole::Developer
                            }),
                            1 => Kind::pair("B", "A"),
                            _ => Kind::choice(
                                (0..rng.usize(2..6))
                                    .map(|k| ChoiceOption {
                                        key: char::from(b'a' + u8::try_from(k).unwrap()),
                                        text: format!("option {k}"),
                                        lean: f64::from(rng.i32(-10..=10)) / 10.0,
                                    })
                                    .collect(),
                            ),
                        };
                        questions.push(Question {
                            id: format!("d{d}-{}-{i}", lens.as_str()),
                            dimension: format!("d{d}"),
                            lens,
                            text: "A question".into(),
                            weight: f64::from(rng.u32(1..=30)) / 10.0,
                            quick: false,
                            kind,
                        });
                    }
                }
            }
            rng.shuffle(&mut questions);
            Bank::new("random".into(), "1".into(), dimensions, questions)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any valid bank: the form ends, asks nothing twice, keeps its promises, and a whole
    /// bank answered is the full form.
    #[test]
    fn any_valid_bank_works(bank in any_bank(), seed in any::<u64>(), skips in prop::collection::btree_set(0usize..20, 0..4)) {
        let mut rng = fastrand::Rng::with_seed(seed);
        let all: Answers = bank
            .questions
            .iter()
            .map(|q| (q.id.clone(), answer_at(q, rng.usize(..option_count(q))).unwrap()))
            .collect();
        let a = take(&bank, &all, Some(seed), &|step| skips.contains(&step));
        prop_assert!(a.len() <= bank.questions.len());
        let r = replay(&bank, &all, Some(seed)).unwrap();
        if r.asked.len() == bank.questions.len() {
            prop_assert_eq!(&r.adaptive, &r.full);
        }
    }
}

/// The fixture answer sets (people chosen to probe the form) replay the same way twice, and
/// where the full form's own interval lies inside one band, the adaptive form places them the
/// same. BENCHMARKS.md lists their figures.
#[test]
fn every_fixture_answer_set_replays_and_agrees_where_the_full_form_is_settled() {
    let bank = common::default_bank();
    let mut files: Vec<_> = std::fs::read_dir("tests/fixtures/answers/adaptive")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{files:?}");
    for f in files {
        let answers = rolefit::answers::load_answers(&f, &bank).unwrap_or_else(|e| {
            panic!("{e}\n(after a change to the bank: cargo run --example adaptive_sim -- --write-fixtures)")
        });
        let r = replay(&bank, &answers, None).unwrap();
        assert_eq!(r, replay(&bank, &answers, None).unwrap());
        let (o, m) = (r.full.overall.unwrap(), r.full.margin.unwrap());
        let settled = rolefit::scoring::Archetype::from_overall(o - m)
            == rolefit::scoring::Archetype::from_overall(o + m);
        if settled {
            assert!(r.same_archetype(), "{}: {r:?}", f.display());
        }
    }
}

/// An adaptive result and an adaptive assessment in progress as this version writes them (kept
/// under tests/golden/, never edited) still load, resume, rescore the same and say what they are.
#[test]
fn golden_adaptive_files_still_load() {
    let bank = common::default_bank();
    let golden = std::path::Path::new("tests/golden/schema-1");
    let r = Store::load_result_file(&golden.join("result-adaptive.toml")).unwrap();
    assert_eq!(r.form, Form::Adaptive);
    assert_eq!((r.scores.answered, r.scores.skipped), (12, 2));
    // Taken on bank 1.0: rescored, and judged provisional, with the questions it was asked.
    assert_eq!(r.bank.version, "1.0");
    let old = rolefit::bank::archived(&bank, &r.bank.name, "1.0").expect("1.0 is archived");
    assert_eq!(r.clone().rescored(&bank).scores, r.scores);
    for b in [&bank, old] {
        assert!(
            rolefit::report::provisional_note(b, &r)
                .unwrap()
                .starts_with("Provisional: finished after 12 answers")
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    std::fs::copy(
        golden.join("in-progress-adaptive.toml"),
        store.in_progress_path(),
    )
    .unwrap();
    // On the bank it was started on, it resumes where it was and asks on.
    let p = store.load_in_progress().unwrap().unwrap();
    let mut s = Session::resume(p.clone(), old).unwrap();
    assert_eq!(s.changed, None);
    let a = s.assessment_mut();
    assert_eq!(
        (a.form, a.seed, a.len(), a.position()),
        (Form::Adaptive, Some(3), 7, 6)
    );
    let q = a.current(old).unwrap().clone();
    a.answer(old, answer_at(&q, 2).unwrap()).unwrap();
    assert!(a.forward(), "answering the last question asks the next");
    // On bank 2.0, which no longer has the question it was on: the answers to questions it
    // still has are kept, and the selector asks its next question in place of the one gone.
    let mut s = Session::resume(p.clone(), &bank).unwrap();
    let a = s.assessment_mut();
    assert_eq!(a.form, Form::Adaptive);
    assert!(!a.order().contains(&"scope-changed-convention".to_owned()));
    assert!(
        a.answers()
            .iter()
            .all(|(id, v)| p.assessment.answers().get(id) == Some(v))
    );
    assert_eq!(a.position() + 1, a.len());
    assert_eq!(a.status(a.position()), Status::Open);
    let asked = &a.order()[..a.len() - 1];
    let next = adaptive::next_question(&bank, a.answers(), asked, Some(3)).unwrap();
    assert_eq!(a.current(&bank).unwrap().id, next.id);
    let q = a.current(&bank).unwrap().clone();
    a.answer(&bank, answer_at(&q, 0).unwrap()).unwrap();
    assert!(a.forward(), "the next question is asked");
}
