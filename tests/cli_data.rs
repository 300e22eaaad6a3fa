//! The data directory, plain mode, `info`, `score --save`, and running without a terminal.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use rolefit::bank::Form;
use rolefit::store::Store;

use common::cli as rolefit;

/// Unix modes; on Windows files inherit the profile folder's ACL, so this is not asked there.
#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)] // setsid and /dev/tty: Unix only
#[test]
fn without_a_terminal_take_says_so_in_one_line_and_exits_2() {
    let data = tempfile::tempdir().unwrap();
    for args in [&["take"][..], &[][..], &["take", "--quick"][..]] {
        // stdin from /dev/null, stdout captured (a pipe): like `rolefit take </dev/null | cat`.
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_rolefit"))
            .args(args)
            .env("ROLEFIT_DATA_DIR", data.path())
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            out.stdout.is_empty(),
            "nothing, and no escape codes, on stdout"
        );
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("--plain") && !err.contains('\x1b'), "{err}");
    }
    // No controlling terminal at all.
    let out = std::process::Command::new("setsid")
        .arg("-w")
        .arg(env!("CARGO_BIN_EXE_rolefit"))
        .arg("take")
        .env("ROLEFIT_DATA_DIR", data.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .starts_with("rolefit: no terminal")
    );
}

#[test]
fn plain_mode_takes_the_quick_form_and_saves_the_same_result() {
    let data = tempfile::tempdir().unwrap();
    // < goes back, s skips, an empty line keeps an answer, a bad line is asked again.
    // The first line answers About you (Enter: nothing said).
    let input = "\n4\n<\n\n9\n2\ns\n3\n3\n1\n3\n3\n3\n3\n3\n4\n3\n2\n5\n";
    let out = rolefit(data.path())
        .args(["take", "--plain", "--quick", "--label", "plain run"])
        .write_stdin(input)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("[1/14] Scope of responsibility · What you enjoy"),
        "{stdout}"
    );
    assert!(stdout.contains("(Enter keeps 4 · Agree)"), "{stdout}");
    assert!(stdout.contains("Please type 1-5, or < (back)"), "{stdout}");
    assert!(stdout.contains("When to take it again"), "{stdout}");
    let store = Store::open(data.path()).unwrap();
    let files: Vec<_> = std::fs::read_dir(store.results_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    let result = Store::load_result_file(&files[0]).unwrap();
    assert_eq!(result.label, "plain run");
    assert_eq!(result.form, Form::Quick);
    assert_eq!((result.scores.answered, result.scores.skipped), (13, 1));
    assert!(store.load_in_progress().unwrap().is_none());
}

#[test]
fn plain_mode_quits_saving_and_resumes() {
    let data = tempfile::tempdir().unwrap();
    let out = rolefit(data.path())
        .args(["take", "--plain", "--quick"])
        .write_stdin("\n5\n4\nq\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("Saved: 2 of 14 answered. Run `rolefit take --plain`")
    );
    let out = rolefit(data.path())
        .args(["take", "--plain", "--quick"])
        .write_stdin("y\n")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("Resume your unfinished assessment (2 of 14 answered)?"),
        "{stdout}"
    );
    assert!(
        stdout.contains("[3/14]"),
        "resumed at the third question: {stdout}"
    );
    assert!(
        stdout.contains("Input ended; your progress is saved."),
        "{stdout}"
    );
}

