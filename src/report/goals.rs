//! `rolefit goals list`: goals with baseline -> latest -> target, progress and status.

use std::fmt::Write;

use crate::goals::{GoalProgress, goal_title};

use super::fmt_score;
use crate::sanitize::line;

/// "+12" or "n/a": goals are set in whole points.
pub fn points(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".into(), |v| crate::number::signed(v, 0))
}

/// "40%" of the way, at most four characters: "<0%" when the score moved away from the target,
/// "100%" at or past it, "-" without a score. JSON carries the exact figure.
pub fn pct(v: Option<f64>) -> String {
    match v {
        None => "-".into(),
        Some(p) if p < 0.0 => "<0%".into(),
        Some(p) if p >= 100.0 => "100%".into(),
        // Below 100, so "99.6" must not round up to a "100%" the goal has not reached.
        Some(p) => format!("{:.0}%", p.min(99.0)),
    }
}

pub fn goals_text(goals: &[GoalProgress]) -> String {
    if goals.is_empty() {
        return "No learning goals yet. Add one with `rolefit goals add --dimension ID --target N`, or press g on a result's dashboard.\n".into();
    }
    let mut out = String::new();
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
        let due = g.due.map(|d| format!("due {d} · ")).unwrap_or_default();
        let _ = writeln!(out, "   {due}from result {}", line(&g.baseline));
        if !g.note.is_empty() {
            let _ = writeln!(out, "   {}", line(&g.note));
        }
    }
    out
}

pub fn goals_json(goals: &[GoalProgress]) -> String {
    serde_json::to_string_pretty(goals).unwrap_or_default()
}
