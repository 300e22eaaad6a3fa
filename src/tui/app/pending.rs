//! Progress the last save could not write, shared with the hang-up watcher. When the terminal
//! disappears the loop may never run again (crossterm's reader spins on end-of-file), so the
//! watcher ends the process itself: it tries that save once more, or says on stderr what was
//! lost and exits non-zero. Every save runs under the same lock, so the watcher can neither
//! write an older snapshot over a newer save nor end the process halfway through one.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::session::Session;
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, Default)]
pub struct Pending(Arc<Mutex<Option<Unsaved>>>);

/// What a failed save was to write, and where.
#[derive(Debug)]
struct Unsaved {
    store: Store,
    session: Session,
}

/// The exit code of a leaving that lost answers: the binary's for an error, as Ctrl-C's is.
const LOST_EXIT: i32 = 2;

/// What the shell hears when progress is lost on leaving (`why`: Ctrl-C, a signal, the
/// terminal closing).
pub fn lost(why: &str, error: &StoreError) -> String {
    format!(
        "{why}: your progress could not be saved ({error}); the answers given since the last successful save are lost"
    )
}

impl Pending {
    /// Saves `session`'s progress, and keeps it here if that fails (forgets it if it worked).
    pub fn save(&self, store: &Store, session: &Session) -> Result<(), StoreError> {
        let mut unsaved = self.lock();
        let saved = session.autosave(store);
        *unsaved = saved.is_err().then(|| Unsaved {
            store: store.clone(),
            session: session.clone(),
        });
        saved
    }

    /// The assessment ended (finished, or discarded): nothing of it is left to save.
    pub fn forget(&self) {
        *self.lock() = None;
    }

    /// Ends the process now, the terminal being gone (`why`): saves what the last save could
    /// not, or says on stderr what was lost and exits with `LOST_EXIT`.
    pub fn exit_now(&self, why: &str) -> ! {
        let unsaved = self.lock();
        let code = match unsaved.as_ref().map(|u| u.session.autosave(&u.store)) {
            None | Some(Ok(())) => 0,
            Some(Err(e)) => {
                use std::io::Write;
                let line = format!("rolefit: {}", lost(why, &e));
                let _ = writeln!(std::io::stderr(), "{}", crate::sanitize::text(&line));
                LOST_EXIT
            }
        };
        std::process::exit(code)
    }

    /// A panic elsewhere while saving leaves the last snapshot as it was: still worth a try.
    fn lock(&self) -> MutexGuard<'_, Option<Unsaved>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
