//! Unix: signals sent to the TUI from outside. Each one that would end the process is caught
//! instead, so the loop can save progress and restore the terminal first; a stop (SIGTSTP) gives
//! the terminal back before stopping, and SIGCONT takes it again and redraws everything.
//!
//! SIGTSTP is not caught but held pending by the kernel (`held`), so the order of TSTP and CONT
//! is the kernel's own: a CONT sent at once after a TSTP (before the loop looked, or while it
//! gives the terminal back) cancels the stop, as it would for a process without handlers,
//! instead of leaving it stopped with nobody left to continue it.
//!
//! Caught, to save and leave: every signal whose default action ends the process and that can be
//! caught, except those below. Left alone: SIGPIPE (Rust ignores it; writes get EPIPE instead),
//! SIGABRT, SIGTRAP and the fault signals SIGILL, SIGFPE, SIGSEGV, SIGBUS, SIGSYS (the program's
//! own failure: a core dump is the point, and a panic already restores the terminal in its hook),
//! SIGTTIN and SIGTTOU (sent by the kernel to a background process touching the terminal: stopping
//! is right there). SIGXFSZ is caught and ignored, so a write past the file-size limit fails
//! with EFBIG and the failed save is reported like a full disk.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::Job;
use super::held::Held;

use signal_hook::consts::signal::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGIO, SIGPROF, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2,
    SIGVTALRM, SIGXCPU, SIGXFSZ,
};

/// The signals that end the process unless caught, and that the TUI catches to save and leave.
pub fn terminating() -> Vec<i32> {
    let mut all = vec![
        SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGIO,
    ];
    all.extend(linux_only());
    all
}

#[cfg(target_os = "linux")]
fn linux_only() -> Vec<i32> {
    let mut all = vec![libc::SIGPWR];
    all.extend(libc::SIGRTMIN()..=libc::SIGRTMAX());
    #[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
    all.push(libc::SIGSTKFLT);
    all
}

#[cfg(not(target_os = "linux"))]
fn linux_only() -> Vec<i32> {
    Vec::new()
}

/// Whether there is a controlling terminal to read keys from (stdin may be a terminal that is
/// not ours to read, as under `setsid`).
pub fn has_terminal() -> bool {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .is_ok()
}

pub const SUSPEND_HELP: &str = "suspend to the shell (fg to return)";
pub const CAN_SUSPEND: bool = true;

/// What arrived since the loop last looked.
pub struct Signals {
    /// The last terminating signal received, 0 for none.
    stop: Arc<AtomicUsize>,
    /// A SIGCONT arrived.
    cont: Arc<AtomicBool>,
    /// SIGTSTP, held pending instead of caught.
    tstp: Held,
}

impl Signals {
    /// Installs the handlers; they stay for the life of the process (the TUI runs once).
    pub fn install() -> io::Result<Signals> {
        let stop = Arc::new(AtomicUsize::new(0));
        for signal in terminating() {
            let value = usize::try_from(signal).unwrap_or(usize::MAX);
            signal_hook::flag::register_usize(signal, Arc::clone(&stop), value)?;
        }
        let cont = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(SIGCONT, Arc::clone(&cont))?;
        let signals = Signals {
            stop,
            cont,
            tstp: Held::hold()?,
        };
        // A flag nobody reads: the signal is caught and does nothing, the write returns EFBIG.
        signal_hook::flag::register(SIGXFSZ, Arc::new(AtomicBool::new(false)))?;
        Ok(signals)
    }

    /// The name of the terminating signal received, if any.
    pub fn stopped_by(&self) -> Option<String> {
        match self.stop.load(Ordering::SeqCst) {
            0 => None,
            s => i32::try_from(s).ok().map(name),
        }
    }

    /// What job control asked for since the last call: a TSTP that may be held first (a CONT
    /// already discarded one that is not: see `held`), else a CONT after a stop the loop did not
    /// make.
    pub fn take_job(&self) -> Option<Job> {
        if self.tstp.held() {
            Some(Job::Suspend)
        } else if self.cont.swap(false, Ordering::SeqCst) {
            Some(Job::Resume)
        } else {
            None
        }
    }

    /// Stops the process as SIGTSTP would have without a handler; returns once continued.
    /// `by_key`: asked for by Ctrl-Z (a key in raw mode), not by a signal.
    ///
    /// A check in this process and then a stop always leaves an instant between the two where a
    /// SIGCONT is spent on a process still running, which then stops with nobody left to continue
    /// it. So the kernel decides: the TSTP itself was held pending (`held`) and is let act now;
    /// a SIGCONT at any instant before discards it, and one after continues the stop.
    ///
    /// As for any program stopped by SIGTSTP, the kernel does not stop a process whose group
    /// has no shell to continue it (an orphaned group: started straight by a terminal emulator,
    /// or by `sh -c`): the terminal is given back and taken again at once, instead of a window
    /// frozen for good. The same happens where whatever started rolefit ignores the stop signal
    /// (the ignore is inherited, and resetting it takes `unsafe`).
    pub fn stop_self(&self, by_key: bool) -> io::Result<()> {
        let released = self
            .tstp
            .release(by_key, || self.cont.load(Ordering::SeqCst));
        // The CONT that continued us (or discarded the stop) is handled by the caller's resume.
        self.cont.store(false, Ordering::SeqCst);
        released
    }
}

/// "SIGTERM", or "SIGRTMIN+2", or "signal 99".
fn name(signal: i32) -> String {
    if let Some(n) = signal_hook::low_level::signal_name(signal) {
        return n.to_owned();
    }
    #[cfg(target_os = "linux")]
    if signal == libc::SIGPWR {
        return "SIGPWR".to_owned();
    }
    #[cfg(all(
        target_os = "linux",
        any(target_arch = "x86_64", target_arch = "aarch64")
    ))]
    if signal == libc::SIGSTKFLT {
        return "SIGSTKFLT".to_owned();
    }
    #[cfg(target_os = "linux")]
    if (libc::SIGRTMIN()..=libc::SIGRTMAX()).contains(&signal) {
        return format!("SIGRTMIN+{}", signal - libc::SIGRTMIN());
    }
    format!("signal {signal}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(name(SIGTERM), "SIGTERM");
        assert_eq!(name(SIGUSR1), "SIGUSR1");
        #[cfg(target_os = "linux")]
        assert_eq!(name(libc::SIGRTMIN() + 2), "SIGRTMIN+2");
    }

    #[test]
    fn no_signal_that_must_not_be_caught_is() {
        let t = terminating();
        for forbidden in signal_hook::consts::FORBIDDEN {
            assert!(!t.contains(forbidden), "{forbidden}");
        }
        for left in [libc::SIGPIPE, libc::SIGABRT, libc::SIGTTOU, libc::SIGTSTP] {
            assert!(!t.contains(&left), "{left}");
        }
    }
}
