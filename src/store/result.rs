use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Store, StoreError, atomic, io, to_toml};
use crate::answers::Answers;
use crate::bank::{Bank, Form};
use crate::scoring::{MODEL_VERSION, Scores, score_taken};

/// Which bank a result was taken on. The fingerprint changes whenever any question does, so two
/// results can tell whether they were asked the same questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankRef {
    pub name: String,
    pub version: String,
    pub fingerprint: String,
}

impl BankRef {
    pub fn of(bank: &Bank) -> BankRef {
        // Serialising plain structs to JSON cannot fail; an empty input would still hash.
        let json = serde_json::to_vec(&bank.questions).unwrap_or_default();
        let digest = Sha256::digest(&json);
        let fingerprint = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        BankRef {
            name: bank.name.clone(),
            version: bank.version.clone(),
            fingerprint,
        }
    }
}

/// One finished assessment, as saved in `results/<id>.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultFile {
    pub schema: u32,
    pub id: String,
    #[serde(with = "crate::dates::time")]
    pub taken_at: jiff::Timestamp,
    #[serde(default)]
    pub label: String,
    pub form: Form,
    /// A goal form's scale: the only one it covers (see `Form::Goal`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<crate::bank::Focus>,
    /// The order the questions were asked in (answers alone do not say, once shuffled).
    #[serde(default)]
    pub order: Vec<String>,
    pub bank: BankRef,
    /// Same shape as an answers file, so `rolefit score --answers RESULT` rescores it.
    pub answers: Answers,
    /// The scoring model that computed `scores` (files from before version 2 do not say).
    #[serde(default = "first_model")]
    pub model: u32,
    pub scores: Scores,
    /// Who the person said they are when they took it (`[context]`): read by advice and the team
    /// view, never by scoring. Absent when they preferred not to say or the result predates it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<crate::context::Context>,
    /// The `id` written inside the file when it differs from the file's name. A result's
    /// identity is its file name (`id` is set to it on load); this is only ever reported.
    #[serde(skip)]
    pub stated_id: Option<String>,
}

fn first_model() -> u32 {
    1
}

impl ResultFile {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: String,
        taken_at: jiff::Timestamp,
        label: String,
        bank: &Bank,
        form: Form,
        order: Vec<String>,
        answers: Answers,
        scores: Scores,
    ) -> ResultFile {
        ResultFile {
            schema: super::schema_for(form, &answers),
            id,
            taken_at,
            label,
            form,
            focus: None,
            order,
            bank: BankRef::of(bank),
            answers,
            model: MODEL_VERSION,
            scores,
            context: None,
            stated_id: None,
        }
    }

    /// Says, when the id inside the file differs from its file name, which one rolefit uses.
    pub fn id_note(&self) -> Option<String> {
        self.stated_id
            .as_deref()
            .map(|stated| id_note(&self.id, stated))
    }

    /// The result as the current model scores it: recomputed from its answers, so that nothing
    /// shown, compared or tracked by a goal mixes models. Answers to questions `bank` no longer
    /// has count nowhere. A result from another bank cannot be rescored here; if an older model
    /// scored it, its margins, consistency and (below the answer minimum) archetype are dropped
    /// rather than shown with a certainty the current model would not claim.
    pub fn rescored(mut self, bank: &Bank) -> ResultFile {
        if self.bank.name == bank.name {
            let taken_on = self.taken_on(bank);
            if let Some(focus) = &self.focus {
                // A goal form asked only its scale's questions: anything else in the file was
                // not asked by rolefit, so it counts nowhere (show, Compare and Goals alike).
                let on_scale =
                    |id: &String| taken_on.question(id).is_some_and(|q| focus.includes(q));
                self.order.retain(on_scale);
                self.answers.retain(|id, _| on_scale(id));
            }
            self.scores = score_taken(taken_on, self.form, &self.order, &self.answers);
            self.model = MODEL_VERSION;
        } else if self.model < MODEL_VERSION {
            let s = &mut self.scores;
            s.margin = None;
            s.preference_margin = None;
            s.practice_margin = None;
            s.consistency = None;
            if s.answered < crate::scoring::MIN_ANSWERS_FOR_ARCHETYPE {
                s.archetype = None;
            }
            for d in s.dimensions.values_mut() {
                d.margin = None;
                d.preference_margin = None;
                d.practice_margin = None;
            }
        }
        self
    }
}

impl ResultFile {
    /// The bank this result's questions come from: the archived version of the built-in bank it
    /// was taken on, where there is one, else `current`.
    pub fn taken_on<'a>(&self, current: &'a Bank) -> &'a Bank {
        crate::bank::archived(current, &self.bank.name, &self.bank.version).unwrap_or(current)
    }
}

/// What rolefit says of a result file whose inner id is not its file name.
pub fn id_note(id: &str, stated: &str) -> String {
    format!(
        "{id}.toml says its id is {}; rolefit knows it by its file name, `{id}`",
        quote_id(stated)
    )
}

/// An id read from a file, as it can be shown: escaped, and cut short.
fn quote_id(id: &str) -> String {
    const SHOWN: usize = 60;
    let cut: String = id.chars().take(SHOWN).collect();
    let more = if id.chars().count() > SHOWN {
        "…"
    } else {
        ""
    };
    format!("{cut:?}{more}")
}

