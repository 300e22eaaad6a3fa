use std::path::{Path, PathBuf};

use super::error::BankError;
use super::model::{Bank, ChoiceOption, Dimension, Kind, Lens, Pole, Question, Scale};
use super::raw::{Sources, parse_file};
use super::validate::build;

/// The default bank, compiled in so `rolefit` runs from any directory.
pub const DEFAULT_BANK_TOML: &str = include_str!("../../questions/default.toml");

/// Earlier versions of the built-in bank, by version. A result keeps only its answers' ids, and
/// a rewritten question gets a new id, so a result taken on an earlier version is scored with the
/// questions it was actually asked, not with whatever of them the current version still has.
const ARCHIVED: [(&str, &str); 5] = [
    (
        "1.0",
        include_str!("../../questions/archive/default-1.0.toml"),
    ),
    (
        "2.0",
        include_str!("../../questions/archive/default-2.0.toml"),
    ),
    (
        "2.1",
        include_str!("../../questions/archive/default-2.1.toml"),
    ),
    (
        "2.2",
        include_str!("../../questions/archive/default-2.2.toml"),
    ),
    (
        "2.3",
        include_str!("../../questions/archive/default-2.3.toml"),
    ),
];

/// The built-in bank as it was at `version`, if `name` is the built-in bank's and that version
/// is archived; parsed once, on first use (only results from old versions need it).
pub fn archived(current: &Bank, name: &str, version: &str) -> Option<&'static Bank> {
    static BANKS: std::sync::OnceLock<Vec<(&'static str, Bank)>> = std::sync::OnceLock::new();
    if name != current.name || version == current.version {
        return None;
    }
    let banks = BANKS.get_or_init(|| {
        ARCHIVED
            .iter()
            .filter_map(|(v, text)| {
                let file =
                    Path::new("<built-in>/questions/archive").join(format!("default-{v}.toml"));
                Some((*v, load_str(text, &file).ok()?))
            })
            .collect()
    });
    banks
        .iter()
        .find(|(v, b)| *v == version && b.name == name)
        .map(|(_, b)| b)
}

/// The compiled-in default bank. build.rs parsed and validated `questions/default.toml` with
/// these same modules (a broken bank fails the build) and wrote it out as `BUILTIN`, so start-up
/// only copies it into a `Bank`: no TOML is parsed. Always `Ok`; the signature is the loaders'.
pub fn load_default() -> Result<Bank, BankError> {
    Ok(copy_builtin())
}

fn copy_builtin() -> Bank {
    let b = &BUILTIN;
    let dimensions = b
        .dimensions
        .iter()
        .map(|[id, title, engineer, developer]| Dimension {
            id: (*id).into(),
            title: (*title).into(),
            engineer: (*engineer).into(),
            developer: (*developer).into(),
        });
    let questions = b.questions.iter().map(|q| Question {
        id: q.id.into(),
        dimension: q.dimension.into(),
        lens: q.lens,
        text: q.text.into(),
        weight: q.weight,
        quick: q.quick,
        kind: match q.kind {
            BuiltinKind::Likert(keyed, scale) => Kind::Likert { keyed, scale },
            BuiltinKind::Pair(engineer, developer, first) => Kind::Pair {
                engineer: engineer.into(),
                developer: developer.into(),
                first,
            },
            BuiltinKind::Choice(options, ordered) => Kind::Choice {
                options: options
                    .iter()
                    .map(|&(key, text, lean)| ChoiceOption {
                        key,
                        text: text.into(),
                        lean,
                    })
                    .collect(),
                ordered,
            },
        },
    });
    Bank::new(
        b.name.into(),
        b.version.into(),
        dimensions.collect(),
        questions.collect(),
    )
}

/// The compiled-in default bank, made once: what a result is read with when no other bank is
/// named (`Store::bank`).
pub fn builtin() -> &'static Bank {
    static BANK: std::sync::OnceLock<Bank> = std::sync::OnceLock::new();
    BANK.get_or_init(copy_builtin)
}

