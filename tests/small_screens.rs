//! Nothing that carries meaning is cut: at 60x16 (the smallest size the app draws), 100x30 and
//! 200x60, text wraps, and what does not fit scrolls with a visible "more" hint. Also: the key
//! hints name the keys the question on screen takes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::tui::{app, drive, render};
use rolefit::bank::Form;
use rolefit::tui::action::Action::*;
use rolefit::tui::{App, Start};

const SIZES: [(u16, u16); 3] = [(60, 16), (100, 30), (200, 60)];

/// The screen as text, one line per row, trailing spaces dropped.
fn screen(app: &App, w: u16, h: u16) -> String {
    let t = render(app, w, h);
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| {
            let row: String = (0..w).map(|x| buf[(x, y)].symbol()).collect();
            row.trim_end().to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The words of `text`, for finding a paragraph however it was wrapped.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_owned).collect()
}

/// Every word of `para` appears, in order, in what was seen (wrapping may split it over rows).
fn shows_whole(seen: &str, para: &str) -> bool {
    let seen = words(seen);
    let want = words(para);
    seen.windows(want.len()).any(|w| w == want.as_slice())
}

#[test]
fn the_intro_scrolls_to_its_last_paragraph_at_the_smallest_size_and_never_cuts() {
    let dir = tempfile::tempdir().unwrap();
    for form in [Form::Full, Form::Adaptive] {
        let mut a = app(dir.path(), Start::Home);
        a.screen = rolefit::tui::app::Screen::intro(form);
        let texts = rolefit::assets::Texts::load();
        let last = texts.intro_keys.clone();
        for (w, h) in SIZES {
            let first = screen(&a, w, h);
            assert!(!first.contains('…'), "{w}x{h}:\n{first}");
            if (w, h) == (60, 16) {
                assert!(first.contains("more below"), "{first}");
                assert!(!shows_whole(&first, &last), "{first}");
            } else {
                assert!(!first.contains("more below"), "{w}x{h}:\n{first}");
                assert!(shows_whole(&first, &last), "{w}x{h}:\n{first}");
            }
        }
        // Read down the way a person would: every row seen once, with the last paragraph and
        // the way on at the end, a "more above" hint and no "more below".
        let mut seen = screen(&a, 60, 16);
        for _ in 0..20 {
            a.update(Down);
            seen.push('\n');
            seen.push_str(&screen(&a, 60, 16));
        }
        let end = screen(&a, 60, 16);
        assert!(
            end.contains("more above") && !end.contains("more below"),
            "{end}"
        );
        assert!(end.contains("Press Enter to begin."), "{end}");
        for p in texts.intro.iter().chain([&last]) {
            assert!(shows_whole(&seen, p), "{p}");
        }
        // Past the end, ↑ moves at once; PgUp returns to the top; Enter still begins.
        a.update(Up);
        assert_ne!(screen(&a, 60, 16), end);
        drive(&mut a, &[PageUp, PageUp]);
        assert!(!screen(&a, 60, 16).contains("more above"));
        // Enter begins: About you, then (Enter confirms it) the first question.
        a.update(Confirm);
        assert!(matches!(a.screen, rolefit::tui::app::Screen::About(_)));
        a.update(Confirm);
        assert!(matches!(
            a.screen,
            rolefit::tui::app::Screen::Question { .. }
        ));
    }
}

/// A fresh full assessment opened at the first question matching `pick`, and that question.
fn at_question(
    dir: &std::path::Path,
    pick: impl Fn(&rolefit::bank::Question) -> bool,
) -> (App, rolefit::bank::Question) {
    let mut a = app(dir, Start::Take(Form::Full));
    a.update(Confirm);
    a.update(Confirm); // About you
    let order = a.session.as_ref().unwrap().assessment().order().to_vec();
    let index = order
        .iter()
        .position(|id| pick(a.bank.question(id).unwrap()))
        .unwrap();
    let q = a.bank.question(&order[index]).unwrap().clone();
    a.open_question(index, false);
    (a, q)
}

/// Two saved results in `dir`, a month apart: something to compare.
fn two_results(dir: &std::path::Path) {
    use rolefit::bank::Pole;
    let store = rolefit::store::Store::open(dir).unwrap();
    let bank = common::default_bank();
    for (i, pole) in [Pole::Developer, Pole::Engineer].into_iter().enumerate() {
        let answers = common::results::leaning(&bank, Form::Full, pole, 2 + i);
        let at = format!("2026-0{}-01T09:00:00Z", i + 1);
        common::results::saved(&store, &bank, answers, "label", &at);
    }
}

/// The footer: the rows under the body, from the first that starts with a key hint.
fn footer(text: &str) -> String {
    let rows: Vec<&str> = text.lines().collect();
    rows[rows.len() - 2..].join("\n")
}

