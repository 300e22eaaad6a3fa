//! The one way rolefit writes a file: temp file in the same folder, fsync, rename, fsync the folder.
//! A crash at any point leaves either the old file or the new one, never a mix.

use std::fs::{self, File, OpenOptions, Permissions};
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// Files hold a person's answers: only they may read them.
pub const FILE_MODE: u32 = 0o600;
pub const DIR_MODE: u32 = 0o700;

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
    // A fresh name, created exclusively, never through a link (see `create_new`), 0600 from
    // the start: nothing that was there before is ever opened, let alone truncated.
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .make_in(dir, create_new)?;
    // Explicitly, so the guarantee does not hang on the umask.
    tmp.as_file()
        .set_permissions(Permissions::from_mode(FILE_MODE))?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    // The rename replaces the name, never what a link at `path` points to.
    if replace {
        tmp.persist(path).map_err(|e| e.error)?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| e.error)?;
    }
    sync_dir(dir)?;
    // Every writer clears what killed writers left next to its file, so a folder written only
    // by CLI commands does not collect temp files either.
    sweep_stale_temp_files(dir);
    Ok(())
}

const TEMP_PREFIX: &str = ".rolefit-";
const TEMP_SUFFIX: &str = ".tmp";

/// Creates a new file for writing, 0600, failing if anything (a link included) has the name.
pub fn create_new(path: &Path) -> std::io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(FILE_MODE)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path)
}

/// Makes a rename or removal in `dir` durable.
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Creates a folder (and its parents) private to the user.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if dir.is_dir() {
        return Ok(());
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(DIR_MODE)
        .create(dir)
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
