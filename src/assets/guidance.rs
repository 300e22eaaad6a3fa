//! Career paths, learning steps and quadrant names: data in `assets/guidance.toml`, checked
//! when loaded so a missing text is a failing test, not a blank panel.

use serde::Deserialize;
use toml::Spanned;

use super::AssetsError;
use crate::bank::Pole;
use crate::scoring::Archetype;

const GUIDANCE_TOML: &str = include_str!("../../assets/guidance.toml");
const FILE: &str = "assets/guidance.toml";
/// Each dimension needs this many steps toward each pole, so the dashboard always has a choice.
const STEPS_PER_DIRECTION: usize = 2;
/// The dimensions the steps must cover: the default bank's.
const DIMENSIONS: [&str; 6] = ["scope", "focus", "skills", "impact", "workstyle", "path"];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Path {
    pub archetype: Archetype,
    pub paths: Vec<String>,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuadrantId {
    EngineerByChoice,
    EngineerInTheMaking,
    DeveloperByChoice,
    DeveloperOnDuty,
}

impl QuadrantId {
    pub const ALL: [QuadrantId; 4] = [
        QuadrantId::EngineerByChoice,
        QuadrantId::EngineerInTheMaking,
        QuadrantId::DeveloperByChoice,
        QuadrantId::DeveloperOnDuty,
    ];

    /// The quadrant of a (preference, practice) point; 0 counts as the engineer side.
    pub fn of(preference: f64, practice: f64) -> QuadrantId {
        match (preference >= 0.0, practice >= 0.0) {
            (true, true) => QuadrantId::EngineerByChoice,
            (true, false) => QuadrantId::EngineerInTheMaking,
            (false, false) => QuadrantId::DeveloperByChoice,
            (false, true) => QuadrantId::DeveloperOnDuty,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quadrant {
    pub id: QuadrantId,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub dimension: String,
    pub toward: Pole,
    pub text: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    paths: Vec<Spanned<Path>>,
    quadrants: Vec<Spanned<Quadrant>>,
    steps: Vec<Spanned<Step>>,
}

#[derive(Debug, Clone)]
pub struct Guidance {
    pub paths: Vec<Path>,
    pub quadrants: Vec<Quadrant>,
    pub steps: Vec<Step>,
}

impl Guidance {
    pub fn load() -> Result<Guidance, AssetsError> {
        parse(GUIDANCE_TOML)
    }

    pub fn paths_for(&self, a: Archetype) -> Option<&Path> {
        self.paths.iter().find(|p| p.archetype == a)
    }

    pub fn quadrant(&self, id: QuadrantId) -> Option<&Quadrant> {
        self.quadrants.iter().find(|q| q.id == id)
    }

    pub fn steps_for<'a>(
        &'a self,
        dimension: &'a str,
        toward: Pole,
    ) -> impl Iterator<Item = &'a Step> + 'a {
        self.steps
            .iter()
            .filter(move |s| s.dimension == dimension && s.toward == toward)
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
    for p in &file.paths {
        if p.get_ref().paths.is_empty() || p.get_ref().note.trim().is_empty() {
            problems.push(format!(
                "{}: paths and note must not be empty",
                at(p.span())
            ));
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
        if s.get_ref().text.trim().is_empty() {
            problems.push(format!("{}: empty step text", at(s.span())));
        }
    }
    for q in &file.quadrants {
        if q.get_ref().title.trim().is_empty() || q.get_ref().text.trim().is_empty() {
            problems.push(format!("{}: empty quadrant title or text", at(q.span())));
        }
    }
    let g = Guidance {
        paths: file.paths.into_iter().map(Spanned::into_inner).collect(),
        quadrants: file
            .quadrants
            .into_iter()
            .map(Spanned::into_inner)
            .collect(),
        steps: file.steps.into_iter().map(Spanned::into_inner).collect(),
    };
    for a in Archetype::ALL {
        if g.paths_for(a).is_none() {
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
            let n = g.steps_for(d, pole).count();
            if n < STEPS_PER_DIRECTION {
                problems.push(format!("{FILE}: dimension `{d}` has {n} steps toward {pole:?}, needs {STEPS_PER_DIRECTION}"));
            }
        }
    }
    if problems.is_empty() {
        Ok(g)
    } else {
        Err(AssetsError::Guidance(problems))
    }
}
