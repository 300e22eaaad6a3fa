//! Scoring model version 2, checked against a second implementation written from the README's
//! specification alone (it shares nothing with `src/scoring.rs` but the bank types), through the
//! library and through `rolefit score --format json`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;

use common::default_bank;
use proptest::prelude::*;
use rolefit::answers::{Answer, Answers};
use rolefit::bank::{Bank, Form, Kind, Lens, Pole, Question};
use rolefit::scoring::score_answers;
use serde_json::Value;

// ---- the reference implementation

fn s_of(q: &Question, a: &Answer) -> f64 {
    match (&q.kind, a) {
        (
            Kind::Likert {
                keyed: Pole::Engineer,
                ..
            }
            | Kind::Pair {
                first: Pole::Developer,
                ..
            },
            Answer::Scale(n),
        ) => (f64::from(*n) - 3.0) / 2.0,
        (
            Kind::Likert {
                keyed: Pole::Developer,
                ..
            }
            | Kind::Pair {
                first: Pole::Engineer,
                ..
            },
            Answer::Scale(n),
        ) => (3.0 - f64::from(*n)) / 2.0,
        (Kind::Choice { options, .. }, Answer::Option(k)) => {
            options.iter().find(|o| o.key == *k).unwrap().lean
        }
        _ => panic!("answer does not fit {}", q.id),
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Scale {
    n: usize,
    score: Option<f64>,
    margin: Option<f64>,
}

fn scale(items: &[(f64, f64)]) -> Scale {
    let n = items.len();
    let w: f64 = items.iter().map(|(w, _)| w).sum();
    if n == 0 {
        return Scale {
            n,
            score: None,
            margin: None,
        };
    }
    let m = items.iter().map(|(w, s)| w * s).sum::<f64>() / w;
    let margin = (n >= 3).then(|| {
        let ss: f64 = items.iter().map(|(wi, s)| wi * (s - m) * (s - m)).sum();
        let var = (ss + 2.0 * 0.25) / (w + 2.0);
        let n_eff = w * w / items.iter().map(|(wi, _)| wi * wi).sum::<f64>();
        (1.96 * 100.0 * (var / n_eff).sqrt()).min(100.0)
    });
    Scale {
        n,
        score: Some(100.0 * m),
        margin,
    }
}

struct Reference {
    overall: Scale,
    preference: Scale,
    practice: Scale,
    dims: BTreeMap<String, (Scale, Scale, Scale)>,
    consistency: Option<f64>,
    archetype: Option<&'static str>,
}

fn reference(bank: &Bank, answers: &Answers) -> Reference {
    let items: Vec<(&Question, f64, f64)> = bank
        .questions
        .iter()
        .filter_map(|q| Some((q, q.weight, s_of(q, answers.get(&q.id)?))))
        .collect();
    let pick = |f: &dyn Fn(&Question) -> bool| -> Vec<(f64, f64)> {
        items
            .iter()
            .filter(|(q, ..)| f(q))
            .map(|(_, w, s)| (*w, *s))
            .collect()
    };
    let mut dims = BTreeMap::new();
    let (mut cw, mut cwsum) = (0.0, 0.0);
    for d in &bank.dimensions {
        let all = pick(&|q| q.dimension == d.id);
        if all.len() >= 2 {
            let w: f64 = all.iter().map(|(w, _)| w).sum();
            let m = all.iter().map(|(w, s)| w * s).sum::<f64>() / w;
            let c = 1.0 - all.iter().map(|(wi, s)| wi * (s - m).abs()).sum::<f64>() / w;
            cw += c * w;
            cwsum += w;
        }
        dims.insert(
            d.id.clone(),
            (
                scale(&all),
                scale(&pick(&|q| {
                    q.dimension == d.id && q.lens == Lens::Preference
                })),
                scale(&pick(&|q| q.dimension == d.id && q.lens == Lens::Practice)),
            ),
        );
    }
    let overall = scale(&pick(&|_| true));
    let archetype = overall.score.filter(|_| items.len() >= 10).map(|o| {
        if o <= -60.0 {
            "product-developer"
        } else if o < -20.0 {
            "developer-leaning"
        } else if o <= 20.0 {
            "hybrid"
        } else if o < 60.0 {
            "engineer-leaning"
        } else {
            "systems-engineer"
        }
    });
    Reference {
        overall,
        preference: scale(&pick(&|q| q.lens == Lens::Preference)),
        practice: scale(&pick(&|q| q.lens == Lens::Practice)),
        dims,
        consistency: (cwsum > 0.0).then(|| cw / cwsum),
        archetype,
    }
}

// ---- comparing a JSON rendering of the scores with the reference

fn num(v: &Value) -> Option<f64> {
    if v.is_null() {
        None
    } else {
        Some(v.as_f64().unwrap_or_else(|| panic!("not a number: {v}")))
    }
}

fn same(what: &str, got: &Value, want: Option<f64>) {
    match (num(got), want) {
        (None, None) => {}
        (Some(g), Some(w)) => assert!((g - w).abs() <= 1e-9, "{what}: got {g}, want {w}"),
        (g, w) => panic!("{what}: got {g:?}, want {w:?}"),
    }
}

fn check_json(json: &Value, r: &Reference) {
    same("overall", &json["overall"], r.overall.score);
    same("margin", &json["margin"], r.overall.margin);
    same("preference", &json["preference"], r.preference.score);
    same("practice", &json["practice"], r.practice.score);
    same(
        "preference_margin",
        &json["preference_margin"],
        r.preference.margin,
    );
    same(
        "practice_margin",
        &json["practice_margin"],
        r.practice.margin,
    );
    same("consistency", &json["consistency"], r.consistency);
    same(
        "engineer_pct",
        &json["engineer_pct"],
        r.overall.score.map(|o| (o + 100.0) / 2.0),
    );
    assert_eq!(json["answered"].as_u64(), Some(r.overall.n as u64));
    assert_eq!(json["archetype"].as_str(), r.archetype, "archetype");
    for (id, (all, pref, prac)) in &r.dims {
        let d = &json["dimensions"][id];
        same(&format!("{id}.combined"), &d["combined"], all.score);
        same(&format!("{id}.margin"), &d["margin"], all.margin);
        same(&format!("{id}.preference"), &d["preference"], pref.score);
        same(&format!("{id}.practice"), &d["practice"], prac.score);
        same(
            &format!("{id}.preference_margin"),
            &d["preference_margin"],
            pref.margin,
        );
        same(
            &format!("{id}.practice_margin"),
            &d["practice_margin"],
            prac.margin,
        );
        assert_eq!(d["answered"].as_u64(), Some(all.n as u64), "{id}.answered");
    }
}

// ---- random answer sets on the default bank

/// A small deterministic generator (xorshift), so the binary test needs no proptest runner.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn random_answers(bank: &Bank, g: &mut Gen) -> Answers {
    let n = g.below(bank.questions.len() as u64 + 1) as usize;
    let mut ids: Vec<&Question> = bank.questions.iter().collect();
    // A partial Fisher-Yates shuffle picks n distinct questions.
    for i in 0..n {
        let j = i + g.below((ids.len() - i) as u64) as usize;
        ids.swap(i, j);
    }
    // Some sets lean hard one way, some answer everything alike: the edges matter most.
    let style = g.below(4);
    ids.into_iter()
        .take(n)
        .map(|q| {
            let a = match &q.kind {
                Kind::Choice { options, .. } => {
                    Answer::Option(options[g.below(options.len() as u64) as usize].key)
                }
                _ => Answer::Scale(match style {
                    0 => 3,
                    1 => 5,
                    _ => 1 + g.below(5) as u8,
                }),
            };
            (q.id.clone(), a)
        })
        .collect()
}

fn answers_toml(answers: &Answers) -> String {
    let mut out = String::from("[answers]\n");
    for (id, a) in answers {
        out.push_str(&format!("{id} = {}\n", toml::Value::try_from(a).unwrap()));
    }
    out
}

#[test]
fn library_matches_the_reference_on_random_answer_sets() {
    let bank = default_bank();
    let mut g = Gen(0x9e37_79b9_7f4a_7c15);
    for _ in 0..2_000 {
        let answers = random_answers(&bank, &mut g);
        let json = serde_json::to_value(score_answers(&bank, Form::Full, &answers)).unwrap();
        check_json(&json, &reference(&bank, &answers));
    }
}

#[test]
fn score_json_matches_the_reference_on_random_answer_sets() {
    let bank = default_bank();
    let dir = tempfile::tempdir().unwrap();
    let mut g = Gen(0x2545_f491_4f6c_dd1d);
    // Every answer count from 0 to the whole bank at least once, then random ones.
    for round in 0..80 {
        let mut answers = random_answers(&bank, &mut g);
        if round <= bank.questions.len() {
            answers = bank
                .questions
                .iter()
                .take(round)
                .map(|q| {
                    let a = match &q.kind {
                        Kind::Choice { options, .. } => Answer::Option(options[0].key),
                        _ => Answer::Scale(1 + (round % 5) as u8),
                    };
                    (q.id.clone(), a)
                })
                .collect();
        }
        let file = dir.path().join(format!("a{round}.toml"));
        std::fs::write(&file, answers_toml(&answers)).unwrap();
        let out = assert_cmd::Command::cargo_bin("rolefit")
            .unwrap()
            .args(["score", "--format", "json", "--answers"])
            .arg(&file)
            .env("ROLEFIT_DATA_DIR", dir.path().join("data"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        check_json(&json, &reference(&bank, &answers));
    }
}

// ---- invariants of the model

fn scale_items() -> impl Strategy<Value = Vec<(f64, f64)>> {
    prop::collection::vec(
        (
            (1u32..=30).prop_map(|w| f64::from(w) / 10.0),
            (0u8..=8).prop_map(|k| f64::from(k) / 4.0 - 1.0),
        ),
        0..40,
    )
}

/// A one-dimension, one-lens bank of likert questions with the given weights, and answers that
/// give the given values (multiples of 0.5, from the agree scale).
fn one_scale(items: &[(f64, f64)]) -> (Bank, Answers) {
    let questions: Vec<Question> = items
        .iter()
        .enumerate()
        .map(|(i, (w, _))| Question {
            id: format!("q{i}"),
            dimension: "d".into(),
            lens: Lens::Preference,
            text: "t".into(),
            weight: *w,
            quick: false,
            kind: Kind::likert(Pole::Engineer),
        })
        .collect();
    let answers = items
        .iter()
        .enumerate()
        .map(|(i, (_, s))| {
            (
                format!("q{i}"),
                Answer::Scale((s * 2.0 + 3.0).round() as u8),
            )
        })
        .collect();
    let bank = Bank::new(
        "t".into(),
        "1".into(),
        vec![rolefit::bank::Dimension {
            id: "d".into(),
            title: "d".into(),
            engineer: "e".into(),
            developer: "d".into(),
        }],
        questions,
    );
    (bank, answers)
}

proptest! {
    #[test]
    fn margins_are_at_most_100_and_null_exactly_below_three(items in scale_items()) {
        let items: Vec<(f64, f64)> = items.into_iter().map(|(w, s)| (w, (s * 2.0).round() / 2.0)).collect();
        let (bank, answers) = one_scale(&items);
        let s = score_answers(&bank, Form::Full, &answers);
        let d = &s.dimensions["d"];
        for m in [s.margin, s.preference_margin, d.margin, d.preference_margin] {
            prop_assert_eq!(m.is_none(), items.len() < 3);
            if let Some(m) = m { prop_assert!(m > 0.0 && m <= 100.0, "{}", m); }
        }
        prop_assert_eq!(s.practice_margin, None);
    }

    #[test]
    fn an_answer_at_the_mean_never_widens_the_margin(items in scale_items(), w in (1u32..=30).prop_map(|w| f64::from(w) / 10.0)) {
        prop_assume!(items.len() >= 3);
        let before = scale(&items);
        let m = before.score.unwrap() / 100.0;
        let mut more = items.clone();
        more.push((w, m));
        let after = scale(&more);
        prop_assert!(after.margin.unwrap() <= before.margin.unwrap() + 1e-9, "{:?} -> {:?}", before.margin, after.margin);
    }

    #[test]
    fn consistency_ignores_single_answer_dimensions(items in scale_items(), lone in 1u8..=5) {
        let items: Vec<(f64, f64)> = items.into_iter().map(|(w, s)| (w, (s * 2.0).round() / 2.0)).collect();
        let (mut bank, mut answers) = one_scale(&items);
        let base = score_answers(&bank, Form::Full, &answers).consistency;
        // A second dimension with one answer changes nothing.
        bank = Bank::new(bank.name.clone(), bank.version.clone(), {
            let mut d = bank.dimensions.clone();
            d.push(rolefit::bank::Dimension { id: "e".into(), title: "e".into(), engineer: "e".into(), developer: "d".into() });
            d
        }, {
            let mut q = bank.questions.clone();
            q.push(Question { id: "lone".into(), dimension: "e".into(), lens: Lens::Practice, text: "t".into(), weight: 1.0, quick: false, kind: Kind::likert(Pole::Engineer) });
            q
        });
        answers.insert("lone".into(), Answer::Scale(lone));
        let with_lone = score_answers(&bank, Form::Full, &answers).consistency;
        prop_assert_eq!(base, with_lone);
        prop_assert_eq!(base.is_none(), items.len() < 2);
    }
}

#[test]
fn the_edges_the_issue_names() {
    let bank = default_bank();
    // Two neutral answers in one dimension: a score, no margin (never "± 0").
    let dim = &bank.dimensions[0].id;
    let two: Answers = bank
        .questions
        .iter()
        .filter(|q| q.dimension == *dim && !matches!(q.kind, Kind::Choice { .. }))
        .take(2)
        .map(|q| (q.id.clone(), Answer::Scale(3)))
        .collect();
    let s = score_answers(&bank, Form::Full, &two);
    assert_eq!(s.dimensions[dim].combined, Some(0.0));
    assert_eq!(s.dimensions[dim].margin, None);
    assert_eq!(s.archetype, None);
    // All 5s: contradicting keyed answers never give a margin wider than the scale.
    let fives: Answers = bank
        .questions
        .iter()
        .filter(|q| !matches!(q.kind, Kind::Choice { .. }))
        .map(|q| (q.id.clone(), Answer::Scale(5)))
        .collect();
    let s = score_answers(&bank, Form::Full, &fives);
    for m in s
        .dimensions
        .values()
        .flat_map(|d| [d.margin, d.preference_margin, d.practice_margin])
        .chain([s.margin, s.preference_margin, s.practice_margin])
        .flatten()
    {
        assert!(m <= 100.0, "{m}");
    }
    // One answer: no archetype, no consistency, no margin.
    let q = &bank.questions[0];
    let one: Answers = [(q.id.clone(), common::extreme(q, Pole::Engineer))]
        .into_iter()
        .collect();
    let s = score_answers(&bank, Form::Full, &one);
    assert_eq!((s.archetype, s.consistency, s.margin), (None, None, None));
}
