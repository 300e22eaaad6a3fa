//! Which question next: the one expected to shrink the uncertainty that matters most.
//!
//! While the placement is open, that is the overall score's margin. The full form's overall
//! score is its dimension x lens cells in fixed proportions (each cell's share of the bank's
//! weight), so its squared standard error is the sum over cells of share² x the cell's own
//! squared error (scoring's variance with its prior, over the cell's effective answers). A
//! question changes only its own cell's term: its gain is share² x the expected fall of that
//! term, the expectation taken over the question's possible answers as the model predicts them
//! (the cell's mean shrunk toward the overall mean, and the cell's variance). This balances the
//! cells by their weight in the bank and by how unsure each still is.
//!
//! Once the placement is clear but the form may not stop yet (too few answers, or a cell not
//! covered), it asks in the cell with the widest margin (a cell never answered counts as the
//! whole scale), the question there that narrows it most.
//!
//! Ties (equal questions in the same cell) go in bank order, or with a seed in an order drawn
//! from it, so the same answers and seed always give the same sequence.

use super::stop::{Check, Decision};
use super::view::{Sums, View, values};
use crate::answers::Answers;
use crate::bank::{Bank, Question};
use crate::scoring::{MAX_MARGIN, PRIOR_WEIGHT, Z95};

/// The question to ask next, or `None` when the stop rule says the form is done. `order` is
/// every question asked so far, each answered or skipped.
pub fn next_question<'b>(
    bank: &'b Bank,
    answers: &Answers,
    order: &[String],
    seed: Option<u64>,
) -> Option<&'b Question> {
    select(bank, answers, order, seed, true)
}

/// The question the selector prefers among those not asked, whether or not the stop rule
/// would stop first (`None` only when every question has been asked).
pub fn pick<'b>(
    bank: &'b Bank,
    answers: &Answers,
    order: &[String],
    seed: Option<u64>,
) -> Option<&'b Question> {
    select(bank, answers, order, seed, false)
}

/// The selector over the questions not asked yet; with `obey_stop`, nothing once the stop rule
/// says the form is done.
fn select<'b>(
    bank: &'b Bank,
    answers: &Answers,
    order: &[String],
    seed: Option<u64>,
    obey_stop: bool,
) -> Option<&'b Question> {
    let view = View::new(bank, answers, order);
    let check = Check::of(&view, answers);
    if obey_stop && check.decision() != Decision::Continue {
        return None;
    }
    choose(&view, &check, seed)
}

/// The overall score's 95% margin as the selector sees it: composed from the dimension x lens
/// cells in their bank proportions, each with scoring's variance and prior (a cell with no
/// answer counts as the whole scale). `None` with nothing answered.
pub fn cell_margin(bank: &Bank, answers: &Answers) -> Option<f64> {
    let view = View::new(bank, answers, &[]);
    (view.answered() > 0).then(|| {
        let e2: f64 = view
            .sums
            .iter()
            .zip(&view.share)
            .map(|(s, share)| share * share * s.error2())
            .sum();
        (Z95 * 100.0 * e2.sqrt()).min(MAX_MARGIN)
    })
}

/// What a question is worth asking, compared field by field; `key` breaks exact ties.
#[derive(Debug, Clone, Copy)]
struct Gain {
    /// The question's cell has no answer yet: every cell needs one before the form may stop,
    /// so covering them first costs nothing and keeps the answers balanced from the start.
    covers: bool,
    first: f64,
    then: f64,
    key: u64,
}

impl Gain {
    fn beats(&self, other: &Gain) -> bool {
        // Gains computed along different paths may differ in the last bits; those are ties.
        let close = |x: f64, y: f64| (x - y).abs() <= 1e-12 * x.abs().max(y.abs());
        if self.covers != other.covers {
            return self.covers;
        }
        if !close(self.first, other.first) {
            return self.first > other.first;
        }
        if !close(self.then, other.then) {
            return self.then > other.then;
        }
        self.key < other.key
    }
}

fn choose<'b>(view: &View<'b>, check: &Check, seed: Option<u64>) -> Option<&'b Question> {
    let open = !check.placement_clear();
    let overall_mean = view.overall.mean().unwrap_or(0.0);
    // Each cell's predicted answer: its mean, shrunk toward the overall mean by the prior's
    // weight (a cell with no answers predicts the overall mean), and its shrunk variance.
    let predicted: Vec<(f64, f64)> = view
        .sums
        .iter()
        .map(|s| {
            (
                (s.ws + PRIOR_WEIGHT * overall_mean) / (s.w + PRIOR_WEIGHT),
                s.var(),
            )
        })
        .collect();
    let mut best: Option<(Gain, &'b Question)> = None;
    for (i, q) in view.candidates() {
        let c = view.cell_of[i];
        let (Some(&sums), Some(&(mean, var))) = (view.sums.get(c), predicted.get(c)) else {
            continue;
        };
        let now = sums.error2();
        let fall = now - expected_error2(sums, q, mean, var);
        let share = view.share.get(c).copied().unwrap_or(0.0);
        let gain = Gain {
            covers: sums.n == 0,
            first: if open { share * share * fall } else { now },
            then: fall,
            key: tie_key(seed, i),
        };
        if best.as_ref().is_none_or(|(b, _)| gain.beats(b)) {
            best = Some((gain, q));
        }
    }
    best.map(|(_, q)| q)
}

/// The cell's squared error after answering `q`, expected over its possible answers, each as
/// likely as a normal curve with the predicted mean and variance makes it.
fn expected_error2(sums: Sums, q: &Question, mean: f64, var: f64) -> f64 {
    let (mut total, mut weight) = (0.0, 0.0);
    for s in values(q) {
        // The `libm` crate's exp, compiled in: std's would map the whole of libm.so (about
        // 250 KB resident) into every run for this one function.
        let p = libm::exp(-(s - mean).powi(2) / (2.0 * var));
        total += p * sums.with(q.weight, s).error2();
        weight += p;
    }
    if weight > 0.0 {
        total / weight
    } else {
        sums.error2()
    }
}

/// Bank order without a seed; with one, a fixed pseudo-random order drawn from it.
fn tie_key(seed: Option<u64>, index: usize) -> u64 {
    let i = index as u64;
    match seed {
        None => i,
        Some(s) => splitmix64(s ^ splitmix64(i)),
    }
}

fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
