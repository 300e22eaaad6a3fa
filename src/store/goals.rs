//! Learning goals, kept in `goals.toml` next to the results.

use serde::{Deserialize, Serialize};

use super::{SCHEMA, Store, StoreError, Versioned, edit, limits};
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
    /// The baseline's margin on the goal's scale then (`None`: too few answers to have one, or a
    /// goal written before margins were kept). A move away from the target counts only beyond
    /// this and the latest result's margin combined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_margin: Option<f64>,
    #[serde(default)]
    pub note: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::optional_date"
    )]
    pub due: Option<jiff::civil::Date>,
    #[serde(with = "crate::dates::time")]
    pub created_at: jiff::Timestamp,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::optional_time"
    )]
    pub done_at: Option<jiff::Timestamp>,
}

impl Goal {
    /// The goal's scale, as its goal form asks it.
    pub fn focus(&self) -> crate::bank::Focus {
        crate::bank::Focus::new(self.dimension.clone(), self.lens)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalsFile {
    pub schema: u32,
    /// The highest id ever given: a removed goal's id stays retired, so `goals done 3` can never
    /// reach a different goal than the one it once meant.
    pub last_id: u32,
    pub goals: Vec<Goal>,
    /// Goals that cannot be read: named, kept in the file as they are, and removable by id, so
    /// one bad goal never locks the others away.
    #[serde(skip)]
    pub unreadable: Vec<BadGoal>,
}

/// A `[[goals]]` table rolefit cannot use, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct BadGoal {
    /// Its `id`, when that much can be read.
    pub id: Option<u32>,
    /// Its line in goals.toml (1-based): the key at fault's, where it can be found, else where
    /// its table starts.
    pub line: usize,
    /// Its place among the file's goals, so a rewrite keeps it exactly where it was read.
    index: usize,
    pub reason: String,
}

impl std::fmt::Display for BadGoal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.id {
            Some(id) => write!(f, "goal #{id} (line {}): {}", self.line, self.reason),
            None => write!(f, "the goal on line {}: {}", self.line, self.reason),
        }
    }
}

impl Default for GoalsFile {
    fn default() -> Self {
        GoalsFile {
            schema: SCHEMA,
            last_id: 0,
            goals: Vec::new(),
            unreadable: Vec::new(),
        }
    }
}

/// goals.toml as read, each goal still a table with where it starts, so one bad goal is named
/// on its own rather than making the whole file unreadable.
#[derive(Deserialize)]
struct RawGoalsFile {
    schema: u32,
    #[serde(default)]
    last_id: u32,
    #[serde(default)]
    goals: Vec<toml::Spanned<toml::Table>>,
}

impl Versioned for RawGoalsFile {
    fn schema(&self) -> u32 {
        self.schema
    }
}

/// Reads goals.toml's text: good goals, bad ones named, and an error for a file that cannot be
/// trusted at all (not TOML, another schema, or two goals with one id, which a rewrite would
/// tangle: both line numbers are named and nothing is written).
pub fn parse(text: &str, path: &std::path::Path) -> Result<GoalsFile, StoreError> {
    let raw: RawGoalsFile = super::parse_versioned(text, path)?;
    let line_of = |at: usize| 1 + text.get(..at).map_or(0, |t| t.matches('\n').count());
    let mut file = GoalsFile {
        schema: raw.schema,
        last_id: raw.last_id,
        ..GoalsFile::default()
    };
    let mut seen: Vec<(u32, usize)> = Vec::new();
    for (index, spanned) in raw.goals.into_iter().enumerate() {
        let line = line_of(spanned.span().start);
        let table = spanned.into_inner();
        let id = table
            .get("id")
            .and_then(toml::Value::as_integer)
            .and_then(|i| u32::try_from(i).ok());
        if let Some(id) = id {
            if let Some((_, first)) = seen.iter().find(|(s, _)| *s == id) {
                return Err(StoreError::Corrupt {
                    path: path.to_path_buf(),
                    reason: format!(
                        "two goals have id {id}, on lines {first} and {line}; give one of them an unused id by hand (rolefit changed nothing)"
                    ),
                });
            }
            seen.push((id, line));
        }
        // A bad goal is named at the line of its bad key, where that can be found.
        let at = |key: Option<&str>| {
            key.and_then(|k| crate::explain::line_of_field(text, &format!("goals.{index}.{k}")))
                .unwrap_or(line)
        };
        let goal = toml::Value::Table(table)
            .try_into::<Goal>()
            .map_err(|e| {
                let (field, reason) = crate::explain::detached(&e);
                (at(field.as_deref()), reason)
            })
            .and_then(|g| check(&g).map(|()| g).map_err(|(k, r)| (at(Some(k)), r)));
        match goal {
            Ok(g) => file.goals.push(g),
            Err((line, reason)) => file.unreadable.push(BadGoal {
                id,
                line,
                index,
                reason,
            }),
        }
    }
    Ok(file)
}

