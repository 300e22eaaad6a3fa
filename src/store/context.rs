//! The person's context as the data folder keeps it (`context.toml`), so the About-you screen is
//! pre-filled next time, and as a result carries it (`[context]`). Both are rewritten with
//! `toml_edit`, so keys a newer rolefit added stay.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::{SCHEMA, Store, StoreError, edit};
use crate::context::Context;

/// The keys of `[context]` this build writes; any other key is kept as it was.
const KEYS: [&str; 3] = ["years", "role", "users"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct ContextFile {
    schema: u32,
    #[serde(default)]
    context: Context,
}

impl super::Versioned for ContextFile {
    fn schema(&self) -> u32 {
        self.schema
    }
}

/// A context read from a file, or why it cannot be used.
fn checked(c: Context, text: &str, path: &std::path::Path) -> Result<Context, StoreError> {
    c.validate().map_err(|e| {
        let why = crate::explain::field(text, "context.years", &format!("is refused: {e}"));
        super::unreadable(path, why)
    })?;
    Ok(c)
}

impl Store {
    pub fn context_path(&self) -> PathBuf {
        self.root.join("context.toml")
    }

    /// What the person last said about themselves; `None` before they were ever asked.
    pub fn load_context(&self) -> Result<Option<Context>, StoreError> {
        let path = self.context_path();
        let Some(text) = super::read_file_if_any(&path)? else {
            return Ok(None);
        };
        let file = super::parse_versioned::<ContextFile>(&text, &path)?;
        checked(file.context, &text, &path).map(Some)
    }

    /// Keeps `context` for next time (an empty one too: "prefer not to say" is an answer). A file
    /// this build cannot use (out-of-range years beside a role the person gave) is never
    /// overwritten: it is moved aside first, and where it went is returned so it can be said.
    pub fn save_context(
        &self,
        context: &Context,
        now: jiff::Timestamp,
    ) -> Result<Option<PathBuf>, StoreError> {
        let path = self.context_path();
        let fresh = edit::encode(
            &ContextFile {
                schema: SCHEMA,
                context: *context,
            },
            &path,
        )?;
        let mut kept = None;
        let text = match super::read_file_if_any(&path)? {
            // Parsed first: a file this build cannot read is never overwritten.
            Some(old) => {
                let parsed = super::parse_versioned::<ContextFile>(&old, &path)?;
                if checked(parsed.context, &old, &path).is_err() {
                    kept = Some(self.set_aside(&path, "context.unusable", now)?);
                    fresh.to_string()
                } else {
                    let mut doc = edit::document(&old, &path)?;
                    set_context(doc.as_table_mut(), fresh.get("context"));
                    doc.to_string()
                }
            }
            None => fresh.to_string(),
        };
        super::write_data(&path, text.as_bytes(), "save your context to")?;
        Ok(kept)
    }

    /// Sets the `[context]` of result `id`, keeping every other line of it as it was.
    pub fn set_result_context(
        &self,
        id: &str,
        context: &Context,
    ) -> Result<super::ResultFile, StoreError> {
        let path = self.existing_result(id, true)?;
        let text = super::read_file(&path)?;
        let mut result: super::ResultFile = super::parse_versioned(&text, &path)?;
        let mut doc = edit::document(&text, &path)?;
        let fresh = edit::encode(&Holder { context: *context }, &path)?;
        set_context(doc.as_table_mut(), fresh.get("context"));
        super::write_data(&path, doc.to_string().as_bytes(), "save the result to")?;
        result.context = (!context.is_empty()).then_some(*context);
        if result.id != id {
            result.stated_id = Some(std::mem::replace(&mut result.id, id.to_owned()));
        }
        Ok(result)
    }
}

#[derive(Serialize)]
struct Holder {
    context: Context,
}

/// Writes the known keys of `fresh` into the document's `[context]`, creating it if needed and
/// keeping keys it does not know.
fn set_context(doc: &mut toml_edit::Table, fresh: Option<&toml_edit::Item>) {
    let empty = toml_edit::Table::new();
    let fresh = fresh.and_then(toml_edit::Item::as_table).unwrap_or(&empty);
    if !doc.get("context").is_some_and(toml_edit::Item::is_table) {
        doc.insert("context", toml_edit::Item::Table(toml_edit::Table::new()));
    }
    if let Some(table) = doc
        .get_mut("context")
        .and_then(toml_edit::Item::as_table_mut)
    {
        edit::overlay(table, fresh, &KEYS);
        if table.is_empty() {
            doc.remove("context");
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::context::{Role, Users};

    #[test]
    fn saved_context_reads_back_and_keeps_unknown_keys() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.load_context().unwrap(), None);
        let c = Context {
            years: Some(15),
            role: Some(Role::Staff),
            users: Some(Users::Teams),
        };
        store.save_context(&c, jiff::Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(store.load_context().unwrap(), Some(c));
        let path = store.context_path();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{text}team = \"core\"\n")).unwrap();
        let fewer = Context { role: None, ..c };
        store
            .save_context(&fewer, jiff::Timestamp::UNIX_EPOCH)
            .unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("team = \"core\""), "{text}");
        assert!(!text.contains("role"), "{text}");
        assert_eq!(store.load_context().unwrap(), Some(fewer));
    }

    #[test]
    fn a_context_out_of_range_is_refused_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        std::fs::write(store.context_path(), "schema = 1\n[context]\nyears = 400\n").unwrap();
        assert!(store.load_context().is_err());
        // A new answer replaces it, and the old file is kept aside, whole.
        let now = jiff::Timestamp::from_second(1_800_000_000).unwrap();
        let kept = store
            .save_context(&Context::default(), now)
            .unwrap()
            .unwrap();
        assert!(
            std::fs::read_to_string(kept)
                .unwrap()
                .contains("years = 400")
        );
        assert_eq!(store.load_context().unwrap(), Some(Context::default()));
    }
}
