//! The bank as written: every field optional and spanned, so validation can report every
//! problem with its place instead of stopping at the first.

use std::ops::Range;
use std::path::PathBuf;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::error::Problem;

/// The source files of a bank, so byte spans can become line:column.
#[derive(Default)]
pub struct Sources {
    files: Vec<(PathBuf, String, LineIndex)>,
}

/// Where something is: a file of `Sources` and a byte range in it.
#[derive(Debug, Clone)]
pub struct Loc {
    pub file: usize,
    pub span: Range<usize>,
}

impl Sources {
    pub fn add(&mut self, path: PathBuf, text: String) -> usize {
        let index = LineIndex::new(&text);
        self.files.push((path, text, index));
        self.files.len() - 1
    }

    /// 1-based line and column of a byte offset of one file.
    pub fn line_col(&self, file: usize, offset: usize) -> (usize, usize) {
        let (_, text, index) = &self.files[file];
        index.line_col(text, offset)
    }

    pub fn path(&self, file: usize) -> &std::path::Path {
        &self.files[file].0
    }

    pub fn text(&self, file: usize) -> &str {
        &self.files[file].1
    }

    pub fn problem(&self, loc: &Loc, id: Option<&str>, message: impl Into<String>) -> Problem {
        let path = &self.files[loc.file].0;
        let (line, column) = self.line_col(loc.file, loc.span.start);
        Problem {
            file: path.clone(),
            line,
            column,
            id: id.map(str::to_owned),
            message: message.into(),
        }
    }
}

/// 1-based line and column (in characters) of a byte offset. For one lookup; many lookups in
/// one text go through a `LineIndex`, or a file with thousands of problems takes minutes.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(text, offset)
}

/// Where each line of a text starts, so a byte offset's line is a binary search away.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// 1-based line and column (in characters) of a byte offset of `text`, the text indexed.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        (line, text[start..offset].chars().count() + 1)
    }
}

/// A number written as an integer or a float (`weight = 2` and `weight = 2.0` both mean 2).
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(untagged)]
pub enum Num {
    Int(i64),
    Float(f64),
}

impl Num {
    pub fn get(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }
}

pub type S<T> = Option<Spanned<T>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDimension {
    pub id: S<String>,
    pub title: S<String>,
    pub engineer: S<String>,
    pub developer: S<String>,
}
const DIMENSION_KEYS: &[&str] = &["id", "title", "engineer", "developer"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    pub key: S<String>,
    pub text: S<String>,
    pub lean: S<Num>,
}
const OPTION_KEYS: &[&str] = &["key", "text", "lean"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: S<String>,
    pub kind: S<String>,
    pub dimension: S<String>,
    pub lens: S<String>,
    pub text: S<String>,
    pub weight: S<Num>,
    pub quick: S<bool>,
    pub keyed: S<String>,
    pub scale: S<String>,
    pub first: S<String>,
    pub ordered: S<bool>,
    pub engineer: S<String>,
    pub developer: S<String>,
    pub options: S<Vec<Spanned<RawOption>>>,
}
const QUESTION_KEYS: &[&str] = &[
    "id",
    "kind",
    "dimension",
    "lens",
    "text",
    "weight",
    "quick",
    "keyed",
    "scale",
    "first",
    "ordered",
    "engineer",
    "developer",
    "options",
];
const TOP_KEYS: &[&str] = &["name", "version", "dimensions", "questions"];

/// One file of a bank, parsed as far as it could be.
#[derive(Default)]
pub struct RawFile {
    pub name: Option<(String, Loc)>,
    pub version: Option<(String, Loc)>,
    /// Present when the file declares a `[[dimensions]]` array (even an empty one).
    pub dimensions: Option<Vec<(RawDimension, Loc)>>,
    pub questions: Vec<(RawQuestion, Loc)>,
    /// Where the file starts, for problems that have no better place.
    pub start: Option<Loc>,
    /// The file is not valid TOML (already reported), so nothing else about it is known.
    pub unreadable: bool,
    /// Top-level fields written but not as text (`version = 3`): already reported, so not
    /// "missing" as well.
    pub misread: Vec<&'static str>,
}

