//! What is wrong with a TOML file rolefit read, in a person's words: the one translator of
//! toml's and serde's errors ("invalid type: string \"x\", expected u32", "unknown variant")
//! for every file (results, progress, goals, context, answers, banks). It names the line (from
//! the error's span) and the field (from the document's spans: the entry whose value holds the
//! error), says what was found and what rolefit needs instead. A check of our own made after
//! parsing finds its field's line the same way (`line_of_field`). Dates are worded by `dates`.

use std::fmt;
use std::ops::Range;

use toml::de::{DeTable, DeValue};

// The wording: serde's and toml's messages said plainly, values and numbers as a person reads
// them. (A path of its own: build.rs compiles this file for the bank's errors.)
#[path = "explain/words.rs"]
mod words;
pub use words::{kind_of, number, plain};

/// What a person can do about a data file rolefit will not read (an answers file or a bank
/// says its own).
pub const TODO: &str = "correct it by hand, or move the file out of rolefit's folder";

/// A problem with a file: where, and what, in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// 1-based; `None` when the problem is not on one line (a missing table, an empty file).
    pub line: Option<usize>,
    pub text: String,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(n) => write!(f, "line {n}: {}", self.text),
            None => f.write_str(&self.text),
        }
    }
}

/// A toml or serde error on `text`, worded for a person, with its line.
pub fn toml_error(text: &str, e: &toml::de::Error) -> Reason {
    match e.span() {
        Some(_) => spanned(text, e.message(), e.span()),
        None => {
            let (field, what) = detached(e);
            Reason {
                line: field.and_then(|f| line_of_field(text, &f)),
                text: what,
            }
        }
    }
}

/// A serde error from a value with no text behind it (a table already read), worded for a
/// person, and the field it names, if any (toml says it only in its `Display`: "in `due`").
pub fn detached(e: &toml::de::Error) -> (Option<String>, String) {
    let shown = e.to_string();
    let field = shown
        .lines()
        .filter_map(|l| l.strip_prefix("in `")?.strip_suffix('`'))
        .next()
        .map(str::to_owned);
    let what = plain(e.message(), field.as_deref());
    (field, what)
}

/// The same for an error given as its message and span (toml_edit's errors).
pub fn spanned(text: &str, message: &str, span: Option<Range<usize>>) -> Reason {
    if message.starts_with("missing field")
        && let Some(span) = span
    {
        // The span is the table the field is missing from: named by its header, if it has one.
        let table = entries(text).into_iter().find(|e| e.value == span);
        return Reason {
            line: table.as_ref().map(|t| line_at(text, t.key.start)),
            text: plain(message, table.map(|t| t.path).as_deref()),
        };
    }
    let field = match span.as_ref() {
        // The document does not parse, and the span is the key written a second time.
        Some(s) if message.starts_with("duplicate key") => text.get(s.clone()).map(str::to_owned),
        Some(s) => field_at(text, s.start),
        None => None,
    };
    Reason {
        line: span.map(|s| line_at(text, s.start)),
        text: plain(message, field.as_deref()),
    }
}

/// The message of a toml or serde error alone (for callers that place it themselves, with a
/// line and column of their own).
pub fn message(text: &str, e: &toml::de::Error) -> String {
    toml_error(text, e).text
}

/// A problem our own checks found in `field` (a dotted path, `scores.consistency`), at the
/// line of that key when the file has it.
pub fn field(text: &str, field: &str, what: &str) -> Reason {
    Reason {
        line: line_of_field(text, field),
        text: format!("`{field}` {what}"),
    }
}

/// The 1-based line of the byte at `offset`.
pub fn line_at(text: &str, offset: usize) -> usize {
    1 + text
        .as_bytes()
        .iter()
        .take(offset)
        .filter(|b| **b == b'\n')
        .count()
}

/// The line where the key at dotted `path` is written (array items by index: `goals.2.due`).
pub fn line_of_field(text: &str, path: &str) -> Option<usize> {
    entries(text)
        .iter()
        .find(|e| e.path == path)
        .map(|e| line_at(text, e.key.start))
}

/// Every key of the document, with its dotted path; none if it is not TOML.
fn entries(text: &str) -> Vec<Entry> {
    let mut entries = Vec::new();
    if let Ok(doc) = DeTable::parse(text) {
        walk(doc.get_ref(), "", &mut entries);
    }
    entries
}

