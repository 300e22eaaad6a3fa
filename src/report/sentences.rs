//! The sentences a result page says about its numbers, each built from the numbers it cites so
//! it is literally true (tests recompute them). Every front end shows the same sentences.

use crate::assets::{BALANCED_WITHIN, Texts};
use crate::insight::{
    ConsistencyLevel, DIVIDED_GAP, HIGH_CONSISTENCY, LOW_CONSISTENCY, Placement, STATED_DIRECTION,
    pole_of, pole_word, pts,
};
use crate::scoring::{Archetype, Scores};

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

/// What the gap between enjoy and do today means on one dimension; `None` without answers.
pub fn gap(
    preference: Option<f64>,
    practice: Option<f64>,
    margins: (Option<f64>, Option<f64>),
) -> Option<String> {
    let (p, q) = match (preference, practice) {
        (Some(p), Some(q)) => (p, q),
        (Some(_), None) => {
            return Some(
                "Only what you enjoy has answers here, so there is no gap to read.".into(),
            );
        }
        (None, Some(_)) => {
            return Some(
                "Only what you do today has answers here, so there is no gap to read.".into(),
            );
        }
        (None, None) => return None,
    };
    let nums = format!("enjoy {}, do {}", pts(p), pts(q));
    if (p - q).abs() < DIVIDED_GAP {
        return Some(format!(
            "What you enjoy and what you do today are within {DIVIDED_GAP:.0} points here ({nums}): your work matches your taste."
        ));
    }
    // What the person does more of than they would choose: the side practice leans to.
    let more = pole_of(q - p);
    let noise = match margins {
        (Some(a), Some(b)) => {
            let both = (a * a + b * b).sqrt();
            if (p - q).abs() > both {
                format!(
                    " The difference is larger than the two margins combined (± {both:.0}), so it is likely real."
                )
            } else {
                format!(
                    " The difference is within the two margins combined (± {both:.0}), so it may be noise."
                )
            }
        }
        _ => " One side has too few answers for a margin, so treat it as a hint.".into(),
    };
    Some(format!(
        "You do more {}-side work here than you would choose ({nums}): there is room to bring your days closer to what you enjoy.{noise}",
        pole_word(more)
    ))
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

/// Why there are no next steps, from what held: no goal, no stated direction, no wide gaps.
/// Its key hint is marked for `hint::worded`.
pub fn no_steps(scores: &Scores, direction_title: Option<&str>) -> String {
    let dir = crate::insight::DIRECTION_DIMENSION;
    let stated = scores.dimensions.get(dir).and_then(|d| d.preference);
    let divided = scores
        .dimensions
        .values()
        .any(|d| match (d.preference, d.practice) {
            (Some(p), Some(q)) => (p - q).abs() >= DIVIDED_GAP,
            _ => false,
        });
    let has_direction = stated.is_some_and(|s| s.abs() >= STATED_DIRECTION);
    if has_direction || divided {
        return "No learning steps are written for this question bank's dimensions.".into();
    }
    let title = direction_title.unwrap_or(dir);
    let direction = stated.map_or_else(
        || format!("no answers on {title} say which way you want to grow"),
        |s| {
            format!(
                "{title} (enjoy {}) is within {STATED_DIRECTION:.0} points of the middle, so you did not state a direction",
                fmt_score(Some(s))
            )
        },
    );
    format!(
        "No step stands out: {direction}, and what you enjoy and what you do today are within {DIVIDED_GAP:.0} points of each other on every dimension. Set a learning goal ({{g on the result screen, or |}}`rolefit goals add`) and steps toward it will show here."
    )
}
