//! Reusable pieces of the screens.

pub mod footer;
pub mod overlay;
pub mod scroll;
pub mod spectrum;
pub mod text;
