//! Round three's leftovers: a file that fails to parse or to validate is named with its line
//! and field in plain words (no serde, toml or jiff wording), stored numbers are quoted short,
//! a result's label is read by the rule it is saved by, a heading is put in capitals before it
//! is escaped, the copy of a set-aside assessment is dated by `ROLEFIT_NOW`, and History's
//! sparkline fits the output's width.
// Each test starts rolefit several times: core code, run where process creation is reliable
// (see hostile_round3.rs).
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

fn run(data: &Path, now: &str, args: &[&str], input: &str) -> std::process::Output {
    common::cli(data)
        .env("ROLEFIT_NOW", now)
        .args(args)
        .write_stdin(input.to_owned())
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A quick-form result taken in `d`; its path.
fn taken(d: &Path) -> PathBuf {
    let input = format!("\n{}", "3\n".repeat(20));
    let out = run(
        d,
        "2026-09-01T10:00:00Z",
        &["take", "--quick", "--plain"],
        &input,
    );
    common::assert_exit(&out, 0);
    std::fs::read_dir(d.join("results"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "toml"))
        .unwrap()
}

/// Words that only a library says.
const LEAKS: [&str; 11] = [
    "invalid type",
    "invalid value",
    "expected",
    "variant",
    "u32",
    "usize",
    "struct ",
    "failed to parse",
    "parameter",
    "TOML parse error",
    "{ ",
];

fn assert_plain(err: &str, line: usize, field: &str) {
    assert!(
        err.contains(&format!("line {line}:")),
        "no line {line}: {err}"
    );
    assert!(err.contains(&format!("`{field}`")), "no `{field}`: {err}");
    assert!(err.contains("correct it by hand"), "no what to do: {err}");
    for leak in LEAKS {
        assert!(!err.contains(leak), "library wording `{leak}`: {err}");
    }
}

/// Replaces the line starting with `key = ` (the first one) by `key = value`; returns its
/// 1-based number.
fn set_line(text: &str, key: &str, value: &str) -> (String, usize) {
    let mut at = 0;
    let lines: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if at == 0 && l.starts_with(&format!("{key} = ")) {
                at = i + 1;
                format!("{key} = {value}")
            } else {
                l.to_owned()
            }
        })
        .collect();
    assert_ne!(at, 0, "no {key} in {text}");
    (lines.join("\n") + "\n", at)
}

#[test]
fn a_broken_result_names_its_line_and_field_in_plain_words() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let file = taken(d);
    let good = std::fs::read_to_string(&file).unwrap();
    for (key, value, field) in [
        ("label", "5", "label"),
        ("form", "\"huge\"", "form"),
        ("taken_at", "\"2026-13-45T10:00:00Z\"", "taken_at"),
        ("taken_at", "\"yesterday\"", "taken_at"),
        ("model", "-1", "model"),
        ("answered", "-5", "scores.answered"),
        ("archetype", "\"wizard\"", "scores.archetype"),
    ] {
        let (bad, line) = set_line(&good, key, value);
        let path = d.join("results/broken.toml");
        std::fs::write(&path, bad).unwrap();
        let out = run(
            d,
            "2026-09-02T10:00:00Z",
            &["show", "broken", "--format", "text"],
            "",
        );
        common::assert_exit(&out, 2);
        let err = text(&out.stderr);
        assert!(err.contains("broken.toml"), "{err}");
        assert_plain(&err, line, field);
    }
}

