use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use rolefit::bank::{self, Bank, BankError, Form};
use rolefit::cli::{
    BankCommand, Cli, Command, ExportArgs, ExportFormat, Format, Global, ScoreArgs, ShowArgs,
    ShowFormat, TakeArgs,
};
use rolefit::plain::Plain;
use rolefit::session::Session;
use rolefit::store::Store;
use rolefit::tui::{self, App, Clock, Config, Start};

mod data;
mod preload;

/// The environment variable that moves the data directory (tests use it; nothing else needs to).
const DATA_DIR_ENV: &str = "ROLEFIT_DATA_DIR";

fn main() -> ExitCode {
    preload::start();
    // No arguments is the most common start (the home screen), and needs no parser.
    let cli = if std::env::args_os().len() <= 1 {
        Cli::home()
    } else {
        Cli::parse()
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("rolefit: {}", message(&e));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes on one line, leaving out a cause its parent already quoted.
fn message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if !out.contains(&text) {
            if !out.is_empty() {
                out.push_str(": ");
            }
            out.push_str(&text);
        }
    }
    out
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let g = &cli.global;
    match &cli.command {
        Some(Command::Bank(BankCommand::Validate { path })) => {
            validate(path.as_deref().or(g.bank.as_deref()))
        }
        Some(Command::Score(args)) => score(g, args),
        Some(Command::Info) => info(g),
        Some(Command::Show(args)) => show(g, args),
        Some(Command::Export(args)) => export(g, args),
        Some(Command::History(args)) => data::history(g, args),
        Some(Command::Compare(args)) => data::compare(g, args),
        Some(Command::Goals(args)) => data::goals(g, args),
        Some(Command::Take(args)) if args.plain => take_plain(g, args),
        Some(Command::Take(args)) => {
            interactive(g, Start::Take(args.form()), args.label.clone(), args.seed)
        }
        None => interactive(g, Start::Home, String::new(), None),
    }
}

/// Writes to stdout; a closed pipe (`rolefit score ... | head`) is the reader's choice, not an error.
pub(crate) fn emit(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(anyhow::Error::new(e).context("cannot write the output"))
        }
        _ => Ok(()),
    }
}

pub(crate) fn load_bank(path: Option<&Path>) -> anyhow::Result<Bank> {
    match path {
        Some(p) => {
            bank::load_path(p).with_context(|| format!("cannot use question bank {}", p.display()))
        }
        None => preload::default_bank()
            .context("the built-in question bank is broken (please report this)"),
    }
}

/// Where data lives: --data-dir, then $ROLEFIT_DATA_DIR, then the platform's data folder.
fn data_dir(g: &Global) -> anyhow::Result<(PathBuf, &'static str)> {
    if let Some(d) = &g.data_dir {
        return Ok((d.clone(), "--data-dir"));
    }
    if let Some(d) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok((PathBuf::from(d), DATA_DIR_ENV));
    }
    let dirs = directories::ProjectDirs::from("", "", "rolefit")
        .context("cannot find your home directory to keep results in; pass --data-dir DIR")?;
    Ok((dirs.data_dir().to_path_buf(), "default"))
}

pub(crate) fn open_store(g: &Global) -> anyhow::Result<Store> {
    let (dir, _) = data_dir(g)?;
    Ok(Store::open(&dir)?)
}

