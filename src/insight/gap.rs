//! The gap between what a person enjoys and what they do today on one dimension, judged once:
//! whether it is a gap or a match, and how far the margins let it be believed. The Dimensions
//! card and the next steps both read it from here, so they cannot disagree.
//!
//! On the growth dimension (`DIRECTION_DIMENSION`) the preference lens is where the person wants
//! to grow and the practice lens what they have been learning lately, and the words say so.

use super::{DIRECTION_DIMENSION, DIVIDED_GAP, pole_of, pole_word};
use crate::bank::Pole;
use crate::insight::pts;
use crate::scoring::{DimensionScore, evidence};

/// How far the margins let a difference between the lenses be believed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Noise {
    /// Larger than both margins combined (`both`): likely real.
    Real { both: f64 },
    /// Within both margins combined: it may be noise.
    Within { both: f64 },
    /// One side has too few answers for a margin: a hint only.
    TooFew,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gap {
    pub preference: f64,
    pub practice: f64,
    pub noise: Noise,
}

impl Gap {
    /// Both lenses' scores, and what their margins say; `None` unless both have a score.
    pub fn of(d: &DimensionScore) -> Option<Gap> {
        let (preference, practice) = (d.preference?, d.practice?);
        let noise = match (
            evidence(d.preference, d.preference_margin),
            evidence(d.practice, d.practice_margin),
        ) {
            (Some((_, a)), Some((_, b))) => {
                let both = (a * a + b * b).sqrt();
                if (preference - practice).abs() > both {
                    Noise::Real { both }
                } else {
                    Noise::Within { both }
                }
            }
            _ => Noise::TooFew,
        };
        Some(Gap {
            preference,
            practice,
            noise,
        })
    }

    /// The lenses differ by `DIVIDED_GAP` or more: the dimension is divided.
    pub fn divided(&self) -> bool {
        (self.preference - self.practice).abs() >= DIVIDED_GAP
    }

    /// Both lenses have a margin: the gap may be the reason for a step.
    pub fn has_evidence(&self) -> bool {
        self.noise != Noise::TooFew
    }

    /// The side the practice lens leans to, past the preference: what the person does more of.
    pub fn more(&self) -> Pole {
        pole_of(self.practice - self.preference)
    }

    /// The way a step closes the gap: toward what the person enjoys.
    pub fn toward(&self) -> Pole {
        pole_of(self.preference - self.practice)
    }

    /// The gap may give a step: divided, with margins on both sides, and not away from the
    /// stated direction (`stated`), if there is one.
    pub fn gives_a_step(&self, stated: Option<Pole>) -> bool {
        self.divided() && self.has_evidence() && stated.is_none_or(|p| p == self.toward())
    }

    /// On the growth dimension: what the person has been learning lately already goes the way
    /// they want to grow, and further (so no step pushes it further that way).
    pub fn learning_ahead(&self) -> bool {
        self.divided() && self.preference != 0.0 && pole_of(self.preference) == self.more()
    }

    /// "enjoy +50, do +40": the two numbers as every sentence cites them.
    pub fn nums(&self) -> String {
        format!("enjoy {}, do {}", pts(self.preference), pts(self.practice))
    }

    /// What the Dimensions card says of this dimension: gap or match, and the hedge the margins
    /// call for (the same for both).
    pub fn card(&self, dimension: &str) -> String {
        let nums = self.nums();
        let growth = dimension == DIRECTION_DIMENSION;
        let claim = if !self.divided() {
            if growth {
                format!(
                    "What you have been learning lately and where you want to grow are within {DIVIDED_GAP:.0} points here ({nums}): your learning goes where you want to go."
                )
            } else {
                format!(
                    "What you enjoy and what you do today are within {DIVIDED_GAP:.0} points here ({nums}): your work matches your taste."
                )
            }
        } else if growth {
            let more = pole_word(self.more());
            let tail = if self.learning_ahead() {
                "your learning already runs ahead of where you want to grow."
            } else {
                "there is room to point your learning where you want to go."
            };
            format!(
                "What you have been learning lately leans further to the {more} side than where you want to grow ({nums}): {tail}"
            )
        } else {
            format!(
                "You do more {}-side work here than you would choose ({nums}): there is room to bring your days closer to what you enjoy.",
                pole_word(self.more())
            )
        };
        format!("{claim}{}", self.hedge())
    }

    /// What the margins let the reader believe, as a sentence to follow the claim.
    pub fn hedge(&self) -> String {
        match (self.noise, self.divided()) {
            (Noise::TooFew, _) => {
                " One side has too few answers for a margin, so treat it as a hint.".into()
            }
            (Noise::Real { both }, true) => format!(
                " The difference is larger than the two margins combined (± {both:.0}), so it is likely real."
            ),
            (Noise::Within { both }, true) => format!(
                " The difference is within the two margins combined (± {both:.0}), so it may be noise."
            ),
            (_, false) => String::new(),
        }
    }
}
