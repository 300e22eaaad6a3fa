//! Career paths, roles, learning steps and quadrant names: data in `assets/guidance.toml`,
//! checked when loaded so a missing text is a failing test, not a blank panel.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::texts::AssetsError;

mod check;
use crate::bank::Pole;
use crate::scoring::Archetype;
pub use check::parse;

const GUIDANCE_TOML: &str = include_str!("../../assets/guidance.toml");
const FILE: &str = "assets/guidance.toml";
/// Each dimension needs this many steps per direction and level, so two people at the same
/// place still have a choice, and a goal and a gap on one dimension never run out.
const STEPS_PER_LEVEL: usize = 2;
/// The dimensions the steps must cover: the default bank's.
const DIMENSIONS: [&str; 6] = ["scope", "focus", "skills", "impact", "workstyle", "path"];
/// The people whose role rules steps out, and the levels they can be given: each needs a step
/// for every dimension, direction and such level. People who code little (managers,
/// architects) are never at the starting level; people on their own have every level.
pub const AUDIENCES: [(&str, &[Need], &[Level]); 2] = [
    (
        "people who code little",
        &[Need::Coding, Need::Manager],
        &[Level::Growing, Level::Leading],
    ),
    (
        "people working on their own",
        &[Need::Team, Need::Manager],
        &Level::ALL,
    ),
];
/// Both lenses within this many points of the middle: neither side of a quadrant means much.
pub const BALANCED_WITHIN: f64 = 10.0;

/// How far along a person already is in a step's direction, so advice fits: no one who already
/// does the work every day is told to try it for the first time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Starting,
    Growing,
    Leading,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Starting, Level::Growing, Level::Leading];
    /// The archetype bands' inner edges: from +20 a person leans that way, from +60 they are
    /// at that end of the spectrum (README, "Archetype").
    pub const GROWING_FROM: f64 = 20.0;
    pub const LEADING_FROM: f64 = 60.0;

    /// The level for a practice score measured in the step's direction (+ = that way).
    pub fn for_progress(progress: f64) -> Level {
        if progress >= Level::LEADING_FROM {
            Level::Leading
        } else if progress >= Level::GROWING_FROM {
            Level::Growing
        } else {
            Level::Starting
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Starting => "starting",
            Level::Growing => "growing",
            Level::Leading => "leading",
        }
    }
}

/// What a step takes for granted that not everyone has: a team around you, writing code most
/// days, a manager to ask. A step needing what a person's role lacks is not offered to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Need {
    Team,
    Coding,
    Manager,
}

/// Roles offered to people in one role today (`[[context_paths]]`): they lead the paths, and
/// the archetype's roles fill up behind them unless `fill` is false.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextPath {
    pub role: crate::context::Role,
    pub roles: Vec<String>,
    /// Said instead of the archetype's note, when the archetype's assumes another place.
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default = "yes")]
    pub fill: bool,
}

fn yes() -> bool {
    true
}

/// The roles that fit an archetype, and a note on getting there.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathSet {
    pub archetype: Archetype,
    pub roles: Vec<String>,
    pub note: String,
}

/// A role a career can lead to: what it does, what it asks for, how people usually get there.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub title: String,
    /// How far along a career the role usually sits (0: a first job), so nobody is offered a
    /// role behind the one they hold.
    pub rank: u8,
    /// The About-you roles that already are this role: never offered to them as a next step.
    #[serde(default)]
    pub held_by: Vec<crate::context::Role>,
    pub day: String,
    pub skills: String,
    pub way: String,
}

/// An archetype's paths with their roles spelled out, as a page shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    pub note: String,
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuadrantId {
    EngineerByChoice,
    EngineerOnDeveloperDuty,
    DeveloperByChoice,
    DeveloperOnEngineerDuty,
    Balanced,
}

impl QuadrantId {
    pub const ALL: [QuadrantId; 5] = [
        QuadrantId::EngineerByChoice,
        QuadrantId::EngineerOnDeveloperDuty,
        QuadrantId::DeveloperByChoice,
        QuadrantId::DeveloperOnEngineerDuty,
        QuadrantId::Balanced,
    ];

