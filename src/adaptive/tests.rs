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
