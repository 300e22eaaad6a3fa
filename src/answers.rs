//! Answers as they are written down: the `[answers]` table of an answers file or a result file.

use std::path::Path;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::bank::{Bank, Kind, Pole, Problem, Question, Scale};

mod context;
mod shown;
mod two;
mod value;
pub use context::{load_answers_file, parse_context};
pub use shown::Shown;
pub use two::{NOT_NEXT_TO_EACH_OTHER, Two};
pub use value::first_bad_answer;

/// How the five points of a likert scale read, for each scale a bank may use.
pub const LIKERT_LABELS: [&str; 5] = [
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
];
pub const FREQUENCY_LABELS: [&str; 5] = ["Never", "Rarely", "Sometimes", "Often", "Almost always"];
pub const TRUE_LABELS: [&str; 5] = [
    "Not at all true",
    "A little true",
    "Somewhat true",
    "Mostly true",
    "Completely true",
];
/// How the five points between two statements A and B read.
pub const PAIR_LABELS: [&str; 5] = [
    "Strongly A",
    "Rather A",
    "Both equally",
    "Rather B",
    "Strongly B",
];

pub fn scale_labels(scale: Scale) -> &'static [&'static str; 5] {
    match scale {
        Scale::Agree => &LIKERT_LABELS,
        Scale::Frequency => &FREQUENCY_LABELS,
        Scale::True => &TRUE_LABELS,
    }
}

/// The labels of a 1-5 question's points (none for a choice).
pub fn point_labels(q: &Question) -> Option<&'static [&'static str; 5]> {
    match &q.kind {
        Kind::Likert { scale, .. } => Some(scale_labels(*scale)),
        Kind::Pair { .. } => Some(&PAIR_LABELS),
        Kind::Choice { .. } => None,
    }
}

/// The two statements of a pair as A and B, in the bank's order.
pub fn pair_sides(q: &Question) -> Option<(&str, &str)> {
    match &q.kind {
        Kind::Pair {
            engineer,
            developer,
            first: Pole::Engineer,
        } => Some((engineer, developer)),
        Kind::Pair {
            engineer,
            developer,
            ..
        } => Some((developer, engineer)),
        _ => None,
    }
}

/// How many answers a question offers.
pub fn option_count(q: &Question) -> usize {
    match &q.kind {
        Kind::Choice { options, .. } => options.len(),
        _ => 5,
    }
}

/// The answer of the `index`-th option (0-based) in the bank's order.
pub fn answer_at(q: &Question, index: usize) -> Option<Answer> {
    match &q.kind {
        Kind::Choice { options, .. } => options.get(index).map(|o| Answer::Option(o.key)),
        _ => u8::try_from(index + 1)
            .ok()
            .filter(|n| *n <= 5)
            .map(Answer::Scale),
    }
}

/// Which option, in the bank's order, an answer is.
pub fn option_index(q: &Question, answer: &Answer) -> Option<usize> {
    (0..option_count(q)).find(|&i| answer_at(q, i).as_ref() == Some(answer))
}

/// What an answer reads as in a report: "4 · Agree", "2 · Rarely", a pair's side with the
/// statement chosen (`4 · Rather B: “I'd rather …”`: "B" alone says nothing once the question is
/// off screen), or a scenario's option by its text alone (its letter on screen depended on the
/// order it was shown in). Two options read as both texts quoted, joined by "and".
pub fn describe_answer(q: &Question, answer: &Answer) -> String {
    match (&q.kind, answer) {
        (Kind::Choice { .. }, Answer::Option(k)) => {
            option_text(q, *k).map_or_else(|| format!("option {k}"), str::to_owned)
        }
        (Kind::Choice { .. }, Answer::Two(two)) => both_texts(q, *two),
        (_, Answer::Scale(n @ 1..=5)) => match point_labels(q) {
            Some(labels) => with_statement(q, *n, format!("{n} · {}", labels[usize::from(n - 1)])),
            None => unfitting(answer),
        },
        _ => unfitting(answer),
    }
}

/// An answer its question cannot take (a file read without the check, from another bank), said
/// as what it is, never with a meaning it does not have.
fn unfitting(answer: &Answer) -> String {
    format!("{}, which this question does not take", answer.describe())
}

