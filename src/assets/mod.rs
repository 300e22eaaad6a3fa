//! Texts a person reads about their result, kept as data under `assets/`. `build.rs` parses and
//! checks them with `texts.rs` and `guidance.rs` and compiles them in as code, so a broken text
//! fails the build and no TOML is parsed for them at run time.

mod guidance;
mod texts;

pub use guidance::{
    AUDIENCES, BALANCED_WITHIN, ContextPath, Guidance, Level, Need, Path, PathSet, Quadrant,
    QuadrantId, Role, Step,
};
pub use texts::{ArchetypeText, AssetsError, Needs, Texts, Variant, reader_lacks};

use crate::bank::Pole;
use crate::scoring::Archetype;

impl Texts {
    /// The shipped texts, as `build.rs` parsed and checked them.
    pub fn load() -> Texts {
        include!(concat!(env!("OUT_DIR"), "/texts.rs"))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_compiled_texts_equal_the_parsed_toml() {
        assert_eq!(Texts::load(), Texts::parse().unwrap());
    }
}
