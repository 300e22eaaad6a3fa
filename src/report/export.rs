use serde::{Deserialize, Serialize};

use crate::answers::Answers;
use crate::assets::QuadrantId;
use crate::bank::Form;
use crate::insight::{ChosenStep, ConsistencyLevel, Placement};
use crate::scoring::Scores;
use crate::store::{BankRef, ResultFile};

use super::Summary;

/// What the result page shows beyond the scores: where the person sits among the bands, the
/// steps chosen and why, the quadrant, and how far the answers can be trusted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    /// The band, the nearest border and its distance, and the bands the margin reaches.
    #[serde(default)]
    pub placement: Option<Placement>,
    #[serde(default)]
    pub steps: Vec<ChosenStep>,
    #[serde(default)]
    pub quadrant: Option<QuadrantId>,
    #[serde(default)]
    pub consistency_level: Option<ConsistencyLevel>,
    /// The answers look like straight-lining.
    #[serde(default)]
    pub careless: bool,
}

/// A result as JSON: the scoring model's fields at the top level, plus where it came from and
/// what the page reads from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub id: String,
    pub taken_at: jiff::Timestamp,
    pub label: String,
    pub form: Form,
    pub bank: BankRef,
    pub answers: Answers,
    /// Who the person said they are (`[context]`), when they said anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<crate::context::Context>,
    #[serde(flatten)]
    pub scores: Scores,
    #[serde(flatten)]
    pub reading: Reading,
}

impl Export {
    pub fn of(r: &ResultFile) -> Export {
        Export {
            id: r.id.clone(),
            taken_at: r.taken_at,
            label: r.label.clone(),
            form: r.form,
            bank: r.bank.clone(),
            answers: r.answers.clone(),
            context: r.context,
            scores: r.scores.clone(),
            reading: Reading::default(),
        }
    }

    /// The result of a page, with what the page reads from it.
    pub fn page(s: &Summary) -> Export {
        Export {
            reading: Reading {
                placement: s.insight.placement.clone(),
                steps: s.steps.clone(),
                quadrant: s.insight.quadrant,
                consistency_level: s.insight.consistency_level,
                careless: s.careless,
            },
            ..Export::of(&s.result)
        }
    }
}

pub fn json_export(s: &Summary) -> String {
    // Plain data of strings, numbers and maps: serialising it cannot fail.
    serde_json::to_string_pretty(&Export::page(s)).unwrap_or_default()
}
