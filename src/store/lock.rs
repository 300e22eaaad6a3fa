//! Locks on separate `.lock` files, never on a file that gets renamed (a rename would swap the
//! locked file out from under the lock). The OS drops a lock when its holder exits, even on
//! kill -9, so a crash never leaves the data directory locked.

use std::fs::{File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::Path;

use super::platform::{self, kind_of};
use super::{Store, StoreError, io};

/// Opens (or, when `write`, creates) a lock file: never through a symbolic link, never waiting
/// on a FIFO, and only if it is a regular file, which is what makes writing a pid into it safe.
fn open_lock_file(path: &Path, write: bool) -> std::io::Result<File> {
    let file = platform::open_lock(path, write)?;
    let t = file.metadata()?.file_type();
    if !t.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "it is {}, not a regular file; remove it (it was left untouched)",
                kind_of(t)
            ),
        ));
    }
    Ok(file)
}

/// Held by an interactive rolefit for as long as it runs: two of them on one data directory
/// would each autosave over the other's unfinished assessment.
#[derive(Debug)]
pub struct InstanceLock {
    /// `None` on a read-only folder without a lock file: no rolefit can create one there, and
    /// none can autosave there either, so there is nothing to guard.
    _file: Option<File>,
}

/// Held while `goals.toml` is read, changed and written back, so two processes adding goals at
/// once both keep theirs.
pub struct FileLock {
    _file: File,
}

impl Store {
    pub fn lock_instance(&self) -> Result<InstanceLock, StoreError> {
        let path = self.root.join("rolefit.lock");
        let (mut file, writable) = match open_lock_file(&path, true) {
            Ok(f) => (f, true),
            // A read-only folder still lets rolefit start (results can be saved elsewhere);
            // an existing lock file is locked read-only, so a second instance is still told.
            Err(e) if platform::read_only(&e) => match open_lock_file(&path, false) {
                Ok(f) => (f, false),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Ok(InstanceLock { _file: None });
                }
                Err(e) => return Err(io("open", &path)(e)),
            },
            Err(e) => return Err(io("open", &path)(e)),
        };
        match file.try_lock() {
            Ok(()) => {
                if writable {
                    // The pid is only for the message another instance shows.
                    let pid = std::process::id().to_string();
                    let _ = file
                        .set_len(0)
                        .and_then(|()| file.write_all(pid.as_bytes()));
                }
                Ok(InstanceLock { _file: Some(file) })
            }
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                let _ = file
                    .rewind()
                    .and_then(|()| (&mut file).take(32).read_to_string(&mut text));
                Err(StoreError::Busy {
                    dir: self.root.clone(),
                    pid: text.trim().parse().ok(),
                })
            }
            Err(TryLockError::Error(e)) => Err(io("lock", &path)(e)),
        }
    }

    /// Waits for, then holds, the lock that guards read-modify-write of `name`.
    pub(super) fn lock_for(&self, name: &str) -> Result<FileLock, StoreError> {
        let path = self.root.join(format!("{name}.lock"));
        let file = open_lock_file(&path, true).map_err(io("open", &path))?;
        file.lock().map_err(io("lock", &path))?;
        Ok(FileLock { _file: file })
    }
}
