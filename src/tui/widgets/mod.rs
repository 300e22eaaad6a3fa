//! Reusable pieces of the screens.

pub mod flow;
pub mod footer;
pub mod memo;
pub mod overlay;
pub mod scroll;
pub mod text;
