//! The data directory: finished results, the assessment in progress. Every write goes through
//! `atomic::write_atomic`. The store is given its folder and the time; it never looks them up.

mod atomic;
mod goals;
mod list;
mod lock;
mod progress;
mod result;

use std::path::{Path, PathBuf};

pub use atomic::{FILE_MODE, create_private_dir, write_atomic, write_new_atomic};
pub use goals::{Goal, GoalsFile};
pub use list::{Entry, Listed, Stamp, load_all};
pub use lock::InstanceLock;
pub use progress::InProgress;
pub use result::{BankRef, ResultFile, new_result_id};

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
    #[error("only one readable result in {}: `previous` needs two; take the assessment again first", dir.display())]
    TooFewResults { dir: PathBuf },
    #[error(
        "goals.toml already used the largest goal id (4294967295); remove it by hand or start a new goals file"
    )]
    GoalIdsExhausted,
    #[error("another rolefit{} is already open on {}; close it first, or pass --data-dir to use another folder", pid.map(|p| format!(" (process {p})")).unwrap_or_default(), dir.display())]
    Busy { dir: PathBuf, pid: Option<u32> },
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

    /// The data directory as it is, without creating it: for commands that only read, which
    /// must leave no folder behind. Reading a missing one finds nothing.
    pub fn existing(root: &Path) -> Store {
        Store {
            root: root.to_path_buf(),
        }
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

    /// Clears temp files left by saves that were killed mid-write, long enough ago that they
    /// cannot be a save in progress. Returns how many went.
    pub fn sweep_stale_temp_files(&self) -> usize {
        atomic::sweep_stale_temp_files(&self.root)
            + atomic::sweep_stale_temp_files(&self.results_dir())
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

/// A file that carries its format version in `schema`.
pub trait Versioned: serde::de::DeserializeOwned {
    fn schema(&self) -> u32;
}

/// Reads and parses a versioned file; `Ok(None)` if it does not exist.
fn read_versioned<T: Versioned>(path: &Path) -> Result<Option<T>, StoreError> {
    let text = match read_capped(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
            return Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                reason: e.to_string(),
            });
        }
        Err(e) => return Err(io("read", path)(e)),
    };
    parse_versioned(&text, path).map(Some)
}

/// No rolefit file comes near this; a larger one is not read into memory at all.
pub const MAX_FILE_BYTES: u64 = 4 << 20;

/// The file as text, refusing (as `InvalidData`) one too large or not UTF-8.
fn read_capped(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    if len > MAX_FILE_BYTES {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "it is {:.0} MB, far larger than any rolefit file",
                len as f64 / 1_048_576.0
            ),
        ));
    }
    let mut text = String::new();
    file.take(MAX_FILE_BYTES)
        .read_to_string(&mut text)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::InvalidData => {
                std::io::Error::new(e.kind(), "it is not UTF-8 text")
            }
            _ => e,
        })?;
    Ok(text)
}

/// Parses once on the happy path (listing thousands of results depends on it); only a file that
/// fails, or carries another schema, is read a second time to say why.
pub fn parse_versioned<T: Versioned>(text: &str, path: &Path) -> Result<T, StoreError> {
    match toml::from_str::<T>(text) {
        Ok(v) if v.schema() == SCHEMA => Ok(v),
        parsed => {
            // Errs for any schema but ours, so only a genuine parse error gets past it.
            check_schema(text, path)?;
            parsed.map_err(|e| StoreError::Corrupt {
                path: path.to_path_buf(),
                reason: first_line(e.message()),
            })
        }
    }
}

fn to_toml<T: serde::Serialize>(value: &T, path: &Path) -> Result<String, StoreError> {
    toml::to_string(value).map_err(|e| StoreError::Corrupt {
        path: path.to_path_buf(),
        reason: format!("cannot encode: {e}"),
    })
}
