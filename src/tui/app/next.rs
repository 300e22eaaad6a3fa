//! What a screen's update asks the app to do next. A screen changes its own state; moving to
//! another screen, starting or ending an assessment, opening a dialog and leaving are the app's,
//! done in one place (`App::go`).

use crate::session::Session;
use crate::store::ResultFile;
use crate::tui::dialog::Dialog;

use super::{App, Exit, Notice, Resumable, Screen};

#[must_use]
#[derive(Debug)]
pub enum Next {
    Stay,
    /// This screen in place of the current one.
    Show(Screen),
    /// This screen on top of the current one: `Pop` comes back to it.
    Push(Screen),
    /// Back to the screen under this one (read again), home, or out if there is none.
    Pop,
    /// A saved result's dashboard on top of the current screen.
    Result(Box<ResultFile>),
    Home,
    Dialog(Dialog),
    /// Take this assessment (new or resumed) from its current question; `save` it first, and
    /// say `note` (why the progress changed on resuming).
    Take {
        session: Box<Session>,
        save: bool,
        note: Option<String>,
    },
    /// The assessment is over, its result saved: that result's dashboard.
    Finished(Box<ResultFile>),
    Leave(Exit),
    /// Do the first, then say the notice: it is about the screen the first leads to.
    Then(Box<Next>, Notice),
}

impl Next {
    /// This, then an informing notice.
    pub fn then_inform(self, text: String) -> Next {
        Next::Then(Box::new(self), Notice::new(text, false))
    }

    /// This, then a warning.
    pub fn then_warn(self, text: String) -> Next {
        Next::Then(Box::new(self), Notice::new(text, true))
    }
}

impl App {
    pub fn go(&mut self, next: Next) {
        match next {
            Next::Stay => {}
            Next::Show(screen) => self.screen = screen,
            Next::Push(screen) => self.push(screen),
            Next::Pop => self.pop(),
            Next::Result(result) => self.open_result(&result, true),
            Next::Home => self.go_home(),
            Next::Dialog(dialog) => self.open_dialog(dialog),
            Next::Take {
                session,
                save,
                note,
            } => {
                self.label = session.saved.label.clone();
                self.session = Some(*session);
                self.resumable = Resumable::None;
                self.screen = self.question_screen(false);
                if save {
                    self.save_progress();
                }
                if let Some(note) = note {
                    self.inform(note);
                }
            }
            Next::Finished(result) => {
                self.end_session();
                self.notice = None;
                self.open_result(&result, false);
            }
            Next::Leave(exit) => self.leave(exit),
            Next::Then(next, notice) => {
                self.go(*next);
                self.say(notice);
            }
        }
    }
}
