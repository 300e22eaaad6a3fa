//! The built-in question bank and texts, parsed on a second core while the command line is read
//! and the terminal is set up: parsing them is most of rolefit's start-up time.

use std::sync::Mutex;
use std::thread::JoinHandle;

use rolefit::assets::{AssetsError, Texts};
use rolefit::bank::{Bank, BankError};

struct Loaded {
    /// Taken by the first caller; a later one (rare) parses again.
    bank: Option<Result<Bank, BankError>>,
    texts: Result<Texts, AssetsError>,
}

static PRELOAD: Mutex<Option<JoinHandle<Loaded>>> = Mutex::new(None);
static LOADED: Mutex<Option<Loaded>> = Mutex::new(None);

/// Starts parsing, unless `--bank` names another bank (then only the texts would be used, and
/// they are quick). Failing to start a thread only means parsing later, on demand.
pub fn start() {
    let other_bank = std::env::args_os().any(|a| {
        let a = a.to_string_lossy();
        a == "--bank" || a.starts_with("--bank=")
    });
    if other_bank {
        return;
    }
    let handle = std::thread::Builder::new()
        .name("preload".into())
        .spawn(|| Loaded {
            bank: Some(rolefit::bank::load_default()),
            texts: Texts::load(),
        });
    if let (Ok(h), Ok(mut slot)) = (handle, PRELOAD.lock()) {
        *slot = Some(h);
    }
}

/// Waits for the preload, if one was started and is not taken yet.
fn take() -> Option<Loaded> {
    let handle = PRELOAD.lock().ok()?.take()?;
    handle.join().ok()
}

fn with_loaded<T>(f: impl FnOnce(&mut Loaded) -> Option<T>) -> Option<T> {
    let mut slot = LOADED.lock().ok()?;
    if slot.is_none() {
        *slot = take();
    }
    slot.as_mut().and_then(f)
}

pub fn default_bank() -> Result<Bank, BankError> {
    with_loaded(|l| l.bank.take()).unwrap_or_else(rolefit::bank::load_default)
}

pub fn texts() -> Result<Texts, AssetsError> {
    with_loaded(|l| l.texts.as_ref().ok().cloned()).map_or_else(Texts::load, Ok)
}
