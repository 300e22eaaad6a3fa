//! Signals sent to the TUI from outside. Each one that would end the process is caught instead,
//! so the loop can save progress and restore the terminal first; a stop (SIGTSTP) gives the
//! terminal back before stopping, and SIGCONT takes it again and redraws everything.
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

use signal_hook::consts::signal::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGIO, SIGPROF, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2,
    SIGVTALRM, SIGXCPU, SIGXFSZ,
};

/// The signals that end the process unless caught, and that the TUI catches to save and leave.
pub fn terminating() -> Vec<i32> {
    let mut all = vec![
        SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGIO,
    ];
    #[cfg(target_os = "linux")]
    {
        all.push(libc::SIGPWR);
        all.extend(libc::SIGRTMIN()..=libc::SIGRTMAX());
    }
    #[cfg(all(
        target_os = "linux",
        any(target_arch = "x86_64", target_arch = "aarch64")
    ))]
    all.push(libc::SIGSTKFLT);
    all
}

/// What arrived since the loop last looked.
pub struct Signals {
    /// The last terminating signal received, 0 for none.
    stop: Arc<AtomicUsize>,
    suspend: Arc<AtomicBool>,
    resumed: Arc<AtomicBool>,
}

impl Signals {
    /// Installs the handlers; they stay for the life of the process (the TUI runs once).
    pub fn install() -> io::Result<Signals> {
        let signals = Signals {
            stop: Arc::new(AtomicUsize::new(0)),
            suspend: Arc::new(AtomicBool::new(false)),
            resumed: Arc::new(AtomicBool::new(false)),
        };
        for signal in terminating() {
            let value = usize::try_from(signal).unwrap_or(usize::MAX);
            signal_hook::flag::register_usize(signal, Arc::clone(&signals.stop), value)?;
        }
        signal_hook::flag::register(SIGTSTP, Arc::clone(&signals.suspend))?;
        signal_hook::flag::register(SIGCONT, Arc::clone(&signals.resumed))?;
        // A flag nobody reads: the signal is caught and does nothing, the write returns EFBIG.
        signal_hook::flag::register(SIGXFSZ, Arc::new(AtomicBool::new(false)))?;
        Ok(signals)
    }

    /// The terminating signal received, if any.
    pub fn stopped_by(&self) -> Option<i32> {
        match self.stop.load(Ordering::SeqCst) {
            0 => None,
            s => i32::try_from(s).ok(),
        }
    }

    /// Whether a SIGTSTP came from outside since the last call.
    pub fn take_suspend(&self) -> bool {
        self.suspend.swap(false, Ordering::SeqCst)
    }

    /// Whether the process was continued (SIGCONT) since the last call.
    pub fn take_resumed(&self) -> bool {
        self.resumed.swap(false, Ordering::SeqCst)
    }
}

/// Stops the process as SIGTSTP would have without a handler; returns once continued.
pub fn stop_self() -> io::Result<()> {
    signal_hook::low_level::emulate_default_handler(SIGTSTP)
}

/// "SIGTERM", or "SIGRTMIN+2", or "signal 99".
pub fn name(signal: i32) -> String {
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
