//! One saved result: shown (dashboard or printed) and exported.

use std::process::ExitCode;

use anyhow::Context;
use rolefit::cli::{ExportArgs, ExportFormat, Global, ShowArgs, ShowFormat};
use rolefit::report::Summary;
use rolefit::sanitize;
use rolefit::store::{Goal, ResultFile, Store};
use rolefit::tui::{self, Start};

use crate::{emit, emit_json, interactive, load_bank, note, read_store};

/// A saved result by id or name; one whose inner id is not its file name says so on stderr, as
/// does a name that passed over files it cannot read (the exit code stays that of what is shown).
pub(crate) fn find_result(store: &Store, which: &str) -> anyhow::Result<ResultFile> {
    let picked = store.pick(which).inspect_err(|e| {
        if let rolefit::store::StoreError::Corrupt { .. }
        | rolefit::store::StoreError::FutureSchema { .. } = e
        {
            rolefit::history::forget(store, which);
        }
    })?;
    if let Some(skipped) = picked.skipped_note() {
        crate::note(&format!("rolefit: note: `{which}`: {skipped}"));
    }
    let result = picked.result;
    if let Some(note) = result.id_note() {
        crate::note(&format!("rolefit: note: {note}"));
    }
    Ok(result)
}

pub(crate) fn show(g: &Global, args: &ShowArgs) -> anyhow::Result<ExitCode> {
    let store = read_store(g)?;
    let result = find_result(&store, &args.id)?;
    let Some(format) = args.format else {
        if tui::term::check_terminal().is_ok() {
            return interactive(g, Start::Show(Box::new(result)), String::new(), None);
        }
        return print_result(g, &store, &result, ShowFormat::Text);
    };
    print_result(g, &store, &result, format)
}

/// The learning goals, which lead a result's next steps; a goals file that cannot be read is
/// said, and the page is shown without them.
fn open_goals(store: &Store) -> Vec<Goal> {
    let goals = rolefit::goals::readable_goals(store);
    if let Some(left_out) = &goals.left_out {
        note(&format!(
            "rolefit: {}",
            rolefit::report::steps_without(left_out)
        ));
    }
    goals.goals
}

/// What a result's page says, with the bank in use and the open goals (`summarise_with_goals`
/// rescores the result with the current model itself).
fn page(g: &Global, store: &Store, result: &ResultFile) -> anyhow::Result<Summary> {
    let bank = load_bank(g.bank.as_deref())?;
    let texts = rolefit::assets::Texts::load();
    Ok(rolefit::report::summarise_with_goals(
        &bank,
        result,
        &texts,
        &open_goals(store),
    ))
}

fn print_result(
    g: &Global,
    store: &Store,
    result: &ResultFile,
    format: ShowFormat,
) -> anyhow::Result<ExitCode> {
    let summary = page(g, store, result)?;
    match format {
        ShowFormat::Text => emit(&rolefit::report::result_text(&summary))?,
        ShowFormat::Json => emit_json(&rolefit::report::json_export(&summary))?,
        ShowFormat::Md => emit(&rolefit::report::markdown_report(&summary))?,
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn export(g: &Global, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let store = read_store(g)?;
    let result = find_result(&store, &args.id)?;
    if args.format != ExportFormat::TeamCard && (args.name.is_some() || args.no_context) {
        anyhow::bail!("--name and --no-context are for --format team-card");
    }
    let summary = page(g, &store, &result)?;
    let text = match args.format {
        ExportFormat::TeamCard => team_card(g, &result, args)?,
        ExportFormat::Md => rolefit::report::markdown_report(&summary),
        ExportFormat::Json => format!(
            "{}\n",
            sanitize::json(&rolefit::report::json_export(&summary))
        ),
        ExportFormat::Html => rolefit::report::html_report(&summary),
    };
    let Some(path) = &args.output else {
        emit(&text)?;
        return Ok(ExitCode::SUCCESS);
    };
    // Not `exists()`, which follows a link: a dangling link is something there too.
    if let Ok(m) = std::fs::symlink_metadata(path) {
        let t = m.file_type();
        if !t.is_file() && !t.is_symlink() {
            anyhow::bail!(
                "{} is {}; rolefit replaces only regular files (and links, with --force)",
                path.display(),
                rolefit::store::read::kind_of(t)
            );
        }
        if !args.force {
            anyhow::bail!(
                "{} already exists{}; add --force to replace it",
                path.display(),
                if t.is_symlink() {
                    " (a symbolic link: --force replaces the link, not what it points to)"
                } else {
                    ""
                }
            );
        }
    }
    rolefit::store::write_atomic(path, text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    if args.format == ExportFormat::TeamCard {
        note(&format!(
            "wrote a team card of {} to {}: your scores, margins and archetype, none of your answers",
            result.id,
            path.display()
        ));
    } else {
        note(&format!("exported {} to {}", result.id, path.display()));
    }
    Ok(ExitCode::SUCCESS)
}

/// The card a person shares with their team (`export --format team-card`).
fn team_card(g: &Global, result: &ResultFile, args: &ExportArgs) -> anyhow::Result<String> {
    use rolefit::team::card::{Card, MAX_NAME_CHARS};
    if let Some(name) = &args.name
        && name.trim().chars().count() > MAX_NAME_CHARS
    {
        anyhow::bail!("--name is at most {MAX_NAME_CHARS} characters");
    }
    let bank = load_bank(g.bank.as_deref())?;
    let card = Card::of(result, &bank, args.name.as_deref(), !args.no_context);
    card.writable()?;
    Ok(sanitize::json(&card.to_json()).into_owned())
}
