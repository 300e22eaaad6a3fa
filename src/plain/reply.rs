//! What a person types at a question in plain mode, and what it lists as answers.

use crate::answers::{Answer, Shown};
use crate::bank::Kind;

/// "1-5", or "a-d (or 1-4)" for a scenario.
pub(super) fn choices(shown: &Shown<'_>) -> String {
    if shown.is_choice() {
        format!("{} (or {})", shown.key_range(), shown.digit_range())
    } else {
        shown.key_range()
    }
}

/// How the prompt offers two options, with an example the question takes: any two of a
/// scenario, two steps next to each other on a scale (where "a+c" would be refused).
pub(super) fn two_hint(shown: &Shown<'_>) -> String {
    match &shown.question.kind {
        Kind::Choice { ordered: true, .. } => format!(
            ", or two next to each other like {}+{} if two fit about equally well",
            shown.key(0),
            shown.key(1)
        ),
        Kind::Choice { .. } => ", or two like a+c if two fit about equally well".to_owned(),
        _ => String::new(),
    }
}

/// A number (1-based, as listed) or, for a scenario, the letter shown beside an option; for a
/// scenario also two of them that fit about equally well: "c d", "c,d", "c+d" or "cd". `Err` holds
/// what is wrong when there is more to say than asking again does.
pub(super) fn parse(shown: &Shown<'_>, input: &str) -> Result<Answer, Option<String>> {
    let at = |t: &str| -> Option<usize> {
        if let Ok(n) = t.parse::<usize>() {
            return n.checked_sub(1).filter(|&i| i < shown.len());
        }
        let mut chars = t.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if shown.is_choice() => (0..shown.len()).find(|&i| shown.key(i) == c),
            _ => None,
        }
    };
    if !shown.is_choice() {
        return at(input).and_then(|i| shown.answer(i)).ok_or(None);
    }
    let split: Vec<&str> = input
        .split(|c: char| c == '+' || c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .collect();
    // Letters typed together are read one by one: two as two options ("cd"), and three or more
    // that are all options here as too many ("abc"), so the refusal names the at-most-two rule.
    let letters = |t: &str| t.chars().all(|c| c.is_alphabetic());
    let tokens: Vec<String> = match split.as_slice() {
        [word]
            if letters(word)
                && (word.chars().count() == 2
                    || word
                        .chars()
                        .all(|c| at(c.encode_utf8(&mut [0; 4])).is_some())) =>
        {
            word.chars().map(String::from).collect()
        }
        _ => split.iter().map(|t| (*t).to_owned()).collect(),
    };
    let unknown = |t: &str| Some(format!("There is no option {t} here."));
    match tokens.as_slice() {
        [one] => at(one).and_then(|i| shown.answer(i)).ok_or(None),
        [a, b] => {
            let (i, j) = (
                at(a).ok_or_else(|| unknown(a))?,
                at(b).ok_or_else(|| unknown(b))?,
            );
            shown.together(i, j).map_err(|why| {
                Some(why.map_or_else(
                    || format!(
                        "{a} is there twice: two options that fit about equally well are two different ones."
                    ),
                    |why| crate::text::sentence(&why),
                ))
            })
        }
        [] => Err(None),
        _ => Err(Some(
            "At most two: one option, or two that fit about equally well.".into(),
        )),
    }
}
