//! Finding saved results: listing them (in parallel: History opens thousands), picking one by id
//! or by name (`latest`, `previous`, `first`), relabelling and moving to the trash.

use std::path::PathBuf;

use super::{Store, StoreError, atomic, io};
use crate::store::ResultFile;

/// One file of `results/`, read or not.
#[derive(Debug)]
pub struct Listed {
    pub id: String,
    pub path: PathBuf,
    pub result: Result<ResultFile, StoreError>,
}

/// A file found in `results/`, not yet read.
#[derive(Debug, Clone)]
pub struct Found {
    /// Its file name without `.toml`: a result's identity everywhere.
    pub id: String,
    pub path: PathBuf,
    /// A regular file (not a folder, not a symlink: those are never followed).
    pub regular: bool,
    /// Why its name cannot serve as an id (it is then listed as unreadable).
    pub bad_name: Option<&'static str>,
}

/// What tells one version of a file from another without reading it (for History's index).
/// The change time cannot be set back by a program, so a file rewritten with its old size and
/// modification time still looks changed (`platform::times` says what each system gives).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub len: u64,
    pub modified_ns: i64,
    pub changed_ns: i64,
    pub inode: u64,
}

/// `None` if the file cannot be looked at.
pub fn stamp_of(path: &std::path::Path) -> Option<Stamp> {
    let m = std::fs::symlink_metadata(path).ok()?;
    let t = super::platform::times(&m);
    Some(Stamp {
        len: m.len(),
        modified_ns: t.modified_ns,
        changed_ns: t.changed_ns,
        inode: t.inode,
    })
}

impl Found {
    /// `None` if the file cannot be looked at (it is then simply read).
    pub fn stamp(&self) -> Option<Stamp> {
        stamp_of(&self.path)
    }

    /// Reads the file, its answers checked against `bank` (see `parse_result`).
    pub fn load(self, bank: &crate::bank::Bank) -> Listed {
        let result = match (self.bad_name, self.regular) {
            (Some(why), _) => Err(StoreError::Corrupt {
                path: self.path.clone(),
                reason: format!(
                    "its file name {why}, so it cannot be opened by name; rename the file"
                ),
            }),
            (None, true) => Store::read_result_with(&self.path, bank),
            (None, false) => Err(StoreError::Corrupt {
                path: self.path.clone(),
                reason: format!(
                    "it is {}, not a regular file, so it is not followed or read",
                    std::fs::symlink_metadata(&self.path)
                        .map_or("gone", |m| super::read::kind_of(m.file_type()))
                ),
            }),
        };
        Listed {
            id: self.id,
            path: self.path,
            result,
        }
    }
}

/// Reads `entries` on every core (parsing dominates; History may open thousands), keeping order.
pub fn load_all(entries: Vec<Found>, bank: &crate::bank::Bank) -> Vec<Listed> {
    load_all_into(entries, bank, |listed| listed)
}

/// `load_all`, with `keep` run on each file as soon as it is read, on the thread that read it:
/// what is kept of a file (History's row) is made in parallel too, and the full result is
/// dropped there, so ten thousand of them are never in memory at once.
pub fn load_all_into<T: Send>(
    entries: Vec<Found>,
    bank: &crate::bank::Bank,
    keep: impl Fn(Listed) -> T + Sync,
) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(8);
    if threads == 1 || entries.len() < 64 {
        return entries.into_iter().map(|e| keep(e.load(bank))).collect();
    }
    let chunk = entries.len().div_ceil(threads);
    let keep = &keep;
    let loaded = std::thread::scope(|s| {
        let handles: Vec<_> = entries
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|e| keep(e.clone().load(bank))).collect()))
            .collect();
        handles
            .into_iter()
            // A parser thread that panicked would leave its files out and shift every row after
            // them onto the wrong file: its panic is raised here instead, as if read in line.
            .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect::<Vec<Vec<T>>>()
    });
    loaded.into_iter().flatten().collect()
}

/// A result found by name, and why the files passed over on the way could not be read.
#[derive(Debug)]
pub struct Picked {
    pub result: ResultFile,
    /// Each file passed over, as its error says it (file, reason, what to do), in the order met.
    pub skipped: Vec<String>,
    /// The name it was picked by (`latest`, `previous`, `first`), or its id.
    which: &'static str,
}

