//! History's sparkline on screen: every result in it, bucketed to fit, and said so (the rule
//! `rolefit history` follows too: `history::spark`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::default_bank;
use common::results::{leaning, saved};
use common::tui::{app, render};
use rolefit::bank::{Form, Pole};
use rolefit::store::Store;
use rolefit::tui::Start;

fn screen(w: u16, h: u16, app: &rolefit::tui::App) -> Vec<String> {
    let t = render(app, w, h);
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect()
}

#[test]
fn a_long_history_is_bucketed_to_the_width_and_says_what_a_mark_is() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let bank = default_bank();
    let answers = leaning(&bank, Form::Full, Pole::Engineer, 3);
    for i in 0..150 {
        let when = format!("2026-{:02}-{:02}T10:00:00Z", 1 + i / 28, 1 + i % 28);
        saved(&store, &bank, answers.clone(), "", &when);
    }
    let app = app(dir.path(), Start::History);
    // 60 columns: 46 for marks, so 150 results are 3 or 4 a mark.
    let lines = screen(60, 16, &app);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("each mark is the mean of 3 or 4 results")),
        "{lines:#?}"
    );
    // At 200 columns the screen's content is 108 wide: 94 marks, 1 or 2 results each, all
    // 150 results in them (the mean of a bar's run of results is the same score here).
    let lines = screen(200, 60, &app);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("each mark is the mean of 1 or 2 results")),
        "{lines:#?}"
    );
    let marks = |l: &String| l.chars().filter(|c| ('▁'..='█').contains(c)).count();
    assert_eq!(lines.iter().map(marks).max().unwrap(), 94, "{lines:#?}");
}
