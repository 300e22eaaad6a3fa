//! The History list: one row per saved result, readable or not. `entries` builds the rows
//! from what the store listed, and nothing else; `load`, `verify` and `forget` read the store
//! and keep History's index of rows in the data folder's cache.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::bank::{Bank, Form};
use crate::scoring::Archetype;
use crate::store::{Listed, Stamp, Store, StoreError, load_all_into};

mod spark;
pub use spark::{Spark, spark, spark_char};

/// What History shows of a readable result (also the JSON of `rolefit history`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub id: String,
    pub taken_at: jiff::Timestamp,
    pub label: String,
    pub form: Form,
    pub overall: Option<f64>,
    pub archetype: Option<Archetype>,
    /// A goal form's one scale: it places nobody overall, so the row claims no placement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub covers: Option<crate::bank::Focus>,
    #[serde(skip)]
    pub margin: Option<f64>,
    /// Questions answered: says why a score has no margin.
    #[serde(skip)]
    pub answered: usize,
    /// The id written inside the file, when it is not the file's name (which is the id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_id: Option<String>,
}

impl Row {
    /// The row of `r` as the current model scores it (`ResultFile::rescored` with `bank`).
    fn of(r: crate::store::ResultFile, bank: &Bank) -> Row {
        Row::listed(r.rescored(bank))
    }

    fn listed(r: crate::store::ResultFile) -> Row {
        Row {
            id: r.id,
            taken_at: r.taken_at,
            label: r.label,
            form: r.form,
            overall: r.scores.overall,
            archetype: r.scores.archetype,
            covers: r.focus.filter(|_| r.form == Form::Goal),
            margin: r.scores.margin,
            answered: r.scores.answered,
            stated_id: r.stated_id,
        }
    }

    /// A row read back from the index is used only if it could have come from a result: the
    /// index is a file like any other, and may have been edited.
    fn plausible(&self) -> bool {
        let score = |v: Option<f64>, range: std::ops::RangeInclusive<f64>| {
            v.is_none_or(|v| range.contains(&v))
        };
        score(self.overall, -100.0..=100.0)
            && score(self.margin, 0.0..=400.0)
            && self.label.chars().count() <= crate::store::limits::MAX_LABEL_CHARS
            // A goal form's row names its scale and claims nothing overall.
            && (self.form == Form::Goal) == self.covers.is_some()
            && (self.covers.is_none() || (self.overall, self.archetype) == (None, None))
    }
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
    listed.into_iter().map(|l| Entry::of(l, bank)).collect()
}

impl Entry {
    /// The entry of one file as read (rescored with `bank`).
    fn of(l: Listed, bank: &Bank) -> Entry {
        Entry {
            file: l
                .path
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default(),
            row: l.result.map_err(|e| reason(&e)).map(|r| Row::of(r, bank)),
            id: l.id,
        }
    }
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

impl Cached {
    fn of(stamp: Stamp, row: Row) -> Cached {
        Cached {
            stamp,
            margin: row.margin,
            answered: row.answered,
            row,
        }
    }

