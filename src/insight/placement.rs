//! Where the overall score sits among the five archetype bands: which band, how far the nearest
//! neighbouring band is, and which bands the margin reaches.

use serde::{Deserialize, Serialize};

use crate::scoring::{Archetype, EDGES, Scores};

/// The band of each archetype, lowest first: (archetype, from, to) in score points.
pub fn bands() -> [(Archetype, f64, f64); 5] {
    Archetype::ALL.map(|a| {
        let (lo, hi) = a.bounds();
        (a, lo.unwrap_or(-100.0), hi.unwrap_or(100.0))
    })
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

pub fn placement(scores: &Scores) -> Option<Placement> {
    let position = scores.overall?;
    let band = scores.archetype;
    let neighbours: Vec<Border> = band.map_or_else(Vec::new, |a| {
        let i = a.index();
        let below = i.checked_sub(1).map(|j| (Archetype::ALL[j], EDGES[j]));
        let above = EDGES.get(i).map(|at| (Archetype::ALL[i + 1], *at));
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
            let touched = Archetype::touched(position - m, position + m);
            if touched.len() > 1 {
                touched.to_vec()
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn at(overall: f64, margin: Option<f64>, answered: usize) -> Placement {
        let scores = Scores {
            overall: Some(overall),
            margin,
            engineer_pct: None,
            developer_pct: None,
            preference: None,
            practice: None,
            preference_margin: None,
            practice_margin: None,
            consistency: None,
            archetype: (answered >= crate::scoring::MIN_ANSWERS_FOR_ARCHETYPE)
                .then(|| Archetype::from_overall(overall)),
            answered,
            skipped: 0,
            dimensions: Default::default(),
            drivers: Default::default(),
        };
        placement(&scores).unwrap()
    }

    #[test]
    fn the_nearest_border_and_the_bands_the_margin_reaches() {
        let p = at(-51.9, Some(23.0), 51);
        assert_eq!(p.band, Some(Archetype::DeveloperLeaning));
        let n = p.nearest.unwrap();
        assert_eq!((n.archetype, n.at), (Archetype::ProductDeveloper, -60.0));
        assert!((n.distance - 8.1).abs() < 1e-9);
        assert_eq!(
            p.straddles,
            [Archetype::ProductDeveloper, Archetype::DeveloperLeaning]
        );
        // Inside its band with room to spare: no straddle; at an end, one neighbour.
        let p = at(93.5, Some(9.0), 51);
        assert!(p.straddles.is_empty());
        assert_eq!(p.neighbours.len(), 1);
        // Exactly on a border belongs to the band the model says (-20 is hybrid).
        assert_eq!(at(-20.0, None, 51).band, Some(Archetype::Hybrid));
    }

    #[test]
    fn without_enough_answers_there_is_no_band_and_no_border() {
        let p = at(40.0, Some(30.0), 3);
        assert_eq!(p.band, None);
        assert!(p.nearest.is_none() && p.straddles.is_empty());
    }
}
