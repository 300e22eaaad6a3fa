//! The result dashboard and its exports: snapshots of four people at five sizes, nothing cut
//! from 100x30 up, the overview on one screen at 160x50, colour at the style level, scrolling,
//! and exports that carry everything the screen says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::people;
use common::results::{leaning, result};
use common::tui::{app_with, render};
use ratatui::style::{Color, Modifier};
use rolefit::answers::{Answer, Answers};
use rolefit::assets::Texts;
use rolefit::bank::{Form, Kind, Pole};
use rolefit::report::{Export, html_report, json_export, markdown_report, result_text, summarise};
use rolefit::store::ResultFile;
use rolefit::tui::Start;
use rolefit::tui::action::Action;

const SIZES: [(u16, u16); 5] = [(80, 24), (100, 30), (120, 40), (160, 50), (200, 60)];

fn shown(r: ResultFile, color: bool) -> rolefit::tui::App {
    let dir = tempfile::tempdir().unwrap();
    app_with(
        common::default_bank(),
        dir.path(),
        Start::Show(Box::new(r)),
        color,
    )
}

fn screen(app: &rolefit::tui::App, w: u16, h: u16) -> String {
    format!("{}", render(app, w, h).backend())
}

#[test]
fn snapshots_at_five_sizes_for_four_people() {
    let bank = common::default_bank();
    for (name, r) in people::four(&bank) {
        let app = shown(r, false);
        for (w, h) in SIZES {
            insta::assert_snapshot!(
                format!("dashboard_{name}_{w}x{h}"),
                render(&app, w, h).backend()
            );
        }
    }
}

#[test]
fn deeper_panels_are_a_key_away() {
    let bank = common::default_bank();
    let mut app = shown(people::principal(&bank), false);
    for (k, name) in [
        (2, "archetype"),
        (3, "dimensions"),
        (4, "chart"),
        (5, "why"),
        (6, "steps"),
        (7, "paths"),
    ] {
        app.update(Action::Pick(k));
        insta::assert_snapshot!(
            format!("dashboard_panel_{name}_100x30"),
            render(&app, 100, 30).backend()
        );
    }
    let mut small = shown(people::developer(&bank), false);
    for (k, name) in [(5, "why"), (6, "next")] {
        small.update(Action::Pick(k));
        insta::assert_snapshot!(
            format!("dashboard_panel_{name}_80x24"),
            render(&small, 80, 24).backend()
        );
    }
}

/// Results of every shape: the four people, a quick form, a partial one, few answers.
fn every_shape() -> Vec<(String, ResultFile)> {
    let bank = common::default_bank();
    let mut out: Vec<(String, ResultFile)> = people::four(&bank)
        .into_iter()
        .map(|(n, r)| (n.to_owned(), r))
        .collect();
    out.push(("quick".into(), mixed(Form::Quick)));
    out.push(("partial".into(), partial()));
    out.push(("three answers".into(), first_answers(3, 5)));
    out.push(("twelve answers".into(), first_answers(12, 1)));
    out
}

#[test]
fn no_line_of_the_dashboard_is_cut_from_100x30_up() {
    for (name, r) in every_shape() {
        let mut app = shown(r, true);
        for panel in 1..=7 {
            app.update(Action::Pick(panel));
            for w in (100..=220).step_by(15) {
                for h in (30..=60).step_by(10) {
                    for scrolled in [false, true] {
                        if scrolled {
                            app.update(Action::PageDown);
                        }
                        let text = screen(&app, w, h);
                        assert!(
                            !text.contains('…'),
                            "{name}, panel {panel} at {w}x{h}:\n{text}"
                        );
                    }
                    app.update(Action::Pick(panel));
                }
            }
        }
    }
}

#[test]
fn the_overview_is_one_screen_at_160x50() {
    let bank = common::default_bank();
    for (name, r) in people::four(&bank) {
        let text = screen(&shown(r, true), 160, 50);
        assert!(!text.contains("more below"), "{name}:\n{text}");
        for part in [
            "Where you stand",
            "By dimension",
            "Why: the answers that pulled hardest",
            "Next steps",
            "Answer quality",
            "A retake makes sense",
        ] {
            assert!(text.contains(part), "{name}: {part}\n{text}");
        }
    }
}

