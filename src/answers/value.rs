//! Answers as a file writes them (`4`, `"b"`, `["c", "d"]`), read and checked for their form.

use super::{Answer, Two};

impl Answer {
    /// An answer as a file writes it, checked for its form (not yet against a question): every
    /// reader of answers goes through here, so each says the same of the same mistake.
    pub fn from_value(value: &toml::Value) -> Result<Answer, String> {
        match value {
            toml::Value::Integer(n) => u8::try_from(*n)
                .ok()
                .map(Answer::Scale)
                .ok_or(format!("answer {n} is out of range: use 1 to 5")),
            toml::Value::String(s) => {
                let mut chars = s.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Ok(Answer::Option(c)),
                    _ => Err(format!(
                        "\"{s}\" is not an option key (one letter, like \"a\")"
                    )),
                }
            }
            toml::Value::Array(items) => {
                Two::parse(items.iter().map(toml::Value::as_str)).map(Answer::Two)
            }
            other => Err(format!(
                "an answer is a number 1 to 5, an option key like \"a\", or two like [\"c\", \"d\"], not a {}",
                other.type_str()
            )),
        }
    }
}

/// The first answer in `answers` (an `[answers]` table as read) that no question could take:
/// its question's id and why. Why a saved file whose answers did not parse is unreadable.
pub fn first_bad_answer(answers: &toml::Value) -> Option<(String, String)> {
    answers
        .as_table()?
        .iter()
        .find_map(|(id, v)| Answer::from_value(v).err().map(|e| (id.clone(), e)))
}
