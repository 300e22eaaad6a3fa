//! `rolefit goals list`: goals with baseline -> latest -> target, progress and status, each
//! status said in one sentence that every output shares.

use std::fmt::Write;

use crate::goals::LeftOut;
use crate::goals::{GoalProgress, GoalStatus, goal_title};
use crate::scoring::MIN_ANSWERS_FOR_MARGIN;
use crate::store::BadGoal;

use super::fmt_score;
use super::timeline::AskWith;
use crate::sanitize::line;

/// "+12" or "n/a": goals are set in whole points.
pub fn points(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".into(), |v| crate::number::signed(v, 0))
}

/// "40%" of the way, at most four characters: "<0%" when the score moved away from the target,
/// "100%" at or past it, "?" when it is unknown (no result, or too few answers to tell). JSON
/// carries the exact figure.
pub fn pct(v: Option<f64>) -> String {
    match v {
        None => "?".into(),
        Some(p) if p < 0.0 => "<0%".into(),
        Some(p) if p >= 100.0 => "100%".into(),
        // Below 100, so "99.6" must not round up to a "100%" the goal has not reached.
        Some(p) => format!("{:.0}%", p.min(99.0)),
    }
}

fn answers(n: usize) -> String {
    if n == 1 {
        "1 answer".into()
    } else {
        format!("{n} answers")
    }
}

/// Why a goal has the status it has, where the label alone would not say: which result it was
/// judged on and what it lacked. `None` where the label says it all.
pub fn status_why(p: &GoalProgress, ask: AskWith) -> Option<String> {
    let title = goal_title(&p.dimension_title, p.goal.lens);
    match (p.status, &p.latest_reading) {
        (GoalStatus::TooFewAnswers, Some(r)) => Some(format!(
            "Result {} ({} form) has {} on {title}; {MIN_ANSWERS_FOR_MARGIN} are needed to tell a change from noise, so progress is unknown.{}",
            line(&r.result),
            r.form.as_str(),
            answers(r.answered),
            if p.goal_form_helps() {
                format!(
                    " To measure it, answer just its {} questions: {}.",
                    p.scale_questions,
                    ask.how(p.goal.id)
                )
            } else {
                String::new()
            }
        )),
        (GoalStatus::NoResultSince, _) => Some(format!(
            "No result since this goal was set on {}: it starts from {} (result {}).",
            p.goal.created_at.strftime("%Y-%m-%d"),
            fmt_score(Some(p.goal.baseline_score)),
            line(&p.goal.baseline)
        )),
        (GoalStatus::NoClearChange, Some(r)) => {
            let moved = r.score.map_or_else(
                || "n/a".into(),
                |s| fmt_score(Some(s - p.goal.baseline_score)),
            );
            Some(match p.goal.baseline_margin {
                Some(_) => format!(
                    "Result {} moved {title} by {moved}, within the margins of it and the baseline: not yet a change that can be told from noise.",
                    line(&r.result)
                ),
                None => format!(
                    "Result {} moved {title} by {moved}; the baseline has no margin there (too few answers, or its result is gone), so no move can be told from noise.",
                    line(&r.result)
                ),
            })
        }
        _ => None,
    }
}

pub fn goals_text(goals: &[GoalProgress], unreadable: &[BadGoal]) -> String {
    let mut out = String::new();
    if goals.is_empty() && unreadable.is_empty() {
        return "No learning goals yet. Add one with `rolefit goals add --dimension ID --target N`, or press g on a result's dashboard.\n".into();
    }
    for p in goals {
        let g = &p.goal;
        let _ = writeln!(
            out,
            "#{} {}: {} → {} → target {}  ({} of the way, {})",
            g.id,
            goal_title(&p.dimension_title, g.lens),
            fmt_score(Some(g.baseline_score)),
            fmt_score(p.latest_score),
            points(Some(g.target)),
            pct(p.progress_pct),
            p.status.label()
        );
        if let Some(why) = status_why(p, AskWith::Command) {
            let _ = writeln!(out, "   {why}");
        }
        let due = g.due.map(|d| format!("due {d} · ")).unwrap_or_default();
        let _ = writeln!(out, "   {due}from result {}", line(&g.baseline));
        if !g.note.is_empty() {
            let _ = writeln!(out, "   {}", line(&g.note));
        }
    }
    for b in unreadable {
        let _ = writeln!(out, "{}", unreadable_text(b));
    }
    out
}

/// Why goals are missing from what is shown, and what to do about it.
pub fn left_out_text(left_out: &LeftOut) -> String {
    match left_out {
        LeftOut::File(e) => e.to_string(),
        LeftOut::Goals(bad) => bad
            .iter()
            .map(unreadable_text)
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// Said beside a result whose next steps are shown without some goals.
pub fn steps_without(left_out: &LeftOut) -> String {
    format!(
        "Next steps leave out learning goals: {}",
        left_out_text(left_out)
    )
}

/// One goal that cannot be read, and what to do about it.
pub fn unreadable_text(b: &BadGoal) -> String {
    let fix = match b.id {
        Some(id) => format!("fix it in goals.toml, or remove it with `rolefit goals remove {id}`"),
        None => "fix it in goals.toml".into(),
    };
    format!("Cannot read {}: {fix}.", line(&b.to_string()))
}

pub fn goals_json(goals: &[GoalProgress]) -> String {
    serde_json::to_string_pretty(goals).unwrap_or_default()
}
