//! How a score reads beside its margin, or beside why it has none: one wording for every page,
//! export and screen.

/// "-12.0 ± 9" for a score and its margin; "+50.0, too few answers (2)" for a score from too few
/// answers (`n`) to have a margin: never "± 0" for what is really unknown.
pub fn score_with_margin(score: Option<f64>, margin: Option<f64>, n: usize) -> String {
    score_parts(score, margin, n).map_or_else(
        || "not enough answers".to_owned(),
        |(number, rest)| number + &rest,
    )
}

/// `score_with_margin` in two parts, the number and what follows it ("+12.5", " ± 9"), for a
/// column that lines scores up on their numbers; `None` without a score.
pub fn score_parts(score: Option<f64>, margin: Option<f64>, n: usize) -> Option<(String, String)> {
    let v = score?;
    let rest = match margin {
        None => format!(", {}", too_few(n)),
        Some(m) => format!(" ± {m:.0}"),
    };
    Some((super::fmt_score(Some(v)), rest))
}

/// What a scale without a margin says in its place. With enough answers for one, the margin was
/// dropped because the result could not be rescored here (`foreign_note` says why).
pub fn too_few(n: usize) -> String {
    if n >= crate::scoring::MIN_ANSWERS_FOR_MARGIN {
        format!("no margin: another bank's result ({n} answers)")
    } else {
        format!("too few answers ({n})")
    }
}
