//! The sentences a result page says about its numbers, each built from the numbers it cites so
//! it is literally true (tests recompute them). Every front end shows the same sentences.

use crate::assets::{BALANCED_WITHIN, Texts};
use crate::insight::Gap;
use crate::insight::{
    ConsistencyLevel, DIVIDED_GAP, HIGH_CONSISTENCY, LOW_CONSISTENCY, Placement, STATED_DIRECTION,
    pts,
};
use crate::scoring::{Archetype, DimensionScore, Scores};

use super::{fmt_score, score_with_margin};

fn title(texts: &Texts, a: Archetype) -> String {
    texts
        .archetype(a)
        .map_or_else(|| a.id().to_owned(), |t| t.title.clone())
}

/// "Overall +59.3 ± 22 (engineer 80%, developer 20%): Engineer in the making, 0.7 points from
/// the border with Systems engineer at +60." Without a placement, the score and why no band.
pub fn where_you_stand(texts: &Texts, scores: &Scores, p: &Placement) -> String {
    let overall = score_with_margin(Some(p.position), p.margin, scores.answered);
    let pct = match (scores.engineer_pct, scores.developer_pct) {
        (Some(e), Some(d)) => format!(" (engineer {e:.0}%, developer {d:.0}%)"),
        _ => String::new(),
    };
    let Some(band) = p.band else {
        return format!("Overall {overall}{pct}: no band is named until there are enough answers.");
    };
    let near = match (p.nearest, p.neighbours.as_slice()) {
        (_, [a, b]) if format!("{:.1}", a.distance) == format!("{:.1}", b.distance) => format!(
            ", equally far ({:.1} points) from the borders with {} at {} and {} at {}",
            a.distance,
            title(texts, a.archetype),
            pts(a.at),
            title(texts, b.archetype),
            pts(b.at)
        ),
        (Some(b), _) => format!(
            ", {:.1} points from the border with {} at {}",
            b.distance,
            title(texts, b.archetype),
            pts(b.at)
        ),
        (None, _) => String::new(),
    };
    format!("Overall {overall}{pct}: {}{near}.", title(texts, band))
}

/// Said when the margin reaches past a border.
pub fn straddle(texts: &Texts, p: &Placement) -> Option<String> {
    let m = p.margin?;
    let names: Vec<String> = p.straddles.iter().map(|a| title(texts, *a)).collect();
    match names.as_slice() {
        [] | [_] => None,
        [a, b] => {
            let border = crate::scoring::EDGES
                .iter()
                .find(|at| (p.position - m..=p.position + m).contains(*at))
                .map_or(String::new(), |at| format!(" at {}", pts(*at)));
            Some(format!(
                "Your margin (± {m:.0}) crosses the border{border}: you sit on the border between {a} and {b}."
            ))
        }
        [first @ .., last] => Some(format!(
            "Your margin (± {m:.0}) reaches into {} and {last}: read the placement as a rough guide.",
            first.join(", ")
        )),
    }
}

/// The consistency figure, whether it is low, typical or high, and what that means.
pub fn consistency(scores: &Scores) -> String {
    let Some(c) = scores.consistency else {
        return "Consistency: not enough answers to judge (it needs two answers in a dimension)."
            .into();
    };
    let typical = format!("{LOW_CONSISTENCY:.2} to {HIGH_CONSISTENCY:.2}");
    match ConsistencyLevel::of(c) {
        ConsistencyLevel::Low => format!(
            "Consistency {c:.2}: low for careful answering (typical is {typical}). Answers within some dimensions point different ways, which widens their margins."
        ),
        ConsistencyLevel::Typical => format!(
            "Consistency {c:.2}: typical for careful answering ({typical}); 1.00 would mean every answer within a dimension points the same way."
        ),
        ConsistencyLevel::High => format!(
            "Consistency {c:.2}: high (typical is {typical}): answers within each dimension agree closely."
        ),
    }
}

