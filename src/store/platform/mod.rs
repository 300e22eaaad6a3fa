//! What the store asks of the operating system, one file per system: how a file is created
//! without following a link, opened without waiting on a pipe, locked, made private, made
//! durable, and told apart from a link or a device. Everything above this module is shared code;
//! nothing else in the store names a platform.
//!
//! Each system keeps the same promises with its own means; where one cannot (Windows has no
//! change time in `std`, no folder fsync), its file says what stands in and why that is enough.

#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub use unix::*;

#[cfg(windows)]
mod windows;
#[cfg(windows)]
pub use windows::*;

/// What tells one version of a file from another without reading it (see `store::Stamp`).
pub struct Times {
    pub modified_ns: i64,
    pub changed_ns: i64,
    pub inode: u64,
}
