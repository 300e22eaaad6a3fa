//! Where the overall score sits among the five archetype bands: which band, how far the nearest
//! neighbouring band is, and which bands the margin reaches.

use serde::{Deserialize, Serialize};

use crate::scoring::{Archetype, Scores};

/// The borders between the bands, as `Archetype::from_overall` draws them.
pub const BORDERS: [f64; 4] = [-60.0, -20.0, 20.0, 60.0];

/// The band of each archetype, lowest first: (archetype, from, to) in score points.
pub fn bands() -> [(Archetype, f64, f64); 5] {
    let edges = [
        -100.0, BORDERS[0], BORDERS[1], BORDERS[2], BORDERS[3], 100.0,
    ];
    let mut out = [(Archetype::Hybrid, 0.0, 0.0); 5];
    for (i, a) in Archetype::ALL.into_iter().enumerate() {
        out[i] = (a, edges[i], edges[i + 1]);
    }
    out
}

/// A neighbouring band and how far the position is from the border with it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Border {
    pub archetype: Archetype,
    /// The border's score.
    pub at: f64,
    /// Score points from the position to the border.
    pub distance: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Placement {
    /// The overall score.
    pub position: f64,
    pub margin: Option<f64>,
    /// The archetype band, `None` when there are too few answers for a placement.
    pub band: Option<Archetype>,
    /// The neighbouring band whose border is closest (only with a band).
    pub nearest: Option<Border>,
    /// Both neighbouring bands (one at either end of the spectrum), lowest first.
    pub neighbours: Vec<Border>,
    /// Every band the 95% margin reaches, lowest first, when that is more than one: the
    /// placement then sits on (or across) a border. Empty without a margin or a band.
    pub straddles: Vec<Archetype>,
}

fn index(a: Archetype) -> usize {
    Archetype::ALL.iter().position(|x| *x == a).unwrap_or(0)
}

pub fn placement(scores: &Scores) -> Option<Placement> {
    let position = scores.overall?;
    let band = scores.archetype;
    let neighbours: Vec<Border> = band.map_or_else(Vec::new, |a| {
        let i = index(a);
        let below = i.checked_sub(1).map(|j| (Archetype::ALL[j], BORDERS[j]));
        let above = BORDERS.get(i).map(|at| (Archetype::ALL[i + 1], *at));
        [below, above]
            .into_iter()
            .flatten()
            .map(|(archetype, at)| Border {
                archetype,
                at,
                distance: (position - at).abs(),
            })
            .collect()
    });
    let nearest = neighbours
        .iter()
        .copied()
        .min_by(|a, b| a.distance.total_cmp(&b.distance));
    let straddles = match (band, scores.margin) {
        (Some(_), Some(m)) => {
            let lo = index(Archetype::from_overall((position - m).max(-100.0)));
            let hi = index(Archetype::from_overall((position + m).min(100.0)));
            if hi > lo {
                Archetype::ALL[lo..=hi].to_vec()
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    };
    Some(Placement {
        position,
        margin: scores.margin,
        band,
        nearest,
        neighbours,
        straddles,
    })
}
