//! Plain mode without traps (a stray key at the resume prompt, TUI keys in its intro, letters
//! refused), and the commands: lens words, dimension ids in help, the order of a comparison, no
//! folder made by reading, labels refused rather than cut, History's columns and charts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::assert_exit;
use rolefit::bank::{Form, Kind, Lens, Pole};
use rolefit::store::Store;

use common::cli as rolefit;

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn the_resume_prompt_asks_again_on_anything_but_yes_or_no() {
    let data = tempfile::tempdir().unwrap();
    let out = rolefit(data.path())
        .args(["take", "--plain", "--quick"])
        .write_stdin("\n3\n4\nq\n")
        .output()
        .unwrap();
    assert_exit(&out, 0);
    // "x" and "5" used to mean "no": start over, and overwrite the two answers.
    let out = rolefit(data.path())
        .args(["take", "--plain", "--quick"])
        .write_stdin("x\n5\ny\nq\n")
        .output()
        .unwrap();
    assert_exit(&out, 0);
    let text = stdout(&out);
    assert_eq!(
        text.matches("Please type y (yes) or n (no).").count(),
        2,
        "{text}"
    );
    assert!(text.contains("[3/14]"), "resumed where it was: {text}");
    let saved = Store::open(data.path())
        .unwrap()
        .load_in_progress()
        .unwrap()
        .unwrap();
    assert_eq!(saved.assessment.progress().answered, 2);
    // An explicit no starts over.
    let out = rolefit(data.path())
        .args(["take", "--plain", "--quick"])
        .write_stdin("n\n\nq\n")
        .output()
        .unwrap();
    assert!(stdout(&out).contains("[1/14]"));
}

#[test]
fn plain_mode_has_its_own_instructions_and_takes_letters() {
    let data = tempfile::tempdir().unwrap();
    let bank = common::default_bank();
    let seed = 9;
    let s = common::seeded_session(&bank, Form::Quick, seed);
    let a = s.assessment();
    // Scenarios answered by letter (b), the rest by number (3); one `b` on a statement first.
    let mut input = String::new();
    let mut want = rolefit::answers::Answers::new();
    for (i, id) in a.order().iter().enumerate() {
        let q = bank.question(id).unwrap();
        let shown = a.shown(q);
        if matches!(q.kind, Kind::Choice { .. }) {
            input.push_str("b\n");
            want.insert(id.clone(), shown.by_key('b').unwrap());
        } else {
            if i == 0 {
                input.push_str("b\n");
            }
            input.push_str("3\n");
            want.insert(id.clone(), shown.answer(2).unwrap());
        }
    }
    let out = rolefit(data.path())
        .args(["take", "--plain", "--quick", "--seed", &seed.to_string()])
        .write_stdin(format!("\n{input}"))
        .output()
        .unwrap();
    assert_exit(&out, 0);
    let text = stdout(&out);
    for tui_key in ["←", "→", "r to review", "? for help"] {
        assert!(
            !text.contains(tui_key),
            "plain mode has no {tui_key}: {text}"
        );
    }
    // Plain mode wraps to 80 columns here: phrases are found whatever the line breaks.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Type < to go back a question"), "{text}");
    assert!(
        flat.contains("(to go back a question, type <)"),
        "b on a statement is not back: {text}"
    );
    assert!(
        text.contains("  a) "),
        "scenario options are lettered: {text}"
    );
    assert!(flat.contains("Answer a-d (or 1-4)"), "{text}");
    assert!(flat.contains("s doesn't apply to me / skip"), "{text}");
    let store = Store::open(data.path()).unwrap();
    let result = store.find_result("latest").unwrap();
    assert_eq!(result.answers, want);
}

