//! Every validation rule, proven with a broken bank file under tests/fixtures/banks/.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use rolefit::bank::{BankError, Problem, load_path};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/banks")
        .join(name)
}

fn problems(name: &str) -> Vec<Problem> {
    match load_path(&fixture(name)) {
        Err(BankError::Invalid(p)) => p,
        other => panic!("{name}: expected problems, got {other:?}"),
    }
}

/// Asserts the single problem of a fixture: its file, line, question id and message.
fn only_problem(name: &str, line: usize, id: &str, message: &str) {
    let ps = problems(name);
    assert_eq!(ps.len(), 1, "{name}: {ps:#?}");
    let p = &ps[0];
    assert!(
        p.file.ends_with(name),
        "{name}: file was {}",
        p.file.display()
    );
    assert_eq!(p.line, line, "{name}: {p}");
    assert_eq!(p.id.as_deref(), Some(id), "{name}: {p}");
    assert!(
        p.message.contains(message),
        "{name}: `{}` lacks `{message}`",
        p.message
    );
    let shown = p.to_string();
    assert!(
        shown.starts_with(&format!("{}:{line}:", p.file.display())),
        "{shown}"
    );
    assert!(shown.contains(id), "{shown}");
}

#[test]
fn valid_fixture_loads() {
    let bank = load_path(&fixture("valid.toml")).unwrap();
    assert_eq!(bank.questions.len(), 3);
}

#[test]
fn unknown_key() {
    only_problem("unknown-key.toml", 17, "pref-one", "unknown key `wieght`");
}

#[test]
fn duplicate_id() {
    only_problem(
        "duplicate-id.toml",
        19,
        "pref-one",
        "duplicate question id (first used on line 11)",
    );
}

#[test]
fn unknown_dimension() {
    only_problem(
        "unknown-dimension.toml",
        29,
        "lost-one",
        "unknown dimension `scoop`",
    );
}

#[test]
fn unknown_lens() {
    only_problem(
        "unknown-lens.toml",
        30,
        "odd-lens",
        "unknown lens `practise`",
    );
}

#[test]
fn weight_out_of_range() {
    only_problem(
        "weight-out-of-range.toml",
        17,
        "pref-one",
        "weight 3.5 is out of range",
    );
}

#[test]
fn choice_with_too_few_options() {
    only_problem(
        "choice-too-few-options.toml",
        32,
        "too-few",
        "3 to 5 options, this one has 2",
    );
}

#[test]
fn choice_with_too_many_options() {
    only_problem(
        "choice-too-many-options.toml",
        32,
        "too-many",
        "3 to 5 options, this one has 6",
    );
}

#[test]
fn lean_out_of_range() {
    only_problem(
        "lean-out-of-range.toml",
        35,
        "leaning",
        "lean 1.5 is out of range",
    );
}

#[test]
fn dimension_lens_cell_without_question() {
    only_problem("empty-cell.toml", 4, "scope", "no practice question");
}

#[test]
fn empty_text() {
    only_problem("empty-text.toml", 16, "pref-one", "`text` is empty");
}

#[test]
fn syntax_error_names_the_place() {
    let ps = problems("not-toml.toml");
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert_eq!(ps[0].line, 9);
    assert!(ps[0].message.starts_with("not valid TOML"), "{}", ps[0]);
}

#[test]
fn every_problem_is_reported_at_once_in_line_order() {
    let ps = problems("many-problems.toml");
    let lines: Vec<usize> = ps.iter().map(|p| p.line).collect();
    assert_eq!(lines, [17, 20, 26, 34, 37], "{ps:#?}");
    assert!(ps[0].message.contains("unknown key `colour`"));
    assert!(ps[1].message.contains("duplicate question id"));
    assert!(ps[2].message.contains("weight 0 is out of range"));
    assert!(ps[3].message.contains("this one has 2"));
    assert!(ps[4].message.contains("lean -4 is out of range"));
}

#[test]
fn folder_bank_loads_in_file_order() {
    let bank = load_path(&fixture("folder/valid")).unwrap();
    let ids: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["pref-one", "practice-one"]);
}

#[test]
fn folder_bank_names_both_files_of_a_duplicate() {
    let ps = problems("folder/broken");
    assert_eq!(ps.len(), 1);
    assert!(ps[0].file.ends_with("20-practice.toml"));
    assert!(
        ps[0].message.contains("10-preference.toml, line 2"),
        "{}",
        ps[0]
    );
}

#[test]
fn kind_specific_fields_are_checked() {
    let text = std::fs::read_to_string(fixture("valid.toml")).unwrap();
    let broken = text
        .replacen("keyed = \"engineer\"", "keyed = \"manager\"", 1)
        .replacen(
            "kind = \"choice\"",
            "kind = \"choice\"\nkeyed = \"engineer\"",
            1,
        );
    let err = rolefit::bank::load_str(&broken, Path::new("inline.toml")).unwrap_err();
    let shown = err.to_string();
    assert!(shown.contains("unknown `keyed` value `manager`"), "{shown}");
    assert!(
        shown.contains("`keyed` does not apply to a choice question"),
        "{shown}"
    );
}

#[test]
fn validate_command_exits_1_and_prints_every_problem() {
    let out = Command::cargo_bin("rolefit")
        .unwrap()
        .args(["bank", "validate"])
        .arg(fixture("many-problems.toml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 5, "{stdout}");
    assert!(
        stdout.contains("many-problems.toml:20:6: [pref-one] duplicate question id"),
        "{stdout}"
    );
}

#[test]
fn validate_command_passes_the_shipped_bank() {
    let out = Command::cargo_bin("rolefit")
        .unwrap()
        .args(["bank", "validate"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("questions"))
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1);
    assert!(stdout.starts_with("ok: "), "{stdout}");
}

#[test]
fn missing_bank_is_a_clear_bad_input_error() {
    let out = Command::cargo_bin("rolefit")
        .unwrap()
        .args(["bank", "validate", "/no/such/bank.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("/no/such/bank.toml"), "{stderr}");
    assert!(!stderr.contains("Os {"), "no debug dump: {stderr}");
}

/// A bank whose `version` is a number has one problem, that it must be text: not a second,
/// false one saying it is missing. A lean that is not a number says a number is needed.
#[test]
fn a_mistyped_version_or_lean_is_one_problem_said_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let default = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("questions/default.toml"),
    )
    .unwrap();
    let file = dir.path().join("bank.toml");
    // Whatever the bank's version is now: the line, not the number, is what the test needs.
    let version_line = default
        .lines()
        .find(|l| l.starts_with("version = "))
        .unwrap();
    std::fs::write(&file, default.replacen(version_line, "version = 3", 1)).unwrap();
    let Err(BankError::Invalid(ps)) = load_path(&file) else {
        panic!("a number for a version must be refused")
    };
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert!(
        ps[0].message.contains("`version` must be a string"),
        "{}",
        ps[0]
    );
    std::fs::write(
        &file,
        default.replacen("  lean = 1.0\n", "  lean = \"high\"\n", 1),
    )
    .unwrap();
    let Err(BankError::Invalid(ps)) = load_path(&file) else {
        panic!("a word for a lean must be refused")
    };
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert!(ps[0].message.contains("is not a number"), "{}", ps[0]);
}
