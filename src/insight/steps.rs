//! Next steps: which dimensions, in which direction, at which level, and why, in sentences built
//! from the numbers they cite (a test recomputes every claim).
//!
//! Chosen in this order: (1) each open learning goal, (2) the direction the person says they want
//! to grow (the preference lens of `DIRECTION_DIMENSION`), on the dimensions where what they do
//! today is furthest from it, (3) the dimensions where what they enjoy and what they do differ
//! most, toward what they enjoy. A step never points away from the stated direction unless a
//! goal asks for it; without a stated direction, a gap step only closes the gap toward the
//! person's own preference on that dimension.
//!
//! Every reason rests only on scores with a margin (`scoring::evidence`, the rule Goals and
//! Compare use): a direction, a rank, a gap or a level from too few answers is not claimed, and
//! a goal counts as reached only as Goals judges it (`goals::reached_clearly`).

use serde::{Deserialize, Serialize};

mod direction;
mod level;
mod reason;
pub use direction::{direction_has_a_start, stated_direction};
use direction::{pushable, ranked};
use reason::{direction_rank, learning_lately};

use super::footing::lacks;
use super::{Gap, pole_of, pole_word};
use crate::assets::{Guidance, Level, Step};
use crate::bank::{Bank, Lens, Pole};
use crate::context::Context;
use crate::goals::{goal_margin, goal_score, reached_clearly};
use crate::scoring::Scores;
use crate::store::Goal;

/// The dimension whose preference lens says where a person wants to grow.
pub const DIRECTION_DIMENSION: &str = "path";
/// A stated direction needs at least this lean: inside it, the person is open either way.
pub const STATED_DIRECTION: f64 = 20.0;
pub const MAX_STEPS: usize = 4;
/// Steps the stated direction takes before the gaps get their turn ...
const DIRECTION_FIRST: usize = 2;
/// ... and how many steps it fills up to if the gaps leave room.
const DIRECTION_FILL: usize = 3;

/// Why a step was chosen, with the numbers its sentence cites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Because {
    /// An open learning goal on this dimension; `now` is this result's score for it.
    Goal {
        id: u32,
        lens: Option<Lens>,
        target: f64,
        now: Option<f64>,
    },
    /// The stated direction (`stated`: the direction dimension's preference score); of
    /// `of` dimensions with a practice score, this one is `rank`-th furthest from that pole
    /// (1 = furthest, 1 + how many are strictly further), `tied` others exactly as far.
    Direction {
        stated: f64,
        practice: f64,
        rank: usize,
        of: usize,
        tied: usize,
    },
    /// What you enjoy and what you do differ by at least `DIVIDED_GAP` here.
    Gap { preference: f64, practice: f64 },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChosenStep {
    pub dimension: String,
    pub toward: Pole,
    pub level: Level,
    pub text: String,
    /// Why this step, in a sentence built from the person's scores.
    pub why: String,
    /// The numbers the sentence cites.
    pub because: Because,
}

/// "+12", "-3" or "0": a score as the sentences cite it, in whole points.
pub fn pts(v: f64) -> String {
    crate::number::signed(v, 0)
}

fn sign(p: Pole) -> f64 {
    if p == Pole::Engineer { 1.0 } else { -1.0 }
}

/// How far along a dimension is toward `toward`, for the level: what you do today (practice);
/// the combined score when practice has no margin; `None` when neither has one (too few
/// answers to place a level).
pub fn progress(scores: &Scores, dimension: &str, toward: Pole) -> Option<f64> {
    let d = scores.dimensions.get(dimension)?;
    d.evidence(Some(Lens::Practice))
        .or_else(|| d.evidence(None))
        .map(|v| v * sign(toward))
}

/// The way each open goal on a dimension points: no step there may point the other way.
fn goal_directions(goals: &[Goal]) -> Vec<(&str, Pole)> {
    goals
        .iter()
        .filter(|g| g.done_at.is_none() && g.target != g.baseline_score)
        .map(|g| (g.dimension.as_str(), pole_of(g.target - g.baseline_score)))
        .collect()
}

/// Whether a step on `dimension` toward `toward` would work against an open goal.
pub fn against_a_goal(goals: &[Goal], dimension: &str, toward: Pole) -> bool {
    goal_directions(goals)
        .iter()
        .any(|(d, p)| *d == dimension && *p != toward)
}

