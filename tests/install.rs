//! Installed like a command-line tool: completions, the man page, help with examples, versions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use clap::CommandFactory;

fn rolefit() -> Command {
    Command::cargo_bin("rolefit").unwrap()
}

fn subcommands() -> Vec<String> {
    rolefit::cli::Cli::command()
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect()
}

#[test]
fn every_completion_script_mentions_every_subcommand() {
    let subs = subcommands();
    assert!(subs.len() >= 11, "{subs:?}");
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = rolefit().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        for sub in &subs {
            assert!(script.contains(sub.as_str()), "{shell} lacks {sub}");
        }
        // Nested subcommands and value choices too.
        for word in ["validate", "quick", "format", "due"] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    let bad = rolefit().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[cfg(unix)] // bash: Unix only
#[test]
fn bash_accepts_its_completion_script() {
    let out = rolefit().args(["completions", "bash"]).output().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rolefit.bash");
    std::fs::write(&file, &out.stdout).unwrap();
    let status = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!("source {} && complete -p rolefit", file.display()))
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
}

#[cfg(unix)] // man: Unix only
#[test]
fn the_man_page_renders_with_man_and_covers_every_subcommand() {
    let out = rolefit().arg("man").output().unwrap();
    assert!(out.status.success());
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("rolefit.1");
    std::fs::write(&page, &out.stdout).unwrap();
    let rendered = std::process::Command::new("man")
        .arg("-l")
        .arg(&page)
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("MANWIDTH", "100")
        .output()
        .expect("man is installed (.ci/run installs man-db)");
    assert!(rendered.status.success());
    let text = String::from_utf8_lossy(&rendered.stdout).replace(['\u{8}'], "");
    assert!(text.contains("NAME") && text.contains("SYNOPSIS"), "{text}");
    for sub in subcommands().iter().filter(|s| *s != "help") {
        assert!(
            text.contains(&format!("ROLEFIT {}", sub.to_uppercase())),
            "no section for {sub}"
        );
    }
    assert!(
        String::from_utf8_lossy(&rendered.stderr).trim().is_empty(),
        "man warned: {}",
        String::from_utf8_lossy(&rendered.stderr)
    );
}

#[test]
fn every_subcommand_help_has_an_example_and_typos_get_suggestions() {
    for sub in subcommands().iter().filter(|s| *s != "help") {
        let out = rolefit().args([sub.as_str(), "--help"]).output().unwrap();
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(help.contains("Example:\n  rolefit"), "{sub}: {help}");
    }
    let out = rolefit().arg("histroy").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("'history'"));
    let out = rolefit().args(["take", "--quik"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("'--quick'"));
}

#[test]
fn version_names_the_bank_and_the_scoring_model() {
    let out = rolefit().arg("--version").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let bank = rolefit::bank::load_default().unwrap();
    assert!(
        text.contains(&format!("question bank {}", bank.version)),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "scoring model {}",
            rolefit::scoring::MODEL_VERSION
        )),
        "{text}"
    );
}

/// Each shared library is mapped into every run (libm.so alone is about 250 KB resident), so the
/// binary links only what it cannot do without: no libm (BENCHMARKS.md, issue 16).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_binary_links_no_libm() {
    let bin = assert_cmd::cargo::cargo_bin("rolefit");
    let Ok(out) = std::process::Command::new("ldd").arg(&bin).output() else {
        return; // no ldd on this machine: nothing to check with
    };
    let libs = String::from_utf8_lossy(&out.stdout);
    assert!(libs.contains("libc.so"), "ldd did not list libc: {libs}");
    assert!(!libs.contains("libm.so"), "{libs}");
}
