//! The data directory: finished results, the assessment in progress. Every write goes through
//! `atomic::write_atomic`. The store is given its folder and the time; it never looks them up.

mod atomic;
mod context;
mod edit;
mod goals;
pub mod limits;
mod list;
mod lock;
mod platform;
mod progress;
pub mod read;
mod result;

use std::path::{Path, PathBuf};

pub use atomic::{create_private_dir, write_atomic, write_new_atomic};
pub use goals::{BadGoal, Goal, GoalsFile, parse as parse_goals};
pub use list::{
    Found, Listed, Picked, Stamp, load_all, load_all_into, stamp_of, taken_text, valid_id,
};
pub use lock::InstanceLock;
pub use progress::InProgress;
pub use read::MAX_FILE_BYTES;
pub use result::{BankRef, ResultFile, id_note, new_result_id, parse_result};

/// The file format written for everything an older rolefit reads as well: goals, context, and
/// every result and assessment in progress but a goal form's.
pub const SCHEMA: u32 = 1;

/// The newest file format this build reads and writes. Each step is the one before with what an
/// older rolefit does not know: schema 2 adds a form (`form = "goal"` and its `focus`), schema 3
/// a scenario answered with two options (`id = ["c", "d"]`), which a build reading schema 2
/// already exists without. Only files holding such a thing carry its number, so an older rolefit
/// says "written by a newer rolefit" of them instead of misreading them, and reads the rest.
pub const NEWEST_SCHEMA: u32 = 3;

/// The schema that first holds a goal form.
const GOAL_FORM_SCHEMA: u32 = 2;

/// The schema a result or an assessment in progress is written with, decided by what it holds:
/// the one rule every writer of either goes through (`ResultFile::new`, `InProgress::new`, and
/// each save, as answers change after a file is made).
pub fn schema_for(form: crate::bank::Form, answers: &crate::answers::Answers) -> u32 {
    let two = || {
        answers
            .values()
            .any(|a| matches!(a, crate::answers::Answer::Two(_)))
    };
    if two() {
        NEWEST_SCHEMA
    } else if form == crate::bank::Form::Goal {
        GOAL_FORM_SCHEMA
    } else {
        SCHEMA
    }
}

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
    #[error("{} was written by a newer rolefit (schema {found}, this one reads up to {NEWEST_SCHEMA}); it was left untouched, update rolefit to open it", path.display())]
    FutureSchema { path: PathBuf, found: u32 },
    #[error("a result with id {id} already exists")]
    Exists { id: String },
    #[error("no result with id `{id}`: ids are the file names in {} (or use `latest`)", dir.display())]
    UnknownId { id: String, dir: PathBuf },
    #[error("no saved results yet in {}: take an assessment first", dir.display())]
    NoResults { dir: PathBuf },
    /// Every result there is one rolefit cannot read: retaking would not bring them back.
    #[error("no readable result in {}: {}", dir.display(), unreadable_files(skipped))]
    NoneReadable { dir: PathBuf, skipped: Vec<String> },
    #[error("only one readable result in {}: `previous` needs two{}", dir.display(), if skipped.is_empty() { "; take the assessment again first".to_owned() } else { format!(", and {}", unreadable_files(skipped)) })]
    TooFewResults { dir: PathBuf, skipped: Vec<String> },
    #[error(
        "{what} is at most {limit} characters (this one has {found}), so that every file rolefit writes stays one it can read back"
    )]
    TooLong {
        what: &'static str,
        limit: usize,
        found: usize,
    },
    #[error("{what} is one line: it cannot hold line breaks, tabs, control or bidi characters")]
    NotOneLine { what: &'static str },
    #[error("{what} cannot start or end with spaces")]
    Untrimmed { what: &'static str },
    #[error(
        "rolefit keeps at most {limit} {what} (this would make {found}); remove some first, so that every file rolefit writes stays one it can read back"
    )]
    TooMany {
        what: &'static str,
        limit: usize,
        found: usize,
    },
    #[error("{} would be {}, over the {} rolefit reads back, so it was not written{hint}", path.display(), read::size(*size), read::size(*cap))]
    TooLarge {
        path: PathBuf,
        size: u64,
        cap: u64,
        hint: &'static str,
    },
    #[error("{what} was not saved: {reason}")]
    Refused { what: String, reason: String },
    #[error(
        "goals.toml already used the largest goal id (4294967295); remove it by hand or start a new goals file"
    )]
    GoalIdsExhausted,
    /// Asked for by id, and not in goals.toml (a typo, or removed in another window).
    #[error(
        "there is no goal #{id} (another rolefit may have removed it); `rolefit goals list` shows the goals there are"
    )]
    NoGoal { id: u32 },
    /// In goals.toml, but not readable: it can be removed, not changed.
    #[error("cannot change {0}; fix it in goals.toml, or remove it")]
    UnreadableGoal(Box<BadGoal>),
    #[error("{} is a link to another folder, and rolefit writes nothing through a link, so nothing was written; replace the link with a folder (what it points to was left untouched)", path.display())]
    LinkedFolder { path: PathBuf },
    #[error("another rolefit{} is already open on {}; close it first, or pass --data-dir to use another folder", pid.map(|p| format!(" (process {p})")).unwrap_or_default(), dir.display())]
    Busy { dir: PathBuf, pid: Option<u32> },
}

