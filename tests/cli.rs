//! The command line as a script sees it: exit codes, messages, the score command's output.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use assert_cmd::Command;
use rolefit::bank::Pole;

fn rolefit() -> Command {
    let mut cmd = Command::cargo_bin("rolefit").unwrap();
    cmd.env(
        "ROLEFIT_DATA_DIR",
        std::env::temp_dir().join("rolefit-cli-tests-unused"),
    );
    cmd
}

fn fixture(p: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(p)
}

#[test]
fn help_and_version_exit_0() {
    let help = rolefit().arg("--help").output().unwrap();
    assert_eq!(help.status.code(), Some(0));
    assert!(
        String::from_utf8(help.stdout)
            .unwrap()
            .contains("Exit codes")
    );
    let version = rolefit().arg("--version").output().unwrap();
    assert_eq!(version.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(version.stdout).unwrap().trim(),
        format!("rolefit {}", rolefit::VERSION)
    );
}

#[test]
fn usage_errors_exit_2_with_clap_message() {
    let out = rolefit().arg("--frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("unexpected argument")
    );
    let out = rolefit()
        .args(["score", "--format", "xml", "--answers", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

fn write_answers(dir: &Path, pole: Pole) -> std::path::PathBuf {
    let bank = common::default_bank();
    let answers = common::all_at(&bank, pole);
    let path = dir.join("answers.toml");
    let mut text = String::from("[answers]\n");
    for (id, a) in &answers {
        text.push_str(&format!("{id} = {}\n", toml::Value::try_from(a).unwrap()));
    }
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn score_json_has_exactly_the_model_fields() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_answers(dir.path(), Pole::Engineer);
    let out = rolefit()
        .args(["score", "--format", "json", "--answers"])
        .arg(&file)
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "answered",
            "archetype",
            "consistency",
            "developer_pct",
            "dimensions",
            "drivers",
            "engineer_pct",
            "margin",
            "overall",
            "practice",
            "practice_margin",
            "preference",
            "preference_margin",
            "skipped"
        ]
    );
    assert_eq!(v["overall"], 100.0);
    assert_eq!(v["archetype"], "systems-engineer");
    let mut dim_keys: Vec<&str> = v["dimensions"]["scope"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    dim_keys.sort_unstable();
    assert_eq!(
        dim_keys,
        [
            "answered",
            "combined",
            "margin",
            "practice",
            "practice_margin",
            "preference",
            "preference_margin"
        ]
    );
    assert_eq!(v["drivers"]["engineer"].as_array().unwrap().len(), 3);
    assert_eq!(v["drivers"]["developer"].as_array().unwrap().len(), 0);
}

#[test]
fn score_text_reads_like_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_answers(dir.path(), Pole::Developer);
    let out = rolefit()
        .args(["score", "--answers"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Overall: -100.0"), "{text}");
    assert!(text.contains("product-developer"), "{text}");
    assert!(text.contains("Scope of responsibility"), "{text}");
    // A driver says what was answered, not only what was asked: a scenario's question alone
    // does not say which way it pulled.
    let drivers: Vec<&str> = text.lines().filter(|l| l.starts_with("  - ")).collect();
    assert_eq!(drivers.len(), 3, "{text}");
    for d in drivers {
        assert!(d.ends_with(')'), "{d}");
    }
}

#[test]
fn missing_answers_count_as_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.toml");
    std::fs::write(
        &file,
        "[answers]\nscope-parts-fit-together = 5\npath-work-in-five-years = \"c\"\n",
    )
    .unwrap();
    let out = rolefit()
        .args(["score", "--format", "json", "--answers"])
        .arg(&file)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["answered"], 2);
    assert_eq!(v["skipped"], common::default_bank().questions.len() - 2);
    assert_eq!(
        v["dimensions"]["focus"]["combined"],
        serde_json::Value::Null
    );
}

#[test]
fn bad_answers_name_every_problem_and_exit_2() {
    let out = rolefit()
        .args(["score", "--answers"])
        .arg(fixture("answers/bad.toml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("bad.toml:4:1: [scope-not-a-question] unknown question id"),
        "{err}"
    );
    assert!(
        err.contains("bad.toml:5:23: [focus-rough-version] answer 9 is out of range"),
        "{err}"
    );
    assert!(
        err.contains("bad.toml:6:27: [path-work-in-five-years] option \"z\" is not an option"),
        "{err}"
    );
}

#[test]
fn unreadable_answers_file_is_a_clear_error() {
    let out = rolefit()
        .args(["score", "--answers", "/nope/answers.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("rolefit: cannot read answers file /nope/answers.toml"),
        "{err}"
    );
}

#[test]
fn score_uses_another_bank_with_bank_flag() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.toml");
    std::fs::write(
        &file,
        "[answers]\npref-one = 5\npractice-one = 1\npick-one = \"a\"\n",
    )
    .unwrap();
    let out = rolefit()
        .arg("--bank")
        .arg(fixture("banks/valid.toml"))
        .args(["score", "--format", "json", "--answers"])
        .arg(&file)
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["answered"], 3);
}

/// `rolefit score --answers FILE` on a file holding `text`, in a fresh data folder.
fn score_text(text: &str) -> std::process::Output {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("answers.toml");
    std::fs::write(&file, text).unwrap();
    common::cli(data.path())
        .args(["score", "--answers"])
        .arg(&file)
        .output()
        .unwrap()
}

/// An answers file with several problems lists one a line, and a problem quoting a value read
/// from the file (a key with a line break in it) keeps that value on its own line.
#[test]
fn an_answers_files_problems_are_listed_one_a_line() {
    let out = score_text("[answers]\n\"no-such-question\" = 3\n\"x\\nrolefit: forged\" = 2\n");
    common::assert_exit(&out, 2);
    let err = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].starts_with("rolefit: the answers file has 2 problems:"),
        "{err}"
    );
    assert!(lines[1].contains("[no-such-question]"), "{err}");
    assert!(lines[2].contains(r"[x\nrolefit: forged]"), "{err}");
    assert!(!err.contains(r":\n  "), "{err}");
}

/// `score` prints an engineer/developer split only for a placed result: four answers place
/// nobody, so no percentage is claimed.
#[test]
fn score_claims_no_split_without_a_placement() {
    let out = score_text(
        "[answers]\nworkstyle-heads-down = 4\nfocus-launch-eve = 2\nskills-learning-week-pick = \"b\"\npath-year-grew-at = [\"c\", \"d\"]\n",
    );
    common::assert_exit(&out, 0);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("not placed yet"), "{text}");
    assert!(!text.contains('%'), "{text}");
}
