//! The adaptive form's running state over one bank, kept one answer at a time: each question's
//! dimension x lens cell, the running sums of every cell, and the questions not asked yet,
//! gathered into groups of questions that are alike (same cell, weight and possible answers).
//! The selector and the prediction only ever look at cells and groups, never at every
//! question, so an answer costs the same on a 51- and a 10,000-question bank (issue 19: a
//! rebuild over the whole bank per answer took 132 s to replay 10,000 questions).
//!
//! A front end that holds only (answers, order) rebuilds the state with `Tracker::of`, once
//! per answer; a replay keeps one and calls `ask`.

use std::collections::HashMap;

use crate::answers::Answers;
use crate::bank::{Bank, Kind, Lens, Pole, Question};
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

/// Every value `s` a one-option answer to `q` can have. Two options that fit equally well score
/// their mean (`scoring::signed_value`), which lies between these, so the bounds the stop rule
/// takes from them (`lo`, `hi`) still hold; the prediction models the usual single answer.
pub(super) fn values(q: &Question) -> Vec<f64> {
    match &q.kind {
        Kind::Choice { options, .. } => options.iter().map(|o| o.lean).collect(),
        Kind::Likert { .. } | Kind::Pair { .. } => vec![-1.0, -0.5, 0.0, 0.5, 1.0],
    }
}

/// Which way agreeing with a statement points: +1 toward the engineer pole, -1 toward the
/// developer pole, 0 for a question that is not agree/disagree. Someone who agrees with
/// everything scores +1 on the first kind and -1 on the second.
fn keyed(q: &Question) -> i8 {
    match &q.kind {
        Kind::Likert { keyed, .. } if *keyed == Pole::Engineer => 1,
        Kind::Likert { .. } => -1,
        _ => 0,
    }
}

/// Questions of one cell that are alike: the same weight, the same possible answers and the same
/// keying, so the selector and the prediction treat them the same. Which of them comes first is
/// the tie order.
#[derive(Debug, Clone)]
pub(super) struct Group {
    pub cell: usize,
    pub weight: f64,
    pub values: Vec<f64>,
    pub lo: f64,
    pub hi: f64,
    pub keyed: i8,
    /// Bank indexes, in tie order.
    members: Vec<usize>,
    /// Members before this one have all been asked.
    next: usize,
    /// Members not asked yet.
    pub open: usize,
}

#[derive(Debug, Clone)]
pub(super) struct Tracker<'b> {
    pub bank: &'b Bank,
    /// The cell of each question, by bank index: dimension index * 2 + lens.
    cell_of: Vec<usize>,
    group_of: Vec<usize>,
    pub groups: Vec<Group>,
    /// The groups of each cell.
    pub cell_groups: Vec<Vec<usize>>,
    /// Each cell's share of the whole bank's weight.
    pub share: Vec<f64>,
    /// Questions of each cell in the bank, and not asked yet.
    pub size: Vec<usize>,
    pub open: Vec<usize>,
    /// The weight of each cell's questions not asked yet.
    pub open_w: Vec<f64>,
    /// Each cell's answers so far, and all of them.
    pub sums: Vec<Sums>,
    pub overall: Sums,
    asked: Vec<bool>,
    /// Questions not asked yet, and their weight.
    pub remaining: usize,
    pub remaining_w: f64,
    /// Agree/disagree statements answered, engineer-keyed less developer-keyed.
    pub keyed_balance: i64,
}

pub(super) fn lens_index(l: Lens) -> usize {
    match l {
        Lens::Preference => 0,
        Lens::Practice => 1,
    }
}

