//! Text from outside (a bank's texts, a result's label, a goal's note, a file's name) never
//! reaches a terminal raw: every text output shows control and bidi characters escaped
//! (`\u{1b}`), JSON stays exact, Markdown and HTML escape markup.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use rolefit::report::md_text;
use rolefit::sanitize::is_unsafe;

/// An OSC that retitles the terminal, a CSI that clears it, BEL, and a right-to-left override.
const EVIL: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}txt";
/// How EVIL shows once escaped.
const SHOWN: &str = "\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{202e}txt";

fn fixture(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(p)
}

fn hostile_bank() -> PathBuf {
    fixture("banks/hostile-text.toml")
}

use common::cli as rolefit;

/// rolefit on the hostile bank.
fn on_bank(data: &Path) -> Command {
    let mut cmd = rolefit(data);
    cmd.arg("--bank").arg(hostile_bank());
    cmd
}

/// Nothing a terminal would act on: no control character but line ends and tabs, no bidi
/// override or isolate.
fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| is_unsafe(*c) && *c != '\n' && *c != '\t')
        .collect();
    assert!(bad.is_empty(), "{what}: raw {bad:?} in\n{text}");
}

/// Runs the command, expects `code`, and checks stdout and stderr are clean; returns both.
fn run(what: &str, cmd: &mut Command, code: i32) -> (String, String) {
    let out = cmd.output().unwrap();
    common::assert_exit(&out, code);
    assert_clean(&format!("{what} (stdout)"), &out.stdout);
    assert_clean(&format!("{what} (stderr)"), &out.stderr);
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A data folder with two results on the hostile bank, both labelled EVIL, and a goal whose
/// note is EVIL.
fn hostile_data() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    let answers = data.path().join("answers.toml");
    std::fs::write(
        &answers,
        "[answers]\npref-one = 4\npractice-one = 2\npick-one = \"a\"\n",
    )
    .unwrap();
    for _ in 0..2 {
        run(
            "score --save",
            on_bank(data.path())
                .args(["score", "--save", "--answers"])
                .arg(&answers),
            0,
        );
    }
    // rolefit refuses to save such a label itself (`--label` is one clean line): these results
    // come from elsewhere.
    let evil = toml::Value::String(EVIL.into()).to_string();
    for e in std::fs::read_dir(data.path().join("results")).unwrap() {
        let path = e.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            text.replacen("label = \"\"", &format!("label = {evil}"), 1),
        )
        .unwrap();
    }
    run(
        "goals add",
        on_bank(data.path()).args([
            "goals",
            "add",
            "--dimension",
            "scope",
            "--target",
            "-60",
            "--note",
            EVIL,
        ]),
        0,
    );
    data
}

