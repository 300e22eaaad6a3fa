//! A result rolefit cannot read is never hidden: `latest` (show, export, compare, home, the
//! dashboard) says which newer file it passed over and why; History shows an unreadable row's
//! reason in full. And an answer that fits no option of its question makes its result
//! unreadable, named by its question and line, instead of being dropped from the score.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::default_bank;
use common::results::{leaning, saved};
use common::tui::{app, render};
use rolefit::bank::{Form, Kind, Pole};
use rolefit::store::Store;
use rolefit::tui::{App, Start};

/// A result taken on 7 Dec 2026 and one on 1 Mar 2027; their paths, oldest first.
fn two(dir: &Path) -> [PathBuf; 2] {
    let s = Store::open(dir).unwrap();
    let bank = default_bank();
    ["2026-12-07T10:00:00Z", "2027-03-01T10:00:00Z"].map(|when| {
        let r = saved(
            &s,
            &bank,
            leaning(&bank, Form::Full, Pole::Engineer, 3),
            "",
            when,
        );
        s.result_path(&r.id)
    })
}

/// The newest result made unreadable the way the trial broke it: a date that is not one.
#[cfg(unix)]
fn break_date(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let (broken, _) = set_line(&text, "taken_at", "\"1 March, maybe\"");
    std::fs::write(path, broken).unwrap();
}

/// Replaces the first line starting with `key = ` by `key = value`; returns its 1-based number.
fn set_line(text: &str, key: &str, value: &str) -> (String, usize) {
    let at = text
        .lines()
        .position(|l| l.starts_with(&format!("{key} = ")))
        .unwrap();
    let lines: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == at {
                format!("{key} = {value}")
            } else {
                l.to_owned()
            }
        })
        .collect();
    (lines.join("\n") + "\n", at + 1)
}

/// The id of a choice question of the full form with no option `z`.
fn choice_question() -> String {
    let bank = default_bank();
    bank.form(Form::Full)
        .find(|q| match &q.kind {
            Kind::Choice { options, .. } => options.iter().all(|o| o.key != 'z'),
            _ => false,
        })
        .unwrap()
        .id
        .clone()
}

#[cfg(unix)]
mod cli {
    use super::*;

    fn run(data: &Path, args: &[&str]) -> std::process::Output {
        common::cli(data)
            .env("ROLEFIT_NOW", "2027-03-02T10:00:00Z")
            .args(args)
            .output()
            .unwrap()
    }

    fn text(bytes: &[u8]) -> String {
        String::from_utf8_lossy(bytes).into_owned()
    }

    #[test]
    fn show_and_export_say_the_newest_result_was_passed_over() {
        let d = tempfile::tempdir().unwrap();
        let [_, newest] = two(d.path());
        break_date(&newest);
        for args in [
            &["show", "--format", "text"][..],
            &["export", "--format", "json"][..],
        ] {
            let out = run(d.path(), args);
            // The older result is shown, and that stays a success.
            common::assert_exit(&out, 0);
            let err = text(&out.stderr);
            assert!(
                err.contains("20270301T100000Z-test.toml") && err.contains("cannot be read"),
                "{args:?}: the newest file is not named: {err}"
            );
            assert!(err.contains("taken 7 Dec 2026"), "{args:?}: {err}");
            assert!(err.contains("line 3:"), "{args:?}: no line: {err}");
            assert!(
                err.contains("correct it by hand"),
                "{args:?}: no what to do: {err}"
            );
        }
    }

    #[test]
    fn compare_counts_the_unreadable_and_does_not_say_retake() {
        let d = tempfile::tempdir().unwrap();
        let [_, newest] = two(d.path());
        break_date(&newest);
        let out = run(d.path(), &["compare", "--format", "text"]);
        common::assert_exit(&out, 2);
        let err = text(&out.stderr);
        assert!(
            err.contains("1 result file there cannot be read; fix or move it"),
            "{err}"
        );
        assert!(err.contains("20270301T100000Z-test.toml"), "{err}");
        assert!(!err.contains("take the assessment again"), "{err}");
    }

    #[test]
    fn an_answer_that_fits_no_option_refuses_the_result() {
        let q = choice_question();
        for bad in ["\"z\"", "[\"z\", \"a\"]"] {
            let d = tempfile::tempdir().unwrap();
            let [older, newest] = two(d.path());
            let text_before = std::fs::read_to_string(&older).unwrap();
            let (broken, line) = set_line(&text_before, &q, bad);
            std::fs::write(&older, broken).unwrap();
            let id = older.file_stem().unwrap().to_str().unwrap();
            let out = run(d.path(), &["show", id, "--format", "text"]);
            common::assert_exit(&out, 2);
            let err = text(&out.stderr);
            assert!(err.contains(&format!("line {line}:")), "{bad}: {err}");
            assert!(err.contains(&format!("`answers.{q}`")), "{bad}: {err}");
            assert!(
                err.contains("\"z\" is not an option of this choice question"),
                "{bad}: {err}"
            );
            assert!(err.contains("correct it by hand"), "{bad}: {err}");
            // History lists it as unreadable, and compare refuses it rather than comparing
            // without that question.
            let out = run(d.path(), &["history"]);
            common::assert_exit(&out, 0);
            assert!(
                text(&out.stdout).contains(&format!("unreadable: {id}.toml")),
                "{}",
                text(&out.stdout)
            );
            let newest = newest.file_stem().unwrap().to_str().unwrap();
            let out = run(d.path(), &["compare", id, newest, "--format", "text"]);
            common::assert_exit(&out, 2);
        }
    }

