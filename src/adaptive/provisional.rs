//! What a result finished before the adaptive form settled says about itself.

use super::MIN_ANSWERS;
use super::stop::{Check, Decision, More};
use crate::bank::{Bank, Form};
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
        why.push(match check.likely {
            Some(p) => format!(
                "the full form would give the same placement only {} of the time",
                percent(p)
            ),
            None => "there are too few answers for a placement".to_owned(),
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

/// A probability as a whole percentage, never rounded up to a certainty it is not: "96%",
/// and "99%" for anything from 0.99 up to (not including) 1.
pub fn percent(p: f64) -> String {
    let whole = (p * 100.0).floor();
    format!("{whole:.0}%")
}

/// "a", "a and b", "a, b and c".
fn join(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