impl Picked {
    /// What is said wherever a name picked this result past files it cannot read: the CLI's
    /// stderr note, the notice on home and on the dashboard. `None` when nothing was skipped.
    pub fn skipped_note(&self) -> Option<String> {
        let first = self.skipped.first()?;
        let (age, one) = match self.which {
            "first" => ("older", "the oldest readable one"),
            "previous" => ("newer", "the one before the newest readable one"),
            _ => ("newer", "the newest readable one"),
        };
        Some(format!(
            "{} cannot be read, so the result shown, {}, is {one}: {first}{}",
            match self.skipped.len() {
                1 => format!("a {age} result"),
                n => format!("{n} {age} results"),
            },
            taken_text(self.result.taken_at),
            more(self.skipped.len())
        ))
    }
}

/// When a result was taken, as home and the note on a skipped file say it.
pub fn taken_text(at: jiff::Timestamp) -> String {
    format!("taken {} (UTC)", at.strftime("%-d %b %Y"))
}

/// ", and N more (`rolefit history` lists why)" after the first of `count` unreadable files.
pub(super) fn more(count: usize) -> String {
    match count.saturating_sub(1) {
        0 => String::new(),
        n => format!(" (and {n} more: `rolefit history` lists why)"),
    }
}

fn readable(entries: Vec<Found>, bank: &crate::bank::Bank) -> impl Iterator<Item = ResultFile> {
    entries.into_iter().filter_map(|e| e.load(bank).result.ok())
}

/// The names `find_result` reads as "which one", not as an id.
const NAMES: [&str; 3] = ["latest", "previous", "first"];

/// Why a file name (without `.toml`) cannot be a result's id, if it cannot. One rule for
/// listing and for opening by id, so every id History lists opens, and an id can never name a
/// path outside `results/`.
fn id_problem(id: &str) -> Option<&'static str> {
    if id.is_empty() || id.starts_with('.') {
        Some("is hidden (it starts with a dot)")
    } else if id.contains(['/', '\\']) {
        Some("has a slash")
    } else if id.chars().any(char::is_control) {
        Some("has control characters")
    } else if NAMES.contains(&id) {
        Some("is one of latest, previous, first (names for other results)")
    } else {
        None
    }
}

pub fn valid_id(id: &str) -> bool {
    id_problem(id).is_none()
}

