//! A question's options as one assessment shows them, and answers described as shown.

use super::{
    Answer, Two, answer_at, both_quoted, describe_answer, option_count, option_index, point_labels,
    with_statement,
};
use crate::bank::{Kind, Question};

/// A question's options as one assessment shows them. Scale points keep their order (1 to 5);
/// a scenario's options come in the assessment's display order and are lettered a, b, c... by
/// position, so neither the order nor the letters say which option leans where. The answer
/// stored is always the bank's: option keys, and scale values as the bank defines them.
#[derive(Debug, Clone)]
pub struct Shown<'q> {
    pub question: &'q Question,
    /// Indices into the bank's options, in display order.
    order: Vec<usize>,
}

impl<'q> Shown<'q> {
    /// `order` lists the bank's option indices in display order; anything that is not a
    /// permutation of them falls back to the bank's order.
    pub fn new(question: &'q Question, order: Vec<usize>) -> Shown<'q> {
        let n = option_count(question);
        let mut seen = vec![false; n];
        let valid = order.len() == n
            && order
                .iter()
                .all(|&i| i < n && !std::mem::replace(&mut seen[i], true));
        Shown {
            question,
            order: if valid { order } else { (0..n).collect() },
        }
    }

    pub fn in_bank_order(question: &'q Question) -> Shown<'q> {
        Shown::new(question, (0..option_count(question)).collect())
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    pub fn is_choice(&self) -> bool {
        matches!(self.question.kind, Kind::Choice { .. })
    }

    /// The answer of the `i`-th option shown (0-based).
    pub fn answer(&self, i: usize) -> Option<Answer> {
        answer_at(self.question, *self.order.get(i)?)
    }

    /// Where an answer is shown (0-based).
    pub fn index(&self, answer: &Answer) -> Option<usize> {
        let bank = option_index(self.question, answer)?;
        self.order.iter().position(|&i| i == bank)
    }

    /// Where each option an answer gives is shown (0-based), in display order: one index for
    /// an option or a scale point, two for two options that fit equally well.
    pub fn indices(&self, answer: &Answer) -> Vec<usize> {
        let mut at: Vec<usize> = match answer {
            Answer::Two(two) => two
                .keys()
                .iter()
                .filter_map(|&k| self.index(&Answer::Option(k)))
                .collect(),
            one => self.index(one).into_iter().collect(),
        };
        at.sort_unstable();
        at
    }

    /// The answer of two options shown at `i` and `j` (0-based), if both are a scenario's
    /// options and they differ.
    pub fn two(&self, i: usize, j: usize) -> Option<Answer> {
        match (self.answer(i)?, self.answer(j)?) {
            (Answer::Option(a), Answer::Option(b)) => Two::new(a, b).map(Answer::Two),
            _ => None,
        }
    }

    /// As `two`, checked as every reader of answers checks it (`Answer::check`: on a scale, only
    /// steps next to each other): `Err` holds why not, none when they are not two options.
    pub fn together(&self, i: usize, j: usize) -> Result<Answer, Option<String>> {
        let two = self.two(i, j).ok_or(None)?;
        two.check(self.question).map_err(Some)?;
        Ok(two)
    }

    /// What a person types for the `i`-th option: 1-5 on a scale, a letter for a scenario.
    pub fn key(&self, i: usize) -> char {
        let base = if self.is_choice() { b'a' } else { b'1' };
        u8::try_from(i).map_or('?', |i| char::from(base.saturating_add(i)))
    }

    /// The keys printed beside the options, as a range: "1-5" on a scale, "a-d" for a
    /// scenario of four.
    pub fn key_range(&self) -> String {
        format!("{}-{}", self.key(0), self.key(self.len().saturating_sub(1)))
    }

    /// The number keys that answer (a scenario takes them too): "1-5", "1-4".
    pub fn digit_range(&self) -> String {
        format!("1-{}", self.len())
    }

    /// The answer of the option typed as `key` (a letter of a scenario, or a digit).
    pub fn by_key(&self, key: char) -> Option<Answer> {
        (0..self.len())
            .find(|&i| self.key(i) == key)
            .and_then(|i| self.answer(i))
    }

    /// The text of the `i`-th option shown: a scale label or a scenario's option.
    pub fn label(&self, i: usize) -> &'q str {
        let Some(&bank) = self.order.get(i) else {
            return "";
        };
        match &self.question.kind {
            Kind::Choice { options, .. } => options.get(bank).map_or("", |o| o.text.as_str()),
            _ => point_labels(self.question).map_or("", |l| l[bank.min(4)]),
        }
    }

    /// An answer as it was shown: "d · Option text", "4 · Agree", a pair's side with the
    /// statement chosen, as `describe_answer` says it, or two options in the order shown:
    /// `b + d · “Text of b” and “Text of d”`.
    pub fn describe(&self, answer: &Answer) -> String {
        if let (Answer::Two(_), [i, j]) = (answer, self.indices(answer).as_slice()) {
            let both = both_quoted(self.label(*i), self.label(*j));
            return format!("{} + {} · {both}", self.key(*i), self.key(*j));
        }
        match (self.index(answer), answer) {
            (Some(i), Answer::Scale(n)) => with_statement(
                self.question,
                *n,
                format!("{} · {}", self.key(i), self.label(i)),
            ),
            (Some(i), _) => format!("{} · {}", self.key(i), self.label(i)),
            (None, _) => describe_answer(self.question, answer),
        }
    }
}
