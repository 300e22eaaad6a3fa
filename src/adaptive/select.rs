//! Which question next.
//!
//! First every dimension x lens cell gets an answer (the form may not stop before), in an order
//! drawn from the seed: the first question not asked of each cell in tie order, whichever comes
//! first, except that agree/disagree statements keyed to either pole are kept within one of
//! each other. Someone who agrees with every statement then gives answers that pull both ways
//! and is asked on, rather than placed at a pole after twelve agreeing answers. Then the question whose answer is expected to raise most the probability the stop
//! rule looks at: P(the full form places the person in the band the answers give), after that
//! answer, averaged over the answers the model predicts for it (`predict`). What is asked then
//! depends on the answers: a cell whose answers scatter, or whose mean pulls the prediction
//! across a border, is asked more. Equal expected probabilities go to the question that
//! shrinks the prediction's variance most, then to tie order.
//!
//! Only groups of alike questions are compared (same cell, weight and possible answers), and
//! an answer's effect is worked out from cell totals (`Tracker`), so a choice costs the same
//! on any size of bank. Trying an answer updates its own cell exactly and the other cells'
//! predicted means through the overall mean they are shrunk toward; each group's predicted
//! answer in the cell moves with the cell's mean (to first order).

use super::predict::{Outlook, answer_odds, cell_part, cell_prediction, level, outlook};
use super::stop::{Check, Decision};
use super::track::{Tracker, tie_key};
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
    let t = Tracker::of(bank, answers, order, seed);
    if Check::of(&t).decision() != Decision::Continue {
        return None;
    }
    choose(&t, seed).map(|i| &bank.questions[i])
}

/// The question the selector prefers among those not asked, whether or not the stop rule
/// would stop first (`None` only when every question has been asked).
pub fn pick<'b>(
    bank: &'b Bank,
    answers: &Answers,
    order: &[String],
    seed: Option<u64>,
) -> Option<&'b Question> {
    choose(&Tracker::of(bank, answers, order, seed), seed).map(|i| &bank.questions[i])
}

/// The overall score's 95% margin composed from the dimension x lens cells in their bank
/// proportions, each with scoring's variance and prior (a cell with no answer counts as the
/// whole scale). `None` with nothing answered.
pub fn cell_margin(bank: &Bank, answers: &Answers) -> Option<f64> {
    let t = Tracker::of(bank, answers, &[], None);
    (t.answered() > 0).then(|| {
        let e2: f64 = t
            .sums
            .iter()
            .zip(&t.share)
            .map(|(s, share)| share * share * s.error2())
            .sum();
        (Z95 * 100.0 * e2.sqrt()).min(MAX_MARGIN)
    })
}

/// What a question is worth asking, compared field by field; `key` breaks exact ties.
#[derive(Debug, Clone, Copy)]
struct Gain {
    /// The question's cell has no answer yet.
    covers: bool,
    /// With this answer its cell would still be within one answer of its share of the bank.
    in_step: bool,
    /// The expected probability of the full form's band after the answer.
    likely: f64,
    /// The expected variance of the prediction after the answer, negated.
    firm: f64,
    key: u64,
}

impl Gain {
    fn beats(&self, other: &Gain) -> bool {
        // Figures computed along different paths may differ in the last bits; those are ties.
        let close = |x: f64, y: f64| (x - y).abs() <= 1e-12 * x.abs().max(y.abs()).max(1e-300);
        if self.covers != other.covers {
            return self.covers;
        }
        if self.in_step != other.in_step {
            return self.in_step;
        }
        if !close(self.likely, other.likely) {
            return self.likely > other.likely;
        }
        if !close(self.firm, other.firm) {
            return self.firm > other.firm;
        }
        self.key < other.key
    }
}

