//! Goals with the results they are judged on, read from the store. Only what the rule needs is
//! read: the newest result (what every goal is judged on), and for a timeline the results back
//! to its baseline.

use super::{GoalProgress, Timeline, evaluate, goal_margin, timeline};
use crate::bank::Bank;
use crate::store::{BadGoal, Goal, ResultFile, Store, StoreError};

/// Every readable goal with where it stands, and the goals that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub goals: Vec<GoalProgress>,
    pub unreadable: Vec<BadGoal>,
}

/// The goals to use beside a result, and why any were left out: said wherever goals are used
/// (a dashboard's next steps, a new goal's form, `show`, Compare), never dropped in silence.
#[derive(Debug)]
pub struct Readable {
    pub goals: Vec<Goal>,
    pub left_out: Option<LeftOut>,
}

/// Why goals were left out.
#[derive(Debug, thiserror::Error)]
pub enum LeftOut {
    /// goals.toml itself cannot be read: every goal is left out.
    #[error("{0}")]
    File(StoreError),
    /// These goals cannot be read; the others are used.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Goals(Vec<BadGoal>),
}

/// Every goal that can be read, and why any others are left out. No goals file is no goals.
pub fn readable_goals(store: &Store) -> Readable {
    match store.load_goals() {
        Ok(file) => Readable {
            goals: file.goals,
            left_out: (!file.unreadable.is_empty()).then_some(LeftOut::Goals(file.unreadable)),
        },
        Err(e) => Readable {
            goals: Vec::new(),
            left_out: Some(LeftOut::File(e)),
        },
    }
}

/// Goals written before the baseline's margin was kept get it from their baseline result, if
/// it is still there, so an older goal is judged by the same rule as a new one.
pub fn with_baseline_margins(store: &Store, bank: &Bank, goals: &mut [Goal]) {
    for g in goals.iter_mut().filter(|g| g.baseline_margin.is_none()) {
        if let Ok(r) = store.load_id(&g.baseline) {
            g.baseline_margin = goal_margin(&r.rescored(bank).scores, &g.dimension, g.lens);
        }
    }
}

/// Every goal judged on the newest readable result that speaks to it: one result file is read
/// however many results and goals there are, plus any goal forms newer than it (and an older
/// goal's baseline, see `with_baseline_margins`).
pub fn load_progress(
    store: &Store,
    bank: &Bank,
    today: jiff::civil::Date,
) -> Result<Progress, StoreError> {
    let file = store.load_goals()?;
    let mut goals = file.goals;
    let newest: Vec<ResultFile> = if goals.is_empty() {
        Vec::new()
    } else {
        with_baseline_margins(store, bank, &mut goals);
        // Newest first, down to the first result that speaks to every goal: goal forms on one
        // scale each (`speaks_to`) are read past, to the retake the other goals are judged on.
        let mut newest = Vec::new();
        for r in store.readable_results()? {
            let one_scale = r.form == crate::bank::Form::Goal;
            newest.push(r.rescored(bank));
            if !one_scale {
                break;
            }
        }
        newest
    };
    let newest: Vec<&ResultFile> = newest.iter().collect();
    Ok(Progress {
        goals: goals
            .iter()
            .map(|g| evaluate(g, bank, &newest, today))
            .collect(),
        unreadable: file.unreadable,
    })
}

/// Goal `id` over every result since its baseline. `Ok(None)` when there is no such goal.
pub fn load_timeline(
    store: &Store,
    bank: &Bank,
    id: u32,
    today: jiff::civil::Date,
) -> Result<Option<Timeline>, StoreError> {
    let mut goals = store.load_goals()?.goals;
    goals.retain(|g| g.id == id);
    with_baseline_margins(store, bank, &mut goals);
    let Some(goal) = goals.pop() else {
        return Ok(None);
    };
    // Newest first, back to the baseline (all of them if the baseline is gone).
    let mut results = Vec::new();
    for r in store.readable_results()? {
        let at_baseline = r.id == goal.baseline;
        results.push(r.rescored(bank));
        if at_baseline {
            break;
        }
    }
    Ok(Some(timeline(bank, &goal, &results, today)))
}
