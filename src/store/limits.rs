//! What rolefit lets a person write, so that every file it writes stays under the size it reads
//! back (`MAX_FILE_BYTES`). Worst cases, with every character four bytes or escaped: 500 goals
//! with 1,000-character notes are 3.1 MB; a result's label is a few hundred bytes. A
//! result's size is bounded by the bank (see `bank::MAX_QUESTIONS`).

use super::StoreError;

/// A result's label: it is shown on one line of History and Compare, so it is short.
pub const MAX_LABEL_CHARS: usize = 80;
/// A goal's note.
pub const MAX_NOTE_CHARS: usize = 1000;
/// Goals kept in `goals.toml`, done ones included.
pub const MAX_GOALS: usize = 500;

fn check(what: &'static str, text: &str, limit: usize) -> Result<(), StoreError> {
    let found = text.chars().count();
    if found > limit {
        return Err(StoreError::TooLong { what, limit, found });
    }
    Ok(())
}

/// A label as it is stored, or why it cannot be: it is one line (no control, bidi or line
/// break characters), trimmed, and at most `MAX_LABEL_CHARS` long.
pub fn check_label(label: &str) -> Result<(), StoreError> {
    if label.chars().any(crate::sanitize::is_unsafe) {
        return Err(StoreError::NotOneLine { what: "a label" });
    }
    if label.trim() != label {
        return Err(StoreError::Untrimmed { what: "a label" });
    }
    check("a label", label, MAX_LABEL_CHARS)
}

/// A label as typed (on the command line or in a prompt) made into one that is stored: trimmed,
/// then checked. The one place a label is normalised, so what passes here always saves.
pub fn label(typed: &str) -> Result<String, StoreError> {
    let label = read_label(typed)?;
    check_label(&label)?;
    Ok(label)
}

/// A label read from a result file, by the rule it is saved by: trimmed, and at most
/// `MAX_LABEL_CHARS` long (a file over it is refused, as a team card with a long name is).
/// Control, bidi and line break characters, which a save refuses too, are shown escaped by the
/// sanitiser instead, as every other one-line field read from a file is.
pub fn read_label(text: &str) -> Result<String, StoreError> {
    let label = text.trim();
    check("a label", label, MAX_LABEL_CHARS)?;
    Ok(label.to_owned())
}

pub fn check_note(note: &str) -> Result<(), StoreError> {
    check("a goal's note", note, MAX_NOTE_CHARS)
}

pub fn check_goal_count(count: usize) -> Result<(), StoreError> {
    if count > MAX_GOALS {
        return Err(StoreError::TooMany {
            what: "goals",
            limit: MAX_GOALS,
            found: count,
        });
    }
    Ok(())
}