/// Values that come from a file and are used in arithmetic are checked, so a hand-edited `nan`
/// or `1e300` is named rather than shown as a percentage. Checked on write too: rolefit never
/// writes a goal it would refuse to read.
fn check(g: &Goal) -> Result<(), (&'static str, String)> {
    use crate::explain::number;
    for (name, v) in [("target", g.target), ("baseline_score", g.baseline_score)] {
        if !(-100.0..=100.0).contains(&v) {
            return Err((
                name,
                format!(
                    "`{name}` is {}, outside the scale of -100 to 100",
                    number(v)
                ),
            ));
        }
    }
    if let Some(m) = g.baseline_margin.filter(|m| !(0.0..=100.0).contains(m)) {
        return Err((
            "baseline_margin",
            format!("`baseline_margin` is {}, outside 0 to 100", number(m)),
        ));
    }
    Ok(())
}

/// Every key rolefit writes for a goal: on a rewrite these come from the goal, and any other
/// key a goal's table has is kept as it was.
const GOAL_KEYS: [&str; 11] = [
    "id",
    "dimension",
    "lens",
    "target",
    "baseline",
    "baseline_score",
    "baseline_margin",
    "note",
    "due",
    "created_at",
    "done_at",
];

impl GoalsFile {
    /// The id the next goal gets: never one given before, even if that goal was removed.
    pub fn next_id(&self) -> Result<u32, StoreError> {
        let ids = self.goals.iter().map(|g| g.id);
        let top = ids
            .chain(self.unreadable.iter().filter_map(|b| b.id))
            .fold(self.last_id, u32::max);
        top.checked_add(1).ok_or(StoreError::GoalIdsExhausted)
    }

    /// Adds `goal` under the next id, and retires that id for good. Returns the id.
    pub fn add(&mut self, goal: Goal) -> Result<u32, StoreError> {
        let id = self.next_id()?;
        self.last_id = id;
        self.goals.push(Goal { id, ..goal });
        Ok(id)
    }

    /// Removes goal `id`, readable or not; false if there is none.
    pub fn remove(&mut self, id: u32) -> bool {
        let before = self.goals.len() + self.unreadable.len();
        self.goals.retain(|g| g.id != id);
        self.unreadable.retain(|b| b.id != Some(id));
        self.goals.len() + self.unreadable.len() < before
    }

    pub fn get_mut(&mut self, id: u32) -> Option<&mut Goal> {
        self.goals.iter_mut().find(|g| g.id == id)
    }

    /// Goal `id` to change; an unreadable one, or none, is each said as what it is.
    pub fn goal_mut(&mut self, id: u32) -> Result<&mut Goal, StoreError> {
        if let Some(bad) = self.unreadable.iter().find(|b| b.id == Some(id)) {
            return Err(StoreError::UnreadableGoal(Box::new(bad.clone())));
        }
        self.get_mut(id).ok_or(StoreError::NoGoal { id })
    }

    /// Removes goal `id`, readable or not; `NoGoal` if there is none.
    pub fn remove_goal(&mut self, id: u32) -> Result<(), StoreError> {
        if self.remove(id) {
            Ok(())
        } else {
            Err(StoreError::NoGoal { id })
        }
    }
}

impl Store {
    pub fn goals_path(&self) -> std::path::PathBuf {
        self.root.join("goals.toml")
    }

    /// The goals (none if there is no file yet). A file that cannot be read is an error, and
    /// is left as it is.
    pub fn load_goals(&self) -> Result<GoalsFile, StoreError> {
        Ok(self.read_goals()?.map(|(g, _)| g).unwrap_or_default())
    }

    /// The goals and the text they were read from; `None` if there is no file yet.
    fn read_goals(&self) -> Result<Option<(GoalsFile, String)>, StoreError> {
        let path = self.goals_path();
        let Some(text) = super::read_file_if_any(&path)? else {
            return Ok(None);
        };
        Ok(Some((parse(&text, &path)?, text)))
    }

    /// Reads the goals, lets `change` edit them, and writes them back atomically, all under a
    /// lock, so two processes changing goals at once both keep their change. Nothing is written
    /// if `change` fails, or if the goals would break a limit. What the file holds beyond what
    /// this rolefit knows (a newer one's keys and tables) is kept.
    pub fn update_goals<R, E: From<StoreError>>(
        &self,
        change: impl FnOnce(&mut GoalsFile) -> Result<R, E>,
    ) -> Result<R, E> {
        let _lock = self.lock_for("goals")?;
        let path = self.goals_path();
        let (mut goals, text) = self.read_goals()?.unwrap_or_default();
        let out = change(&mut goals)?;
        limits::check_goal_count(goals.goals.len() + goals.unreadable.len())?;
        for g in &goals.goals {
            limits::check_note(&g.note)?;
            check(g).map_err(|(_, reason)| StoreError::Refused {
                what: format!("goal #{}", g.id),
                reason,
            })?;
        }
        let text = merge(&text, &goals, &path)?;
        super::write_data(&path, text.as_bytes(), "save goals to")?;
        Ok(out)
    }
}