/// The dotted path of the innermost entry whose value (or key) holds `offset`.
fn field_at(text: &str, offset: usize) -> Option<String> {
    let holds = |r: &Range<usize>| r.start <= offset && offset < r.end.max(r.start + 1);
    entries(text)
        .into_iter()
        .filter(|e| holds(&e.value) || holds(&e.key))
        .min_by_key(|e| e.value.len())
        .map(|e| e.path)
}

struct Entry {
    path: String,
    key: Range<usize>,
    value: Range<usize>,
}

fn walk(table: &DeTable<'_>, prefix: &str, out: &mut Vec<Entry>) {
    for (k, v) in table {
        let path = format!("{prefix}{}", k.get_ref());
        out.push(Entry {
            path: path.clone(),
            key: k.span(),
            value: v.span(),
        });
        walk_value(v.get_ref(), &path, out);
    }
}

fn walk_value(v: &DeValue<'_>, path: &str, out: &mut Vec<Entry>) {
    match v {
        DeValue::Table(t) => walk(t, &format!("{path}."), out),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let at = format!("{path}.{i}");
                out.push(Entry {
                    path: at.clone(),
                    key: item.span(),
                    value: item.span(),
                });
                walk_value(item.get_ref(), &at, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct File {
        schema: u32,
        label: String,
        #[serde(default)]
        form: Option<crate::bank::Form>,
        scores: Option<Scores>,
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Scores {
        answered: usize,
    }

    fn reason(text: &str) -> Reason {
        toml_error(text, &toml::from_str::<File>(text).unwrap_err())
    }

    #[test]
    fn serde_wording_becomes_plain_with_the_line_and_field() {
        let r = reason("schema = 1\nlabel = 5\n");
        assert_eq!(r.line, Some(2));
        assert!(
            r.text
                .starts_with("`label` is the number 5, where rolefit needs text in quotes"),
            "{r}"
        );
        let r = reason("schema = 1\nlabel = \"x\"\nform = \"huge\"\n");
        assert_eq!(r.line, Some(3));
        assert!(
            r.text.starts_with(
                "`form` is “huge”, which rolefit does not know: use one of full, quick"
            ),
            "{r}"
        );
        let r = reason("schema = 1\nlabel = \"x\"\n\n[scores]\nanswered = -5\n");
        assert_eq!(r.line, Some(5));
        assert!(r.text.starts_with("`scores.answered` is the number -5, out of range: rolefit needs a whole number, 0 or more"), "{r}");
        let r = reason("schema = 99999999999999999999\nlabel = \"x\"\n");
        assert_eq!(r.line, Some(1));
        assert_eq!(
            r.text,
            "`schema` is the number 99999999999999999999, larger than any whole number a TOML file can hold"
        );
        let r = reason("schema = 1\n");
        assert!(r.text.starts_with("`label` is missing;"), "{r}");
        let r = reason("schema = 1\nlabel = \"x\"\n\n[scores]\nskipped = 1\n");
        assert_eq!(r.line, Some(4));
        assert!(
            r.text.starts_with("`answered` is missing in `scores`"),
            "{r}"
        );
        let r = reason("schema = 1\nlabel = \"x\n");
        assert_eq!(r.line, Some(2));
        assert!(r.text.contains("not valid TOML"), "{r}");
        for text in [
            "schema = 1\nlabel = 5\n",
            "schema = 1\nlabel = \"x\"\nform = 3\n",
        ] {
            let r = reason(text).to_string();
            for leak in [
                "invalid type",
                "expected",
                "u32",
                "usize",
                "variant",
                "struct",
            ] {
                assert!(!r.contains(leak), "{leak} in {r}");
            }
        }
    }

    #[test]
    fn our_own_checks_find_their_key() {
        let text =
            "schema = 1\n\n[scores]\noverall = 3.0\n\n[scores.dimensions.scope]\nmargin = 1e300\n";
        assert_eq!(
            line_of_field(text, "scores.dimensions.scope.margin"),
            Some(7)
        );
        assert_eq!(line_of_field(text, "scores.overall"), Some(4));
        assert_eq!(line_of_field(text, "label"), None);
        assert_eq!(
            line_of_field("[[goals]]\nid = 1\n[[goals]]\nid = 2\n", "goals.1.id"),
            Some(4)
        );
    }

    #[test]
    fn numbers_are_quoted_short() {
        assert_eq!(number(1e308), "1e308");
        assert_eq!(number(-3.25), "-3.25");
        assert_eq!(number(250.0), "250");
        assert_eq!(number(f64::NAN), "NaN");
        assert_eq!(number(f64::INFINITY), "inf");
        assert!(number(1e-300).len() < 12);
    }
}