#[test]
fn colour_marks_the_poles_and_the_person_and_monochrome_has_none() {
    let bank = common::default_bank();
    let cells = |app: &rolefit::tui::App| {
        render(app, 160, 50)
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| (c.symbol().to_owned(), c.fg, c.modifier))
            .collect::<Vec<_>>()
    };
    let mut coloured = cells(&shown(people::developer(&bank), true));
    coloured.extend(cells(&shown(people::principal(&bank), true)));
    let has = |sym: &str, fg: Color| coloured.iter().any(|(s, f, _)| s == sym && *f == fg);
    // Developer bars green, engineer bars blue, the person's position and band yellow.
    assert!(has("█", Color::Green) && has("█", Color::Blue));
    assert!(has("●", Color::Yellow) && has("═", Color::Yellow));
    assert!(has("◀", Color::Green) && has("▶", Color::Blue));
    for r in [people::developer(&bank), people::all_neutral(&bank)] {
        let mono = cells(&shown(r, false));
        assert!(mono.iter().all(|(_, f, _)| *f == Color::Reset));
        // The panel in front is still marked, by reverse video.
        assert!(
            mono.iter()
                .any(|(s, _, m)| s == "O" && m.contains(Modifier::REVERSED))
        );
    }
}

#[test]
fn a_panel_that_does_not_fit_scrolls_with_a_hint_and_stops_at_its_end() {
    let bank = common::default_bank();
    let mut app = shown(people::principal(&bank), true);
    let first = screen(&app, 100, 30);
    assert!(first.contains("more below") && !first.contains("more above"));
    for _ in 0..30 {
        app.update(Action::PageDown);
    }
    let end = screen(&app, 100, 30);
    assert!(
        end.contains("more above") && !end.contains("more below"),
        "{end}"
    );
    assert!(end.contains("A retake makes sense"), "{end}");
    // At the end, one step up moves at once (no invisible scrolling past the end).
    app.update(Action::Up);
    assert_ne!(screen(&app, 100, 30), end);
    // Another panel starts at its top.
    app.update(Action::Pick(3));
    assert!(!screen(&app, 100, 30).contains("more above"));
}

#[test]
fn the_header_names_the_result_and_a_quick_form_says_its_margins_are_wider() {
    let quick = mixed(Form::Quick);
    for (w, h) in [(80, 24), (160, 50)] {
        let text = screen(&shown(quick.clone(), true), w, h);
        assert!(
            text.contains("“mixed” · taken 24 Nov 2026 12:00 UTC"),
            "{text}"
        );
        assert!(text.contains("quick form, 14 of 14 questions"), "{text}");
        assert!(text.contains("every margin is wider"), "{text}");
    }
    let texts = Texts::load();
    let s = summarise(&common::default_bank(), &quick, &texts);
    for out in [markdown_report(&s), html_report(&s), result_text(&s)] {
        assert!(out.contains("every margin is wider"));
    }
    let full = screen(&shown(mixed(Form::Full), true), 160, 50);
    assert!(!full.contains("every margin is wider"));
}

#[test]
fn exports_carry_everything_the_screen_says() {
    let bank = common::default_bank();
    let texts = Texts::load();
    for (name, r) in people::four(&bank) {
        let s = summarise(&bank, &r, &texts);
        let a = s.archetype.clone().unwrap();
        let mut must: Vec<String> = vec![
            s.meta.clone(),
            s.where_line.clone().unwrap(),
            s.consistency_line.clone(),
            s.quadrant_line.clone().unwrap(),
            s.in_document.retake.clone(),
            a.summary.clone(),
            a.week.clone(),
            a.works_with.clone(),
        ];
        must.extend(s.straddle.clone());
        must.extend(a.strengths.iter().chain(&a.blind_spots).cloned());
        must.extend(s.band_titles.iter().map(|(_, t)| t.clone()));
        for d in &s.dims {
            must.extend([d.engineer.clone(), d.developer.clone()]);
            must.extend(d.gap.clone());
        }
        for st in &s.steps {
            must.extend([
                st.text.clone(),
                st.why.clone(),
                st.level.as_str().to_owned(),
            ]);
        }
        must.extend(s.in_document.no_steps.clone());
        let p = s.paths.clone().unwrap();
        must.push(p.note.clone());
        must.push(s.leveling.clone());
        for role in &p.roles {
            must.extend([
                role.title.clone(),
                role.day.clone(),
                role.skills.clone(),
                role.way.clone(),
            ]);
        }
        must.extend(s.drivers.iter().map(|d| d.text.clone()));
        let escape = |t: &str| {
            t.replace('&', "&amp;")
                .replace('\'', "&#39;")
                .replace('"', "&quot;")
        };
        for (kind, out) in [
            ("md", markdown_report(&s)),
            ("text", result_text(&s)),
            ("html", html_report(&s)),
        ] {
            for m in &must {
                // Each format's own escaping of the same sentence: HTML's entities, and the
                // backslash Markdown puts before its own characters in quoted text.
                let m = match kind {
                    "html" => escape(m),
                    "md" => rolefit::report::md_text(m).replace('&', "&amp;"),
                    _ => m.clone(),
                };
                assert!(out.contains(&m), "{name} {kind} lacks: {m}");
            }
        }
        // The HTML draws the map, the dimensions and a quadrant with its names and axes.
        let html = html_report(&s);
        for part in [
            "the archetype map",
            "what you enjoy",
            "what you do today",
            "Engineer on developer duty",
            "Developer on engineer duty",
            "Balanced: both within ±10",
        ] {
            assert!(html.contains(part), "{name}: {part}");
        }
    }
}

