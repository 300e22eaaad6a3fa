//! A goal form's focus: the one scale it asks about (a dimension, or one lens of it).

use serde::{Deserialize, Serialize};

use super::{Bank, Lens, Question};

/// The scale a goal tracks and a goal form asks: a dimension's questions, or those of one lens.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Focus {
    pub dimension: String,
    /// `None`: both lenses of the dimension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lens: Option<Lens>,
}

impl Focus {
    pub fn new(dimension: impl Into<String>, lens: Option<Lens>) -> Focus {
        Focus {
            dimension: dimension.into(),
            lens,
        }
    }

    pub fn includes(&self, q: &Question) -> bool {
        q.dimension == self.dimension && self.lens.is_none_or(|l| q.lens == l)
    }

    /// The bank's questions on this scale, in bank order.
    pub fn questions<'b>(&self, bank: &'b Bank) -> impl Iterator<Item = &'b Question> {
        bank.questions.iter().filter(|q| self.includes(q))
    }

    /// "Skills" or "Skills (what you enjoy)": the dimension's title from `bank`, else its id.
    pub fn title(&self, bank: &Bank) -> String {
        crate::sanitize::line(&self.name(bank)).into_owned()
    }

    /// `title` as it is, not yet made safe to show: for a caller that changes it first (to
    /// capitals) and sanitises what it shows.
    pub fn name(&self, bank: &Bank) -> String {
        let dimension = bank
            .dimension(&self.dimension)
            .map_or(self.dimension.as_str(), |d| d.title.as_str());
        match self.lens {
            None => dimension.to_owned(),
            Some(l) => format!("{dimension} ({})", l.title().to_lowercase()),
        }
    }
}

/// "Scope of responsibility (what you enjoy)" or just the dimension's title: one line, as a goal
/// names a dimension by an id read from goals.toml when the bank has no title for it.
pub fn scale_title(dimension_title: &str, lens: Option<Lens>) -> String {
    let dimension_title = crate::sanitize::line(dimension_title);
    match lens {
        None => dimension_title.into_owned(),
        Some(l) => format!("{dimension_title} ({})", l.title().to_lowercase()),
    }
}