/// How many result files cannot be read, and the first one's error (file, reason, what to do).
fn unreadable_files(skipped: &[String]) -> String {
    let n = skipped.len();
    format!(
        "{n} result file{} there cannot be read; fix or move {}: {}{}",
        if n == 1 { "" } else { "s" },
        if n == 1 { "it" } else { "them" },
        skipped.first().map_or("", String::as_str),
        list::more(n)
    )
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
    /// The bank in use (`--bank`), if not the built-in one: a result taken on it (or on an
    /// archived version of it) has its answers checked against the questions it was asked.
    bank: Option<std::sync::Arc<crate::bank::Bank>>,
}

impl Store {
    /// Opens (creating, private to the user) the data directory, and clears what saves killed
    /// mid-write left there: once per process, not on every write (a listing of `results/` per
    /// save, of the data folder per answer, was most of a save's cost).
    pub fn open(root: &Path) -> Result<Store, StoreError> {
        create_private_dir(root).map_err(io("create the data directory", root))?;
        let store = Store {
            root: root.to_path_buf(),
            bank: None,
        };
        store.sweep_stale_temp_files();
        Ok(store)
    }

    /// The data directory as it is, without creating it: for commands that only read, which
    /// must leave no folder behind. Reading a missing one finds nothing.
    pub fn existing(root: &Path) -> Store {
        Store {
            root: root.to_path_buf(),
            bank: None,
        }
    }

    /// This store, reading results with `bank` (the one in use) instead of the built-in bank.
    #[must_use]
    pub fn with_bank(mut self, bank: &crate::bank::Bank) -> Store {
        self.bank = Some(std::sync::Arc::new(bank.clone()));
        self
    }

    /// The bank results are read with: the one in use, or the built-in one.
    pub fn bank(&self) -> &crate::bank::Bank {
        let builtin: &crate::bank::Bank = crate::bank::builtin();
        self.bank.as_deref().unwrap_or(builtin)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn results_dir(&self) -> PathBuf {
        self.root.join("results")
    }

    /// A folder of the data directory (`results`, `exports`, `cache`, `trash`) to write into,
    /// created private if missing. A link there is refused, for every write: whatever it points
    /// to is not the person's data folder (the data folder itself may be a link: they chose it).
    pub fn folder(&self, name: &str) -> Result<PathBuf, StoreError> {
        let dir = self.root.join(name);
        match std::fs::symlink_metadata(&dir) {
            Ok(m) if m.file_type().is_symlink() => Err(StoreError::LinkedFolder { path: dir }),
            Ok(_) => Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                create_private_dir(&dir).map_err(io("create", &dir))?;
                Ok(dir)
            }
            Err(e) => Err(io("look at", &dir)(e)),
        }
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
    let corrupt = |reason| unreadable(path, reason);
    let head: Head =
        toml::from_str(text).map_err(|e| corrupt(crate::explain::toml_error(text, &e)))?;
    match head.schema {
        None => Err(corrupt(crate::explain::Reason {
            line: None,
            text: "it has no `schema` field, so it is not a file rolefit wrote".into(),
        })),
        Some(toml::Value::Integer(n)) if readable(n) => Ok(()),
        Some(toml::Value::Integer(n)) if n > i64::from(NEWEST_SCHEMA) => {
            Err(StoreError::FutureSchema {
                path: path.to_path_buf(),
                found: u32::try_from(n).unwrap_or(u32::MAX),
            })
        }
        Some(other) => Err(corrupt(crate::explain::field(
            text,
            "schema",
            &format!(
                "is {other}, not a file format rolefit knows (it reads {SCHEMA} to {NEWEST_SCHEMA})"
            ),
        ))),
    }
}

/// A data file rolefit will not read, and why, with what the person can do about it: the one
/// way a file's own content is reported as wrong.
fn unreadable(path: &Path, reason: crate::explain::Reason) -> StoreError {
    StoreError::Corrupt {
        path: path.to_path_buf(),
        reason: format!("{reason}; {}", crate::explain::TODO),
    }
}

/// A schema this build reads: every one that shipped, up to the newest.
fn readable(schema: i64) -> bool {
    (i64::from(SCHEMA)..=i64::from(NEWEST_SCHEMA)).contains(&schema)
}

/// A file that carries its format version in `schema`.
pub trait Versioned: serde::de::DeserializeOwned {
    fn schema(&self) -> u32;
}

/// Reads and parses a versioned file; `Ok(None)` if it does not exist.
fn read_versioned<T: Versioned>(path: &Path) -> Result<Option<T>, StoreError> {
    read_file_if_any(path)?
        .map(|text| parse_versioned(&text, path))
        .transpose()
}

/// A data file's text (bounded, a regular file only); `Ok(None)` if it does not exist.
fn read_file_if_any(path: &Path) -> Result<Option<String>, StoreError> {
    match read::read_text(path, MAX_FILE_BYTES) {
        Ok(t) => Ok(Some(t)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            reason: e.to_string(),
        }),
        Err(e) => Err(io("read", path)(e)),
    }
}