#[test]
fn json_carries_what_the_page_reads_and_round_trips() {
    let bank = common::default_bank();
    let texts = Texts::load();
    let s = summarise(&bank, &people::hybrid(&bank), &texts);
    let v: serde_json::Value = serde_json::from_str(&json_export(&s)).unwrap();
    assert_eq!(v["placement"]["band"], "hybrid");
    assert_eq!(v["placement"]["position"], s.result.scores.overall.unwrap());
    assert!(v["placement"]["nearest"]["distance"].is_number());
    assert!(v["placement"]["straddles"].as_array().unwrap().len() >= 2);
    assert_eq!(v["quadrant"], "balanced");
    assert_eq!(v["consistency_level"], "low");
    assert_eq!(v["careless"], false);
    let steps = v["steps"].as_array().unwrap();
    assert!(!steps.is_empty());
    for (st, want) in steps.iter().zip(&s.steps) {
        for key in ["dimension", "toward", "level", "text", "why"] {
            assert!(st[key].is_string(), "{key}: {st}");
        }
        assert_eq!(st["why"], want.why.as_str());
        assert!(st["because"]["kind"].is_string());
    }
    let back: Export = serde_json::from_str(&json_export(&s)).unwrap();
    assert_eq!(back.scores, s.result.scores);
    assert_eq!(back.reading.steps, s.steps);
    // Too few answers: no band, no straddle, nothing invented.
    let few = summarise(&bank, &first_answers(3, 5), &texts);
    let v: serde_json::Value = serde_json::from_str(&json_export(&few)).unwrap();
    assert!(v["placement"]["band"].is_null() && v["placement"]["nearest"].is_null());
    assert_eq!(v["placement"]["straddles"].as_array().unwrap().len(), 0);
}

#[test]
fn show_format_json_carries_the_page_with_the_goals() {
    let data = tempfile::tempdir().unwrap();
    let store = rolefit::store::Store::open(data.path()).unwrap();
    let bank = common::default_bank();
    let r = common::results::saved(
        &store,
        &bank,
        people::principal_answers(&bank),
        "principal",
        "2026-05-01T09:00:00Z",
    );
    store
        .update_goals(|f| {
            f.add(rolefit::store::Goal {
                id: 0,
                dimension: "impact".into(),
                lens: None,
                target: 40.0,
                baseline: r.id.clone(),
                baseline_score: 100.0,
                baseline_margin: None,
                note: String::new(),
                due: None,
                created_at: r.taken_at,
                done_at: None,
            })
        })
        .unwrap();
    let out = assert_cmd::Command::cargo_bin("rolefit")
        .unwrap()
        .args(["--data-dir"])
        .arg(data.path())
        .args(["show", "latest", "--format", "json"])
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["placement"]["band"], "systems-engineer");
    assert_eq!(v["steps"][0]["dimension"], "impact");
    assert_eq!(v["steps"][0]["toward"], "developer");
    assert_eq!(v["steps"][0]["because"]["kind"], "goal");
    assert_eq!(v["quadrant"], "engineer-by-choice");
    assert_eq!(v["consistency_level"], "high");
}

#[test]
fn skipped_questions_and_an_empty_dimension_say_not_enough_answers() {
    let r = partial();
    assert!(r.scores.skipped > 0);
    let app = shown(r.clone(), true);
    let text = screen(&app, 100, 30);
    assert!(text.contains("not enough answers"), "{text}");
    insta::assert_snapshot!("dashboard_partial_100x30", render(&app, 100, 30).backend());
    let bank = common::default_bank();
    let texts = Texts::load();
    let md = markdown_report(&summarise(&bank, &r, &texts));
    assert!(
        md.contains("| Impact on the team | not enough answers |"),
        "{md}"
    );
}

