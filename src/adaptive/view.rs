//! What the selector and the stop rule both need, worked out once per call: each question's
//! dimension x lens cell, what has been asked, and the running sums of every scale.

use std::collections::{HashMap, HashSet};

use crate::answers::Answers;
use crate::bank::{Bank, Kind, Lens, Question};
use crate::scoring::{MAX_MARGIN, PRIOR_VARIANCE, PRIOR_WEIGHT, Z95, signed_value};

/// The sums scoring's score and margin are made of, so trying an answer costs O(1).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Sums {
    pub n: usize,
    pub w: f64,
    pub ws: f64,
    pub wss: f64,
    pub ww: f64,
}

impl Sums {
    pub fn with(mut self, w: f64, s: f64) -> Sums {
        self.n += 1;
        self.w += w;
        self.ws += w * s;
        self.wss += w * s * s;
        self.ww += w * w;
        self
    }

    pub fn mean(&self) -> Option<f64> {
        (self.w > 0.0).then(|| self.ws / self.w)
    }

    /// Scoring's variance: the weighted spread around the mean, shrunk toward the prior. With
    /// nothing answered it is the prior's own.
    pub fn var(&self) -> f64 {
        let m = self.mean().unwrap_or(0.0);
        let ss = (self.wss - self.w * m * m).max(0.0);
        (ss + PRIOR_WEIGHT * PRIOR_VARIANCE) / (self.w + PRIOR_WEIGHT)
    }

    /// The squared standard error of the scale on the item scale, as `scoring::margin` has it
    /// (margin = Z95 * 100 * sqrt(this)): extended below its three-answer minimum, capped at
    /// the whole scale, and the cap itself for a scale with no answer.
    pub fn error2(&self) -> f64 {
        let cap = (MAX_MARGIN / (Z95 * 100.0)).powi(2);
        if self.n == 0 || self.w <= 0.0 {
            return cap;
        }
        (self.var() * self.ww / (self.w * self.w)).min(cap)
    }
}

/// Every value `s` an answer to `q` can have.
pub(super) fn values(q: &Question) -> Vec<f64> {
    match &q.kind {
        Kind::Choice { options, .. } => options.iter().map(|o| o.lean).collect(),
        Kind::Likert { .. } | Kind::Pair { .. } => vec![-1.0, -0.5, 0.0, 0.5, 1.0],
    }
}

pub(super) struct View<'b> {
    pub bank: &'b Bank,
    /// The cell of each question, by bank index: dimension index * 2 + lens.
    pub cell_of: Vec<usize>,
    /// Each cell's share of the whole bank's weight (the full form's overall score is made
    /// of the cells in these proportions).
    pub share: Vec<f64>,
    /// Questions of each cell in the bank.
    pub size: Vec<usize>,
    /// Questions of each cell not asked yet.
    pub open: Vec<usize>,
    /// Each cell's answers so far.
    pub sums: Vec<Sums>,
    pub overall: Sums,
    /// Asked (answered or skipped), by bank index.
    pub asked: Vec<bool>,
}

pub(super) fn lens_index(l: Lens) -> usize {
    match l {
        Lens::Preference => 0,
        Lens::Practice => 1,
    }
}

impl<'b> View<'b> {
    pub fn new(bank: &'b Bank, answers: &Answers, order: &[String]) -> View<'b> {
        let dims: HashMap<&str, usize> = bank
            .dimensions
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let asked_ids: HashSet<&str> = order.iter().map(String::as_str).collect();
        let cells = bank.dimensions.len() * 2;
        let mut v = View {
            bank,
            cell_of: Vec::with_capacity(bank.questions.len()),
            share: vec![0.0; cells],
            size: vec![0; cells],
            open: vec![0; cells],
            sums: vec![Sums::default(); cells],
            overall: Sums::default(),
            asked: Vec::with_capacity(bank.questions.len()),
        };
        let mut total = 0.0;
        for q in &bank.questions {
            // A validated bank names only its own dimensions; anything else shares cell 0
            // rather than being lost.
            let d = dims.get(q.dimension.as_str()).copied().unwrap_or(0);
            let c = (d * 2 + lens_index(q.lens)).min(cells.saturating_sub(1));
            let answer = answers.get(&q.id).and_then(|a| signed_value(q, a));
            let asked = answer.is_some() || asked_ids.contains(q.id.as_str());
            if let Some(s) = answer {
                v.overall = v.overall.with(q.weight, s);
                if let Some(sum) = v.sums.get_mut(c) {
                    *sum = sum.with(q.weight, s);
                }
            }
            if let Some(share) = v.share.get_mut(c) {
                *share += q.weight;
                v.size[c] += 1;
                v.open[c] += usize::from(!asked);
            }
            total += q.weight;
            v.cell_of.push(c);
            v.asked.push(asked);
        }
        if total > 0.0 {
            v.share.iter_mut().for_each(|s| *s /= total);
        }
        v
    }

    pub fn answered(&self) -> usize {
        self.overall.n
    }

    /// Questions not asked yet, with their bank index.
    pub fn candidates(&self) -> impl Iterator<Item = (usize, &'b Question)> + '_ {
        self.bank
            .questions
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.asked[*i])
    }

    /// Cells with questions but no answer, and still a question to ask: each must get one.
    pub fn uncovered(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.sums.len())
            .filter(|&c| self.size[c] > 0 && self.sums[c].n == 0 && self.open[c] > 0)
    }

    /// (dimension id, lens) of a cell.
    pub fn cell_name(&self, c: usize) -> (&'b str, Lens) {
        let d = self
            .bank
            .dimensions
            .get(c / 2)
            .map_or("", |d| d.id.as_str());
        (
            d,
            if c.is_multiple_of(2) {
                Lens::Preference
            } else {
                Lens::Practice
            },
        )
    }
}