    /// The quadrant of a (preference, practice) point: `Balanced` when both are within
    /// `BALANCED_WITHIN` of the middle; otherwise by sign, 0 counting as the engineer side.
    pub fn of(preference: f64, practice: f64) -> QuadrantId {
        if preference.abs() <= BALANCED_WITHIN && practice.abs() <= BALANCED_WITHIN {
            return QuadrantId::Balanced;
        }
        match (preference >= 0.0, practice >= 0.0) {
            (true, true) => QuadrantId::EngineerByChoice,
            (true, false) => QuadrantId::EngineerOnDeveloperDuty,
            (false, false) => QuadrantId::DeveloperByChoice,
            (false, true) => QuadrantId::DeveloperOnEngineerDuty,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quadrant {
    pub id: QuadrantId,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub dimension: String,
    pub toward: Pole,
    pub level: Level,
    pub text: String,
    #[serde(default)]
    pub needs: Vec<Need>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    retake: String,
    quick_note: String,
    goal_note: String,
    adaptive_note: String,
    adaptive_predicted: String,
    adaptive_curtailed: String,
    leveling: String,
    paths: Vec<Spanned<PathSet>>,
    roles: Vec<Spanned<Role>>,
    context_paths: Vec<Spanned<ContextPath>>,
    quadrants: Vec<Spanned<Quadrant>>,
    steps: Vec<Spanned<Step>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Guidance {
    pub paths: Vec<PathSet>,
    pub roles: Vec<Role>,
    pub context_paths: Vec<ContextPath>,
    pub quadrants: Vec<Quadrant>,
    pub steps: Vec<Step>,
    /// When a retake makes sense, and what Compare then shows.
    pub retake: String,
    /// What a quick-form result says about its margins.
    pub quick_note: String,
    /// What a goal-form result says: the one scale it covers (placeholders in
    /// `assets/guidance.toml`).
    pub goal_note: String,
    /// What an adaptive-form result says about itself, and why it stopped (placeholders in
    /// `assets/guidance.toml`).
    pub adaptive_note: String,
    pub adaptive_predicted: String,
    pub adaptive_curtailed: String,
    /// How the roles are leveled.
    pub leveling: String,
}

impl Guidance {
    /// Parses and checks `assets/guidance.toml` (build.rs does, and compiles the result in).
    pub fn parse_shipped() -> Result<Guidance, AssetsError> {
        parse(GUIDANCE_TOML)
    }

    pub fn paths_for(&self, a: Archetype) -> Option<Path> {
        let set = self.paths.iter().find(|p| p.archetype == a)?;
        Some(Path {
            note: set.note.clone(),
            roles: set
                .roles
                .iter()
                .filter_map(|id| self.roles.iter().find(|r| r.id == *id).cloned())
                .collect(),
        })
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    pub fn context_path(&self, role: crate::context::Role) -> Option<&ContextPath> {
        self.context_paths.iter().find(|p| p.role == role)
    }

    pub fn quadrant(&self, id: QuadrantId) -> Option<&Quadrant> {
        self.quadrants.iter().find(|q| q.id == id)
    }

    /// Steps on a dimension toward a pole, at every level.
    pub fn steps_for<'a>(
        &'a self,
        dimension: &'a str,
        toward: Pole,
    ) -> impl Iterator<Item = &'a Step> + 'a {
        self.steps
            .iter()
            .filter(move |s| s.dimension == dimension && s.toward == toward)
    }

    /// Steps on a dimension toward a pole at one level that need nothing in `lacks`.
    pub fn steps_fitting<'a>(
        &'a self,
        dimension: &'a str,
        toward: Pole,
        level: Level,
        lacks: &'a [Need],
    ) -> impl Iterator<Item = &'a Step> + 'a {
        self.steps_at(dimension, toward, level)
            .filter(move |s| !s.needs.iter().any(|n| lacks.contains(n)))
    }

    /// Steps on a dimension toward a pole at one level.
    pub fn steps_at<'a>(
        &'a self,
        dimension: &'a str,
        toward: Pole,
        level: Level,
    ) -> impl Iterator<Item = &'a Step> + 'a {
        self.steps_for(dimension, toward)
            .filter(move |s| s.level == level)
    }
}
