//! The interactive front end: ratatui + crossterm over the core.

pub mod action;
pub mod app;
pub mod dialog;
pub mod keymap;
pub mod prompt;
pub mod screens;
pub mod signals;
pub mod term;
pub mod theme;
pub mod view;
pub mod widgets;

pub use app::{App, Clock, Config, Screen, Start};
pub use term::run;
