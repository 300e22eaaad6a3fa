//! Career paths, roles, learning steps and quadrant names: data in `assets/guidance.toml`,
//! checked when loaded so a missing text is a failing test, not a blank panel.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::texts::AssetsError;
use crate::bank::Pole;
use crate::scoring::Archetype;

const GUIDANCE_TOML: &str = include_str!("../../assets/guidance.toml");
const FILE: &str = "assets/guidance.toml";
/// Each dimension needs this many steps per direction and level, so two people at the same
/// place still have a choice, and a goal and a gap on one dimension never run out.
const STEPS_PER_LEVEL: usize = 2;
/// The dimensions the steps must cover: the default bank's.
const DIMENSIONS: [&str; 6] = ["scope", "focus", "skills", "impact", "workstyle", "path"];
/// Both lenses within this many points of the middle: neither side of a quadrant means much.
pub const BALANCED_WITHIN: f64 = 10.0;

/// How far along a person already is in a step's direction, so advice fits: no one who already
/// does the work every day is told to try it for the first time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    retake: String,
    quick_note: String,
    adaptive_note: String,
    adaptive_predicted: String,
    adaptive_curtailed: String,
    leveling: String,
    paths: Vec<Spanned<PathSet>>,
    roles: Vec<Spanned<Role>>,
    quadrants: Vec<Spanned<Quadrant>>,
    steps: Vec<Spanned<Step>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Guidance {
    pub paths: Vec<PathSet>,
    pub roles: Vec<Role>,
    pub quadrants: Vec<Quadrant>,
    pub steps: Vec<Step>,
    /// When a retake makes sense, and what Compare then shows.
    pub retake: String,
    /// What a quick-form result says about its margins.
    pub quick_note: String,
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

/// Parses and checks guidance text, reporting every problem with its line.
pub fn parse(text: &str) -> Result<Guidance, AssetsError> {
    let file: File = toml::from_str(text).map_err(|e| AssetsError::Parse {
        file: FILE,
        message: e.message().to_owned(),
    })?;
    let mut problems = Vec::new();
    let at = |span: std::ops::Range<usize>| {
        format!("{FILE}:{}", crate::bank::line_col(text, span.start).0)
    };
    let blank = |s: &str| s.trim().is_empty();
    for (name, value) in [
        ("retake", &file.retake),
        ("quick_note", &file.quick_note),
        ("adaptive_note", &file.adaptive_note),
        ("adaptive_predicted", &file.adaptive_predicted),
        ("adaptive_curtailed", &file.adaptive_curtailed),
        ("leveling", &file.leveling),
    ] {
        if blank(value) {
            problems.push(format!("{FILE}: `{name}` must not be empty"));
        }
    }
    for r in &file.roles {
        let role = r.get_ref();
        if [&role.title, &role.day, &role.skills, &role.way]
            .iter()
            .any(|s| blank(s))
        {
            problems.push(format!(
                "{}: role `{}` needs a title, day, skills and way, none empty",
                at(r.span()),
                role.id
            ));
        }
    }
    for p in &file.paths {
        let set = p.get_ref();
        if set.roles.is_empty() || blank(&set.note) {
            problems.push(format!(
                "{}: roles and note must not be empty",
                at(p.span())
            ));
        }
        for id in &set.roles {
            if !file.roles.iter().any(|r| r.get_ref().id == *id) {
                problems.push(format!("{}: unknown role `{id}`", at(p.span())));
            }
        }
    }
    for s in &file.steps {
        if !DIMENSIONS.contains(&s.get_ref().dimension.as_str()) {
            problems.push(format!(
                "{}: unknown dimension `{}`",
                at(s.span()),
                s.get_ref().dimension
            ));
        }
        if blank(&s.get_ref().text) {
            problems.push(format!("{}: empty step text", at(s.span())));
        }
    }
    for q in &file.quadrants {
        if blank(&q.get_ref().title) || blank(&q.get_ref().text) {
            problems.push(format!("{}: empty quadrant title or text", at(q.span())));
        }
    }
    let g = Guidance {
        paths: file.paths.into_iter().map(Spanned::into_inner).collect(),
        roles: file.roles.into_iter().map(Spanned::into_inner).collect(),
        quadrants: file
            .quadrants
            .into_iter()
            .map(Spanned::into_inner)
            .collect(),
        steps: file.steps.into_iter().map(Spanned::into_inner).collect(),
        retake: file.retake,
        quick_note: file.quick_note,
        adaptive_note: file.adaptive_note,
        adaptive_predicted: file.adaptive_predicted,
        adaptive_curtailed: file.adaptive_curtailed,
        leveling: file.leveling,
    };
    coverage(&g, &mut problems);
    if problems.is_empty() {
        Ok(g)
    } else {
        Err(AssetsError::Guidance(problems))
    }
}

/// Every archetype has paths, every quadrant a name, every dimension x direction x level steps.
fn coverage(g: &Guidance, problems: &mut Vec<String>) {
    for a in Archetype::ALL {
        if !g.paths.iter().any(|p| p.archetype == a) {
            problems.push(format!(
                "{FILE}: no career paths for archetype `{}`",
                a.id()
            ));
        }
    }
    for q in QuadrantId::ALL {
        if g.quadrant(q).is_none() {
            problems.push(format!("{FILE}: quadrant {q:?} has no name"));
        }
    }
    for d in DIMENSIONS {
        for pole in [Pole::Engineer, Pole::Developer] {
            for level in Level::ALL {
                let n = g.steps_at(d, pole, level).count();
                if n < STEPS_PER_LEVEL {
                    problems.push(format!(
                        "{FILE}: dimension `{d}` has {n} {} steps toward {pole:?}, needs {STEPS_PER_LEVEL}",
                        level.as_str()
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_shipped_guidance_covers_every_dimension_direction_and_level_twice() {
        let g = Guidance::parse_shipped().unwrap();
        for d in DIMENSIONS {
            for pole in [Pole::Engineer, Pole::Developer] {
                for level in Level::ALL {
                    assert!(g.steps_at(d, pole, level).count() >= STEPS_PER_LEVEL);
                }
            }
        }
        for a in Archetype::ALL {
            let p = g.paths_for(a).unwrap();
            assert!(!p.roles.is_empty() && p.roles.iter().all(|r| !r.way.is_empty()));
        }
    }

    #[test]
    fn a_missing_step_or_an_unknown_role_is_named_with_its_line() {
        // Drop the last step (path, developer, leading) and point a path at a role that is
        // not there.
        let cut = GUIDANCE_TOML
            .rfind("[[steps]]")
            .map_or(GUIDANCE_TOML, |i| &GUIDANCE_TOML[..i]);
        let broken = cut.replacen(
            "roles = [\"senior-developer\", \"specialist\", \"tech-lead\"]",
            "roles = [\"senior-developer\", \"astronaut\"]",
            1,
        );
        let Err(AssetsError::Guidance(problems)) = parse(&broken) else {
            panic!("accepted");
        };
        assert!(
            problems.iter().any(|p| p
                == "assets/guidance.toml: dimension `path` has 1 leading steps toward Developer, needs 2"),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.ends_with("unknown role `astronaut`") && p.contains("guidance.toml:")),
            "{problems:?}"
        );
    }

    #[test]
    fn levels_start_at_the_band_edges() {
        assert_eq!(Level::for_progress(-100.0), Level::Starting);
        assert_eq!(Level::for_progress(19.9), Level::Starting);
        assert_eq!(Level::for_progress(20.0), Level::Growing);
        assert_eq!(Level::for_progress(59.9), Level::Growing);
        assert_eq!(Level::for_progress(60.0), Level::Leading);
    }

    #[test]
    fn balanced_needs_both_lenses_near_the_middle() {
        assert_eq!(QuadrantId::of(10.0, -10.0), QuadrantId::Balanced);
        assert_eq!(QuadrantId::of(10.1, 0.0), QuadrantId::EngineerByChoice);
        assert_eq!(
            QuadrantId::of(-30.0, 5.0),
            QuadrantId::DeveloperOnEngineerDuty
        );
        assert_eq!(
            QuadrantId::of(30.0, -5.0),
            QuadrantId::EngineerOnDeveloperDuty
        );
    }
}