/// The step that fits this person on a dimension toward a pole: at the level their experience,
/// role and practice give, needing nothing their role lacks, and never against an open goal.
pub fn fitting_step<'a>(
    guidance: &'a Guidance,
    scores: &Scores,
    dimension: &'a str,
    toward: Pole,
    goals: &[Goal],
    context: Option<&'a Context>,
) -> Option<&'a Step> {
    fitting(guidance, scores, dimension, toward, goals, context).map(|(s, _)| s)
}

/// `fitting_step`, with how its level was chosen.
fn fitting<'a>(
    guidance: &'a Guidance,
    scores: &Scores,
    dimension: &'a str,
    toward: Pole,
    goals: &[Goal],
    context: Option<&'a Context>,
) -> Option<(&'a Step, level::Chosen)> {
    if against_a_goal(goals, dimension, toward) {
        return None;
    }
    let along = progress(scores, dimension, toward);
    let (level, chosen) = level::choose(
        guidance,
        context,
        (dimension, toward),
        along,
        lacks(context),
    );
    guidance
        .steps_fitting(dimension, toward, level, lacks(context))
        .next()
        .map(|s| (s, chosen))
}

struct Chooser<'a> {
    bank: &'a Bank,
    scores: &'a Scores,
    guidance: &'a Guidance,
    goals: &'a [Goal],
    context: Option<&'a Context>,
    chosen: Vec<ChosenStep>,
}

impl Chooser<'_> {
    fn title(&self, id: &str) -> String {
        self.bank
            .dimension(id)
            .map_or(id.to_owned(), |d| d.title.clone())
    }

    fn why(&self, dimension: &str, toward: Pole, because: &Because) -> String {
        let title = self.title(dimension);
        let pole = pole_word(toward);
        match because {
            Because::Goal {
                id,
                lens,
                target,
                now,
            } => {
                // Only a score with a margin is cited, as Goals judges it.
                let now = now.map_or(
                    "has too few answers there to tell where you are now".to_owned(),
                    |v| format!("has it at {}", pts(v)),
                );
                // The lens by the page's own name for it ("what you do today").
                format!(
                    "Your learning goal #{id} aims for {} on {}; this result {now}.",
                    pts(*target),
                    crate::goals::goal_title(&title, *lens)
                )
            }
            Because::Direction {
                stated,
                practice,
                rank,
                of,
                tied,
            } => {
                let want = format!(
                    "You want to grow toward {pole} work ({}: enjoy {}).",
                    self.title(DIRECTION_DIMENSION),
                    pts(*stated)
                );
                if dimension == DIRECTION_DIMENSION {
                    return format!("{want} {}", learning_lately(*practice, toward));
                }
                format!(
                    "{want} By what you do today, {}",
                    direction_rank(&title, toward, *practice, (*rank, *of, *tied), {
                        *of == self.scores.dimensions.len()
                    })
                )
            }
            Because::Gap {
                preference,
                practice,
            } if dimension == DIRECTION_DIMENSION => format!(
                "What you have been learning lately leans further to the {} side than where you want to grow (enjoy {}, do {}): a step toward the {pole} side points your learning where you want to go.",
                pole_word(pole_of(practice - preference)),
                pts(*preference),
                pts(*practice)
            ),
            Because::Gap {
                preference,
                practice,
            } => format!(
                "In {title} you do more {}-side work than you would choose (enjoy {}, do {}): a step toward the {pole} side brings your days closer to what you enjoy.",
                pole_word(pole_of(practice - preference)),
                pts(*preference),
                pts(*practice)
            ),
        }
    }

    fn full(&self) -> bool {
        self.chosen.len() >= MAX_STEPS
    }

    fn add(&mut self, dimension: &str, toward: Pole, because: Because) {
        if self.full() || self.chosen.iter().any(|c| c.dimension == dimension) {
            return;
        }
        let Some((step, chosen)) = fitting(
            self.guidance,
            self.scores,
            dimension,
            toward,
            self.goals,
            self.context,
        ) else {
            return;
        };
        // A gap step carries the Dimensions card's hedge: the same margins, the same words.
        let hedge = match because {
            Because::Gap { .. } => self
                .scores
                .dimensions
                .get(dimension)
                .and_then(Gap::of)
                .map(|g| g.hedge())
                .unwrap_or_default(),
            _ => String::new(),
        };
        let why = self.why(dimension, toward, &because)
            + &hedge
            + &level::clause(self.context, step.level, chosen);
        self.chosen.push(ChosenStep {
            dimension: dimension.to_owned(),
            toward,
            level: step.level,
            text: step.text.clone(),
            why,
            because,
        });
    }
}

