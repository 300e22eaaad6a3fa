//! An assessment being taken, tied to where it is saved: what both front ends (TUI and plain
//! mode) do around the engine, written once.

use crate::answers::Answers;
use crate::bank::{Bank, Form};
use crate::engine::{Assessment, EngineError};
use crate::scoring::score_taken;
use crate::store::{BankRef, InProgress, ResultFile, Store, StoreError, new_result_id};

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub use crate::store::limits::MAX_LABEL_CHARS;

/// A label as it is saved (trimmed), or why it cannot be: it is refused, never cut. The one
/// limit is the store's, which also refuses to write a longer one.
pub fn check_label(label: &str) -> Result<String, String> {
    crate::store::limits::label(label).map_err(|e| e.to_string())
}

#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub saved: InProgress,
    /// Said once on resuming, when the question bank changed since the assessment started.
    pub changed: Option<String>,
    /// Who the person said they are (the About-you screen), saved with the result.
    pub context: Option<crate::context::Context>,
    /// How many times the assessment was handed out to be changed: a screen that lays out its
    /// answers keeps the layout while this stays the same, without comparing any text.
    edits: u64,
}

impl Session {
    pub fn start(
        bank: &Bank,
        form: Form,
        seed: Option<u64>,
        label: String,
        now: jiff::Timestamp,
    ) -> Result<Session, EngineError> {
        // Without a seed, the start time picks the option order: a different one each time,
        // and a fixed one under a fixed clock (tests).
        let display = seed.unwrap_or_else(|| now.as_nanosecond().unsigned_abs() as u64);
        // The adaptive form orders alike questions (which cell it covers first, which of a
        // cell's questions it asks) by its seed: drawn the same way, so two people do not start
        // with the same questions, and kept in the assessment, so a resume goes on the same way.
        let order_seed = match form {
            Form::Adaptive => Some(display),
            _ => seed,
        };
        let assessment = Assessment::new(bank, form, order_seed)?;
        Ok(Session::begin(bank, assessment, display, label, now))
    }

    /// A goal form: just the questions on `focus` (a goal's scale), saved as a result that
    /// covers that scale only.
    pub fn start_goal(
        bank: &Bank,
        focus: crate::bank::Focus,
        seed: Option<u64>,
        label: String,
        now: jiff::Timestamp,
    ) -> Result<Session, EngineError> {
        let display = seed.unwrap_or_else(|| now.as_nanosecond().unsigned_abs() as u64);
        let assessment = Assessment::for_goal(bank, focus, seed)?;
        Ok(Session::begin(bank, assessment, display, label, now))
    }

    fn begin(
        bank: &Bank,
        mut assessment: Assessment,
        display: u64,
        label: String,
        now: jiff::Timestamp,
    ) -> Session {
        assessment.shuffle_options(bank, display);
        Session {
            saved: InProgress::new(now, label, BankRef::of(bank), assessment),
            changed: None,
            context: None,
            edits: 0,
        }
    }

    /// Resumes a saved assessment. One started on another version of this bank is fitted to
    /// it (answers that still mean the same are kept; see `Assessment::adapt`) and says so in
    /// `changed`; one from another bank, or otherwise not matching, is refused.
    pub fn resume(mut saved: InProgress, bank: &Bank) -> Result<Session, EngineError> {
        let now = BankRef::of(bank);
        let mut changed = None;
        if saved.bank.name == now.name && saved.bank.fingerprint != now.fingerprint {
            let seed = saved.started_at.as_nanosecond().unsigned_abs() as u64;
            let a = saved.assessment.adapt(bank, seed);
            if a.dropped + a.added > 0 {
                changed = Some(adapted_note(&saved.bank.version, &now.version, a));
            }
            saved.bank = now;
        }
        saved.assessment.check(bank)?;
        Ok(Session {
            saved,
            changed,
            context: None,
            edits: 0,
        })
    }

    pub fn assessment(&self) -> &Assessment {
        &self.saved.assessment
    }

