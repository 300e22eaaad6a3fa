//! The texts a person reads about their result, as written under `assets/`, and their checks.

use serde::Deserialize;

use super::guidance::{Guidance, Need};
use crate::scoring::Archetype;

const ARCHETYPES_TOML: &str = include_str!("../../assets/archetypes.toml");
const INTRO_TOML: &str = include_str!("../../assets/intro.toml");

/// What an archetype means: who lands there, what they are good at, what to watch, how their
/// week goes and who they work best with.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchetypeText {
    pub id: Archetype,
    pub title: String,
    pub summary: String,
    pub strengths: Vec<String>,
    pub blind_spots: Vec<String>,
    pub week: String,
    pub works_with: String,
    /// What each text above takes for granted, as a step's `needs` do.
    #[serde(default)]
    pub needs: Needs,
    /// The texts that need coding, for people who code little today (managers, architects).
    #[serde(default)]
    pub no_code: Variant,
    /// The texts that need a team, assuming none: true for people on their own and for anyone
    /// whose role is not known.
    #[serde(default)]
    pub no_team: Variant,
}

/// What an archetype's texts take for granted, text by text.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Needs {
    #[serde(default)]
    pub summary: Vec<Need>,
    #[serde(default)]
    pub strengths: Vec<Need>,
    #[serde(default)]
    pub week: Vec<Need>,
    #[serde(default)]
    pub works_with: Vec<Need>,
}

/// An archetype's texts for people without one thing the usual ones need: each given exactly
/// where the usual text needs it.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    pub summary: Option<String>,
    pub strengths: Option<Vec<String>>,
    pub week: Option<String>,
    pub works_with: Option<String>,
}

/// The texts a variant can replace, for naming them and walking them in one place.
const FIELDS: [&str; 4] = ["summary", "strengths", "week", "works_with"];

impl Needs {
    fn of(&self, field: &str) -> &[Need] {
        match field {
            "summary" => &self.summary,
            "strengths" => &self.strengths,
            "week" => &self.week,
            _ => &self.works_with,
        }
    }
}

impl Variant {
    /// Whether this variant gives `field`.
    fn gives(&self, field: &str) -> bool {
        match field {
            "summary" => self.summary.is_some(),
            "strengths" => self.strengths.is_some(),
            "week" => self.week.is_some(),
            _ => self.works_with.is_some(),
        }
    }
}

impl ArchetypeText {
    /// The version of these texts for people without `need`, if it has one.
    fn variant(&self, need: Need) -> Option<&Variant> {
        match need {
            Need::Coding => Some(&self.no_code),
            Need::Team => Some(&self.no_team),
            Need::Manager => None,
        }
    }

    /// The texts as a reader lacking `lacks` reads them: each text that needs something they
    /// lack is replaced by its version without it (the first such need, in `needs` order).
    pub fn for_reader(&self, lacks: &[Need]) -> ArchetypeText {
        let mut t = self.clone();
        let pick = |field: &str| {
            self.needs
                .of(field)
                .iter()
                .find(|n| lacks.contains(n))
                .and_then(|n| self.variant(*n))
        };
        if let Some(v) = pick("summary").and_then(|v| v.summary.clone()) {
            t.summary = v;
        }
        if let Some(v) = pick("strengths").and_then(|v| v.strengths.clone()) {
            t.strengths = v;
        }
        if let Some(v) = pick("week").and_then(|v| v.week.clone()) {
            t.week = v;
        }
        if let Some(v) = pick("works_with").and_then(|v| v.works_with.clone()) {
            t.works_with = v;
        }
        t
    }
}

/// What archetype texts may not assume of a reader: what their role lacks (`role_lacks`, the
/// steps' rule), and a team whenever their role is not known or they are studying, so the
/// wording is true for everyone.
pub fn reader_lacks(role: Option<crate::context::Role>, role_lacks: &[Need]) -> Vec<Need> {
    let mut lacks = role_lacks.to_vec();
    let team_unknown = matches!(role, None | Some(crate::context::Role::Student));
    if team_unknown && !lacks.contains(&Need::Team) {
        lacks.push(Need::Team);
    }
    lacks
}

/// Enough strengths to be a portrait, few enough to read; the same for blind spots.
const STRENGTHS: std::ops::RangeInclusive<usize> = 3..=4;
const BLIND_SPOTS: std::ops::RangeInclusive<usize> = 2..=3;

#[derive(Debug, Clone, PartialEq)]
pub struct Texts {
    pub(crate) archetypes: Vec<ArchetypeText>,
    /// Career paths, learning steps and quadrant names for the dashboard.
    pub guidance: Guidance,
    /// The paragraphs of the intro screen.
    pub intro: Vec<String>,
    /// How to answer, in the full-screen app and in plain mode: each front end says its own.
    pub intro_keys: String,
    pub plain_keys: String,
}

