use serde::{Deserialize, Serialize};

use crate::answers::Answers;
use crate::bank::Form;
use crate::scoring::Scores;
use crate::store::{BankRef, ResultFile};

/// A result as JSON: the scoring model's fields at the top level, plus where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub id: String,
    pub taken_at: jiff::Timestamp,
    pub label: String,
    pub form: Form,
    pub bank: BankRef,
    pub answers: Answers,
    #[serde(flatten)]
    pub scores: Scores,
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
            scores: r.scores.clone(),
        }
    }
}

pub fn json_export(r: &ResultFile) -> String {
    // Plain data of strings, numbers and maps: serialising it cannot fail.
    serde_json::to_string_pretty(&Export::of(r)).unwrap_or_default()
}
