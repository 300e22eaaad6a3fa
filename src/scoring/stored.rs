//! Scores read back from a file. A result from another bank cannot be rescored, so what it says
//! is shown as it is: every number is checked against what the model can produce, and what can be
//! derived (the archetype, the engineer/developer split) is derived again, never trusted.

use crate::explain::number;

use super::{Archetype, MAX_MARGIN, MIN_ANSWERS_FOR_ARCHETYPE, MIN_ANSWERS_FOR_MARGIN, Scores};

/// Why `scores` cannot have come from the scoring model: the first field at fault (its path in
/// the file) and what is wrong with it.
pub fn check(scores: &Scores) -> Result<(), (String, String)> {
    let bad = |name: &str, what: String| Err((format!("scores.{name}"), what));
    let score = |name: &str, v: Option<f64>| match v {
        Some(x) if !(x.is_finite() && (-100.0..=100.0).contains(&x)) => bad(
            name,
            format!("is {}, outside the scale (-100 to +100)", number(x)),
        ),
        _ => Ok(()),
    };
    let margin = |name: &str, v: Option<f64>| match v {
        Some(x) if !(x.is_finite() && (0.0..=MAX_MARGIN).contains(&x)) => bad(
            name,
            format!("is {}, not a margin (0 to {MAX_MARGIN})", number(x)),
        ),
        _ => Ok(()),
    };
    let s = scores;
    score("overall", s.overall)?;
    score("preference", s.preference)?;
    score("practice", s.practice)?;
    margin("margin", s.margin)?;
    margin("preference_margin", s.preference_margin)?;
    margin("practice_margin", s.practice_margin)?;
    if let Some(c) = s.consistency
        && !(c.is_finite() && (0.0..=1.0).contains(&c))
    {
        // 1 when a scale's answers all agree, 0 when they split evenly between the poles
        // (`dimension_consistency`): nothing else can be stored.
        return bad(
            "consistency",
            format!(
                "is {}, outside 0 (answers split) to 1 (answers agree)",
                number(c)
            ),
        );
    }
    for (id, d) in &s.dimensions {
        let at = |field: &str| format!("dimensions.{id}.{field}");
        score(&at("combined"), d.combined)?;
        score(&at("preference"), d.preference)?;
        score(&at("practice"), d.practice)?;
        margin(&at("margin"), d.margin)?;
        margin(&at("preference_margin"), d.preference_margin)?;
        margin(&at("practice_margin"), d.practice_margin)?;
        if d.answered > s.answered {
            return bad(
                &at("answered"),
                format!(
                    "is {}, more than the {} answers in all",
                    d.answered, s.answered
                ),
            );
        }
    }
    Ok(())
}

/// Sets what follows from the overall score (archetype, engineer and developer shares) from it,
/// whatever the file said, and drops a margin its answer count cannot support.
pub fn derive(scores: &mut Scores) {
    let few = |n: usize| n < MIN_ANSWERS_FOR_MARGIN;
    if few(scores.answered) {
        scores.margin = None;
    }
    for d in scores.dimensions.values_mut().filter(|d| few(d.answered)) {
        d.margin = None;
    }
    let overall = scores.overall;
    scores.archetype = overall
        .filter(|_| scores.answered >= MIN_ANSWERS_FOR_ARCHETYPE)
        .map(Archetype::from_overall);
    scores.engineer_pct = overall.map(|o| (o + 100.0) / 2.0);
    scores.developer_pct = overall.map(|o| 100.0 - (o + 100.0) / 2.0);
}
