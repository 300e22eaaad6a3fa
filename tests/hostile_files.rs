//! Issue 14: files rolefit did not write, and what it writes. A result is known by its file
//! name; nothing read ever becomes a path; rewrites keep what they do not know; no read is
//! unbounded; nothing is written that rolefit would not read back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::results;
use rolefit::bank::{BankError, Form, Pole};
use rolefit::store::Store;
use rolefit::tui::Start;
use rolefit::tui::action::Action;

/// A bank whose every question names an unknown dimension: `n` problems in one file.
fn bank_with_problems(n: usize) -> String {
    let mut out = String::from(
        "name = \"broken\"\nversion = \"1\"\n\n[[dimensions]]\nid = \"scope\"\ntitle = \"Scope\"\nengineer = \"e\"\ndeveloper = \"d\"\n",
    );
    for i in 0..n {
        out.push_str(&format!(
            "\n[[questions]]\nid = \"q{i}\"\ndimension = \"nowhere\"\nlens = \"preference\"\ntext = \"Question {i}\"\nkind = \"likert\"\nkeyed = \"engineer\"\n"
        ));
    }
    out
}

#[test]
fn bank_validate_is_not_quadratic_in_problems() {
    let text = bank_with_problems(20_000);
    let start = Instant::now();
    let Err(BankError::Invalid(problems)) =
        rolefit::bank::load_str(&text, std::path::Path::new("big.toml"))
    else {
        panic!("expected problems");
    };
    let took = start.elapsed();
    assert!(problems.len() >= 20_000, "{}", problems.len());
    assert_eq!(problems.last().unwrap().line, 8 * 19_999 + 12);
    // Quadratic would take minutes; 10 s leaves room for a loaded machine.
    assert!(took < Duration::from_secs(10), "took {took:?}");
}

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rolefit"));
    cmd.env("HOME", "/nonexistent-home")
        .env_remove("NO_COLOR")
        .stdin(Stdio::null());
    cmd
}

/// Runs rolefit on `data`, failing the test (rather than hanging it) after 20 seconds.
fn run(data: &Path, args: &[&str]) -> Output {
    let mut cmd = bin();
    cmd.env("ROLEFIT_DATA_DIR", data).args(args);
    run_cmd(cmd)
}

fn run_cmd(mut cmd: Command) -> Output {
    let child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(Duration::from_secs(20)) {
        Ok(out) => out.unwrap(),
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("rolefit hung: killed after 20 s ({cmd:?})");
        }
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

/// Asserts the exit code (showing stderr if it is another) and returns stderr.
fn exited(out: &Output, expected: i32) -> String {
    let err = text(&out.stderr);
    assert_eq!(code(out), expected, "{err}");
    err
}

/// Asserts that `out` failed as bad input (2), saying `needle` on stderr.
fn refused(out: &Output, needle: &str) {
    let err = exited(out, 2);
    assert!(err.contains(needle), "{err}");
}

/// A readable result whose file is `results/<name>.toml` and whose inner id is `inner`.
fn plant(store: &Store, name: &str, inner: &str, label: &str) -> PathBuf {
    let bank = common::default_bank();
    let mut r = results::result(
        &bank,
        Form::Full,
        results::leaning(&bank, Form::Full, Pole::Engineer, 3),
        label,
    );
    r.id = inner.to_owned();
    std::fs::create_dir_all(store.results_dir()).unwrap();
    let path = store.results_dir().join(format!("{name}.toml"));
    std::fs::write(&path, toml::to_string(&r).unwrap()).unwrap();
    path
}

/// A readable result in `results/<name>.toml` that says the same id inside.
fn own(store: &Store, name: &str, label: &str) -> PathBuf {
    plant(store, name, name, label)
}

/// Every file under `dir`, as paths relative to it.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

// ---- 1 + 6: a result's identity is its file name ----

#[test]
fn a_crafted_id_cannot_send_an_export_outside_exports() {
    let outer = tempfile::tempdir().unwrap();
    let data = outer.path().join("data");
    let store = Store::open(&data).unwrap();
    let victim = outer.path().join("victim");
    let relative = "../../../victim/x".to_owned();
    let absolute = victim.join("y").display().to_string();
    plant(&store, "20260101T000000Z-aaaa", &relative, "a");
    plant(&store, "20260102T000000Z-bbbb", &absolute, "b");
    for id in ["20260101T000000Z-aaaa", "20260102T000000Z-bbbb"] {
        let result = store.find_result(id).unwrap();
        assert_eq!(result.id, id, "the file name is the id");
        assert!(result.id_note().unwrap().contains("says its id is"));
        let mut app = common::tui::app(&data, Start::Show(Box::new(result)));
        app.update(Action::Export);
        assert!(data.join(format!("exports/{id}.md")).is_file());
        assert!(data.join(format!("exports/{id}.html")).is_file());
    }
    assert!(
        !victim.exists(),
        "nothing was written outside the data folder"
    );
    assert_eq!(
        files_under(&data.join("exports")).len(),
        4,
        "{:?}",
        files_under(&data)
    );
    // The CLI names it by its file name too, and says what the file claims.
    let out = run(
        &data,
        &["show", "20260101T000000Z-aaaa", "--format", "json"],
    );
    exited(&out, 0);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["id"], "20260101T000000Z-aaaa");
    assert!(
        text(&out.stderr).contains("says its id is \"../../../victim/x\""),
        "{}",
        text(&out.stderr)
    );
    assert!(store.export_path("../x", "md").is_err());
}