fn partial() -> ResultFile {
    let bank = common::default_bank();
    let mut answers = leaning(&bank, Form::Full, Pole::Developer, 3);
    let impact: Vec<String> = bank
        .questions
        .iter()
        .filter(|q| q.dimension == "impact")
        .map(|q| q.id.clone())
        .collect();
    answers.retain(|id, _| !impact.contains(id) && !id.starts_with("path-"));
    result(&bank, Form::Full, answers, "partial")
}

#[test]
fn drivers_follow_the_answers() {
    let bank = common::default_bank();
    let texts = Texts::load();
    let mut answers = leaning(&bank, Form::Full, Pole::Engineer, 0);
    let flip = |answers: &mut Answers, id: &str| {
        let q = bank.question(id).unwrap();
        answers.insert(id.to_owned(), common::extreme(q, Pole::Developer));
    };
    flip(&mut answers, "scope-story-end-to-end");
    let a = result(&bank, Form::Full, answers.clone(), "");
    assert_eq!(a.scores.drivers.developer, ["scope-story-end-to-end"]);
    flip(&mut answers, "focus-change-from-feedback");
    answers.insert(
        "scope-story-end-to-end".into(),
        common::extreme(
            bank.question("scope-story-end-to-end").unwrap(),
            Pole::Engineer,
        ),
    );
    let b = result(&bank, Form::Full, answers, "");
    assert_eq!(b.scores.drivers.developer, ["focus-change-from-feedback"]);
    let quoted = |r: &ResultFile| -> Vec<String> {
        summarise(&bank, r, &texts)
            .drivers
            .into_iter()
            .filter(|d| d.pole == Pole::Developer)
            .map(|d| format!("{} ({})", d.text, d.answer))
            .collect()
    };
    assert_eq!(
        quoted(&a),
        [
            "I get a lot of satisfaction from taking one request all the way from the first ask to something people use, myself. (5 · Strongly agree)"
        ]
    );
    assert_eq!(
        quoted(&b),
        [
            "Changing my work because of what its users, customers or other teams, tell me is a favourite part of my job. (5 · Strongly agree)"
        ]
    );
    let md = markdown_report(&summarise(&bank, &b, &texts));
    assert!(md.contains("- “Changing my work because of what its users, customers or other teams, tell me is a favourite part of my job.” — you answered *5 · Strongly agree*"), "{md}");
}

/// Answers alternating between the poles, so the margin is wide enough to compare.
fn mixed(form: Form) -> ResultFile {
    let bank = common::default_bank();
    result(
        &bank,
        form,
        leaning(&bank, form, Pole::Engineer, 2),
        "mixed",
    )
}

#[test]
fn a_quick_result_has_a_wider_band_than_a_full_one() {
    let (quick, full) = (mixed(Form::Quick), mixed(Form::Full));
    let (mq, mf) = (quick.scores.margin.unwrap(), full.scores.margin.unwrap());
    assert!(mq > mf, "quick {mq} vs full {mf}");
    let band = |r: ResultFile| screen(&shown(r, true), 100, 30).matches('═').count();
    assert!(band(quick) > band(full));
}

#[test]
fn a_gap_between_enjoy_and_do_gives_a_step_toward_what_you_enjoy() {
    let bank = common::default_bank();
    let texts = Texts::load();
    // Enjoy engineer work but practise developer work in one dimension; neutral elsewhere.
    let divided = |dim: &str| -> Answers {
        bank.questions
            .iter()
            .map(|q| {
                let a = if q.dimension == dim {
                    let pole = if q.lens == rolefit::bank::Lens::Preference {
                        Pole::Engineer
                    } else {
                        Pole::Developer
                    };
                    common::extreme(q, pole)
                } else {
                    people::neutral(q)
                };
                (q.id.clone(), a)
            })
            .collect()
    };
    for dim in ["focus", "workstyle"] {
        let s = summarise(&bank, &result(&bank, Form::Full, divided(dim), ""), &texts);
        let first = &s.steps[0];
        assert_eq!(
            (first.dimension.as_str(), first.toward),
            (dim, Pole::Engineer)
        );
        assert_eq!(first.level, rolefit::assets::Level::Starting);
        assert!(
            first
                .why
                .contains("you do more developer-side work than you would choose"),
            "{}",
            first.why
        );
        let row = s.dims.iter().find(|d| d.id == dim).unwrap();
        assert!(
            row.gap.as_deref().unwrap().contains("likely real"),
            "{:?}",
            row.gap
        );
    }
}

