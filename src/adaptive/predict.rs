//! What the full form would say: the stop rule's prediction, Finkelman's stochastic
//! curtailment (M. Finkelman, "On using stochastic curtailment to shorten the SPRT in
//! sequential mastery testing", Journal of Educational and Behavioral Statistics 33(4),
//! 442-463, 2008; M. D. Finkelman, "Variations on stochastic curtailment in sequential mastery
//! testing", Applied Psychological Measurement 34(1), 27-45, 2010). Deterministic curtailment
//! stops when no answers to the questions left could change the classification; stochastic
//! curtailment stops when they very probably would not.
//!
//! The full form's overall score is 100 (A + U) / (W_a + W_u): A and W_a the answered part
//! (weighted sum and weight), U the weighted sum of the answers to the questions not asked
//! yet, W_u their weight. Each of those answers is predicted as the selector predicts it, from
//! scoring model v2's own numbers for its dimension x lens cell:
//! - the cell's mean shrunk toward the overall mean by the prior's weight (a cell with no
//!   answer predicts the overall mean), and the cell's shrunk variance (`Sums::var`);
//! - over the question's possible answers, each as likely as a normal curve with that mean
//!   and variance makes it;
//! - and, shared by every question still to come, the uncertainty of the means they are drawn
//!   around: the person's overall mean (the overall variance over the answers' weight plus the
//!   prior's), and each cell's own mean the same way within the cell. This is what makes 39
//!   answers still to come more than 39 independent draws around a known mean; without it the
//!   prediction is sure of itself about twice too soon (BENCHMARKS.md).
//!
//! U is then close to normal (a sum over many questions), so P(full-form band = the band the
//! answers so far give) is a difference of two normal probabilities.

use super::track::{Sums, Tracker};
use crate::scoring::{Archetype, PRIOR_WEIGHT};

/// The prediction of U, the answers still to come.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(super) struct Outlook {
    /// The answered part: sum of w s, and sum of w.
    pub a: f64,
    pub w_a: f64,
    /// The weight of the questions not asked yet.
    pub w_u: f64,
    /// E[U].
    pub mean: f64,
    /// Var[U] from each answer's own scatter, from the cells' means being estimates, and
    /// from the overall mean being one.
    pub scatter: f64,
    pub shared: f64,
    pub level: f64,
}

/// The variance U gets from the overall mean being an estimate.
pub(super) fn level(overall: &Sums, w_u: f64) -> f64 {
    w_u.powi(2) * overall.var() / (overall.w + PRIOR_WEIGHT)
}

/// A cell's predicted answer: mean, variance, and the variance of that mean.
pub(super) fn cell_prediction(sums: &Sums, overall_mean: f64) -> (f64, f64, f64) {
    let var = sums.var();
    let mean = (sums.ws + PRIOR_WEIGHT * overall_mean) / (sums.w + PRIOR_WEIGHT);
    (mean, var, var / (sums.w + PRIOR_WEIGHT))
}

/// The probability of each of `values`, as likely as a normal curve with `mean` and `var`
/// makes it; written into `p`, which has one slot per value.
pub(super) fn answer_odds(values: &[f64], mean: f64, var: f64, p: &mut [f64]) {
    // Relative to the nearest value, so a tiny variance cannot make every weight 0.
    let d2 = |s: f64| (s - mean).powi(2);
    let near = values.iter().map(|&s| d2(s)).fold(f64::INFINITY, f64::min);
    let mut total = 0.0;
    for (slot, &s) in p.iter_mut().zip(values) {
        // The `libm` crate's exp, compiled in: std's would map the whole of libm.so (about
        // 250 KB resident) into every run for this one function.
        *slot = libm::exp(-(d2(s) - near) / (2.0 * var.max(1e-12)));
        total += *slot;
    }
    p.iter_mut().for_each(|x| *x /= total);
}

/// The mean and variance of one answer over `values` with the odds above.
pub(super) fn answer_moments(values: &[f64], mean: f64, var: f64) -> (f64, f64) {
    let mut p = [0.0; 16];
    let mut owned;
    let p: &mut [f64] = if values.len() <= p.len() {
        &mut p[..values.len()]
    } else {
        owned = vec![0.0; values.len()];
        &mut owned
    };
    answer_odds(values, mean, var, p);
    let m: f64 = values.iter().zip(p.iter()).map(|(s, q)| s * q).sum();
    let v: f64 = values
        .iter()
        .zip(p.iter())
        .map(|(s, q)| q * (s - m).powi(2))
        .sum();
    (m, v)
}

