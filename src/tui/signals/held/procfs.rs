//! Linux: a held TSTP is seen in the kernel's own account of pending signals,
//! `/proc/thread-self/status` (a kernel file, not data: the store's reader is not needed).

use nix::sys::signal::Signal;

/// Reads the pending sets on each look; nothing to set up or keep.
pub struct Seen;

impl Seen {
    /// Exact: a TSTP seen is pending, so one release lets it act.
    pub const SETTLE: &[std::time::Duration] = &[];

    pub fn watch() -> std::io::Result<Seen> {
        Ok(Seen)
    }

    /// Whether a TSTP is pending, for this thread or for the process: exact, as a CONT removes
    /// it from these sets when it discards it.
    pub fn may_be_held(&self) -> bool {
        std::fs::read_to_string("/proc/thread-self/status").is_ok_and(|status| pending_in(&status))
    }
}

/// The SigPnd (this thread) and ShdPnd (the process) lines of a status file: is SIGTSTP set?
fn pending_in(status: &str) -> bool {
    let bit = 1u64 << (Signal::SIGTSTP as i32 - 1);
    status.lines().any(|line| {
        ["SigPnd:", "ShdPnd:"].iter().any(|key| {
            line.strip_prefix(key)
                .and_then(|hex| u64::from_str_radix(hex.trim(), 16).ok())
                .is_some_and(|set| set & bit != 0)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_pending_sets() {
        let none = "SigQ:\t0/1\nSigPnd:\t0000000000000000\nShdPnd:\t0000000000000000\n";
        assert!(!pending_in(none));
        // SIGTSTP is 20: bit 19.
        assert!(pending_in(
            "SigPnd:\t0000000000080000\nShdPnd:\t0000000000000000\n"
        ));
        assert!(pending_in(
            "SigPnd:\t0000000000000000\nShdPnd:\t0000000000080000\n"
        ));
        // SIGTTOU (22) pending, SIGTSTP blocked: not held.
        assert!(!pending_in(
            "SigPnd:\t0000000000200000\nShdPnd:\t0000000000000000\nSigBlk:\t0000000000080000\n"
        ));
    }
}