#[test]
fn straight_lining_and_contradictions_are_named() {
    let bank = common::default_bank();
    let texts = Texts::load();
    let all_fours: Answers = bank
        .questions
        .iter()
        .map(|q| {
            (
                q.id.clone(),
                match &q.kind {
                    Kind::Choice { options, .. } => Answer::Option(options[0].key),
                    _ => Answer::Scale(4),
                },
            )
        })
        .collect();
    let r = result(&bank, Form::Full, all_fours, "");
    let s = summarise(&bank, &r, &texts);
    assert!(s.careless);
    assert!(
        s.quality.iter().any(|q| q.contains("a retake")),
        "{:?}",
        s.quality
    );
    // Agreeing with every statement contradicts the reverse-keyed ones: named per dimension.
    assert!(
        s.quality.iter().any(|q| q.contains("pull both ways")),
        "{:?}",
        s.quality
    );
    let overview = screen(&shown(r, true), 160, 50);
    assert!(
        overview.contains("Many answers are identical"),
        "{overview}"
    );
    let honest = result(
        &bank,
        Form::Full,
        leaning(&bank, Form::Full, Pole::Developer, 0),
        "",
    );
    let s = summarise(&bank, &honest, &texts);
    assert!(!s.careless, "{:?}", s.quality);
    assert!(
        !s.quality.iter().any(|q| q.contains("pull both ways")),
        "{:?}",
        s.quality
    );
}

#[test]
fn html_is_self_contained() {
    let bank = common::default_bank();
    let texts = Texts::load();
    for (_, r) in every_shape() {
        let html = html_report(&summarise(&bank, &r, &texts));
        assert!(
            html.contains("<svg")
                && !html.contains("<script")
                && !html.contains("http://")
                && !html.contains("https://")
        );
    }
}

/// The first `n` questions of the full form answered with `pick` (scale) or the first option.
fn first_answers(n: usize, pick: u8) -> ResultFile {
    let bank = common::default_bank();
    let answers: Answers = bank
        .questions
        .iter()
        .take(n)
        .map(|q| {
            let a = match &q.kind {
                Kind::Choice { options, .. } => Answer::Option(
                    options
                        .iter()
                        .find(|o| o.lean == 0.0 || pick != 3)
                        .unwrap_or(&options[0])
                        .key,
                ),
                _ => Answer::Scale(pick),
            };
            (q.id.clone(), a)
        })
        .collect();
    result(&bank, Form::Full, answers, "edge")
}

#[test]
fn few_answers_claim_no_certainty_on_screen_or_in_exports() {
    let bank = common::default_bank();
    let texts = Texts::load();
    for (name, r) in [
        ("one_answer", first_answers(1, 5)),
        ("three_answers", first_answers(3, 5)),
    ] {
        let app = shown(r.clone(), false);
        let screen = screen(&app, 100, 30);
        insta::assert_snapshot!(format!("dashboard_{name}_100x30"), screen);
        assert!(!screen.contains("± 0 "), "{name}: {screen}");
        let s = summarise(&bank, &r, &texts);
        assert!(screen.contains("NOT PLACED YET"), "{name}: {screen}");
        assert!(
            screen.contains(&format!("{} more", 10 - r.scores.answered)),
            "{name}: {screen}"
        );
        assert!(screen.contains("no band is named"), "{name}: {screen}");
        assert!(s.archetype.is_none());
        assert!(markdown_report(&s).contains("Not placed yet"));
        assert!(html_report(&s).contains("Not placed yet"));
        if r.scores.margin.is_none() {
            assert!(screen.contains("too few answers"), "{name}: {screen}");
        }
    }
    // One answer: no consistency figure, and JSON says null for what it cannot know.
    let one = summarise(&bank, &first_answers(1, 5), &texts);
    let json: serde_json::Value = serde_json::from_str(&json_export(&one)).unwrap();
    for key in [
        "margin",
        "consistency",
        "archetype",
        "preference_margin",
        "practice_margin",
        "consistency_level",
    ] {
        assert!(json[key].is_null(), "{key}: {}", json[key]);
    }
}

#[test]
fn an_old_result_is_rescored_with_the_current_model() {
    let bank = common::default_bank();
    let mut r = first_answers(2, 3);
    // As a version-1 file would have it: zero spread, so "± 0", and a placement from two answers.
    r.model = 1;
    r.scores.margin = Some(0.0);
    r.scores.archetype = Some(rolefit::scoring::Archetype::Hybrid);
    let s = summarise(&bank, &r, &Texts::load());
    assert_eq!(s.result.scores.margin, None);
    assert_eq!(s.result.scores.archetype, None);
    assert_eq!(s.result.model, rolefit::scoring::MODEL_VERSION);
}
