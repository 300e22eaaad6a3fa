//! The five archetypes along the spectrum and their bands: on their own, so `build.rs` can
//! check the compiled-in texts against them without the rest of the scoring model. The band
//! borders are here once (`EDGES`), with the one answer to "which bands does an interval
//! touch" (`Archetype::touched`): placement, the adaptive form's stop rule and its notes all
//! ask these.

use serde::{Deserialize, Serialize};

/// Where the bands meet, lowest first. A score exactly on a border belongs to the band
/// `Archetype::from_overall` says: -60 and +60 to the outer bands, -20 and +20 to hybrid.
pub const EDGES: [f64; 4] = [-60.0, -20.0, 20.0, 60.0];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Archetype {
    ProductDeveloper,
    DeveloperLeaning,
    Hybrid,
    EngineerLeaning,
    SystemsEngineer,
}

impl Archetype {
    pub const ALL: [Archetype; 5] = [
        Archetype::ProductDeveloper,
        Archetype::DeveloperLeaning,
        Archetype::Hybrid,
        Archetype::EngineerLeaning,
        Archetype::SystemsEngineer,
    ];

    pub fn from_overall(overall: f64) -> Archetype {
        if overall <= EDGES[0] {
            Archetype::ProductDeveloper
        } else if overall < EDGES[1] {
            Archetype::DeveloperLeaning
        } else if overall <= EDGES[2] {
            Archetype::Hybrid
        } else if overall < EDGES[3] {
            Archetype::EngineerLeaning
        } else {
            Archetype::SystemsEngineer
        }
    }

    /// Position along the spectrum, 0 (product developer) to 4 (systems engineer).
    pub fn index(self) -> usize {
        Archetype::ALL.iter().position(|a| *a == self).unwrap_or(0)
    }

    /// The band's borders in score points, lowest first; `None` on the open side of an outer
    /// band (a score past -100 or +100 cannot happen, and a prediction past it still lands
    /// in the outer band).
    pub fn bounds(self) -> (Option<f64>, Option<f64>) {
        let i = self.index();
        (
            i.checked_sub(1).and_then(|j| EDGES.get(j).copied()),
            EDGES.get(i).copied(),
        )
    }

    /// Every band the interval [lo, hi] touches, lowest first (one band when it lies inside
    /// one).
    pub fn touched(lo: f64, hi: f64) -> &'static [Archetype] {
        let (a, b) = (
            Archetype::from_overall(lo.min(hi)).index(),
            Archetype::from_overall(lo.max(hi)).index(),
        );
        &Archetype::ALL[a..=b]
    }

    /// Score points from `overall` to the nearest border.
    pub fn room(overall: f64) -> f64 {
        EDGES
            .iter()
            .map(|e| (overall - e).abs())
            .fold(f64::INFINITY, f64::min)
    }

    pub fn id(self) -> &'static str {
        match self {
            Archetype::ProductDeveloper => "product-developer",
            Archetype::DeveloperLeaning => "developer-leaning",
            Archetype::Hybrid => "hybrid",
            Archetype::EngineerLeaning => "engineer-leaning",
            Archetype::SystemsEngineer => "systems-engineer",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_edges_are_where_the_archetype_changes_and_touched_agrees() {
        for e in EDGES {
            assert_ne!(
                Archetype::from_overall(e - 1e-9),
                Archetype::from_overall(e + 1e-9),
                "{e}"
            );
        }
        let changes = (-1000..1000)
            .filter(|i| {
                let x = f64::from(*i) / 10.0;
                Archetype::from_overall(x) != Archetype::from_overall(x + 0.1)
            })
            .count();
        assert_eq!(changes, EDGES.len());
        assert_eq!(Archetype::room(0.0), 20.0);
        assert_eq!(Archetype::room(-90.0), 30.0);
        assert_eq!(Archetype::room(55.0), 5.0);
        assert_eq!(Archetype::touched(-5.0, 5.0), [Archetype::Hybrid]);
        assert_eq!(
            Archetype::touched(25.0, -25.0),
            [
                Archetype::DeveloperLeaning,
                Archetype::Hybrid,
                Archetype::EngineerLeaning
            ]
        );
        assert_eq!(Archetype::Hybrid.bounds(), (Some(-20.0), Some(20.0)));
        assert_eq!(Archetype::ProductDeveloper.bounds(), (None, Some(-60.0)));
        assert_eq!(Archetype::SystemsEngineer.bounds(), (Some(60.0), None));
    }
}
