//! What rolefit runs with: `info` (the data folder and the bank) and `bank validate`.

use std::path::Path;
use std::process::ExitCode;

use rolefit::bank::{self, BankError, Form};
use rolefit::cli::Global;
use rolefit::sanitize;
use rolefit::store::Store;

use crate::{data_dir, emit, load_bank, note};

pub(crate) fn info(g: &Global) -> anyhow::Result<ExitCode> {
    let (dir, from) = data_dir(g)?;
    let bank = load_bank(g.bank.as_deref())?;
    let store = Store::existing(&dir);
    let results = std::fs::read_dir(store.results_dir())
        .map(|d| d.count())
        .unwrap_or(0);
    let progress = match store.load_in_progress() {
        Ok(None) => "none".to_owned(),
        Ok(Some(p)) => p.assessment.answered_text(),
        Err(e) => format!("unreadable: {e}"),
    };
    let bank_from = g
        .bank
        .as_ref()
        .map_or("built in".to_owned(), |p| p.display().to_string());
    emit(&format!(
        "rolefit {}\ndata directory: {} ({from})\nresults:        {} ({results} saved)\nin progress:    {} ({progress})\n\
         question bank:  \"{}\" version {} ({bank_from}): {} questions, {} in the quick form, fingerprint {}\n",
        env!("CARGO_PKG_VERSION"),
        dir.display(),
        store.results_dir().display(),
        store.in_progress_path().display(),
        sanitize::line(&bank.name),
        sanitize::line(&bank.version),
        bank.questions.len(),
        bank.form_len(Form::Quick),
        rolefit::store::BankRef::of(&bank).fingerprint
    ))?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn validate(path: Option<&Path>) -> anyhow::Result<ExitCode> {
    let loaded = match path {
        Some(p) => bank::load_path(p),
        None => bank::load_default(),
    };
    match loaded {
        Ok(b) => {
            let dims = b.dimensions.len();
            // Warnings, not problems: the bank works, but its layout can give its key away.
            let warnings = bank::imbalances(&b);
            let name = path.map_or_else(|| "<built-in>".to_owned(), |p| p.display().to_string());
            let mut out: String = warnings
                .iter()
                .map(|w| format!("{name}: warning: {w}\n"))
                .collect();
            out.push_str(&format!(
                "ok: \"{}\" version {}: {} questions ({} in the quick form) across {dims} dimension{}{}\n",
                sanitize::line(&b.name),
                sanitize::line(&b.version),
                b.questions.len(),
                b.form_len(Form::Quick),
                if dims == 1 { "" } else { "s" },
                match warnings.len() {
                    0 => String::new(),
                    1 => ", with 1 warning".to_owned(),
                    n => format!(", with {n} warnings"),
                }
            ));
            emit(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(BankError::Invalid(problems)) => {
            emit(
                &problems
                    .iter()
                    .map(|p| format!("{p}\n"))
                    .collect::<String>(),
            )?;
            let n = problems.len();
            note(&format!(
                "{n} problem{} found",
                if n == 1 { "" } else { "s" }
            ));
            Ok(ExitCode::from(1))
        }
        Err(e) => Err(e.into()),
    }
}
