//! Issue 19: hostile files and faults, round two. Each test drives the real binary with a file
//! or input an attacker (or an older rolefit) could leave, and fails on the code before the fix.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::results;
use rolefit::answers::Answers;
use rolefit::bank::{Form, Kind, Pole};
use rolefit::store::{ResultFile, Store};

fn out_text(o: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// rolefit on `dir` with `args`: stdout and stderr.
fn run(dir: &Path, args: &[&str]) -> (String, String) {
    out_text(&common::cli(dir).args(args).output().unwrap())
}

/// A full-form result leaning engineer, saved under `id`, then edited by `edit` as text.
fn planted(store: &Store, id: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let bank = common::default_bank();
    let mut r = results::result(
        &bank,
        Form::Full,
        results::leaning(&bank, Form::Full, Pole::Engineer, 3),
        "",
    );
    r.id = id.to_owned();
    std::fs::create_dir_all(store.results_dir()).unwrap();
    let path = store.result_path(id);
    std::fs::write(&path, edit(toml::to_string(&r).unwrap())).unwrap();
    path
}

/// Sets `key = value` in the first line of `[table]` that has `key`.
fn set_in(text: &str, table: &str, key: &str, value: &str) -> String {
    let mut out = Vec::new();
    let mut inside = table.is_empty();
    let mut done = false;
    for line in text.lines() {
        if line.starts_with('[') {
            inside = line == format!("[{table}]");
        }
        if inside && !done && line.starts_with(&format!("{key} =")) {
            out.push(format!("{key} = {value}"));
            done = true;
        } else {
            out.push(line.to_owned());
        }
    }
    assert!(done, "no {key} in [{table}]");
    out.join("\n") + "\n"
}

fn foreign(text: String) -> String {
    set_in(&text, "bank", "name", "\"colleague bank\"")
}

const ID: &str = "20261101T090000Z-abcd";

#[test]
fn a_foreign_result_with_an_impossible_score_is_unreadable_and_no_goal_is_written_from_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    planted(&store, ID, |t| {
        set_in(&foreign(t), "scores.dimensions.scope", "combined", "250.0")
    });
    let (_, err) = run(dir.path(), &["show", ID, "--format", "text"]);
    assert!(
        err.contains("`scores.dimensions.scope.combined` is 250"),
        "{err}"
    );
    let o = common::cli(dir.path())
        .args([
            "goals",
            "add",
            "--dimension",
            "scope",
            "--target",
            "40",
            "--baseline",
            ID,
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{:?}", out_text(&o));
    assert!(!dir.path().join("goals.toml").exists());
    let (list, _) = run(dir.path(), &["history", "--format", "text"]);
    assert!(list.contains("unreadable"), "{list}");
}

#[test]
fn nan_and_infinite_stored_numbers_are_refused() {
    for (table, key, value, field) in [
        ("scores", "overall", "nan", "`scores.overall` is NaN"),
        ("scores", "margin", "inf", "`scores.margin` is inf"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        planted(&store, ID, |t| set_in(&foreign(t), table, key, value));
        let o = common::cli(dir.path())
            .args(["show", ID, "--format", "text"])
            .output()
            .unwrap();
        let (out, err) = out_text(&o);
        assert_eq!(o.status.code(), Some(2), "{out}");
        assert!(err.contains(field), "{err}");
        assert!(!out.contains("NaN") && !out.contains("inf"), "{out}");
    }
}

#[test]
fn a_stored_archetype_is_derived_from_the_score_not_trusted() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    planted(&store, ID, |t| {
        let t = set_in(&foreign(t), "scores", "overall", "-1.1");
        set_in(&t, "scores", "archetype", "\"systems-engineer\"")
    });
    let o = common::cli(dir.path())
        .args(["show", ID, "--format", "text"])
        .output()
        .unwrap();
    let (out, err) = out_text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.starts_with("HYBRID BUILDER"), "{out}");
    assert!(!out.contains("Systems engineer, "), "{out}");
}

#[test]
fn an_older_models_foreign_result_says_why_it_has_no_margin() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    planted(&store, ID, |t| {
        set_in(&foreign(t), "", "model", "1").replace("[]\n", "")
    });
    let (out, err) = run(dir.path(), &["show", ID, "--format", "text"]);
    assert!(out.contains("another question bank"), "{out}{err}");
    assert!(out.contains("--bank"), "{out}");
    let n = common::default_bank().questions.len();
    assert!(!out.contains(&format!("too few answers ({n})")), "{out}");
}

