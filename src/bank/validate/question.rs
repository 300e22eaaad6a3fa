//! The checks of one question and its options.

use std::collections::HashMap;

use toml::Spanned;

use super::super::RESERVED_OPTION_KEYS;
use super::super::model::{ChoiceOption, Kind, Lens, Pole, Question, Scale};
use super::super::raw::{Loc, Num, RawOption, RawQuestion};
use super::{Checker, OPTIONS_RANGE, WEIGHT_RANGE, check_id};

pub(super) fn question(
    c: &mut Checker<'_>,
    q: &RawQuestion,
    loc: &Loc,
    dims: &HashMap<&str, usize>,
    seen: &mut HashMap<String, Loc>,
) -> Option<Question> {
    let file = loc.file;
    let id_ok = check_id(c, &q.id, loc, "question");
    let id_str = q.id.as_ref().map(|s| s.get_ref().clone());
    let id = id_str.as_deref();
    if let (Some(s), true) = (&q.id, id_ok) {
        let here = c.at(s, file);
        if let Some(first) = seen.get(s.get_ref()) {
            let (line, _) = c.sources.line_col(first.file, first.span.start);
            let first_file = first.file;
            let msg = if first_file == file {
                format!("duplicate question id (first used on line {line})")
            } else {
                let other = c.sources.path(first_file).display();
                format!("duplicate question id (first used in {other}, line {line})")
            };
            c.report(&here, id, msg);
        } else {
            seen.insert(s.get_ref().clone(), here);
        }
    }
    let dimension = match &q.dimension {
        None => {
            c.report(loc, id, "missing `dimension`");
            None
        }
        Some(s) if !dims.contains_key(s.get_ref().as_str()) => {
            let mut known: Vec<_> = dims.keys().copied().collect();
            known.sort_unstable();
            let at = c.at(s, file);
            c.report(
                &at,
                id,
                format!(
                    "unknown dimension `{}` (declared: {})",
                    s.get_ref(),
                    known.join(", ")
                ),
            );
            None
        }
        Some(s) => Some(s.get_ref().clone()),
    };
    let lens = match &q.lens {
        None => {
            c.report(loc, id, "missing `lens` (preference or practice)");
            None
        }
        Some(s) => {
            let lens = Lens::parse(s.get_ref());
            if lens.is_none() {
                let at = c.at(s, file);
                c.report(
                    &at,
                    id,
                    format!(
                        "unknown lens `{}` (use preference or practice)",
                        s.get_ref()
                    ),
                );
            }
            lens
        }
    };
    let text = c.text(&q.text, "text", loc, id);
    let weight = match &q.weight {
        None => Some(1.0),
        Some(w) => {
            let v = w.get_ref().get();
            if WEIGHT_RANGE.contains(&v) {
                Some(v)
            } else {
                let at = c.at(w, file);
                c.report(&at, id, format!("weight {v} is out of range (0.1 to 3.0)"));
                None
            }
        }
    };
    let kind = kind(c, q, loc, id);
    Some(Question {
        id: id_str.filter(|_| id_ok)?,
        dimension: dimension?,
        lens: lens?,
        text: text?,
        weight: weight?,
        quick: q.quick.as_ref().is_some_and(|s| *s.get_ref()),
        kind: kind?,
    })
}

