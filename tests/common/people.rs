//! Results of recognisable people, for the result page's tests: a developer, a hybrid, a
//! principal engineer who still codes a little, and someone neutral on everything.
#![allow(dead_code)]

use rolefit::answers::{Answer, Answers};
use rolefit::bank::{Bank, Form, Kind, Lens, Pole, Question};
use rolefit::store::ResultFile;

use super::results::{leaning, result};

/// The middle answer: 3 on a scale, the option leaning least either way.
pub fn neutral(q: &Question) -> Answer {
    match &q.kind {
        Kind::Choice { options, .. } => Answer::Option(
            options
                .iter()
                .min_by(|a, b| a.lean.abs().total_cmp(&b.lean.abs()))
                .map_or('a', |o| o.key),
        ),
        _ => Answer::Scale(3),
    }
}

pub fn developer(bank: &Bank) -> ResultFile {
    let answers = leaning(bank, Form::Full, Pole::Developer, 4);
    result(bank, Form::Full, answers, "developer")
}

pub fn hybrid(bank: &Bank) -> ResultFile {
    let answers = leaning(bank, Form::Full, Pole::Engineer, 2);
    result(bank, Form::Full, answers, "hybrid")
}

/// Engineer answers everywhere, except that what they do today on Skills is half neutral and
/// they still merge code: the first practice answer on how they work is a developer's.
pub fn principal_answers(bank: &Bank) -> Answers {
    let mut seen: std::collections::HashMap<(String, Lens), usize> = Default::default();
    bank.form(Form::Full)
        .map(|q| {
            let i = seen.entry((q.dimension.clone(), q.lens)).or_default();
            let a = match (q.dimension.as_str(), q.lens, *i) {
                ("skills", Lens::Practice, n) if n % 2 == 1 => neutral(q),
                ("workstyle", Lens::Practice, 0) => super::extreme(q, Pole::Developer),
                _ => super::extreme(q, Pole::Engineer),
            };
            *i += 1;
            (q.id.clone(), a)
        })
        .collect()
}

pub fn principal(bank: &Bank) -> ResultFile {
    result(bank, Form::Full, principal_answers(bank), "principal")
}

pub fn all_neutral(bank: &Bank) -> ResultFile {
    let answers = bank
        .form(Form::Full)
        .map(|q| (q.id.clone(), neutral(q)))
        .collect();
    result(bank, Form::Full, answers, "neutral")
}

/// The four people of the snapshots, by name.
pub fn four(bank: &Bank) -> [(&'static str, ResultFile); 4] {
    [
        ("developer", developer(bank)),
        ("hybrid", hybrid(bank)),
        ("principal", principal(bank)),
        ("all_neutral", all_neutral(bank)),
    ]
}
