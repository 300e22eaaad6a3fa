//! Issue 14 in a pseudo-terminal: a read-only data folder, and a FIFO where the TUI reads.
// A pseudo-terminal and Unix signals: Unix only (Windows runs every other test).
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::pty::{Pty, bin};
use rolefit::store::Store;

fn root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

/// rolefit `args` with `data` read-only: for root (whom permissions do not stop) a read-only
/// bind mount in a mount namespace of its own, a real EROFS; for anyone else, a folder without
/// write permission, EACCES.
fn read_only(args: &str, data: &Path) -> Pty {
    let d = data.display();
    if root() {
        let script = format!(
            "unshare -m sh -c 'mount --bind -o ro \"{d}\" \"{d}\" && exec {} {args}'; echo \"EXIT=$?\"; stty -a",
            bin()
        );
        Pty::shell(&script, data, &[])
    } else {
        use std::os::unix::fs::PermissionsExt;
        for p in [data.to_path_buf(), data.join("results")] {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o555)).unwrap();
        }
        Pty::rolefit(args, data, &[])
    }
}

fn data_folder_with_a_result() -> (tempfile::TempDir, Store) {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let bank = common::default_bank();
    let answers = common::all_at(&bank, rolefit::bank::Pole::Engineer);
    common::results::saved(&store, &bank, answers, "earlier", "2026-05-01T09:00:00Z");
    (data, store)
}

#[test]
fn a_read_only_data_folder_starts_takes_the_assessment_and_saves_elsewhere() {
    let (data, store) = data_folder_with_a_result();
    let elsewhere = tempfile::tempdir().unwrap();
    let mut pty = read_only("take --quick", data.path());
    pty.answer_quick_and_finish("4");
    let saved = pty.save_elsewhere(&elsewhere.path().join("result.toml"));
    assert_eq!(saved.answers.len(), 14);
    // Saved elsewhere, so nothing is lost by leaving without saving here.
    pty.send("q");
    pty.wait_for("Discard answers");
    pty.send("d");
    pty.wait_for("Discard and quit");
    pty.send("d");
    assert_eq!(pty.finish(), 0);
    pty.assert_terminal_restored();
    assert_eq!(
        store.list_results().unwrap().len(),
        1,
        "the folder was not written"
    );
}

#[test]
fn a_read_only_data_folder_still_keeps_a_second_instance_out() {
    let (data, _store) = data_folder_with_a_result();
    // Left by an earlier run, before the folder became read-only.
    std::fs::write(data.path().join("rolefit.lock"), "").unwrap();
    let mut first = read_only("", data.path());
    first.wait_for("Take the full assessment");
    let mut second = read_only("", data.path());
    assert_eq!(second.finish(), 2);
    assert!(
        second.raw_output().contains("another rolefit"),
        "{}",
        second.raw_output()
    );
    first.send("q");
    assert_eq!(first.finish(), 0);
}

#[test]
fn a_fifo_as_the_progress_file_neither_blanks_nor_hangs_the_tui() {
    let (data, store) = data_folder_with_a_result();
    let ok = std::process::Command::new("mkfifo")
        .arg(store.in_progress_path())
        .status()
        .unwrap();
    assert!(ok.success());
    let mut pty = Pty::rolefit("", data.path(), &[]);
    pty.wait_for("Take the full assessment");
    pty.send("\x03");
    assert_eq!(pty.finish(), 0);
    pty.assert_terminal_restored();
}
