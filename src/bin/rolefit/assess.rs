//! Answers without the full-screen interface: the assessment line by line (`take --plain`) and
//! scoring an answers file (`score`).

use std::process::ExitCode;

use rolefit::bank::{Focus, Form};
use rolefit::cli::{Format, Global, ScoreArgs, TakeArgs};
use rolefit::plain::Plain;
use rolefit::sanitize;
use rolefit::session::Session;

use crate::{emit, emit_json, load_bank, note, open_store};

/// The form `take` asks for (clap already refuses --quick with --adaptive or --goal).
pub(crate) fn take_form(args: &TakeArgs) -> Form {
    match (args.quick, args.adaptive, args.goal) {
        (_, _, Some(_)) => Form::Goal,
        (true, _, _) => Form::Quick,
        (_, true, _) => Form::Adaptive,
        _ => Form::Full,
    }
}

/// The scale `take --goal ID` asks: goal `id`'s, checked before any question is asked, so a
/// wrong id is one clear line (exit 2) and not an empty form.
pub(crate) fn goal_focus(g: &Global, id: u32) -> anyhow::Result<Focus> {
    let store = crate::read_store(g)?;
    let goals = store.load_goals()?;
    let goal = goals.goals.iter().find(|x| x.id == id);
    let Some(goal) = goal else {
        let unreadable = goals.unreadable.iter().find(|b| b.id == Some(id));
        match unreadable {
            Some(b) => anyhow::bail!("{b}; fix or remove it in {}", store.goals_path().display()),
            None => anyhow::bail!("no learning goal #{id}: `rolefit goals list` shows their ids"),
        }
    };
    let bank = load_bank(g.bank.as_deref())?;
    let focus = goal.focus();
    if focus.questions(&bank).next().is_none() {
        anyhow::bail!(
            "goal #{id} is on {}, which bank \"{}\" asks nothing about",
            focus.title(&bank),
            sanitize::line(&bank.name)
        );
    }
    Ok(focus)
}

pub(crate) fn take_plain(g: &Global, args: &TakeArgs) -> anyhow::Result<ExitCode> {
    let bank = load_bank(g.bank.as_deref())?;
    let store = open_store(g)?;
    let _lock = store.lock_instance()?;
    let texts = rolefit::assets::Texts::load();
    let form = take_form(args);
    let focus = args.goal.map(|id| goal_focus(g, id)).transpose()?;
    let stdin = std::io::stdin();
    let mut plain = Plain {
        bank: &bank,
        store: &store,
        texts: &texts,
        input: stdin.lock(),
        output: sanitize::Writer::new(std::io::stdout()),
        width: rolefit::plain::Width::of_stdout(),
    };
    let mut session = None;
    match store.load_in_progress() {
        Ok(Some(saved)) => {
            let ask = format!(
                "Resume your unfinished assessment ({})?",
                saved.assessment.answered_text()
            );
            // "n" starts over, so on a terminal it is asked once more; either way the answers
            // so far are kept in a copy, never overwritten.
            let resume = plain.confirm(&ask, true)?
                || (std::io::IsTerminal::is_terminal(&std::io::stdin())
                    && !plain.confirm(
                        "Start a new assessment instead? Your answers so far are kept in a copy.",
                        false,
                    )?);
            if !resume {
                let path = store.keep_started_over_copy(&saved, crate::clock::now()?)?;
                emit(&format!(
                    "Starting a new assessment. Your unfinished answers ({}) are kept in {}.\n",
                    saved.assessment.answered_text(),
                    path.display()
                ))?;
            } else {
                let resumed = Session::resume(saved.clone(), &bank).map_err(|e| {
                    anyhow::anyhow!(
                        "cannot resume the unfinished assessment in {}: {e}; run `rolefit take \
                         --plain` again and answer n to start afresh (its answers are kept in a \
                         copy), or correct the file by hand",
                        store.in_progress_path().display()
                    )
                })?;
                if let Some(note) = &resumed.changed {
                    let path = store.keep_in_progress_copy(&saved, crate::clock::now()?)?;
                    emit(&format!(
                        "{note} Your answers as they were are kept in {}.\n",
                        path.display()
                    ))?;
                }
                session = Some(resumed);
            }
        }
        Ok(None) => {}
        Err(e) => {
            let moved = store.set_aside_in_progress(crate::clock::now()?)?;
            note(&format!(
                "rolefit: {e}\nrolefit: it was kept as {} and a new assessment starts",
                moved.display()
            ));
        }
    }
    let before = store.load_context().unwrap_or_else(|e| {
        note(&format!(
            "rolefit: what you said about yourself last time is not used: {e}"
        ));
        None
    });
    let session = match session {
        Some(mut s) => {
            s.context = before;
            s
        }
        None => {
            plain.intro()?;
            let context = plain.about(before)?;
            let now = crate::clock::now()?;
            match store.save_context(&context, now) {
                Ok(Some(kept)) => note(&format!(
                    "rolefit: {}",
                    rolefit::report::context_kept_aside(&kept)
                )),
                Ok(None) => {}
                Err(e) => note(&format!(
                    "rolefit: {e}; your answer is used for this result but not kept for next time"
                )),
            }
            let mut s = match (args.goal, focus) {
                (Some(id), Some(focus)) => {
                    emit(&format!(
                        "Just the questions on goal #{id}'s scale, {}: the result covers that scale only, and places you nowhere overall.\n",
                        focus.title(&bank)
                    ))?;
                    Session::start_goal(&bank, focus, args.seed, args.label.clone(), now)?
                }
                _ => Session::start(&bank, form, args.seed, args.label.clone(), now)?,
            };
            s.context = Some(context);
            s
        }
    };
    let fixed = crate::clock::fixed()?;
    plain.run(
        session,
        move || fixed.unwrap_or_else(jiff::Timestamp::now),
        &mut fastrand::Rng::new(),
    )?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn score(g: &Global, args: &ScoreArgs) -> anyhow::Result<ExitCode> {
    let current = load_bank(g.bank.as_deref())?;
    let (answers, bank, context) = rolefit::answers::load_answers_file(&args.answers, &current)?;
    if args.adaptive {
        let replay = rolefit::adaptive::replay(bank, &answers, args.seed)?;
        match args.format {
            Format::Text => emit(&rolefit::report::replay_text(bank, &replay))?,
            Format::Json => emit_json(&rolefit::report::replay_json(&replay))?,
        }
        return Ok(ExitCode::SUCCESS);
    }
    // Printed against the full form (what the skipped count means in an answers file); saved
    // as the form the answers fit, so History says "quick" for a quick form's answers.
    let scores = rolefit::scoring::score_answers(bank, Form::Full, &answers);
    match args.format {
        Format::Text => {
            if let Some(line) = context.as_ref().and_then(rolefit::report::context_line) {
                emit(&format!("About you: {line}\n"))?;
            }
            emit(&rolefit::report::text_report(bank, &scores, &answers))?;
        }
        Format::Json => emit_json(&rolefit::report::json_scores(&scores, context.as_ref()))?,
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
            bank,
            &store,
            rolefit::answers::form_of(bank, &answers),
            order,
            answers,
            args.label.clone(),
            context,
            crate::clock::now()?,
            &mut fastrand::Rng::new(),
        )?;
        note(&format!(
            "saved result {} to {}",
            result.id,
            store.result_path(&result.id).display()
        ));
    }
    Ok(ExitCode::SUCCESS)
}