/// What the gap between enjoy and do today means on one dimension (`insight::Gap` judges it
/// and words it, as the steps read it); `None` without answers.
pub fn gap(dimension: &str, d: Option<&DimensionScore>) -> Option<String> {
    let d = d?;
    if let Some(g) = Gap::of(d) {
        return Some(g.card(dimension));
    }
    match (d.preference, d.practice) {
        (Some(_), None) => {
            Some("Only what you enjoy has answers here, so there is no gap to read.".into())
        }
        (None, Some(_)) => {
            Some("Only what you do today has answers here, so there is no gap to read.".into())
        }
        _ => None,
    }
}

/// When one lens is near the middle, a quadrant named by its sign says little about it.
pub fn near_middle(preference: f64, practice: f64) -> String {
    let near = |v: f64| v.abs() <= BALANCED_WITHIN;
    match (near(preference), near(practice)) {
        (true, false) => format!(
            " What you enjoy sits near the middle (within ±{BALANCED_WITHIN:.0}), so read this mostly as what you do."
        ),
        (false, true) => format!(
            " What you do today sits near the middle (within ±{BALANCED_WITHIN:.0}), so read this mostly as what you enjoy."
        ),
        _ => String::new(),
    }
}

/// Why there are no next steps, from what held: no goal, no stated direction, no wide gaps, or
/// too few answers for a margin to say either (the rules `insight::steps` uses).
/// Its key hint is marked for `hint::worded`.
pub fn no_steps(scores: &Scores, direction_title: Option<&str>) -> String {
    let dir = crate::insight::DIRECTION_DIMENSION;
    let gaps: Vec<Gap> = scores.dimensions.values().filter_map(Gap::of).collect();
    let stated = crate::insight::stated_direction(scores).map(|(p, _)| p);
    let divided = gaps.iter().any(|g| g.gives_a_step(stated));
    let start = crate::insight::direction_has_a_start(scores);
    if start == Some(true) || divided {
        return "No learning steps are written for this question bank's dimensions.".into();
    }
    let title = direction_title.unwrap_or(dir);
    let goal = "Set a learning goal ({g on the result screen, or |}`rolefit goals add`) and steps toward it will show here.";
    if let Some((pole, s)) = crate::insight::stated_direction(scores).filter(|_| start.is_some()) {
        let n = crate::scoring::MIN_ANSWERS_FOR_MARGIN;
        let practised = scores
            .dimensions
            .values()
            .any(|d| d.evidence(Some(crate::bank::Lens::Practice)).is_some());
        // Only the growth dimension has a do-today margin, and learning already runs past it.
        let why = if practised {
            "what you have been learning lately already runs past where you want to grow, and no other dimension has enough answers on what you do today to say where to start".to_owned()
        } else {
            format!(
                "no dimension has enough answers on what you do today to say where to start (a score needs {n} answers for a margin)"
            )
        };
        return format!(
            "You want to grow toward {} work ({title}: enjoy {}), but {why}. {goal}",
            crate::insight::pole_word(pole),
            pts(s)
        );
    }
    let d = scores.dimensions.get(dir);
    let stated = d.and_then(|d| d.evidence(Some(crate::bank::Lens::Preference)));
    if stated.is_none() && !gaps.iter().any(Gap::has_evidence) {
        let n = crate::scoring::MIN_ANSWERS_FOR_MARGIN;
        return format!(
            "No step is suggested yet: too few answers on each dimension to say which way you want to grow or where what you enjoy and what you do today differ (a score needs {n} answers for a margin). {goal}"
        );
    }
    let direction = stated.map_or_else(
        || format!("too few answers on {title} to say which way you want to grow"),
        |s| {
            format!(
                "{title} (enjoy {}) is within {STATED_DIRECTION:.0} points of the middle, so you did not state a direction",
                fmt_score(Some(s))
            )
        },
    );
    format!(
        "No step stands out: {direction}, and what you enjoy and what you do today are within {DIVIDED_GAP:.0} points of each other on every dimension with a margin on both. {goal}"
    )
}
