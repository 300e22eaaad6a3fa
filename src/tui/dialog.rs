//! Modal questions: a title, a sentence, and buttons with a hotkey each.

use super::action::Action;
use crate::bank::Form;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    SaveAndQuit,
    /// Asks once more before anything is deleted.
    AskDiscard,
    /// Deletes the unfinished assessment's answers and quits.
    QuitWithoutSaving,
    Cancel,
    Resume,
    StartOver(Form),
    FinishNow,
    /// Go ahead with the deletion the current screen asked about.
    Delete,
    /// Write the answers, as a result, to a file of the person's choosing.
    SaveElsewhere(SaveFor),
    /// Start the new goal from the newest result instead of the older one it was opened on.
    NewerBaseline,
}

/// What a save that failed was for; its dialog's Try again does that again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveFor {
    /// Finishing: the result.
    Result,
    /// Save and quit: the progress.
    Progress,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub label: &'static str,
    /// Pressing this letter presses the button; it is shown in brackets in the label.
    pub hotkey: char,
    pub choice: Choice,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dialog {
    pub title: &'static str,
    pub body: String,
    pub buttons: Vec<Button>,
    pub focus: usize,
}

/// "1 answer", "8 answers".
fn answers(n: usize) -> String {
    format!("{n} answer{}", if n == 1 { "" } else { "s" })
}

const fn button(label: &'static str, hotkey: char, choice: Choice) -> Button {
    Button {
        label,
        hotkey,
        choice,
    }
}

impl Dialog {
    /// Leaving an assessment: each button says what becomes of the answers.
    pub fn quit(answered: usize) -> Dialog {
        Dialog {
            title: "Quit?",
            body: format!(
                "Save and quit keeps your {} so you can resume later. Discard deletes {} (it asks first). Cancel goes back to the questions.",
                answers(answered),
                if answered == 1 { "it" } else { "them" }
            ),
            buttons: vec![
                button("Save and quit", 's', Choice::SaveAndQuit),
                button("Discard answers", 'd', Choice::AskDiscard),
                button("Cancel", 'c', Choice::Cancel),
            ],
            focus: 0,
        }
    }

    /// The second question before answers are deleted; Enter alone keeps them.
    pub fn discard(answered: usize) -> Dialog {
        Dialog {
            title: "Discard your answers?",
            body: format!(
                "This deletes the {} of this unfinished assessment and quits. They cannot be recovered.",
                answers(answered)
            ),
            buttons: vec![
                button("Discard and quit", 'd', Choice::QuitWithoutSaving),
                button("Keep them", 'k', Choice::Cancel),
            ],
            focus: 1,
        }
    }

    pub fn unfinished(progress: &str, form: Form) -> Dialog {
        Dialog {
            title: "You have an unfinished assessment",
            body: format!(
                "{progress}. Resume it, or start a new one? Starting over sets it aside in a copy in your data folder."
            ),
            buttons: vec![
                button("Resume it", 'r', Choice::Resume),
                button("Start over", 's', Choice::StartOver(form)),
                button("Cancel", 'c', Choice::Cancel),
            ],
            focus: 0,
        }
    }

    pub fn finish_with_open(open: usize) -> Dialog {
        let body = if open == 1 {
            "1 question has no answer yet; it will count as skipped.".to_owned()
        } else {
            format!("{open} questions have no answer yet; they will count as skipped.")
        };
        Dialog {
            title: "Finish now?",
            body: format!("{body} Skipped questions count nowhere in your scores."),
            buttons: vec![
                button("Finish", 'f', Choice::FinishNow),
                button("Cancel", 'c', Choice::Cancel),
            ],
            focus: 0,
        }
    }

    /// A save failed: the app stays open with the answers, offering to retry or write elsewhere.
    pub fn save_failed(what: SaveFor, error: &str) -> Dialog {
        let (title, retry, elsewhere) = match what {
            SaveFor::Result => (
                "Your result could not be saved",
                Choice::FinishNow,
                "save the result to another file",
            ),
            SaveFor::Progress => (
                "Your progress could not be saved",
                Choice::SaveAndQuit,
                "save your answers so far to another file",
            ),
        };
        Dialog {
            title,
            body: format!(
                "{error}. Your answers are still here. Try again (after freeing space or fixing the folder), or {elsewhere}."
            ),
            buttons: vec![
                button("Try again", 't', retry),
                button("Save elsewhere", 'e', Choice::SaveElsewhere(what)),
                button("Cancel", 'c', Choice::Cancel),
            ],
            focus: 0,
        }
    }

    /// A goal opened on an older result, when a newer one exists.
    pub fn newer_result(taken: &str) -> Dialog {
        Dialog {
            title: "A newer result exists",
            body: format!(
                "A newer result exists, from {taken}: start from it? A goal is judged on the results after it is set, so starting from an older one counts any change since then as progress."
            ),
            buttons: vec![
                button("Start from the newer one", 'n', Choice::NewerBaseline),
                button("Keep this one", 'k', Choice::Cancel),
            ],
            focus: 0,
        }
    }

    pub fn delete(title: &'static str, body: String) -> Dialog {
        Dialog {
            title,
            body,
            buttons: vec![
                button("Delete", 'd', Choice::Delete),
                button("Cancel", 'c', Choice::Cancel),
            ],
            focus: 1,
        }
    }

    /// Returns the choice once a button is pressed.
    pub fn update(&mut self, action: Action) -> Option<Choice> {
        let n = self.buttons.len();
        match action {
            Action::Up => self.focus = (self.focus + n - 1) % n,
            Action::Down => self.focus = (self.focus + 1) % n,
            Action::Confirm => return self.buttons.get(self.focus).map(|b| b.choice),
            Action::Click(i) => return self.buttons.get(i).map(|b| b.choice),
            Action::Letter(c) => {
                return self
                    .buttons
                    .iter()
                    .find(|b| b.hotkey == c)
                    .map(|b| b.choice);
            }
            Action::Back => return Some(Choice::Cancel),
            _ => {}
        }
        None
    }
}