#[test]
fn renaming_a_copy_changes_only_the_copy() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let a = own(&store, "20260101T000000Z-aaaa", "original");
    let b = store.results_dir().join("20260105T000000Z-copy.toml");
    std::fs::copy(&a, &b).unwrap();
    let before = std::fs::read(&a).unwrap();
    let renamed = store.relabel("20260105T000000Z-copy", "the copy").unwrap();
    assert_eq!(renamed.id, "20260105T000000Z-copy");
    assert_eq!(std::fs::read(&a).unwrap(), before, "A is byte-identical");
    assert_eq!(
        store.load_id("20260105T000000Z-copy").unwrap().label,
        "the copy"
    );
    assert_eq!(
        store.load_id("20260101T000000Z-aaaa").unwrap().label,
        "original"
    );
    // Through History in the TUI: the prompt renames the highlighted file.
    let mut app = common::tui::app(data.path(), Start::History);
    common::tui::drive(
        &mut app,
        &[
            Action::Rename,
            Action::Clear,
            Action::Type('z'),
            Action::Confirm,
        ],
    );
    assert_eq!(store.load_id("20260105T000000Z-copy").unwrap().label, "z");
    assert_eq!(
        std::fs::read(&a).unwrap(),
        before,
        "A is still byte-identical"
    );
}

#[test]
fn every_id_history_lists_opens_with_show_and_deletes() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    own(&store, "20260101T000000Z-aaaa", "plain");
    plant(
        &store,
        "20260101T000000Z-aaaa.2",
        "20260101T000000Z-aaaa",
        "restored from trash",
    );
    plant(
        &store,
        "20260102T000000Z-copy",
        "20260101T000000Z-aaaa",
        "copied",
    );
    plant(&store, "my result", "whatever", "hand-named");
    own(&store, "latest", "named like a name");
    own(&store, ".hidden", "hidden");
    let out = run(data.path(), &["history", "--format", "json"]);
    exited(&out, 0);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 4, "{ids:?}");
    for id in &ids {
        let out = run(data.path(), &["show", id, "--format", "json"]);
        assert_eq!(code(&out), 0, "show {id}: {}", text(&out.stderr));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["id"], *id);
    }
    // The two whose names cannot be ids are listed as unreadable, saying why.
    let err = text(&out.stderr);
    assert!(
        err.contains("latest.toml") && err.contains(".hidden.toml"),
        "{err}"
    );
    // A trash-style name is deleted like any other, and its copy in the trash is kept apart.
    let to = store.trash_result("20260101T000000Z-aaaa.2").unwrap();
    assert!(
        to.ends_with("trash/20260101T000000Z-aaaa.2.toml"),
        "{}",
        to.display()
    );
    plant(&store, "20260101T000000Z-aaaa.2", "x", "again");
    let again = store.trash_result("20260101T000000Z-aaaa.2").unwrap();
    assert!(
        again.ends_with("trash/20260101T000000Z-aaaa.2.2.toml"),
        "{}",
        again.display()
    );
}

// ---- 5: rewrites keep what rolefit does not know ----

