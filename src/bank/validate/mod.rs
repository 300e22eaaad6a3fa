//! Turns raw files into a `Bank`, checking every rule of `questions/README.md` and collecting
//! every problem rather than stopping at the first.

use std::collections::HashMap;

use toml::Spanned;

mod question;
use question::question;

use super::error::Problem;
use super::model::{Bank, Dimension, Lens};
use super::raw::{Loc, RawDimension, RawFile, S, Sources};

pub const WEIGHT_RANGE: std::ops::RangeInclusive<f64> = 0.1..=3.0;
/// Questions a bank may have, and characters an id may have: together they bound the size of a
/// result and of the progress file (each names every question asked), which stay well under
/// the 4 MiB rolefit reads back (10,000 questions with 64-character ids: under 3 MB).
pub const MAX_QUESTIONS: usize = 10_000;
pub const MAX_ID_CHARS: usize = 64;
pub const OPTIONS_RANGE: std::ops::RangeInclusive<usize> = 3..=5;

struct Checker<'a> {
    sources: &'a Sources,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, loc: &Loc, id: Option<&str>, message: impl Into<String>) {
        self.problems.push(self.sources.problem(loc, id, message));
    }

    fn at<T>(&self, s: &Spanned<T>, file: usize) -> Loc {
        Loc {
            file,
            span: s.span(),
        }
    }

    /// A required, non-blank string field.
    fn text(
        &mut self,
        field: &S<String>,
        name: &str,
        owner: &Loc,
        id: Option<&str>,
    ) -> Option<String> {
        match field {
            None => {
                self.report(owner, id, format!("missing `{name}`"));
                None
            }
            Some(s) if s.get_ref().trim().is_empty() => {
                let loc = self.at(s, owner.file);
                self.report(&loc, id, format!("`{name}` is empty"));
                None
            }
            // Every text of a bank is one line: the front ends wrap it, and a line break could
            // break a heading or forge a line of a report. Control and bidi characters are
            // shown escaped wherever the text appears.
            Some(s)
                if s.get_ref()
                    .trim()
                    .chars()
                    .any(crate::sanitize::is_line_break) =>
            {
                let loc = self.at(s, owner.file);
                self.report(
                    &loc,
                    id,
                    format!("`{name}` is one line: remove its line breaks and tabs"),
                );
                None
            }
            Some(s) => Some(s.get_ref().trim().to_owned()),
        }
    }

    /// A field that makes no sense for this kind of question is a mistake worth naming.
    fn not_for<T>(&mut self, field: &S<T>, name: &str, kind: &str, file: usize, id: Option<&str>) {
        if let Some(s) = field {
            let loc = self.at(s, file);
            self.report(
                &loc,
                id,
                format!("`{name}` does not apply to a {kind} question"),
            );
        }
    }
}

pub fn build(
    sources: &Sources,
    files: Vec<RawFile>,
    mut problems: Vec<Problem>,
) -> Result<Bank, Vec<Problem>> {
    let mut c = Checker {
        sources,
        problems: Vec::new(),
    };
    let (name, version, dimensions) = header(&mut c, &files);
    let known: HashMap<&str, usize> = dimensions
        .iter()
        .enumerate()
        .map(|(i, (d, _))| (d.id.as_str(), i))
        .collect();
    let mut questions = Vec::new();
    let mut seen: HashMap<String, Loc> = HashMap::new();
    let mut cells = vec![[false; 2]; dimensions.len()];
    for (raw, loc) in files.iter().flat_map(|f| f.questions.iter()) {
        // A cell counts as covered even by a question with other problems, so the report
        // does not claim a dimension is empty when one of its questions merely has a typo.
        let dim = raw
            .dimension
            .as_ref()
            .and_then(|d| known.get(d.get_ref().as_str()));
        let lens = raw.lens.as_ref().and_then(|l| Lens::parse(l.get_ref()));
        if let (Some(&d), Some(lens)) = (dim, lens) {
            cells[d][lens as usize] = true;
        }
        if let Some(q) = question(&mut c, raw, loc, &known, &mut seen) {
            questions.push(q);
        }
    }
    let raw_count = files.iter().map(|f| f.questions.len()).sum::<usize>();
    if let Some((_, loc)) = files
        .iter()
        .flat_map(|f| f.questions.iter())
        .nth(MAX_QUESTIONS)
    {
        c.report(loc, None, format!("the bank has {raw_count} questions; rolefit takes at most {MAX_QUESTIONS}, so that every result saved from it stays under the 4 MiB rolefit reads back (this is question {})", MAX_QUESTIONS + 1));
    }
    for ((dim, loc), cell) in dimensions.iter().zip(&cells) {
        for lens in Lens::ALL {
            if !cell[lens as usize] {
                c.report(loc, Some(&dim.id), format!("dimension `{}` has no {} question; every dimension needs at least one per lens", dim.id, lens.as_str()));
            }
        }
    }
    problems.append(&mut c.problems);
    problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    match (name, version) {
        (Some(name), Some(version)) if problems.is_empty() => Ok(Bank::new(
            name,
            version,
            dimensions.into_iter().map(|(d, _)| d).collect(),
            questions,
        )),
        _ => Err(problems),
    }
}