#[test]
fn broken_goals_progress_and_context_files_and_dates_say_the_same_plainly() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    taken(d);
    let add = ["goals", "add", "--dimension", "scope", "--target", "40"];
    common::assert_exit(&run(d, "2026-09-01T11:00:00Z", &add, ""), 0);
    let goals = d.join("goals.toml");
    let good = std::fs::read_to_string(&goals).unwrap();
    let (bad, line) = set_line(&good, "created_at", "\"last week\"");
    std::fs::write(&goals, bad).unwrap();
    let out = run(d, "2026-09-02T10:00:00Z", &["goals", "list"], "");
    let said = text(&out.stdout) + &text(&out.stderr);
    assert!(
        said.contains(&format!("(line {line}): `created_at` is “last week”, not a date and time: write it like 2026-09-01T10:00:00Z")),
        "{said}"
    );
    std::fs::write(&goals, good).unwrap();

    std::fs::write(
        d.join("context.toml"),
        "schema = 1\n\n[context]\nrole = \"wizard\"\n",
    )
    .unwrap();
    let input = format!("\n{}", "3\n".repeat(20));
    let out = run(
        d,
        "2026-09-03T10:00:00Z",
        &["take", "--quick", "--plain"],
        &input,
    );
    let err = text(&out.stderr);
    assert_plain(&err, 4, "context.role");
    assert!(
        err.contains("“wizard”, which rolefit does not know: use one of student"),
        "{err}"
    );

    let out = run(d, "next tuesday", &["goals", "list"], "");
    common::assert_exit(&out, 2);
    let err = text(&out.stderr);
    assert!(
        err.contains("$ROLEFIT_NOW is wrong: “next tuesday” is not a date and time: write it like 2026-09-01T10:00:00Z"),
        "{err}"
    );
    let mut due = add.to_vec();
    due.extend(["--due", "2027-02-30"]);
    let out = run(d, "2026-09-03T10:00:00Z", &due, "");
    common::assert_exit(&out, 2);
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "“2027-02-30” is a day that is not on the calendar; write one like 2027-06-30"
        ),
        "{err}"
    );
    // clap says "invalid value '…' for '--due <DATE>'" before it: its own framing, then ours.
    assert!(
        !err.contains("parameter") && !err.contains("parse"),
        "{err}"
    );
}

#[test]
fn an_unreadable_in_progress_file_names_its_line() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    // Two answers, then input ends: the assessment is saved in progress.
    let out = run(
        d,
        "2026-09-01T10:00:00Z",
        &["take", "--quick", "--plain"],
        "\n3\n3\n",
    );
    common::assert_exit(&out, 0);
    let path = d.join("in-progress.toml");
    let good = std::fs::read_to_string(&path).unwrap();
    let (bad, line) = set_line(&good, "started_at", "\"noon\"");
    std::fs::write(&path, bad).unwrap();
    let out = run(
        d,
        "2026-09-01T11:00:00Z",
        &["take", "--quick", "--plain"],
        "\n",
    );
    let err = text(&out.stderr);
    assert_plain(&err, line, "started_at");
}

/// A result from another bank is shown as saved, so its numbers are checked: one out of range
/// is refused with the field, its line and the number written short.
#[test]
fn an_absurd_stored_number_is_refused_and_quoted_short() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let file = taken(d);
    let good = std::fs::read_to_string(&file).unwrap();
    let (foreign, _) = set_line(&good, "name", "\"colleague bank\"");
    for (key, value, field) in [
        ("consistency", "1e308", "scores.consistency"),
        ("margin", "1e300", "scores.margin"),
    ] {
        let (bad, line) = set_line(&foreign, key, value);
        std::fs::write(&file, bad).unwrap();
        let id = file.file_stem().unwrap().to_str().unwrap();
        let out = run(
            d,
            "2026-09-02T10:00:00Z",
            &["show", id, "--format", "text"],
            "",
        );
        common::assert_exit(&out, 2);
        let err = text(&out.stderr);
        assert_plain(&err, line, field);
        assert!(err.contains(&format!("is {value},")), "{err}");
        assert!(err.len() < 500, "{} bytes: {err}", err.len());
    }
}