#[test]
fn unknown_keys_and_tables_survive_a_rename() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let path = own(&store, "20260101T000000Z-aaaa", "old");
    let text = std::fs::read_to_string(&path).unwrap();
    let extended = format!(
        "# written by a newer rolefit\nmood = \"keen\"\n{text}\n[future]\nsteps = [\"a\", \"b\"]\n\n[scores.extra]\nz = 1.5\n"
    );
    std::fs::write(&path, &extended).unwrap();
    store.relabel("20260101T000000Z-aaaa", "new label").unwrap();
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        after,
        extended.replace("label = \"old\"", "label = \"new label\""),
        "only the label changed"
    );
    assert_eq!(
        store.load_id("20260101T000000Z-aaaa").unwrap().label,
        "new label"
    );
}

fn goals_file_with_extras() -> &'static str {
    "# my goals\nschema = 1\nnext_id = 9\ncolour = \"green\"\n\n[[goals]]\nid = 3\ndimension = \"scope\"\ntarget = 40.0\nbaseline = \"20260101T000000Z-aaaa\"\nbaseline_score = -10.0\nnote = \"first\"\ncreated_at = \"2026-01-01T00:00:00Z\"\nreminder = \"weekly\"\n\n[goals.plan]\nsteps = 3\n\n[sync]\nremote = \"somewhere\"\n"
}

#[test]
fn unknown_keys_and_tables_survive_goals_add_done_and_remove() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    own(&store, "20260101T000000Z-aaaa", "base");
    std::fs::write(store.goals_path(), goals_file_with_extras()).unwrap();
    let out = run(
        data.path(),
        &[
            "goals",
            "add",
            "--dimension",
            "focus",
            "--target",
            "50",
            "--note",
            "second",
        ],
    );
    exited(&out, 0);
    let check = |expect_goals: usize| {
        let text = std::fs::read_to_string(store.goals_path()).unwrap();
        let t: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(t["colour"].as_str(), Some("green"), "{text}");
        assert_eq!(t["next_id"].as_integer(), Some(9), "{text}");
        assert_eq!(t["sync"]["remote"].as_str(), Some("somewhere"), "{text}");
        assert!(text.starts_with("# my goals\n"), "{text}");
        let goals = t["goals"].as_array().unwrap();
        assert_eq!(goals.len(), expect_goals, "{text}");
        let third = goals.iter().find(|g| g["id"].as_integer() == Some(3));
        if let Some(g) = third {
            assert_eq!(g["reminder"].as_str(), Some("weekly"), "{text}");
            assert_eq!(g["plan"]["steps"].as_integer(), Some(3), "{text}");
        }
        text
    };
    check(2);
    let out = run(data.path(), &["goals", "done", "3"]);
    exited(&out, 0);
    assert!(check(2).contains("done_at"));
    let out = run(data.path(), &["goals", "remove", "4"]);
    exited(&out, 0);
    check(1);
}

// ---- 3: nothing is opened for writing through a link, nor truncated unless regular ----

