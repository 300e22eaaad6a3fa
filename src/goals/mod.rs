//! How learning goals are doing: the score a goal tracks, how far a result has moved toward it,
//! and its status. Pure functions of goals, results and today's date.
//!
//! One rule judges a goal everywhere (Goals, `goals list`, JSON, Compare, the dashboard): the
//! newest result taken after the goal was set is the evidence, and only where the goal's scale
//! has a margin (`MIN_ANSWERS_FOR_MARGIN` answers or more) does it count. A move away from the
//! target is real only beyond both margins combined, as Compare tells a real change from noise.

use serde::Serialize;

use crate::bank::{Bank, Form, Lens};
use crate::scoring::Scores;
use crate::store::{Goal, ResultFile};

mod load;
mod timeline;
pub use crate::bank::scale_title as goal_title;
pub use load::{
    LeftOut, Readable, load_progress, load_timeline, readable_goals, with_baseline_margins,
};
pub use timeline::{Timeline, TimelinePoint, scale_questions, timeline};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GoalStatus {
    OnTrack,
    /// Progress is below the share of the time to the due date that has passed.
    Behind,
    /// The latest score moved away from the target by more than the margins combined.
    MovingAway,
    /// It moved, but not beyond the margins combined: it cannot be told from noise yet.
    NoClearChange,
    Reached,
    Overdue,
    /// Marked done by hand (`rolefit goals done`), reached or not.
    Done,
    /// The newest result since the goal was set has fewer than three answers on its scale.
    TooFewAnswers,
    /// No result was taken after the goal was set.
    NoResultSince,
}

impl GoalStatus {
    pub fn label(self) -> &'static str {
        match self {
            GoalStatus::OnTrack => "on track",
            GoalStatus::Behind => "behind",
            GoalStatus::MovingAway => "moving away",
            GoalStatus::NoClearChange => "no clear change yet",
            GoalStatus::Reached => "reached",
            GoalStatus::Overdue => "overdue",
            GoalStatus::Done => "done",
            GoalStatus::TooFewAnswers => "too few answers",
            GoalStatus::NoResultSince => "no result since this goal was set",
        }
    }

    /// The status rests on a score with a margin and a move beyond the noise, so a percentage
    /// of the way means something (a move within the margins could be 0% or 100% alike).
    pub fn has_evidence(self) -> bool {
        !matches!(
            self,
            GoalStatus::TooFewAnswers | GoalStatus::NoResultSince | GoalStatus::NoClearChange
        )
    }
}

impl GoalProgress {
    /// Its goal form gives the goal's scale a margin: the form is worth offering.
    pub fn goal_form_helps(&self) -> bool {
        self.scale_questions >= crate::scoring::MIN_ANSWERS_FOR_MARGIN
    }
}

/// The score a goal tracks in a result: the dimension's combined score, or one lens of it.
pub fn goal_score(scores: &Scores, dimension: &str, lens: Option<Lens>) -> Option<f64> {
    scores.dimensions.get(dimension)?.scale(lens).0
}

/// The margin of that score; `None` below three answers.
pub fn goal_margin(scores: &Scores, dimension: &str, lens: Option<Lens>) -> Option<f64> {
    scores.dimensions.get(dimension)?.scale(lens).1
}

/// Whether `score` is at or past the target, coming from the baseline's side.
pub fn reached(goal: &Goal, score: f64) -> bool {
    if goal.target >= goal.baseline_score {
        score >= goal.target
    } else {
        score <= goal.target
    }
}

/// Reached by the one rule: a score with a margin, at or past the target, by a move beyond the
/// margins combined (`moved`). Goals' status and the next steps (which drop a reached goal) use it.
pub fn reached_clearly(goal: &Goal, score: Option<f64>, margin: Option<f64>) -> bool {
    let Some((score, _)) = crate::scoring::evidence(score, margin) else {
        return false;
    };
    let d = crate::compare::delta(
        Some(goal.baseline_score),
        Some(score),
        goal.baseline_margin,
        margin,
    );
    reached(goal, score) && d.real_change == Some(true)
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

/// A goal's scale in one result: what a timeline point and a verdict are made of.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    pub result: String,
    pub taken_at: jiff::Timestamp,
    pub form: Form,
    pub score: Option<f64>,
    pub margin: Option<f64>,
    /// Answers on the goal's scale (its dimension, or its dimension and lens).
    pub answered: usize,
}

impl Reading {
    /// The score, only where it has a margin: the evidence a verdict may rest on.
    pub fn evidence(&self) -> Option<(f64, f64)> {
        crate::scoring::evidence(self.score, self.margin)
    }
}

/// `result` (rescored with the current model) read on `goal`'s scale.
pub fn reading(bank: &Bank, goal: &Goal, result: &ResultFile) -> Reading {
    let s = &result.scores;
    let answered = match goal.lens {
        None => s.dimensions.get(&goal.dimension).map_or(0, |d| d.answered),
        Some(lens) => crate::scoring::items(result.taken_on(bank), &result.answers)
            .iter()
            .filter(|i| i.question.dimension == goal.dimension && i.question.lens == lens)
            .count(),
    };
    Reading {
        result: result.id.clone(),
        taken_at: result.taken_at,
        form: result.form,
        score: goal_score(s, &goal.dimension, goal.lens),
        margin: goal_margin(s, &goal.dimension, goal.lens),
        answered,
    }
}

