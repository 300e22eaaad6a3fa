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
    /// Where results and progress are kept (default: $ROLEFIT_DATA_DIR, then the platform's data folder)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Monochrome screens (also when the NO_COLOR environment variable is set)
    #[arg(long, global = true)]
    pub no_color: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a question bank and report every problem with file, line and column
    #[command(subcommand)]
    Bank(BankCommand),
    /// Take the assessment (the full form unless --quick)
    Take(TakeArgs),
    /// Score an answers file (a TOML [answers] table, or a saved result) without the TUI
    Score(ScoreArgs),
    /// Show where rolefit keeps its data, its version and the question bank in use
    Info,
    /// Show a saved result: the dashboard in a terminal, or text/JSON/Markdown with --format
    Show(ShowArgs),
    /// Export a saved result as Markdown, JSON or a self-contained HTML page
    Export(ExportArgs),
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A result id (its file name in results/) or `latest`
    #[arg(default_value = "latest")]
    pub id: String,
    /// Print instead of opening the dashboard
    #[arg(long, value_enum)]
    pub format: Option<ShowFormat>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
    Md,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// A result id (its file name in results/) or `latest`
    #[arg(default_value = "latest")]
    pub id: String,
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Json,
    Html,
}

#[derive(Debug, Args)]
pub struct TakeArgs {
    /// The short form (about 14 questions)
    #[arg(long)]
    pub quick: bool,
    /// A note saved with the result, e.g. "before the architecture course"
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub label: String,
    /// Shuffle the questions with this seed (the same seed gives the same order)
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Ask line by line on stdin/stdout instead of the full-screen interface
    #[arg(long)]
    pub plain: bool,
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
    /// Also save the scores as a result, exactly as a finished assessment does
    #[arg(long)]
    pub save: bool,
    /// A note saved with the result (with --save)
    #[arg(long, value_name = "TEXT", default_value = "", requires = "save")]
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}