#[cfg(unix)] // links, FIFOs or modes: Unix's own
#[test]
fn a_symlinked_lock_leaves_its_target_byte_identical_with_a_clear_error() {
    let outer = tempfile::tempdir().unwrap();
    let data = outer.path().join("data");
    let store = Store::open(&data).unwrap();
    own(&store, "20260101T000000Z-aaaa", "base");
    let precious = outer.path().join("precious");
    std::fs::write(&precious, "years of notes\n").unwrap();
    std::os::unix::fs::symlink(&precious, data.join("rolefit.lock")).unwrap();
    std::os::unix::fs::symlink(&precious, data.join("goals.lock")).unwrap();
    let e = store.lock_instance().unwrap_err().to_string();
    assert!(
        e.contains("rolefit.lock") && e.contains("symbolic link"),
        "{e}"
    );
    for args in [
        &["take", "--plain", "--quick"][..],
        &["goals", "add", "--dimension", "scope", "--target", "50"][..],
    ] {
        let out = run(&data, args);
        assert_eq!(code(&out), 2, "{args:?}");
        let err = text(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("symbolic link") && err.contains("remove"),
            "{err}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(&precious).unwrap(),
        "years of notes\n"
    );
    // A FIFO in its place is refused too, without waiting on it.
    std::fs::remove_file(data.join("rolefit.lock")).unwrap();
    mkfifo(&data.join("rolefit.lock"));
    let e = store.lock_instance().unwrap_err().to_string();
    assert!(e.contains("named pipe"), "{e}");
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[cfg(unix)] // links, FIFOs or modes: Unix's own
#[test]
fn export_o_over_a_dangling_link_needs_force_and_replaces_only_the_link() {
    let outer = tempfile::tempdir().unwrap();
    let data = outer.path().join("data");
    let store = Store::open(&data).unwrap();
    own(&store, "20260101T000000Z-aaaa", "base");
    let target = outer.path().join("not-yet");
    let link = outer.path().join("out.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let o = link.display().to_string();
    let out = run(&data, &["export", "latest", "--format", "md", "-o", &o]);
    refused(&out, "--force");
    assert!(!target.exists());
    let out = run(
        &data,
        &["export", "latest", "--format", "md", "-o", &o, "--force"],
    );
    exited(&out, 0);
    assert!(!target.exists(), "the link was replaced, not followed");
    assert!(std::fs::symlink_metadata(&link).unwrap().is_file());
    // Something that is not a file at all is never replaced, --force or not.
    let fifo = outer.path().join("pipe.md");
    mkfifo(&fifo);
    let out = run(
        &data,
        &[
            "export",
            "latest",
            "--format",
            "md",
            "-o",
            &fifo.display().to_string(),
            "--force",
        ],
    );
    refused(&out, "named pipe");
}

// ---- 7: a FIFO never blocks ----

#[cfg(unix)] // FIFOs: Unix only
#[test]
fn fifos_in_the_data_folder_neither_hang_nor_stop_the_commands_they_do_not_belong_to() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    own(&store, "20260101T000000Z-aaaa", "base");
    mkfifo(&store.in_progress_path());
    mkfifo(&store.goals_path());
    std::fs::create_dir_all(data.path().join("cache")).unwrap();
    mkfifo(&data.path().join("cache/history-index.json"));

    let out = run(data.path(), &["info"]);
    exited(&out, 0);
    let info = text(&out.stdout);
    assert!(
        info.contains("unreadable") && info.contains("named pipe"),
        "{info}"
    );

    let out = run(data.path(), &["goals", "list"]);
    let err = exited(&out, 2);
    assert!(
        err.contains("goals.toml") && err.contains("named pipe"),
        "{err}"
    );

    for format in ["text", "json"] {
        let out = run(data.path(), &["history", "--format", format]);
        exited(&out, 0);
        assert!(text(&out.stdout).contains("20260101T000000Z-aaaa"));
    }
    // Compare still compares; only its goals are missing, and it says why.
    own(&store, "20260102T000000Z-bbbb", "after");
    let out = run(data.path(), &["compare", "--format", "text"]);
    exited(&out, 0);
    assert!(
        text(&out.stdout).contains("Goals not shown"),
        "{}",
        text(&out.stdout)
    );
}

// ---- 11: a broken side file degrades a feature, never the command ----

#[test]
fn compare_with_an_unreadable_goals_file_still_compares() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    own(&store, "20260101T000000Z-aaaa", "before");
    own(&store, "20260102T000000Z-bbbb", "after");
    std::fs::write(store.goals_path(), "schema = 1\n[[goals]]\nid = \"x\"\n").unwrap();
    for format in ["text", "md"] {
        let out = run(data.path(), &["compare", "--format", format]);
        assert_eq!(code(&out), 0, "{format}: {}", text(&out.stderr));
        let shown = text(&out.stdout);
        assert!(
            shown.contains("Goals not shown:") && shown.contains("goals.toml"),
            "{shown}"
        );
    }
    let out = run(data.path(), &["compare", "--format", "json"]);
    exited(&out, 0);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["overall_delta"].is_number(), "{json}");
    assert!(
        text(&out.stderr).contains("Goals not shown:"),
        "{}",
        text(&out.stderr)
    );
}

// ---- 8: every read bounded ----

#[cfg(unix)]
fn fails_fast_with(data: &Path, args: &[&str], needle: &str) {
    let start = Instant::now();
    let out = run(data, args);
    assert_eq!(code(&out), 2, "{args:?}: {}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains(needle), "{args:?}: {err}");
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{args:?} took {:?}",
        start.elapsed()
    );
}

