//! The order a scenario's options are shown in, drawn once per assessment. Independent
//! shuffles would leave a habitual first-option (or last-option) respondent at the mercy of
//! chance (over ten scenarios, now and then 15 points toward one pole); so half the scenarios,
//! picked at random, open with an engineer-leaning option and close with a developer-leaning
//! one, and the other half the other way round. Everything else is shuffled. Which scenario
//! opens with which pole differs from one assessment to the next, so position still says
//! nothing about an option's lean.

use std::collections::BTreeMap;

use crate::bank::{Bank, ChoiceOption, Kind};

/// The display order (as the bank's option keys, "cadb") of every scenario among `ids`, drawn
/// from `seed`. `ordered` options (steps of one scale) keep their order, forwards or backwards.
pub fn option_orders(bank: &Bank, ids: &[String], seed: u64) -> BTreeMap<String, String> {
    // Mixed, so the option order is not the question order's stream of numbers again.
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x000b_70a5_5eed);
    let scenarios: Vec<(&String, &[ChoiceOption], bool)> = ids
        .iter()
        .filter_map(|id| match bank.question(id).map(|q| &q.kind) {
            Some(Kind::Choice { options, ordered }) => Some((id, options.as_slice(), *ordered)),
            _ => None,
        })
        .collect();
    let mut engineer_first: Vec<bool> = (0..scenarios.len()).map(|i| i % 2 == 0).collect();
    rng.shuffle(&mut engineer_first);
    scenarios
        .into_iter()
        .zip(engineer_first)
        .map(|((id, options, ordered), eng)| {
            let order = if ordered {
                along_the_scale(options, eng)
            } else {
                shuffled(options, eng, &mut rng)
            };
            (
                id.clone(),
                order.into_iter().map(|i| options[i].key).collect(),
            )
        })
        .collect()
}

/// Forwards, or backwards when that puts the wanted pole's end first.
fn along_the_scale(options: &[ChoiceOption], engineer_first: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..options.len()).collect();
    let starts_engineer = match (options.first(), options.last()) {
        (Some(a), Some(z)) => a.lean >= z.lean,
        _ => true,
    };
    if starts_engineer != engineer_first {
        order.reverse();
    }
    order
}

/// A shuffle that opens with an option leaning to the wanted pole and closes with one leaning
/// to the other (where the options have them).
fn shuffled(options: &[ChoiceOption], engineer_first: bool, rng: &mut fastrand::Rng) -> Vec<usize> {
    let mut order: Vec<usize> = (0..options.len()).collect();
    rng.shuffle(&mut order);
    let leans = |i: &usize, toward_engineer: bool| {
        let lean = options[*i].lean;
        if toward_engineer {
            lean > 0.0
        } else {
            lean < 0.0
        }
    };
    if let Some(p) = order.iter().position(|i| leans(i, engineer_first)) {
        order.swap(0, p);
    }
    let last = order.len() - 1;
    if let Some(p) = order[1..].iter().position(|i| leans(i, !engineer_first)) {
        order.swap(last, p + 1);
    }
    order
}
