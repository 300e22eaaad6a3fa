//! The house's layering, read from the sources: the core knows nothing of terminals, the
//! modules under `report` do not word their own results, and plain mode does not borrow from
//! the TUI.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

fn sources(under: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(under).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every source file under `src/` whose path (relative, with `/`) satisfies `pick`, and the
/// ones among them that mention any of `words`.
fn mentioning(pick: impl Fn(&str) -> bool, words: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    sources(&root.join("src"), &mut all);
    let mut found = Vec::new();
    for path in all {
        let name = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if !pick(&name) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for w in words.iter().filter(|w| text.contains(**w)) {
            found.push(format!("{name}: {w}"));
        }
    }
    found
}

fn front_end(name: &str) -> bool {
    ["src/tui/", "src/plain", "src/bin/", "src/lib.rs"]
        .iter()
        .any(|p| name.starts_with(p))
}

#[test]
fn the_core_knows_nothing_of_terminals() {
    let found = mentioning(|n| !front_end(n), &["ratatui", "crossterm", "crate::tui"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn plain_mode_borrows_nothing_from_the_tui() {
    let found = mentioning(|n| n.starts_with("src/plain"), &["crate::tui", "ratatui"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn what_report_words_is_computed_without_it() {
    let computed = [
        "src/adaptive/",
        "src/bank/",
        "src/engine/",
        "src/scoring",
        "src/store/",
    ];
    let found = mentioning(
        |n| computed.iter().any(|p| n.starts_with(p)),
        &["crate::report", "super::report"],
    );
    assert!(found.is_empty(), "{found:#?}");
}