#[derive(Debug, thiserror::Error)]
pub enum AssetsError {
    #[error("{file}: {message}")]
    Parse { file: &'static str, message: String },
    #[error("assets/archetypes.toml: no text for archetype `{0}`")]
    Missing(&'static str),
    #[error("assets/archetypes.toml: archetype `{0}`: {1}")]
    Archetype(&'static str, String),
    #[error("assets/guidance.toml has problems:\n{}", .0.join("\n"))]
    Guidance(Vec<String>),
}

/// What is wrong with an archetype's text, if anything.
fn check(t: &ArchetypeText) -> Option<String> {
    let blank = |s: &String| s.trim().is_empty();
    let variants = [&t.no_code, &t.no_team];
    if [&t.title, &t.summary, &t.week, &t.works_with]
        .into_iter()
        .chain(
            variants
                .iter()
                .flat_map(|v| [&v.summary, &v.week, &v.works_with])
                .flatten(),
        )
        .any(blank)
    {
        return Some(
            "title, summary, week and works_with must not be empty, in any version".into(),
        );
    }
    for field in FIELDS {
        let needs = t.needs.of(field);
        for (need, name) in [(Need::Coding, "no_code"), (Need::Team, "no_team")] {
            let gives = t.variant(need).is_some_and(|v| v.gives(field));
            if needs.contains(&need) != gives {
                return Some(if gives {
                    format!(
                        "[{name}] gives {field}, but its {field} does not need {need:?} (needs.{field})"
                    )
                } else {
                    format!(
                        "its {field} needs {need:?}, so [{name}] must give a {field} without it"
                    )
                });
            }
        }
        if needs.contains(&Need::Manager) {
            return Some(format!(
                "its {field} needs Manager, and there is no version without one"
            ));
        }
    }
    let list = |name: &str, items: &[String], range: &std::ops::RangeInclusive<usize>| {
        (!range.contains(&items.len()) || items.iter().any(blank)).then(|| {
            format!(
                "needs {}-{} {name}, none empty (has {})",
                range.start(),
                range.end(),
                items.len()
            )
        })
    };
    if let Some(problem) = variants
        .iter()
        .filter_map(|v| v.strengths.as_ref())
        .chain([&t.strengths])
        .find_map(|s| list("strengths", s, &STRENGTHS))
        .or_else(|| list("blind spots", &t.blind_spots, &BLIND_SPOTS))
    {
        return Some(problem);
    }
    None
}

impl Texts {
    /// Parses and checks the shipped texts. `build.rs` runs this and compiles the result in
    /// (`Texts::load`), so a broken text fails the build.
    pub fn parse() -> Result<Texts, AssetsError> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct File {
            archetypes: Vec<ArchetypeText>,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Intro {
            paragraphs: Vec<String>,
            keys: String,
            plain_keys: String,
        }
        let parse_err = |file| {
            move |e: toml::de::Error| AssetsError::Parse {
                file,
                message: e.message().to_owned(),
            }
        };
        let file: File =
            toml::from_str(ARCHETYPES_TOML).map_err(parse_err("assets/archetypes.toml"))?;
        let intro: Intro = toml::from_str(INTRO_TOML).map_err(parse_err("assets/intro.toml"))?;
        for a in Archetype::ALL {
            let Some(t) = file.archetypes.iter().find(|t| t.id == a) else {
                return Err(AssetsError::Missing(a.id()));
            };
            if let Some(problem) = check(t) {
                return Err(AssetsError::Archetype(a.id(), problem));
            }
        }
        Ok(Texts {
            archetypes: file.archetypes,
            intro: intro.paragraphs,
            intro_keys: intro.keys,
            plain_keys: intro.plain_keys,
            guidance: Guidance::parse_shipped()?,
        })
    }

    pub fn archetype(&self, a: Archetype) -> Option<&ArchetypeText> {
        self.archetypes.iter().find(|t| t.id == a)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn shipped(a: Archetype) -> ArchetypeText {
        Texts::parse().unwrap().archetype(a).unwrap().clone()
    }

    #[test]
    fn a_text_that_needs_what_a_reader_lacks_has_a_version_without_it() {
        let mut t = shipped(Archetype::ProductDeveloper);
        assert_eq!(check(&t), None);
        // The week needs a team: without its version for people on their own, refused.
        t.no_team.week = None;
        let problem = check(&t).unwrap();
        assert!(problem.contains("week needs Team"), "{problem}");
        // A version given for a text that needs nothing is refused too: its needs would be wrong.
        let mut t = shipped(Archetype::ProductDeveloper);
        t.needs.works_with.clear();
        let problem = check(&t).unwrap();
        assert!(problem.contains("[no_team] gives works_with"), "{problem}");
        let mut t = shipped(Archetype::Hybrid);
        t.no_code.strengths = Some(vec!["Only one.".into()]);
        assert!(check(&t).unwrap().contains("strengths"));
    }

    #[test]
    fn a_reader_gets_the_version_without_what_they_lack() {
        let t = shipped(Archetype::EngineerLeaning);
        assert_eq!(t.for_reader(&[]), t);
        let manager = t.for_reader(&[Need::Coding, Need::Manager]);
        assert_eq!(Some(&manager.strengths), t.no_code.strengths.as_ref());
        assert_eq!(manager.works_with, t.works_with);
        let alone = t.for_reader(&[Need::Team]);
        assert_eq!(alone.strengths, t.strengths);
        assert_eq!(Some(&alone.works_with), t.no_team.works_with.as_ref());
        // No role, or studying: no team assumed.
        assert_eq!(reader_lacks(None, &[]), [Need::Team]);
        assert_eq!(
            reader_lacks(Some(crate::context::Role::Founder), &[Need::Team]),
            [Need::Team]
        );
        assert!(reader_lacks(Some(crate::context::Role::Senior), &[]).is_empty());
    }
}