#[test]
fn goals_add_help_names_the_dimension_ids_and_lens_words_work() {
    let data = tempfile::tempdir().unwrap();
    let out = rolefit(data.path())
        .args(["goals", "add", "--help"])
        .output()
        .unwrap();
    let help = stdout(&out);
    for d in &common::default_bank().dimensions {
        assert!(help.contains(&d.id), "{} missing from:\n{help}", d.id);
    }
    assert!(help.contains("enjoy") && help.contains("`do`"), "{help}");
    let store = Store::open(data.path()).unwrap();
    let bank = common::default_bank();
    common::results::saved(
        &store,
        &bank,
        common::results::leaning(&bank, Form::Full, Pole::Developer, 3),
        "",
        "2026-05-01T09:00:00Z",
    );
    for (word, lens) in [("enjoy", Lens::Preference), ("do", Lens::Practice)] {
        let out = rolefit(data.path())
            .args(["goals", "add", "--dimension", "scope", "--target", "40"])
            .args(["--lens", word])
            .output()
            .unwrap();
        assert_exit(&out, 0);
        let goals = store.load_goals().unwrap().goals;
        assert_eq!(goals.last().unwrap().lens, Some(lens));
    }
}

#[test]
fn compare_named_newest_first_says_it_swapped_them() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let bank = common::default_bank();
    let old = common::results::saved(
        &store,
        &bank,
        common::results::leaning(&bank, Form::Full, Pole::Developer, 3),
        "old",
        "2026-05-01T09:00:00Z",
    );
    common::results::saved(
        &store,
        &bank,
        common::results::leaning(&bank, Form::Full, Pole::Engineer, 3),
        "new",
        "2026-06-01T09:00:00Z",
    );
    let out = rolefit(data.path())
        .args(["compare", "latest", "first", "--format", "json"])
        .output()
        .unwrap();
    assert_exit(&out, 0);
    assert!(
        stderr(&out).contains(
            "`latest` is newer than `first`, so it is compared as “after” (the order was swapped)"
        ),
        "{}",
        stderr(&out)
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["before"]["id"], old.id);
    // In the given order, nothing is said.
    let out = rolefit(data.path())
        .args(["compare", "first", "latest", "--format", "json"])
        .output()
        .unwrap();
    assert!(!stderr(&out).contains("swapped"));
}

#[test]
fn commands_that_only_read_create_no_data_folder() {
    let parent = tempfile::tempdir().unwrap();
    let data = parent.path().join("never-made");
    for args in [
        &["info"][..],
        &["show", "--format", "text"],
        &["history", "--format", "text"],
        &["history", "--format", "json"],
        &["compare", "--format", "text"],
        &["goals", "list"],
        &["export", "--format", "md"],
    ] {
        let out = rolefit(&data).args(args).output().unwrap();
        assert!(
            matches!(out.status.code(), Some(0 | 2)),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(!data.exists(), "{args:?} created the data folder");
    }
}

#[test]
fn a_label_longer_than_the_limit_is_refused_not_cut() {
    let data = tempfile::tempdir().unwrap();
    let long = "x".repeat(rolefit::session::MAX_LABEL_CHARS + 1);
    let out = rolefit(data.path())
        .args(["take", "--plain", "--quick", "--label", &long])
        .write_stdin("\nq\n")
        .output()
        .unwrap();
    assert_exit(&out, 2);
    assert!(
        stderr(&out).contains("a label is at most 80 characters (this one has 81)"),
        "{}",
        stderr(&out)
    );
    let exact = "é".repeat(rolefit::session::MAX_LABEL_CHARS);
    assert_eq!(
        rolefit::session::check_label(&format!("  {exact} ")),
        Ok(exact)
    );
}

#[test]
fn history_text_headers_sit_over_their_values() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let bank = common::default_bank();
    let mut few = rolefit::answers::Answers::new();
    for q in bank.questions.iter().take(2) {
        few.insert(q.id.clone(), common::extreme(q, Pole::Engineer));
    }
    common::results::saved(&store, &bank, few, "日本語のラベル", "2026-05-01T09:00:00Z");
    common::results::saved(
        &store,
        &bank,
        common::results::leaning(&bank, Form::Full, Pole::Engineer, 3),
        "ünïcödé ±",
        "2026-06-01T09:00:00Z",
    );
    let out = rolefit(data.path())
        .args(["history", "--format", "text"])
        .output()
        .unwrap();
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.starts_with("taken (UTC)"))
        .unwrap();
    let col = |line: &str, at: &str| {
        use unicode_width::UnicodeWidthStr;
        let i = line.find(at).unwrap();
        line[..i].width()
    };
    for row in &lines[header + 1..header + 3] {
        assert_eq!(col(lines[header], "form"), col(row, "full"), "{text}");
        // The id is the second "2026" of a row (after the date).
        assert_eq!(col(lines[header], "id"), col(row, "20260"), "{text}");
        assert_eq!(
            col(lines[header], "label"),
            col(
                row,
                if row.contains("日本") {
                    "日本"
                } else {
                    "ünï"
                }
            ),
            "{text}"
        );
        // "overall" is right-aligned: it ends where the scores end.
        let end = |l: &str, at: &str| col(l, at) + unicode_width::UnicodeWidthStr::width(at);
        let score = row
            .split("  ")
            .map(str::trim)
            .find(|c| c.starts_with('+'))
            .unwrap();
        assert_eq!(end(lines[header], "overall"), end(row, score), "{text}");
    }
    assert!(text.contains("* too few answers for a margin"), "{text}");
}

