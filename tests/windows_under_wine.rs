//! The Windows build, run under wine beside the Linux build: the same commands give the same
//! answers, and results written by either open in the other with the same scores.
//!
//! Needs `wine` and a Windows build (`cargo build --target x86_64-pc-windows-gnu`, which .ci/run
//! makes, with the stub DLL of scripts/wine/ beside it). Without them the test says why on
//! stderr and passes, so a plain `cargo test` on a machine without wine still passes.
//! ROLEFIT_WINDOWS_EXE names another build to test.
#![cfg(target_os = "linux")]
// The skip is said on stderr, so a machine without wine sees why the test did nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_macros)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The Windows build to test, or why there is none.
fn windows_build() -> Result<PathBuf, String> {
    let exe = std::env::var_os("ROLEFIT_WINDOWS_EXE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let target = std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
            target.join("x86_64-pc-windows-gnu/debug/rolefit.exe")
        });
    if !exe.is_file() {
        return Err(format!(
            "no Windows build at {} (cargo build --target x86_64-pc-windows-gnu)",
            exe.display()
        ));
    }
    let wine = Command::new("wine")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if !wine.is_ok_and(|s| s.success()) {
        return Err("no `wine` on PATH (apt-get install wine)".into());
    }
    Ok(exe)
}

/// A Linux path as wine's Windows programs see it (wine maps / to Z:).
fn z(path: &Path) -> String {
    format!("Z:{}", path.display()).replace('/', "\\")
}

fn run(mut cmd: Command, input: &str) -> Output {
    let mut child = cmd
        .env_remove("NO_COLOR")
        .env("WINEDEBUG", "-all")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{:?} failed (53 before main: wine lacks bcryptprimitives.dll, see scripts/wine/)\nstdout: {}\nstderr: {}",
        cmd,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The two builds, each on a data folder of its own.
struct Both {
    exe: PathBuf,
    linux: PathBuf,
    windows: PathBuf,
}

impl Both {
    fn linux(&self, args: &[&str], input: &str) -> String {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_rolefit"));
        cmd.env("ROLEFIT_DATA_DIR", &self.linux).args(args);
        String::from_utf8(run(cmd, input).stdout).unwrap()
    }

    fn windows(&self, args: &[&str], input: &str) -> String {
        let mut cmd = Command::new("wine");
        cmd.arg(&self.exe)
            .env("ROLEFIT_DATA_DIR", z(&self.windows))
            .args(args);
        String::from_utf8(run(cmd, input).stdout).unwrap()
    }

    /// The one result each saved, by id.
    fn only_result(dir: &Path) -> String {
        let mut ids: Vec<String> = std::fs::read_dir(dir.join("results"))
            .unwrap()
            .map(|e| {
                e.unwrap()
                    .file_name()
                    .to_string_lossy()
                    .replace(".toml", "")
            })
            .collect();
        assert_eq!(ids.len(), 1, "{ids:?}");
        ids.remove(0)
    }
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn the_windows_build_agrees_with_the_linux_build_and_reads_its_files() {
    let exe = match windows_build() {
        Ok(exe) => exe,
        Err(why) => {
            eprintln!("skipped: {why}");
            return;
        }
    };
    let dir = tempfile::tempdir().unwrap();
    let both = Both {
        exe,
        linux: dir.path().join("linux"),
        windows: dir.path().join("windows"),
    };

    // The quick form, answered line by line with the same seed (the same option order).
    // About you first (Enter: prefer not to say), then the 14 answers.
    let answers = "\n4\n2\n3\n3\n1\n3\n3\n3\n3\n3\n4\n3\n2\n5\n";
    let take = ["take", "--plain", "--quick", "--seed", "7", "--label"];
    let on_linux = both.linux(&[&take[..], &["made on linux"]].concat(), answers);
    let on_windows = both.windows(&[&take[..], &["made on windows"]].concat(), answers);
    assert!(on_windows.contains("Saved as Z:\\"), "{on_windows}");
    assert_eq!(
        on_linux
            .lines()
            .filter(|l| l.contains("Overall"))
            .collect::<Vec<_>>(),
        on_windows
            .lines()
            .filter(|l| l.contains("Overall"))
            .collect::<Vec<_>>()
    );
    let lin_id = Both::only_result(&both.linux);
    let win_id = Both::only_result(&both.windows);

    // `score --answers` on a result file: the same JSON, byte for byte.
    let lin_file = both.linux.join(format!("results/{lin_id}.toml"));
    let score = |file: &str| ["score", "--answers", file, "--format", "json"].map(str::to_owned);
    let lin_args = score(&lin_file.display().to_string());
    let win_args = score(&z(&lin_file));
    let lin_json = both.linux(&lin_args.each_ref().map(String::as_str), "");
    let win_json = both.windows(&win_args.each_ref().map(String::as_str), "");
    assert_eq!(lin_json, win_json);

    // Each build's result copied into the other's folder: both now hold the same two files.
    std::fs::copy(
        &lin_file,
        both.windows.join(format!("results/{lin_id}.toml")),
    )
    .unwrap();
    std::fs::copy(
        both.windows.join(format!("results/{win_id}.toml")),
        both.linux.join(format!("results/{win_id}.toml")),
    )
    .unwrap();

    // History, compare and show agree, whichever build wrote the file.
    let history = ["history", "--format", "json"];
    assert_eq!(
        json(&both.linux(&history, "")),
        json(&both.windows(&history, ""))
    );
    let rows = json(&both.windows(&history, ""));
    assert_eq!(rows.as_array().unwrap().len(), 2, "{rows}");
    let compare = ["compare", &lin_id, &win_id, "--format", "json"];
    assert_eq!(both.linux(&compare, ""), both.windows(&compare, ""));
    for id in [&lin_id, &win_id] {
        let show = ["show", id.as_str(), "--format", "json"];
        assert_eq!(both.linux(&show, ""), both.windows(&show, ""));
    }

    // The HTML export: the same page from either build.
    let lin_html = dir.path().join("linux.html");
    let win_html = dir.path().join("windows.html");
    let export = |out: &str| ["export", &win_id, "--format", "html", "-o", out].map(str::to_owned);
    let lin_args = export(&lin_html.display().to_string());
    let win_args = export(&z(&win_html));
    both.linux(&lin_args.each_ref().map(String::as_str), "");
    both.windows(&win_args.each_ref().map(String::as_str), "");
    let page = std::fs::read_to_string(&win_html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"), "{}", &page[..80]);
    assert_eq!(page, std::fs::read_to_string(&lin_html).unwrap());
}