type Header = (Option<String>, Option<String>, Vec<(Dimension, Loc)>);

fn header(c: &mut Checker<'_>, files: &[RawFile]) -> Header {
    let declaring: Vec<&RawFile> = files
        .iter()
        .filter(|f| f.name.is_some() || f.version.is_some() || f.dimensions.is_some())
        .collect();
    let Some(&main) = declaring.first() else {
        if files.iter().any(|f| f.unreadable) {
            return (None, None, Vec::new());
        }
        if let Some(loc) = files.first().and_then(|f| f.start.clone()) {
            c.report(
                &loc,
                None,
                "no file declares the bank's `name`, `version` and `[[dimensions]]`",
            );
        }
        return (None, None, Vec::new());
    };
    for other in &declaring[1..] {
        if let Some(loc) = &other.start {
            c.report(loc, None, "only one file of a bank may declare `name`, `version` and `[[dimensions]]`; the others add questions");
        }
    }
    let start = main.start.clone().unwrap_or(Loc {
        file: 0,
        span: 0..0,
    });
    let mut field = |v: &Option<(String, Loc)>, what: &str| match v {
        Some((s, loc)) if s.trim().is_empty() => {
            c.report(loc, None, format!("`{what}` is empty"));
            None
        }
        Some((s, loc)) if s.trim().chars().any(crate::sanitize::is_line_break) => {
            c.report(
                loc,
                None,
                format!("`{what}` is one line: remove its line breaks and tabs"),
            );
            None
        }
        Some((s, _)) => Some(s.trim().to_owned()),
        None => {
            if !main.misread.contains(&what) {
                c.report(&start, None, format!("missing top-level `{what}`"));
            }
            None
        }
    };
    let name = field(&main.name, "name");
    let version = field(&main.version, "version");
    let mut dims: Vec<(Dimension, Loc)> = Vec::new();
    match &main.dimensions {
        None => c.report(
            &start,
            None,
            "missing `[[dimensions]]`: a bank declares at least one dimension",
        ),
        Some(raw) if raw.is_empty() => c.report(
            &start,
            None,
            "`dimensions` is empty: a bank declares at least one dimension",
        ),
        Some(raw) => {
            for (d, loc) in raw {
                if let Some(d) = dimension(c, d, loc, &dims) {
                    dims.push((d, loc.clone()));
                }
            }
        }
    }
    (name, version, dims)
}

fn dimension(
    c: &mut Checker<'_>,
    d: &RawDimension,
    loc: &Loc,
    seen: &[(Dimension, Loc)],
) -> Option<Dimension> {
    let id = d.id.as_ref().map(|s| s.get_ref().as_str());
    let id_ok = check_id(c, &d.id, loc, "dimension");
    if let (Some(idv), true) = (id, id_ok)
        && let Some((_, first)) = seen.iter().find(|(x, _)| x.id == idv)
    {
        let (line, _) = c.sources.line_col(first.file, first.span.start);
        let at = c.at(d.id.as_ref()?, loc.file);
        c.report(
            &at,
            id,
            format!("duplicate dimension id (first declared on line {line})"),
        );
        return None;
    }
    let title = c.text(&d.title, "title", loc, id);
    let engineer = c.text(&d.engineer, "engineer", loc, id);
    let developer = c.text(&d.developer, "developer", loc, id);
    Some(Dimension {
        id: id.filter(|_| id_ok)?.to_owned(),
        title: title?,
        engineer: engineer?,
        developer: developer?,
    })
}

/// Ids are kebab-case so they read well in answers files and on the command line.
fn check_id(c: &mut Checker<'_>, id: &S<String>, owner: &Loc, what: &str) -> bool {
    let Some(s) = id else {
        c.report(owner, None, format!("missing `id` of this {what}"));
        return false;
    };
    let v = s.get_ref();
    let kebab = !v.is_empty()
        && v.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit())
        });
    if !kebab {
        let loc = c.at(s, owner.file);
        c.report(&loc, Some(v), format!("{what} id `{v}` is not kebab-case (lowercase letters, digits and single dashes, like `design-reviews`)"));
        return false;
    }
    if v.len() > MAX_ID_CHARS {
        let loc = c.at(s, owner.file);
        c.report(
            &loc,
            Some(v),
            format!(
                "{what} id is {} characters; an id is at most {MAX_ID_CHARS}",
                v.len()
            ),
        );
        return false;
    }
    true
}