fn ids(data: &Path) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(data.join("results"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    ids.sort();
    ids
}

#[test]
fn take_plain_shows_a_banks_texts_escaped() {
    let data = tempfile::tempdir().unwrap();
    let (out, _) = run(
        "take --plain",
        on_bank(data.path())
            .args(["take", "--plain"])
            .write_stdin("\n4\n2\n1\n"),
        0,
    );
    for shown in [
        "I like \\u{1b}]0;pwned\\u{7} designing \\u{202e} things.",
        "Which is closer \\u{1b}[2J to your week?",
        "A: Shipping \\u{202e} features.",
        "B: Keeping \\u{1b}]0;pwned\\u{7} the platform healthy.",
        // Scenario options are lettered in a shuffled order: their texts are what matters.
        ") Option \\u{1b}[31ma",
        ") Option c\\u{7}",
        "Scope \\u{1b}]0;pwned\\u{7} \\u{202e}dim",
    ] {
        assert!(out.contains(shown), "{shown} in:\n{out}");
    }
}

#[test]
fn bank_validate_escapes_names_ids_and_keys() {
    let data = tempfile::tempdir().unwrap();
    let (out, err) = run(
        "bank validate (problems)",
        rolefit(data.path())
            .args(["bank", "validate"])
            .arg(fixture("banks/hostile-problems.toml")),
        1,
    );
    assert!(
        out.contains("question id `evil\\u{1b}]0;pwned\\u{7}\\u{202e}id` is not kebab-case"),
        "{out}"
    );
    assert!(
        out.contains("unknown key `key\\u{1b}[2J\\u{202e}`"),
        "{out}"
    );
    assert!(
        out.contains("unknown dimension `scope\\u{1b}]0;pwned\\u{7}`"),
        "{out}"
    );
    assert!(err.contains("problems found"), "{err}");
    let (ok, _) = run(
        "bank validate (ok)",
        rolefit(data.path())
            .args(["bank", "validate"])
            .arg(hostile_bank()),
        0,
    );
    assert!(
        ok.contains("\"evil \\u{1b}]0;pwned\\u{7} bank \\u{202e}gnp.exe\" version 1\\u{1b}[2J"),
        "{ok}"
    );
}

#[test]
fn info_escapes_the_bank_name() {
    let data = tempfile::tempdir().unwrap();
    let (out, _) = run("info", on_bank(data.path()).arg("info"), 0);
    assert!(
        out.contains("\"evil \\u{1b}]0;pwned\\u{7} bank \\u{202e}gnp.exe\""),
        "{out}"
    );
}

#[test]
fn history_escapes_labels() {
    let data = hostile_data();
    let (out, _) = run("history", rolefit(data.path()).arg("history"), 0);
    assert_eq!(out.matches(SHOWN).count(), 2, "{out}");
    // JSON keeps the exact label, with nothing raw in the text.
    let (json, _) = run(
        "history --format json",
        rolefit(data.path()).args(["history", "--format", "json"]),
        0,
    );
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(rows[0]["label"], EVIL);
}

#[test]
fn show_text_escapes_labels_and_bank_texts() {
    let data = hostile_data();
    let (out, _) = run(
        "show --format text",
        on_bank(data.path()).args(["show", "--format", "text"]),
        0,
    );
    assert!(out.contains(&format!("“{SHOWN}”")), "{out}");
    assert!(out.contains("bank “evil \\u{1b}]0;pwned"), "{out}");
    assert!(
        out.contains("Scope \\u{1b}]0;pwned\\u{7} \\u{202e}dim"),
        "{out}"
    );
}

#[test]
fn show_markdown_escapes_html_and_controls() {
    let data = hostile_data();
    let id = ids(data.path()).pop().unwrap();
    // A label that is markup, and a `|` that would split a table cell.
    let path = data.path().join("results").join(format!("{id}.toml"));
    let text = std::fs::read_to_string(&path).unwrap();
    let label = toml::Value::String(format!("<img src=x onerror=alert(1)>|{EVIL}")).to_string();
    let old = text.lines().find(|l| l.starts_with("label = ")).unwrap();
    std::fs::write(&path, text.replacen(old, &format!("label = {label}"), 1)).unwrap();
    let (md, _) = run(
        "show --format md",
        on_bank(data.path()).args(["show", "--format", "md", &id]),
        0,
    );
    assert!(!md.contains("<img"), "{md}");
    // Markup and Markdown's own characters are escaped too (`|` would split a table cell).
    assert!(md.contains("&lt;img src=x onerror=alert(1)&gt;\\|"), "{md}");
    assert!(md.contains(&md_text(EVIL)), "{md}");
    // The dimension title is a table cell: its text is escaped, the table intact.
    assert!(
        md.contains(&format!(
            "| {} |",
            md_text("Scope \u{1b}]0;pwned\u{7} \u{202e}dim")
        )),
        "{md}"
    );
    // The same for an export written to a file, and the HTML export escapes markup.
    for (format, file) in [("md", "r.md"), ("html", "r.html")] {
        let path = data.path().join(file);
        run(
            "export",
            on_bank(data.path())
                .args(["export", &id, "--format", format, "-o"])
                .arg(&path),
            0,
        );
        let text = std::fs::read(&path).unwrap();
        assert_clean(file, &text);
        let text = String::from_utf8(text).unwrap();
        assert!(!text.contains("<img"), "{text}");
        let shown = match format {
            "md" => md_text("\u{1b}]0;pwned"),
            _ => "\\u{1b}]0;pwned".to_owned(),
        };
        assert!(text.contains(&shown), "{text}");
    }
}

#[test]
fn compare_text_and_markdown_escape_labels_and_bank_texts() {
    let data = hostile_data();
    let ids = ids(data.path());
    for format in ["text", "md"] {
        let (out, _) = run(
            "compare",
            on_bank(data.path()).args(["compare", &ids[0], &ids[1], "--format", format]),
            0,
        );
        // Markdown also escapes its own characters in the text it quotes.
        let (shown, scope) = match format {
            "md" => (md_text(EVIL), md_text("Scope \u{1b}]0;pwned")),
            _ => (SHOWN.to_owned(), "Scope \\u{1b}]0;pwned".to_owned()),
        };
        assert_eq!(out.matches(&shown).count(), 2, "{format}:\n{out}");
        assert!(out.contains(&scope), "{format}:\n{out}");
    }
    let (json, _) = run(
        "compare json",
        on_bank(data.path()).args(["compare", &ids[0], &ids[1], "--format", "json"]),
        0,
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["before"]["label"], EVIL);
    assert_eq!(
        v["dimensions"]["scope"]["title"],
        "Scope \u{1b}]0;pwned\u{7} \u{202e}dim"
    );
}

#[test]
fn goals_list_escapes_the_note() {
    let data = hostile_data();
    let (out, _) = run(
        "goals list",
        on_bank(data.path()).args(["goals", "list"]),
        0,
    );
    assert!(out.contains(&format!("   {SHOWN}\n")), "{out}");
    assert!(out.contains("Scope \\u{1b}]0;pwned"), "{out}");
    let (json, _) = run(
        "goals list json",
        on_bank(data.path()).args(["goals", "list", "--format", "json"]),
        0,
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[0]["note"], EVIL, "{json}");
}

#[cfg(unix)] // control characters in file names: Unix only
#[test]
fn answers_file_errors_escape_keys_and_file_names() {
    let data = tempfile::tempdir().unwrap();
    let answers = data.path().join(format!("answers{EVIL}.toml"));
    // The key in TOML's own escapes: q followed by EVIL.
    std::fs::write(
        &answers,
        "[answers]\n\"q\\u001b]0;pwned\\u0007\\u001b[2J\\u202etxt\" = 3\n",
    )
    .unwrap();
    let (_, err) = run(
        "score with a hostile answers file",
        rolefit(data.path())
            .args(["score", "--answers"])
            .arg(&answers),
        2,
    );
    assert!(err.contains(&format!("answers{SHOWN}.toml")), "{err}");
    assert!(err.contains(&format!("q{SHOWN}")), "{err}");
    // A file that cannot be read at all is named the same way.
    let missing = data.path().join(format!("gone{EVIL}.toml"));
    let (_, err) = run(
        "score with a missing answers file",
        rolefit(data.path())
            .args(["score", "--answers"])
            .arg(&missing),
        2,
    );
    assert!(err.contains(&format!("gone{SHOWN}.toml")), "{err}");
}

#[cfg(unix)] // control characters in file names: Unix only
#[test]
fn unreadable_file_names_are_escaped() {
    let data = hostile_data();
    let results = data.path().join("results");
    std::fs::write(results.join(format!("{EVIL}.toml")), "not = [toml").unwrap();
    let (out, _) = run("history", rolefit(data.path()).arg("history"), 0);
    assert!(out.contains(&format!("unreadable: {SHOWN}.toml")), "{out}");
    let (_, err) = run(
        "history json",
        rolefit(data.path()).args(["history", "--format", "json"]),
        0,
    );
    assert!(
        err.contains(&format!("left out unreadable {SHOWN}.toml")),
        "{err}"
    );
}

#[test]
fn error_messages_printed_by_main_are_escaped() {
    let data = tempfile::tempdir().unwrap();
    let (_, err) = run(
        "show a hostile id",
        rolefit(data.path()).args(["show", "--format", "text", EVIL]),
        2,
    );
    assert!(err.starts_with("rolefit: "), "{err}");
    assert!(err.contains(SHOWN), "{err}");
    let (_, err) = run(
        "a missing bank",
        rolefit(data.path())
            .arg("--bank")
            .arg(data.path().join(EVIL))
            .arg("info"),
        2,
    );
    assert!(err.contains(SHOWN), "{err}");
}
