//! The one way rolefit reads a file or stdin: bounded, regular files only, and opened so that a
//! FIFO or a device can neither hang nor flood it.

use std::fs::File;
use std::io::{BufRead, Read};
use std::path::Path;

pub use super::platform::kind_of;

/// No rolefit file comes near this; a larger one is not read into memory at all.
pub const MAX_FILE_BYTES: u64 = 4 << 20;

/// A line typed to plain mode: an answer is a few characters.
pub const MAX_LINE_BYTES: u64 = 4096;

pub(super) fn invalid(message: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, message)
}

/// Opens `path` for reading without waiting on a FIFO, a pipe or a device (see
/// `platform::open_read`), then refuses (as `InvalidData`) anything that is not a regular file,
/// before a byte is read.
pub fn open_regular(path: &Path) -> std::io::Result<File> {
    regular(super::platform::open_read(path)?)
}

/// Refuses (as `InvalidData`) an opened file that is not a regular one.
fn regular(file: File) -> std::io::Result<File> {
    let t = file.metadata()?.file_type();
    if !t.is_file() {
        return Err(invalid(format!(
            "it is {}, not a regular file, so it is not read",
            kind_of(t)
        )));
    }
    Ok(file)
}

fn too_large(len: u64, cap: u64) -> std::io::Error {
    invalid(format!(
        "it is {}, over the {} rolefit reads",
        size(len),
        size(cap)
    ))
}

/// A byte count as people read it: "4 MiB", "5.2 MiB", "812 KiB".
pub fn size(bytes: u64) -> String {
    const MIB: f64 = 1_048_576.0;
    let b = bytes as f64;
    if bytes >= 1 << 20 {
        let mib = b / MIB;
        if bytes.is_multiple_of(1 << 20) {
            format!("{mib:.0} MiB")
        } else {
            format!("{mib:.1} MiB")
        }
    } else if bytes >= 1 << 10 {
        format!("{:.0} KiB", b / 1024.0)
    } else {
        format!("{bytes} bytes")
    }
}

/// The whole file as bytes: a regular file of at most `cap` bytes, refused otherwise (as
/// `InvalidData`) without reading more than `cap + 1` bytes (a file may grow while read).
pub fn read_bytes(path: &Path, cap: u64) -> std::io::Result<Vec<u8>> {
    read_opened(open_regular(path)?, cap)
}

/// `read_text` for a file where a link is not expected (a card in a folder someone sent): a
/// symbolic link is refused, never followed.
pub fn read_text_no_link(path: &Path, cap: u64) -> std::io::Result<String> {
    let file = regular(super::platform::open_read_no_follow(path)?)?;
    let bytes = read_opened(file, cap)?;
    String::from_utf8(bytes).map_err(|_| invalid("it is not UTF-8 text".into()))
}

fn read_opened(file: File, cap: u64) -> std::io::Result<Vec<u8>> {
    let len = file.metadata()?.len();
    if len > cap {
        return Err(too_large(len, cap));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(too_large(bytes.len() as u64, cap));
    }
    Ok(bytes)
}

/// The whole file as UTF-8 text, with the limits of `read_bytes`.
pub fn read_text(path: &Path, cap: u64) -> std::io::Result<String> {
    String::from_utf8(read_bytes(path, cap)?).map_err(|_| invalid("it is not UTF-8 text".into()))
}

/// One line of `input` (with its newline), `None` at the end of input. A line longer than
/// `MAX_LINE_BYTES` is an error, so endless input without a newline cannot fill memory.
pub fn read_line(input: &mut impl BufRead) -> std::io::Result<Option<String>> {
    let mut bytes = Vec::new();
    input
        .take(MAX_LINE_BYTES + 1)
        .read_until(b'\n', &mut bytes)?;
    if bytes.is_empty() {
        return Ok(None);
    }
    if bytes.len() as u64 > MAX_LINE_BYTES {
        return Err(invalid(format!(
            "a line of input is longer than {MAX_LINE_BYTES} bytes"
        )));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| invalid("the input is not UTF-8 text".into()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size(4 << 20), "4 MiB");
        assert_eq!(size(5_452_595), "5.2 MiB");
        assert_eq!(size(2048), "2 KiB");
        assert_eq!(size(12), "12 bytes");
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_unread() {
        let e = read_text(Path::new("/dev/zero"), MAX_FILE_BYTES).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::InvalidData);
        assert!(e.to_string().contains("a device"), "{e}");
    }

    #[test]
    fn a_file_over_the_cap_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big");
        std::fs::write(&p, vec![b'a'; 101]).unwrap();
        let e = read_text(&p, 100).unwrap_err();
        assert!(e.to_string().contains("over the 100 bytes"), "{e}");
        assert_eq!(read_text(&p, 101).unwrap().len(), 101);
    }

    #[test]
    fn endless_input_without_a_newline_is_an_error_not_an_allocation() {
        let mut zeros = std::io::BufReader::new(std::io::repeat(0));
        let e = read_line(&mut zeros).unwrap_err();
        assert!(e.to_string().contains("longer than 4096"), "{e}");
        let mut two = std::io::Cursor::new(b"3\nb\n".to_vec());
        assert_eq!(read_line(&mut two).unwrap().as_deref(), Some("3\n"));
        assert_eq!(read_line(&mut two).unwrap().as_deref(), Some("b\n"));
        assert_eq!(read_line(&mut two).unwrap(), None);
    }
}