/// The bank index of the question to ask next; `None` when every question has been asked.
pub(super) fn choose(t: &Tracker<'_>, seed: Option<u64>) -> Option<usize> {
    let covering = t.uncovered().next().is_some();
    let now = outlook(t);
    let overall_mean = t.overall.mean().unwrap_or(0.0);
    // Each open cell's part of the prediction, and how much the prediction's mean moves per
    // unit of the overall mean (cells are shrunk toward it).
    let parts: Vec<(f64, f64, f64)> = (0..t.sums.len())
        .map(|c| {
            if t.open[c] == 0 {
                (0.0, 0.0, 0.0)
            } else {
                cell_part(t, c, overall_mean)
            }
        })
        .collect();
    let pull: Vec<f64> = (0..t.sums.len())
        .map(|c| t.open_w[c] * PRIOR_WEIGHT / (t.sums[c].w + PRIOR_WEIGHT))
        .collect();
    let pull_all: f64 = pull.iter().sum();
    let mut odds = Vec::new();
    let mut best: Option<(Gain, usize)> = None;
    for (g, i) in t.candidates() {
        let group = &t.groups[g];
        let c = group.cell;
        let covers = t.sums[c].n == 0;
        let in_step =
            t.sums[c].w + group.weight <= t.share[c] * (t.overall.w + group.weight) + group.weight;
        let gain = if covering {
            // Coverage comes first and in tie order, the keying balanced: no figure to
            // compare until it is done.
            let imbalance = (t.keyed_balance + i64::from(group.keyed)).abs().max(1);
            Gain {
                covers,
                in_step,
                likely: 0.0,
                firm: -(imbalance as f64),
                key: tie_key(seed, i),
            }
        } else {
            let (likely, var) = expected_after(t, &now, g, &parts, pull[c], pull_all, &mut odds);
            Gain {
                covers,
                in_step,
                likely,
                firm: -var,
                key: tie_key(seed, i),
            }
        };
        if best.as_ref().is_none_or(|(b, _)| gain.beats(b)) {
            best = Some((gain, i));
        }
    }
    best.map(|(_, i)| i)
}

/// The probability the stop rule looks at, and the prediction's variance, after one more
/// answer from group `g`, each averaged over the answers predicted for it.
fn expected_after(
    t: &Tracker<'_>,
    now: &Outlook,
    g: usize,
    parts: &[(f64, f64, f64)],
    pull_c: f64,
    pull_all: f64,
    odds: &mut Vec<f64>,
) -> (f64, f64) {
    let group = &t.groups[g];
    let c = group.cell;
    let w = group.weight;
    let sums = t.sums[c];
    let overall_mean = t.overall.mean().unwrap_or(0.0);
    let (mean_c, var_c, _) = cell_prediction(&sums, overall_mean);
    let (part_mean, part_scatter, part_shared) = parts[c];
    // The group's predicted answer: one question of it leaves the cell's part.
    odds.clear();
    odds.resize(group.values.len(), 0.0);
    answer_odds(&group.values, mean_c, var_c, odds);
    let g_mean: f64 = group
        .values
        .iter()
        .zip(odds.iter())
        .map(|(s, p)| s * p)
        .sum();
    let g_var: f64 = group
        .values
        .iter()
        .zip(odds.iter())
        .map(|(s, p)| p * (s - g_mean).powi(2))
        .sum();
    let left_w = t.open_w[c] - w;
    let (mut likely, mut var) = (0.0, 0.0);
    for (&s, &p) in group.values.iter().zip(odds.iter()) {
        let after = Outlook {
            a: now.a + w * s,
            w_a: now.w_a + w,
            w_u: now.w_u - w,
            ..*now
        };
        let mean_all = after.a / after.w_a;
        let cell = sums.with(w, s);
        let (mean_c2, var_c2, var_of_mean2) = cell_prediction(&cell, mean_all);
        // The other cells' means move with the overall mean; this cell's as computed.
        let shift_others = (pull_all - pull_c) * (mean_all - overall_mean);
        let part_mean2 = part_mean - w * g_mean + left_w * (mean_c2 - mean_c);
        let scatter2 = (part_scatter - w * w * g_var).max(0.0) * var_c2 / var_c.max(1e-12);
        let shared2 = left_w.max(0.0).powi(2) * var_of_mean2;
        let after = Outlook {
            mean: now.mean - part_mean + part_mean2 + shift_others,
            scatter: (now.scatter - part_scatter + scatter2).max(0.0),
            shared: (now.shared - part_shared + shared2).max(0.0),
            level: level(&t.overall.with(w, s), after.w_u),
            ..after
        };
        likely += p * after.likely().unwrap_or(0.0);
        var += p * after.variance();
    }
    (likely, var)
}