impl Store {
    /// The `.toml` files of `results/`, newest first (ids start with their UTC time).
    pub fn entries(&self) -> Result<Vec<Found>, StoreError> {
        let dir = self.results_dir();
        let read = match std::fs::read_dir(&dir) {
            Ok(r) => r,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io("read", &dir)(e)),
        };
        let mut entries: Vec<Found> = read
            .filter_map(Result::ok)
            .filter_map(|e| {
                let path = e.path();
                if path.extension().is_none_or(|x| x != "toml") {
                    return None;
                }
                let stem = path.file_stem()?;
                let (id, bad_name) = match stem.to_str() {
                    Some(id) => (id.to_owned(), id_problem(id)),
                    None => (stem.to_string_lossy().into_owned(), Some("is not UTF-8")),
                };
                // `file_type` does not follow links.
                let regular = e.file_type().is_ok_and(|t| t.is_file());
                Some(Found {
                    id,
                    path,
                    regular,
                    bad_name,
                })
            })
            .collect();
        entries.sort_by(|a, b| b.id.cmp(&a.id));
        Ok(entries)
    }

    /// Every result file, newest first. Unreadable ones are listed with their reason, never
    /// touched. Files are read on every core: parsing dominates, and History opens them all.
    pub fn list_results(&self) -> Result<Vec<Listed>, StoreError> {
        Ok(load_all(self.entries()?, self.bank()))
    }

    /// The readable results, newest first, read one at a time as the caller asks for them.
    pub fn readable_results(&self) -> Result<impl Iterator<Item = ResultFile>, StoreError> {
        Ok(readable(self.entries()?, self.bank()))
    }

    /// A result by id, or by name: `latest`, `previous` (the one before latest) or `first`.
    /// Names skip unreadable files; only as many files as needed are read.
    pub fn find_result(&self, which: &str) -> Result<ResultFile, StoreError> {
        self.pick(which).map(|p| p.result)
    }

    /// `find_result`, with the files a name passed over because they cannot be read: the one
    /// rule for "the latest result" (show, export, compare, home and the dashboard all say what
    /// it skipped, through `Picked::skipped_note`).
    pub fn pick(&self, which: &str) -> Result<Picked, StoreError> {
        let (mut entries, n, which) = match which {
            "latest" => (self.entries()?, 0, "latest"),
            "previous" => (self.entries()?, 1, "previous"),
            "first" => (self.entries()?, 0, "first"),
            _ => {
                return self.load_id(which).map(|result| Picked {
                    result,
                    skipped: Vec::new(),
                    which: "id",
                });
            }
        };
        if which == "first" {
            entries.reverse();
        }
        let mut found = Vec::new();
        let mut skipped = Vec::new();
        for e in entries {
            match e.load(self.bank()).result {
                Ok(r) if found.len() == n => {
                    return Ok(Picked {
                        result: r,
                        skipped,
                        which,
                    });
                }
                Ok(r) => found.push(r),
                Err(e) => skipped.push(e.to_string()),
            }
        }
        let dir = self.results_dir();
        Err(match (found.len(), skipped.is_empty()) {
            (0, true) => StoreError::NoResults { dir },
            (0, false) => StoreError::NoneReadable { dir, skipped },
            _ => StoreError::TooFewResults { dir, skipped },
        })
    }

    /// Where result `id` is exported as `ext`: `exports/<id>.<ext>`, with `exports/` made ready
    /// (see `folder`). Refused for anything but an id (a file name of `results/`), so an export
    /// can never land outside `exports/`.
    pub fn export_path(&self, id: &str, ext: &str) -> Result<PathBuf, StoreError> {
        if !valid_id(id) {
            return Err(StoreError::UnknownId {
                id: id.to_owned(),
                dir: self.results_dir(),
            });
        }
        Ok(self.folder("exports")?.join(format!("{id}.{ext}")))
    }

    /// The result whose file is `results/<id>.toml` (a regular file, never a link).
    pub fn load_id(&self, id: &str) -> Result<ResultFile, StoreError> {
        Store::read_result_with(&self.existing_result(id, true)?, self.bank())
    }

    /// The path of result `id`, if `id` is one and names a file there (`regular`: and that file
    /// is a regular one).
    pub(super) fn existing_result(&self, id: &str, regular: bool) -> Result<PathBuf, StoreError> {
        // Checked before any path is built: an id read from a file (a goal's baseline) must not
        // even be looked up outside `results/`.
        let path = self.result_path(id);
        let found =
            valid_id(id) && std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file() || !regular);
        if !found {
            return Err(StoreError::UnknownId {
                id: id.to_owned(),
                dir: self.results_dir(),
            });
        }
        Ok(path)
    }

    /// Gives the result with this id (its file name) a new label. Only a readable result is
    /// rewritten, and only its `label`: every other line, known or not, stays as it was.
    pub fn relabel(&self, id: &str, label: &str) -> Result<ResultFile, StoreError> {
        let label = label.trim();
        super::limits::check_label(label)?;
        self.folder("results")?;
        let path = self.existing_result(id, true)?;
        let text = super::read_file(&path)?;
        let mut result: ResultFile = super::parse_versioned(&text, &path)?;
        let mut doc = super::edit::document(&text, &path)?;
        doc["label"] = toml_edit::value(label);
        super::write_data(&path, doc.to_string().as_bytes(), "save the result to")?;
        result.label = label.to_owned();
        if result.id != id {
            result.stated_id = Some(std::mem::replace(&mut result.id, id.to_owned()));
        }
        Ok(result)
    }

    /// Moves a result file (readable or not) into `trash/`, from where it can be put back by
    /// hand. Never deletes anything. Returns where it went.
    pub fn trash_result(&self, id: &str) -> Result<PathBuf, StoreError> {
        let from = self.existing_result(id, false)?;
        let results = self.folder("results")?;
        let trash = self.folder("trash")?;
        let to = super::unused_name(&trash, id, "toml");
        std::fs::rename(&from, &to).map_err(io("move to the trash", &from))?;
        atomic::sync_dir(&trash).map_err(io("sync", &trash))?;
        atomic::sync_dir(&results).map_err(io("sync", &results))?;
        Ok(to)
    }
}
