//! What a result from another question bank says about itself: its scores are as saved.

/// For a result taken on another question bank: rolefit cannot rescore it with this bank, so it
/// says whose scores these are, and what was left out.
pub(super) fn foreign_note(
    bank: &crate::bank::Bank,
    result: &crate::store::ResultFile,
) -> Option<String> {
    if result.bank.name == bank.name {
        return None;
    }
    let dropped = if result.model < crate::scoring::MODEL_VERSION {
        " Its margins came from an older scoring model, so they are not shown."
    } else {
        ""
    };
    Some(format!(
        "Taken on another question bank (“{}” {}): its scores are shown as saved, not rescored.{dropped} To rescore it, open it with that bank: rolefit --bank FILE show {}",
        crate::sanitize::line(&result.bank.name),
        crate::sanitize::line(&result.bank.version),
        result.id
    ))
}
