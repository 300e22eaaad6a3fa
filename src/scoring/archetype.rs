//! The five archetypes along the spectrum and their bands: on their own, so `build.rs` can
//! check the compiled-in texts against them without the rest of the scoring model.

use serde::{Deserialize, Serialize};

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
        if overall <= -60.0 {
            Archetype::ProductDeveloper
        } else if overall < -20.0 {
            Archetype::DeveloperLeaning
        } else if overall <= 20.0 {
            Archetype::Hybrid
        } else if overall < 60.0 {
            Archetype::EngineerLeaning
        } else {
            Archetype::SystemsEngineer
        }
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