fn color(g: &Global) -> bool {
    !g.no_color && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

pub(crate) fn interactive(
    g: &Global,
    start: Start,
    label: String,
    seed: Option<u64>,
) -> anyhow::Result<ExitCode> {
    // Checked before anything else, so a script gets one clear line and no escape codes.
    if let Err(e) = tui::term::check_terminal() {
        anyhow::bail!("{e}");
    }
    // A bank named on the command line is checked before the screen changes, so its problems
    // print on a clean terminal.
    let named = g.bank.as_deref().map(|p| load_bank(Some(p))).transpose()?;
    let store = open_store(g)?;
    // Two interactive instances would autosave over each other's unfinished assessment.
    let _lock = store.lock_instance()?;
    store.sweep_stale_temp_files();
    let color = color(g);
    // The bank is parsed on another core meanwhile (see preload.rs); the app is built once the
    // terminal is ready, so the two overlap.
    tui::run(|| {
        let config = Config {
            bank: named.map_or_else(|| load_bank(None), Ok)?,
            store,
            color,
            clock: Clock::System,
            label,
            seed,
            start,
        };
        anyhow::Ok(App::new(config, preload::texts()?))
    })?;
    Ok(ExitCode::SUCCESS)
}

fn show(g: &Global, args: &ShowArgs) -> anyhow::Result<ExitCode> {
    let store = open_store(g)?;
    let result = store.find_result(&args.id)?;
    let Some(format) = args.format else {
        if tui::term::check_terminal().is_ok() {
            return interactive(g, Start::Show(Box::new(result)), String::new(), None);
        }
        return print_result(g, &result, ShowFormat::Text);
    };
    print_result(g, &result, format)
}

fn print_result(
    g: &Global,
    result: &rolefit::store::ResultFile,
    format: ShowFormat,
) -> anyhow::Result<ExitCode> {
    let bank = load_bank(g.bank.as_deref())?;
    let texts = preload::texts()?;
    let result = &result.clone().rescored(&bank);
    let summary = rolefit::report::summarise(&bank, result, &texts);
    emit(&match format {
        ShowFormat::Text => rolefit::report::result_text(&summary),
        ShowFormat::Json => format!("{}\n", rolefit::report::json_export(result)),
        ShowFormat::Md => rolefit::report::markdown_report(&summary),
    })?;
    Ok(ExitCode::SUCCESS)
}

fn export(g: &Global, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let store = open_store(g)?;
    let bank = load_bank(g.bank.as_deref())?;
    let result = store.find_result(&args.id)?.rescored(&bank);
    let texts = preload::texts()?;
    let summary = rolefit::report::summarise(&bank, &result, &texts);
    let text = match args.format {
        ExportFormat::Md => rolefit::report::markdown_report(&summary),
        ExportFormat::Json => format!("{}\n", rolefit::report::json_export(&result)),
        ExportFormat::Html => rolefit::report::html_report(&summary),
    };
    let Some(path) = &args.output else {
        emit(&text)?;
        return Ok(ExitCode::SUCCESS);
    };
    if path.exists() && !args.force {
        anyhow::bail!(
            "{} already exists; add --force to replace it",
            path.display()
        );
    }
    rolefit::store::write_atomic(path, text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!("exported {} to {}", result.id, path.display());
    Ok(ExitCode::SUCCESS)
}

fn take_plain(g: &Global, args: &TakeArgs) -> anyhow::Result<ExitCode> {
    let bank = load_bank(g.bank.as_deref())?;
    let store = open_store(g)?;
    let _lock = store.lock_instance()?;
    let texts = preload::texts()?;
    let form = args.form();
    let stdin = std::io::stdin();
    let mut plain = Plain {
        bank: &bank,
        store: &store,
        texts: &texts,
        input: stdin.lock(),
        output: std::io::stdout(),
    };
    let mut session = None;
    match store.load_in_progress() {
        Ok(Some(saved)) => {
            let ask = format!(
                "Resume your unfinished assessment ({})?",
                saved.assessment.answered_text()
            );
            if plain.confirm(&ask, true)? {
                session = Some(
                    Session::resume(saved, &bank)
                        .context("cannot resume the unfinished assessment")?,
                );
            }
        }
        Ok(None) => {}
        Err(e) => {
            let moved = store.set_aside_in_progress(jiff::Timestamp::now())?;
            eprintln!(
                "rolefit: {e}\nrolefit: it was kept as {} and a new assessment starts",
                moved.display()
            );
        }
    }
    let session = match session {
        Some(s) => s,
        None => {
            plain.intro()?;
            Session::start(
                &bank,
                form,
                args.seed,
                args.label.clone(),
                jiff::Timestamp::now(),
            )?
        }
    };
    plain.run(session, jiff::Timestamp::now, &mut fastrand::Rng::new())?;
    Ok(ExitCode::SUCCESS)
}

fn info(g: &Global) -> anyhow::Result<ExitCode> {
    let (dir, from) = data_dir(g)?;
    let bank = load_bank(g.bank.as_deref())?;
    let store = Store::open(&dir)?;
    let results = std::fs::read_dir(store.results_dir())
        .map(|d| d.count())
        .unwrap_or(0);
    let progress = match store.load_in_progress() {
        Ok(None) => "none".to_owned(),
        Ok(Some(p)) => p.assessment.answered_text(),
        Err(e) => format!("unreadable: {e}"),
    };
    let bank_from = g
        .bank
        .as_ref()
        .map_or("built in".to_owned(), |p| p.display().to_string());
    emit(&format!(
        "rolefit {}\ndata directory: {} ({from})\nresults:        {} ({results} saved)\nin progress:    {} ({progress})\n\
         question bank:  \"{}\" version {} ({bank_from}): {} questions, {} in the quick form, fingerprint {}\n",
        env!("CARGO_PKG_VERSION"),
        dir.display(),
        store.results_dir().display(),
        store.in_progress_path().display(),
        bank.name,
        bank.version,
        bank.questions.len(),
        bank.form_len(Form::Quick),
        rolefit::store::BankRef::of(&bank).fingerprint
    ))?;
    Ok(ExitCode::SUCCESS)
}

fn validate(path: Option<&Path>) -> anyhow::Result<ExitCode> {
    let loaded = match path {
        Some(p) => bank::load_path(p),
        None => bank::load_default(),
    };
    match loaded {
        Ok(b) => {
            let dims = b.dimensions.len();
            emit(&format!(
                "ok: \"{}\" version {}: {} questions ({} in the quick form) across {dims} dimension{}\n",
                b.name,
                b.version,
                b.questions.len(),
                b.form_len(Form::Quick),
                if dims == 1 { "" } else { "s" }
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(BankError::Invalid(problems)) => {
            emit(
                &problems
                    .iter()
                    .map(|p| format!("{p}\n"))
                    .collect::<String>(),
            )?;
            let n = problems.len();
            eprintln!("{n} problem{} found", if n == 1 { "" } else { "s" });
            Ok(ExitCode::from(1))
        }
        Err(e) => Err(e.into()),
    }
}

fn score(g: &Global, args: &ScoreArgs) -> anyhow::Result<ExitCode> {
    let bank = load_bank(g.bank.as_deref())?;
    let answers = rolefit::answers::load_answers(&args.answers, &bank)?;
    if args.adaptive {
        let replay = rolefit::adaptive::replay(&bank, &answers, args.seed)?;
        emit(&match args.format {
            Format::Text => rolefit::report::replay_text(&bank, &replay),
            Format::Json => format!("{}\n", rolefit::report::replay_json(&replay)),
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    // Printed against the full form (what the skipped count means in an answers file); saved
    // as the form the answers fit, so History says "quick" for a quick form's answers.
    let scores = rolefit::scoring::score_answers(&bank, Form::Full, &answers);
    match args.format {
        Format::Text => emit(&rolefit::report::text_report(&bank, &scores))?,
        Format::Json => emit(&format!("{}\n", rolefit::report::json_report(&scores)))?,
    }
    if args.save {
        let store = open_store(g)?;
        let order = bank
            .questions
            .iter()
            .filter(|q| answers.contains_key(&q.id))
            .map(|q| q.id.clone())
            .collect();
        let result = rolefit::session::save_result(
            &bank,
            &store,
            rolefit::answers::form_of(&bank, &answers),
            order,
            answers,
            args.label.clone(),
            jiff::Timestamp::now(),
            &mut fastrand::Rng::new(),
        )?;
        eprintln!(
            "saved result {} to {}",
            result.id,
            store.result_path(&result.id).display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
