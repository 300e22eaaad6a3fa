use serde::{Deserialize, Serialize};

use super::{BankRef, SCHEMA, Store, StoreError, atomic, io, read_versioned, to_toml};
use crate::engine::Assessment;

/// The assessment in progress, saved after every answer so nothing acknowledged is lost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InProgress {
    pub schema: u32,
    pub started_at: jiff::Timestamp,
    #[serde(default)]
    pub label: String,
    pub bank: BankRef,
    pub assessment: Assessment,
}

impl InProgress {
    pub fn new(
        started_at: jiff::Timestamp,
        label: String,
        bank: BankRef,
        assessment: Assessment,
    ) -> InProgress {
        InProgress {
            schema: SCHEMA,
            started_at,
            label,
            bank,
            assessment,
        }
    }
}

impl Store {
    pub fn save_in_progress(&self, p: &InProgress) -> Result<(), StoreError> {
        let path = self.in_progress_path();
        let text = to_toml(p, &path)?;
        atomic::write_atomic(&path, text.as_bytes()).map_err(io("save progress to", &path))
    }

    /// The unfinished assessment, if there is one.
    pub fn load_in_progress(&self) -> Result<Option<InProgress>, StoreError> {
        read_versioned(&self.in_progress_path())
    }

    pub fn remove_in_progress(&self) -> Result<(), StoreError> {
        let path = self.in_progress_path();
        match std::fs::remove_file(&path) {
            Ok(()) => atomic::sync_dir(&self.root).map_err(io("sync", &self.root)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io("remove", &path)(e)),
        }
    }

    /// Keeps a copy of an unfinished assessment as it was (never replacing a file), before it
    /// is fitted to a newer question bank: answers the new bank no longer asks stay on disk.
    /// Returns where it went.
    pub fn keep_in_progress_copy(
        &self,
        p: &InProgress,
        now: jiff::Timestamp,
    ) -> Result<std::path::PathBuf, StoreError> {
        let version: String = p
            .bank
            .version
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' {
                    c
                } else {
                    '-'
                }
            })
            .take(20)
            .collect();
        let to = self.root.join(format!(
            "in-progress.bank-{version}-{}.toml",
            now.strftime("%Y%m%dT%H%M%SZ")
        ));
        let text = to_toml(p, &to)?;
        atomic::write_new_atomic(&to, text.as_bytes()).map_err(io("keep a copy at", &to))?;
        Ok(to)
    }

    /// Moves an unreadable in-progress file out of the way (never deleting it), so a new
    /// assessment can start. Returns where it went.
    pub fn set_aside_in_progress(
        &self,
        now: jiff::Timestamp,
    ) -> Result<std::path::PathBuf, StoreError> {
        let from = self.in_progress_path();
        let to = self.root.join(format!(
            "in-progress.unreadable-{}.toml",
            now.strftime("%Y%m%dT%H%M%SZ")
        ));
        std::fs::rename(&from, &to).map_err(io("move aside", &from))?;
        atomic::sync_dir(&self.root).map_err(io("sync", &self.root))?;
        Ok(to)
    }
}

impl super::Versioned for InProgress {
    fn schema(&self) -> u32 {
        self.schema
    }
}
