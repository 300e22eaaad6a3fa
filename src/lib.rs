//! rolefit's core: the question bank, the questionnaire engine and the scoring model.
//! Nothing here knows about terminals; the front ends (TUI, plain mode, commands) drive it.

/// `rolefit --version`: the program, the built-in question bank and the scoring model (a test
/// checks the model's number against `scoring::MODEL_VERSION`).
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (question bank ",
    env!("ROLEFIT_BANK_VERSION"),
    ", scoring model 2)"
);

pub mod adaptive;
pub mod answers;
pub mod assets;
pub mod bank;
pub mod cli;
pub mod compare;
pub mod context;
pub mod engine;
pub mod goals;
pub mod history;
pub mod insight;
pub mod number;
pub mod plain;
pub mod report;
pub mod sanitize;
pub mod scoring;
pub mod session;
pub mod shuffle;
pub mod store;
pub mod team;
pub mod tui;
