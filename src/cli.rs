//! The command line, as clap derive definitions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "rolefit",
    version,
    about = "Where do you sit between software engineer and developer? An interactive self-assessment.",
    after_help = "Run with no command to open the interactive home screen.\n\nExit codes: 0 ok, 1 a check found problems, 2 bad usage or bad input."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Question bank to use: a .toml file or a folder of them (default: the built-in bank)
    #[arg(long, global = true, value_name = "PATH")]
    pub bank: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a question bank and report every problem with file, line and column
    #[command(subcommand)]
    Bank(BankCommand),
    /// Score an answers file (a TOML [answers] table, or a saved result) without the TUI
    Score(ScoreArgs),
}

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// Validate a bank (default: the built-in one); exits 1 if it has problems
    Validate {
        /// A .toml file or a folder of them
        path: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The answers file: `[answers]` with `question-id = 1..5` or `question-id = "a"`
    #[arg(long, value_name = "FILE")]
    pub answers: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}
