//! macOS: a held TSTP is seen through a kqueue watching SIGTSTP (EVFILT_SIGNAL). Compiled and
//! linted here, never run: there is no Mac to run it on, and Linux has no kqueue (libkqueue
//! emulates one over signalfd, which would test the emulation, not XNU). The Linux path is what
//! the tests prove.
//!
//! What the kernel does, from XNU's own sources (apple-oss-distributions/xnu):
//! - `bsd/man/man2/kqueue.2`, EVFILT_SIGNAL: the filter records every attempt to deliver the
//!   signal to the process, even one the process ignores, and counts them until the next look
//!   (it clears itself, EV_CLEAR); only signals sent to the process count, not those sent to
//!   one thread; and the record is made before the signal's usual delivery.
//! - `bsd/kern/kern_sig.c`, `psignal_internal`: the record (`proc_knote(.., NOTE_SIGNAL | signum)`)
//!   comes before the checks for an ignored or blocked signal, so a blocked TSTP is recorded
//!   too. A signal every thread blocks is left pending on one thread, the task's first
//!   (`get_signalthread`, then `get_signalact`): the main thread, which runs the loop and so
//!   is the one that releases it. A SIGCONT (caught, so sent to the first thread that does not
//!   block it: the main thread again) clears the stops pending there (`uu_siglist &=
//!   ~stopsigmask`); a TSTP to a group nobody can continue is dropped after being recorded.
//!
//! So a record means "a TSTP was sent since the last look", not "one is pending": a CONT may
//! have discarded it since, or the group may have nobody to continue it. The loop gives the
//! terminal back and releases anyway; then the release does nothing and the loop takes the
//! terminal again at once. That is correct: only a redraw, never a stop the CONT meant to
//! cancel.
//!
//! One gap remains, and it cannot strand the TUI: the record is made before the
//! signal is pending (inside the sender's `kill`, or later if another signal's delivery to us is
//! in progress: the kernel delivers one at a time). A look in between releases before there is
//! anything to release. So a release that neither stopped us nor met a CONT is tried again over
//! the next 15 ms (`SETTLE`); a TSTP that lands later still stays held until a Ctrl-Z releases
//! it or a CONT discards it. A stop missed at worst, never a TUI left stopped.

use std::io;
use std::os::raw::c_int;

use nix::sys::event::{EvFlags, EventFilter, FilterFlag, KEvent, Kqueue};
use nix::sys::signal::Signal;

/// A kqueue with one filter: the watched signal, counted each time it is sent to the process.
pub struct Seen {
    queue: Kqueue,
}

impl Seen {
    /// A record can come before its TSTP is pending (the gap below): a release that neither
    /// stopped nor met a CONT is tried again after these waits (15 ms in all), long enough for
    /// a sender's `kill` to finish. A TSTP the kernel dropped (nobody to continue the group)
    /// costs those 15 ms once, with the terminal already given back.
    pub const SETTLE: &[std::time::Duration] = &[
        std::time::Duration::from_millis(1),
        std::time::Duration::from_millis(2),
        std::time::Duration::from_millis(4),
        std::time::Duration::from_millis(8),
    ];

    pub fn watch() -> io::Result<Seen> {
        Seen::watch_for(Signal::SIGTSTP)
    }

    fn watch_for(signal: Signal) -> io::Result<Seen> {
        let queue = Kqueue::new()?;
        let add = event(signal, EvFlags::EV_ADD);
        // No room for events: registers and returns at once.
        queue.kevent(&[add], &mut [], Some(NOW))?;
        Ok(Seen { queue })
    }

    /// Whether a TSTP was sent to the process since the last look (the look clears the record).
    pub fn may_be_held(&self) -> bool {
        self.sent()
    }

    /// Whether the watched signal was sent since the last look. A failed look says no: the
    /// record then stays for the next one.
    fn sent(&self) -> bool {
        // Room for one event; the kernel overwrites it.
        let mut got = [event(Signal::SIGTSTP, EvFlags::empty())];
        self.queue
            .kevent(&[], &mut got, Some(NOW))
            .is_ok_and(|n| n > 0)
    }
}

/// No wait: a look answers at once.
const NOW: libc::timespec = libc::timespec {
    tv_sec: 0,
    tv_nsec: 0,
};

fn event(signal: Signal, flags: EvFlags) -> KEvent {
    let ident = usize::try_from(signal as c_int).unwrap_or_default();
    KEvent::new(
        ident,
        EventFilter::EVFILT_SIGNAL,
        flags,
        FilterFlag::empty(),
        0,
        0,
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use nix::sys::signal::kill;
    use nix::unistd::Pid;

    // Compiled here, run only on a Mac. SIGURG, as its default is to do nothing: sent to the
    // whole test process, it stops and ends nothing, whichever thread it reaches.
    #[test]
    fn a_signal_sent_to_the_process_is_seen_once() {
        let seen = Seen::watch_for(Signal::SIGURG).unwrap();
        assert!(!seen.sent());
        kill(Pid::this(), Signal::SIGURG).unwrap();
        assert!(seen.sent());
        // The look cleared it.
        assert!(!seen.sent());
    }
}
