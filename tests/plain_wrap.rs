//! Plain mode wraps to the width it is given (the terminal's, or 80 columns when stdout is not
//! a terminal): no line runs past the edge, every word is kept, and an option's continuation
//! lines sit under its text, clear of its key.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use rolefit::bank::Form;
use rolefit::plain::{Outcome, Plain, Width};
use rolefit::session::Session;
use rolefit::store::Store;
use unicode_width::UnicodeWidthStr;

/// Plain mode at `columns` over `input`; what it printed.
fn run(columns: u16, form: Form, input: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let bank = common::default_bank();
    let store = Store::open(dir.path()).unwrap();
    let texts = rolefit::assets::Texts::load();
    let mut plain = Plain {
        bank: &bank,
        store: &store,
        texts: &texts,
        input: std::io::Cursor::new(input.as_bytes().to_vec()),
        output: rolefit::sanitize::Writer::new(Vec::new()),
        width: Width::Columns(columns),
    };
    plain.intro().unwrap();
    let session = Session::start(
        &bank,
        form,
        Some(7),
        String::new(),
        common::tui::fixed_now(),
    )
    .unwrap();
    let outcome = plain
        .run(
            session,
            common::tui::fixed_now,
            &mut fastrand::Rng::with_seed(1),
        )
        .unwrap();
    assert_eq!(outcome, Outcome::Saved);
    String::from_utf8(plain.output.into_inner()).unwrap()
}

/// The lines as a person at a terminal sees them: their Enter ends the prompt's line, which
/// piped input does not echo.
fn seen(out: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    for line in out.lines() {
        let end = ["quit: ", "): "]
            .iter()
            .find_map(|p| line.find(p).map(|i| i + p.len()));
        match end {
            Some(i) => lines.extend([&line[..i], &line[i..]]),
            None => lines.push(line),
        }
    }
    lines
}

/// `text` wrapped after `lead` the way a reader expects: later lines indented under the text.
fn block(lead: &str, text: &str, columns: usize) -> String {
    let indent = " ".repeat(lead.width());
    textwrap::wrap(text, columns - lead.width())
        .iter()
        .enumerate()
        .map(|(i, l)| format!("{}{l}", if i == 0 { lead } else { &indent }))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn questions_options_and_prompts_wrap_to_the_width_with_options_indented_under_their_text() {
    let bank = common::default_bank();
    // Every question of the full form, each skipped, then quit: each is printed once.
    let input = format!("{}q\n", "s\n".repeat(bank.questions.len() - 1));
    for columns in [40, 60] {
        let out = run(columns, Form::Full, &input);
        for line in seen(&out) {
            assert!(
                line.width() <= usize::from(columns) + 1,
                "{columns}: {line:?}"
            );
        }
        let mut wrapped_options = 0;
        for q in &bank.questions {
            assert!(
                out.contains(&block("", &q.text, columns.into())),
                "{}",
                q.id
            );
            let shown = rolefit::answers::Shown::in_bank_order(q);
            for i in 0..shown.len() {
                // Scenario options are shown in an order drawn per assessment: find the
                // option's text, not its letter.
                let label = shown.label(i);
                let found = (0..shown.len()).any(|k| {
                    out.contains(&block(
                        &format!("  {}) ", shown.key(k)),
                        label,
                        columns.into(),
                    ))
                });
                assert!(found, "{columns}: {} option {i}: {label}", q.id);
                if label.width() + 5 > usize::from(columns) {
                    wrapped_options += 1;
                }
            }
            if let Some((a, b)) = rolefit::answers::pair_sides(q) {
                assert!(out.contains(&block("  A: ", a, columns.into())), "{}", q.id);
                assert!(out.contains(&block("  B: ", b, columns.into())), "{}", q.id);
            }
        }
        assert!(wrapped_options > 0, "{columns}: no option needed wrapping");
        // The prompt keeps its space before the answer.
        assert!(out.contains("q quit: "), "{out}");
    }
}

#[test]
fn piped_output_wraps_at_80_columns() {
    let data = tempfile::tempdir().unwrap();
    let out = common::cli(data.path())
        .args(["take", "--plain", "--quick", "--seed", "3"])
        .write_stdin("\nx\n3\n4\n<\nq\n")
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let text = String::from_utf8_lossy(&out.stdout);
    for line in seen(&text) {
        assert!(line.width() <= 81, "{line:?}");
    }
    // The intro's long paragraph and the retry message both needed a break.
    let texts = rolefit::assets::Texts::load();
    assert!(texts.plain_keys.width() > 80);
    assert!(text.contains(&block("", &texts.plain_keys, 80)), "{text}");
    assert!(text.contains("Please type"), "{text}");
}
