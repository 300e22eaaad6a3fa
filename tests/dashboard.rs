//! The result dashboard and its exports: snapshots at three sizes, and proof that what it says
//! follows from the answers.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::results::{leaning, result};
use common::tui::{app_with, render};
use ratatui::style::Color;
use rolefit::answers::{Answer, Answers};
use rolefit::assets::Texts;
use rolefit::bank::{Form, Kind, Pole};
use rolefit::report::{Export, html_report, json_export, markdown_report, summarise};
use rolefit::store::ResultFile;
use rolefit::tui::Start;
use rolefit::tui::action::Action;

fn shown(r: ResultFile, color: bool) -> rolefit::tui::App {
    let dir = tempfile::tempdir().unwrap();
    app_with(
        common::default_bank(),
        dir.path(),
        Start::Show(Box::new(r)),
        color,
    )
}

fn developer() -> ResultFile {
    let bank = common::default_bank();
    result(
        &bank,
        Form::Full,
        leaning(&bank, Form::Full, Pole::Developer, 4),
        "developer",
    )
}

fn hybrid() -> ResultFile {
    let bank = common::default_bank();
    result(
        &bank,
        Form::Full,
        leaning(&bank, Form::Full, Pole::Engineer, 2),
        "hybrid",
    )
}

fn engineer() -> ResultFile {
    let bank = common::default_bank();
    result(
        &bank,
        Form::Full,
        leaning(&bank, Form::Full, Pole::Engineer, 5),
        "engineer",
    )
}

#[test]
fn snapshots_at_three_sizes_for_three_results() {
    for (name, r) in [
        ("developer", developer()),
        ("hybrid", hybrid()),
        ("engineer", engineer()),
    ] {
        for (w, h) in [(80, 24), (100, 30), (160, 50)] {
            let app = shown(r.clone(), true);
            insta::assert_snapshot!(
                format!("dashboard_{name}_{w}x{h}"),
                render(&app, w, h).backend()
            );
        }
    }
}

#[test]
fn small_terminals_show_one_panel_at_a_time() {
    let mut app = shown(developer(), true);
    for (k, name) in [(3, "why"), (5, "next")] {
        app.update(Action::Pick(k));
        insta::assert_snapshot!(
            format!("dashboard_panel_{name}_80x24"),
            render(&app, 80, 24).backend()
        );
    }
}

#[test]
fn monochrome_dashboard_has_no_colours() {
    for r in [developer(), engineer()] {
        let app = shown(r, false);
        for (w, h) in [(80, 24), (160, 50)] {
            let t = render(&app, w, h);
            assert!(
                t.backend()
                    .buffer()
                    .content()
                    .iter()
                    .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
            );
        }
        let coloured = shown(developer(), true);
        let t = render(&coloured, 160, 50);
        assert!(
            t.backend()
                .buffer()
                .content()
                .iter()
                .any(|c| c.fg != Color::Reset)
        );
    }
}

#[test]
fn skipped_questions_and_an_empty_dimension_say_not_enough_answers() {
    let bank = common::default_bank();
    let mut answers = leaning(&bank, Form::Full, Pole::Developer, 3);
    let impact: Vec<String> = bank
        .questions
        .iter()
        .filter(|q| q.dimension == "impact")
        .map(|q| q.id.clone())
        .collect();
    answers.retain(|id, _| !impact.contains(id) && !id.starts_with("path-"));
    let r = result(&bank, Form::Full, answers, "partial");
    assert!(r.scores.skipped > 0);
    let app = shown(r.clone(), true);
    let text = format!("{}", render(&app, 100, 30).backend());
    assert!(text.contains("not enough answers"), "{text}");
    insta::assert_snapshot!("dashboard_partial_100x30", render(&app, 100, 30).backend());
    let texts = Texts::load().unwrap();
    let md = markdown_report(&summarise(&bank, &r, &texts));
    assert!(
        md.contains("| Impact on the team | not enough answers |"),
        "{md}"
    );
}

#[test]
fn drivers_follow_the_answers() {
    let bank = common::default_bank();
    let texts = Texts::load().unwrap();
    let mut answers = leaning(&bank, Form::Full, Pole::Engineer, 0);
    let flip = |answers: &mut Answers, id: &str| {
        let q = bank.question(id).unwrap();
        answers.insert(id.to_owned(), common::extreme(q, Pole::Developer));
    };
    flip(&mut answers, "scope-story-end-to-end");
    let a = result(&bank, Form::Full, answers.clone(), "");
    assert_eq!(a.scores.drivers.developer, ["scope-story-end-to-end"]);
    flip(&mut answers, "focus-watch-users");
    answers.insert(
        "scope-story-end-to-end".into(),
        common::extreme(
            bank.question("scope-story-end-to-end").unwrap(),
            Pole::Engineer,
        ),
    );
    let b = result(&bank, Form::Full, answers, "");
    assert_eq!(b.scores.drivers.developer, ["focus-watch-users"]);
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
            "I get a lot of satisfaction from taking one user story from the ticket all the way to production myself. (5 · Strongly agree)"
        ]
    );
    assert_eq!(
        quoted(&b),
        [
            "Watching real people try something I built is one of my favourite parts of the job. (5 · Strongly agree)"
        ]
    );
    let md = markdown_report(&summarise(&bank, &b, &texts));
    assert!(md.contains("- “Watching real people try something I built is one of my favourite parts of the job.” — you answered *5 · Strongly agree*"), "{md}");
}

