//! rolefit as a library: a core that knows nothing of terminals (the question bank, the
//! questionnaire engine, scoring, the store, insight, goals, compare, team, and `report`, which
//! words and lays out what the core computes), and the front ends over it: `plain` (line by
//! line on stdin and stdout, wrapped to the terminal's width), `tui` (full screen, with ratatui
//! and crossterm) and `cli` (the command line's definitions). The binary drives them.

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
pub mod dates;
pub mod engine;
pub mod explain;
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
pub mod text;
pub mod tui;