#[cfg(unix)] // links, FIFOs or modes: Unix's own
#[test]
fn dev_zero_as_any_input_is_refused_at_once() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    fails_fast_with(
        data.path(),
        &["score", "--answers", "/dev/zero"],
        "a device",
    );
    fails_fast_with(data.path(), &["--bank", "/dev/zero", "info"], "a device");
    fails_fast_with(data.path(), &["bank", "validate", "/dev/zero"], "a device");
    // A folder bank: one file too large, or too much together.
    let bank = data.path().join("bank");
    std::fs::create_dir(&bank).unwrap();
    std::fs::write(bank.join("a.toml"), rolefit::bank::DEFAULT_BANK_TOML).unwrap();
    std::fs::write(bank.join("b.toml"), vec![b'#'; 5 << 20]).unwrap();
    let b = bank.display().to_string();
    fails_fast_with(data.path(), &["bank", "validate", &b], "over the 4 MiB");
    std::fs::remove_file(bank.join("b.toml")).unwrap();
    for i in 0..5 {
        std::fs::write(bank.join(format!("c{i}.toml")), vec![b'#'; 4 << 20]).unwrap();
    }
    fails_fast_with(data.path(), &["bank", "validate", &b], "over the 16 MiB");
    // The history index, linked to /dev/zero: History reads the files instead.
    own(&store, "20260101T000000Z-aaaa", "base");
    std::fs::create_dir_all(data.path().join("cache")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", data.path().join("cache/history-index.json")).unwrap();
    let start = Instant::now();
    let out = run(data.path(), &["history", "--format", "json"]);
    exited(&out, 0);
    assert!(text(&out.stdout).contains("20260101T000000Z-aaaa"));
    assert!(start.elapsed() < Duration::from_secs(5));
    // Plain mode's stdin.
    let mut cmd = bin();
    cmd.env("ROLEFIT_DATA_DIR", data.path())
        .args(["take", "--plain", "--quick"])
        .stdin(std::fs::File::open("/dev/zero").unwrap());
    let start = Instant::now();
    let out = run_cmd(cmd);
    assert_eq!(code(&out), 2, "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("longer than 4096 bytes"),
        "{}",
        text(&out.stderr)
    );
    assert!(start.elapsed() < Duration::from_secs(5));
}

// ---- 10: nothing is written that rolefit would not read back ----

/// A 64-character kebab-case id ending in `n`.
fn long_id(prefix: &str, n: usize) -> String {
    let tail = format!("-{n}");
    format!(
        "{prefix}{}{tail}",
        "x".repeat(64 - prefix.len() - tail.len())
    )
}

/// The largest bank rolefit takes, at its worst for file sizes: `questions` questions and half
/// as many dimensions, every id 64 characters.
fn largest_bank(questions: usize) -> String {
    let mut out = String::from("name = \"largest\"\nversion = \"1\"\n");
    let dims = questions / 2;
    for d in 0..dims {
        out.push_str(&format!(
            "\n[[dimensions]]\nid = \"{}\"\ntitle = \"D{d}\"\nengineer = \"e\"\ndeveloper = \"d\"\n",
            long_id("d", d)
        ));
    }
    for i in 0..questions {
        let lens = if i % 2 == 0 { "preference" } else { "practice" };
        out.push_str(&format!(
            "\n[[questions]]\nid = \"{}\"\ndimension = \"{}\"\nlens = \"{lens}\"\nquick = true\ntext = \"Q{i}\"\nkind = \"likert\"\nkeyed = \"engineer\"\n",
            long_id("q", i),
            long_id("d", (i / 2) % dims.max(1))
        ));
    }
    out
}

