//! `rolefit compare`: two results side by side, as text, Markdown or JSON.

use std::fmt::Write;

use indexmap::IndexMap;
use serde::Serialize;

use crate::assets::Texts;
use crate::bank::Form;
use crate::compare::{ChangedAnswer, Comparison, Delta, GoalMove};
use crate::goals::GoalStatus;
use crate::scoring::Archetype;
use crate::store::ResultFile;

use super::{fmt_score, points, score_with_margin};

/// How many changed answers the text and Markdown show (JSON carries all of them).
pub const SHOWN_ANSWERS: usize = 6;

/// "▶ +12.0" toward engineer, "◀ -8.0" toward developer, with whether it is real.
pub fn delta_text(d: &Delta) -> String {
    match d.delta {
        None => "n/a".into(),
        Some(v) => {
            let arrow = if v > 0.0 {
                "▶"
            } else if v < 0.0 {
                "◀"
            } else {
                "="
            };
            format!("{arrow} {}", fmt_score(Some(v)))
        }
    }
}

pub fn noise_text(d: &Delta) -> &'static str {
    match (d.delta, d.real_change) {
        (None, _) => "",
        (Some(_), Some(true)) => "real change",
        (Some(_), Some(false)) => "within noise",
        (Some(_), None) => "too few answers to tell",
    }
}

/// "Hybrid → Engineer-leaning", or "still Hybrid".
pub fn archetype_change(texts: &Texts, c: &Comparison) -> String {
    let title = |a: Option<Archetype>| {
        a.and_then(|a| texts.archetype(a))
            .map_or_else(|| "not placed".to_owned(), |t| t.title.clone())
    };
    if c.before.form == Form::Goal || c.after.form == Form::Goal {
        return super::goal_form::NOT_COMPARED.to_owned();
    }
    let (b, a) = c.archetype;
    if b == a {
        format!("still {}", title(a))
    } else if c.archetype_changed || b.is_none() || a.is_none() {
        format!("{} → {}", title(b), title(a))
    } else {
        format!(
            "{} → {} (the overall move is not a real change, so this may be noise at a band's edge)",
            title(b),
            title(a)
        )
    }
}

/// "goal #2: 40% → 75% of the way to +50 · on track": the status is the goal's, judged on the
/// "after" result by the rule Goals uses.
pub fn goal_move_text(g: &GoalMove) -> String {
    let status = match g.status {
        GoalStatus::TooFewAnswers => format!(
            "too few answers: {} on its scale in the after result, {} needed to tell",
            g.after_answered,
            crate::scoring::MIN_ANSWERS_FOR_MARGIN
        ),
        GoalStatus::NoResultSince => "set after the after result was taken".to_owned(),
        s => s.label().to_owned(),
    };
    format!(
        "goal #{}{}: {} → {} of the way to {} · {status}",
        g.id,
        g.lens
            .map(|l| format!(" ({})", l.as_str()))
            .unwrap_or_default(),
        super::pct(g.before_pct),
        super::pct(g.after_pct),
        points(Some(g.target))
    )
}

fn side_line(r: &ResultFile) -> String {
    format!(
        "{} · {} form{} · overall {} · id {}",
        r.taken_at.strftime("%Y-%m-%d %H:%M UTC"),
        r.form.as_str(),
        super::label_suffix(&r.label),
        match r.form {
            Form::Goal => super::goal_form::NO_OVERALL.to_owned(),
            _ => score_with_margin(r.scores.overall, r.scores.margin, r.scores.answered),
        },
        crate::sanitize::line(&r.id)
    )
}

/// A bar with both results on it: ◇ before, ● after, │ the centre.
pub fn two_marker_bar(before: Option<f64>, after: Option<f64>, width: usize) -> String {
    let width = width.max(3) | 1;
    let col =
        |v: f64| (((v.clamp(-100.0, 100.0) + 100.0) / 200.0) * (width - 1) as f64).round() as usize;
    let (b, a) = (before.map(col), after.map(col));
    (0..width)
        .map(|x| {
            if Some(x) == a {
                '●'
            } else if Some(x) == b {
                '◇'
            } else if x == width / 2 {
                '│'
            } else {
                '·'
            }
        })
        .collect()
}

fn answer_line(c: &ChangedAnswer) -> String {
    let toward = match c.shift {
        Some(s) if s > 0.0 => " (toward engineer)",
        Some(s) if s < 0.0 => " (toward developer)",
        _ => "",
    };
    format!(
        "“{}”: {} → {}{toward}",
        c.text.as_deref().unwrap_or(&c.id),
        c.before,
        c.after
    )
}