/// Which question to open.
type Pick = fn(&rolefit::bank::Question) -> bool;

#[test]
fn the_footer_and_help_name_the_keys_the_question_on_screen_takes() {
    use rolefit::bank::Kind;
    let options = |q: &rolefit::bank::Question| match &q.kind {
        Kind::Choice { options, .. } => options.len(),
        _ => 5,
    };
    let cases: [(&str, Pick); 4] = [
        ("likert", |q| matches!(q.kind, Kind::Likert { .. })),
        ("pair", |q| matches!(q.kind, Kind::Pair { .. })),
        (
            "choice of 4",
            |q| matches!(&q.kind, Kind::Choice { options, .. } if options.len() == 4),
        ),
        (
            "choice of 5",
            |q| matches!(&q.kind, Kind::Choice { options, .. } if options.len() == 5),
        ),
    ];
    for (name, pick) in cases {
        let dir = tempfile::tempdir().unwrap();
        let (mut a, q) = at_question(dir.path(), pick);
        let n = options(&q);
        let last = char::from(b'a' + u8::try_from(n - 1).unwrap());
        let choice = matches!(q.kind, Kind::Choice { .. });
        let want = if choice {
            format!("1-{n}/a-{last} answer")
        } else {
            format!("1-{n} answer")
        };
        for (w, h) in SIZES {
            let foot = footer(&screen(&a, w, h));
            assert!(foot.contains(&want), "{name} {w}x{h}: {foot}");
            assert!(
                choice || !foot.contains("a-e"),
                "{name} {w}x{h}: letters answer nothing here: {foot}"
            );
        }
        a.update(Help);
        let help = screen(&a, 100, 30);
        assert!(help.contains(&format!("1-{n}  ")), "{name}: {help}");
        assert_eq!(
            help.contains(&format!("a-{last}  ")),
            choice,
            "{name}: {help}"
        );
        assert!(!help.contains("1-5") || n == 5, "{name}: {help}");
        a.update(Help);
        // What the hint says is what works: the key past the last option answers nothing.
        if n < 9 {
            let before = a.session.as_ref().unwrap().assessment().position();
            a.update(Pick(u8::try_from(n + 1).unwrap()));
            assert_eq!(
                a.session.as_ref().unwrap().assessment().position(),
                before,
                "{name}"
            );
        }
        a.update(Pick(u8::try_from(n).unwrap()));
        let answered = a.session.as_ref().unwrap().assessment().progress().answered;
        assert_eq!(answered, 1, "{name}: {n} answers");
    }
}

#[test]
fn compare_says_there_is_more_and_scrolls_to_its_last_note() {
    let dir = tempfile::tempdir().unwrap();
    two_results(dir.path());
    let mut a = app(dir.path(), Start::History);
    a.update(Compare);
    let first = screen(&a, 60, 16);
    assert!(
        first.contains("more below") && !first.contains("more above"),
        "{first}"
    );
    for _ in 0..40 {
        a.update(PageDown);
    }
    let end = screen(&a, 60, 16);
    assert!(
        end.contains("more above") && !end.contains("more below"),
        "{end}"
    );
    // The rule note is the page's last line.
    assert!(shows_whole(&end, &rolefit::report::rule_note()), "{end}");
}