/// The text of a scenario's option `key`.
pub(crate) fn option_text(q: &Question, key: char) -> Option<&str> {
    match &q.kind {
        Kind::Choice { options, .. } => options
            .iter()
            .find(|o| o.key == key)
            .map(|o| o.text.as_str()),
        _ => None,
    }
}

/// Two options' texts, each quoted whole (the quotes say where one ends and the other begins),
/// in key order: `“Helping others grow” and “Designing systems”`.
pub(crate) fn both_texts(q: &Question, two: Two) -> String {
    let [a, b] = two
        .keys()
        .map(|k| option_text(q, k).map_or_else(|| format!("option {k}"), str::to_owned));
    both_quoted(&a, &b)
}

/// Two texts as one answer: `“a” and “b”`.
pub(crate) fn both_quoted(a: &str, b: &str) -> String {
    format!("“{a}” and “{b}”")
}

/// The statement a pair answer chose: A for 1-2, B for 4-5, neither for "Both equally".
pub fn chosen_statement(q: &Question, n: u8) -> Option<&str> {
    let (a, b) = pair_sides(q)?;
    match n {
        1 | 2 => Some(a),
        4 | 5 => Some(b),
        _ => None,
    }
}

/// `described` ("4 · Rather B") followed by the statement a pair answer chose.
pub(crate) fn with_statement(q: &Question, n: u8, described: String) -> String {
    match chosen_statement(q, n) {
        Some(s) => format!("{described}: “{s}”"),
        None => described,
    }
}

/// One answer: 1..=5 for likert and pair questions, an option key for choices, or two option
/// keys for a choice where two fit equally well (written as `["c", "d"]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    Scale(u8),
    Option(char),
    Two(Two),
}