/// Bank order without a seed; with one, a fixed pseudo-random order drawn from it.
pub(super) fn tie_key(seed: Option<u64>, index: usize) -> u64 {
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

impl<'b> Tracker<'b> {
    /// Nothing asked yet; `seed` orders questions that are alike.
    pub fn new(bank: &'b Bank, seed: Option<u64>) -> Tracker<'b> {
        let dims: HashMap<&str, usize> = bank
            .dimensions
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let cells = (bank.dimensions.len() * 2).max(1);
        let mut t = Tracker {
            bank,
            cell_of: Vec::with_capacity(bank.questions.len()),
            group_of: Vec::with_capacity(bank.questions.len()),
            groups: Vec::new(),
            cell_groups: vec![Vec::new(); cells],
            share: vec![0.0; cells],
            size: vec![0; cells],
            open: vec![0; cells],
            open_w: vec![0.0; cells],
            sums: vec![Sums::default(); cells],
            overall: Sums::default(),
            asked: vec![false; bank.questions.len()],
            remaining: bank.questions.len(),
            remaining_w: 0.0,
            keyed_balance: 0,
        };
        let mut by_kind: HashMap<(usize, u64, i8, Vec<u64>), usize> = HashMap::new();
        for (i, q) in bank.questions.iter().enumerate() {
            // A validated bank names only its own dimensions; anything else shares cell 0
            // rather than being lost.
            let d = dims.get(q.dimension.as_str()).copied().unwrap_or(0);
            let c = (d * 2 + lens_index(q.lens)).min(cells - 1);
            let vs = values(q);
            let key = (
                c,
                q.weight.to_bits(),
                keyed(q),
                vs.iter().map(|v| v.to_bits()).collect(),
            );
            let g = *by_kind.entry(key).or_insert_with(|| {
                t.groups.push(Group {
                    cell: c,
                    weight: q.weight,
                    lo: vs.iter().copied().fold(f64::INFINITY, f64::min),
                    hi: vs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                    keyed: keyed(q),
                    values: vs,
                    members: Vec::new(),
                    next: 0,
                    open: 0,
                });
                t.cell_groups[c].push(t.groups.len() - 1);
                t.groups.len() - 1
            });
            t.groups[g].members.push(i);
            t.groups[g].open += 1;
            t.share[c] += q.weight;
            t.size[c] += 1;
            t.open[c] += 1;
            t.open_w[c] += q.weight;
            t.remaining_w += q.weight;
            t.cell_of.push(c);
            t.group_of.push(g);
        }
        if t.remaining_w > 0.0 {
            let total = t.remaining_w;
            t.share.iter_mut().for_each(|s| *s /= total);
        }
        for g in &mut t.groups {
            g.members.sort_by_key(|&i| (tie_key(seed, i), i));
        }
        t
    }

    /// The state after `order` (each answered from `answers` or skipped), then any other
    /// answer in bank order. Answers are taken in the order asked, as a replay takes them, so
    /// both reach the same sums to the last bit.
    pub fn of(
        bank: &'b Bank,
        answers: &Answers,
        order: &[String],
        seed: Option<u64>,
    ) -> Tracker<'b> {
        let mut t = Tracker::new(bank, seed);
        let answer = |q: &Question| answers.get(&q.id).and_then(|a| signed_value(q, a));
        for id in order {
            if let Some(i) = bank.index_of(id) {
                t.ask(i, answer(&bank.questions[i]));
            }
        }
        if answers.len() > t.overall.n {
            for (i, q) in bank.questions.iter().enumerate() {
                if !t.asked[i]
                    && let Some(s) = answer(q)
                {
                    t.ask(i, Some(s));
                }
            }
        }
        t
    }

    /// Question `i` was asked, and answered `s` (`None`: skipped). Asking again does nothing.
    pub fn ask(&mut self, i: usize, s: Option<f64>) {
        let (Some(&c), Some(&g), Some(false)) = (
            self.cell_of.get(i),
            self.group_of.get(i),
            self.asked.get(i).copied(),
        ) else {
            return;
        };
        let w = self.bank.questions[i].weight;
        self.asked[i] = true;
        self.open[c] -= 1;
        self.open_w[c] -= w;
        self.remaining -= 1;
        self.remaining_w -= w;
        let group = &mut self.groups[g];
        group.open -= 1;
        while group
            .members
            .get(group.next)
            .is_some_and(|&m| self.asked[m])
        {
            group.next += 1;
        }
        if let Some(s) = s {
            self.keyed_balance += i64::from(group.keyed);
            self.overall = self.overall.with(w, s);
            self.sums[c] = self.sums[c].with(w, s);
        }
        if self.remaining == 0 {
            // Exactly nothing left, whatever rounding the subtractions left behind.
            self.open_w.iter_mut().for_each(|w| *w = 0.0);
            self.remaining_w = 0.0;
        }
    }

    pub fn answered(&self) -> usize {
        self.overall.n
    }

    /// The question each group would ask next (the first not asked in tie order), with its
    /// group.
    pub fn candidates(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.groups
            .iter()
            .enumerate()
            .filter_map(|(g, group)| group.members.get(group.next).map(|&i| (g, i)))
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

    #[cfg(test)]
    pub fn cell_of(&self, i: usize) -> usize {
        self.cell_of[i]
    }

    #[cfg(test)]
    pub fn is_asked(&self, i: usize) -> bool {
        self.asked[i]
    }
}