/// Said at the top: a quick result against a full one cannot show small moves.
pub fn forms_note(c: &Comparison) -> Option<String> {
    if c.before.form == Form::Goal || c.after.form == Form::Goal {
        return Some(super::goal_form::compare_note(
            c.before.form.as_str(),
            c.after.form.as_str(),
        ));
    }
    c.forms_differ.then(|| {
        format!(
            "Note: a {} form against a {} form. The shorter form has fewer answers per score, so its margins are wider and fewer moves can be told from noise.",
            c.before.form.as_str(),
            c.after.form.as_str()
        )
    })
}

/// Said at the top when what the person said about themselves changed between the two:
/// "About you changed: role: senior → tech lead."
pub fn context_note(c: &Comparison) -> Option<String> {
    let changes = super::context_changes(c.before.context.as_ref(), c.after.context.as_ref());
    (!changes.is_empty()).then(|| format!("About you changed: {}.", changes.join("; ")))
}

pub fn shared_note(c: &Comparison) -> Option<String> {
    let mut parts = Vec::new();
    if c.on_shared {
        parts.push(format!(
            "Taken on different versions of the question bank ({} and {}): every score here is recomputed from the {} questions both asked, so it can differ from each result's own score.",
            c.before.bank.version, c.after.bank.version, c.shared_questions
        ));
    } else if !c.same_bank {
        parts.push(format!(
            "Taken on different question banks (“{}” {} and “{}” {}): each result's own score is compared, so part of any change may come from the questions asked.",
            c.before.bank.name, c.before.bank.version, c.after.bank.name, c.after.bank.version
        ));
    }
    if !c.not_shared.is_empty() {
        parts.push(format!(
            "{} question{} asked in only one of the two: {}.",
            c.not_shared.len(),
            if c.not_shared.len() == 1 {
                " was"
            } else {
                "s were"
            },
            c.not_shared.join(", ")
        ));
    }
    if !c.unshared_dimensions.is_empty() {
        parts.push(format!(
            "Dimensions scored in only one: {}.",
            c.unshared_dimensions.join(", ")
        ));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

pub fn compare_text(c: &Comparison, texts: &Texts) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Before: {}", side_line(&c.before));
    let _ = writeln!(out, "After:  {}", side_line(&c.after));
    for note in forms_note(c).into_iter().chain(context_note(c)) {
        let _ = writeln!(out, "{note}");
    }
    let _ = writeln!(
        out,
        "\nOverall {} → {}   {}   {}",
        fmt_score(c.overall.before),
        fmt_score(c.overall.after),
        delta_text(&c.overall),
        noise_text(&c.overall)
    );
    let _ = writeln!(
        out,
        "Developer {} Engineer   (◇ before, ● after)",
        two_marker_bar(c.overall.before, c.overall.after, 41)
    );
    let _ = writeln!(out, "Archetype: {}", archetype_change(texts, c));
    let _ = writeln!(
        out,
        "
{:<30} {:>7} {:>7}  change",
        "Dimension", "before", "after"
    );
    let row = |out: &mut String, name: &str, d: &Delta| {
        let _ = writeln!(
            out,
            "{name:<30} {:>7} {:>7}  {:<9} {}",
            fmt_score(d.before),
            fmt_score(d.after),
            delta_text(d),
            noise_text(d)
        );
    };
    row(&mut out, "What you enjoy (all)", &c.preference);
    row(&mut out, "What you do today (all)", &c.practice);
    for d in &c.dimensions {
        row(&mut out, &d.title, &d.combined);
        row(&mut out, "  what you enjoy", &d.preference);
        row(&mut out, "  what you do today", &d.practice);
        for g in &d.goals {
            let _ = writeln!(out, "  ★ {}", goal_move_text(g));
        }
    }
    if !c.changed_answers.is_empty() {
        let _ = writeln!(out, "\nAnswers that changed most");
        for a in c.changed_answers.iter().take(SHOWN_ANSWERS) {
            let _ = writeln!(out, "  - {}", answer_line(a));
        }
    }
    if let Some(note) = shared_note(c) {
        let _ = writeln!(out, "\n{note}");
    }
    let _ = writeln!(
        out,
        "\nA change counts as real only when it is larger than both results' margins combined (sqrt(m1² + m2²)); with fewer than 3 answers a score has no margin, and there is too little to tell."
    );
    out
}

pub fn compare_markdown(c: &Comparison, texts: &Texts) -> String {
    let mut out = String::from("# rolefit: before and after\n\n");
    let _ = writeln!(
        out,
        "- **Before:** {}",
        super::md_text(&side_line(&c.before))
    );
    let _ = writeln!(out, "- **After:** {}", super::md_text(&side_line(&c.after)));
    for note in forms_note(c).into_iter().chain(context_note(c)) {
        let _ = writeln!(out, "- {}", super::md_text(&note));
    }
    let _ = writeln!(
        out,
        "- **Archetype:** {}\n",
        super::md_text(&archetype_change(texts, c))
    );
    let _ = writeln!(
        out,
        "| | before | after | change | |\n|---|---:|---:|---:|---|"
    );
    let row = |out: &mut String, name: String, d: &Delta| {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            name,
            fmt_score(d.before),
            fmt_score(d.after),
            delta_text(d),
            noise_text(d)
        );
    };
    row(&mut out, "**Overall**".into(), &c.overall);
    row(&mut out, "What you enjoy".into(), &c.preference);
    row(&mut out, "What you do today".into(), &c.practice);
    for d in &c.dimensions {
        let goals: Vec<String> = d.goals.iter().map(goal_move_text).collect();
        let name = if goals.is_empty() {
            d.title.clone()
        } else {
            format!("{} (★ {})", d.title, goals.join("; "))
        };
        row(&mut out, super::md_cell(&name), &d.combined);
    }
    if !c.changed_answers.is_empty() {
        let _ = writeln!(out, "\n## Answers that changed most\n");
        for a in c.changed_answers.iter().take(SHOWN_ANSWERS) {
            let _ = writeln!(out, "- {}", super::md_text(&answer_line(a)));
        }
    }
    if let Some(note) = shared_note(c) {
        let _ = writeln!(out, "\n{}", super::md_text(&note));
    }
    super::markdown_safe(&out)
}