impl Answer {
    /// Checks that this answer fits the question, and says how it doesn't.
    pub fn check(&self, q: &Question) -> Result<(), String> {
        match (&q.kind, self) {
            (Kind::Likert { .. } | Kind::Pair { .. }, Answer::Scale(1..=5)) => Ok(()),
            (Kind::Likert { .. } | Kind::Pair { .. }, Answer::Scale(n)) => Err(format!(
                "answer {n} is out of range: a {} question takes 1 to 5",
                q.kind.name()
            )),
            (Kind::Choice { options, .. }, Answer::Option(k))
                if options.iter().any(|o| o.key == *k) =>
            {
                Ok(())
            }
            (Kind::Choice { options, ordered }, Answer::Two(two))
                if two
                    .keys()
                    .iter()
                    .all(|k| options.iter().any(|o| o.key == *k)) =>
            {
                if *ordered && !two.side_by_side(options) {
                    Err(NOT_NEXT_TO_EACH_OTHER.to_owned())
                } else {
                    Ok(())
                }
            }
            (Kind::Choice { options, .. }, other) => Err(format!(
                "{} is not an option of this choice question (options: {})",
                // Of two, the one that is not.
                match other {
                    Answer::Two(two) => two
                        .keys()
                        .into_iter()
                        .find(|k| !options.iter().any(|o| o.key == *k))
                        .map_or_else(|| other.describe(), |k| Answer::Option(k).describe()),
                    _ => other.describe(),
                },
                options
                    .iter()
                    .map(|o| format!("\"{}\"", o.key))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            (_, Answer::Option(_) | Answer::Two(_)) => Err(format!(
                "{} {}, but this {} question takes 1 to 5",
                self.describe(),
                if matches!(self, Answer::Two(_)) {
                    "are option keys"
                } else {
                    "is an option key"
                },
                q.kind.name()
            )),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Answer::Scale(n) => format!("answer {n}"),
            Answer::Option(k) => format!("option \"{k}\""),
            Answer::Two(two) => {
                let [a, b] = two.keys();
                format!("options \"{a}\" and \"{b}\"")
            }
        }
    }
}

/// Answers by question id, in the order they were asked.
pub type Answers = IndexMap<String, Answer>;

#[derive(Debug, thiserror::Error)]
pub enum AnswersError {
    #[error("cannot read answers file {}: {source}", path.display())]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("{}", render(.0))]
    Invalid(Vec<Problem>),
}

fn render(problems: &[Problem]) -> String {
    let mut out = format!(
        "the answers file has {} problem{}:",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    for p in problems {
        // One problem a line: whatever a problem quotes (a path, a value) stays on its line.
        out.push_str("\n  ");
        out.push_str(&crate::sanitize::line(&p.to_string()));
    }
    out
}

/// Only `answers` is read: a saved result file carries more, and can be rescored as it is.
#[derive(Deserialize)]
struct Sheet {
    answers: Option<Spanned<IndexMap<Spanned<String>, Spanned<toml::Value>>>>,
}

/// The form a set of answers was most likely given on: quick when every answered question is in
/// the quick form (and there is at least one), otherwise full.
pub fn form_of(bank: &Bank, answers: &Answers) -> crate::bank::Form {
    let quick = |id: &String| bank.question(id).is_some_and(|q| q.quick);
    if !answers.is_empty() && answers.keys().all(quick) {
        crate::bank::Form::Quick
    } else {
        crate::bank::Form::Full
    }
}

/// An answers file's text, read bounded like every file rolefit reads.
fn read_answers_text(path: &Path) -> Result<String, AnswersError> {
    crate::store::read::read_text(path, crate::store::MAX_FILE_BYTES).map_err(|source| {
        AnswersError::Io {
            path: path.to_path_buf(),
            source,
        }
    })
}

pub fn load_answers(path: &Path, bank: &Bank) -> Result<Answers, AnswersError> {
    parse_answers(&read_answers_text(path)?, path, bank)
}

/// As `load_answers`, for a file that may be a saved result taken on an earlier version of the
/// built-in bank: its `[bank]` table then picks the archived version, so its answers are read
/// with the questions they were given to. Returns the bank they were read with.
pub fn load_answers_as_taken<'b>(
    path: &Path,
    current: &'b Bank,
) -> Result<(Answers, &'b Bank), AnswersError> {
    #[derive(Deserialize)]
    struct Taken {
        bank: Option<crate::store::BankRef>,
    }
    let text = read_answers_text(path)?;
    let bank = toml::from_str::<Taken>(&text)
        .ok()
        .and_then(|t| t.bank)
        .and_then(|b| crate::bank::archived(current, &b.name, &b.version))
        .unwrap_or(current);
    Ok((parse_answers(&text, path, bank)?, bank))
}

/// Parses and checks an answers file against `bank`, reporting every problem at once.
pub fn parse_answers(text: &str, file: &Path, bank: &Bank) -> Result<Answers, AnswersError> {
    let lines = crate::bank::LineIndex::new(text);
    let problem = |span: std::ops::Range<usize>, id: Option<&str>, message: String| {
        let (line, column) = lines.line_col(text, span.start);
        Problem {
            file: file.to_path_buf(),
            line,
            column,
            id: id.map(str::to_owned),
            message,
        }
    };
    let sheet: Sheet = toml::from_str(text).map_err(|e| {
        AnswersError::Invalid(vec![problem(
            e.span().unwrap_or(0..0),
            None,
            format!(
                "not a valid answers file: {}",
                crate::explain::message(text, &e)
            ),
        )])
    })?;
    let Some(table) = sheet.answers else {
        return Err(AnswersError::Invalid(vec![problem(
            0..0,
            None,
            "no [answers] table: write one line per question, like `scope-free-week-on = 4` or `path-work-in-five-years = \"b\"`".into(),
        )]));
    };
    let mut answers = Answers::new();
    let mut problems = Vec::new();
    for (key, value) in table.into_inner() {
        let id = key.get_ref().as_str();
        let Some(q) = bank.question(id) else {
            problems.push(problem(
                key.span(),
                Some(id),
                format!("unknown question id `{id}` (not in bank \"{}\")", bank.name),
            ));
            continue;
        };
        match Answer::from_value(value.get_ref()).and_then(|a| a.check(q).map(|()| a)) {
            Ok(a) => {
                answers.insert(id.to_owned(), a);
            }
            Err(msg) => problems.push(problem(value.span(), Some(id), msg)),
        }
    }
    if problems.is_empty() {
        Ok(answers)
    } else {
        Err(AnswersError::Invalid(problems))
    }
}
