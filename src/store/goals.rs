//! Learning goals, kept in `goals.toml` next to the results.

use serde::{Deserialize, Serialize};

use super::{SCHEMA, Store, StoreError, Versioned, atomic, io, read_versioned, to_toml};
use crate::bank::Lens;

/// "Move my Scope score to +40 by June": a dimension (optionally one lens), a target, and the
/// result it started from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    /// Small and stable, so it is easy to type: `rolefit goals done 3`.
    pub id: u32,
    pub dimension: String,
    /// `None`: the dimension's combined score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lens: Option<Lens>,
    pub target: f64,
    /// The result the goal starts from, and its score then (kept, so a trashed baseline does
    /// not lose the starting point).
    pub baseline: String,
    pub baseline_score: f64,
    #[serde(default)]
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<jiff::civil::Date>,
    pub created_at: jiff::Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_at: Option<jiff::Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalsFile {
    pub schema: u32,
    /// The highest id ever given: a removed goal's id stays retired, so `goals done 3` can never
    /// reach a different goal than the one it once meant.
    #[serde(default)]
    pub last_id: u32,
    #[serde(default)]
    pub goals: Vec<Goal>,
}

impl Default for GoalsFile {
    fn default() -> Self {
        GoalsFile {
            schema: SCHEMA,
            last_id: 0,
            goals: Vec::new(),
        }
    }
}

impl Versioned for GoalsFile {
    fn schema(&self) -> u32 {
        self.schema
    }
}

impl GoalsFile {
    /// The id the next goal gets: never one given before, even if that goal was removed.
    pub fn next_id(&self) -> Result<u32, StoreError> {
        let top = self.goals.iter().map(|g| g.id).fold(self.last_id, u32::max);
        top.checked_add(1).ok_or(StoreError::GoalIdsExhausted)
    }

    /// Adds `goal` under the next id, and retires that id for good. Returns the id.
    pub fn add(&mut self, goal: Goal) -> Result<u32, StoreError> {
        let id = self.next_id()?;
        self.last_id = id;
        self.goals.push(Goal { id, ..goal });
        Ok(id)
    }

    pub fn get_mut(&mut self, id: u32) -> Option<&mut Goal> {
        self.goals.iter_mut().find(|g| g.id == id)
    }
}

impl Store {
    pub fn goals_path(&self) -> std::path::PathBuf {
        self.root.join("goals.toml")
    }

    /// The goals (none if there is no file yet). A file that cannot be read is an error, and
    /// is left as it is.
    pub fn load_goals(&self) -> Result<GoalsFile, StoreError> {
        Ok(read_versioned(&self.goals_path())?.unwrap_or_default())
    }

    /// Reads the goals, lets `change` edit them, and writes them back atomically, all under a
    /// lock, so two processes changing goals at once both keep their change. Nothing is written
    /// if `change` fails.
    pub fn update_goals<R, E: From<StoreError>>(
        &self,
        change: impl FnOnce(&mut GoalsFile) -> Result<R, E>,
    ) -> Result<R, E> {
        let _lock = self.lock_for("goals")?;
        let mut goals = self.load_goals()?;
        let out = change(&mut goals)?;
        let path = self.goals_path();
        let text = to_toml(&goals, &path)?;
        atomic::write_atomic(&path, text.as_bytes()).map_err(io("save goals to", &path))?;
        Ok(out)
    }
}