    /// What rolefit did before for an answer to a question its bank does not have, kept: it
    /// counts nowhere, and the result opens (a question dropped from a bank leaves old results
    /// readable).
    #[test]
    fn an_answer_to_an_unknown_question_still_counts_nowhere() {
        let d = tempfile::tempdir().unwrap();
        let [older, _] = two(d.path());
        let text_before = std::fs::read_to_string(&older).unwrap();
        let with = text_before.replace("[answers]\n", "[answers]\nno-such-question = \"z\"\n");
        assert_ne!(with, text_before);
        std::fs::write(&older, with).unwrap();
        let id = older.file_stem().unwrap().to_str().unwrap();
        let out = run(d.path(), &["show", id, "--format", "text"]);
        common::assert_exit(&out, 0);
        assert!(
            text(&out.stdout).contains("51 of 51"),
            "{}",
            text(&out.stdout)
        );
    }

    /// Another bank's result is not checked against this one's questions: it keeps its scores.
    #[test]
    fn another_banks_result_is_not_checked_against_this_bank() {
        let d = tempfile::tempdir().unwrap();
        let [older, _] = two(d.path());
        let text_before = std::fs::read_to_string(&older).unwrap();
        let (t, _) = set_line(&text_before, "name", "\"colleague bank\"");
        let (t, _) = set_line(&t, &choice_question(), "\"z\"");
        std::fs::write(&older, t).unwrap();
        let id = older.file_stem().unwrap().to_str().unwrap();
        let out = run(d.path(), &["show", id, "--format", "text"]);
        common::assert_exit(&out, 0);
    }
}

/// The notice's data folder, in a rendering, as one fixed string (its length is fixed too, so
/// the text wraps the same way on every run).
#[cfg(unix)]
fn fixed_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("rolefit-snap-")
        .rand_bytes(6)
        .tempdir_in("/tmp")
        .unwrap()
}

fn snap(name: &str, app: &App, dir: &Path, sizes: &[(u16, u16)]) {
    for &(w, h) in sizes {
        let shown = render(app, w, h)
            .backend()
            .to_string()
            .replace(dir.to_str().unwrap(), "/tmp/rolefit-snap-XXXXXX");
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), shown);
    }
}

#[cfg(unix)]
#[test]
fn home_names_the_result_it_opens_and_the_one_it_cannot_read() {
    let d = fixed_dir();
    let [_, newest] = two(d.path());
    break_date(&newest);
    let mut a = app(d.path(), Start::Home);
    let shown = render(&a, 100, 30).backend().to_string();
    assert!(shown.contains("taken 7 Dec 2026 (UTC)"), "{shown}");
    assert!(!shown.contains("1 Mar 2027"), "{shown}");
    snap("home_latest_skipped", &a, d.path(), &[(80, 24), (100, 30)]);
    // The item opens the result it named, and its dashboard says what was passed over.
    let latest = rolefit::tui::screens::home::items(&a)
        .iter()
        .position(|i| *i == rolefit::tui::screens::home::Item::Latest)
        .unwrap();
    a.update(rolefit::tui::action::Action::Pick(
        u8::try_from(latest + 1).unwrap(),
    ));
    let notice = a.notice.as_ref().unwrap();
    assert!(notice.warning && notice.text.contains("20270301T100000Z-test.toml"));
}

#[test]
fn history_shows_an_unreadable_rows_reason_in_full() {
    let d = tempfile::tempdir().unwrap();
    let [older, _] = two(d.path());
    let q = choice_question();
    let (broken, _) = set_line(&std::fs::read_to_string(&older).unwrap(), &q, "\"z\"");
    std::fs::write(&older, broken).unwrap();
    let mut a = app(d.path(), Start::History);
    a.update(rolefit::tui::action::Action::Down);
    let sizes = [(60, 16), (80, 24), (100, 30), (200, 60)];
    for &(w, h) in &sizes {
        let shown = render(&a, w, h).backend().to_string();
        assert!(!shown.contains('…'), "{w}x{h} cuts: {shown}");
        assert!(shown.contains("move the file out of"), "{w}x{h}: {shown}");
    }
    snap("history_unreadable_row", &a, d.path(), &sizes);
}

/// The one rule for a named result keeps what it passed over, and counts it when it fails.
#[test]
fn pick_keeps_the_files_it_passed_over() {
    use rolefit::store::StoreError;
    let d = tempfile::tempdir().unwrap();
    let [older, newest] = two(d.path());
    std::fs::write(&newest, "schema = 1\n").unwrap();
    let s = Store::open(d.path()).unwrap();
    let older_id = older.file_stem().unwrap().to_str().unwrap();
    let p = s.pick("latest").unwrap();
    assert_eq!(p.result.id, older_id);
    assert_eq!(p.skipped.len(), 1);
    let note = p.skipped_note().unwrap();
    assert!(
        note.contains("taken 7 Dec 2026 (UTC)") && note.contains("20270301T100000Z-test.toml"),
        "{note}"
    );
    // By id, nothing is passed over, so nothing is said.
    assert!(s.pick(older_id).unwrap().skipped_note().is_none());
    let e = s.pick("previous").unwrap_err();
    assert!(
        matches!(&e, StoreError::TooFewResults { skipped, .. } if skipped.len() == 1),
        "{e}"
    );
    assert!(!e.to_string().contains("take the assessment again"), "{e}");
    std::fs::write(&older, "schema = 1\n").unwrap();
    let e = s.pick("latest").unwrap_err();
    assert!(matches!(&e, StoreError::NoneReadable { .. }), "{e}");
    assert!(
        e.to_string()
            .contains("2 result files there cannot be read"),
        "{e}"
    );
}
