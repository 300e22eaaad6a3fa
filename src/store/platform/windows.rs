//! Windows: files created with `CREATE_NEW` and opened with `FILE_FLAG_OPEN_REPARSE_POINT` where a
//! link is not expected, device and pipe names refused before they are opened, and privacy from
//! the folder: the data folder is under the profile (`%APPDATA%`), whose default ACL lets only
//! the user (and SYSTEM and administrators) read it, and new files inherit it.

use std::ffi::OsStr;
use std::fs::{self, File, FileType, Metadata, OpenOptions};
use std::os::windows::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Component, Path, Prefix};

use super::Times;

/// Opens a link itself rather than what it points to (winbase.h).
const FILE_FLAG_OPEN_REPARSE_POINT: u32 = 0x0020_0000;

/// Creates a new file for writing, failing if anything (a link included) has the name.
pub fn create_new(path: &Path) -> std::io::Result<File> {
    refuse_device(path)?;
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .custom_flags(FILE_FLAG_OPEN_REPARSE_POINT)
        .open(path)
}

/// Nothing to do: the file inherits the folder's ACL, which under the profile is the user's own
/// (`std`'s permissions on Windows are only the read-only attribute, which restricts no reader).
pub fn make_private(_file: &File) -> std::io::Result<()> {
    Ok(())
}

/// Creates a folder (and its parents); it inherits the profile's ACL (see the module note).
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    fs::create_dir_all(dir)
}

/// `std` cannot fsync a folder on Windows, and needs not: NTFS logs the rename in its journal,
/// so after a crash the name holds the old file or the new one, whose data was flushed first.
pub fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Opens for reading; device and pipe names are refused unopened (opening a console or a pipe
/// could wait or read forever). The caller refuses anything that is not a regular file.
pub fn open_read(path: &Path) -> std::io::Result<File> {
    refuse_device(path)?;
    File::open(path)
}

/// `open_read` that refuses a link: opened as the link itself (a reparse point), which the
/// caller then refuses as not a regular file.
pub fn open_read_no_follow(path: &Path) -> std::io::Result<File> {
    refuse_device(path)?;
    OpenOptions::new()
        .read(true)
        .custom_flags(FILE_FLAG_OPEN_REPARSE_POINT)
        .open(path)
}

/// Opens (or, when `write`, creates) a lock file, never through a link: a link is opened as
/// itself, and the caller refuses it as not a regular file.
pub fn open_lock(path: &Path, write: bool) -> std::io::Result<File> {
    refuse_device(path)?;
    OpenOptions::new()
        .read(true)
        .write(write)
        .create(write)
        .truncate(false)
        .custom_flags(FILE_FLAG_OPEN_REPARSE_POINT)
        .open(path)
}

/// The folder refuses writes: reading still works.
pub fn read_only(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
    )
}

/// What a file that is not a regular file is, for the message that refuses it.
pub fn kind_of(t: FileType) -> &'static str {
    if t.is_dir() {
        "a folder"
    } else if t.is_symlink() {
        "a symbolic link"
    } else {
        "not a regular file"
    }
}

/// `std` has no change time on Windows; the creation time stands in for it, because every save
/// is a new file renamed into place (a new creation time), and the index only saves time:
/// a result opened from History is read from its file whatever its row said.
pub fn times(m: &Metadata) -> Times {
    // 100 ns ticks since 1601, as nanoseconds; the epoch does not matter, only equality.
    let ns = |ticks: u64| i64::try_from(ticks).unwrap_or(i64::MAX).saturating_mul(100);
    Times {
        modified_ns: ns(m.last_write_time()),
        changed_ns: ns(m.creation_time()),
        inode: 0,
    }
}

/// Device names (`CON`, `NUL`, `COM1`, ...) open the device in any folder, `\\.\` paths open
/// devices and pipes, and `\\server\pipe\` is a named pipe: none is a file rolefit reads or writes.
fn refuse_device(path: &Path) -> std::io::Result<()> {
    let device_path = path.components().any(|c| match c {
        Component::Prefix(p) => match p.kind() {
            Prefix::DeviceNS(_) | Prefix::Verbatim(_) => true,
            Prefix::UNC(_, share) | Prefix::VerbatimUNC(_, share) => {
                share.eq_ignore_ascii_case("pipe")
            }
            Prefix::Disk(_) | Prefix::VerbatimDisk(_) => false,
        },
        _ => false,
    });
    if device_path || path.file_name().is_some_and(is_device_name) {
        return Err(super::super::read::invalid(
            "it names a device or a pipe, not a file, so it is not opened".into(),
        ));
    }
    Ok(())
}

fn is_device_name(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    let stem = name
        .split('.')
        .next()
        .unwrap_or("")
        .trim_end()
        .to_ascii_uppercase();
    matches!(
        stem.as_str(),
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$"
    ) || ["COM", "LPT"].iter().any(|p| {
        stem.strip_prefix(p).is_some_and(|n| {
            matches!(
                n,
                "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³"
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_and_pipe_names_are_refused_unopened() {
        for p in [
            r"C:\data\NUL",
            r"C:\data\con.toml",
            r"C:\data\COM1",
            r"C:\data\lpt9.txt",
            r"\\.\pipe\rolefit",
            r"\\server\pipe\rolefit",
            r"\\?\GLOBALROOT\Device\Null",
        ] {
            assert!(refuse_device(Path::new(p)).is_err(), "{p}");
        }
        for p in [
            r"C:\data\results\20260101T000000Z-abcd.toml",
            r"\\?\C:\data\console.toml",
            r"\\server\share\nullable.toml",
        ] {
            assert!(refuse_device(Path::new(p)).is_ok(), "{p}");
        }
    }
}