/// One cell's part of U: (mean, scatter variance, shared variance).
pub(super) fn cell_part(t: &Tracker<'_>, c: usize, overall_mean: f64) -> (f64, f64, f64) {
    let (mean, var, var_of_mean) = cell_prediction(&t.sums[c], overall_mean);
    let (mut m, mut v) = (0.0, 0.0);
    for &g in &t.cell_groups[c] {
        let group = &t.groups[g];
        if group.open == 0 {
            continue;
        }
        let (gm, gv) = answer_moments(&group.values, mean, var);
        let n = group.open as f64;
        m += n * group.weight * gm;
        v += n * group.weight * group.weight * gv;
    }
    (m, v, t.open_w[c].powi(2) * var_of_mean)
}

pub(super) fn outlook(t: &Tracker<'_>) -> Outlook {
    let overall_mean = t.overall.mean().unwrap_or(0.0);
    let mut o = Outlook {
        a: t.overall.ws,
        w_a: t.overall.w,
        w_u: t.remaining_w,
        level: level(&t.overall, t.remaining_w),
        ..Outlook::default()
    };
    for c in 0..t.sums.len() {
        if t.open[c] == 0 {
            continue;
        }
        let (m, scatter, shared) = cell_part(t, c, overall_mean);
        o.mean += m;
        o.scatter += scatter;
        o.shared += shared;
    }
    o
}

/// The standard normal distribution function.
pub(super) fn phi(z: f64) -> f64 {
    0.5 * libm::erfc(-z / std::f64::consts::SQRT_2)
}

impl Outlook {
    /// The band the answers so far place in; `None` with nothing answered.
    pub fn band(&self) -> Option<Archetype> {
        (self.w_a > 0.0).then(|| Archetype::from_overall(100.0 * self.a / self.w_a))
    }

    /// P(the full form's overall score lies in `band`), with U's mean and variance given.
    pub fn chance_in(&self, band: Archetype, mean: f64, var: f64) -> f64 {
        let total = self.w_a + self.w_u;
        if total <= 0.0 {
            return 0.0;
        }
        // The full score is in [lo, hi] when U is in [lo * total / 100 - a, ...].
        let to_u = |edge: f64| edge * total / 100.0 - self.a;
        let (lo, hi) = band.bounds();
        if var <= 0.0 {
            let full = 100.0 * (self.a + mean) / total;
            return f64::from(u8::from(Archetype::from_overall(full) == band));
        }
        let sd = var.sqrt();
        let below =
            |edge: Option<f64>, open: f64| edge.map_or(open, |e| phi((to_u(e) - mean) / sd));
        (below(hi, 1.0) - below(lo, 0.0)).clamp(0.0, 1.0)
    }

    /// P(the full form's band = the band the answers so far give).
    pub fn likely(&self) -> Option<f64> {
        let band = self.band()?;
        Some(self.chance_in(band, self.mean, self.variance()))
    }

    pub fn variance(&self) -> f64 {
        self.scatter + self.shared + self.level
    }

    /// The fewest more answers after which the prediction, if the answers come in as predicted,
    /// would reach `threshold`; `None` if it would not before the questions run out.
    /// `answered` more answers of `remaining` are assumed spread over the cells as the
    /// questions are: U's part still to come shrinks in proportion, its scatter with it, and
    /// the cells' means firm up with the answers' weight.
    pub fn answers_to(&self, threshold: f64, remaining: usize) -> Option<usize> {
        if self.w_a <= 0.0 || remaining == 0 {
            return None;
        }
        let per = self.w_u / remaining as f64;
        (1..=remaining).find(|&k| {
            let f = k as f64 / remaining as f64;
            let firmer = (self.w_a + PRIOR_WEIGHT) / (self.w_a + k as f64 * per + PRIOR_WEIGHT);
            let later = Outlook {
                a: self.a + f * self.mean,
                w_a: self.w_a + f * self.w_u,
                w_u: self.w_u * (1.0 - f),
                mean: self.mean * (1.0 - f),
                scatter: self.scatter * (1.0 - f),
                shared: self.shared * (1.0 - f).powi(2) * firmer,
                level: self.level * (1.0 - f).powi(2) * firmer,
            };
            later.likely().is_some_and(|p| p >= threshold)
        })
    }
}