/// A UTC timestamp plus a short random suffix: sorts by time, and two saves in the same second
/// do not collide.
pub fn new_result_id(now: jiff::Timestamp, rng: &mut fastrand::Rng) -> String {
    let stamp = now.strftime("%Y%m%dT%H%M%SZ");
    let suffix: String = (0..4)
        .map(|_| rng.alphanumeric().to_ascii_lowercase())
        .collect();
    format!("{stamp}-{suffix}")
}

/// Only a bank over its limits makes a result this large (see `bank::MAX_QUESTIONS`).
const RESULT_TOO_LARGE: &str =
    "; the question bank is too large for a result (take a smaller bank)";

impl Store {
    /// Saves a new result; never replaces an existing one.
    pub fn save_result(&self, result: &ResultFile) -> Result<PathBuf, StoreError> {
        self.folder("results")?;
        super::limits::check_label(&result.label)?;
        let path = self.result_path(&result.id);
        let schema = super::schema_for(result.form, &result.answers);
        let stamped;
        let result = if result.schema == schema {
            result
        } else {
            stamped = ResultFile {
                schema,
                ..result.clone()
            };
            &stamped
        };
        let text = to_toml(result, &path)?;
        super::check_size(
            &path,
            text.as_bytes(),
            super::MAX_FILE_BYTES,
            RESULT_TOO_LARGE,
        )?;
        match atomic::write_new_atomic(&path, text.as_bytes()) {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(StoreError::Exists {
                id: result.id.clone(),
            }),
            other => other
                .map_err(io("save the result to", &path))
                .map(|()| path),
        }
    }

    /// Reads a result file, its answers checked against the built-in bank's questions. Its id
    /// is its file name, whatever the file says inside.
    pub fn load_result_file(path: &Path) -> Result<ResultFile, StoreError> {
        Store::read_result_with(path, crate::bank::builtin())
    }

    /// Reads a result file, its answers checked against `bank`'s questions (see `parse_result`).
    pub(super) fn read_result_with(path: &Path, bank: &Bank) -> Result<ResultFile, StoreError> {
        let text = super::read_file(path)?;
        let mut result = parse_result(&text, path, bank)?;
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if result.id != name {
            result.stated_id = Some(std::mem::replace(&mut result.id, name));
        }
        Ok(result)
    }
}

/// A result file's text as rolefit reads it: parsed, every stored number checked against what
/// the scoring model can produce, and what follows from the score derived again. Its texts stay
/// exact (JSON carries them as they are); every place that shows a one-line field shows it
/// through `sanitize::line`. The one way a result is read (the fuzz target calls it too).
///
/// A result taken on `bank` (its current or an archived version) has every answer checked
/// against its question by the one rule answers files are checked by: an answer that fits no
/// option would otherwise be dropped by scoring without a word, and the result shown as if that
/// question was never asked. Another bank's result keeps its stored scores and is not checked.
pub fn parse_result(text: &str, path: &Path, bank: &Bank) -> Result<ResultFile, StoreError> {
    let mut result: ResultFile = super::parse_versioned(text, path)?;
    let corrupt =
        |field: &str, what: &str| super::unreadable(path, crate::explain::field(text, field, what));
    crate::scoring::stored::check(&result.scores)
        .map_err(|(field, what)| corrupt(&field, &what))?;
    // The rule a label is saved by, read back (refused, as a stored number out of range is).
    result.label = super::limits::read_label(&result.label)
        .map_err(|e| corrupt("label", &format!("is refused: {e}")))?;
    if (result.form == Form::Goal) != result.focus.is_some() {
        return Err(match result.form {
            Form::Goal => corrupt(
                "form",
                "is goal, yet the result does not say which scale it covers (`focus`)",
            ),
            _ => corrupt("focus", "is only for a goal-form result"),
        });
    }
    check_answers(&result, bank).map_err(|(field, what)| corrupt(&field, &what))?;
    if let Some(c) = &result.context {
        // The same bounds as context.toml: a result's [context] is read as untrusted as it is.
        c.validate()
            .map_err(|e| corrupt("context.years", &format!("is refused: {e}")))?;
    }
    crate::scoring::stored::derive(&mut result.scores);
    if result.form == Form::Goal {
        crate::scoring::one_scale_only(&mut result.scores);
    }
    Ok(result)
}

/// The first answer that does not fit its question on the bank the result was taken on, as the
/// field it is in and what is wrong with it. An id the bank does not have is left alone here:
/// `rescored` counts it nowhere, by design (a question dropped from a bank leaves old results
/// readable).
fn check_answers(result: &ResultFile, bank: &Bank) -> Result<(), (String, String)> {
    if result.bank.name != bank.name {
        return Ok(());
    }
    let taken_on = result.taken_on(bank);
    for (id, answer) in &result.answers {
        if let Some(q) = taken_on.question(id) {
            answer.check(q).map_err(|why| {
                (
                    format!("answers.{id}"),
                    format!(
                        "does not fit its question on {} {}: {why}",
                        taken_on.name, taken_on.version
                    ),
                )
            })?;
        }
    }
    Ok(())
}

impl super::Versioned for ResultFile {
    fn schema(&self) -> u32 {
        self.schema
    }
}
