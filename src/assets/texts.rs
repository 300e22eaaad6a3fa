//! The texts a person reads about their result, as written under `assets/`, and their checks.

use serde::Deserialize;

use super::guidance::Guidance;
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
    /// The summary and the week for people who code little today (managers, architects),
    /// where the usual ones assume hands on the code.
    #[serde(default)]
    pub summary_no_code: Option<String>,
    pub week_no_code: String,
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
    if [
        &t.title,
        &t.summary,
        &t.week,
        &t.works_with,
        &t.week_no_code,
    ]
    .into_iter()
    .chain(&t.summary_no_code)
    .any(blank)
    {
        return Some(
            "title, summary, week, week_no_code and works_with must not be empty (nor summary_no_code, when given)"
                .into(),
        );
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
    if let Some(problem) = list("strengths", &t.strengths, &STRENGTHS)
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
