//! The assessment being taken: answering, moving on, and saving progress after every answer.

use crate::answers::Answer;

use super::{App, Resumable, Screen};

impl App {
    pub fn refresh_resumable(&mut self) {
        self.resumable = match self.store.load_in_progress() {
            Ok(None) => Resumable::None,
            Ok(Some(p)) => Resumable::Ready(Box::new(p)),
            Err(e) => Resumable::Unreadable(e.to_string()),
        };
    }

    /// Saves the assessment in progress; a failure is shown, and the answers stay in memory.
    pub fn save_progress(&mut self) -> bool {
        let Some(session) = &self.session else {
            return true;
        };
        match session.autosave(&self.store) {
            Ok(()) => true,
            Err(e) => {
                self.warn(format!("Could not save progress: {e}"));
                false
            }
        }
    }

    /// Answers the current question, moves on (to the review after the last one) and saves,
    /// so a resume lands where the person was looking.
    pub fn answer(&mut self, answer: Answer) {
        let Some(session) = &mut self.session else {
            return;
        };
        if let Err(e) = session.assessment_mut().answer(&self.bank, answer) {
            self.warn(e.to_string());
            return;
        }
        self.advance();
        if self.save_progress() {
            self.notice = None;
        }
    }

    /// Moves to the next question, or to the review after the last one.
    pub fn advance(&mut self) {
        let Some(session) = &mut self.session else {
            return;
        };
        session.assessment_mut().grow(&self.bank);
        if session.assessment_mut().forward() {
            self.screen = Screen::Question {
                cursor: self.answer_cursor(),
            };
        } else {
            let cursor = session.assessment().len();
            self.screen = Screen::Review { cursor };
        }
    }

    /// The option to highlight on arriving at the current question: its answer, if it has one.
    pub fn answer_cursor(&self) -> usize {
        let Some(session) = &self.session else {
            return 0;
        };
        let a = session.assessment();
        let (Some(q), crate::engine::Status::Answered(answer)) =
            (a.current(&self.bank), a.status(a.position()))
        else {
            return 0;
        };
        crate::answers::option_index(q, answer).unwrap_or(0)
    }

    pub fn open_question(&mut self, index: usize) {
        if let Some(session) = &mut self.session
            && session.assessment_mut().jump(index).is_ok()
        {
            self.screen = Screen::Question {
                cursor: self.answer_cursor(),
            };
        }
    }
}
