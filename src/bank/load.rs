use std::path::{Path, PathBuf};

use super::error::BankError;
use super::model::Bank;
use super::raw::{Sources, parse_file};
use super::validate::build;

/// The default bank, compiled in so `rolefit` runs from any directory.
pub const DEFAULT_BANK_TOML: &str = include_str!("../../questions/default.toml");
const DEFAULT_BANK_NAME: &str = "<built-in>/questions/default.toml";

/// Loads the compiled-in default bank.
pub fn load_default() -> Result<Bank, BankError> {
    load_str(DEFAULT_BANK_TOML, Path::new(DEFAULT_BANK_NAME))
}

/// Loads a bank from one TOML text; `file` names it in problems.
pub fn load_str(text: &str, file: &Path) -> Result<Bank, BankError> {
    load_texts(vec![(file.to_path_buf(), text.to_owned())])
}

/// Loads a bank from a `.toml` file or a folder of them (read in file-name order).
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
            .collect();
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
    let texts = files
        .into_iter()
        .map(|f| match std::fs::read_to_string(&f) {
            Ok(text) => Ok((f, text)),
            Err(source) => Err(BankError::Io { path: f, source }),
        })
        .collect::<Result<Vec<_>, _>>()?;
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
