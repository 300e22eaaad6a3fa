//! The History list: one row per saved result, readable or not. Pure: built from what the
//! store listed.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::bank::{Bank, Form};
use crate::scoring::Archetype;
use crate::store::{Listed, Stamp, Store, StoreError, load_all};

/// What History shows of a readable result (also the JSON of `rolefit history`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub id: String,
    pub taken_at: jiff::Timestamp,
    pub label: String,
    pub form: Form,
    pub overall: Option<f64>,
    pub archetype: Option<Archetype>,
    #[serde(skip)]
    pub margin: Option<f64>,
    /// Questions answered: says why a score has no margin.
    #[serde(skip)]
    pub answered: usize,
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
/// Rows carry the current model's scores (`ResultFile::rescored` with `bank`).
pub fn entries(listed: Vec<Listed>, bank: &Bank) -> Vec<Entry> {
    listed
        .into_iter()
        .map(|l| Entry {
            file: l
                .path
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default(),
            row: l
                .result
                .map_err(|e| reason(&e))
                .map(|r| r.rescored(bank))
                .map(|r| Row {
                    id: r.id,
                    taken_at: r.taken_at,
                    label: r.label,
                    form: r.form,
                    overall: r.scores.overall,
                    archetype: r.scores.archetype,
                    margin: r.scores.margin,
                    answered: r.scores.answered,
                }),
            id: l.id,
        })
        .collect()
}

/// History's rows of readable results, keyed by file name, with what each file looked like when
/// it was read. A derived cache: any problem with it only means reading the files again.
#[derive(Serialize, Deserialize)]
struct Index {
    version: u32,
    /// The scoring model and bank the rows were scored with: another of either rescores all.
    #[serde(default)]
    scored_with: String,
    files: HashMap<String, Cached>,
}

#[derive(Serialize, Deserialize)]
struct Cached {
    stamp: Stamp,
    row: Row,
    margin: Option<f64>,
    #[serde(default)]
    answered: usize,
}

const INDEX_VERSION: u32 = 1;

fn index_path(store: &Store) -> std::path::PathBuf {
    store.root().join("cache").join("history-index.json")
}

/// History's entries, newest first. Parsing thousands of TOML files is the slow part, so rows of
/// unchanged files (same size, time and inode) come from an index in `cache/`; only new or
/// changed files are read, and the index is rewritten when anything changed.
pub fn load(store: &Store, bank: &Bank) -> Result<Vec<Entry>, StoreError> {
    let files = store.entries()?;
    let scored_with = scored_with(bank);
    let mut index = std::fs::read(index_path(store))
        .ok()
        .and_then(|b| serde_json::from_slice::<Index>(&b).ok())
        .filter(|i| i.version == INDEX_VERSION && i.scored_with == scored_with)
        .map_or_else(HashMap::new, |i| i.files);
    let stamps: Vec<Option<Stamp>> = files.iter().map(|f| f.stamp()).collect();
    let name = |f: &crate::store::Entry| {
        f.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let hit = |i: usize, index: &HashMap<String, Cached>| {
        let c = index.get(&name(&files[i]))?;
        (files[i].regular && Some(c.stamp) == stamps[i]).then(|| Entry {
            id: files[i].id.clone(),
            file: name(&files[i]),
            row: Ok(Row {
                margin: c.margin,
                answered: c.answered,
                ..c.row.clone()
            }),
        })
    };
    let missing: Vec<usize> = (0..files.len())
        .filter(|&i| hit(i, &index).is_none())
        .collect();
    let read = entries(
        load_all(missing.iter().map(|&i| files[i].clone()).collect()),
        bank,
    );
    let mut read = missing.iter().copied().zip(read).peekable();
    let mut out = Vec::with_capacity(files.len());
    let mut changed = false;
    for (i, stamp) in stamps.iter().enumerate() {
        match read.next_if(|(j, _)| *j == i) {
            Some((_, e)) => {
                if let (Ok(row), Some(stamp)) = (&e.row, *stamp) {
                    changed = true;
                    index.insert(
                        e.file.clone(),
                        Cached {
                            stamp,
                            row: row.clone(),
                            margin: row.margin,
                            answered: row.answered,
                        },
                    );
                }
                out.push(e);
            }
            None => out.extend(hit(i, &index)),
        }
    }
    let names: std::collections::HashSet<String> = files.iter().map(name).collect();
    let before = index.len();
    index.retain(|k, _| names.contains(k));
    changed |= index.len() != before;
    if changed {
        save_index(store, index, scored_with);
    }
    Ok(out)
}

fn scored_with(bank: &Bank) -> String {
    let b = crate::store::BankRef::of(bank);
    format!(
        "model {} · {} {} {}",
        crate::scoring::MODEL_VERSION,
        b.name,
        b.version,
        b.fingerprint
    )
}

/// Best effort: the index only saves time, so failing to write it is not worth a word.
fn save_index(store: &Store, files: HashMap<String, Cached>, scored_with: String) {
    let path = index_path(store);
    let Some(dir) = path.parent() else { return };
    let index = Index {
        version: INDEX_VERSION,
        scored_with,
        files,
    };
    if let Ok(json) = serde_json::to_vec(&index) {
        let _ = crate::store::create_private_dir(dir)
            .and_then(|()| crate::store::write_atomic(&path, &json));
    }
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
