//! The History list: one row per saved result, readable or not. Pure: built from what the
//! store listed.

use serde::Serialize;

use crate::bank::Form;
use crate::scoring::Archetype;
use crate::store::Listed;

/// What History shows of a readable result (also the JSON of `rolefit history`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub id: String,
    pub taken_at: jiff::Timestamp,
    pub label: String,
    pub form: Form,
    pub overall: Option<f64>,
    pub archetype: Option<Archetype>,
    #[serde(skip)]
    pub margin: Option<f64>,
}

/// One file of `results/`: its row, or why it cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    pub file: String,
    pub row: Result<Row, String>,
}

/// Newest first, as listed. Full results are dropped here: History keeps only what it shows,
/// so ten thousand results stay small in memory.
pub fn entries(listed: Vec<Listed>) -> Vec<Entry> {
    listed
        .into_iter()
        .map(|l| Entry {
            file: l
                .path
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default(),
            row: l.result.map_err(|e| reason(&e)).map(|r| Row {
                id: r.id,
                taken_at: r.taken_at,
                label: r.label,
                form: r.form,
                overall: r.scores.overall,
                archetype: r.scores.archetype,
                margin: r.scores.margin,
            }),
            id: l.id,
        })
        .collect()
}

/// The reason alone: History names the file in its own column.
fn reason(e: &crate::store::StoreError) -> String {
    use crate::store::StoreError;
    match e {
        StoreError::Corrupt { reason, .. } => reason.clone(),
        StoreError::FutureSchema { found, .. } => format!(
            "written by a newer rolefit (schema {found}, this one reads up to {})",
            crate::store::SCHEMA
        ),
        other => other.to_string(),
    }
}

/// The overall scores over time, oldest first (for the sparkline).
pub fn overall_series(entries: &[Entry]) -> Vec<f64> {
    entries
        .iter()
        .rev()
        .filter_map(|e| e.row.as_ref().ok()?.overall)
        .collect()
}

/// A score in [-100, 100] as one of eight block heights.
pub fn spark_char(score: f64) -> char {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    // Clamped first, so the index stays in 0..8.
    let i = ((score.clamp(-100.0, 100.0) + 100.0) / 200.0 * 7.0).round() as usize;
    BARS[i.min(7)]
}
