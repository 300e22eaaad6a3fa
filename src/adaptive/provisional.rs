//! Whether a result finished before the adaptive form settled it, and why: values only, worded
//! by `report::provisional_note`.

use super::MIN_ANSWERS;
use super::stop::{Check, Decision, More};
use crate::bank::{Bank, Form};
use crate::store::ResultFile;

/// What keeps an adaptive result provisional: it was finished before the stop rule settled it.
#[derive(Debug, Clone, PartialEq)]
pub struct Provisional {
    pub answered: usize,
    /// The placement is not clear yet: `Some(p)`, the chance the full form gives the same one;
    /// `None` inside, too few answers for a placement. Absent when the placement is clear.
    pub unclear: Option<Option<f64>>,
    /// Dimension-and-lens areas with no answer yet that still have a question to ask.
    pub uncovered: usize,
    /// Fewer answers than settling ever takes: this many are needed.
    pub needs: Option<usize>,
    /// How many more answers were expected to settle it.
    pub more: More,
}

/// Why an adaptive result's placement is provisional. `None` for other forms, for a settled
/// adaptive result, and for one taken on another bank (its questions cannot be checked against
/// this one). A result taken on an archived version of `bank` is judged on that version, as
/// it is scored.
pub fn provisional(bank: &Bank, result: &ResultFile) -> Option<Provisional> {
    let bank = result.taken_on(bank);
    if result.form != Form::Adaptive || result.bank.name != bank.name {
        return None;
    }
    let check = Check::new(bank, &result.answers, &result.order);
    if check.decision() != Decision::Continue {
        return None;
    }
    Some(Provisional {
        answered: check.answered,
        unclear: (!check.placement_clear()).then_some(check.likely),
        uncovered: check.uncovered.len(),
        needs: (check.answered < MIN_ANSWERS).then_some(MIN_ANSWERS),
        more: check.more(),
    })
}