/// Whether `result` can say anything about `goal`: every result but a goal form on another
/// scale (answering one goal's questions is no retake for the others).
pub fn speaks_to(goal: &Goal, result: &ResultFile) -> bool {
    match (&result.form, &result.focus) {
        (Form::Goal, Some(f)) => {
            f.dimension == goal.dimension && f.lens.is_none_or(|l| Some(l) == goal.lens)
        }
        (Form::Goal, None) => false,
        _ => true,
    }
}

/// The result a goal is judged on: the newest one that speaks to it (`speaks_to`), if it was
/// taken after the goal was set. `results` newest first.
pub fn judged_on<'r>(goal: &Goal, results: &[&'r ResultFile]) -> Option<&'r ResultFile> {
    results
        .iter()
        .copied()
        .find(|r| speaks_to(goal, r))
        .filter(|r| r.taken_at > goal.created_at)
}

/// A move on a goal's scale, from `before` to `after`, with Compare's test of a real change
/// (beyond both margins combined). The one rule for every move a goal shows: its status
/// (reached, moving away: from the baseline) and its timeline (from the point before).
pub fn moved(before: (Option<f64>, Option<f64>), after: &Reading) -> crate::compare::Delta {
    crate::compare::delta(before.0, after.score, before.1, after.margin)
}

/// A goal and where it stands, judged on the newest result since it was set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalProgress {
    #[serde(flatten)]
    pub goal: Goal,
    pub dimension_title: String,
    /// The result it is judged on (the newest since the goal was set), and its score.
    pub latest: Option<String>,
    pub latest_score: Option<f64>,
    /// That result on the goal's scale: its margin and how many answers it had there.
    pub latest_reading: Option<Reading>,
    /// Only where the status rests on a score with a margin; otherwise unknown.
    pub progress_pct: Option<f64>,
    /// Questions on the goal's scale in the current bank: what its goal form asks.
    pub scale_questions: usize,
    pub status: GoalStatus,
}

/// `results` newest first (as `Store::list_results` gives them), rescored.
pub fn evaluate(
    goal: &Goal,
    bank: &Bank,
    results: &[&ResultFile],
    today: jiff::civil::Date,
) -> GoalProgress {
    let latest = judged_on(goal, results).map(|r| reading(bank, goal, r));
    let status = status(goal, latest.as_ref(), today);
    let progress_pct = latest
        .as_ref()
        .and_then(Reading::evidence)
        .filter(|_| status.has_evidence())
        .map(|(s, _)| progress_pct(goal, s));
    GoalProgress {
        dimension_title: bank
            .dimension(&goal.dimension)
            .map_or_else(|| goal.dimension.clone(), |d| d.title.clone()),
        latest: latest.as_ref().map(|r| r.result.clone()),
        latest_score: latest.as_ref().and_then(|r| r.score),
        latest_reading: latest,
        progress_pct,
        status,
        scale_questions: goal.focus().questions(bank).count(),
        goal: goal.clone(),
    }
}

/// The one definition of a goal's status, for every screen, report and JSON. `latest`: the goal's
/// scale in the newest result taken after it was set. The first that applies wins: done (by hand),
/// no result since, too few answers, reached (at or past the target, by a move beyond the margins
/// combined: `moved`, as the timeline tells it), overdue, moving away (beyond the margins
/// combined), no clear change, behind, on track.
pub fn status(goal: &Goal, latest: Option<&Reading>, today: jiff::civil::Date) -> GoalStatus {
    let Some(latest) = latest else {
        return if goal.done_at.is_some() {
            GoalStatus::Done
        } else {
            GoalStatus::NoResultSince
        };
    };
    let evidence = latest.evidence();
    if goal.done_at.is_some() {
        return GoalStatus::Done;
    }
    let Some((score, _)) = evidence else {
        return GoalStatus::TooFewAnswers;
    };
    let moved = moved((Some(goal.baseline_score), goal.baseline_margin), latest);
    if reached_clearly(goal, latest.score, latest.margin) {
        return GoalStatus::Reached;
    }
    if goal.due.is_some_and(|d| d < today) {
        return GoalStatus::Overdue;
    }
    let toward = (score - goal.baseline_score) * (goal.target - goal.baseline_score) > 0.0;
    match moved.real_change {
        Some(true) if !toward => GoalStatus::MovingAway,
        Some(true) => match time_share(goal, today) {
            Some(share) if progress_pct(goal, score) / 100.0 < share => GoalStatus::Behind,
            _ => GoalStatus::OnTrack,
        },
        _ => GoalStatus::NoClearChange,
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

/// The open goals that `result` (rescored) reaches for the first time by the one rule: set
/// before it was taken, not already met by their baseline, and reached with a margin on the
/// goal's scale. These are celebrated on its dashboard.
pub fn newly_reached<'g>(
    bank: &Bank,
    goals: &'g [Goal],
    result: &ResultFile,
    today: jiff::civil::Date,
) -> Vec<&'g Goal> {
    goals
        .iter()
        .filter(|g| g.done_at.is_none() && g.baseline != result.id)
        .filter(|g| g.created_at < result.taken_at)
        .filter(|g| !reached(g, g.baseline_score))
        .filter(|g| status(g, Some(&reading(bank, g, result)), today) == GoalStatus::Reached)
        .collect()
}
