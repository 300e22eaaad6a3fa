//! The commands over saved data: history, compare and goals.

use std::process::ExitCode;

use anyhow::Context;

use rolefit::bank::Lens;
use rolefit::cli::{
    CompareArgs, Format, Global, GoalAddArgs, GoalsArgs, GoalsCommand, HistoryArgs, LensArg,
    ShowFormat, TimelineFormat,
};
use rolefit::goals::{goal_margin, goal_score, load_progress, load_timeline};
use rolefit::store::Goal;
use rolefit::tui::{self, Start};

use crate::clock::{now, today};
use crate::{emit, emit_json, find_result, interactive, load_bank, note, open_store, read_store};

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
            usize::from(rolefit::plain::Width::of_stdout().columns()),
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
    if args.format.is_none() && !args.questions && tty() {
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
    let readable = rolefit::goals::readable_goals(&store);
    let not_shown = readable
        .left_out
        .as_ref()
        .map(|l| format!("Goals not shown: {}", rolefit::report::left_out_text(l)));
    let mut goals = readable.goals;
    rolefit::goals::with_baseline_margins(&store, &bank, &mut goals);
    let c = rolefit::compare::compare(&bank, &before, &after, &goals, today()?);
    let texts = rolefit::assets::Texts::load();
    let format = args.format.unwrap_or(ShowFormat::Text);
    match format {
        ShowFormat::Text | ShowFormat::Md => {
            let mut out = if format == ShowFormat::Text {
                rolefit::report::compare_text(&c, &texts, args.questions)
            } else {
                rolefit::report::compare_markdown(&c, &texts, args.questions)
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
        Some(GoalsCommand::Show { id, format }) => {
            return show(g, &read_store(g)?, *id, *format);
        }
        Some(_) => open_store(g)?,
    };
    match &args.command {
        None | Some(GoalsCommand::List { .. } | GoalsCommand::Show { .. }) => Ok(ExitCode::SUCCESS),
        Some(GoalsCommand::Add(add)) => add_goal(g, &store, add),
        Some(GoalsCommand::Done { id }) => {
            let at = now()?;
            change(&store, *id, "marked done", |file| {
                file.goal_mut(*id)?.done_at = Some(at);
                Ok(())
            })
        }
        Some(GoalsCommand::Remove { id }) => {
            change(&store, *id, "removed", |file| file.remove_goal(*id))
        }
    }
}

/// `goals show ID`: the goal's timeline.
fn show(
    g: &Global,
    store: &rolefit::store::Store,
    id: u32,
    format: TimelineFormat,
) -> anyhow::Result<ExitCode> {
    let bank = load_bank(g.bank.as_deref())?;
    let Some(t) = load_timeline(store, &bank, id, today()?)? else {
        anyhow::bail!("no goal #{id}; `rolefit goals list` shows them");
    };
    match format {
        TimelineFormat::Text => emit(&rolefit::report::timeline_text(&t))?,
        TimelineFormat::Json => emit_json(&rolefit::report::timeline_json(&t))?,
        TimelineFormat::Md => emit(&rolefit::report::timeline_markdown(&t))?,
        TimelineFormat::Html => emit(&rolefit::report::timeline_html(&t))?,
    }
    Ok(ExitCode::SUCCESS)
}

fn list(g: &Global, store: &rolefit::store::Store, format: Format) -> anyhow::Result<ExitCode> {
    let bank = load_bank(g.bank.as_deref())?;
    let progress = load_progress(store, &bank, today()?)?;
    match format {
        Format::Text => emit(&rolefit::report::goals_text(
            &progress.goals,
            &progress.unreadable,
        ))?,
        Format::Json => {
            // JSON stays one document of the goals that can be read; the others go to stderr.
            for b in &progress.unreadable {
                note(&format!("rolefit: {}", rolefit::report::unreadable_text(b)));
            }
            emit_json(&rolefit::report::goals_json(&progress.goals))?;
        }
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
    let today = today()?;
    if let Some(due) = args.due.filter(|d| *d < today) {
        anyhow::bail!(
            "--due {due} is already past: give today ({today}) or a later date, as YYYY-MM-DD"
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
    let baseline = match newer_than(store, &baseline)? {
        Some(newer) => {
            let ask = format!(
                "a newer result exists, from {} ({}): start from it?",
                newer.taken_at.strftime("%Y-%m-%d %H:%M"),
                newer.id
            );
            if tty() && crate::output::confirm(&ask)? {
                newer.rescored(&bank)
            } else {
                note(&format!(
                    "rolefit: {ask} (not on a terminal, or answered no: starting from {}; pass --baseline latest to start from the newest)",
                    baseline.id
                ));
                baseline
            }
        }
        None => baseline,
    };
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
    if !(-100.0..=100.0).contains(&score) {
        anyhow::bail!(
            "result {} has {score} on {}, outside the scale of -100 to 100, so it cannot be a goal's start; it may come from another bank",
            baseline.id,
            args.dimension
        );
    }
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
        baseline_margin: goal_margin(&baseline.scores, &args.dimension, lens),
        note: args.note.trim().to_owned(),
        due: args.due,
        created_at: now()?,
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

/// The newest readable result, if it is newer than `result`.
fn newer_than(
    store: &rolefit::store::Store,
    result: &rolefit::store::ResultFile,
) -> anyhow::Result<Option<rolefit::store::ResultFile>> {
    Ok(store
        .readable_results()?
        .next()
        .filter(|r| r.id != result.id && r.taken_at > result.taken_at))
}

/// Changes goal `id` with `edit` (`None`: there is no such goal), under the goals lock.
fn change(
    store: &rolefit::store::Store,
    id: u32,
    what: &str,
    edit: impl FnOnce(&mut rolefit::store::GoalsFile) -> Result<(), rolefit::store::StoreError>,
) -> anyhow::Result<ExitCode> {
    store.update_goals(edit)?;
    note(&format!("goal #{id} {what}"));
    Ok(ExitCode::SUCCESS)
}
