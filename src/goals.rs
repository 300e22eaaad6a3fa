//! How learning goals are doing: the score a goal tracks, how far a result has moved toward it,
//! and its status. Pure functions of goals, results and today's date.

use serde::Serialize;

use crate::bank::{Bank, Lens};
use crate::scoring::Scores;
use crate::store::{Goal, ResultFile, Store, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GoalStatus {
    OnTrack,
    /// Progress is below the share of the time to the due date that has passed.
    Behind,
    /// The latest score is further from the target than the starting score was.
    MovingAway,
    Reached,
    Overdue,
    /// Marked done by hand (`rolefit goals done`), reached or not.
    Done,
}

impl GoalStatus {
    pub fn label(self) -> &'static str {
        match self {
            GoalStatus::OnTrack => "on track",
            GoalStatus::Behind => "behind",
            GoalStatus::MovingAway => "moving away",
            GoalStatus::Reached => "reached",
            GoalStatus::Overdue => "overdue",
            GoalStatus::Done => "done",
        }
    }
}

/// The score a goal tracks in a result: the dimension's combined score, or one lens of it.
pub fn goal_score(scores: &Scores, dimension: &str, lens: Option<Lens>) -> Option<f64> {
    let d = scores.dimensions.get(dimension)?;
    match lens {
        None => d.combined,
        Some(Lens::Preference) => d.preference,
        Some(Lens::Practice) => d.practice,
    }
}

/// Whether `score` is at or past the target, coming from the baseline's side.
pub fn reached(goal: &Goal, score: f64) -> bool {
    if goal.target >= goal.baseline_score {
        score >= goal.target
    } else {
        score <= goal.target
    }
}

/// How far `score` has come from the baseline to the target, in percent: 0 at the baseline,
/// 100 at the target, negative when it moved away.
pub fn progress_pct(goal: &Goal, score: f64) -> f64 {
    let span = goal.target - goal.baseline_score;
    if span.abs() < f64::EPSILON {
        return if reached(goal, score) { 100.0 } else { 0.0 };
    }
    (100.0 * (score - goal.baseline_score) / span) + 0.0
}

/// A goal and where it stands against the newest result that scores it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalProgress {
    #[serde(flatten)]
    pub goal: Goal,
    pub dimension_title: String,
    /// The newest result scoring this goal's dimension, and its score.
    pub latest: Option<String>,
    pub latest_score: Option<f64>,
    pub progress_pct: Option<f64>,
    pub status: GoalStatus,
}

/// `results` newest first (as `Store::list_results` gives them).
pub fn evaluate(
    goal: &Goal,
    bank: &Bank,
    results: &[&ResultFile],
    today: jiff::civil::Date,
) -> GoalProgress {
    let latest = results
        .iter()
        .find_map(|r| goal_score(&r.scores, &goal.dimension, goal.lens).map(|s| (r.id.clone(), s)));
    let score = latest.as_ref().map(|(_, s)| *s);
    let status = status(goal, score, today);
    GoalProgress {
        dimension_title: bank
            .dimension(&goal.dimension)
            .map_or_else(|| goal.dimension.clone(), |d| d.title.clone()),
        latest: latest.map(|(id, _)| id),
        latest_score: score,
        progress_pct: score.map(|s| progress_pct(goal, s)),
        status,
        goal: goal.clone(),
    }
}

/// One definition of a goal's status, used by the screen, `goals list` and JSON; the first that
/// applies wins: done (by hand), reached, overdue, moving away, behind, on track.
pub fn status(goal: &Goal, latest: Option<f64>, today: jiff::civil::Date) -> GoalStatus {
    let from_target = |s: f64| (s - goal.target).abs();
    if goal.done_at.is_some() {
        GoalStatus::Done
    } else if latest.is_some_and(|s| reached(goal, s)) {
        GoalStatus::Reached
    } else if goal.due.is_some_and(|d| d < today) {
        GoalStatus::Overdue
    } else if latest.is_some_and(|s| from_target(s) > from_target(goal.baseline_score)) {
        GoalStatus::MovingAway
    } else if let (Some(s), Some(share)) = (latest, time_share(goal, today)) {
        if progress_pct(goal, s) / 100.0 < share {
            GoalStatus::Behind
        } else {
            GoalStatus::OnTrack
        }
    } else {
        GoalStatus::OnTrack
    }
}

/// The share of the time from the goal's creation to its due date that has passed, in [0, 1];
/// `None` without a due date.
fn time_share(goal: &Goal, today: jiff::civil::Date) -> Option<f64> {
    let due = goal.due?;
    let created = goal
        .created_at
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date();
    let days = |from: jiff::civil::Date, to: jiff::civil::Date| {
        from.until((jiff::Unit::Day, to))
            .map_or(0.0, |span| f64::from(span.get_days()))
    };
    let total = days(created, due);
    if total <= 0.0 {
        return Some(1.0);
    }
    Some((days(created, today) / total).clamp(0.0, 1.0))
}

/// The open goals that `result` reaches for the first time: set before it was taken, and not
/// already met by their baseline. These are celebrated on its dashboard.
pub fn newly_reached<'g>(goals: &'g [Goal], result: &ResultFile) -> Vec<&'g Goal> {
    goals
        .iter()
        .filter(|g| g.done_at.is_none() && g.baseline != result.id)
        .filter(|g| g.created_at <= result.taken_at)
        .filter(|g| !reached(g, g.baseline_score))
        .filter(|g| goal_score(&result.scores, &g.dimension, g.lens).is_some_and(|s| reached(g, s)))
        .collect()
}

/// "Scope of responsibility (what you enjoy)" or just the dimension's title.
pub fn goal_title(dimension_title: &str, lens: Option<Lens>) -> String {
    match lens {
        None => dimension_title.to_owned(),
        Some(l) => format!("{dimension_title} ({})", l.title().to_lowercase()),
    }
}

/// Every goal with where it stands. Reads results newest first, and stops as soon as each goal
/// has a score to go by (usually after one file), so this stays quick with years of results.
pub fn load_progress(
    store: &Store,
    bank: &Bank,
    today: jiff::civil::Date,
) -> Result<Vec<GoalProgress>, StoreError> {
    let goals = store.load_goals()?.goals;
    let mut results: Vec<ResultFile> = Vec::new();
    let scored = |results: &[ResultFile], g: &Goal| {
        results
            .iter()
            .any(|r| goal_score(&r.scores, &g.dimension, g.lens).is_some())
    };
    if !goals.is_empty() {
        for r in store.readable_results()? {
            results.push(r.rescored(bank));
            if goals.iter().all(|g| scored(&results, g)) {
                break;
            }
        }
    }
    let newest_first: Vec<&ResultFile> = results.iter().collect();
    Ok(goals
        .iter()
        .map(|g| evaluate(g, bank, &newest_first, today))
        .collect())
}