fn kind(c: &mut Checker<'_>, q: &RawQuestion, loc: &Loc, id: Option<&str>) -> Option<Kind> {
    let file = loc.file;
    let Some(kind) = &q.kind else {
        c.report(loc, id, "missing `kind` (likert, pair or choice)");
        return None;
    };
    match kind.get_ref().as_str() {
        "likert" => {
            c.not_for(&q.engineer, "engineer", "likert", file, id);
            c.not_for(&q.developer, "developer", "likert", file, id);
            c.not_for(&q.options, "options", "likert", file, id);
            c.not_for(&q.first, "first", "likert", file, id);
            c.not_for(&q.ordered, "ordered", "likert", file, id);
            let scale = scale(c, &q.scale, file, id);
            let keyed = match &q.keyed {
                None => {
                    c.report(
                        loc,
                        id,
                        "a likert question needs `keyed` (engineer or developer)",
                    );
                    None
                }
                Some(k) => pole(c, k, "keyed", file, id),
            };
            Some(Kind::Likert {
                keyed: keyed?,
                scale: scale?,
            })
        }
        "pair" => {
            c.not_for(&q.keyed, "keyed", "pair", file, id);
            c.not_for(&q.options, "options", "pair", file, id);
            c.not_for(&q.scale, "scale", "pair", file, id);
            c.not_for(&q.ordered, "ordered", "pair", file, id);
            let engineer = c.text(&q.engineer, "engineer", loc, id);
            let developer = c.text(&q.developer, "developer", loc, id);
            let first = match &q.first {
                None => Some(Pole::Developer),
                Some(f) => pole(c, f, "first", file, id),
            };
            Some(Kind::Pair {
                engineer: engineer?,
                developer: developer?,
                first: first?,
            })
        }
        "choice" => {
            c.not_for(&q.keyed, "keyed", "choice", file, id);
            c.not_for(&q.engineer, "engineer", "choice", file, id);
            c.not_for(&q.developer, "developer", "choice", file, id);
            c.not_for(&q.scale, "scale", "choice", file, id);
            c.not_for(&q.first, "first", "choice", file, id);
            let Some(options) = &q.options else {
                c.report(
                    loc,
                    id,
                    "a choice question needs 3 to 5 `[[questions.options]]`",
                );
                return None;
            };
            let n = options.get_ref().len();
            let mut ok = true;
            if !OPTIONS_RANGE.contains(&n) {
                let at = c.at(options, file);
                c.report(
                    &at,
                    id,
                    format!("a choice question has 3 to 5 options, this one has {n}"),
                );
                ok = false;
            }
            let mut built: Vec<ChoiceOption> = Vec::new();
            for opt in options.get_ref() {
                match option(c, opt, file, id, &built) {
                    Some(o) => built.push(o),
                    None => ok = false,
                }
            }
            ok.then_some(Kind::Choice {
                options: built,
                ordered: q.ordered.as_ref().is_some_and(|o| *o.get_ref()),
            })
        }
        other => {
            let at = c.at(kind, file);
            c.report(
                &at,
                id,
                format!("unknown kind `{other}` (use likert, pair or choice)"),
            );
            None
        }
    }
}

/// `engineer` or `developer`, as the value of `field`.
fn pole(
    c: &mut Checker<'_>,
    value: &Spanned<String>,
    field: &str,
    file: usize,
    id: Option<&str>,
) -> Option<Pole> {
    match value.get_ref().as_str() {
        "engineer" => Some(Pole::Engineer),
        "developer" => Some(Pole::Developer),
        other => {
            let at = c.at(value, file);
            c.report(
                &at,
                id,
                format!("unknown `{field}` value `{other}` (use engineer or developer)"),
            );
            None
        }
    }
}

/// The answer scale of a likert question: `agree` unless the bank says otherwise.
fn scale(
    c: &mut Checker<'_>,
    value: &Option<Spanned<String>>,
    file: usize,
    id: Option<&str>,
) -> Option<Scale> {
    let Some(v) = value else {
        return Some(Scale::Agree);
    };
    let found = Scale::parse(v.get_ref());
    if found.is_none() {
        let at = c.at(v, file);
        let known: Vec<&str> = Scale::ALL.iter().map(|s| s.as_str()).collect();
        c.report(
            &at,
            id,
            format!(
                "unknown `scale` value `{}` (use {})",
                v.get_ref(),
                known.join(", ")
            ),
        );
    }
    found
}

fn option(
    c: &mut Checker<'_>,
    opt: &Spanned<RawOption>,
    file: usize,
    id: Option<&str>,
    earlier: &[ChoiceOption],
) -> Option<ChoiceOption> {
    let loc = c.at(opt, file);
    let o = opt.get_ref();
    let key = match &o.key {
        None => {
            c.report(&loc, id, "option is missing `key`");
            None
        }
        Some(k) => {
            let at = c.at(k, file);
            let mut chars = k.get_ref().chars();
            match (chars.next(), chars.next()) {
                (Some(ch), None)
                    if ch.is_ascii_lowercase() && !RESERVED_OPTION_KEYS.contains(ch) =>
                {
                    if earlier.iter().any(|e| e.key == ch) {
                        c.report(
                            &at,
                            id,
                            format!("option key `{ch}` is used twice in this question"),
                        );
                        None
                    } else {
                        Some(ch)
                    }
                }
                _ => {
                    c.report(&at, id, format!("option key `{}` must be one lowercase letter other than {} (those keys navigate)", k.get_ref(), RESERVED_OPTION_KEYS.chars().map(String::from).collect::<Vec<_>>().join(" ")));
                    None
                }
            }
        }
    };
    let text = c.text(&o.text, "text", &loc, id);
    let lean = match &o.lean {
        None => {
            c.report(
                &loc,
                id,
                "option is missing `lean` (-1 developer .. +1 engineer)",
            );
            None
        }
        Some(l) => {
            let v = Num::get(*l.get_ref());
            if (-1.0..=1.0).contains(&v) {
                Some(v)
            } else {
                let at = c.at(l, file);
                c.report(
                    &at,
                    id,
                    format!("lean {v} is out of range (-1 developer .. +1 engineer)"),
                );
                None
            }
        }
    };
    Some(ChoiceOption {
        key: key?,
        text: text?,
        lean: lean?,
    })
}
