//! Where a direction step's dimension stands among the others, said so that it is true: ranks
//! by distance from the stated pole as the sentence shows the scores, ties said as ties, no
//! rank where all are equal, and nothing called far from a pole it is already at.

use super::{pts, sign};
use crate::bank::Pole;
use crate::insight::pole_word;

/// "the furthest", "the second furthest", ...: a rank by distance as a sentence reads it.
pub fn furthest(rank: usize) -> String {
    const WORDS: [&str; 8] = [
        "", "second ", "third ", "fourth ", "fifth ", "sixth ", "seventh ", "eighth ",
    ];
    WORDS.get(rank.wrapping_sub(1)).map_or_else(
        || format!("number {rank} in distance"),
        |w| format!("the {w}furthest"),
    )
}

/// Where a dimension stands among the others, from the stated pole, by what the person does
/// today: "Primary focus is your furthest dimension from engineer work (do +35)." `(rank, of,
/// tied)` as `Because::Direction` holds them; `all` when every dimension has a do-today score with a margin.
/// A tie is said as a tie, no rank is claimed where all are equal, and a dimension already at
/// the pole is not called far from it.
pub fn direction_rank(
    title: &str,
    toward: Pole,
    practice: f64,
    (rank, of, tied): (usize, usize, usize),
    all: bool,
) -> String {
    let pole = pole_word(toward);
    let from = format!("from {pole} work");
    let every = if all {
        "your dimensions"
    } else {
        "the dimensions with a margin on what you do today"
    };
    if (practice * sign(toward)).round() >= 100.0 {
        let with = match tied {
            0 => String::new(),
            1 => ", as is 1 other".to_owned(),
            n => format!(", as are {n} others"),
        };
        return if tied + 1 >= of {
            format!(
                "all {of} of {every} are already at the {pole} end (do {} on each), so {title} is as good a place to start as any.",
                pts(practice)
            )
        } else {
            format!(
                "{title} is already at the {pole} end (do {}){with}: this step builds on it.",
                pts(practice)
            )
        };
    }
    let ranked = if all {
        format!(
            "your {} dimension",
            furthest(rank).trim_start_matches("the ")
        )
    } else {
        format!(
            "{} of the {of} dimensions with a margin on what you do today",
            furthest(rank)
        )
    };
    let at = pts(practice);
    match (of, tied) {
        (0 | 1, _) => {
            format!("{title} is the only dimension with a margin on what you do today (do {at}).")
        }
        (_, t) if t + 1 >= of => format!(
            "all {of} of {every} are equally far {from} (do {at} on each), so {title} is as good a place to start as any."
        ),
        (_, 0) => format!("{title} is {ranked} {from} (do {at})."),
        (_, 1) => format!("{title} is tied with 1 other as {ranked} {from} (do {at})."),
        (_, n) => format!("{title} is tied with {n} others as {ranked} {from} (do {at})."),
    }
}

/// A step on the direction dimension itself: its do-today score is what the person has been
/// learning lately, so the reason says whether that already leans the way they want to grow.
pub(super) fn learning_lately(practice: f64, toward: Pole) -> String {
    let along = (practice * sign(toward)).round();
    let at = pts(practice);
    if along > 0.0 {
        format!(
            "What you have been learning lately already leans that way (do {at}): this step keeps it going."
        )
    } else if along < 0.0 {
        format!(
            "What you have been learning lately leans the other way (do {at}): this step points it where you want to go."
        )
    } else {
        format!(
            "What you have been learning lately leans neither way (do {at}): this step gives it a direction."
        )
    }
}
