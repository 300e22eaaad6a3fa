//! Linux: SIGTSTP held by the kernel instead of caught. Blocked on every thread (each inherits
//! the mask of the thread that starts it, and the loop's thread blocks it first), a TSTP stays
//! pending until the loop has given the terminal back; unblocking it then lets its default
//! action stop the process. The order of TSTP and CONT is the kernel's own: a CONT discards
//! every pending stop, so one sent at any instant after a TSTP cancels it, and a handler's record
//! arriving late (on another thread, or nested in another handler) can no longer strand the TUI.

use std::io;

use nix::sys::signal::{SigSet, SigmaskHow, Signal, pthread_sigmask};

fn tstp() -> SigSet {
    let mut set = SigSet::empty();
    set.add(Signal::SIGTSTP);
    set
}

/// Holds SIGTSTP on this thread and every thread it starts from now on.
pub fn hold() -> io::Result<()> {
    Ok(pthread_sigmask(SigmaskHow::SIG_BLOCK, Some(&tstp()), None)?)
}

/// Whether a TSTP is held, for this thread or for the process. Read from
/// `/proc/thread-self/status` (a kernel file, not data: the store's reader is not needed), as
/// the signal mask crate offers no `sigpending`.
pub fn held() -> bool {
    std::fs::read_to_string("/proc/thread-self/status").is_ok_and(|status| pending_in(&status))
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

/// Lets a held TSTP act: its default action stops the process here until a CONT (unless a
/// CONT already discarded it, or the group has nobody to continue it: then nothing happens).
/// `by_key` (Ctrl-Z, no signal) makes the TSTP first. Then holds TSTP again.
pub fn release(by_key: bool) -> io::Result<()> {
    if by_key {
        // Sent to this thread, which holds it: pending until released just below.
        signal_hook::low_level::raise(Signal::SIGTSTP as i32)?;
    }
    let released = pthread_sigmask(SigmaskHow::SIG_UNBLOCK, Some(&tstp()), None);
    hold()?;
    Ok(released?)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
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

    #[test]
    fn a_held_tstp_is_seen_and_released_without_stopping_a_thread_that_is_continued() {
        // On a thread of its own, so the test harness's other threads keep their masks.
        std::thread::spawn(|| {
            hold().unwrap();
            assert!(!held());
            signal_hook::low_level::raise(Signal::SIGTSTP as i32).unwrap();
            assert!(held());
            // A CONT discards it, as a shell's `kill -CONT` would: releasing then stops nothing.
            signal_hook::low_level::raise(Signal::SIGCONT as i32).unwrap();
            assert!(!held());
            release(false).unwrap();
        })
        .join()
        .unwrap();
    }
}
