use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use rolefit::bank::{self, Bank, BankError, Form};
use rolefit::cli::{BankCommand, Cli, Command, Format, ScoreArgs};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("rolefit: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Bank(BankCommand::Validate { path })) => {
            validate(path.as_deref().or(cli.global.bank.as_deref()))
        }
        Some(Command::Score(args)) => score(&load_bank(cli.global.bank.as_deref())?, &args),
        None => {
            anyhow::bail!("the interactive assessment is not built yet; try `rolefit --help`")
        }
    }
}

fn load_bank(path: Option<&std::path::Path>) -> anyhow::Result<Bank> {
    match path {
        Some(p) => {
            bank::load_path(p).with_context(|| format!("cannot use question bank {}", p.display()))
        }
        None => bank::load_default()
            .context("the built-in question bank is broken (please report this)"),
    }
}

fn validate(path: Option<&std::path::Path>) -> anyhow::Result<ExitCode> {
    let loaded = match path {
        Some(p) => bank::load_path(p),
        None => bank::load_default(),
    };
    match loaded {
        Ok(b) => {
            let quick = b.form_len(Form::Quick);
            println!(
                "ok: \"{}\" version {}: {} questions ({} in the quick form) across {} dimension{}",
                b.name,
                b.version,
                b.questions.len(),
                quick,
                b.dimensions.len(),
                if b.dimensions.len() == 1 { "" } else { "s" }
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(BankError::Invalid(problems)) => {
            for p in &problems {
                println!("{p}");
            }
            eprintln!(
                "{} problem{} found",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            );
            Ok(ExitCode::from(1))
        }
        Err(e) => Err(e.into()),
    }
}

fn score(bank: &Bank, args: &ScoreArgs) -> anyhow::Result<ExitCode> {
    let answers = rolefit::answers::load_answers(&args.answers, bank)?;
    let scores = rolefit::scoring::score_answers(bank, Form::Full, &answers);
    match args.format {
        Format::Text => print!("{}", rolefit::report::text_report(bank, &scores)),
        Format::Json => println!("{}", rolefit::report::json_report(&scores)),
    }
    Ok(ExitCode::SUCCESS)
}
