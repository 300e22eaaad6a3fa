//! The written personas' answers (scripts/personas/personas.md, each answered by its own
//! respondent, issue 22) as fixtures: a later change to the bank or the scoring model must keep
//! them in rank order and in their band or the next. The answers to bank 2.0 rescore with the
//! archived 2.0 questions, those to 2.1 with the archived 2.1 ones.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use rolefit::bank::Form;
use rolefit::scoring::{Archetype, score_answers};

struct Placed {
    name: String,
    intended: f64,
    band: Archetype,
    scored: f64,
}

fn band_of(id: &str) -> Archetype {
    Archetype::ALL.into_iter().find(|a| a.id() == id).unwrap()
}

/// Ranks with ties sharing their mean rank, for Spearman's rho.
fn ranks(v: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    idx.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
    let mut r = vec![0.0; v.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && v[idx[j + 1]] == v[idx[i]] {
            j += 1;
        }
        for k in i..=j {
            r[idx[k]] = (i + j) as f64 / 2.0;
        }
        i = j + 1;
    }
    r
}

fn spearman(a: &[f64], b: &[f64]) -> f64 {
    let (ra, rb) = (ranks(a), ranks(b));
    let n = a.len() as f64;
    let mean = (n - 1.0) / 2.0;
    let cov: f64 = ra
        .iter()
        .zip(&rb)
        .map(|(x, y)| (x - mean) * (y - mean))
        .sum();
    let var: f64 = ra.iter().map(|x| (x - mean).powi(2)).sum();
    cov / var
}

fn placed(version: &str) -> Vec<Placed> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/personas");
    let current = common::default_bank();
    let bank = if version == current.version {
        &current
    } else {
        rolefit::bank::archived(&current, &current.name, version).expect("archived bank")
    };
    let intended = std::fs::read_to_string(root.join("intended.csv")).unwrap();
    intended
        .lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            let file = root.join(format!("bank-{version}/{}.toml", f[0]));
            let answers = rolefit::answers::load_answers(&file, bank).unwrap();
            let scores = score_answers(bank, Form::Full, &answers);
            Placed {
                name: f[0].to_owned(),
                intended: f[1].parse().unwrap(),
                band: band_of(f[2]),
                scored: scores.overall.unwrap(),
            }
        })
        .collect()
}

fn band_index(a: Archetype) -> i32 {
    Archetype::ALL.iter().position(|x| *x == a).unwrap() as i32
}

fn check(version: &str, min_rho: f64, min_in_band: usize) {
    let people = placed(version);
    assert_eq!(people.len(), 14);
    let rho = spearman(
        &people.iter().map(|p| p.intended).collect::<Vec<_>>(),
        &people.iter().map(|p| p.scored).collect::<Vec<_>>(),
    );
    assert!(rho >= min_rho, "bank {version}: Spearman {rho:.3}");
    let mut in_band = 0;
    for p in &people {
        let off = (band_index(Archetype::from_overall(p.scored)) - band_index(p.band)).abs();
        assert!(off <= 1, "{} lands two bands off: {:+.1}", p.name, p.scored);
        in_band += usize::from(off == 0);
    }
    assert!(
        in_band >= min_in_band,
        "bank {version}: {in_band} of 14 in band"
    );
}

#[test]
fn the_built_in_bank_places_the_personas_in_rank_order_and_in_their_band_or_the_next() {
    // Pilot of 2.4 (fixtures in bank-2.4/, measure.txt and each respondent's flags beside them):
    // the first of three arms of 14 on the final text, Spearman 0.982, 9 of 14 in band (the other
    // arms: 0.974 and 0.974, 9 and 9), none two off; three arms on 2.0 in the same sitting gave
    // 0.982-0.987 and 9-10. Questions flagged as having no honest answer: 10, 12 and 12 against
    // 22, 24 and 21 on 2.0 (issue 22's note; questions/README.md, "Writing questions").
    check("2.4", 0.97, 9);
}

#[test]
fn the_personas_answers_to_bank_2_3_still_rescore_as_they_did() {
    // Pilot of 2.3 (fixtures in bank-2.3/, measure.txt beside them; the third of three pilots
    // while 2.3 was written, on its final text): Spearman 0.974, 10 of 14 in band, none two off.
    // Bank 2.4 rewrote 11 of its questions under new ids, so these answers rescore with the
    // archived 2.3 questions.
    check("2.3", 0.97, 10);
}

#[test]
fn the_personas_answers_to_bank_2_2_still_rescore_as_they_did() {
    // Pilot of 2.2 (fixtures in bank-2.2/, measure.txt beside them): Spearman 0.991, 9 of 14 in
    // band, none two off; hard-to-answer flags 110, against 127 on 2.1 and 160 on 2.0. Bank 2.3
    // rewrote 3 of its questions, so these answers rescore with the archived 2.2 questions.
    check("2.2", 0.97, 9);
}

#[test]
fn the_personas_answers_to_bank_2_1_still_rescore_as_they_did() {
    // Measured when 2.1 was written: Spearman 0.991, 10 of 14 in band, none two off. Bank 2.2
    // rewrote 28 of its questions, so these answers rescore with the archived 2.1 questions; the
    // pilot on 2.2 is in bank-2.2/.
    check("2.1", 0.97, 10);
}

#[test]
fn the_personas_answers_to_bank_2_0_still_rescore_as_they_did() {
    // Measured on 2.0 with the same personas and brief: Spearman 0.974, 9 of 14 in band.
    check("2.0", 0.96, 9);
}
