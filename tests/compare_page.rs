//! Compare has one page model: the text report, the Markdown report and the Compare screen
//! show the same rows (names, numbers, verdicts), goals, answers and notes, for several kinds
//! of comparison, and the screen keeps every verdict whole at every width.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::default_bank;
use common::results::{leaning, saved};
use common::tui::{app, drive, render};
use rolefit::bank::{Form, Pole};
use rolefit::compare::Comparison;
use rolefit::report::compare_page::{Block, Key, Row, sections};
use rolefit::report::{compare_markdown, compare_text, md_text as md_cell, md_text};
use rolefit::store::{Goal, ResultFile, Store, StoreError};
use rolefit::tui::action::Action::*;
use rolefit::tui::app::Screen;
use rolefit::tui::{App, Start};

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_owned).collect()
}

/// The screen's rows, each trimmed at the end.
fn screen(a: &App, w: u16, h: u16) -> Vec<String> {
    render(a, w, h)
        .backend()
        .buffer()
        .content()
        .chunks(usize::from(w))
        .map(|row| {
            row.iter()
                .map(|c| c.symbol())
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect()
}

fn shows_whole(seen: &[String], para: &str) -> bool {
    let seen = words(&seen.join("\n"));
    let want = words(para);
    seen.windows(want.len()).any(|w| w == want.as_slice())
}

/// A row's words as every front end must show them, bars aside.
fn row_words(r: &Row) -> Vec<String> {
    words(&format!(
        "{} {} → {} {} {}",
        r.name, r.before, r.after, r.change, r.verdict
    ))
}

fn is_bar(token: &str) -> bool {
    token.chars().all(|c| "·◇●│".contains(c))
}

/// On screen: the row's first line holds its name, bar, numbers and change; the verdict may
/// wrap onto the lines under it (and the name too, on a narrow screen), never shortened.
fn on_screen(lines: &[String], r: &Row) -> bool {
    let want = row_words(r);
    lines.iter().enumerate().any(|(i, line)| {
        let mut got: Vec<String> = words(line).into_iter().filter(|t| !is_bar(t)).collect();
        // The wrapped parts of the name and the verdict follow on indented lines.
        for more in lines[i + 1..].iter().take(3) {
            if more.contains('→') || more.contains('★') || more.trim().is_empty() {
                break;
            }
            got.extend(words(more));
        }
        let mut sorted_got = got.clone();
        let mut sorted_want = want.clone();
        sorted_got.sort();
        sorted_want.sort();
        got.first() == want.first() && sorted_got == sorted_want
    })
}

fn in_text(text: &str, r: &Row) -> bool {
    let want = words(&format!(
        "{} {} {} {} {}",
        r.name, r.before, r.after, r.change, r.verdict
    ));
    text.lines().any(|l| words(l) == want)
}

fn in_markdown(md: &str, r: &Row) -> bool {
    let name = md_cell(&r.name);
    let name = match (r.sub, r.strong) {
        (true, _) => format!("↳ {name}"),
        (false, true) => format!("**{name}**"),
        (false, false) => name,
    };
    md.lines().any(|l| {
        l == format!(
            "| {name} | {} | {} | {} | {} |",
            r.before, r.after, r.change, r.verdict
        )
    })
}

/// Checks every block of the page against the three front ends.
fn same_everywhere(name: &str, a: &App) {
    let Screen::Compare(v) = &a.screen else {
        panic!("{name}: not on Compare")
    };
    let c: &Comparison = &v.comparison;
    let texts = rolefit::assets::Texts::load();
    let text = compare_text(c, &texts, false);
    let md = compare_markdown(c, &texts, false);
    let wide = screen(a, 110, 400);
    let narrow = screen(a, 80, 400);
    let mut rows = 0;
    for section in sections(c, &texts, false) {
        for b in &section.blocks {
            match b {
                Block::Row(r) => {
                    rows += 1;
                    assert!(in_text(&text, r), "{name}: {r:?} in\n{text}");
                    assert!(in_markdown(&md, r), "{name}: {r:?} in\n{md}");
                    assert!(on_screen(&wide, r), "{name}: {r:?} in\n{}", wide.join("\n"));
                    assert!(
                        on_screen(&narrow, r),
                        "{name}: {r:?} in\n{}",
                        narrow.join("\n")
                    );
                }
                Block::Note(t) => {
                    assert!(text.contains(t.as_str()), "{name}: {t} in\n{text}");
                    assert!(md.contains(&md_text(t)), "{name}: {t} in\n{md}");
                    assert!(shows_whole(&wide, t), "{name}: {t}");
                    assert!(shows_whole(&narrow, t), "{name}: {t}");
                }
                Block::Goal(t) => {
                    assert!(text.contains(&format!("★ {t}")), "{name}: {t}");
                    assert!(md.contains(&md_cell(t)), "{name}: {t}");
                    assert!(shows_whole(&narrow, &format!("★ {t}")), "{name}: {t}");
                }
                Block::Answer(x) => {
                    for part in [&x.question, &x.answers] {
                        assert!(text.contains(part.as_str()), "{name}: {part}");
                        assert!(md.contains(&md_text(part)), "{name}: {part}");
                    }
                    let quoted = format!("“{}”", x.question);
                    assert!(shows_whole(&narrow, &quoted), "{name}: {quoted}");
                    assert!(shows_whole(&narrow, &x.answers), "{name}: {}", x.answers);
                }
                Block::Field(label, t) => {
                    let line = format!("{label}: {t}");
                    assert!(text.contains(&line), "{name}: {line}");
                    assert!(shows_whole(&narrow, &line), "{name}: {line}");
                }
                Block::Side { text: side, .. } => {
                    assert!(text.contains(side.as_str()), "{name}: {side}");
                    // The screen breaks it between its parts, each kept whole.
                    for part in side.split(" · ") {
                        assert!(shows_whole(&narrow, part), "{name}: {part}");
                    }
                }
                Block::Gauge { .. } | Block::Gap | Block::More => {}
            }
        }
    }
    // Overall, both lenses, and each dimension with its two lenses.
    assert_eq!(rows, 3 + 3 * c.dimensions.len(), "{name}");
    // No verdict is shortened anywhere.
    for shown in [&wide, &narrow] {
        let all = shown.join("\n");
        assert!(
            !all.contains("unsure") && !all.contains('…'),
            "{name}:\n{all}"
        );
    }
}

fn goal(dimension: &str, baseline: &str) -> Goal {
    Goal {
        id: 0,
        dimension: dimension.into(),
        lens: Some(rolefit::bank::Lens::Practice),
        target: 40.0,
        baseline: baseline.into(),
        baseline_score: -60.0,
        baseline_margin: None,
        note: String::new(),
        due: None,
        created_at: "2026-01-06T00:00:00Z".parse().unwrap(),
        done_at: None,
    }
}

fn open(dir: &std::path::Path, before: &ResultFile, after: &ResultFile) -> App {
    app(
        dir,
        Start::Compare(Box::new(before.clone()), Box::new(after.clone())),
    )
}

/// A full result leaning developer, saved on 5 January.
fn developer(s: &Store, bank: &rolefit::bank::Bank, label: &str) -> ResultFile {
    saved(
        s,
        bank,
        leaning(bank, Form::Full, Pole::Developer, 4),
        label,
        "2026-01-05T10:00:00Z",
    )
}

/// A short result (quick or adaptive) leaning engineer, taken on 22 November.
fn short(bank: &rolefit::bank::Bank, form: Form, label: &str) -> ResultFile {
    let mut r = common::results::result(
        bank,
        Form::Quick,
        leaning(bank, Form::Quick, Pole::Engineer, 3),
        label,
    );
    r.form = form;
    r.taken_at = "2026-11-22T08:00:00Z".parse().unwrap();
    r.id = "20261122T080000Z-test".into();
    r
}

#[test]
fn text_markdown_and_the_screen_show_the_same_page() {
    let bank = default_bank();
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path()).unwrap();
    let dev = developer(&s, &bank, "first try");
    let eng = saved(
        &s,
        &bank,
        leaning(&bank, Form::Full, Pole::Engineer, 5),
        "after the course",
        "2026-11-20T18:30:00Z",
    );
    s.update_goals(|f| {
        f.add(goal("scope", &dev.id))?;
        Ok::<(), StoreError>(())
    })
    .unwrap();
    // A real move, with a goal on the way.
    same_everywhere("big move", &open(dir.path(), &dev, &eng));
    // Nothing changed.
    let mut again = dev.clone();
    again.taken_at = "2026-02-05T10:00:00Z".parse().unwrap();
    again.id = "20260205T100000Z-test".into();
    same_everywhere("unchanged", &open(dir.path(), &dev, &again));
    // Quick against full: lens rows with too few answers to tell.
    let a = open(dir.path(), &dev, &short(&bank, Form::Quick, "quick one"));
    same_everywhere("quick against full", &a);
    let Screen::Compare(v) = &a.screen else {
        panic!()
    };
    assert!(
        v.comparison
            .dimensions
            .iter()
            .any(|d| d.practice.real_change.is_none()),
        "the quick form leaves some lens without a margin"
    );
    // Two versions of the bank, one question retired.
    let mut older = dev.clone();
    older.bank.version = "0.9".into();
    older.bank.fingerprint = "00000000deadbeef".into();
    older.order.push("retired-question".into());
    same_everywhere("bank versions", &open(dir.path(), &older, &eng));
}

#[test]
fn question_ids_are_counted_and_the_texts_come_on_request() {
    let bank = default_bank();
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path()).unwrap();
    let full = developer(&s, &bank, "");
    let mut a = open(dir.path(), &full, &short(&bank, Form::Quick, ""));
    let Screen::Compare(v) = &a.screen else {
        panic!()
    };
    let c = v.comparison.clone();
    assert!(!c.not_shared.is_empty() && c.changed_answers.len() > rolefit::report::SHOWN_ANSWERS);
    let texts = rolefit::assets::Texts::load();
    let count = format!(
        "{} questions were asked in only one of the two.",
        c.not_shared.len()
    );
    let changed = format!(
        "{} of the {} questions both asked were answered differently; these {} moved the scores most.",
        c.changed_answers.len(),
        c.shared_questions,
        rolefit::report::SHOWN_ANSWERS
    );
    // Without asking: counts, and no internal ids anywhere.
    let mut page = screen(&a, 100, 30);
    for _ in 0..20 {
        drive(&mut a, &[PageDown]);
        page.extend(screen(&a, 100, 30));
    }
    let text = compare_text(&c, &texts, false);
    let md = compare_markdown(&c, &texts, false);
    for (name, shown) in [
        ("text", text.clone()),
        ("md", md.clone()),
        ("screen", page.join("\n")),
    ] {
        for id in &c.not_shared {
            assert!(!shown.contains(id.as_str()), "{name} names {id}:\n{shown}");
        }
        assert!(
            shows_whole(std::slice::from_ref(&shown), &count),
            "{name}:\n{shown}"
        );
        assert!(
            shows_whole(std::slice::from_ref(&shown), &changed),
            "{name}:\n{shown}"
        );
    }
    assert!(text.contains("Run the same command with --questions for every answer"));
    assert!(md.contains("Run the same command with `--questions` for every answer"));
    assert!(shows_whole(&page, "Press a for every answer that changed"));
    // On request: every changed answer and every question only one asked, with its text.
    let listed = compare_text(&c, &texts, true);
    let listed_md = compare_markdown(&c, &texts, true);
    drive(&mut a, &[Questions]);
    let mut list = Vec::new();
    for _ in 0..60 {
        list.extend(screen(&a, 100, 30));
        drive(&mut a, &[PageDown]);
    }
    for x in &c.changed_answers {
        let text = x.text.as_ref().unwrap();
        let answers = format!("{} → {}", x.before, x.after);
        assert!(listed.contains(&format!("“{text}”: {answers}")), "{listed}");
        assert!(listed_md.contains(&md_text(text)), "{listed_md}");
        assert!(
            shows_whole(&list, &format!("“{text}”")) && shows_whole(&list, &answers),
            "{text}"
        );
    }
    for x in &c.asked_once {
        let text = x.text.as_ref().unwrap();
        let answer = format!(
            "asked only {}: {}",
            if x.side == rolefit::compare::Side::Before {
                "before"
            } else {
                "after"
            },
            x.answer.as_deref().unwrap_or("skipped")
        );
        assert!(listed.contains(&format!("“{text}”: {answer}")), "{listed}");
        assert!(
            shows_whole(&list, &format!("“{text}”")) && shows_whole(&list, &answer),
            "{text}"
        );
    }
    assert!(!listed.contains("--questions"), "nothing more to ask for");
    // The list closes with the same key, or with Esc, back where the page was.
    let Screen::Compare(v) = &a.screen else {
        panic!()
    };
    let top = v.scroll.top;
    assert!(top > 0);
    drive(&mut a, &[Questions]);
    let Screen::Compare(v) = &a.screen else {
        panic!()
    };
    assert_eq!((v.questions.is_none(), v.scroll.top), (true, top));
    drive(&mut a, &[Questions, Quit]);
    assert!(matches!(&a.screen, Screen::Compare(v) if v.questions.is_none()));
    drive(&mut a, &[Quit]);
    assert!(a.leaving() || !matches!(a.screen, Screen::Compare(_)));
}

#[test]
fn the_forms_note_says_which_result_has_fewer_answers() {
    let bank = default_bank();
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path()).unwrap();
    let full = developer(&s, &bank, "");
    let adaptive = short(&bank, Form::Adaptive, "");
    let c = rolefit::compare::compare(&bank, &adaptive, &full, &[], jiff::civil::date(2026, 12, 1));
    let note = rolefit::report::forms_note(&c).unwrap();
    let (nb, na) = (c.before.scores.answered, c.after.scores.answered);
    assert!(nb < na, "{nb} {na}");
    assert_eq!(
        note,
        format!(
            "Note: the earlier result is an adaptive form ({nb} answers), the later a full form ({na}). The earlier one rests on fewer answers, so its margins are wider and fewer moves can be told from noise."
        )
    );
    // And the rule note names the model's threshold, not a copy of it.
    assert!(rolefit::report::rule_note().contains(&format!(
        "fewer than {} answers",
        rolefit::scoring::MIN_ANSWERS_FOR_MARGIN
    )));
    let sections = sections(&c, &rolefit::assets::Texts::load(), false);
    assert!(sections.iter().any(|s| s.key == Key::Notes));
}