#[test]
fn data_dir_flag_beats_the_environment_and_is_private() {
    let env_dir = tempfile::tempdir().unwrap();
    let flag_dir = tempfile::tempdir().unwrap();
    let target = flag_dir.path().join("nested/rolefit");
    let out = rolefit(env_dir.path())
        .arg("--data-dir")
        .arg(&target)
        .arg("info")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout.contains(&format!(
            "data directory: {} (--data-dir)",
            target.display()
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("\"rolefit default\" version 2.4 (built in)"),
        "{stdout}"
    );
    assert!(!target.exists(), "info only reads: it creates no folder");
    // The first command that writes creates it, private.
    let out = rolefit(env_dir.path())
        .arg("--data-dir")
        .arg(&target)
        .args(["take", "--plain", "--quick"])
        .write_stdin("\nq\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    #[cfg(unix)]
    assert_eq!(mode(&target), 0o700);
    let out = rolefit(env_dir.path()).arg("info").output().unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("(ROLEFIT_DATA_DIR)")
    );
}

#[test]
fn score_save_writes_a_private_result_that_rescores_to_the_same_scores() {
    let data = tempfile::tempdir().unwrap();
    let answers = data.path().join("answers.toml");
    std::fs::write(
        &answers,
        "[answers]\nscope-parts-fit-together = 5\nfocus-rough-version = 2\npath-work-in-five-years = \"d\"\n",
    )
    .unwrap();
    let out = rolefit(data.path())
        .args([
            "score",
            "--format",
            "json",
            "--save",
            "--label",
            "imported",
            "--answers",
        ])
        .arg(&answers)
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let store = Store::open(data.path()).unwrap();
    let file = std::fs::read_dir(store.results_dir())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    #[cfg(unix)]
    assert_eq!(mode(&file), 0o600);
    #[cfg(unix)]
    assert_eq!(mode(&store.results_dir()), 0o700);
    let result = Store::load_result_file(&file).unwrap();
    assert_eq!(result.schema, 1);
    assert_eq!(result.label, "imported");
    assert_eq!(serde_json::to_value(&result.scores).unwrap(), printed);
    assert_eq!(result.bank.fingerprint.len(), 16);
    // The saved file is itself an answers file.
    let again = rolefit(data.path())
        .args(["score", "--format", "json", "--answers"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&again.stdout).unwrap(),
        printed
    );
}

#[test]
fn label_needs_save() {
    let data = tempfile::tempdir().unwrap();
    let out = rolefit(data.path())
        .args(["score", "--answers", "x.toml", "--label", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

fn saved_result(data: &Path) {
    let answers = data.join("answers.toml");
    std::fs::write(&answers, "[answers]\nscope-parts-fit-together = 5\nfocus-rough-version = 2\npath-work-in-five-years = \"d\"\nworkstyle-heads-down = 4\n").unwrap();
    let out = rolefit(data)
        .args(["score", "--save", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn show_and_export_a_saved_result() {
    let data = tempfile::tempdir().unwrap();
    let out = rolefit(data.path())
        .args(["show", "latest", "--format", "text"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("no saved results yet")
    );
    saved_result(data.path());
    let out = rolefit(data.path())
        .args(["show", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["answered"], 4);
    assert!(v["id"].as_str().unwrap().len() > 16);
    // Without a terminal and without --format, show prints the text dashboard.
    let out = rolefit(data.path()).arg("show").output().unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("Next steps")
    );
    let md = rolefit(data.path())
        .args(["show", "--format", "md"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(md.stdout)
            .unwrap()
            .contains("| Dimension | Score | Enjoy | Do today | Chart |")
    );
    let out = rolefit(data.path())
        .args(["show", "nope-123"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("no result with id `nope-123`")
    );

    let file = data.path().join("r.html");
    let out = rolefit(data.path())
        .args(["export", "latest", "--format", "html", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    let again = rolefit(data.path())
        .args(["export", "--format", "md", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8(again.stderr).unwrap().contains("--force"));
    let forced = rolefit(data.path())
        .args(["export", "--format", "md", "--force", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(forced.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("# rolefit result")
    );
}

#[test]
fn goals_add_refuses_a_past_due_date_and_score_save_knows_a_quick_form() {
    let data = tempfile::tempdir().unwrap();
    let bank = rolefit::bank::load_default().unwrap();
    // Answers to every quick-form question: saved as a quick result.
    let mut text = String::from("[answers]\n");
    for q in bank.form(Form::Quick) {
        match &q.kind {
            rolefit::bank::Kind::Choice { options, .. } => {
                text.push_str(&format!("{} = \"{}\"\n", q.id, options[0].key));
            }
            _ => text.push_str(&format!("{} = 4\n", q.id)),
        }
    }
    let answers = data.path().join("answers.toml");
    std::fs::write(&answers, text).unwrap();
    rolefit(&data.path().join("d"))
        .args(["score", "--save", "--answers"])
        .arg(&answers)
        .assert()
        .success();
    let store = Store::open(&data.path().join("d")).unwrap();
    assert_eq!(store.find_result("latest").unwrap().form, Form::Quick);
    assert_eq!(
        store.find_result("latest").unwrap().model,
        rolefit::scoring::MODEL_VERSION
    );
    let out = rolefit(&data.path().join("d"))
        .args(["goals", "add", "--dimension", "scope", "--target", "60"])
        .args(["--due", "2019-01-01"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("2019-01-01 is already past"), "{err}");
    assert!(store.load_goals().unwrap().goals.is_empty());
}

#[test]
fn a_result_taken_on_bank_1_0_scores_with_the_questions_it_was_asked() {
    let data = tempfile::tempdir().unwrap();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/schema-1/result.toml");
    let out = rolefit(data.path())
        .args(["score", "--format", "json", "--answers"])
        .arg(&golden)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["answered"], 51);
}