/// The in-progress file after answering `n` questions of the full form in plain mode, then q.
fn answered_in_plain(dir: &Path, n: usize) {
    // The first line answers About you (Enter: prefer not to say).
    let input: String = "\n".to_owned() + &"3\n".repeat(n) + "q\n";
    let o = common::cli(dir)
        .args(["take", "--plain"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(o.status.success(), "{:?}", out_text(&o));
    assert!(dir.join("in-progress.toml").exists());
}

#[test]
fn plain_mode_keeps_an_unresumed_assessment_in_a_copy_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    answered_in_plain(dir.path(), 8);
    let before = std::fs::read_to_string(dir.path().join("in-progress.toml")).unwrap();
    let o = common::cli(dir.path())
        .args(["take", "--plain"])
        .write_stdin("n\nq\n")
        .output()
        .unwrap();
    let (out, _) = out_text(&o);
    let copies: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("in-progress.not-resumed-"))
        .collect();
    assert_eq!(copies.len(), 1, "{out}");
    assert_eq!(std::fs::read_to_string(&copies[0]).unwrap(), before);
    assert!(out.contains(&copies[0].display().to_string()), "{out}");
    assert!(out.contains("8 of "), "{out}");
}

#[test]
fn a_padded_label_is_saved_trimmed_and_a_multi_line_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let label = format!("   {}   ", "x".repeat(78));
    let answers = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/answers/adaptive/hybrid-centre.toml");
    let o = common::cli(dir.path())
        .args(["score", "--save", "--label", &label, "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert!(o.status.success(), "{:?}", out_text(&o));
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.find_result("latest").unwrap().label, "x".repeat(78));
    // Plain mode: the first answer saves (it failed on every save with the padded label).
    let o = common::cli(dir.path())
        .args(["take", "--plain", "--label", &label])
        .write_stdin("3\nq\n")
        .output()
        .unwrap();
    assert!(o.status.success(), "{:?}", out_text(&o));
    assert_eq!(
        store.load_in_progress().unwrap().unwrap().label,
        "x".repeat(78)
    );
    let o = common::cli(dir.path())
        .args(["take", "--plain", "--label", "a\nOverall: +95.0"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(out_text(&o).1.contains("one line"), "{:?}", out_text(&o));
}

#[test]
fn a_label_read_from_a_file_cannot_forge_a_line_or_live_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    // Within the 80 characters a label read from a file may have (round 3: a longer one is
    // refused before anything is shown).
    let label =
        "a\\nOverall: +95.0 ± 2\\n# ![p](https://a.example/p) [c](javascript:alert(1)) **b**";
    planted(&store, ID, |t| {
        t.replace("label = \"\"", &format!("label = \"{label}\""))
    });
    let (text, err) = run(dir.path(), &["show", ID, "--format", "text"]);
    assert!(
        !text.lines().any(|l| l.starts_with("Overall: +95.0")),
        "{text}{err}"
    );
    let (md, _) = run(dir.path(), &["show", ID, "--format", "md"]);
    for live in ["![p](", "[c](javascript", "**b**", "\n# !"] {
        assert!(!md.contains(live), "{live} is live in:\n{md}");
    }
    assert!(md.contains("\\!\\[p\\]"), "{md}");
}

#[test]
fn bank_texts_are_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let valid = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/banks/valid.toml"),
    )
    .unwrap();
    let first_title = valid.lines().find(|l| l.starts_with("title = ")).unwrap();
    for bad in ["Scope\\n### injected", "Scope\\tcolumn"] {
        let broken = valid.replacen(first_title, &format!("title = \"{bad}\""), 1);
        let path = dir.path().join("bank.toml");
        std::fs::write(&path, broken).unwrap();
        let o = common::cli(dir.path())
            .args(["bank", "validate"])
            .arg(&path)
            .output()
            .unwrap();
        let (out, err) = out_text(&o);
        assert_eq!(o.status.code(), Some(1), "{out}{err}");
        assert!((out.clone() + &err).contains("is one line"), "{out}{err}");
    }
}

