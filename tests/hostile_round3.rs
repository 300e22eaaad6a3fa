//! Found by an attack on this round's new surfaces: an About-you file that this build cannot
//! use is never rewritten, a goal form's answers count only on its scale, and a result's
//! `[context]` is held to the same bounds as context.toml.
// What these check is platform-independent core code (store and scoring); each test starts
// rolefit six or more times, and under wine process creation itself now and then fails
// (Windows error 1359), as data_safety found for its eight-process race.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

fn run(data: &Path, now: &str, args: &[&str], input: &str) -> std::process::Output {
    common::cli(data)
        .env("ROLEFIT_NOW", now)
        .args(args)
        .write_stdin(input.to_owned())
        .output()
        .unwrap()
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A context.toml whose years are out of range still holds a role and users the person gave:
/// taking an assessment warns that it is not used, and saving the new answer first moves the
/// old file aside, whole, and says where.
#[test]
fn an_unusable_about_you_file_is_never_overwritten() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("context.toml");
    let before = "schema = 1\nfuture = \"keep\"\n\n[context]\nyears = 61\nrole = \"staff\"\nusers = \"teams\"\n";
    std::fs::write(&path, before).unwrap();
    let input = format!("\n{}", "3\n".repeat(20));
    let out = run(
        data.path(),
        "2026-09-01T10:00:00Z",
        &["take", "--quick", "--plain"],
        &input,
    );
    common::assert_exit(&out, 0);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("context.toml") && err.contains("61"), "{err}");
    assert!(err.contains("kept as"), "{err}");
    let kept: Vec<_> = std::fs::read_dir(data.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("context.unusable-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), before);
    let now = std::fs::read_to_string(&path).unwrap();
    assert!(!now.contains("61"), "the new answer is saved: {now}");
}

/// A goal form asked only its scale's questions: answers added to its file for other scales
/// are not scored anywhere, so `show` and Compare claim nothing about those scales.
#[test]
fn a_goal_forms_answers_count_only_on_its_scale() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let full = format!("\n{}", "2\n".repeat(60));
    common::assert_exit(
        &run(d, "2026-09-01T10:00:00Z", &["take", "--plain"], &full),
        0,
    );
    let add = ["goals", "add", "--dimension", "skills", "--target", "40"];
    common::assert_exit(&run(d, "2026-09-01T11:00:00Z", &add, ""), 0);
    let goal = ["take", "--plain", "--goal", "1"];
    let out = run(
        d,
        "2026-10-05T10:00:00Z",
        &goal,
        &format!("\n{}", "3\n".repeat(8)),
    );
    common::assert_exit(&out, 0);
    // Tamper: answers on two other scales, in the goal form's file.
    let file = std::fs::read_dir(d.join("results"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .contains("form = \"goal\"")
        })
        .unwrap();
    let bank = common::default_bank();
    let off: Vec<&str> = ["focus", "impact"]
        .iter()
        .map(|dim| {
            bank.questions
                .iter()
                .find(|q| {
                    q.dimension == *dim && matches!(q.kind, rolefit::bank::Kind::Likert { .. })
                })
                .unwrap()
                .id
                .as_str()
        })
        .collect();
    let mut text = std::fs::read_to_string(&file).unwrap();
    let at = text.find("[answers]\n").unwrap() + "[answers]\n".len();
    text.insert_str(at, &format!("{} = 5\n{} = 5\n", off[0], off[1]));
    std::fs::write(&file, text).unwrap();
    let id = file.file_stem().unwrap().to_str().unwrap();

    let json: serde_json::Value = serde_json::from_str(&stdout(&run(
        d,
        "2026-10-06T10:00:00Z",
        &["show", id, "--format", "json"],
        "",
    )))
    .unwrap();
    let dims = json["dimensions"].as_object().unwrap();
    for dim in ["focus", "impact"] {
        assert!(
            dims.get(dim).is_none_or(|v| v["combined"].is_null()),
            "{dim} scored from answers the goal form never asked: {json}"
        );
    }
    assert_eq!(json["answered"], 8, "{json}");
    let compare: serde_json::Value = serde_json::from_str(&stdout(&run(
        d,
        "2026-10-06T10:00:00Z",
        &["compare", "--format", "json"],
        "",
    )))
    .unwrap();
    let after = &compare["dimensions"]["focus"]["after"];
    assert!(
        after.is_null(),
        "Compare scored focus from a goal form: {compare}"
    );
}

/// `years = 1000` in a result's `[context]` is refused as context.toml's would be, not shown as
/// "1000 years in software".
#[test]
fn a_results_context_is_held_to_the_same_bounds() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let input = format!("\n{}", "3\n".repeat(20));
    common::assert_exit(
        &run(
            d,
            "2026-09-01T10:00:00Z",
            &["take", "--quick", "--plain"],
            &input,
        ),
        0,
    );
    let file = std::fs::read_dir(d.join("results"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str("\n[context]\nyears = 1000\n");
    std::fs::write(&file, text).unwrap();
    let id = file.file_stem().unwrap().to_str().unwrap();
    let out = run(
        d,
        "2026-09-02T10:00:00Z",
        &["show", id, "--format", "text"],
        "",
    );
    assert_ne!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("1000") && !stdout(&out).contains("1000 years"),
        "{err}"
    );
}