#[test]
fn the_largest_bank_gives_results_and_progress_rolefit_reads_back() {
    let bank = rolefit::bank::load_str(
        &largest_bank(rolefit::bank::MAX_QUESTIONS),
        Path::new("largest.toml"),
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let mut session = rolefit::session::Session::start(
        &bank,
        Form::Full,
        None,
        "x".repeat(rolefit::store::limits::MAX_LABEL_CHARS),
        common::tui::fixed_now(),
    )
    .unwrap();
    loop {
        let a = session.assessment_mut();
        a.answer(&bank, rolefit::answers::Answer::Scale(4)).unwrap();
        if !a.forward() {
            break;
        }
    }
    session.autosave(&store).unwrap();
    let progress = std::fs::metadata(store.in_progress_path()).unwrap().len();
    assert!(progress < rolefit::store::MAX_FILE_BYTES, "{progress}");
    assert_eq!(store.load_in_progress().unwrap().unwrap(), session.saved);
    let result = session
        .finish(
            &bank,
            &store,
            common::tui::fixed_now(),
            &mut fastrand::Rng::with_seed(1),
        )
        .unwrap();
    let size = std::fs::metadata(store.result_path(&result.id))
        .unwrap()
        .len();
    assert!(size < rolefit::store::MAX_FILE_BYTES, "{size}");
    assert_eq!(store.load_id(&result.id).unwrap().answers.len(), 10_000);
}

#[test]
fn a_bank_over_the_limits_is_refused_saying_the_limit() {
    let too_many = largest_bank(rolefit::bank::MAX_QUESTIONS + 2);
    let Err(BankError::Invalid(problems)) = rolefit::bank::load_str(&too_many, Path::new("b.toml"))
    else {
        panic!("a bank over the limit loaded");
    };
    assert!(
        problems.iter().any(|p| p.message.contains("at most 10000")),
        "{problems:?}"
    );
    let long = rolefit::bank::DEFAULT_BANK_TOML.replacen(
        "id = \"",
        &format!("id = \"{}", "a".repeat(60)),
        1,
    );
    let Err(BankError::Invalid(problems)) = rolefit::bank::load_str(&long, Path::new("b.toml"))
    else {
        panic!("a long id loaded");
    };
    assert!(
        problems.iter().any(|p| p.message.contains("at most 64")),
        "{problems:?}"
    );
}

#[test]
fn labels_notes_and_goal_counts_over_their_limits_are_refused_saying_the_limit() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    own(&store, "20260101T000000Z-aaaa", "base");
    let long_label = "é".repeat(rolefit::store::limits::MAX_LABEL_CHARS + 1);
    let answers = data.path().join("answers.toml");
    std::fs::write(&answers, "[answers]\nscope-free-week-on = 4\n").unwrap();
    let a = answers.display().to_string();
    let out = run(
        data.path(),
        &["score", "--answers", &a, "--save", "--label", &long_label],
    );
    refused(&out, "at most 80 characters");
    assert_eq!(store.list_results().unwrap().len(), 1, "nothing saved");
    let e = store
        .relabel("20260101T000000Z-aaaa", &long_label)
        .unwrap_err();
    assert!(e.to_string().contains("at most 80 characters"), "{e}");

    let note = "n".repeat(1001);
    let out = run(
        data.path(),
        &[
            "goals",
            "add",
            "--dimension",
            "scope",
            "--target",
            "50",
            "--note",
            &note,
        ],
    );
    refused(&out, "at most 1000 characters");
    assert!(!store.goals_path().exists());

    // 500 goals at their worst (1000 characters each that TOML writes as six-byte escapes) are
    // written and read back; a 501st is refused.
    let worst = "\u{1}".repeat(1000);
    store
        .update_goals(|file| {
            for _ in 0..rolefit::store::limits::MAX_GOALS {
                file.add(rolefit::store::Goal {
                    id: 0,
                    dimension: "scope".into(),
                    lens: None,
                    target: 50.0,
                    baseline: "20260101T000000Z-aaaa".into(),
                    baseline_score: 0.0,
                    baseline_margin: None,
                    note: worst.clone(),
                    due: None,
                    created_at: common::tui::fixed_now(),
                    done_at: None,
                })?;
            }
            Ok::<(), rolefit::store::StoreError>(())
        })
        .unwrap();
    assert_eq!(store.load_goals().unwrap().goals.len(), 500);
    let before = std::fs::read(store.goals_path()).unwrap();
    assert!((before.len() as u64) < rolefit::store::MAX_FILE_BYTES);
    let out = run(
        data.path(),
        &["goals", "add", "--dimension", "scope", "--target", "50"],
    );
    refused(&out, "at most 500 goals");
    assert_eq!(std::fs::read(store.goals_path()).unwrap(), before);
}

// ---- the smaller items ----

#[test]
fn two_unreadable_progress_files_set_aside_in_one_second_both_stay() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let now = common::tui::fixed_now();
    std::fs::write(store.in_progress_path(), "first broken").unwrap();
    let a = store.set_aside_in_progress(now).unwrap();
    std::fs::write(store.in_progress_path(), "second broken").unwrap();
    let b = store.set_aside_in_progress(now).unwrap();
    assert_ne!(a, b);
    assert_eq!(std::fs::read_to_string(&a).unwrap(), "first broken");
    assert_eq!(std::fs::read_to_string(&b).unwrap(), "second broken");
}

#[test]
fn the_largest_goal_id_is_a_clear_error_not_a_wrap_to_zero() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    own(&store, "20260101T000000Z-aaaa", "base");
    let text = "schema = 1\n\n[[goals]]\nid = 4294967295\ndimension = \"scope\"\ntarget = 40.0\nbaseline = \"20260101T000000Z-aaaa\"\nbaseline_score = -10.0\ncreated_at = \"2026-01-01T00:00:00Z\"\n";
    std::fs::write(store.goals_path(), text).unwrap();
    let out = run(
        data.path(),
        &["goals", "add", "--dimension", "focus", "--target", "50"],
    );
    let err = exited(&out, 2);
    assert!(err.contains("largest goal id (4294967295)"), "{err}");
    assert_eq!(std::fs::read_to_string(store.goals_path()).unwrap(), text);
}

