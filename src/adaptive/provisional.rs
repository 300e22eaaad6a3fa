//! What a result finished before the adaptive form settled says about itself.

use super::MIN_ANSWERS;
use super::stop::{Check, Decision, More};
use crate::bank::{Bank, Form};
use crate::report::fmt_score;
use crate::scoring::Archetype;
use crate::store::ResultFile;

/// Why an adaptive result's placement is provisional: it was finished before the stop rule
/// settled it. `None` for other forms, for a settled adaptive result, and for one taken on
/// another bank (its questions cannot be checked against this one). A result taken on an
/// archived version of `bank` is judged on that version, as it is scored.
pub fn provisional(bank: &Bank, result: &ResultFile) -> Option<String> {
    let bank = result.taken_on(bank);
    if result.form != Form::Adaptive || result.bank.name != bank.name {
        return None;
    }
    let check = Check::new(bank, &result.answers, &result.order);
    if check.decision() != Decision::Continue {
        return None;
    }
    let mut why = Vec::new();
    if !check.placement_clear() {
        why.push(match (check.overall, check.margin) {
            (Some(o), Some(m)) => format!(
                "the 95% interval ({} to {}) spans {} bands",
                fmt_score(Some(o - m)),
                fmt_score(Some(o + m)),
                bands_between(o - m, o + m)
            ),
            _ => "there are too few answers for a margin".to_owned(),
        });
    }
    if !check.uncovered.is_empty() {
        let areas = check.uncovered.len();
        why.push(format!(
            "{areas} dimension-and-lens area{} unanswered",
            if areas == 1 { " is" } else { "s are" }
        ));
    }
    if check.answered < MIN_ANSWERS {
        why.push(format!("settling needs {MIN_ANSWERS} answers"));
    }
    let n = check.answered;
    let mut text = format!(
        "Provisional: finished after {n} answer{}, before it was settled: {}.",
        if n == 1 { "" } else { "s" },
        join(&why)
    );
    match check.more() {
        More::About(1) => text.push_str(" About 1 more answer was expected to settle it."),
        More::About(more) => text.push_str(&format!(
            " About {more} more answers were expected to settle it."
        )),
        More::AtLeast(more) => text.push_str(&format!(
            " It needed at least {more} more answer{}.",
            if more == 1 { "" } else { "s" }
        )),
        More::UpTo(_) | More::Nothing => {}
    }
    Some(text)
}

/// How many archetype bands an interval touches (the bands are in order along the scale).
fn bands_between(lo: f64, hi: f64) -> usize {
    let at = |x: f64| {
        Archetype::ALL
            .iter()
            .position(|a| *a == Archetype::from_overall(x))
            .unwrap_or(0)
    };
    at(hi).saturating_sub(at(lo)) + 1
}

/// "a", "a and b", "a, b and c".
fn join(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
