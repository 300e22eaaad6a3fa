//! What arrives at the TUI from outside the key stream, one file per system: on Unix the
//! signals (each that would end the process is caught so the loop can save and restore the
//! terminal first; SIGTSTP and SIGCONT suspend and resume), on Windows the console's control
//! events (Ctrl-Break, the window closing). The loop sees the same small interface on both:
//! `stopped_by` (leave, saying why), `take_job` (suspend or resume), `stop_self`, and
//! `has_terminal` (is there a terminal or console to read keys from).

#[cfg(unix)]
mod held;
#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub use unix::*;

#[cfg(windows)]
mod windows;
#[cfg(windows)]
pub use windows::*;

/// What job control asked for since the loop last looked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// Give the terminal back and stop until continued (SIGTSTP).
    Suspend,
    /// Continued after a stop the loop did not make itself (SIGSTOP then SIGCONT): take the
    /// terminal again and redraw.
    Resume,
}