/// `goals` written over the document `old`: known keys from `goals`, goals matched by id so each
/// keeps its unknown keys, and every other key and table of `old` left as it was.
fn merge(old: &str, goals: &GoalsFile, path: &std::path::Path) -> Result<String, StoreError> {
    let mut doc = edit::document(old, path)?;
    let fresh = edit::encode(goals, path)?;
    let top: Vec<&str> = fresh
        .as_table()
        .iter()
        .map(|(k, _)| k)
        .filter(|k| *k != "goals")
        .collect();
    edit::overlay(doc.as_table_mut(), fresh.as_table(), &top);
    let before = edit::tables(doc.get("goals"));
    let id_of = |t: &toml_edit::Table| t.get("id").and_then(toml_edit::Item::as_integer);
    let mut list = toml_edit::ArrayOfTables::new();
    for new in edit::tables(fresh.get("goals")) {
        let id = new.get("id").and_then(toml_edit::Item::as_integer);
        let mut table = before
            .iter()
            .find(|t| id.is_some() && id_of(t) == id)
            .cloned()
            .unwrap_or_default();
        edit::overlay(&mut table, &new, &GOAL_KEYS);
        list.push(table);
    }
    // An unreadable goal stays exactly as it was, until it is removed by its id.
    for bad in &goals.unreadable {
        if let Some(t) = before.get(bad.index) {
            list.push(t.clone());
        }
    }
    doc.insert("goals", toml_edit::Item::ArrayOfTables(list));
    let text = doc.to_string();
    // What was kept must not change what rolefit reads (an unknown key can never shadow a
    // known one, but this costs little next to the write and proves it).
    let same = |back: &GoalsFile| {
        let ids = |f: &GoalsFile| f.unreadable.iter().map(|b| b.id).collect::<Vec<_>>();
        (back.schema, back.last_id, &back.goals) == (goals.schema, goals.last_id, &goals.goals)
            && ids(back) == ids(goals)
    };
    match parse(&text, path) {
        Ok(back) if same(&back) => Ok(text),
        _ => Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            reason: "its extra keys cannot be kept alongside the change".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn goal(id: u32) -> Goal {
        Goal {
            id,
            dimension: "scope".into(),
            lens: Some(Lens::Practice),
            target: 40.0,
            baseline: "b".into(),
            baseline_score: -10.0,
            baseline_margin: Some(8.0),
            note: "n".into(),
            due: Some(jiff::civil::date(2027, 1, 1)),
            created_at: jiff::Timestamp::UNIX_EPOCH,
            done_at: Some(jiff::Timestamp::UNIX_EPOCH),
        }
    }

    #[test]
    fn goal_keys_are_every_key_a_goal_is_written_with() {
        let doc = edit::encode(
            &GoalsFile {
                goals: vec![goal(1)],
                ..GoalsFile::default()
            },
            std::path::Path::new("g"),
        )
        .unwrap();
        let keys: Vec<String> = edit::tables(doc.get("goals"))[0]
            .iter()
            .map(|(k, _)| k.to_owned())
            .collect();
        assert_eq!(keys, GOAL_KEYS);
    }

    #[test]
    fn a_cleared_option_goes_and_unknown_keys_stay() {
        let path = std::path::Path::new("goals.toml");
        let old = "schema = 1\nfuture = \"kept\"\n\n[[goals]]\nid = 1\ndimension = \"scope\"\ntarget = 40.0\nbaseline = \"b\"\nbaseline_score = -10.0\ncreated_at = \"1970-01-01T00:00:00Z\"\ndone_at = \"1970-01-01T00:00:00Z\"\nmood = \"keen\"\n\n[goals.plan]\nsteps = 3\n\n[later]\nx = 1\n";
        let mut goals = parse(old, path).unwrap();
        goals.goals[0].done_at = None;
        goals.goals.push(Goal {
            id: 2,
            ..goals.goals[0].clone()
        });
        let text = merge(old, &goals, path).unwrap();
        let back: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(back["future"].as_str(), Some("kept"));
        assert_eq!(back["later"]["x"].as_integer(), Some(1));
        let first = &back["goals"][0];
        assert_eq!(first["mood"].as_str(), Some("keen"), "{text}");
        assert_eq!(first["plan"]["steps"].as_integer(), Some(3), "{text}");
        assert!(first.get("done_at").is_none(), "{text}");
        assert!(back["goals"][1].get("mood").is_none(), "{text}");
    }
}
