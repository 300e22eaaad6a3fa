//! The command line, as clap derive definitions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "rolefit",
    version = crate::VERSION,
    about = "Where do you sit between software engineer and developer? An interactive self-assessment.",
    after_help = "Run with no command to open the interactive home screen.\n\nExit codes: 0 ok, 1 a check found problems, 2 bad usage or bad input."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// What `rolefit` with no arguments means: the home screen, with every default.
    pub fn home() -> Cli {
        Cli {
            global: Global {
                bank: None,
                data_dir: None,
                no_color: false,
            },
            command: None,
        }
    }
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
    #[command(
        subcommand,
        after_help = "Example:\n  rolefit bank validate my-questions/"
    )]
    Bank(BankCommand),
    /// Take the assessment (the full form unless --quick, --adaptive or --goal ID)
    #[command(
        after_help = "Example:\n  rolefit take --quick --label \"before the architecture course\""
    )]
    Take(TakeArgs),
    /// Score an answers file (a TOML [answers] table, or a saved result) without the TUI
    #[command(after_help = "Example:\n  rolefit score --answers my-answers.toml --format json")]
    Score(ScoreArgs),
    /// Show where rolefit keeps its data, its version and the question bank in use
    #[command(after_help = "Example:\n  rolefit info")]
    Info,
    /// Show a saved result: the dashboard in a terminal, or text/JSON/Markdown with --format
    #[command(after_help = "Example:\n  rolefit show latest --format md")]
    Show(ShowArgs),
    /// Export a saved result as Markdown, JSON or a self-contained HTML page
    #[command(after_help = "Example:\n  rolefit export latest --format html -o result.html")]
    Export(ExportArgs),
    /// Saved results, newest first: the History screen in a terminal, or text/JSON with --format
    #[command(after_help = "Example:\n  rolefit history --format json")]
    History(HistoryArgs),
    /// Before and after: compare two results (ids, or first / previous / latest)
    #[command(after_help = "Example:\n  rolefit compare first latest --format text")]
    Compare(CompareArgs),
    /// Where a team stands: the Team screen over people's cards, or text/JSON/Markdown/HTML
    #[command(
        after_help = "Cards come from `rolefit export --format team-card`; a folder is read for its *.json files.\n\nExample:\n  rolefit team cards/ --format md"
    )]
    Team(TeamArgs),
    /// Learning goals: the Goals screen in a terminal, or list / add / done / remove
    #[command(
        after_help = "Example:\n  rolefit goals add --dimension scope --target 40 --due 2027-06-30 --note \"own one design review a month\""
    )]
    Goals(GoalsArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish or powershell)
    #[command(
        after_help = "Example:\n  rolefit completions bash > ~/.local/share/bash-completion/completions/rolefit"
    )]
    Completions {
        #[arg(value_enum)]
        shell: ShellArg,
    },
    /// Print the manual page (roff), e.g. for `man -l -`
    #[command(after_help = "Example:\n  rolefit man | man -l -")]
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShellArg {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Print instead of opening the History screen
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The earlier result: an id, or first, previous, latest
    #[arg(default_value = "previous")]
    pub before: String,
    /// The later result: an id, or first, previous, latest
    #[arg(default_value = "latest")]
    pub after: String,
    /// Print instead of opening the Compare screen
    #[arg(long, value_enum)]
    pub format: Option<ShowFormat>,
    /// List every answer that changed and every question asked in only one of the two, with
    /// their texts (printed as text unless --format says otherwise; JSON always lists them)
    #[arg(long)]
    pub questions: bool,
}

#[derive(Debug, Args)]
pub struct GoalsArgs {
    #[command(subcommand)]
    pub command: Option<GoalsCommand>,
}

#[derive(Debug, Subcommand)]
pub enum GoalsCommand {
    /// Every goal with baseline -> latest -> target, progress and status
    List {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// One goal over time: its scale in every result since its baseline, with margins, the
    /// target, the due date and what moved between retakes
    Show {
        /// The goal's number (see `rolefit goals list`)
        id: u32,
        #[arg(long, value_enum, default_value_t = TimelineFormat::Text)]
        format: TimelineFormat,
    },
    /// Add a goal: a dimension (optionally one lens) and a target score, from a baseline result
    Add(GoalAddArgs),
    /// Mark a goal done
    Done {
        /// The goal's number (see `rolefit goals list`)
        id: u32,
    },
    /// Remove a goal
    Remove {
        /// The goal's number (see `rolefit goals list`)
        id: u32,
    },
}

#[derive(Debug, Args)]
pub struct GoalAddArgs {
    /// The dimension to work on. The built-in bank's: scope, focus, skills, impact, workstyle,
    /// path (with --bank, that bank's ids; a wrong one is answered with the list)
    #[arg(long, value_name = "ID")]
    pub dimension: String,
    /// Track one lens only: preference (also `enjoy`: what you enjoy) or practice (also `do`:
    /// what you do today). Default: the dimension's combined score
    #[arg(long, value_enum)]
    pub lens: Option<LensArg>,
    /// The score to reach, -100 (developer) to +100 (engineer)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub target: f64,
    /// How you will get there, e.g. "take a distributed systems course, write two ADRs"
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub note: String,
    /// When you want to be there, YYYY-MM-DD
    #[arg(long, value_name = "DATE", value_parser = crate::dates::date)]
    pub due: Option<jiff::civil::Date>,
    /// The result the goal starts from: an id, or first, previous, latest
    #[arg(long, value_name = "ID", default_value = "latest")]
    pub baseline: String,
}

/// A lens on the command line: the words the screens use (`enjoy`, `do`) work too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LensArg {
    #[value(alias = "enjoy")]
    Preference,
    #[value(alias = "do")]
    Practice,
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

/// A goal's timeline: text, JSON, Markdown, or one HTML page with the chart as inline SVG.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimelineFormat {
    Text,
    Json,
    Md,
    Html,
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
    /// With --format team-card: the name on the card (default: the result's label, or "anonymous")
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// With --format team-card: leave out your context (years, role, who you build for)
    #[arg(long)]
    pub no_context: bool,
}

#[derive(Debug, Args)]
pub struct TeamArgs {
    /// Team cards, or folders of them
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print instead of opening the Team screen
    #[arg(long, value_enum)]
    pub format: Option<TeamFormat>,
    /// Show members as A, B, C... everywhere: no name appears in any output
    #[arg(long)]
    pub anonymous: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TeamFormat {
    Text,
    Json,
    Md,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Json,
    Html,
    /// A card to share with your team: scores, margins and archetype, never your answers
    TeamCard,
}

#[derive(Debug, Args)]
pub struct TakeArgs {
    /// The short form (about 14 questions)
    #[arg(long)]
    pub quick: bool,
    /// The adaptive form: asks what matters for you and stops when your result is clear
    #[arg(long, conflicts_with = "quick")]
    pub adaptive: bool,
    /// Just the questions on learning goal ID's scale (see `rolefit goals list`): a result that
    /// covers that scale only, for a goal a retake did not ask about
    #[arg(long, value_name = "ID", conflicts_with_all = ["quick", "adaptive"])]
    pub goal: Option<u32>,
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
    /// Replay the answers through the adaptive form: the questions it asks in order, its
    /// scores, and the full form's beside them
    #[arg(long, conflicts_with = "save")]
    pub adaptive: bool,
    /// The adaptive form's tie-break seed (the same seed gives the same sequence)
    #[arg(long, value_name = "N", requires = "adaptive")]
    pub seed: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}
