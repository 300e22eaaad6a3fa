//! The stated direction (where the person wants to grow, from a score with a margin), and which
//! dimensions a direction step may rank and push: the steps and the no-steps sentence share it.

use super::{DIRECTION_DIMENSION, STATED_DIRECTION, sign};
use crate::bank::{Lens, Pole};
use crate::insight::pole_of;
use crate::scoring::Scores;

/// The stated direction and its score, if the person leans far enough to have one, on a score
/// with a margin (`scoring::evidence`): a direction from one or two answers is not stated.
pub fn stated_direction(scores: &Scores) -> Option<(Pole, f64)> {
    let p = scores
        .dimensions
        .get(DIRECTION_DIMENSION)?
        .evidence(Some(Lens::Preference))?;
    (p.abs() >= STATED_DIRECTION).then(|| (pole_of(p), p))
}

/// The dimensions a direction step may rank, furthest from the stated pole first by what the
/// person does today (along it), among those whose do-today score has a margin; empty without a
/// stated direction.
pub(super) fn ranked(scores: &Scores) -> Vec<(&String, f64)> {
    let Some((pole, _)) = stated_direction(scores) else {
        return Vec::new();
    };
    let mut furthest: Vec<(&String, f64)> = scores
        .dimensions
        .iter()
        .filter_map(|(id, d)| Some((id, d.evidence(Some(Lens::Practice))? * sign(pole))))
        .collect();
    furthest.sort_by(|a, b| a.1.total_cmp(&b.1));
    furthest
}

/// Whether a direction step may push `dimension` further toward the stated pole: not on the
/// growth dimension once what the person has been learning lately (`along`) already runs at
/// or past where they want to grow.
pub(super) fn pushable(dimension: &str, along: f64, stated: f64) -> bool {
    dimension != DIRECTION_DIMENSION || along < stated.abs()
}

/// Whether the stated direction has somewhere to start: a dimension it may rank and push.
/// `None` without a stated direction.
pub fn direction_has_a_start(scores: &Scores) -> Option<bool> {
    let (_, stated) = stated_direction(scores)?;
    Some(
        ranked(scores)
            .iter()
            .any(|(id, along)| pushable(id, *along, stated)),
    )
}
