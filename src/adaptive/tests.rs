#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;

use super::track::{Sums, Tracker};
use crate::answers::{Answers, answer_at, option_count};
use crate::bank::{Bank, Lens};
use crate::scoring::{self, Z95};

fn bank() -> Bank {
    crate::bank::load_default().unwrap()
}

/// Answers to the first `n` questions, each option picked from `picks` in turn.
fn answers(bank: &Bank, n: usize, picks: &[usize]) -> Answers {
    bank.questions
        .iter()
        .take(n)
        .zip(picks.iter().cycle())
        .map(|(q, p)| (q.id.clone(), answer_at(q, p % option_count(q)).unwrap()))
        .collect()
}

proptest! {
    /// The selector's running sums give exactly scoring's margin wherever scoring has one.
    #[test]
    fn sums_give_scorings_margin(n in 3usize..51, picks in prop::collection::vec(0usize..5, 1..51)) {
        let bank = bank();
        let a = answers(&bank, n, &picks);
        let items = scoring::items(&bank, &a);
        let all: Vec<&scoring::Item<'_>> = items.iter().collect();
        let want = scoring::margin(&all).unwrap();
        let view = Tracker::of(&bank, &a, &[], None);
        let got = (Z95 * 100.0 * view.overall.error2().sqrt()).min(scoring::MAX_MARGIN);
        prop_assert!((want - got).abs() < 1e-9, "{want} vs {got}");
    }

    /// The highest and lowest reachable overall scores are the true extremes: checked against
    /// every subset of the questions left, each answered at its highest (lowest) value.
    #[test]
    fn reach_is_the_true_extreme(answered in 40usize..51, picks in prop::collection::vec(0usize..5, 1..51)) {
        let bank = bank();
        let a = answers(&bank, answered, &picks);
        let check = super::Check::new(&bank, &a, &[]);
        let (lo, hi) = check.reach.unwrap();
        let view = Tracker::of(&bank, &a, &[], None);
        let rest: Vec<(f64, f64, f64)> = bank
            .questions
            .iter()
            .filter(|q| !a.contains_key(&q.id))
            .map(|q| {
                let vs = super::track::values(q);
                (q.weight, vs.iter().copied().fold(9.0, f64::min), vs.iter().copied().fold(-9.0, f64::max))
            })
            .collect();
        let (mut best_lo, mut best_hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for mask in 0u32..(1 << rest.len()) {
            let (mut s_lo, mut s_hi, mut w) = (view.overall.ws, view.overall.ws, view.overall.w);
            for (i, (wi, l, h)) in rest.iter().enumerate() {
                if mask & (1 << i) != 0 {
                    s_lo += wi * l;
                    s_hi += wi * h;
                    w += wi;
                }
            }
            best_lo = best_lo.min(100.0 * s_lo / w);
            best_hi = best_hi.max(100.0 * s_hi / w);
        }
        prop_assert!((lo - best_lo).abs() < 1e-9 && (hi - best_hi).abs() < 1e-9,
            "{lo} {hi} vs {best_lo} {best_hi}");
    }
}

#[test]
fn an_empty_scale_counts_as_the_whole_scale_and_one_answer_is_not_certainty() {
    let empty = Sums::default();
    assert!((Z95 * 100.0 * empty.error2().sqrt() - 100.0).abs() < 1e-9);
    let one = empty.with(1.0, 1.0);
    let margin = Z95 * 100.0 * one.error2().sqrt();
    assert!(margin > 50.0 && margin < 100.0, "{margin}");
}

#[test]
fn cells_are_dimension_by_lens_with_their_share_of_the_bank() {
    let bank = bank();
    let view = Tracker::new(&bank, None);
    assert_eq!(view.share.len(), bank.dimensions.len() * 2);
    assert!((view.share.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    for (i, q) in bank.questions.iter().enumerate() {
        let (d, l) = view.cell_name(view.cell_of(i));
        assert_eq!((d, l), (q.dimension.as_str(), q.lens));
    }
    assert_eq!(view.uncovered().count(), 12);
    assert_eq!(
        view.cell_name(1),
        (bank.dimensions[0].id.as_str(), Lens::Practice)
    );
}

/// A bank small enough to enumerate: one dimension, both lenses, Likert and scenario questions
/// of three weights.
fn tiny_bank() -> Bank {
    let mut s = String::from(
        "name = \"tiny\"\nversion = \"1\"\n\n[[dimensions]]\nid = \"scope\"\ntitle = \"Scope\"\nengineer = \"The system\"\ndeveloper = \"The feature\"\n",
    );
    for i in 0..11 {
        let lens = if i % 2 == 0 { "preference" } else { "practice" };
        let weight = [1.0, 1.5, 0.5][i % 3];
        s.push_str(&format!(
            "\n[[questions]]\nid = \"q{i}\"\ndimension = \"scope\"\nlens = \"{lens}\"\nweight = {weight}\nquick = {}\ntext = \"Question {i}\"\n",
            i < 3
        ));
        s.push_str(if i % 4 == 3 {
            "kind = \"choice\"\noptions = [\n  { key = \"a\", text = \"Map it\", lean = 1.0 },\n  { key = \"b\", text = \"Pair\", lean = 0.0 },\n  { key = \"c\", text = \"Ship it\", lean = -1.0 },\n]\n"
        } else {
            "kind = \"likert\"\nkeyed = \"engineer\"\n"
        });
    }
    crate::bank::load_str(&s, std::path::Path::new("tiny.toml")).unwrap()
}

/// P(full-form band = current band) by enumerating every way the questions left could be
/// answered, each combination as likely as the prediction makes each answer, with the part of
/// the prediction that is not about single answers (the means being estimates: normal by
/// definition) integrated exactly.
fn enumerated(t: &Tracker<'_>) -> f64 {
    use super::predict::{answer_odds, cell_prediction, outlook, phi};
    let o = outlook(t);
    let band = o.band().unwrap();
    let mean_all = t.overall.mean().unwrap();
    let left: Vec<(f64, Vec<f64>, Vec<f64>)> = t
        .bank
        .questions
        .iter()
        .enumerate()
        .filter(|(i, _)| !t.is_asked(*i))
        .map(|(i, q)| {
            let (m, v, _) = cell_prediction(&t.sums[t.cell_of(i)], mean_all);
            let vs = super::track::values(q);
            let mut p = vec![0.0; vs.len()];
            answer_odds(&vs, m, v, &mut p);
            (q.weight, vs, p)
        })
        .collect();
    let total = o.w_a + o.w_u;
    let sd = (o.shared + o.level).sqrt();
    let (lo, hi) = band.bounds();
    let in_band = |x: f64| {
        let cdf = |edge: Option<f64>, open: f64| {
            edge.map_or(open, |e| phi((e * total / 100.0 - o.a - x) / sd))
        };
        cdf(hi, 1.0) - cdf(lo, 0.0)
    };
    fn walk(left: &[(f64, Vec<f64>, Vec<f64>)], x: f64, p: f64, f: &dyn Fn(f64) -> f64) -> f64 {
        match left.split_first() {
            None => p * f(x),
            Some(((w, vs, ps), rest)) => vs
                .iter()
                .zip(ps)
                .map(|(s, q)| walk(rest, x + w * s, p * q, f))
                .sum(),
        }
    }
    walk(&left, 0.0, 1.0, &in_band)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The stop rule's probability (a normal curve for the answers still to come) against
    /// every combination of them; and where curtailment says certain, every combination of
    /// every possible answer stays in the band.
    #[test]
    fn the_predicted_probability_matches_enumeration_on_a_tiny_bank(
        answered in prop::collection::btree_set(0usize..11, 4..9),
        picks in prop::collection::vec(0usize..5, 11),
    ) {
        let bank = tiny_bank();
        let a: Answers = answered
            .iter()
            .map(|&i| {
                let q = &bank.questions[i];
                (q.id.clone(), answer_at(q, picks[i] % option_count(q)).unwrap())
            })
            .collect();
        let t = Tracker::of(&bank, &a, &[], None);
        let check = super::Check::of(&t);
        let p = check.likely.unwrap();
        if check.curtailed {
            prop_assert_eq!(p, 1.0);
            let (lo, hi) = check.reach.unwrap();
            prop_assert_eq!(crate::scoring::Archetype::touched(lo, hi), [check.band.unwrap()]);
        } else {
            let want = enumerated(&t);
            prop_assert!((p - want).abs() < 0.03, "predicted {p}, enumerated {want}");
        }
    }
}
