//! Unix: `O_NOFOLLOW` on every file rolefit creates, `O_NONBLOCK` so a FIFO cannot hang an open,
//! mode 0600 files in 0700 folders whatever the umask, and an fsync of the folder after a rename.

use std::fs::{self, File, FileType, Metadata, OpenOptions, Permissions};
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use super::Times;

/// Files hold a person's answers: only they may read them.
pub const FILE_MODE: u32 = 0o600;
const DIR_MODE: u32 = 0o700;

/// Creates a new file for writing, 0600, failing if anything (a link included) has the name.
pub fn create_new(path: &Path) -> std::io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(FILE_MODE)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path)
}

/// Explicitly, so the guarantee does not hang on the umask.
pub fn make_private(file: &File) -> std::io::Result<()> {
    file.set_permissions(Permissions::from_mode(FILE_MODE))
}

/// Creates a folder (and its parents) private to the user.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(DIR_MODE)
        .create(dir)
}

/// Makes a rename or removal in `dir` durable.
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Opens for reading without waiting on a FIFO (`O_NONBLOCK`); the caller refuses anything that
/// is not a regular file before reading a byte.
pub fn open_read(path: &Path) -> std::io::Result<File> {
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
}

/// `open_read` that refuses a symbolic link (`O_NOFOLLOW`): for files named by someone else
/// (team cards), where a link is not expected. A link fails with a message that says what it is.
pub fn open_read_no_follow(path: &Path) -> std::io::Result<File> {
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC | libc::O_NOFOLLOW)
        .open(path)
        .map_err(|e| {
            // O_NOFOLLOW on a link fails with ELOOP: say what it is, not "too many levels".
            if e.raw_os_error() == Some(libc::ELOOP) {
                super::super::read::invalid(
                    "it is a symbolic link, so it is not read (pass the file it points to)".into(),
                )
            } else {
                e
            }
        })
}

/// Opens (or, when `write`, creates 0600) a lock file: never through a symbolic link, never
/// waiting on a FIFO. The caller refuses anything that is not a regular file.
pub fn open_lock(path: &Path, write: bool) -> std::io::Result<File> {
    OpenOptions::new()
        .read(true)
        .write(write)
        .create(write)
        .truncate(false)
        .mode(FILE_MODE)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
        .map_err(|e| {
            if e.raw_os_error() == Some(libc::ELOOP) {
                super::super::read::invalid(LINK_REFUSED.into())
            } else {
                e
            }
        })
}

const LINK_REFUSED: &str = "it is a symbolic link, which rolefit does not follow here; remove the link (what it points to was left untouched)";

/// The folder refuses writes (mounted read-only, or not ours): reading still works.
pub fn read_only(e: &std::io::Error) -> bool {
    matches!(
        e.raw_os_error(),
        Some(libc::EROFS | libc::EACCES | libc::EPERM)
    )
}

/// What a file that is not a regular file is, for the message that refuses it.
pub fn kind_of(t: FileType) -> &'static str {
    if t.is_dir() {
        "a folder"
    } else if t.is_symlink() {
        "a symbolic link"
    } else if t.is_fifo() {
        "a named pipe (FIFO)"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() || t.is_char_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

/// The change time is set by the system on every write or rename and cannot be set back by a
/// program, so a file rewritten with its old size and modification time still looks changed.
pub fn times(m: &Metadata) -> Times {
    let ns = |s: i64, n: i64| s.saturating_mul(1_000_000_000).saturating_add(n);
    Times {
        modified_ns: ns(m.mtime(), m.mtime_nsec()),
        changed_ns: ns(m.ctime(), m.ctime_nsec()),
        inode: m.ino(),
    }
}
