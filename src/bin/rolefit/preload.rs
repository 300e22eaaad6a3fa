//! The built-in texts, parsed on a second core while the command line is read and the terminal
//! is set up. (The built-in bank needs no preloading: build.rs compiles it in as data.)

use std::sync::Mutex;
use std::thread::JoinHandle;

use rolefit::assets::{AssetsError, Texts};
use rolefit::bank::{Bank, BankError};

static PRELOAD: Mutex<Option<JoinHandle<Result<Texts, AssetsError>>>> = Mutex::new(None);
static LOADED: Mutex<Option<Result<Texts, AssetsError>>> = Mutex::new(None);

/// Starts parsing. Failing to start a thread only means parsing later, on demand.
pub fn start() {
    let handle = std::thread::Builder::new()
        .name("preload".into())
        .spawn(Texts::load);
    if let (Ok(h), Ok(mut slot)) = (handle, PRELOAD.lock()) {
        *slot = Some(h);
    }
}

pub fn default_bank() -> Result<Bank, BankError> {
    rolefit::bank::load_default()
}

/// The texts, waiting for the preload if one was started; a later caller gets a copy.
pub fn texts() -> Result<Texts, AssetsError> {
    let loaded = LOADED.lock().ok().and_then(|mut slot| {
        if slot.is_none() {
            let handle = PRELOAD.lock().ok()?.take()?;
            *slot = handle.join().ok();
        }
        slot.as_ref()?.as_ref().ok().cloned()
    });
    loaded.map_or_else(Texts::load, Ok)
}
