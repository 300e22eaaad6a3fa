//! Windows: the console's control events through `ctrlc` (its handler runs on a thread of its
//! own and only sets a flag the loop reads). In raw mode Ctrl-C is a key, which the keymap turns
//! into "save and quit"; Ctrl-Break and closing the window arrive here. Windows ends a process
//! soon after its console closes, so the loop may not get to run: every answer is saved as it is
//! given, so what is lost then is at most an answer whose save had already failed on screen.
//! There is no job control, so no suspend: the help says so where Ctrl-Z would be.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::Job;

/// Ctrl-Z has nothing to suspend to on Windows; the help line says so.
pub const SUSPEND_HELP: &str = "suspend: Unix only, not available on Windows";
pub const CAN_SUSPEND: bool = false;

/// Whether there is a console to read keys from (crossterm reads them from `CONIN$`).
pub fn has_terminal() -> bool {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("CONIN$")
        .is_ok()
}

pub struct Signals {
    stop: Arc<AtomicBool>,
}

impl Signals {
    /// Installs the console control handler; it stays for the life of the process.
    pub fn install() -> io::Result<Signals> {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst)).map_err(io::Error::other)?;
        Ok(Signals { stop })
    }

    /// Why the loop must save and leave, if it must.
    pub fn stopped_by(&self) -> Option<String> {
        self.stop
            .load(Ordering::SeqCst)
            .then(|| "a console event (Ctrl-Break or the window closing)".to_owned())
    }

    /// Never anything: Windows has no job control.
    pub fn take_job(&self) -> Option<Job> {
        None
    }

    /// Never called on Windows (`CAN_SUSPEND` is false); returns at once.
    pub fn stop_self(&self, _by_key: bool) -> io::Result<()> {
        Ok(())
    }
}
