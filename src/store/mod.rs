//! The data directory: finished results, the assessment in progress. Every write goes through
//! `atomic::write_atomic`. The store is given its folder and the time; it never looks them up.

mod atomic;
mod progress;
mod result;

use std::path::{Path, PathBuf};

pub use atomic::{FILE_MODE, create_private_dir, write_atomic};
pub use progress::InProgress;
pub use result::{BankRef, Listed, ResultFile, new_result_id};

/// The newest file format this build reads and writes.
pub const SCHEMA: u32 = 1;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot {what} {}: {source}", path.display())]
    Io {
        what: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is not a readable rolefit file: {reason}; it was left untouched", path.display())]
    Corrupt { path: PathBuf, reason: String },
    #[error("{} was written by a newer rolefit (schema {found}, this one reads up to {SCHEMA}); it was left untouched, update rolefit to open it", path.display())]
    FutureSchema { path: PathBuf, found: u32 },
    #[error("a result with id {id} already exists")]
    Exists { id: String },
    #[error("no result with id `{id}`: ids are the file names in {} (or use `latest`)", dir.display())]
    UnknownId { id: String, dir: PathBuf },
    #[error("no saved results yet in {}: take an assessment first", dir.display())]
    NoResults { dir: PathBuf },
}

fn io<'a>(what: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> StoreError + 'a {
    move |source| StoreError::Io {
        what,
        path: path.to_path_buf(),
        source,
    }
}

#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    /// Opens (creating, mode 0700) the data directory.
    pub fn open(root: &Path) -> Result<Store, StoreError> {
        create_private_dir(root).map_err(io("create the data directory", root))?;
        Ok(Store {
            root: root.to_path_buf(),
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn results_dir(&self) -> PathBuf {
        self.root.join("results")
    }

    pub fn in_progress_path(&self) -> PathBuf {
        self.root.join("in-progress.toml")
    }

    pub fn result_path(&self, id: &str) -> PathBuf {
        self.results_dir().join(format!("{id}.toml"))
    }
}

/// Reads `schema` before anything else, so a newer file is reported as such and not as corrupt.
fn check_schema(text: &str, path: &Path) -> Result<(), StoreError> {
    #[derive(serde::Deserialize)]
    struct Head {
        schema: Option<toml::Value>,
    }
    let corrupt = |reason: String| StoreError::Corrupt {
        path: path.to_path_buf(),
        reason,
    };
    let head: Head = toml::from_str(text).map_err(|e| corrupt(first_line(e.message())))?;
    match head.schema {
        None => Err(corrupt("it has no `schema` field".into())),
        Some(toml::Value::Integer(n)) if n == i64::from(SCHEMA) => Ok(()),
        Some(toml::Value::Integer(n)) if n > i64::from(SCHEMA) => Err(StoreError::FutureSchema {
            path: path.to_path_buf(),
            found: u32::try_from(n).unwrap_or(u32::MAX),
        }),
        Some(other) => Err(corrupt(format!("unknown schema {other}"))),
    }
}

fn first_line(message: &str) -> String {
    message
        .trim()
        .lines()
        .next()
        .unwrap_or("not valid TOML")
        .to_owned()
}

/// Reads and parses a versioned file; `Ok(None)` if it does not exist.
fn read_versioned<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Option<T>, StoreError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
            return Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                reason: "it is not UTF-8 text".into(),
            });
        }
        Err(e) => return Err(io("read", path)(e)),
    };
    check_schema(&text, path)?;
    toml::from_str(&text)
        .map(Some)
        .map_err(|e| StoreError::Corrupt {
            path: path.to_path_buf(),
            reason: first_line(e.message()),
        })
}

fn to_toml<T: serde::Serialize>(value: &T, path: &Path) -> Result<String, StoreError> {
    toml::to_string(value).map_err(|e| StoreError::Corrupt {
        path: path.to_path_buf(),
        reason: format!("cannot encode: {e}"),
    })
}
