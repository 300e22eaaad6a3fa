//! Whether a bank's answer positions give its scoring key away: a person who notices that one
//! side always means one pole can steer the result, and one who habitually picks the first or
//! last option is pushed toward a pole.

use super::model::{Bank, Kind, Pole};

/// More than this share of pairs (or choices) with one pole in the same place is reported.
pub const MAX_SAME_SIDE: f64 = 0.6;

/// One way the bank's layout leans toward a pole; a warning for a custom bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imbalance {
    pub message: String,
}

impl std::fmt::Display for Imbalance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Pairs whose A statement is one pole's in more than 60% of them, and choices that list one
/// pole's strongest option first in more than 60% of them. One kind with fewer than two
/// questions cannot be balanced, so it is not judged.
pub fn imbalances(bank: &Bank) -> Vec<Imbalance> {
    let mut found = Vec::new();
    let firsts: Vec<Pole> = bank
        .questions
        .iter()
        .filter_map(|q| match &q.kind {
            Kind::Pair { first, .. } => Some(*first),
            _ => None,
        })
        .collect();
    for pole in [Pole::Engineer, Pole::Developer] {
        let n = firsts.iter().filter(|p| **p == pole).count();
        if leans(n, firsts.len()) {
            found.push(Imbalance {
                message: format!(
                    "the {} statement is side A in {n} of {} pairs (more than 60%): a person who always picks one side lands at a pole; put the other pole first (`first = \"{}\"`) in about half of them",
                    pole.as_str(),
                    firsts.len(),
                    other(pole).as_str()
                ),
            });
        }
    }
    let leads: Vec<Option<Pole>> = bank
        .questions
        .iter()
        .filter_map(|q| match &q.kind {
            Kind::Choice { options, .. } => Some(strongest_first(options)),
            _ => None,
        })
        .collect();
    for pole in [Pole::Engineer, Pole::Developer] {
        let n = leads.iter().filter(|p| **p == Some(pole)).count();
        if leans(n, leads.len()) {
            found.push(Imbalance {
                message: format!(
                    "{n} of {} choice questions list the most {}-leaning option first (more than 60%): list the options in different orders",
                    leads.len(),
                    pole.as_str()
                ),
            });
        }
    }
    found
}

fn leans(n: usize, of: usize) -> bool {
    of >= 2 && n as f64 > MAX_SAME_SIDE * of as f64
}

fn other(pole: Pole) -> Pole {
    match pole {
        Pole::Engineer => Pole::Developer,
        Pole::Developer => Pole::Engineer,
    }
}

/// The pole whose strongest option (largest lean toward it) is listed first, if one is.
fn strongest_first(options: &[super::model::ChoiceOption]) -> Option<Pole> {
    let first = options.first()?.lean;
    let max = options.iter().map(|o| o.lean).fold(f64::MIN, f64::max);
    let min = options.iter().map(|o| o.lean).fold(f64::MAX, f64::min);
    if max > min && first >= max {
        Some(Pole::Engineer)
    } else if max > min && first <= min {
        Some(Pole::Developer)
    } else {
        None
    }
}
