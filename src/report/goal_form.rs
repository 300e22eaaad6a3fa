//! What a goal-form result says of itself wherever it is shown: the one scale it covers, and
//! that it places nobody overall.

use crate::assets::Texts;
use crate::bank::{Bank, Form};
use crate::store::ResultFile;

/// The scale a goal-form result covers ("Skills", "Skills (what you enjoy)"); `None` for any
/// other form.
pub fn covers(bank: &Bank, result: &ResultFile) -> Option<String> {
    result
        .focus
        .as_ref()
        .filter(|_| result.form == Form::Goal)
        .map(|f| f.title(result.taken_on(bank)))
}

/// The note at the top of a goal-form result (`goal_note` in assets/guidance.toml).
pub fn goal_note(bank: &Bank, result: &ResultFile, texts: &Texts) -> Option<String> {
    let scale = covers(bank, result)?;
    Some(
        texts
            .guidance
            .goal_note
            .replace("{scale}", &scale)
            .replace("{count}", &result.order.len().to_string()),
    )
}

/// "goal form: Skills": a result's form, naming a goal form's scale.
pub fn form_label(bank: &Bank, result: &ResultFile) -> String {
    match covers(bank, result) {
        Some(scale) => format!("goal form: {scale}"),
        None => result.form.as_str().to_owned(),
    }
}
