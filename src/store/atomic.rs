//! The one way rolefit writes a file: temp file in the same folder, fsync, rename, fsync the folder.
//! A crash at any point leaves either the old file or the new one, never a mix.

use std::fs;
use std::io::Write;
use std::path::Path;

use super::platform::create_new;
pub use super::platform::sync_dir;

pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write(path, bytes, true)
}

/// Like `write_atomic`, but fails with `AlreadyExists` rather than replace a file.
pub fn write_new_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write(path, bytes, false)
}

fn write(path: &Path, bytes: &[u8], replace: bool) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // A fresh name, created exclusively, never through a link (see `create_new`), private from
    // the start: nothing that was there before is ever opened, let alone truncated.
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .make_in(dir, create_new)?;
    super::platform::make_private(tmp.as_file())?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    // The rename (rename(2), MoveFileEx on Windows) replaces the name, never what a link at
    // `path` points to.
    if replace {
        tmp.persist(path).map_err(|e| e.error)?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| e.error)?;
    }
    sync_dir(dir)
}

const TEMP_PREFIX: &str = ".rolefit-";
const TEMP_SUFFIX: &str = ".tmp";

/// Creates a folder (and its parents) private to the user.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    super::platform::create_private_dir(dir)
}

/// Temp files older than this were left by a writer that was killed mid-save.
const STALE: std::time::Duration = std::time::Duration::from_secs(600);

/// Removes temp files a killed writer left in `dir` (only ours, by name, and only old ones: a
/// young one may belong to a save in progress in another process). Best effort.
pub fn sweep_stale_temp_files(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
        })
        .filter(|e| {
            e.metadata()
                .ok()
                .filter(fs::Metadata::is_file)
                .and_then(|m| m.modified().ok())
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > STALE)
        })
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}
