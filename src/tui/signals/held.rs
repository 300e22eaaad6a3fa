//! SIGTSTP held by the kernel instead of caught. Blocked on every thread (each inherits the mask
//! of the thread that starts it, and the loop's thread blocks it first), a TSTP stays pending
//! until the loop has given the terminal back; unblocking it then lets its default action stop
//! the process. The order of TSTP and CONT is the kernel's own: a CONT discards every pending
//! stop, so one sent at any instant after a TSTP cancels it, and a handler's record arriving
//! late (on another thread, or nested in another handler) can no longer strand the TUI.
//!
//! Holding and releasing are POSIX and the same everywhere. What differs is how the loop learns
//! that a TSTP may be held, as the signal mask crate offers no `sigpending` and the crate
//! forbids `unsafe`: Linux reads the pending sets from `/proc` (`procfs`), macOS asks a kqueue
//! (`kqueue`). The Linux one is what the tests run; the macOS one is compiled and linted here,
//! never run (no Mac).

use std::io;

use nix::sys::signal::{SigSet, SigmaskHow, Signal, pthread_sigmask};

#[cfg(target_os = "linux")]
mod procfs;
#[cfg(target_os = "linux")]
use procfs::Seen;

#[cfg(target_vendor = "apple")]
mod kqueue;
#[cfg(target_vendor = "apple")]
use kqueue::Seen;

#[cfg(not(any(target_os = "linux", target_vendor = "apple")))]
compile_error!(
    "src/tui/signals/held: no way to see a held SIGTSTP on this system yet (Linux reads /proc, \
     macOS a kqueue); add one beside them"
);

/// SIGTSTP, held on the threads that block it, and a way to see that one is.
pub struct Held {
    seen: Seen,
}

impl Held {
    /// Holds SIGTSTP on this thread and every thread it starts from now on. Watches for it first:
    /// a TSTP between the two stops the process as usual (the terminal is not ours yet), and one
    /// after is held and seen.
    pub fn hold() -> io::Result<Held> {
        let seen = Seen::watch()?;
        mask(SigmaskHow::SIG_BLOCK)?;
        Ok(Held { seen })
    }

    /// Whether a TSTP may be held, for this thread or for the process: then the loop gives the
    /// terminal back and releases it. On Linux it is exact; on macOS it is "one was sent since
    /// the last look", which a CONT may have discarded since: see `kqueue`.
    pub fn held(&self) -> bool {
        self.seen.may_be_held()
    }

    /// Lets a held TSTP act: its default action stops the process here until a CONT (unless a
    /// CONT already discarded it, or the group has nobody to continue it: then nothing happens,
    /// and the loop takes the terminal again, which only redraws). `by_key` (Ctrl-Z, no signal)
    /// makes the TSTP first. Then holds TSTP again.
    ///
    /// Where the look can come before the TSTP is pending (`Seen::SETTLE`, macOS), a release
    /// that neither stopped us nor found a CONT (`continued`) is tried again a few times, a
    /// few milliseconds apart, so the stop is let act once it lands.
    pub fn release(&self, by_key: bool, continued: impl Fn() -> bool) -> io::Result<()> {
        if by_key {
            // Sent to this thread, which holds it: pending until released just below. (macOS's
            // kqueue records only signals sent to the process, so this one leaves no record
            // that would suspend again after `fg`.)
            signal_hook::low_level::raise(Signal::SIGTSTP as i32)?;
        }
        let released = unblock_once();
        if !by_key {
            for wait in Seen::SETTLE {
                if continued() {
                    break;
                }
                std::thread::sleep(*wait);
                unblock_once()?;
            }
        }
        released
    }
}

/// Lets a pending TSTP act (stopping here until a CONT), then holds TSTP again.
fn unblock_once() -> io::Result<()> {
    let released = mask(SigmaskHow::SIG_UNBLOCK);
    mask(SigmaskHow::SIG_BLOCK)?;
    released
}

/// Blocks or unblocks SIGTSTP on the calling thread.
fn mask(how: SigmaskHow) -> io::Result<()> {
    let mut tstp = SigSet::empty();
    tstp.add(Signal::SIGTSTP);
    Ok(pthread_sigmask(how, Some(&tstp), None)?)
}

// Linux only: a TSTP raised on a thread is seen there, and macOS's kqueue sees only those sent to
// the process (which, in a test harness whose other threads do not hold it, would stop the
// harness). `kqueue`'s own test covers its reading.
#[cfg(all(test, target_os = "linux"))]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_held_tstp_is_seen_and_released_without_stopping_a_thread_that_is_continued() {
        // On a thread of its own, so the test harness's other threads keep their masks.
        std::thread::spawn(|| {
            let held = Held::hold().unwrap();
            assert!(!held.held());
            signal_hook::low_level::raise(Signal::SIGTSTP as i32).unwrap();
            assert!(held.held());
            // A CONT discards it, as a shell's `kill -CONT` would: releasing then stops nothing.
            signal_hook::low_level::raise(Signal::SIGCONT as i32).unwrap();
            assert!(!held.held());
            held.release(false, || true).unwrap();
            assert!(!held.held());
        })
        .join()
        .unwrap();
    }
}
