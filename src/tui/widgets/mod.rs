//! Reusable pieces of the screens.

pub mod flow;
pub mod footer;
pub mod overlay;
pub mod scroll;
pub mod spectrum;
pub mod text;