#[test]
fn numbers_in_goals_outside_the_scale_are_named_not_printed() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    own(&store, "20260101T000000Z-aaaa", "base");
    for (field, value) in [
        ("target", "nan"),
        ("target", "inf"),
        ("baseline_score", "1e300"),
        ("target", "-101.0"),
    ] {
        let (target, baseline) = if field == "target" {
            (value, "-10.0")
        } else {
            ("40.0", value)
        };
        std::fs::write(
            store.goals_path(),
            format!("schema = 1\n\n[[goals]]\nid = 2\ndimension = \"scope\"\ntarget = {target}\nbaseline = \"20260101T000000Z-aaaa\"\nbaseline_score = {baseline}\ncreated_at = \"2026-01-01T00:00:00Z\"\n"),
        )
        .unwrap();
        // The bad goal is named with its bad key's line; the file stays listable (issue 19,
        // item 1).
        let out = run(data.path(), &["goals", "list"]);
        assert_eq!(code(&out), 0, "{field} = {value}");
        let shown = text(&out.stdout);
        let line = if field == "target" { 6 } else { 8 };
        assert!(
            shown.contains(&format!("Cannot read goal #2 (line {line}): `{field}`"))
                && shown.contains("-100 to 100"),
            "{shown}"
        );
    }
}

fn index_path(data: &Path) -> PathBuf {
    data.join("cache/history-index.json")
}

#[cfg(unix)] // the change time (Windows has the creation time: README): Unix only
#[test]
fn a_result_rewritten_with_its_old_size_and_time_is_not_shown_from_the_index() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let path = own(&store, "20260101T000000Z-aaaa", "aaaa");
    let out = run(data.path(), &["history", "--format", "json"]);
    assert!(text(&out.stdout).contains("\"aaaa\""));
    assert!(index_path(data.path()).is_file());
    // Same inode, same size, and the modification time put back: only the change time tells.
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    std::thread::sleep(Duration::from_millis(50));
    let body = std::fs::read_to_string(&path)
        .unwrap()
        .replace("label = \"aaaa\"", "label = \"bbbb\"");
    let f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    std::io::Write::write_all(&mut &f, body.as_bytes()).unwrap();
    f.set_modified(modified).unwrap();
    drop(f);
    let out = run(data.path(), &["history", "--format", "json"]);
    let shown = text(&out.stdout);
    assert!(
        shown.contains("\"bbbb\"") && !shown.contains("\"aaaa\""),
        "{shown}"
    );
}

#[test]
fn an_edited_index_is_checked_for_range_takes_ids_from_file_names_and_is_corrected_on_open() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    own(&store, "20260101T000000Z-aaaa", "true label");
    own(&store, "20260102T000000Z-bbbb", "other");
    run(data.path(), &["history", "--format", "json"]);
    let edit = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut index: serde_json::Value =
            serde_json::from_slice(&std::fs::read(index_path(data.path())).unwrap()).unwrap();
        f(&mut index);
        std::fs::write(index_path(data.path()), serde_json::to_vec(&index).unwrap()).unwrap();
    };
    edit(&|i| {
        let a = &mut i["files"]["20260101T000000Z-aaaa.toml"]["row"];
        a["overall"] = serde_json::json!(1e300);
        a["label"] = serde_json::json!("a lie");
        let b = &mut i["files"]["20260102T000000Z-bbbb.toml"]["row"];
        b["id"] = serde_json::json!("../../elsewhere");
        b["label"] = serde_json::json!("another lie");
    });
    let out = run(data.path(), &["history", "--format", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    // Out of range: read from the file instead.
    assert_eq!(rows[1]["label"], "true label");
    // In range: shown, but under the file's name; opening it puts the file's word back.
    assert_eq!(rows[0]["id"], "20260102T000000Z-bbbb");
    assert_eq!(rows[0]["label"], "another lie");
    let mut app = common::tui::app(data.path(), Start::History);
    app.update(Action::Confirm);
    let shown = std::fs::read_to_string(index_path(data.path())).unwrap();
    assert!(!shown.contains("another lie"), "the index was corrected");
    let out = run(data.path(), &["history", "--format", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows[0]["label"], "other");
}

#[test]
fn cli_saves_sweep_their_own_stale_temp_files() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    own(&store, "20260101T000000Z-aaaa", "base");
    let old = std::time::SystemTime::now() - Duration::from_secs(3600);
    let stale = |p: PathBuf| {
        std::fs::write(&p, "half").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&p)
            .unwrap()
            .set_modified(old)
            .unwrap();
        p
    };
    let in_results = stale(store.results_dir().join(".rolefit-killed.tmp"));
    let in_root = stale(data.path().join(".rolefit-killed.tmp"));
    let young = data.path().join(".rolefit-young.tmp");
    std::fs::write(&young, "a save in progress").unwrap();
    let answers = data.path().join("answers.toml");
    std::fs::write(&answers, "[answers]\nscope-free-week-on = 4\n").unwrap();
    let out = run(
        data.path(),
        &[
            "score",
            "--answers",
            &answers.display().to_string(),
            "--save",
        ],
    );
    exited(&out, 0);
    assert!(!in_results.exists());
    let out = run(
        data.path(),
        &["goals", "add", "--dimension", "scope", "--target", "-50"],
    );
    exited(&out, 0);
    assert!(!in_root.exists());
    assert!(
        young.exists(),
        "a young temp file may be another save in progress"
    );
}

