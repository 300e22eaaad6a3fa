//! `rolefit export --format team-card` and `rolefit team` as a person runs them: cards written
//! privately and atomically, read back whole; anonymous output with no name anywhere; hostile
//! cards refused or shown escaped while the rest of the team still shows.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::{assert_exit, cli, default_bank, people};
use rolefit::team::Card;

const FORMATS: [&str; 4] = ["text", "json", "md", "html"];

fn write_card(
    dir: &Path,
    file: &str,
    name: &str,
    who: fn(&rolefit::bank::Bank) -> rolefit::store::ResultFile,
) {
    let b = default_bank();
    let mut r = who(&b);
    r.taken_at = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * 30);
    std::fs::write(dir.join(file), Card::of(&r, &b, Some(name), true).to_json()).unwrap();
}

fn team(data: &Path, args: &[&str]) -> std::process::Output {
    cli(data).arg("team").args(args).output().unwrap()
}

#[test]
fn export_writes_a_private_card_that_team_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = rolefit::store::Store::open(dir.path()).unwrap();
    let b = default_bank();
    let mut r = common::results::saved(
        &store,
        &b,
        people::principal_answers(&b),
        "before the course",
        "2026-11-01T09:00:00Z",
    );
    r = r.rescored(&b);
    let card = dir.path().join("me.json");
    let out = cli(dir.path())
        .args(["export", &r.id, "--format", "team-card", "-o"])
        .arg(&card)
        .args(["--name", "Sam"])
        .output()
        .unwrap();
    assert_exit(&out, 0);
    assert!(String::from_utf8_lossy(&out.stderr).contains("none of your answers"));
    // Windows keeps it private by the profile's default ACL (README, "On Windows and macOS").
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&card).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let text = std::fs::read_to_string(&card).unwrap();
    assert!(
        !text.contains("answers") && text.contains("\"name\": \"Sam\""),
        "{text}"
    );
    // Exactly the result's scores, read back by the team view.
    let other = dir.path().join("other.json");
    write_card(dir.path(), "other.json", "Maya", people::developer);
    let out = team(
        dir.path(),
        &[
            card.to_str().unwrap(),
            other.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_exit(&out, 0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["members"][0]["name"], "Sam");
    assert_eq!(v["members"][0]["overall"].as_f64(), r.scores.overall);
    assert_eq!(
        v["members"][0]["dimensions"]["scope"]["practice"].as_f64(),
        r.scores.dimensions["scope"].practice
    );
    // The default name is the label; --no-context leaves the context out.
    let out = cli(dir.path())
        .args(["export", &r.id, "--format", "team-card", "--no-context"])
        .output()
        .unwrap();
    assert_exit(&out, 0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["name"], "before the course");
    assert!(v.get("context").is_none());
    let out = cli(dir.path())
        .args(["export", &r.id, "--format", "md", "--name", "x"])
        .output()
        .unwrap();
    assert_exit(&out, 2);
}

#[test]
fn anonymous_leaves_no_name_in_any_format() {
    let dir = tempfile::tempdir().unwrap();
    let cards = dir.path().join("cards");
    std::fs::create_dir(&cards).unwrap();
    write_card(&cards, "1.json", "Zelda Quux", people::principal);
    write_card(&cards, "2.json", "Yorick Vane", people::developer);
    write_card(&cards, "3.json", "Yorick Vane", people::hybrid);
    // A refused card whose file is named after its owner: its path is left out too.
    std::fs::write(cards.join("zelda-old.json"), "{not json").unwrap();
    for f in FORMATS {
        let out = team(
            dir.path(),
            &[cards.to_str().unwrap(), "--anonymous", "--format", f],
        );
        assert_exit(&out, 0);
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
        .to_lowercase();
        for name in ["zelda", "quux", "yorick", "vane"] {
            assert!(!all.contains(name), "{f}: {name} in {all}");
        }
        assert!(
            all.contains("not read") || all.contains("refused"),
            "{f}: {all}"
        );
    }
}

#[cfg(unix)]
#[test]
fn hostile_cards_are_refused_or_escaped_and_the_rest_still_show() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("cards");
    std::fs::create_dir(&c).unwrap();
    write_card(&c, "a-good.json", "Maya", people::developer);
    write_card(
        &c,
        "b-esc.json",
        "Sam\u{1b}]0;owned\u{7}",
        people::principal,
    );
    write_card(&c, "c-bidi.json", "Lee\u{202e}evil", people::hybrid);
    write_card(
        &c,
        "d-markup.json",
        "<script>alert(1)</script> **[x](http://e.vil)**",
        people::hybrid,
    );
    let good = std::fs::read_to_string(c.join("a-good.json")).unwrap();
    let range = good.replacen("\"margin\":", "\"margin\": 250.0, \"was\":", 1);
    std::fs::write(c.join("e-range.json"), range).unwrap();
    let nan = good.replacen(
        "\"overall\": {\n    \"combined\": ",
        "\"overall\": {\n    \"combined\": NaN, \"x\": ",
        1,
    );
    std::fs::write(c.join("f-nan.json"), nan).unwrap();
    let mut big = good.clone().into_bytes();
    big.resize((4 << 20) + 1, b' ');
    std::fs::write(c.join("g-big.json"), big).unwrap();
    assert!(
        std::process::Command::new("mkfifo")
            .arg(c.join("h-fifo.json"))
            .status()
            .unwrap()
            .success()
    );
    std::os::unix::fs::symlink(c.join("a-good.json"), c.join("i-link.json")).unwrap();
    for f in FORMATS {
        let out = team(dir.path(), &[c.to_str().unwrap(), "--format", f]);
        assert_exit(&out, 0);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{202e}') && !text.contains('\u{7}'),
            "{f}"
        );
        assert!(text.contains("Maya"), "{f}");
        if f == "json" {
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(v["members"].as_array().unwrap().len(), 4);
            assert_eq!(
                v["members"][2]["name"], "Lee\u{202e}evil",
                "JSON keeps the name exact"
            );
            let reasons: Vec<String> = v["refused"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["reason"].as_str().unwrap().to_owned())
                .collect();
            assert_eq!(reasons.len(), 5, "{reasons:?}");
            for want in [
                "outside what rolefit computes",
                "not JSON",
                "over the 4 MiB",
                "named pipe",
                "symbolic link",
            ] {
                assert!(
                    reasons.iter().any(|r| r.contains(want)),
                    "{want}: {reasons:?}"
                );
            }
        } else {
            // Markdown backslash-escapes the backslash and the bracket, which render as these.
            let (esc, bidi) = if f == "md" {
                ("Sam\\\\u{1b}\\]0;owned\\\\u{7}", "Lee\\\\u{202e}evil")
            } else {
                ("Sam\\u{1b}]0;owned\\u{7}", "Lee\\u{202e}evil")
            };
            assert!(text.contains(esc) && text.contains(bidi), "{f}: {text}");
            for file in ["e-range", "f-nan", "g-big", "h-fifo", "i-link"] {
                assert!(text.contains(file), "{f}: {file} not named");
            }
        }
        if f == "html" || f == "md" {
            assert!(!text.contains("<script>"), "{f}");
            // Plain text in HTML; in Markdown it would be a link.
            assert!(
                f == "html" || !text.contains("[x](http"),
                "{f}: a live link"
            );
        }
    }
}

#[test]
fn no_readable_card_is_an_error_that_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{}").unwrap();
    let out = team(dir.path(), &[bad.to_str().unwrap(), "--format", "text"]);
    assert_exit(&out, 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not a rolefit team card") && err.contains("team-card"),
        "{err}"
    );
}