/// Answers alternating between the poles, so the margin is wide enough to compare.
fn mixed(form: Form) -> ResultFile {
    let bank = common::default_bank();
    result(&bank, form, leaning(&bank, form, Pole::Engineer, 2), "")
}

#[test]
fn a_quick_result_has_a_wider_band_than_a_full_one() {
    let (quick, full) = (mixed(Form::Quick), mixed(Form::Full));
    let (mq, mf) = (quick.scores.margin.unwrap(), full.scores.margin.unwrap());
    assert!(mq > mf, "quick {mq} vs full {mf}");
    let band = |r: ResultFile| {
        format!("{}", render(&shown(r, true), 100, 30).backend())
            .matches('═')
            .count()
    };
    assert!(band(quick) > band(full));
}

#[test]
fn learning_steps_follow_the_divided_dimension() {
    let bank = common::default_bank();
    let texts = Texts::load().unwrap();
    // Enjoy engineer work but practise developer work in one dimension; neutral elsewhere.
    let divided = |dim: &str| -> Answers {
        bank.questions
            .iter()
            .filter_map(|q| {
                let a = if q.dimension == dim {
                    let pole = if q.lens == rolefit::bank::Lens::Preference {
                        Pole::Engineer
                    } else {
                        Pole::Developer
                    };
                    common::extreme(q, pole)
                } else {
                    match &q.kind {
                        Kind::Choice { options, .. } => Answer::Option(
                            options
                                .iter()
                                .min_by(|a, b| a.lean.abs().total_cmp(&b.lean.abs()))?
                                .key,
                        ),
                        _ => Answer::Scale(3),
                    }
                };
                Some((q.id.clone(), a))
            })
            .collect()
    };
    let steps =
        |dim: &str| summarise(&bank, &result(&bank, Form::Full, divided(dim), ""), &texts).steps;
    let focus = steps("focus");
    assert_eq!(focus[0].dimension, "focus");
    assert_eq!(focus[0].toward, Pole::Engineer);
    assert!(
        focus[0].why.contains("Primary focus")
            && focus[0]
                .why
                .contains("enjoy engineer work more than you do"),
        "{}",
        focus[0].why
    );
    let workstyle = steps("workstyle");
    assert_eq!(workstyle[0].dimension, "workstyle");
    assert_ne!(focus[0].text, workstyle[0].text);
    assert!((3..=5).contains(&focus.len()), "{}", focus.len());
}

#[test]
fn straight_lining_and_contradictions_are_named() {
    let bank = common::default_bank();
    let texts = Texts::load().unwrap();
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
fn json_export_round_trips_and_html_is_self_contained() {
    let bank = common::default_bank();
    let texts = Texts::load().unwrap();
    for r in [developer(), hybrid(), mixed(Form::Quick)] {
        let back: Export = serde_json::from_str(&json_export(&r)).unwrap();
        assert_eq!(back.scores, r.scores);
        assert_eq!(back.answers, r.answers);
        assert_eq!(
            (back.id.as_str(), back.label.as_str()),
            (r.id.as_str(), r.label.as_str())
        );
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
    let texts = Texts::load().unwrap();
    for (name, r) in [
        ("one_answer", first_answers(1, 5)),
        ("three_answers", first_answers(3, 5)),
        ("all_neutral", {
            let all = bank.questions.len();
            first_answers(all, 3)
        }),
    ] {
        let app = shown(r.clone(), false);
        let screen = format!("{}", render(&app, 100, 30).backend());
        insta::assert_snapshot!(format!("dashboard_{name}_100x30"), screen);
        assert!(!screen.contains("± 0 "), "{name}: {screen}");
        let s = summarise(&bank, &r, &texts);
        if r.scores.answered < 10 {
            assert!(screen.contains("NOT PLACED YET"), "{name}: {screen}");
            assert!(
                screen.contains(&format!("{} more", 10 - r.scores.answered)),
                "{name}: {screen}"
            );
            assert!(!screen.contains("Engineer in the making".to_uppercase().as_str()));
            assert!(s.archetype.is_none());
            assert!(markdown_report(&s).contains("Not placed yet"));
            assert!(html_report(&s).contains("Not placed yet"));
        }
        if r.scores.margin.is_none() {
            assert!(!screen.contains("the band is the 95% margin"), "{name}");
            assert!(screen.contains("too few answers"), "{name}: {screen}");
        }
    }
    // One answer: no consistency figure, and JSON says null for what it cannot know.
    let one = first_answers(1, 5);
    let json: serde_json::Value = serde_json::from_str(&json_export(&one)).unwrap();
    for key in [
        "margin",
        "consistency",
        "archetype",
        "preference_margin",
        "practice_margin",
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
    let s = summarise(&bank, &r, &Texts::load().unwrap());
    assert_eq!(s.result.scores.margin, None);
    assert_eq!(s.result.scores.archetype, None);
    assert_eq!(s.result.model, rolefit::scoring::MODEL_VERSION);
}