#[derive(Serialize)]
struct Side<'a> {
    id: &'a str,
    taken_at: jiff::Timestamp,
    label: &'a str,
    form: crate::bank::Form,
    overall: Option<f64>,
    margin: Option<f64>,
    archetype: Option<Archetype>,
    bank_version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    context: Option<crate::context::Context>,
}

impl<'a> Side<'a> {
    fn of(r: &'a ResultFile) -> Side<'a> {
        Side {
            id: &r.id,
            taken_at: r.taken_at,
            label: &r.label,
            form: r.form,
            overall: r.scores.overall,
            margin: r.scores.margin,
            archetype: r.scores.archetype,
            bank_version: &r.bank.version,
            context: r.context,
        }
    }
}

#[derive(Serialize)]
struct DimJson<'a> {
    title: &'a str,
    #[serde(flatten)]
    combined: Delta,
    preference: Delta,
    practice: Delta,
    goals: &'a [GoalMove],
}

#[derive(Serialize)]
struct CompareJson<'a> {
    before: Side<'a>,
    after: Side<'a>,
    overall_delta: Option<f64>,
    overall_real_change: Option<bool>,
    preference: Delta,
    practice: Delta,
    archetype_changed: bool,
    forms_differ: bool,
    /// What changed in what the person said about themselves: "role: senior → tech lead".
    context_changes: Vec<String>,
    dimensions: IndexMap<&'a str, DimJson<'a>>,
    unshared_dimensions: &'a [String],
    changed_answers: &'a [ChangedAnswer],
    shared_questions: usize,
    not_shared: &'a [String],
    same_bank: bool,
}

pub fn compare_json(c: &Comparison) -> String {
    let json = CompareJson {
        before: Side::of(&c.before),
        after: Side::of(&c.after),
        overall_delta: c.overall.delta,
        overall_real_change: c.overall.real_change,
        preference: c.preference,
        practice: c.practice,
        archetype_changed: c.archetype_changed,
        forms_differ: c.forms_differ,
        context_changes: super::context_changes(
            c.before.context.as_ref(),
            c.after.context.as_ref(),
        ),
        dimensions: c
            .dimensions
            .iter()
            .map(|d| {
                (
                    d.id.as_str(),
                    DimJson {
                        title: &d.title,
                        combined: d.combined,
                        preference: d.preference,
                        practice: d.practice,
                        goals: &d.goals,
                    },
                )
            })
            .collect(),
        unshared_dimensions: &c.unshared_dimensions,
        changed_answers: &c.changed_answers,
        shared_questions: c.shared_questions,
        not_shared: &c.not_shared,
        same_bank: c.same_bank,
    };
    serde_json::to_string_pretty(&json).unwrap_or_default()
}
