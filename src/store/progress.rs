use serde::{Deserialize, Serialize};

use super::{BankRef, Store, StoreError, atomic, io, read_versioned, to_toml};
use crate::engine::Assessment;

/// The assessment in progress, saved after every answer so nothing acknowledged is lost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InProgress {
    pub schema: u32,
    #[serde(with = "crate::dates::time")]
    pub started_at: jiff::Timestamp,
    #[serde(default)]
    pub label: String,
    pub bank: BankRef,
    pub assessment: Assessment,
    /// Top-level keys this rolefit does not know (a newer one's), written back as they came.
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl InProgress {
    pub fn new(
        started_at: jiff::Timestamp,
        label: String,
        bank: BankRef,
        assessment: Assessment,
    ) -> InProgress {
        InProgress {
            schema: super::schema_for(assessment.form, assessment.answers()),
            started_at,
            label,
            bank,
            assessment,
            extra: toml::Table::new(),
        }
    }
}

impl InProgress {
    /// This progress with the schema its answers now need (`schema_for`): they change after
    /// it is made, and a second option marked or unmarked changes what an older rolefit can read.
    fn stamped(&self) -> std::borrow::Cow<'_, InProgress> {
        let a = &self.assessment;
        let schema = super::schema_for(a.form, a.answers());
        if schema == self.schema {
            std::borrow::Cow::Borrowed(self)
        } else {
            std::borrow::Cow::Owned(InProgress {
                schema,
                ..self.clone()
            })
        }
    }
}

/// A label read back from a progress file, made one that saves (an older rolefit stored labels
/// untrimmed): otherwise every answer after resuming would fail to save. Escaped onto one line,
/// and cut to the limit only in the case no rolefit ever wrote.
fn resumable_label(label: &str) -> String {
    let one_line = crate::sanitize::line(label.trim()).trim().to_owned();
    if super::limits::check_label(&one_line).is_ok() {
        return one_line;
    }
    let max = super::limits::MAX_LABEL_CHARS;
    let cut: String = one_line.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

impl Store {
    pub fn save_in_progress(&self, p: &InProgress) -> Result<(), StoreError> {
        super::limits::check_label(&p.label)?;
        let path = self.in_progress_path();
        let text = to_toml(&p.stamped(), &path)?;
        super::write_data(&path, text.as_bytes(), "save progress to")
    }

    /// The unfinished assessment, if there is one.
    pub fn load_in_progress(&self) -> Result<Option<InProgress>, StoreError> {
        let mut p: Option<InProgress> = read_versioned(&self.in_progress_path())?;
        if let Some(p) = &mut p {
            p.label = resumable_label(&p.label);
        }
        Ok(p)
    }

    pub fn remove_in_progress(&self) -> Result<(), StoreError> {
        let path = self.in_progress_path();
        match std::fs::remove_file(&path) {
            Ok(()) => atomic::sync_dir(&self.root).map_err(io("sync", &self.root)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            // A read-only folder refuses even to remove what is not there.
            Err(_)
                if std::fs::symlink_metadata(&path)
                    .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) =>
            {
                Ok(())
            }
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
        self.keep_copy(p, &format!("bank-{version}"), now)
    }

    /// Keeps a copy of an unfinished assessment the person chose not to resume, before a new
    /// one replaces it: one key must never throw answers away. Returns where it went.
    pub fn keep_started_over_copy(
        &self,
        p: &InProgress,
        now: jiff::Timestamp,
    ) -> Result<std::path::PathBuf, StoreError> {
        self.keep_copy(p, "not-resumed", now)
    }

    fn keep_copy(
        &self,
        p: &InProgress,
        why: &str,
        now: jiff::Timestamp,
    ) -> Result<std::path::PathBuf, StoreError> {
        let stem = format!("in-progress.{why}-{}", now.strftime("%Y%m%dT%H%M%SZ"));
        let to = super::unused_name(&self.root, &stem, "toml");
        let text = to_toml(&p.stamped(), &to)?;
        atomic::write_new_atomic(&to, text.as_bytes()).map_err(io("keep a copy at", &to))?;
        Ok(to)
    }

    /// Moves an unreadable in-progress file out of the way (never deleting it), so a new
    /// assessment can start. Returns where it went.
    pub fn set_aside_in_progress(
        &self,
        now: jiff::Timestamp,
    ) -> Result<std::path::PathBuf, StoreError> {
        self.set_aside(&self.in_progress_path(), "in-progress.unreadable", now)
    }

    /// Moves `from` aside as `<stem>-<time>.toml` in the data folder, and says where.
    pub(super) fn set_aside(
        &self,
        from: &std::path::Path,
        stem: &str,
        now: jiff::Timestamp,
    ) -> Result<std::path::PathBuf, StoreError> {
        // Two set aside in the same second each keep their own name.
        let to = super::unused_name(
            &self.root,
            &format!("{stem}-{}", now.strftime("%Y%m%dT%H%M%SZ")),
            "toml",
        );
        std::fs::rename(from, &to).map_err(io("move aside", from))?;
        atomic::sync_dir(&self.root).map_err(io("sync", &self.root))?;
        Ok(to)
    }
}

impl super::Versioned for InProgress {
    fn schema(&self) -> u32 {
        self.schema
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn top_level_keys_of_a_newer_rolefit_survive_an_autosave() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let bank = crate::bank::load_default().unwrap();
        let a = Assessment::new(&bank, crate::bank::Form::Quick, None).unwrap();
        let p = InProgress::new(
            jiff::Timestamp::UNIX_EPOCH,
            "x".into(),
            BankRef::of(&bank),
            a,
        );
        store.save_in_progress(&p).unwrap();
        let path = store.in_progress_path();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            format!("mood = \"keen\"\n{text}\n[future]\nsteps = [1, 2]\n"),
        )
        .unwrap();
        let loaded = store.load_in_progress().unwrap().unwrap();
        store.save_in_progress(&loaded).unwrap();
        let back: toml::Table = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(back["mood"].as_str(), Some("keen"));
        assert_eq!(back["future"]["steps"].as_array().unwrap().len(), 2);
        assert_eq!(store.load_in_progress().unwrap().unwrap(), loaded);
    }
}
