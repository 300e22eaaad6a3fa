//! Reading cards from the paths a person names: files, or folders of `*.json` cards. Every file
//! goes through the store's one bounded reader, links refused; a card that cannot be used is
//! named with its reason and the rest are still read.

use std::path::{Path, PathBuf};

use super::card::Card;
use crate::store::read::{MAX_FILE_BYTES, read_text_no_link};

/// The most cards one team view reads: five times the largest team it is drawn for, and what
/// the benchmark proves it reads in well under a second.
pub const MAX_CARDS: usize = 1000;

/// A file that was not used, and why (the reason never repeats the path, so `--anonymous`
/// output can leave paths out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub path: PathBuf,
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    pub cards: Vec<Card>,
    pub refused: Vec<Refused>,
    /// Card files past `MAX_CARDS`, not read at all.
    pub not_read: usize,
}

/// The files `paths` name: each file as given, each folder's `*.json` files in name order.
/// A folder inside a folder is not entered.
pub fn card_files(paths: &[PathBuf], refused: &mut Vec<Refused>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for p in paths {
        match std::fs::symlink_metadata(p) {
            Ok(m) if m.is_dir() => match std::fs::read_dir(p) {
                Ok(entries) => {
                    let mut inside: Vec<PathBuf> = entries
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|f| f.extension().is_some_and(|x| x == "json"))
                        .collect();
                    inside.sort();
                    files.extend(inside);
                }
                Err(e) => refused.push(Refused {
                    path: p.clone(),
                    reason: format!("the folder cannot be read: {e}"),
                }),
            },
            Ok(_) => files.push(p.clone()),
            Err(e) => refused.push(Refused {
                path: p.clone(),
                reason: format!("it cannot be read: {e}"),
            }),
        }
    }
    files
}

/// Reads and checks the cards at `paths`; `now` dates them.
pub fn load(paths: &[PathBuf], now: jiff::Timestamp) -> Loaded {
    let mut loaded = Loaded::default();
    let files = card_files(paths, &mut loaded.refused);
    loaded.not_read = files.len().saturating_sub(MAX_CARDS);
    for f in files.into_iter().take(MAX_CARDS) {
        match read_card(&f, now) {
            Ok(card) => loaded.cards.push(card),
            Err(reason) => loaded.refused.push(Refused { path: f, reason }),
        }
    }
    loaded
}

fn read_card(path: &Path, now: jiff::Timestamp) -> Result<Card, String> {
    let text = read_text_no_link(path, MAX_FILE_BYTES).map_err(|e| e.to_string())?;
    Card::parse(&text, now).map_err(|e| e.to_string())
}
