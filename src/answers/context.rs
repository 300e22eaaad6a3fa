//! The `[context]` an answers file may carry: who answered, which `rolefit score` keeps with
//! the scores (and `--save` with the result).

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::{Answers, AnswersError, load_answers_as_taken, read_answers_text};
use crate::bank::{Bank, Problem};

/// An answers file as `rolefit score` reads it: its answers, the bank they were read with, and
/// the `[context]` it carries (who answered), if any.
pub fn load_answers_file<'b>(
    path: &Path,
    current: &'b Bank,
) -> Result<(Answers, &'b Bank, Option<crate::context::Context>), AnswersError> {
    let (answers, bank) = load_answers_as_taken(path, current)?;
    let context = parse_context(&read_answers_text(path)?, path)?;
    Ok((answers, bank, context))
}

/// The `[context]` table of an answers file, checked like the rest of it: an unknown role or a
/// year count out of range is a problem with its line, not a silent default.
pub fn parse_context(
    text: &str,
    file: &Path,
) -> Result<Option<crate::context::Context>, AnswersError> {
    #[derive(Deserialize)]
    struct Holder {
        context: Option<Spanned<toml::Value>>,
    }
    let problem = |span: std::ops::Range<usize>, message: String| {
        let lines = crate::bank::LineIndex::new(text);
        let (line, column) = lines.line_col(text, span.start);
        AnswersError::Invalid(vec![Problem {
            file: file.to_path_buf(),
            line,
            column,
            id: None,
            message,
        }])
    };
    // A file that is not TOML was already refused with its answers.
    let Ok(Holder {
        context: Some(value),
    }) = toml::from_str::<Holder>(text)
    else {
        return Ok(None);
    };
    let span = value.span();
    let context = crate::context::Context::deserialize(value.into_inner()).map_err(|e| {
        problem(
            span.clone(),
            format!(
                "[context]: {} (years: a whole number; role: one of {}; users: customers, teams or both)",
                crate::explain::detached(&e).1,
                crate::context::Role::ALL.map(|r| r.id()).join(", ")
            ),
        )
    })?;
    context
        .validate()
        .map_err(|e| problem(span, format!("[context]: {e}")))?;
    Ok(Some(context))
}
