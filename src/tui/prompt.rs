//! A one-line text field in a box: a result's label, a goal's note or due date.

use tui_input::{Input, InputRequest};

use super::action::Action;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptFor {
    /// The label of the result with this id.
    Rename(String),
    GoalNote,
    GoalDue,
    /// A path to write the answers to, as a result, when the data folder cannot take them.
    SaveElsewhere(crate::tui::dialog::SaveFor),
}

#[derive(Debug, Clone)]
pub struct Prompt {
    pub title: &'static str,
    pub hint: &'static str,
    pub input: Input,
    pub purpose: PromptFor,
    pub max_chars: usize,
}

impl Prompt {
    pub fn new(
        title: &'static str,
        hint: &'static str,
        value: &str,
        purpose: PromptFor,
        max_chars: usize,
    ) -> Prompt {
        Prompt {
            title,
            hint,
            // What is edited is what shows: a label with a control character in it is
            // offered in its escaped form.
            input: Input::new(crate::sanitize::line(value).into_owned()),
            purpose,
            max_chars,
        }
    }

    /// `Some(Some(text))` when confirmed, `Some(None)` when cancelled, `None` while editing.
    pub fn update(&mut self, action: Action) -> Option<Option<String>> {
        let request = match action {
            Action::Confirm => return Some(Some(self.input.value().trim().to_owned())),
            Action::Quit => return Some(None),
            Action::Type(c) if self.input.value().chars().count() < self.max_chars => {
                InputRequest::InsertChar(c)
            }
            Action::Erase => InputRequest::DeletePrevChar,
            Action::EraseNext => InputRequest::DeleteNextChar,
            Action::Back => InputRequest::GoToPrevChar,
            Action::Forward => InputRequest::GoToNextChar,
            Action::Top => InputRequest::GoToStart,
            Action::Bottom => InputRequest::GoToEnd,
            Action::Clear => InputRequest::DeleteLine,
            _ => return None,
        };
        self.input.handle(request);
        None
    }
}