#[cfg(unix)] // /dev/full: Unix only
#[test]
fn help_that_cannot_be_written_is_an_error() {
    for args in [&["--help"][..], &["take", "--help"][..], &["--version"][..]] {
        let mut cmd = bin();
        cmd.args(args).stdout(
            std::fs::File::options()
                .write(true)
                .open("/dev/full")
                .unwrap(),
        );
        let out = cmd.stderr(Stdio::piped()).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).contains("No space left"),
            "{}",
            text(&out.stderr)
        );
    }
    let out = bin().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("Usage"));
}

/// Issue 19 item 5: a data sub-folder that is a link to another folder is refused for every
/// write (`score --save` into `results/`, History's index into `cache/`, exports, relabelling
/// and the trash), and what it points to stays empty.
#[cfg(unix)] // links, FIFOs or modes: Unix's own
#[test]
fn linked_data_sub_folders_are_never_written_through() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let elsewhere = |name: &str| {
        let dir = root.path().join(format!("elsewhere-{name}"));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::create_dir_all(&data).unwrap();
        std::os::unix::fs::symlink(&dir, data.join(name)).unwrap();
        dir
    };
    let answers = root.path().join("answers.toml");
    std::fs::write(&answers, "[answers]\nscope-free-week-on = 4\n").unwrap();
    let save = |data: &Path| {
        run(
            data,
            &[
                "score",
                "--answers",
                &answers.display().to_string(),
                "--save",
            ],
        )
    };

    let results = elsewhere("results");
    let err = exited(&save(&data), 2);
    assert!(err.contains("is a link to another folder"), "{err}");
    assert_eq!(files_under(&results), Vec::<PathBuf>::new());

    // A real results/ beside a linked cache/: History lists, and writes no index through it.
    std::fs::remove_file(data.join("results")).unwrap();
    exited(&save(&data), 0);
    let cache = elsewhere("cache");
    exited(&run(&data, &["history"]), 0);
    assert_eq!(files_under(&cache), Vec::<PathBuf>::new());

    let store = Store::open(&data).unwrap();
    let id = store.list_results().unwrap()[0].id.clone();
    let exports = elsewhere("exports");
    assert!(store.export_path(&id, "html").is_err());
    assert_eq!(files_under(&exports), Vec::<PathBuf>::new());
    let trash = elsewhere("trash");
    assert!(store.trash_result(&id).is_err());
    assert_eq!(files_under(&trash), Vec::<PathBuf>::new());
    // The result stayed where it was, unchanged, and a linked results/ refuses a relabel too.
    let moved = root.path().join("real-results");
    std::fs::rename(data.join("results"), &moved).unwrap();
    std::os::unix::fs::symlink(&moved, data.join("results")).unwrap();
    let before = files_under(&moved);
    assert!(store.relabel(&id, "new label").is_err());
    assert_eq!(files_under(&moved), before);
    let text = std::fs::read_to_string(moved.join(format!("{id}.toml"))).unwrap();
    assert!(!text.contains("new label"), "{text}");
}
