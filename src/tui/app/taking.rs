//! The assessment being taken: answering, moving on, and saving progress after every answer.

use crate::answers::Answer;
use crate::store::StoreError;

use super::{App, Exit, Resumable, Screen};

impl App {
    pub fn refresh_resumable(&mut self) {
        self.resumable = match self.store.load_in_progress() {
            Ok(None) => Resumable::None,
            Ok(Some(p)) => Resumable::Ready(Box::new(p)),
            Err(e) => Resumable::Unreadable(e.to_string()),
        };
        (self.latest, self.latest_note) = match self.store.pick("latest") {
            Ok(p) => (
                Some((p.result.id.clone(), p.result.taken_at)),
                p.skipped_note(),
            ),
            Err(StoreError::NoResults { .. }) => (None, None),
            Err(e) => (None, Some(e.to_string())),
        };
        // A line of its own on screen: it starts as a sentence does.
        self.latest_note = self.latest_note.take().map(|n| {
            let mut c = n.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        });
    }

    /// The keys that answer the question on screen, for the footer and the help overlay
    /// (the keymap binds every digit and letter; a question takes only its own).
    pub fn answer_keys(&self) -> Option<crate::tui::keymap::AnswerKeys> {
        let Screen::Question { .. } = self.screen else {
            return None;
        };
        let a = self.session.as_ref()?.assessment();
        let shown = a.shown(a.current(&self.bank)?);
        Some(crate::tui::keymap::AnswerKeys {
            digits: shown.digit_range(),
            letters: shown.is_choice().then(|| shown.key_range()),
        })
    }

    /// Saves the assessment in progress, if there is one; what a failed save could not write
    /// stays in `pending` for the hang-up watcher.
    pub fn autosave(&self) -> Result<(), StoreError> {
        self.session
            .as_ref()
            .map_or(Ok(()), |s| self.pending.save(&self.store, s))
    }

    /// The assessment is over (its result saved): nothing of it is left to save.
    pub fn end_session(&mut self) {
        self.session = None;
        self.pending.forget();
    }

    /// Saves the assessment in progress; a failure is shown, and the answers stay in memory.
    pub fn save_progress(&mut self) -> bool {
        match self.autosave() {
            Ok(()) => true,
            Err(e) => {
                self.warn(format!("Could not save progress: {e}"));
                false
            }
        }
    }

    /// Leaves at once (Ctrl-C, or a signal named `why`), saving the progress first: a save that
    /// succeeds leaves one line for the shell saying so; one that fails says what was lost.
    pub fn save_and_leave(&mut self, why: &str) {
        let exit = match self.autosave() {
            Ok(()) => self.saved_exit(),
            Err(e) => Exit::Unsaved(super::pending::lost(why, &e)),
        };
        self.leave(exit);
    }

    /// Answers the current question, moves on (to the review after the last one, or back to
    /// it when the question was opened from there) and saves, so a resume lands where the
    /// person was looking.
    pub fn answer(&mut self, answer: Answer) {
        let Some(session) = &mut self.session else {
            return;
        };
        if let Err(e) = session.assessment_mut().answer(&self.bank, answer) {
            self.warn(e.to_string());
            return;
        }
        self.move_on();
        if self.save_progress() {
            self.notice = None;
        }
    }

    /// After an answer or a skip: back to Review if the question came from there, else on.
    pub fn move_on(&mut self) {
        match (&self.screen, &self.session) {
            (
                Screen::Question {
                    from_review: true, ..
                },
                Some(s),
            ) => {
                self.screen = Screen::review(s.assessment().position());
            }
            _ => self.advance(),
        }
    }

    /// Moves to the next question, or to the review after the last one.
    pub fn advance(&mut self) {
        let Some(session) = &mut self.session else {
            return;
        };
        session.assessment_mut().grow(&self.bank);
        if session.assessment_mut().forward() {
            self.screen = self.question_screen(false);
        } else {
            let cursor = session.assessment().len();
            self.screen = Screen::review(cursor);
        }
    }

    /// The current question as it opens: its answer highlighted, if it has one, as this
    /// assessment shows it (the first of two), and a scenario's answer marked, one option or
    /// two, so Enter keeps it and Space on another adds a second rather than replacing it.
    pub fn question_screen(&self, from_review: bool) -> Screen {
        let (marked, choice) = self.answer_indices();
        Screen::Question {
            cursor: marked.first().copied(),
            from_review,
            marked: if choice { marked } else { Vec::new() },
        }
    }

    /// Where the current question's answer is shown (none, one, or two options), and whether
    /// the question is a scenario.
    fn answer_indices(&self) -> (Vec<usize>, bool) {
        let Some(session) = self.session.as_ref() else {
            return (Vec::new(), false);
        };
        let a = session.assessment();
        let Some(q) = a.current(&self.bank) else {
            return (Vec::new(), false);
        };
        let shown = a.shown(q);
        match a.status(a.position()) {
            crate::engine::Status::Answered(answer) => (shown.indices(answer), shown.is_choice()),
            _ => (Vec::new(), shown.is_choice()),
        }
    }

    /// Opens a question; `from_review`: from the Review list, which an answer returns to.
    pub fn open_question(&mut self, index: usize, from_review: bool) {
        if let Some(session) = &mut self.session
            && session.assessment_mut().jump(index).is_ok()
        {
            self.screen = self.question_screen(from_review);
        }
    }
}