    /// The row as History shows it: under the file's name, whatever the index says, with the
    /// archetype its score gives (the index is a file like any other, and may have been edited).
    fn row(&self, id: &str) -> Row {
        Row {
            id: id.to_owned(),
            margin: self.margin,
            answered: self.answered,
            archetype: self
                .row
                .overall
                .filter(|_| self.answered >= crate::scoring::MIN_ANSWERS_FOR_ARCHETYPE)
                .map(crate::scoring::Archetype::from_overall),
            ..self.row.clone()
        }
    }
}

/// 2: stamps carry the change time; rows their stated id. 3: a result's answers are checked
/// against its questions, so a row indexed before may be of a file now refused.
const INDEX_VERSION: u32 = 3;

/// The index of 100,000 results is about 25 MB; past this it is neither read nor written (History
/// then reads the result files, which is slower and just as right).
const INDEX_MAX_BYTES: u64 = 48 << 20;

fn index_path(store: &Store) -> std::path::PathBuf {
    store.root().join("cache").join("history-index.json")
}

/// History's entries, newest first. Parsing thousands of TOML files is the slow part, so rows of
/// unchanged files (same size, modification and change time, inode) come from an index in
/// `cache/`; only new or changed files are read, and the index is rewritten when anything
/// changed. A row from the index takes its id from the file name, and is checked for range; a
/// result opened from History is read from its file, and corrects its row (`verify`).
pub fn load(store: &Store, bank: &Bank) -> Result<Vec<Entry>, StoreError> {
    let files = store.entries()?;
    let scored_with = scored_with(bank);
    let mut index = read_index(store, &scored_with);
    let stamps: Vec<Option<Stamp>> = files.iter().map(|f| f.stamp()).collect();
    let name = |f: &crate::store::Found| {
        f.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let hit = |i: usize, index: &HashMap<String, Cached>| {
        let c = index.get(&name(&files[i]))?;
        let fresh = files[i].regular && files[i].bad_name.is_none() && Some(c.stamp) == stamps[i];
        fresh.then(|| Entry {
            id: files[i].id.clone(),
            file: name(&files[i]),
            row: Ok(c.row(&files[i].id)),
        })
    };
    // Each file's index row is looked up once: a hit is kept, a miss is read.
    let hits: Vec<Option<Entry>> = (0..files.len()).map(|i| hit(i, &index)).collect();
    let missing: Vec<usize> = (0..files.len()).filter(|&i| hits[i].is_none()).collect();
    // Rows are made on the threads that read the files.
    let read = load_all_into(
        missing.iter().map(|&i| files[i].clone()).collect(),
        store.bank(),
        |l| Entry::of(l, bank),
    );
    let mut read = missing.iter().copied().zip(read).peekable();
    let mut out = Vec::with_capacity(files.len());
    let mut changed = false;
    for ((i, stamp), hit) in stamps.iter().enumerate().zip(hits) {
        match read.next_if(|(j, _)| *j == i) {
            Some((_, e)) => {
                if let (Ok(row), Some(stamp)) = (&e.row, *stamp) {
                    changed = true;
                    index.insert(e.file.clone(), Cached::of(stamp, row.clone()));
                }
                out.push(e);
            }
            None => out.extend(hit),
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

/// The index's rows that could be true; none if it cannot be read (it is only a cache).
fn read_index(store: &Store, scored_with: &str) -> HashMap<String, Cached> {
    let mut files = crate::store::read::read_bytes(&index_path(store), INDEX_MAX_BYTES)
        .ok()
        .and_then(|b| serde_json::from_slice::<Index>(&b).ok())
        .filter(|i| i.version == INDEX_VERSION && i.scored_with == scored_with)
        .map_or_else(HashMap::new, |i| i.files);
    files.retain(|_, c| c.row("").plausible());
    files
}

/// Best effort: the index only saves time, so failing to write it is not worth a word.
fn save_index(store: &Store, files: HashMap<String, Cached>, scored_with: String) {
    let path = index_path(store);
    let index = Index {
        version: INDEX_VERSION,
        scored_with,
        files,
    };
    if let Ok(json) = serde_json::to_vec(&index)
        && json.len() as u64 <= INDEX_MAX_BYTES
    {
        // `folder` refuses a `cache/` that is a link: nothing is written through it.
        if store.folder("cache").is_ok() {
            let _ = crate::store::write_atomic(&path, &json);
        }
    }
}

/// The file of `entry` was just read (`read`): if the row History showed says otherwise (an
/// edited index, or a file that can no longer be read), the row and the index take the file's
/// word: a corrected row, or the reason it cannot be read and no row in the index. Returns
/// whether it differed.
pub fn verify(
    store: &Store,
    bank: &Bank,
    entry: &mut Entry,
    read: Result<&crate::store::ResultFile, &StoreError>,
) -> bool {
    let row = read.map(|r| Row::of(r.clone(), bank)).map_err(reason);
    if entry.row == row {
        return false;
    }
    entry.row = row.clone();
    let scored_with = scored_with(bank);
    let mut index = read_index(store, &scored_with);
    match (row, crate::store::stamp_of(&store.result_path(&entry.id))) {
        (Ok(row), Some(stamp)) => {
            index.insert(entry.file.clone(), Cached::of(stamp, row));
        }
        _ => {
            index.remove(&entry.file);
        }
    }
    save_index(store, index, scored_with);
    true
}

/// Result `id` could not be read: its row leaves the index, whatever the index was scored with,
/// so no listing shows it as readable again (the index may have been edited to say so).
pub fn forget(store: &Store, id: &str) {
    let path = index_path(store);
    let Some(mut index) = crate::store::read::read_bytes(&path, INDEX_MAX_BYTES)
        .ok()
        .and_then(|b| serde_json::from_slice::<Index>(&b).ok())
    else {
        return;
    };
    if index.files.remove(&format!("{id}.toml")).is_some() {
        save_index(store, index.files, index.scored_with);
    }
}

/// The reason alone: History names the file in its own column.
/// What History says of a file it cannot read, in full: the file, why (with its line where
/// there is one) and what to do.
pub fn why_unreadable(file: &str, reason: &str) -> String {
    format!("{file} cannot be opened: {reason}")
}

fn reason(e: &crate::store::StoreError) -> String {
    use crate::store::StoreError;
    match e {
        StoreError::Corrupt { reason, .. } => reason.clone(),
        StoreError::FutureSchema { found, .. } => format!(
            "written by a newer rolefit (schema {found}, this one reads up to {}); update rolefit to open it, or move the file out of rolefit's folder",
            crate::store::NEWEST_SCHEMA
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
