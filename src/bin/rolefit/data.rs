//! The commands over saved data: history, compare and goals.

use std::process::ExitCode;

use anyhow::Context;

use rolefit::bank::Lens;
use rolefit::cli::{
    CompareArgs, Format, Global, GoalAddArgs, GoalsArgs, GoalsCommand, HistoryArgs, LensArg,
    ShowFormat,
};
use rolefit::goals::{goal_score, load_progress};
use rolefit::store::Goal;
use rolefit::tui::{self, Start};

use crate::{emit, emit_json, find_result, interactive, load_bank, note, open_store, read_store};

/// Today, for due dates: the local calendar date.
fn today() -> jiff::civil::Date {
    jiff::ZonedDateTime::now().date()
}

fn tty() -> bool {
    tui::term::check_terminal().is_ok()
}

pub fn history(g: &Global, args: &HistoryArgs) -> anyhow::Result<ExitCode> {
    if args.format.is_none() && tty() {
        return interactive(g, Start::History, String::new(), None);
    }
    let store = read_store(g)?;
    let bank = load_bank(g.bank.as_deref())?;
    let entries = rolefit::history::load(&store, &bank)?;
    match args.format.unwrap_or(Format::Text) {
        Format::Text => emit(&rolefit::report::history_text(
            &entries,
            &rolefit::assets::Texts::load(),
        ))?,
        Format::Json => {
            for e in &entries {
                match &e.row {
                    Err(reason) => note(&format!(
                        "rolefit: left out unreadable {}: {reason}",
                        e.file
                    )),
                    Ok(r) => {
                        if let Some(stated) = &r.stated_id {
                            note(&format!(
                                "rolefit: note: {}",
                                rolefit::store::id_note(&e.id, stated)
                            ));
                        }
                    }
                }
            }
            emit_json(&rolefit::report::history_json(&entries))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn compare(g: &Global, args: &CompareArgs) -> anyhow::Result<ExitCode> {
    let store = read_store(g)?;
    let before = find_result(&store, &args.before)
        .with_context(|| format!("cannot open the “before” result `{}`", args.before))?;
    let after = find_result(&store, &args.after)
        .with_context(|| format!("cannot open the “after” result `{}`", args.after))?;
    if before.id == after.id {
        anyhow::bail!(
            "`{}` and `{}` are the same result ({}); compare two different ones",
            args.before,
            args.after,
            before.id
        );
    }
    if args.format.is_none() && tty() {
        // The screen puts the older one first, and says so if that swaps them.
        return interactive(
            g,
            Start::Compare(Box::new(before), Box::new(after)),
            String::new(),
            None,
        );
    }
    // The earlier one is always "before"; named the other way round, that is said.
    let (before, after) = if before.taken_at <= after.taken_at {
        (before, after)
    } else {
        note(&format!(
            "rolefit: `{}` is newer than `{}`, so it is compared as “after” (the order was swapped)",
            args.before, args.after
        ));
        (after, before)
    };
    let bank = load_bank(g.bank.as_deref())?;
    // A broken goals.toml costs the comparison its goals, not the comparison.
    let (goals, not_shown) = match store.load_goals() {
        Ok(file) => (file.goals, None),
        Err(e) => (Vec::new(), Some(format!("Goals not shown: {e}"))),
    };
    let c = rolefit::compare::compare(&bank, &before, &after, &goals);
    let texts = rolefit::assets::Texts::load();
    let format = args.format.unwrap_or(ShowFormat::Text);
    match format {
        ShowFormat::Text | ShowFormat::Md => {
            let mut out = if format == ShowFormat::Text {
                rolefit::report::compare_text(&c, &texts)
            } else {
                rolefit::report::compare_markdown(&c, &texts)
            };
            if let Some(n) = &not_shown {
                out.push_str(&format!("\n{n}\n"));
            }
            emit(&out)?;
        }
        ShowFormat::Json => {
            // JSON stays one document; the note goes where errors go.
            if let Some(n) = &not_shown {
                note(&format!("rolefit: {n}"));
            }
            emit_json(&rolefit::report::compare_json(&c))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn goals(g: &Global, args: &GoalsArgs) -> anyhow::Result<ExitCode> {
    // Listing only reads, so it never creates the data folder; changing goals does.
    let store = match &args.command {
        None if tty() => return interactive(g, Start::Goals, String::new(), None),
        None => return list(g, &read_store(g)?, Format::Text),
        Some(GoalsCommand::List { format }) => return list(g, &read_store(g)?, *format),
        Some(_) => open_store(g)?,
    };
    match &args.command {
        None | Some(GoalsCommand::List { .. }) => Ok(ExitCode::SUCCESS),
        Some(GoalsCommand::Add(add)) => add_goal(g, &store, add),
        Some(GoalsCommand::Done { id }) => change(&store, *id, "marked done", |goals, i| {
            goals[i].done_at = Some(jiff::Timestamp::now());
        }),
        Some(GoalsCommand::Remove { id }) => change(&store, *id, "removed", |goals, i| {
            goals.remove(i);
        }),
    }
}

fn list(g: &Global, store: &rolefit::store::Store, format: Format) -> anyhow::Result<ExitCode> {
    let bank = load_bank(g.bank.as_deref())?;
    let progress = load_progress(store, &bank, today())?;
    match format {
        Format::Text => emit(&rolefit::report::goals_text(&progress))?,
        Format::Json => emit_json(&rolefit::report::goals_json(&progress))?,
    }
    Ok(ExitCode::SUCCESS)
}

fn add_goal(
    g: &Global,
    store: &rolefit::store::Store,
    args: &GoalAddArgs,
) -> anyhow::Result<ExitCode> {
    rolefit::store::limits::check_note(args.note.trim()).context("--note")?;
    let bank = load_bank(g.bank.as_deref())?;
    if bank.dimension(&args.dimension).is_none() {
        let ids: Vec<&str> = bank.dimensions.iter().map(|d| d.id.as_str()).collect();
        anyhow::bail!(
            "no dimension `{}`; the question bank has: {}",
            args.dimension,
            ids.join(", ")
        );
    }
    if let Some(due) = args.due.filter(|d| *d < today()) {
        anyhow::bail!(
            "--due {due} is already past: give today ({}) or a later date, as YYYY-MM-DD",
            today()
        );
    }
    if !(-100.0..=100.0).contains(&args.target) {
        anyhow::bail!(
            "--target {} is outside the scale: use -100 (developer) to +100 (engineer)",
            args.target
        );
    }
    let baseline = find_result(store, &args.baseline)
        .with_context(|| {
            format!(
                "a goal starts from a result, and `{}` cannot be opened",
                args.baseline
            )
        })?
        .rescored(&bank);
    let lens = args.lens.map(|l| match l {
        LensArg::Preference => Lens::Preference,
        LensArg::Practice => Lens::Practice,
    });
    let Some(score) = goal_score(&baseline.scores, &args.dimension, lens) else {
        anyhow::bail!(
            "result {} has no score for {} (too few answers); pick another dimension or lens",
            baseline.id,
            args.dimension
        );
    };
    if (score - args.target).abs() < 0.5 {
        anyhow::bail!(
            "result {} is already at {} on {}: set a target that differs",
            baseline.id,
            rolefit::number::signed(score, 0),
            args.dimension
        );
    }
    let goal = Goal {
        id: 0,
        dimension: args.dimension.clone(),
        lens,
        target: args.target,
        baseline: baseline.id.clone(),
        baseline_score: score,
        note: args.note.trim().to_owned(),
        due: args.due,
        created_at: jiff::Timestamp::now(),
        done_at: None,
    };
    let id = store.update_goals(|file| file.add(goal))?;
    note(&format!(
        "added goal #{id}: {} from {} to {} (baseline {})",
        args.dimension,
        rolefit::number::signed(score, 0),
        rolefit::number::signed(args.target, 0),
        baseline.id
    ));
    Ok(ExitCode::SUCCESS)
}

fn change(
    store: &rolefit::store::Store,
    id: u32,
    what: &str,
    edit: impl FnOnce(&mut Vec<Goal>, usize),
) -> anyhow::Result<ExitCode> {
    store.update_goals(|file| {
        let i = file
            .goals
            .iter()
            .position(|g| g.id == id)
            .with_context(|| format!("no goal #{id}; `rolefit goals list` shows them"))?;
        edit(&mut file.goals, i);
        Ok::<(), anyhow::Error>(())
    })?;
    note(&format!("goal #{id} {what}"));
    Ok(ExitCode::SUCCESS)
}
