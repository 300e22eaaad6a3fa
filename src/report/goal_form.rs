//! What a goal-form result says of itself wherever it is shown: the one scale it covers, and
//! that it places nobody overall.

use crate::assets::Texts;
use crate::bank::{Bank, Form};
use crate::store::ResultFile;

/// The scale a goal-form result covers ("Skills", "Skills (what you enjoy)"); `None` for any
/// other form. As the file and the bank say it: sanitised where it is shown (see
/// `page::headline`), after any change of case.
pub fn covers(bank: &Bank, result: &ResultFile) -> Option<String> {
    result
        .focus
        .as_ref()
        .filter(|_| result.form == Form::Goal)
        .map(|f| f.name(result.taken_on(bank)))
}

/// The note at the top of a goal-form result (`goal_note` in assets/guidance.toml).
pub fn goal_note(bank: &Bank, result: &ResultFile, texts: &Texts) -> Option<String> {
    let scale = covers(bank, result)?;
    Some(
        texts
            .guidance
            .goal_note
            .replace("{scale}", &crate::sanitize::line(&scale))
            .replace("{count}", &result.order.len().to_string()),
    )
}

/// A goal-form result's overall score, wherever one is listed.
pub const NO_OVERALL: &str = "none (one scale only)";

/// Compare's archetype line when either side is a goal form.
pub const NOT_COMPARED: &str = "not compared: a goal-form result places nobody overall";

/// Compare's note when either side is a goal form: which rows mean something.
pub fn compare_note(before: &str, after: &str) -> String {
    format!(
        "Note: a {before} form against a {after} form. A goal form asks the questions of one scale only: only that scale is compared here, and the overall score, the archetype and every other scale have nothing to compare."
    )
}
