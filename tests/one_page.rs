//! One page in every front end (issue 23): plain mode ends with the page `show --format text`
//! prints, a pair answer keeps the statement it chose wherever it is described, and the
//! documents (text, Markdown, HTML) show what their legends promise, say each paragraph once
//! and name commands, never screen keys.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::people;
use common::results::result;
use rolefit::answers::{Answer, Answers, Shown, chosen_statement, describe_answer, pair_sides};
use rolefit::assets::Texts;
use rolefit::bank::{Form, Kind};
use rolefit::plain::wrap_page;
use rolefit::report::hint::{Medium, screen_words, worded};
use rolefit::report::page::{Block, sections};
use rolefit::report::{
    Summary, html_report, markdown_report, md_text, result_text, result_text_within, summarise,
};
use rolefit::store::ResultFile;

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn plain_mode_ends_with_the_page_show_prints() {
    let data = tempfile::tempdir().unwrap();
    // The About-you page, then every question of the quick form answered.
    let input = format!("\n{}", "4\n".repeat(14));
    let out = common::cli(data.path())
        .args(["take", "--plain", "--quick", "--label", "plain run"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let plain = stdout(&out);
    let shown = common::cli(data.path())
        .args(["show", "latest", "--format", "text"])
        .output()
        .unwrap();
    assert_eq!(shown.status.code(), Some(0));
    let page = stdout(&shown);
    // Piped, plain mode is 80 columns wide: the same page, wrapped the same way.
    let wrapped = wrap_page(&page, 80);
    let at = plain
        .find(&wrapped)
        .unwrap_or_else(|| panic!("plain mode's end:\n{plain}\n\nthe page, wrapped:\n{wrapped}"));
    // What plain mode says around the page stays: where it was saved, after it.
    assert!(plain[at + wrapped.len()..].contains("Saved as "), "{plain}");
    // The page's parts the old summary lacked: the archetype by name, the quick-form caveat,
    // margins on each lens, steps and paths.
    for part in [
        "A quick-form result",
        "Enjoy ◆",
        "Next steps",
        "Career paths that fit",
        "When to take it again",
    ] {
        assert!(wrapped.contains(part), "{part}:\n{wrapped}");
    }
    assert!(
        !plain.contains("Overall: "),
        "the old summary is gone:\n{plain}"
    );
}

/// Wrapping cuts nothing: every character of the page, in order, at any width, and every line
/// fits from 60 columns up (charts are drawn to fit).
#[test]
fn the_wrapped_page_keeps_every_word_and_fits() {
    let bank = common::default_bank();
    let texts = Texts::load();
    for (name, r) in people::four(&bank) {
        let s = summarise(&bank, &r, &texts);
        // Wider than any line (a consistency note quoting two statements runs past 400): unchanged.
        assert_eq!(wrap_page(&result_text(&s), 2000), result_text(&s), "{name}");
        for cols in [40u16, 60, 80, 120] {
            let text = result_text_within(&s, usize::from(cols));
            let wrapped = wrap_page(&text, cols);
            let ink = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            assert_eq!(ink(&wrapped), ink(&text), "{name} at {cols}");
            if cols >= 60 {
                for l in wrapped.lines() {
                    assert!(
                        unicode_width::UnicodeWidthStr::width(l) <= usize::from(cols),
                        "{name} at {cols}: {l}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_pair_answer_is_described_with_the_statement_it_chose() {
    let bank = common::default_bank();
    let texts = Texts::load();
    let pairs: Vec<_> = bank
        .questions
        .iter()
        .filter(|q| matches!(q.kind, Kind::Pair { .. }))
        .collect();
    assert!(pairs.len() >= 4);
    for q in pairs {
        let (a, b) = pair_sides(q).unwrap();
        for n in 1..=5u8 {
            let answer = Answer::Scale(n);
            let chosen = match n {
                1 | 2 => Some(a),
                4 | 5 => Some(b),
                _ => None,
            };
            assert_eq!(chosen_statement(q, n), chosen);
            // Review's rows and plain mode's prompt (as shown), and every report.
            for described in [
                describe_answer(q, &answer),
                Shown::in_bank_order(q).describe(&answer),
            ] {
                match chosen {
                    Some(c) => assert!(described.contains(c), "{}: {described}", q.id),
                    None => {
                        assert_eq!(described, "3 · Both equally", "{}", q.id);
                    }
                }
            }
            // Why, on the page model and in the Markdown and text: a result with only this
            // answer, which is then the answer that pulled hardest.
            let answers: Answers = [(q.id.clone(), answer.clone())].into_iter().collect();
            let s = summarise(&bank, &result(&bank, Form::Full, answers, ""), &texts);
            let page = sections(&s);
            let quoted: Vec<&str> = page
                .iter()
                .flat_map(|sec| sec.blocks.iter())
                .filter_map(|b| match b {
                    Block::Quote { answer, .. } => Some(answer.as_str()),
                    _ => None,
                })
                .collect();
            let Some(c) = chosen else {
                assert!(quoted.is_empty(), "{quoted:?}");
                continue;
            };
            assert_eq!(quoted.len(), 1, "{}", q.id);
            assert!(quoted[0].contains(c), "{}: {}", q.id, quoted[0]);
            assert!(markdown_report(&s).contains(&md_text(c)), "{}", q.id);
            assert!(result_text(&s).contains(c), "{}", q.id);
        }
    }
}

/// The four people, a result with few answers (not placed) and one with every answer in the
/// middle (no steps, and a sentence saying why).
fn shapes() -> Vec<(String, Summary)> {
    let bank = common::default_bank();
    let texts = Texts::load();
    let mut out: Vec<(String, ResultFile)> = people::four(&bank)
        .into_iter()
        .map(|(n, r)| (n.to_owned(), r))
        .collect();
    let few: Answers = bank
        .questions
        .iter()
        .take(3)
        .map(|q| (q.id.clone(), people::neutral(q)))
        .collect();
    out.push(("few".into(), result(&bank, Form::Full, few, "")));
    let middle: Answers = bank
        .questions
        .iter()
        .filter(|q| !matches!(q.kind, Kind::Choice { .. }))
        .map(|q| (q.id.clone(), Answer::Scale(3)))
        .collect();
    out.push(("middle".into(), result(&bank, Form::Full, middle, "")));
    out.into_iter()
        .map(|(n, r)| (n, summarise(&bank, &r, &texts)))
        .collect()
}

/// Each paragraph of a document: text lines that are sentences, Markdown's lines, HTML's <p>.
fn paragraphs(kind: &str, doc: &str) -> Vec<String> {
    let sentence = |l: &str| l.trim().len() > 30 && l.trim_end().ends_with(['.', ')']);
    match kind {
        "html" => doc
            .split("<p>")
            .skip(1)
            .filter_map(|p| p.split("</p>").next())
            .map(str::to_owned)
            .collect(),
        _ => doc
            .lines()
            .filter(|l| sentence(l) && !l.starts_with('|'))
            .map(str::to_owned)
            .collect(),
    }
}

fn documents(s: &Summary) -> [(&'static str, String); 3] {
    [
        ("text", result_text(s)),
        ("md", markdown_report(s)),
        ("html", html_report(s)),
    ]
}

#[test]
fn no_paragraph_of_the_page_is_said_twice() {
    for (name, s) in shapes() {
        // The one sentence said per dimension, under that dimension's heading: two dimensions
        // with the same numbers read the same, each under its own title.
        let per_dimension: Vec<&String> = s.dims.iter().filter_map(|d| d.gap.as_ref()).collect();
        for (kind, doc) in documents(&s) {
            let ps = paragraphs(kind, &doc);
            assert!(!ps.is_empty(), "{name} {kind}");
            for (i, p) in ps.iter().enumerate() {
                let own = per_dimension.iter().any(|g| p.contains(g.as_str()));
                assert!(own || !ps[..i].contains(p), "{name} {kind} says twice: {p}");
            }
        }
        // The archetype's summary is said once, where the page begins.
        if let Some(a) = &s.archetype {
            assert_eq!(result_text(&s).matches(&a.summary).count(), 1, "{name}");
        }
    }
}

#[test]
fn documents_name_commands_where_the_screen_names_keys() {
    let texts = Texts::load();
    let mut keys: Vec<&str> = screen_words(&texts.guidance.retake);
    assert!(!keys.is_empty());
    // The key hints rolefit's screens use, as a person would spot them in a document.
    keys.extend(["c on History", "g on the result screen", "5 Why", "press "]);
    let mut no_steps = false;
    for (name, s) in shapes() {
        for (kind, doc) in documents(&s) {
            for k in &keys {
                assert!(!doc.contains(k), "{name} {kind} names the key {k:?}");
            }
            assert!(doc.contains("rolefit compare"), "{name} {kind}");
        }
        // The screen keeps its keys.
        let screen: Vec<String> = sections(&s)
            .iter()
            .flat_map(|sec| sec.blocks.clone())
            .filter_map(|b| match b {
                Block::Para(t) => Some(t),
                _ => None,
            })
            .collect();
        assert!(screen.iter().any(|t| t.contains("c on History")), "{name}");
        if let Some(n) = &s.no_steps {
            no_steps = true;
            assert!(n.contains("g on the result screen"), "{n}");
            assert!(
                s.in_document
                    .no_steps
                    .as_ref()
                    .unwrap()
                    .contains("`rolefit goals add`")
            );
        }
    }
    assert!(no_steps, "a shape without steps");
    assert_eq!(
        worded(&texts.guidance.retake, Medium::Document),
        shapes()[0].1.in_document.retake
    );
}

#[test]
fn the_markdown_table_shows_the_marks_its_legend_promises() {
    for (name, s) in shapes().into_iter().take(4) {
        let md = markdown_report(&s);
        let legend = md
            .lines()
            .position(|l| l.contains("◆ what you enjoy, ● what you do today"))
            .unwrap_or_else(|| panic!("{name}: a legend"));
        let rows: Vec<&str> = md
            .lines()
            .skip(legend + 1)
            .skip_while(|l| !l.starts_with('|'))
            .take_while(|l| l.starts_with('|'))
            .skip(2)
            .collect();
        assert_eq!(rows.len(), s.dims.len(), "{name}:\n{md}");
        for (row, d) in rows.iter().zip(&s.dims) {
            for (mark, score) in [("◆", d.preference), ("●", d.practice)] {
                assert_eq!(row.contains(mark), score.is_some(), "{name}: {row}");
            }
        }
    }
}

/// A goal on one lens is named by the page's own name for it, in its next step and in
/// Compare: "what you do today", never the lens's id ("practice").
#[test]
fn a_goal_names_its_lens_as_the_page_does() {
    use rolefit::bank::Lens;
    use rolefit::compare::GoalMove;
    use rolefit::goals::GoalStatus;
    for (lens, name) in [
        (Lens::Practice, "(what you do today)"),
        (Lens::Preference, "(what you enjoy)"),
    ] {
        let text = rolefit::report::goal_move_text(&GoalMove {
            id: 1,
            lens: Some(lens),
            target: 50.0,
            before_pct: Some(40.0),
            after_pct: Some(75.0),
            status: GoalStatus::OnTrack,
            after_answered: 4,
        });
        assert!(text.starts_with(&format!("goal #1 {name}:")), "{text}");
        assert!(!text.contains(lens.as_str()), "{text}");
    }
}