/// The last archived version of the built-in bank and the current one.
fn two_versions() -> (rolefit::bank::Bank, &'static rolefit::bank::Bank) {
    let current = common::default_bank();
    let old = rolefit::bank::archived(&current, &current.name, "1.0").expect("bank 1.0 archived");
    (current, old)
}

#[test]
fn compare_across_bank_versions_uses_only_the_shared_questions_it_names() {
    let (current, old) = two_versions();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let at = |b: &rolefit::bank::Bank, pole| common::all_at(b, pole);
    // The same answers on every shared question; opposite poles on the rest.
    let shared = |id: &str| old.question(id).is_some() && current.question(id).is_some();
    let mut before: Answers = at(old, Pole::Developer);
    let mut after: Answers = at(&current, Pole::Engineer);
    let base = at(&current, Pole::Developer);
    for (id, a) in &base {
        if shared(id) {
            after.insert(id.clone(), a.clone());
        }
    }
    before.retain(|id, _| old.question(id).is_some());
    assert!(after.keys().filter(|id| shared(id)).count() >= 5);
    let save = |bank: &rolefit::bank::Bank, answers: Answers, id: &str| {
        let mut r: ResultFile = results::result(bank, Form::Full, answers, "");
        r.id = id.into();
        store.save_result(&r).unwrap();
    };
    save(old, before, "20250101T000000Z-old1");
    save(&current, after, "20260101T000000Z-new1");
    let o = common::cli(dir.path())
        .args([
            "compare",
            "20250101T000000Z-old1",
            "20260101T000000Z-new1",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let (out, err) = out_text(&o);
    let json: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    let delta = json["overall_delta"].as_f64().unwrap();
    assert!(
        delta.abs() < 1.0,
        "the shared answers are identical, yet the delta is {delta}"
    );
    assert_ne!(json["overall_real_change"], serde_json::json!(true));
    let (text, _) = run(
        dir.path(),
        &["compare", "20250101T000000Z-old1", "20260101T000000Z-new1"],
    );
    assert!(text.contains("recomputed from the"), "{text}");
}

// Forged with Unix stamps (change time, inode) / a FIFO: Unix only.
#[cfg(unix)]
#[test]
fn a_failed_read_drops_a_forged_history_row() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let path = planted(&store, ID, |t| t);
    assert!(
        common::cli(dir.path())
            .args(["history", "--format", "json"])
            .output()
            .unwrap()
            .status
            .success()
    );
    let index_path = dir.path().join("cache/history-index.json");
    // The file becomes unreadable; the index is forged to match its new stamp.
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("schema = 1", "schema = 7", 1);
    std::fs::write(&path, text).unwrap();
    let m = std::fs::symlink_metadata(&path).unwrap();
    use std::os::unix::fs::MetadataExt;
    let mut index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&index_path).unwrap()).unwrap();
    let entry = &mut index["files"][format!("{ID}.toml")];
    entry["stamp"] = serde_json::json!({
        "len": m.len(),
        "modified_ns": m.mtime() * 1_000_000_000 + m.mtime_nsec(),
        "changed_ns": m.ctime() * 1_000_000_000 + m.ctime_nsec(),
        "inode": m.ino(),
    });
    entry["row"]["label"] = serde_json::json!("FORGED");
    std::fs::write(&index_path, serde_json::to_vec(&index).unwrap()).unwrap();
    let (list, _) = run(dir.path(), &["history", "--format", "text"]);
    assert!(
        list.contains("FORGED"),
        "the forged row is served before any read: {list}"
    );
    let o = common::cli(dir.path())
        .args(["show", ID, "--format", "text"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let (list, _) = run(dir.path(), &["history", "--format", "text"]);
    assert!(!list.contains("FORGED"), "{list}");
    assert!(list.contains("newer rolefit"), "{list}");
}

// Forged with Unix stamps (change time, inode) / a FIFO: Unix only.
#[cfg(unix)]
#[test]
fn history_names_a_fifo_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    std::fs::create_dir_all(store.results_dir()).unwrap();
    let fifo = store.result_path(ID);
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let (list, _) = run(dir.path(), &["history", "--format", "text"]);
    assert!(list.contains("named pipe"), "{list}");
    assert!(!list.contains("a folder or a link"), "{list}");
}

