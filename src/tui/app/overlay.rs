//! What is drawn over the screen and takes the keys first. One at a time, so which one is in
//! front is never a question: the keymap, the dispatch and the view each match on this enum.

use crate::tui::action::Action;
use crate::tui::dialog::{Choice, Dialog};
use crate::tui::keymap::Context;
use crate::tui::prompt::{Prompt, PromptFor};
use crate::tui::widgets::scroll::Scroll;

#[derive(Debug, Clone)]
pub enum Overlay {
    /// Every key of the screen underneath; on a small terminal they do not all fit, so it scrolls.
    Help(Scroll),
    Dialog(Dialog),
    Prompt(Prompt),
}

/// How an overlay closed, for the app to act on.
#[derive(Debug, Clone, PartialEq)]
pub enum Closed {
    /// Nothing to do (help toggled off, a prompt cancelled).
    Nothing,
    /// A dialog's button.
    Chose(Choice),
    /// A prompt's confirmed text, and what it is for.
    Typed(PromptFor, String),
}

impl Overlay {
    pub fn help() -> Overlay {
        Overlay::Help(Scroll::default())
    }

    /// The keymap that applies while this overlay is open.
    pub fn context(&self) -> Context {
        match self {
            Overlay::Help(_) => Context::Help,
            Overlay::Dialog(_) => Context::Dialog,
            Overlay::Prompt(_) => Context::Prompt,
        }
    }

    /// Applies one action; `Some` once the overlay closes.
    pub fn update(&mut self, action: Action) -> Option<Closed> {
        match self {
            Overlay::Help(_) if action == Action::Help => Some(Closed::Nothing),
            Overlay::Help(scroll) => {
                scroll.update(action);
                None
            }
            Overlay::Dialog(dialog) => dialog.update(action).map(Closed::Chose),
            Overlay::Prompt(prompt) => prompt.update(action).map(|answer| match answer {
                Some(text) => Closed::Typed(prompt.purpose.clone(), text),
                None => Closed::Nothing,
            }),
        }
    }
}

/// How the app leaves, and its last word for the shell once the screen is gone: the one way
/// of leaving (q on home, Save and quit, Discard, Ctrl-C, a signal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    /// Nothing to add.
    Quiet,
    /// One line on stdout: what was saved or discarded, how to go on.
    Farewell(String),
    /// Progress that could not be saved (Ctrl-C or a signal, and the save failed): said on
    /// stderr once the terminal is restored, and the exit is not 0.
    Unsaved(String),
}

impl Exit {
    pub fn farewell(&self) -> Option<&str> {
        match self {
            Exit::Farewell(line) => Some(line),
            _ => None,
        }
    }

    pub fn unsaved(&self) -> Option<&str> {
        match self {
            Exit::Unsaved(why) => Some(why),
            _ => None,
        }
    }
}
