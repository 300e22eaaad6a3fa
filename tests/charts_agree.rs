//! The small charts say what the big ones say (issue 23): the Overview's quadrant puts the
//! point on the same side and at the same place as the Chart panel's, every lens bar of the
//! Dimensions panel has its middle in the same column, and a small Overview names what it
//! leaves out with the key that shows it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::people;
use common::results::{leaning, result};
use common::tui::app_with;
use proptest::prelude::*;
use rolefit::answers::{Answer, Answers};
use rolefit::bank::{Bank, Form, Kind, Pole};
use rolefit::store::ResultFile;
use rolefit::tui::Start;
use rolefit::tui::app::{App, Screen};
use rolefit::tui::screens::dashboard::{Panel, lines};

fn shown(r: ResultFile) -> App {
    let dir = tempfile::tempdir().unwrap();
    app_with(
        common::default_bank(),
        dir.path(),
        Start::Show(Box::new(r)),
        false,
    )
}

/// A panel's lines, whole, as plain text.
fn panel_text(app: &mut App, panel: Panel, w: u16, h: u16) -> Vec<String> {
    let Screen::Result(d) = &mut app.screen else {
        panic!("not a dashboard")
    };
    d.panel = panel;
    lines(d, &app.theme, w, h)
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

/// The point in the quadrant drawn in `text`: (row, column) relative to the middle lines, and
/// where it is between the frame's inner edges (0 top/left, 1 bottom/right).
#[derive(Debug)]
struct Placed {
    side: (i64, i64),
    at: (f64, f64),
    inner: (usize, usize),
}

fn placed(text: &[String]) -> Placed {
    let grid: Vec<Vec<char>> = text.iter().map(|l| l.chars().collect()).collect();
    let (y0, x0) = grid
        .iter()
        .enumerate()
        .find_map(|(y, r)| r.iter().position(|c| *c == '┌').map(|x| (y, x)))
        .expect("a quadrant frame");
    let x1 = grid[y0].iter().position(|c| *c == '┐').unwrap();
    let y1 = (y0..grid.len())
        .find(|y| grid[*y].get(x0) == Some(&'└'))
        .unwrap();
    let mid_x = grid[y0].iter().position(|c| *c == '┬').unwrap();
    let mid_y = (y0..y1).find(|y| grid[*y].get(x0) == Some(&'├')).unwrap();
    let (y, x) = (y0 + 1..y1)
        .find_map(|y| (x0 + 1..x1).find(|x| grid[y][*x] == '●').map(|x| (y, x)))
        .expect("the point inside the frame");
    let sign = |a: usize, b: usize| (a as i64 - b as i64).signum();
    let inner = (y1 - y0 - 1, x1 - x0 - 1);
    Placed {
        side: (sign(y, mid_y), sign(x, mid_x)),
        at: (
            (y - y0 - 1) as f64 / (inner.0 - 1) as f64,
            (x - x0 - 1) as f64 / (inner.1 - 1) as f64,
        ),
        inner,
    }
}

/// Any answers to the full form: 0 skips.
fn answers_from(bank: &Bank, picks: &[u8]) -> Answers {
    bank.form(Form::Full)
        .zip(picks)
        .filter(|(_, p)| **p > 0)
        .map(|(q, p)| {
            let a = match &q.kind {
                Kind::Choice { options, .. } => {
                    Answer::Option(options[usize::from(*p - 1) % options.len()].key)
                }
                _ => Answer::Scale(1 + (*p - 1) % 5),
            };
            (q.id.clone(), a)
        })
        .collect()
}

/// The overview's quadrant and the Chart panel's, at the body sizes of 100x30 to 200x60.
fn both(r: &ResultFile) -> Vec<(Placed, Placed)> {
    let mut app = shown(r.clone());
    [(100, 28), (120, 36), (160, 46), (200, 56)]
        .into_iter()
        .map(|(w, h)| {
            let small = placed(&panel_text(&mut app, Panel::Overview, w, h));
            let big = placed(&panel_text(&mut app, Panel::Chart, w, h));
            (small, big)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_overview_places_the_point_where_the_chart_panel_does(
        a in proptest::collection::vec(1u8..=5, 51),
        b in proptest::collection::vec(1u8..=5, 51),
    ) {
        let bank = common::default_bank();
        let ra = result(&bank, Form::Full, answers_from(&bank, &a), "");
        let rb = result(&bank, Form::Full, answers_from(&bank, &b), "");
        let (pa, pb) = (both(&ra), both(&rb));
        for ((sa, ba), (sb, bb)) in pa.iter().zip(&pb) {
            for (small, big) in [(sa, ba), (sb, bb)] {
                // Above, on or below the middle; left, on or right of it: the same in both.
                prop_assert_eq!(small.side, big.side, "{:?} vs {:?}", small, big);
                // And at the same place, within a cell of each.
                let slack = |n: usize, m: usize| 1.0 / (n - 1) as f64 + 1.0 / (m - 1) as f64;
                prop_assert!((small.at.0 - big.at.0).abs() <= slack(small.inner.0, big.inner.0), "{:?} vs {:?}", small, big);
                prop_assert!((small.at.1 - big.at.1).abs() <= slack(small.inner.1, big.inner.1), "{:?} vs {:?}", small, big);
            }
            // Two people in one order on the big chart are not the other way round on a small
            // one of the same size (the overview sizes its quadrant to the room a result leaves).
            if sa.inner == sb.inner && ba.inner == bb.inner {
                if ba.at.0 < bb.at.0 {
                    prop_assert!(sa.at.0 <= sb.at.0, "{:?} {:?} / {:?} {:?}", sa, sb, ba, bb);
                }
                if ba.at.1 < bb.at.1 {
                    prop_assert!(sa.at.1 <= sb.at.1, "{:?} {:?} / {:?} {:?}", sa, sb, ba, bb);
                }
            }
        }
    }
}

#[test]
fn a_point_below_the_middle_is_never_drawn_on_it() {
    // The case: "do today -46" on a five-row quadrant sat on the middle line.
    let names = rolefit::report::chart::QuadrantNames {
        top_left: "a",
        top_right: "b",
        bottom_left: "c",
        bottom_right: "d",
        balanced: "e",
        current: 2,
    };
    for (practice, h) in [(-46.0, 5), (12.0, 5), (-3.0, 5), (-0.1, 9), (0.1, 15)] {
        let rows: Vec<String> = rolefit::report::chart::quadrant(-20.0, practice, 41, h, &names)
            .iter()
            .map(rolefit::report::chart::plain)
            .collect();
        let p = placed(&rows);
        assert_eq!(
            p.side.0,
            if practice < 0.0 { 1 } else { -1 },
            "{practice}: {rows:#?}"
        );
    }
}

/// The lens bars in `text`: for each, (the column its label starts in, its width).
fn lens_bars(text: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for line in text {
        let chars: Vec<char> = line.chars().collect();
        let s: String = chars.iter().collect();
        for label in ["  Enjoy     ", "  Do today  "] {
            for (byte, _) in s.match_indices(label) {
                let x = s[..byte].chars().count();
                let bar = chars[x + 12..]
                    .iter()
                    .take_while(|c| "·█│◆●".contains(**c))
                    .count();
                if bar > 0 {
                    out.push((x, bar));
                }
            }
        }
    }
    out
}

/// Results whose lenses have too few answers for a margin, and full ones.
fn shapes() -> Vec<ResultFile> {
    let bank = common::default_bank();
    let mut out: Vec<ResultFile> = people::four(&bank).into_iter().map(|(_, r)| r).collect();
    out.push(result(
        &bank,
        Form::Quick,
        leaning(&bank, Form::Quick, Pole::Developer, 2),
        "quick",
    ));
    out.push(result(
        &bank,
        Form::Quick,
        leaning(&bank, Form::Quick, Pole::Engineer, 3),
        "quick",
    ));
    out
}

#[test]
fn every_lens_bar_has_its_middle_in_the_same_column() {
    for r in shapes() {
        let mut app = shown(r);
        for w in [60, 80, 98, 100, 120, 156, 160, 200] {
            let text = panel_text(&mut app, Panel::Dimensions, w, 40);
            let bars = lens_bars(&text);
            // Every bar as wide as the others, whatever its text says ("too few answers",
            // "-100.0 ± 28"), so the middles line up.
            let widths: std::collections::BTreeSet<usize> = bars.iter().map(|b| b.1).collect();
            assert!(widths.len() <= 1, "at {w}: {widths:?}\n{}", text.join("\n"));
            assert!(widths.iter().all(|b| b % 2 == 1));
            if w >= 60 {
                assert!(!bars.is_empty(), "at {w}:\n{}", text.join("\n"));
            }
        }
    }
}

#[test]
fn a_small_overview_names_what_it_leaves_out_and_the_key_that_shows_it() {
    let parts = [
        ("What you enjoy vs what you do today", "quadrant (4 Chart)"),
        ("Why: the answers that pulled hardest", "Why (5)"),
        ("Next steps", "Next steps (6)"),
    ];
    for r in shapes() {
        let mut app = shown(r);
        // Every body size of the screens from 60x16 to 120x40, with and without a notice.
        for w in [58, 60, 78, 80, 98, 100, 118, 120] {
            for h in 10..=38 {
                let text = panel_text(&mut app, Panel::Overview, w, h).join(" ");
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                let (drawn, note) = match text.find("Not shown at this size:") {
                    Some(i) => {
                        let end = text[i..].find('.').map_or(text.len(), |e| i + e);
                        (
                            format!("{}{}", &text[..i], &text[end..]),
                            text[i..end].to_owned(),
                        )
                    }
                    None => (text.clone(), String::new()),
                };
                for (title, named) in parts {
                    assert!(
                        drawn.contains(title) != note.contains(named),
                        "{title} at {w}x{h}: drawn {}, named {}\n{text}",
                        drawn.contains(title),
                        note.contains(named)
                    );
                }
            }
        }
    }
}