/// What is inside a box's side borders: the screen underneath may shorten its own cells.
fn boxed(text: &str) -> String {
    text.lines()
        .filter_map(|l| Some(l.split_once('│')?.1.rsplit_once('│')?.0))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn help_wraps_every_description_and_scrolls_to_its_last_key_when_short() {
    let dir = tempfile::tempdir().unwrap();
    two_results(dir.path());
    // History's keys need more rows than 60x16 has; Goals' fit.
    for (start, scrolls) in [(Start::History, true), (Start::Goals, false)] {
        let mut a = app(dir.path(), start);
        a.update(Help);
        for (w, h) in SIZES {
            let text = screen(&a, w, h);
            let inside = boxed(&text);
            assert!(!inside.contains('…'), "{w}x{h}:\n{text}");
            let short = scrolls && (w, h) == (60, 16);
            assert_eq!(inside.contains("more below"), short, "{w}x{h}:\n{text}");
        }
        let mut seen = String::new();
        for _ in 0..20 {
            seen.push_str(&boxed(&screen(&a, 60, 16)));
            seen.push('\n');
            a.update(Down);
        }
        let end = screen(&a, 60, 16);
        assert_eq!(end.contains("more above"), scrolls, "{end}");
        assert!(!end.contains("more below"), "{end}");
        assert!(end.contains("Mouse: click"), "{end}");
        // The history's longest description, whole across its wrap.
        assert!(
            !matches!(a.screen, rolefit::tui::app::Screen::History(_))
                || shows_whole(
                    &seen,
                    "compare the two marked (or this one with the one before)"
                ),
            "{seen}"
        );
        // Help still closes, and opens again at its top.
        drive(&mut a, &[Help, Help]);
        assert!(!screen(&a, 60, 16).contains("more above"));
    }
}

#[test]
fn the_review_wraps_every_question_and_answer_and_marks_what_is_out_of_sight() {
    let bank = rolefit::bank::load_default().unwrap();
    let quick: Vec<_> = bank.questions.iter().filter(|q| q.quick).collect();
    for (w, h) in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app(dir.path(), Start::Take(Form::Quick));
        let mut keys = vec![Confirm, Confirm];
        keys.extend(quick.iter().map(|_| Pick(3)));
        drive(&mut a, &keys);
        let first = screen(&a, w, h);
        assert!(first.contains("Finish and see your result"), "{first}");
        // From the top to the end, one row at a time: everything seen is whole.
        drive(&mut a, &[Top]);
        let mut seen = String::new();
        for _ in 0..=quick.len() {
            let s = screen(&a, w, h);
            assert!(!s.contains('…'), "cut at {w}x{h}:\n{s}");
            seen.push_str(&s);
            seen.push('\n');
            drive(&mut a, &[Down]);
        }
        let seen_words: std::collections::HashSet<String> = words(&seen).into_iter().collect();
        for q in &quick {
            let missing: Vec<String> = words(&q.text)
                .into_iter()
                .filter(|w| !seen_words.contains(w))
                .collect();
            assert!(missing.is_empty(), "{} at {w}x{h}: {missing:?}", q.id);
        }
        if h < 30 {
            assert!(
                seen.contains("more below") && seen.contains("more above"),
                "{seen}"
            );
        }
    }
}

#[test]
fn history_and_compare_keep_scores_and_names_whole_at_every_size() {
    let dir = tempfile::tempdir().unwrap();
    two_results(dir.path());
    let bank = rolefit::bank::load_default().unwrap();
    for (w, h) in SIZES {
        let a = app(dir.path(), Start::History);
        let s = screen(&a, w, h);
        // Every row's overall score with its margin ("+45.1 ± 12"), whole.
        let rows: Vec<&str> = s.lines().filter(|l| l.contains(" ± ")).collect();
        assert_eq!(rows.len(), 2, "{w}x{h}:\n{s}");
        for row in rows {
            let margin = row.split(" ± ").nth(1).unwrap_or("");
            let digits: String = margin.chars().take_while(char::is_ascii_digit).collect();
            let after = margin[digits.len()..].chars().next();
            assert!(
                !digits.is_empty() && after.is_none_or(|c| c == ' '),
                "{w}x{h}: {row}"
            );
        }
        // Compare: every dimension's title whole, however it wraps, by scrolling to the end.
        let mut a = a;
        a.update(Compare);
        let mut seen = String::new();
        for _ in 0..40 {
            let s = screen(&a, w, h);
            assert!(!s.contains('…'), "{w}x{h}:\n{s}");
            seen.push_str(&s);
            seen.push('\n');
            a.update(Down);
        }
        // A wrapped title's first line shares its row with the bar: every word, not the phrase.
        let seen: std::collections::HashSet<String> = words(&seen).into_iter().collect();
        for title in bank
            .dimensions
            .iter()
            .map(|d| d.title.as_str())
            .chain(["What you do today"])
        {
            let missing: Vec<String> = words(title)
                .into_iter()
                .filter(|w| !seen.contains(w))
                .collect();
            assert!(missing.is_empty(), "{title} at {w}x{h}: {missing:?}");
        }
    }
}

#[test]
fn the_goal_form_wraps_values_under_themselves_and_scrolls_to_save() {
    let dir = tempfile::tempdir().unwrap();
    two_results(dir.path());
    for (w, h) in SIZES {
        let mut a = app(dir.path(), Start::Goals);
        a.update(Add);
        let s = screen(&a, w, h);
        assert!(s.contains("New learning goal"), "{w}x{h}:\n{s}");
        // Every line of the form below its heading starts at a field, under a value, or is a
        // mark or the footer: nothing wraps back to the first column inside a field.
        let note_at = s.lines().position(|l| l.contains("Note")).unwrap();
        let after_note = s.lines().nth(note_at + 1).unwrap_or("");
        assert!(
            after_note.is_empty() || after_note.starts_with(&" ".repeat(15)),
            "{w}x{h}:\n{s}"
        );
        for _ in 0..5 {
            a.update(Down);
        }
        let s = screen(&a, w, h);
        assert!(s.contains("▶ [ Save goal ]"), "{w}x{h}:\n{s}");
        if h == 16 {
            assert!(s.contains("more lines above"), "{s}");
        }
    }
}