/// Parses one file of `sources`, pushing every problem found on the way.
pub fn parse_file(sources: &Sources, file: usize, problems: &mut Vec<Problem>) -> RawFile {
    let text = sources.text(file);
    let loc = |span: Range<usize>| Loc { file, span };
    let mut raw = RawFile {
        start: Some(loc(0..0)),
        ..RawFile::default()
    };
    let doc = match DeTable::parse(text) {
        Ok(doc) => doc.into_inner(),
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let why = crate::explain::message(text, &e);
            problems.push(sources.problem(&loc(span), None, why));
            raw.unreadable = true;
            return raw;
        }
    };
    for (key, value) in doc {
        let span = value.span();
        match key.get_ref().as_ref() {
            "name" | "version" => match value.get_ref().as_str() {
                Some(s) if key.get_ref() == "name" => raw.name = Some((s.to_owned(), loc(span))),
                Some(s) => raw.version = Some((s.to_owned(), loc(span))),
                None => {
                    raw.misread.push(if key.get_ref() == "name" {
                        "name"
                    } else {
                        "version"
                    });
                    problems.push(sources.problem(
                        &loc(span),
                        None,
                        format!("`{}` must be a string", key.get_ref()),
                    ));
                }
            },
            "dimensions" => {
                let items = tables(sources, file, "dimensions", value, problems);
                let dims = items
                    .into_iter()
                    .filter_map(|t| {
                        let id = id_of(&t);
                        typed(
                            sources,
                            file,
                            t,
                            DIMENSION_KEYS,
                            &[],
                            id.as_deref(),
                            problems,
                        )
                    })
                    .collect();
                raw.dimensions = Some(dims);
            }
            "questions" => {
                for t in tables(sources, file, "questions", value, problems) {
                    let id = id_of(&t);
                    let nested = [("options", OPTION_KEYS)];
                    if let Some(q) = typed(
                        sources,
                        file,
                        t,
                        QUESTION_KEYS,
                        &nested,
                        id.as_deref(),
                        problems,
                    ) {
                        raw.questions.push(q);
                    }
                }
            }
            other => problems.push(sources.problem(
                &loc(key.span()),
                None,
                unknown_key_message(other, TOP_KEYS),
            )),
        }
    }
    raw
}

fn unknown_key_message(key: &str, known: &[&str]) -> String {
    format!("unknown key `{key}` (known keys: {})", known.join(", "))
}

fn id_of(t: &Spanned<DeValue<'_>>) -> Option<String> {
    t.get_ref()
        .get("id")
        .and_then(|v| v.get_ref().as_str())
        .map(str::to_owned)
}

/// The tables of an array of tables, reporting anything else in it.
fn tables<'i>(
    sources: &Sources,
    file: usize,
    what: &str,
    value: Spanned<DeValue<'i>>,
    problems: &mut Vec<Problem>,
) -> Vec<Spanned<DeValue<'i>>> {
    let span = value.span();
    match value.into_inner() {
        DeValue::Array(items) => items
            .into_iter()
            .filter(|item| {
                let ok = item.get_ref().is_table();
                if !ok {
                    let at = Loc {
                        file,
                        span: item.span(),
                    };
                    problems.push(sources.problem(
                        &at,
                        None,
                        format!("each of `{what}` must be a table (write it as [[{what}]])"),
                    ));
                }
                ok
            })
            .collect(),
        _ => {
            let at = Loc { file, span };
            problems.push(sources.problem(
                &at,
                None,
                format!("`{what}` must be an array of tables (write each as [[{what}]])"),
            ));
            Vec::new()
        }
    }
}

/// Reports and drops unknown keys (at this level and in the nested arrays of tables named in
/// `nested`), then deserializes what is left. Dropping them first is what lets one bad key be
/// reported together with every other problem of the same question.
fn typed<'i, T: Deserialize<'i>>(
    sources: &Sources,
    file: usize,
    mut value: Spanned<DeValue<'i>>,
    known: &[&str],
    nested: &[(&str, &[&str])],
    id: Option<&str>,
    problems: &mut Vec<Problem>,
) -> Option<(T, Loc)> {
    let span = value.span();
    if let DeValue::Table(table) = value.get_mut() {
        strip_unknown(sources, file, table, known, id, problems);
        for (name, keys) in nested {
            if let Some(DeValue::Array(items)) = table.get_mut(*name).map(|v| v.get_mut()) {
                for item in items.iter_mut() {
                    if let DeValue::Table(t) = item.get_mut() {
                        strip_unknown(sources, file, t, keys, id, problems);
                    }
                }
            }
        }
    }
    match T::deserialize(ValueDeserializer::from(value)) {
        Ok(t) => Some((t, Loc { file, span })),
        Err(e) => {
            let at = Loc {
                file,
                span: e.span().unwrap_or(span),
            };
            problems.push(sources.problem(&at, id, crate::explain::detached(&e).1));
            None
        }
    }
}

fn strip_unknown(
    sources: &Sources,
    file: usize,
    table: &mut DeTable<'_>,
    known: &[&str],
    id: Option<&str>,
    problems: &mut Vec<Problem>,
) {
    let unknown: Vec<_> = table
        .keys()
        .filter(|k| !known.contains(&k.get_ref().as_ref()))
        .cloned()
        .collect();
    for key in unknown {
        let at = Loc {
            file,
            span: key.span(),
        };
        problems.push(sources.problem(&at, id, unknown_key_message(key.get_ref(), known)));
        table.remove(&key);
    }
}
