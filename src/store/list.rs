//! Finding saved results: listing them (in parallel: History opens thousands), picking one by id
//! or by name (`latest`, `previous`, `first`), relabelling and moving to the trash.

use std::path::PathBuf;

use super::{Store, StoreError, atomic, io, to_toml};
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
pub struct Entry {
    pub id: String,
    pub path: PathBuf,
    /// A regular file (not a folder, not a symlink: those are never followed).
    pub regular: bool,
}

/// What tells one version of a file from another without reading it (for History's index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub len: u64,
    pub modified_ns: i64,
    pub inode: u64,
}

impl Entry {
    /// `None` if the file cannot be looked at (it is then simply read).
    pub fn stamp(&self) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::symlink_metadata(&self.path).ok()?;
        Some(Stamp {
            len: m.len(),
            modified_ns: m
                .mtime()
                .saturating_mul(1_000_000_000)
                .saturating_add(m.mtime_nsec()),
            inode: m.ino(),
        })
    }

    pub fn load(self) -> Listed {
        let result = if self.regular {
            Store::load_result_file(&self.path)
        } else {
            Err(StoreError::Corrupt {
                path: self.path.clone(),
                reason: "not a regular file (a folder or a link), so it is not followed".into(),
            })
        };
        Listed {
            id: self.id,
            path: self.path,
            result,
        }
    }
}

/// Reads `entries` on every core (parsing dominates; History may open thousands), keeping order.
pub fn load_all(entries: Vec<Entry>) -> Vec<Listed> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(8);
    if threads == 1 || entries.len() < 64 {
        return entries.into_iter().map(Entry::load).collect();
    }
    let chunk = entries.len().div_ceil(threads);
    let loaded = std::thread::scope(|s| {
        let handles: Vec<_> = entries
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().cloned().map(Entry::load).collect()))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect::<Vec<Vec<Listed>>>()
    });
    loaded.into_iter().flatten().collect()
}

fn readable(entries: Vec<Entry>) -> impl Iterator<Item = ResultFile> {
    entries.into_iter().filter_map(|e| e.load().result.ok())
}

/// Ids are made only of these, so an id can never name a path outside `results/`.
fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

impl Store {
    /// The `.toml` files of `results/`, newest first (ids start with their UTC time).
    pub fn entries(&self) -> Result<Vec<Entry>, StoreError> {
        let dir = self.results_dir();
        let read = match std::fs::read_dir(&dir) {
            Ok(r) => r,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io("read", &dir)(e)),
        };
        let mut entries: Vec<Entry> = read
            .filter_map(Result::ok)
            .filter_map(|e| {
                let path = e.path();
                if path.extension().is_none_or(|x| x != "toml") {
                    return None;
                }
                let id = path.file_stem()?.to_string_lossy().into_owned();
                // `file_type` does not follow links.
                let regular = e.file_type().is_ok_and(|t| t.is_file());
                Some(Entry { id, path, regular })
            })
            .collect();
        entries.sort_by(|a, b| b.id.cmp(&a.id));
        Ok(entries)
    }

    /// Every result file, newest first. Unreadable ones are listed with their reason, never
    /// touched. Files are read on every core: parsing dominates, and History opens them all.
    pub fn list_results(&self) -> Result<Vec<Listed>, StoreError> {
        Ok(load_all(self.entries()?))
    }

    /// The readable results, newest first, read one at a time as the caller asks for them.
    pub fn readable_results(&self) -> Result<impl Iterator<Item = ResultFile>, StoreError> {
        Ok(readable(self.entries()?))
    }

    /// A result by id, or by name: `latest`, `previous` (the one before latest) or `first`.
    /// Names skip unreadable files; only as many files as needed are read.
    pub fn find_result(&self, which: &str) -> Result<ResultFile, StoreError> {
        let nth = |entries: Vec<Entry>, n: usize| {
            let mut found: Vec<ResultFile> = readable(entries).take(n + 1).collect();
            match found.len() {
                len if len > n => Ok(found.swap_remove(n)),
                0 => Err(StoreError::NoResults {
                    dir: self.results_dir(),
                }),
                _ => Err(StoreError::TooFewResults {
                    dir: self.results_dir(),
                }),
            }
        };
        match which {
            "latest" => return nth(self.entries()?, 0),
            "previous" => return nth(self.entries()?, 1),
            "first" => {
                let mut entries = self.entries()?;
                entries.reverse();
                return nth(entries, 0);
            }
            _ => {}
        }
        let path = self.result_path(which);
        let regular = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file());
        if !valid_id(which) || !regular {
            return Err(StoreError::UnknownId {
                id: which.to_owned(),
                dir: self.results_dir(),
            });
        }
        Store::load_result_file(&path)
    }

    /// Gives a saved result a new label. Only a readable result is rewritten.
    pub fn relabel(&self, id: &str, label: &str) -> Result<ResultFile, StoreError> {
        let mut result = self.find_result(id)?;
        result.label = label.trim().to_owned();
        let path = self.result_path(&result.id);
        let text = to_toml(&result, &path)?;
        atomic::write_atomic(&path, text.as_bytes()).map_err(io("save the result to", &path))?;
        Ok(result)
    }

    /// Moves a result file (readable or not) into `trash/`, from where it can be put back by
    /// hand. Never deletes anything. Returns where it went.
    pub fn trash_result(&self, id: &str) -> Result<PathBuf, StoreError> {
        let from = self.result_path(id);
        if !valid_id(id) || std::fs::symlink_metadata(&from).is_err() {
            return Err(StoreError::UnknownId {
                id: id.to_owned(),
                dir: self.results_dir(),
            });
        }
        let trash = self.root.join("trash");
        atomic::create_private_dir(&trash).map_err(io("create", &trash))?;
        let mut to = trash.join(format!("{id}.toml"));
        let mut n = 1;
        while std::fs::symlink_metadata(&to).is_ok() {
            n += 1;
            to = trash.join(format!("{id}.{n}.toml"));
        }
        std::fs::rename(&from, &to).map_err(io("move to the trash", &from))?;
        atomic::sync_dir(&trash).map_err(io("sync", &trash))?;
        let results = self.results_dir();
        atomic::sync_dir(&results).map_err(io("sync", &results))?;
        Ok(to)
    }
}
