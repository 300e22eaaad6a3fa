//! A goal's journey: its scale in every result since its baseline, each point with its margin,
//! what moved since the point before and which answers moved it most (Compare's machinery).

use serde::Serialize;

use super::{GoalProgress, Reading, evaluate, moved, reading, speaks_to};
use crate::bank::Bank;
use crate::compare::{ChangedAnswer, Delta, answers_changed};
use crate::store::{Goal, ResultFile};

/// How many changed answers a point names: the ones that moved the scale most.
pub const TOP_ANSWERS: usize = 3;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelinePoint {
    #[serde(flatten)]
    pub reading: Reading,
    /// The goal's own baseline.
    pub baseline: bool,
    /// Taken before the goal was set (the baseline, or a result between it and the goal).
    pub before_goal: bool,
    /// The move since the last point before it that answered on the goal's scale, with
    /// Compare's test of a real change.
    pub moved: Option<Delta>,
    /// Answers on the goal's scale that changed since that point, largest shift first.
    pub top_answers: Vec<ChangedAnswer>,
    /// A retake that asked none of the goal's questions: it says nothing about the goal.
    pub asked_none: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    #[serde(flatten)]
    pub progress: GoalProgress,
    /// Oldest first.
    pub timeline: Vec<TimelinePoint>,
    pub today: jiff::civil::Date,
}

/// The ids of the current bank's questions on `goal`'s scale, in bank order: what its goal
/// form asks.
pub fn scale_questions<'b>(bank: &'b Bank, goal: &Goal) -> Vec<&'b str> {
    goal.focus()
        .questions(bank)
        .map(|q| q.id.as_str())
        .collect()
}

/// `results` newest first and rescored; the points are those from the baseline on (from the
/// goal's creation when its baseline result is gone).
pub fn timeline(
    bank: &Bank,
    goal: &Goal,
    results: &[ResultFile],
    today: jiff::civil::Date,
) -> Timeline {
    let newest_first: Vec<&ResultFile> = results.iter().collect();
    let progress = evaluate(goal, bank, &newest_first, today);
    let since = results
        .iter()
        .find(|r| r.id == goal.baseline)
        .map_or(goal.created_at, |b| b.taken_at);
    let mut on: Vec<&ResultFile> = results
        .iter()
        .filter(|r| r.taken_at >= since && speaks_to(goal, r))
        .collect();
    on.reverse();
    let scale = scale_questions(bank, goal);
    let mut points: Vec<TimelinePoint> = Vec::new();
    let mut previous: Option<(&ResultFile, Reading)> = None;
    for r in on {
        let here = reading(bank, goal, r);
        let (moved, top_answers) = match &previous {
            Some((before, was)) => (
                Some(moved((was.score, was.margin), &here)),
                answers_changed(bank, before, r)
                    .into_iter()
                    .filter(|c| scale.contains(&c.id.as_str()))
                    .take(TOP_ANSWERS)
                    .collect(),
            ),
            None => (None, Vec::new()),
        };
        points.push(TimelinePoint {
            baseline: r.id == goal.baseline,
            before_goal: r.taken_at <= goal.created_at,
            asked_none: r.id != goal.baseline && here.answered == 0,
            moved,
            top_answers,
            reading: here.clone(),
        });
        // A retake that asked nothing on the scale is no point to measure the next one from.
        if here.answered > 0 {
            previous = Some((r, here));
        }
    }
    Timeline {
        progress,
        timeline: points,
        today,
    }
}
