//! Locks on separate `.lock` files, never on a file that gets renamed (a rename would swap the
//! locked file out from under the lock). The OS drops a lock when its holder exits, even on
//! kill -9, so a crash never leaves the data directory locked.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use super::{FILE_MODE, Store, StoreError, io};

fn open_lock_file(path: &Path) -> std::io::Result<File> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(FILE_MODE)
        .open(path)
}

/// Held by an interactive rolefit for as long as it runs: two of them on one data directory
/// would each autosave over the other's unfinished assessment.
#[derive(Debug)]
pub struct InstanceLock {
    _file: File,
}

/// Held while `goals.toml` is read, changed and written back, so two processes adding goals at
/// once both keep theirs.
pub struct FileLock {
    _file: File,
}

impl Store {
    pub fn lock_instance(&self) -> Result<InstanceLock, StoreError> {
        let path = self.root.join("rolefit.lock");
        let mut file = open_lock_file(&path).map_err(io("open", &path))?;
        match file.try_lock() {
            Ok(()) => {
                // The pid is only for the message another instance shows.
                let pid = std::process::id().to_string();
                let _ = file
                    .set_len(0)
                    .and_then(|()| file.write_all(pid.as_bytes()));
                Ok(InstanceLock { _file: file })
            }
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                let _ = file.rewind().and_then(|()| file.read_to_string(&mut text));
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
        let file = open_lock_file(&path).map_err(io("open", &path))?;
        file.lock().map_err(io("lock", &path))?;
        Ok(FileLock { _file: file })
    }
}