/// An in-progress file for the `form` form, with `edit` applied to its text.
fn tampered_progress(dir: &Path, form: &str, edit: impl Fn(String) -> String) -> String {
    let o = common::cli(dir)
        .args(["take", "--plain", &format!("--{form}")])
        .write_stdin("3\nq\n")
        .output()
        .unwrap();
    assert!(o.status.success(), "{:?}", out_text(&o));
    let path = dir.join("in-progress.toml");
    let text = edit(std::fs::read_to_string(&path).unwrap());
    std::fs::write(&path, text).unwrap();
    let o = common::cli(dir)
        .args(["take", "--plain"])
        .write_stdin("y\nq\n")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{:?}", out_text(&o));
    out_text(&o).1
}

#[test]
fn a_shuffled_scale_or_a_quick_form_of_the_whole_bank_is_refused_on_resume() {
    let bank = common::default_bank();
    let ordered = bank
        .questions
        .iter()
        .find(|q| matches!(&q.kind, Kind::Choice { ordered: true, options } if options.len() >= 4))
        .expect("an ordered scenario");
    let Kind::Choice { options, .. } = &ordered.kind else {
        unreachable!()
    };
    let keys: Vec<char> = options.iter().map(|o| o.key).collect();
    let shuffled: String = [keys[1], keys[3], keys[0], keys[2]]
        .iter()
        .chain(&keys[4..])
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let err = tampered_progress(dir.path(), "adaptive", |t| {
        let mut doc: toml::Table = toml::from_str(&t).unwrap();
        let a = doc["assessment"].as_table_mut().unwrap();
        let shown = a
            .entry("shown")
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        shown
            .as_table_mut()
            .unwrap()
            .insert(ordered.id.clone(), toml::Value::String(shuffled.clone()));
        toml::to_string(&doc).unwrap()
    });
    assert!(err.contains("shuffles the steps"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let all: Vec<String> = bank
        .questions
        .iter()
        .map(|q| format!("\"{}\"", q.id))
        .collect();
    let err = tampered_progress(dir.path(), "quick", |t| {
        let order = t
            .lines()
            .find(|l| l.starts_with("order = "))
            .unwrap()
            .to_owned();
        t.replace(&order, &format!("order = [{}]", all.join(", ")))
    });
    assert!(err.contains("is not part of the quick form"), "{err}");
}

#[test]
fn clap_does_not_echo_an_escape_sequence() {
    let dir = tempfile::tempdir().unwrap();
    let o = common::cli(dir.path())
        .args([
            "goals",
            "add",
            "--dimension",
            "scope",
            "--target",
            "4",
            "--due",
            "\u{1b}]0;pwned\u{7}x",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(!o.stderr.contains(&0x1b), "{:?}", out_text(&o));
}

#[test]
fn a_bank_edited_without_a_new_version_is_not_called_version_x_to_x() {
    let bank = common::default_bank();
    let mut s = rolefit::session::Session::start(
        &bank,
        Form::Full,
        Some(1),
        String::new(),
        common::tui::fixed_now(),
    )
    .unwrap();
    let first = s.assessment().current(&bank).unwrap().clone();
    s.assessment_mut()
        .answer(&bank, common::extreme(&first, Pole::Engineer))
        .unwrap();
    // The answered question leaves the bank; its version stays.
    let questions = bank
        .questions
        .iter()
        .filter(|q| q.id != first.id)
        .cloned()
        .collect();
    let edited = rolefit::bank::Bank::new(
        bank.name.clone(),
        bank.version.clone(),
        bank.dimensions.clone(),
        questions,
    );
    let resumed = rolefit::session::Session::resume(s.saved.clone(), &edited).unwrap();
    let note = resumed.changed.expect("a change note");
    assert!(
        !note.contains(&format!("{v} → {v}", v = bank.version)),
        "{note}"
    );
    assert!(note.contains("edited since"), "{note}");
}

// The attacker's pass on the fixed binary (issue 19's "tried again as an attacker would").

#[test]
fn compare_with_another_banks_result_says_so_even_with_a_copied_fingerprint() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    planted(&store, ID, foreign);
    planted(&store, "20261201T090000Z-own1", |t| t);
    let (json, err) = run(
        dir.path(),
        &["compare", ID, "20261201T090000Z-own1", "--format", "json"],
    );
    assert!(json.contains("\"same_bank\": false"), "{json}{err}");
    let (text, _) = run(dir.path(), &["compare", ID, "20261201T090000Z-own1"]);
    assert!(text.contains("different question banks"), "{text}");
}

#[test]
fn a_team_card_rolefit_would_refuse_to_read_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    // A label read from a file that a save would refuse (a line break; one over 80 characters
    // now makes the result itself unreadable): the card would carry it as its name.
    planted(&store, ID, |t| {
        t.replace("label = \"\"", "label = \"two\\nlines\"")
    });
    let card = dir.path().join("card.json");
    let o = common::cli(dir.path())
        .args(["export", ID, "--format", "team-card", "-o"])
        .arg(&card)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{:?}", out_text(&o));
    assert!(out_text(&o).1.contains("--name"), "{:?}", out_text(&o));
    assert!(!card.exists());
}

#[test]
fn a_full_form_missing_questions_is_refused_on_resume() {
    let bank = common::default_bank();
    let quick: Vec<String> = bank
        .form(Form::Quick)
        .map(|q| format!("\"{}\"", q.id))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let err = tampered_progress(dir.path(), "quick", |t| {
        let order = t
            .lines()
            .find(|l| l.starts_with("form = "))
            .unwrap()
            .to_owned();
        let t = t.replace(&order, "form = \"full\"");
        let order = t
            .lines()
            .find(|l| l.starts_with("order = "))
            .unwrap()
            .to_owned();
        t.replace(&order, &format!("order = [{}]", quick.join(", ")))
    });
    assert!(err.contains("of the full form's"), "{err}");
}

#[test]
fn errors_quote_what_they_refuse_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["show", "x\n# forged line"],
        vec![
            "goals",
            "add",
            "--dimension",
            "scope",
            "--target",
            "4",
            "--due",
            "a\n# forged line",
        ],
    ] {
        let (_, err) = run(dir.path(), &args);
        assert!(!err.lines().any(|l| l.starts_with("# forged")), "{err}");
        assert!(err.contains("\\n# forged line"), "{err}");
    }
}

