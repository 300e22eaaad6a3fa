//! rolefit's core: the question bank, the questionnaire engine and the scoring model.
//! Nothing here knows about terminals; the front ends (TUI, plain mode, commands) drive it.

pub mod adaptive;
pub mod answers;
pub mod assets;
pub mod bank;
pub mod cli;
pub mod compare;
pub mod engine;
pub mod goals;
pub mod history;
pub mod insight;
pub mod plain;
pub mod report;
pub mod scoring;
pub mod session;
pub mod store;
pub mod tui;