/// Learning steps for a result without goals.
pub fn steps(bank: &Bank, scores: &Scores, guidance: &Guidance) -> Vec<ChosenStep> {
    steps_with_goals(bank, scores, guidance, &[])
}

pub fn steps_with_goals(
    bank: &Bank,
    scores: &Scores,
    guidance: &Guidance,
    goals: &[Goal],
) -> Vec<ChosenStep> {
    steps_for_person(bank, scores, guidance, goals, None)
}

/// The steps for a person: their open goals first, at the levels their `context` allows.
pub fn steps_for_person(
    bank: &Bank,
    scores: &Scores,
    guidance: &Guidance,
    goals: &[Goal],
    context: Option<&Context>,
) -> Vec<ChosenStep> {
    if scores.overall.is_none() {
        return Vec::new();
    }
    let mut c = Chooser {
        bank,
        scores,
        guidance,
        goals,
        context,
        chosen: Vec::new(),
    };
    let mut open: Vec<&Goal> = goals.iter().filter(|g| g.done_at.is_none()).collect();
    open.sort_by_key(|g| g.id);
    for g in open {
        if !scores.dimensions.contains_key(&g.dimension) {
            continue;
        }
        let (score, margin) = (
            goal_score(scores, &g.dimension, g.lens),
            goal_margin(scores, &g.dimension, g.lens),
        );
        // Reached by the rule Goals uses: a score from too few answers reaches nothing.
        if reached_clearly(g, score, margin) {
            continue;
        }
        let now = crate::scoring::evidence(score, margin).map(|(v, _)| v);
        // Toward the target the way the goal points: a score past it within the margins is
        // no reason to turn back.
        let toward = if g.target == g.baseline_score {
            pole_of(g.target - now.unwrap_or(g.baseline_score))
        } else {
            pole_of(g.target - g.baseline_score)
        };
        let because = Because::Goal {
            id: g.id,
            lens: g.lens,
            target: g.target,
            now,
        };
        c.add(&g.dimension, toward, because);
    }
    let stated = stated_direction(scores);
    let furthest = ranked(scores);
    let direction = |c: &mut Chooser<'_>, up_to: usize| {
        let Some((pole, stated)) = stated else {
            return;
        };
        for (id, along) in &furthest {
            if c.chosen.len() >= up_to {
                break;
            }
            // Ranked as the sentence shows the scores, in whole points: two dimensions that
            // both read "do -100" are tied, whatever their decimals.
            if !pushable(id, *along, stated) {
                continue;
            }
            let shown = along.round();
            let because = Because::Direction {
                stated,
                practice: along * sign(pole),
                rank: 1 + furthest.iter().filter(|(_, v)| v.round() < shown).count(),
                of: furthest.len(),
                tied: furthest
                    .iter()
                    .filter(|(other, v)| other != id && v.round() == shown)
                    .count(),
            };
            c.add(id, pole, because);
        }
    };
    let before = c.chosen.len();
    direction(&mut c, before + DIRECTION_FIRST);
    // A gap is a reason only where both lenses have a margin (`Gap::has_evidence`).
    let mut divided: Vec<(&String, f64, f64)> = scores
        .dimensions
        .iter()
        .filter_map(|(id, d)| Some((id, Gap::of(d)?)))
        .filter(|(_, g)| g.gives_a_step(stated.map(|(p, _)| p)))
        .map(|(id, g)| (id, g.preference, g.practice))
        .collect();
    divided.sort_by(|a, b| (b.1 - b.2).abs().total_cmp(&(a.1 - a.2).abs()));
    for (id, preference, practice) in divided {
        let toward = pole_of(preference - practice);
        c.add(
            id,
            toward,
            Because::Gap {
                preference,
                practice,
            },
        );
    }
    direction(&mut c, DIRECTION_FILL);
    c.chosen
}