#[test]
fn markdown_leaves_no_bare_address_for_autolinking() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    planted(&store, ID, |t| {
        t.replace(
            "label = \"\"",
            "label = \"https://a.example/p.png www.b.example me@c.example\"",
        )
    });
    let (md, _) = run(dir.path(), &["show", ID, "--format", "md"]);
    for live in ["://", "www.b", "me@c"] {
        assert!(!md.contains(live), "{live} in:\n{md}");
    }
}

#[test]
fn a_forged_index_row_shows_the_archetype_its_score_gives() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    planted(&store, ID, |t| t);
    run(dir.path(), &["history", "--format", "json"]);
    let index_path = dir.path().join("cache/history-index.json");
    let mut index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&index_path).unwrap()).unwrap();
    let row = &mut index["files"][format!("{ID}.toml")]["row"];
    row["overall"] = serde_json::json!(95.0);
    row["archetype"] = serde_json::json!("product-developer");
    std::fs::write(&index_path, serde_json::to_vec(&index).unwrap()).unwrap();
    let (json, _) = run(dir.path(), &["history", "--format", "json"]);
    assert!(!json.contains("product-developer"), "{json}");
}

#[test]
fn a_goals_dimension_id_cannot_break_a_line_of_goals_list() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    planted(&store, ID, |t| t);
    let o = common::cli(dir.path())
        .args([
            "goals",
            "add",
            "--dimension",
            "scope",
            "--target",
            "-90",
            "--baseline",
            ID,
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{:?}", out_text(&o));
    let path = dir.path().join("goals.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let forged = text.replacen(
        "dimension = \"scope\"",
        "dimension = \"scope\\n# forged\"",
        1,
    );
    std::fs::write(&path, forged).unwrap();
    let (list, err) = run(dir.path(), &["goals", "list"]);
    assert!(
        !list.lines().any(|l| l.starts_with("# forged")),
        "{list}{err}"
    );
}