    pub fn assessment_mut(&mut self) -> &mut Assessment {
        self.edits += 1;
        &mut self.saved.assessment
    }

    /// Changes whenever the assessment may have changed (every `assessment_mut`).
    pub fn edits(&self) -> u64 {
        self.edits
    }

    pub fn autosave(&self, store: &Store) -> Result<(), StoreError> {
        store.save_in_progress(&self.saved)
    }

    /// The result this session would save now, for writing somewhere else when the data
    /// directory cannot take it.
    pub fn result(&self, bank: &Bank, now: jiff::Timestamp, rng: &mut fastrand::Rng) -> ResultFile {
        let a = &self.saved.assessment;
        let mut result = build_result(
            bank,
            a.form,
            a.order().to_vec(),
            a.answers().clone(),
            self.saved.label.clone(),
            now,
            rng,
        );
        result.context = self.context.filter(|c| !c.is_empty());
        result.focus = a.focus.clone();
        result
    }

    /// Scores and saves the result, then (only once it is safely written) drops the progress file.
    pub fn finish(
        &self,
        bank: &Bank,
        store: &Store,
        now: jiff::Timestamp,
        rng: &mut fastrand::Rng,
    ) -> Result<ResultFile, StoreError> {
        let result = save_new(store, self.result(bank, now, rng), rng)?;
        store.remove_in_progress()?;
        Ok(result)
    }
}

fn adapted_note(from: &str, to: &str, a: crate::engine::Adapted) -> String {
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let mut parts = Vec::new();
    if a.dropped > 0 {
        parts.push(format!(
            "{} no longer asked {} set aside",
            plural(a.dropped, "answer to a question", "answers to questions"),
            if a.dropped == 1 { "was" } else { "were" }
        ));
    }
    if a.added > 0 {
        parts.push(format!(
            "{} added at the end",
            plural(a.added, "new question was", "new questions were")
        ));
    }
    // The fingerprint can change while the version stays: a bank edited without a new number.
    let versions = if from == to {
        format!("version {to}, edited since")
    } else {
        format!("version {from} → {to}")
    };
    format!(
        "The questions changed since you started ({versions}): {}.",
        parts.join("; ")
    )
}

/// Scores `answers` and saves them as a new result (also used by `rolefit score --save`),
/// with the `context` the answers came with.
#[allow(clippy::too_many_arguments)]
pub fn save_result(
    bank: &Bank,
    store: &Store,
    form: Form,
    order: Vec<String>,
    answers: Answers,
    label: String,
    context: Option<crate::context::Context>,
    now: jiff::Timestamp,
    rng: &mut fastrand::Rng,
) -> Result<ResultFile, StoreError> {
    let mut result = build_result(bank, form, order, answers, label, now, rng);
    result.context = context.filter(|c| !c.is_empty());
    save_new(store, result, rng)
}

/// Saves `result`, drawing a new id if its id is taken.
fn save_new(
    store: &Store,
    mut result: ResultFile,
    rng: &mut fastrand::Rng,
) -> Result<ResultFile, StoreError> {
    loop {
        match store.save_result(&result) {
            // A clash of random suffixes within one second: draw another.
            Err(StoreError::Exists { .. }) => result.id = new_result_id(result.taken_at, rng),
            other => return other.map(|_| result),
        }
    }
}

/// Scores `answers` into a result with a fresh id, without saving it.
pub fn build_result(
    bank: &Bank,
    form: Form,
    order: Vec<String>,
    answers: Answers,
    label: String,
    now: jiff::Timestamp,
    rng: &mut fastrand::Rng,
) -> ResultFile {
    let scores = score_taken(bank, form, &order, &answers);
    // Whole seconds: a result's time is for people, and ids are built from it.
    let now = jiff::Timestamp::from_second(now.as_second()).unwrap_or(now);
    ResultFile::new(
        new_result_id(now, rng),
        now,
        label,
        bank,
        form,
        order,
        answers,
        scores,
    )
}
