//! Texts a person reads about their result, kept as data under `assets/` and compiled in.

use serde::Deserialize;

mod guidance;

pub use guidance::{Guidance, Path, Quadrant, QuadrantId, Step};

use crate::scoring::Archetype;

const ARCHETYPES_TOML: &str = include_str!("../../assets/archetypes.toml");
const INTRO_TOML: &str = include_str!("../../assets/intro.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchetypeText {
    pub id: Archetype,
    pub title: String,
    pub summary: String,
}

#[derive(Debug, Clone)]
pub struct Texts {
    archetypes: Vec<ArchetypeText>,
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
    #[error("assets/guidance.toml has problems:\n{}", .0.join("\n"))]
    Guidance(Vec<String>),
}

impl Texts {
    pub fn load() -> Result<Texts, AssetsError> {
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
            if !file.archetypes.iter().any(|t| t.id == a) {
                return Err(AssetsError::Missing(a.id()));
            }
        }
        Ok(Texts {
            archetypes: file.archetypes,
            intro: intro.paragraphs,
            intro_keys: intro.keys,
            plain_keys: intro.plain_keys,
            guidance: Guidance::load()?,
        })
    }

    pub fn archetype(&self, a: Archetype) -> Option<&ArchetypeText> {
        self.archetypes.iter().find(|t| t.id == a)
    }
}