/// The label rule of a save (80 characters after trimming, one line) is the reader's too.
#[test]
fn a_label_longer_than_a_save_allows_is_refused_when_read() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let file = taken(d);
    let good = std::fs::read_to_string(&file).unwrap();
    let long = "x".repeat(200);
    let (bad, line) = set_line(&good, "label", &format!("\"{long}\""));
    std::fs::write(&file, bad).unwrap();
    let id = file.file_stem().unwrap().to_str().unwrap();
    let out = run(
        d,
        "2026-09-02T10:00:00Z",
        &["show", id, "--format", "text"],
        "",
    );
    common::assert_exit(&out, 2);
    let err = text(&out.stderr);
    assert_plain(&err, line, "label");
    assert!(err.contains("at most 80") && !err.contains(&long), "{err}");
    let list = text(&run(d, "2026-09-02T10:00:00Z", &["history"], "").stdout);
    assert!(
        list.contains("unreadable") && !list.contains(&long),
        "{list}"
    );
    // Padded with spaces, it is what a save would store: trimmed.
    let (padded, _) = set_line(&good, "label", "\"  before the course  \"");
    std::fs::write(&file, padded).unwrap();
    let json = text(
        &run(
            d,
            "2026-09-02T10:00:00Z",
            &["show", id, "--format", "json"],
            "",
        )
        .stdout,
    );
    assert!(json.contains("\"label\": \"before the course\""), "{json}");
}

/// A goal-form result's scale, named by its file: the text page's heading is put in capitals
/// and then escaped, so an escape keeps the form the sanitiser gives it.
#[test]
fn a_heading_is_put_in_capitals_before_it_is_escaped() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let file = taken(d);
    let good = std::fs::read_to_string(&file).unwrap();
    let (t, _) = set_line(&good, "schema", "2");
    let (t, _) = set_line(&t, "name", "\"colleague bank\"");
    let (t, _) = set_line(
        &t,
        "form",
        "\"goal\"\nfocus = { dimension = \"\\u001b]0;pwned\\u0007scope\" }",
    );
    std::fs::write(&file, t).unwrap();
    let id = file.file_stem().unwrap().to_str().unwrap();
    let out = run(
        d,
        "2026-09-02T10:00:00Z",
        &["show", id, "--format", "text"],
        "",
    );
    common::assert_exit(&out, 0);
    let page = text(&out.stdout);
    let first = page.lines().next().unwrap();
    assert_eq!(first, "\\u{1b}]0;PWNED\\u{7}SCOPE ONLY", "{page}");
    assert!(!page.contains('\u{1b}'));
}

/// Saying no to resuming keeps a copy, named from the injected clock as every other file is.
#[test]
fn a_not_resumed_copy_is_dated_by_rolefit_now() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let out = run(
        d,
        "2026-09-01T10:00:00Z",
        &["take", "--quick", "--plain"],
        "\n3\n3\n",
    );
    common::assert_exit(&out, 0);
    let out = run(
        d,
        "2031-02-03T04:05:06Z",
        &["take", "--quick", "--plain"],
        "n\n\n",
    );
    common::assert_exit(&out, 0);
    let copy = d.join("in-progress.not-resumed-20310203T040506Z.toml");
    assert!(
        copy.exists(),
        "{:?}\n{}",
        std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect::<Vec<_>>(),
        text(&out.stdout)
    );
}

/// 300 results: the sparkline is bounded to 80 columns when piped, every result in it, and
/// says what a mark stands for.
#[test]
fn history_bounds_its_sparkline_to_the_width_and_says_what_a_mark_is() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let file = taken(d);
    let good = std::fs::read_to_string(&file).unwrap();
    for i in 0..299 {
        let id = format!("20260902T{:02}{:02}00Z-x{i:03}", i / 60, i % 60);
        let (t, _) = set_line(&good, "id", &format!("\"{id}\""));
        std::fs::write(d.join(format!("results/{id}.toml")), t).unwrap();
    }
    let out = run(d, "2026-09-03T10:00:00Z", &["history"], "");
    common::assert_exit(&out, 0);
    let list = text(&out.stdout);
    let spark = list
        .lines()
        .find(|l| l.starts_with("overall over time"))
        .unwrap();
    assert!(
        spark.chars().count() <= 80,
        "{} columns: {spark}",
        spark.chars().count()
    );
    // 300 results in 43 marks: 6 or 7 each.
    assert!(
        list.contains("each mark is the mean of 6 or 7 results"),
        "{list}"
    );
}
