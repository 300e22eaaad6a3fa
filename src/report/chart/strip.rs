//! A strip per scale for a team: one row per person (their score, its margin either side, their
//! name or letter), so two people at the same score both stay visible. Past `STRIP_ROWS` people
//! the strip is binned: a row per 20 points with how many sit there.

use super::{Grid, Row, Tone, column, text_width};
use crate::team::Lean;

/// A strip shows one row per person up to this many; more are binned and counted.
pub const STRIP_ROWS: usize = 24;
/// Each bin of a binned strip covers this many points: ten bins across the scale.
pub const BIN_POINTS: f64 = 20.0;

/// One person on one scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub name: String,
    pub tag: String,
    pub score: Option<f64>,
    pub margin: Option<f64>,
    pub lean: Lean,
}

fn tone(l: Lean) -> Tone {
    match l {
        Lean::Engineer => Tone::Engineer,
        Lean::Developer => Tone::Developer,
        Lean::Balanced => Tone::Strong,
        Lean::Unclear => Tone::Marker,
    }
}

/// The label column: names when every name fits a third of the width, else letters (the
/// member list says who each letter is).
pub fn labels(marks: &[Mark], w: usize) -> (Vec<String>, usize) {
    let widest = marks.iter().map(|m| text_width(&m.name)).max().unwrap_or(0);
    let use_names = widest <= (w / 3).max(3);
    let labels: Vec<String> = marks
        .iter()
        .map(|m| if use_names { &m.name } else { &m.tag }.clone())
        .collect();
    let lw = labels.iter().map(|l| text_width(l)).max().unwrap_or(1);
    (labels, lw)
}

/// The bin (0..10) of a score.
pub fn bin(score: f64) -> usize {
    // In 0..=10 for a score in [-100, 100]; +100 joins the last bin.
    (((score.clamp(-100.0, 100.0) + 100.0) / BIN_POINTS) as usize).min(9)
}

/// "-100 to -80", "+80 to +100".
pub fn bin_name(i: usize) -> String {
    let from = -100.0 + BIN_POINTS * i as f64;
    let pts = |v: f64| crate::insight::pts(v);
    format!("{} to {}", pts(from), pts(from + BIN_POINTS))
}

/// A bin's colour: the developer side from -20 down, the engineer side from +20 up, and the
/// two bins within 20 of the middle neither (no one there leans).
pub fn bin_tone(i: usize) -> Tone {
    match i {
        0..4 => Tone::Developer,
        4 | 5 => Tone::Text,
        _ => Tone::Engineer,
    }
}

/// The strip of `marks` in `w` columns (at least 12).
pub fn strip(marks: &[Mark], w: usize) -> Vec<Row> {
    let w = w.max(12);
    if marks.len() > STRIP_ROWS {
        return binned(marks, w);
    }
    let (labels, lw) = labels(marks, w);
    let bw = w - lw - 1;
    let mut out = vec![axis(lw, bw)];
    for (m, label) in marks.iter().zip(labels) {
        let mut g = Grid::new(w);
        let y = g.row(' ', Tone::Dim);
        g.put(y, 0, &label, Tone::Text);
        let x0 = lw + 1;
        let Some(score) = m.score else {
            g.put(y, x0, "no answers on this scale", Tone::Dim);
            out.extend(g.into_rows());
            continue;
        };
        for x in 0..bw {
            g.put(y, x0 + x, "·", Tone::Dim);
        }
        g.put(y, x0 + bw / 2, "│", Tone::Dim);
        if let Some(mg) = m.margin {
            for x in column(score - mg, bw)..=column(score + mg, bw) {
                g.put(y, x0 + x, "─", tone(m.lean));
            }
        }
        g.put(y, x0 + column(score, bw), "●", tone(m.lean));
        out.extend(g.into_rows());
    }
    out
}

/// "developer   0   engineer" over the bar.
fn axis(lw: usize, bw: usize) -> Row {
    let mut g = Grid::new(lw + 1 + bw);
    let y = g.row(' ', Tone::Dim);
    let x0 = lw + 1;
    g.put(y, x0 + bw / 2, "0", Tone::Dim);
    if bw >= 24 {
        g.put(y, x0, "developer", Tone::Developer);
        g.put(y, x0 + bw - 8, "engineer", Tone::Engineer);
    } else {
        g.put(y, x0, "dev", Tone::Developer);
        g.put(y, x0 + bw - 3, "eng", Tone::Engineer);
    }
    g.into_rows().pop().unwrap_or_default()
}

/// A row per bin: its range, a bar as long as its count (scaled to the largest), the count.
fn binned(marks: &[Mark], w: usize) -> Vec<Row> {
    let mut counts = [0usize; 10];
    let mut none = 0;
    for m in marks {
        match m.score {
            Some(s) => counts[bin(s)] += 1,
            None => none += 1,
        }
    }
    let most = counts.iter().copied().max().unwrap_or(1).max(1);
    let lw = (0..10)
        .map(|i| text_width(&bin_name(i)))
        .max()
        .unwrap_or(12);
    let digits = most.to_string().len();
    let bw = w.saturating_sub(lw + 2 + digits).max(1);
    let mut out: Vec<Row> = (0..10)
        .map(|i| {
            let c = counts[i];
            // Every non-empty bin shows at least one block: an empty-looking bar would say 0.
            let len = if c == 0 {
                0
            } else {
                (c * bw).div_ceil(most).max(1)
            };
            let bar_tone = bin_tone(i);
            vec![
                (format!("{:>lw$} ", bin_name(i)), Tone::Text),
                ("█".repeat(len), bar_tone),
                (format!(" {c}"), if c == 0 { Tone::Dim } else { Tone::Text }),
            ]
        })
        .collect();
    if none > 0 {
        out.push(vec![(
            format!("{none} with no answers on this scale"),
            Tone::Dim,
        )]);
    }
    out
}
