//! The adaptive form in words: a result finished before it settled (`provisional_note`), and
//! `rolefit score --adaptive`'s replay beside the full form.

use std::fmt::Write;

use serde::Serialize;

use super::{fmt_score, score_with_margin};
use crate::adaptive::{More, Replay};
use crate::answers::describe_answer;
use crate::bank::Bank;
use crate::scoring::Scores;
use crate::store::ResultFile;

/// Why an adaptive result's placement is provisional, in one paragraph; `None` where
/// `adaptive::provisional` finds nothing provisional.
pub fn provisional_note(bank: &Bank, result: &ResultFile) -> Option<String> {
    let p = crate::adaptive::provisional(bank, result)?;
    let mut why = Vec::new();
    match p.unclear {
        Some(Some(likely)) => why.push(format!(
            "the full form would give the same placement only {} of the time",
            percent(likely)
        )),
        Some(None) => why.push("there are too few answers for a placement".to_owned()),
        None => {}
    }
    if p.uncovered > 0 {
        why.push(format!(
            "{} dimension-and-lens area{} unanswered",
            p.uncovered,
            if p.uncovered == 1 { " is" } else { "s are" }
        ));
    }
    if let Some(needs) = p.needs {
        why.push(format!("settling needs {needs} answers"));
    }
    let n = p.answered;
    let mut text = format!(
        "Provisional: finished after {n} answer{}, before it was settled: {}.",
        if n == 1 { "" } else { "s" },
        join(&why)
    );
    match p.more {
        More::About(1) => text.push_str(" About 1 more answer was expected to settle it."),
        More::About(more) => text.push_str(&format!(
            " About {more} more answers were expected to settle it."
        )),
        More::AtLeast(more) => text.push_str(&format!(
            " It needed at least {more} more answer{}.",
            if more == 1 { "" } else { "s" }
        )),
        More::UpTo(_) | More::Nothing => {}
    }
    Some(text)
}

/// A probability as a whole percentage, never rounded up to a certainty it is not: "96%",
/// and "99%" for anything from 0.99 up to (not including) 1.
pub fn percent(p: f64) -> String {
    let whole = (p * 100.0).floor();
    format!("{whole:.0}%")
}

/// "a", "a and b", "a, b and c".
fn join(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The replay as JSON: the questions asked in order, why it stopped, both forms' scores
/// (unrounded, the fields of `rolefit score --format json`) and the two comparisons.
pub fn replay_json(r: &Replay) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        #[serde(flatten)]
        replay: &'a Replay,
        same_archetype: bool,
        within_full_margin: Option<bool>,
    }
    let out = Out {
        replay: r,
        same_archetype: r.same_archetype(),
        within_full_margin: r.within_full_margin(),
    };
    // Plain structs of numbers, strings and maps always serialise.
    serde_json::to_string_pretty(&out).unwrap_or_default()
}

fn archetype(s: &Scores) -> &'static str {
    s.archetype.map_or("not placed", |a| a.id())
}

pub fn replay_text(bank: &Bank, r: &Replay) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Adaptive form: asked {} of {} questions, and stopped because {}.",
        r.asked.len(),
        bank.questions.len(),
        r.stop.describe()
    );
    let _ = writeln!(out, "\nAsked, in order:");
    for (i, id) in r.asked.iter().enumerate() {
        let answer = match (bank.question(id), r.answers.get(id)) {
            (Some(q), Some(a)) => describe_answer(q, a),
            _ => "no answer in the file: skipped".to_owned(),
        };
        let _ = writeln!(out, "{:>4}. {id:<32} {answer}", i + 1);
    }
    let (a, f) = (&r.adaptive, &r.full);
    let row = |out: &mut String, name: &str, x: String, y: String| {
        let _ = writeln!(out, "{name:<26} {x:<24} {y}");
    };
    let _ = writeln!(out);
    row(&mut out, "", "adaptive".into(), "full form".into());
    row(
        &mut out,
        "Overall",
        score_with_margin(a.overall, a.margin, a.answered),
        score_with_margin(f.overall, f.margin, f.answered),
    );
    row(
        &mut out,
        "Archetype",
        archetype(a).into(),
        archetype(f).into(),
    );
    row(
        &mut out,
        "Answered",
        a.answered.to_string(),
        f.answered.to_string(),
    );
    row(
        &mut out,
        "Preference / practice",
        format!("{} / {}", fmt_score(a.preference), fmt_score(a.practice)),
        format!("{} / {}", fmt_score(f.preference), fmt_score(f.practice)),
    );
    for d in &bank.dimensions {
        let (Some(x), Some(y)) = (a.dimensions.get(&d.id), f.dimensions.get(&d.id)) else {
            continue;
        };
        row(
            &mut out,
            &d.title,
            score_with_margin(x.combined, x.margin, x.answered),
            score_with_margin(y.combined, y.margin, y.answered),
        );
    }
    let yes = |b: bool| if b { "yes" } else { "no" };
    let _ = writeln!(out, "\nSame archetype: {}.", yes(r.same_archetype()));
    match (a.overall, f.overall, f.margin) {
        (Some(x), Some(y), Some(m)) => {
            let _ = writeln!(
                out,
                "Adaptive overall within the full form's margin: {} ({:.1} apart, margin {m:.1}).",
                yes((x - y).abs() <= m),
                (x - y).abs()
            );
        }
        _ => {
            let _ = writeln!(
                out,
                "Adaptive overall within the full form's margin: the full form has no margin to tell."
            );
        }
    }
    out
}