#[test]
fn every_result_draws_in_the_sparkline_and_small_scores_draw_a_bar() {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    let mut buf = Buffer::empty(Rect::new(0, 0, 3, 3));
    rolefit::tui::screens::history::spark_columns(
        &[2.2, 65.8, -100.0],
        Rect::new(0, 0, 3, 3),
        &mut buf,
        ratatui::style::Style::new(),
        ratatui::style::Style::new(),
    );
    for x in 0..3 {
        assert!(
            (0..3).any(|y| buf[(x, y)].symbol() != " "),
            "column {x} is blank"
        );
    }
    assert_eq!(buf[(2, 2)].symbol(), "▁", "-100 draws its lowest eighth");
    // 0 sits in the middle row: a developer-side score stops under it, and the zero line shows
    // above its bar; an engineer-side one fills past it.
    assert_eq!(
        buf[(2, 1)].symbol(),
        "┄",
        "-100 is seen under the zero line"
    );
    assert_ne!(buf[(1, 1)].symbol(), "┄", "+65.8 rises past zero");
    assert!(buf[(1, 0)].symbol() != " ", "+65.8 reaches the top row");
    let bar = rolefit::report::text_bar(2.2, 21);
    assert!(bar.contains('█'), "+2.2 is not 0: {bar}");
    assert!(rolefit::report::text_bar(-2.2, 21).contains('█'));
    assert!(!rolefit::report::text_bar(0.0, 21).contains('█'));
}

/// An unfinished assessment that cannot be resumed (an answer names no option of its question)
/// says which file, why, and the two ways on: start afresh (a copy is kept) or correct it.
#[test]
fn an_assessment_that_cannot_be_resumed_names_its_file_and_the_way_on() {
    let data = tempfile::tempdir().unwrap();
    let out = common::cli(data.path())
        .args(["take", "--plain", "--quick", "--seed", "1"])
        .write_stdin("\n3\nq\n")
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let path = data.path().join("in-progress.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let (id, _) = text
        .split("[assessment.answers]\n")
        .nth(1)
        .and_then(|rest| rest.lines().next())
        .and_then(|line| line.split_once(" = "))
        .unwrap();
    let choice = common::default_bank()
        .questions
        .iter()
        .find(|q| q.quick && matches!(q.kind, rolefit::bank::Kind::Choice { .. }) && q.id != id)
        .unwrap()
        .id
        .clone();
    std::fs::write(
        &path,
        text.replace(
            "[assessment.answers]\n",
            &format!("[assessment.answers]\n{choice} = [\"a\", \"z\"]\n"),
        ),
    )
    .unwrap();
    let out = common::cli(data.path())
        .args(["take", "--plain"])
        .write_stdin("y\n")
        .output()
        .unwrap();
    common::assert_exit(&out, 2);
    let err = String::from_utf8(out.stderr).unwrap();
    for said in [
        path.display().to_string(),
        format!("`{choice}`"),
        "option \"z\"".to_owned(),
        "answer n to start afresh".to_owned(),
        "correct the file by hand".to_owned(),
    ] {
        assert!(err.contains(&said), "{said} not in {err}");
    }
}