/// The shapes build.rs writes the built-in bank in: `Bank` with `&'static` data.
struct Builtin {
    name: &'static str,
    version: &'static str,
    /// id, title, engineer, developer.
    dimensions: &'static [[&'static str; 4]],
    questions: &'static [BuiltinQuestion],
}

struct BuiltinQuestion {
    id: &'static str,
    dimension: &'static str,
    lens: Lens,
    text: &'static str,
    weight: f64,
    quick: bool,
    kind: BuiltinKind,
}

enum BuiltinKind {
    Likert(Pole, Scale),
    /// engineer, developer, first.
    Pair(&'static str, &'static str, Pole),
    /// (key, text, lean) of each option, ordered.
    Choice(&'static [(char, &'static str, f64)], bool),
}

include!(concat!(env!("OUT_DIR"), "/default_bank.rs"));

/// Loads a bank from one TOML text; `file` names it in problems.
pub fn load_str(text: &str, file: &Path) -> Result<Bank, BankError> {
    load_texts(vec![(file.to_path_buf(), text.to_owned())])
}

/// The most a bank's files may hold together: far more than any real bank (the built-in one is
/// 19 KB; 10,000 questions are about 3 MB), little enough to read into memory.
pub const MAX_BANK_BYTES: u64 = 16 << 20;
/// The most `.toml` files a folder bank may have.
pub const MAX_BANK_FILES: usize = 1000;

/// Loads a bank from a `.toml` file or a folder of them (read in file-name order). Every file is
/// read bounded (at most `MAX_FILE_BYTES` each, `MAX_BANK_BYTES` together), and only regular
/// files are read, so a FIFO or a device named as a bank cannot hang or flood rolefit.
pub fn load_path(path: &Path) -> Result<Bank, BankError> {
    let io = |source| BankError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    let files: Vec<PathBuf> = if meta.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(io)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
            .take(MAX_BANK_FILES + 1)
            .collect();
        if files.len() > MAX_BANK_FILES {
            return Err(io(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "the folder has more than {MAX_BANK_FILES} .toml files, more than a bank may have"
                ),
            )));
        }
        files.sort();
        if files.is_empty() {
            return Err(BankError::EmptyFolder {
                path: path.to_path_buf(),
            });
        }
        files
    } else {
        vec![path.to_path_buf()]
    };
    let mut total = 0u64;
    let mut texts = Vec::with_capacity(files.len());
    for f in files {
        let text =
            crate::store::read::read_text(&f, crate::store::MAX_FILE_BYTES).map_err(|source| {
                BankError::Io {
                    path: f.clone(),
                    source,
                }
            })?;
        total += text.len() as u64;
        if total > MAX_BANK_BYTES {
            return Err(io(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "its files together are over the {} a bank may hold",
                    crate::store::read::size(MAX_BANK_BYTES)
                ),
            )));
        }
        texts.push((f, text));
    }
    load_texts(texts)
}

fn load_texts(texts: Vec<(PathBuf, String)>) -> Result<Bank, BankError> {
    let mut sources = Sources::default();
    let ids: Vec<usize> = texts.into_iter().map(|(p, t)| sources.add(p, t)).collect();
    let mut problems = Vec::new();
    let files = ids
        .into_iter()
        .map(|f| parse_file(&sources, f, &mut problems))
        .collect();
    build(&sources, files, problems).map_err(BankError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bank build.rs compiled in is exactly the one the TOML loader makes of the same file.
    #[test]
    fn compiled_default_bank_equals_the_parsed_toml() {
        let name = Path::new("<built-in>/questions/default.toml");
        let parsed = load_str(DEFAULT_BANK_TOML, name).ok();
        assert_eq!(load_default().ok(), parsed);
        assert!(parsed.is_some_and(|b| b.questions.len() > 40));
    }
}