/// A data file's text, which must exist.
fn read_file(path: &Path) -> Result<String, StoreError> {
    read_file_if_any(path)?.ok_or_else(|| StoreError::Io {
        what: "read",
        path: path.to_path_buf(),
        source: std::io::ErrorKind::NotFound.into(),
    })
}

/// Writes a data file atomically, refusing one rolefit would not read back.
fn write_data(path: &Path, bytes: &[u8], what: &'static str) -> Result<(), StoreError> {
    check_size(path, bytes, MAX_FILE_BYTES, "")?;
    write_atomic(path, bytes).map_err(io(what, path))
}

pub fn check_size(
    path: &Path,
    bytes: &[u8],
    cap: u64,
    hint: &'static str,
) -> Result<(), StoreError> {
    let size = bytes.len() as u64;
    if size > cap {
        return Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            size,
            cap,
            hint,
        });
    }
    Ok(())
}

/// `dir/stem.ext`, or the first of `dir/stem.2.ext`, `dir/stem.3.ext`, ... that is free, so a
/// file moved there never replaces another. Callers hold the instance lock or accept the race
/// of two moves in the same instant.
fn unused_name(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    let taken = |p: &Path| std::fs::symlink_metadata(p).is_ok();
    let first = dir.join(format!("{stem}.{ext}"));
    if !taken(&first) {
        return first;
    }
    (2u64..)
        .map(|n| dir.join(format!("{stem}.{n}.{ext}")))
        .find(|p| !taken(p))
        .unwrap_or(first)
}

/// Parses once on the happy path (listing thousands of results depends on it); only a file that
/// fails, or carries another schema, is read a second time to say why.
pub fn parse_versioned<T: Versioned>(text: &str, path: &Path) -> Result<T, StoreError> {
    match toml::from_str::<T>(text) {
        Ok(v) if readable(i64::from(v.schema())) => Ok(v),
        parsed => {
            // Errs for any schema but ours, so only a genuine parse error gets past it.
            check_schema(text, path)?;
            parsed.map_err(|e| {
                unreadable(
                    path,
                    bad_answer(text).unwrap_or_else(|| crate::explain::toml_error(text, &e)),
                )
            })
        }
    }
}

/// Which answer made a result (`answers`) or a progress file (`assessment.answers`) unreadable,
/// naming its question and its line: serde alone can only say that no kind of answer matched.
fn bad_answer(text: &str) -> Option<crate::explain::Reason> {
    let table: toml::Table = toml::from_str(text).ok()?;
    let (at, answers) = match table.get("answers") {
        Some(a) => ("answers", a),
        None => (
            "assessment.answers",
            table.get("assessment")?.as_table()?.get("answers")?,
        ),
    };
    let (id, why) = crate::answers::first_bad_answer(answers)?;
    Some(crate::explain::field(
        text,
        &format!("{at}.{id}"),
        &format!("is not an answer rolefit can read: {why}"),
    ))
}

fn to_toml<T: serde::Serialize>(value: &T, path: &Path) -> Result<String, StoreError> {
    toml::to_string(value).map_err(|e| StoreError::Corrupt {
        path: path.to_path_buf(),
        reason: format!("cannot encode: {e}"),
    })
}
