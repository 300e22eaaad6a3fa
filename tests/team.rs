//! The team view's core: cards from results (never an answer in them), coverage and sentences
//! recomputed here by separate code for generated teams, and the Team screen at three sizes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use proptest::prelude::*;
use rolefit::answers::{Answer, Answers};
use rolefit::bank::{Bank, Form, Kind};
use rolefit::store::BankRef;
use rolefit::team::{self, Card, Loaded, Scale, Team};
use rolefit::tui::Start;

use common::tui::{app, fixed_now, render};

fn bank() -> Bank {
    common::default_bank()
}

/// combined, margin, preference, its margin, practice, its margin.
type Six = (
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Option<f64>,
);

fn scale(v: Six) -> Scale {
    let (combined, margin, preference, preference_margin, practice, practice_margin) = v;
    Scale {
        combined,
        margin: combined.and(margin),
        preference,
        practice,
        answered: 9,
        preference_margin: preference.and(preference_margin),
        practice_margin: practice.and(practice_margin),
    }
}

/// A card with these scales, taken a month before the fixed now.
fn card(name: &str, overall: Scale, dims: Vec<(String, Scale)>) -> Card {
    Card {
        schema: team::CARD_SCHEMA,
        kind: team::CARD_KIND.into(),
        name: name.into(),
        taken_at: "2026-10-24T12:00:00Z".parse().unwrap(),
        form: Form::Full,
        bank: BankRef {
            name: "rolefit default".into(),
            version: "2.0".into(),
            fingerprint: "e74ee3043e072132".into(),
        },
        model: 2,
        archetype: overall
            .combined
            .map(rolefit::scoring::Archetype::from_overall),
        overall,
        dimensions: dims.into_iter().collect(),
        context: None,
    }
}

fn build(cards: Vec<Card>, anonymous: bool) -> Team {
    let loaded = Loaded {
        cards,
        ..Loaded::default()
    };
    team::build(loaded, &bank(), fixed_now(), anonymous)
}

fn any_score() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![1 => Just(None), 6 => (-100.0..=100.0f64).prop_map(Some)]
}

fn any_margin() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![1 => Just(None), 6 => (0.5..=100.0f64).prop_map(Some)]
}

fn any_scale() -> impl Strategy<Value = Scale> {
    (
        any_score(),
        any_margin(),
        any_score(),
        any_margin(),
        any_score(),
        any_margin(),
    )
        .prop_map(scale)
}

const NAMES: [&str; 6] = ["Sam", "Maya", "Lee", "Priya", "Jo", "Sam"];

fn any_team() -> impl Strategy<Value = Vec<Card>> {
    let dims: Vec<String> = bank().dimensions.iter().map(|d| d.id.clone()).collect();
    let n = dims.len();
    prop::collection::vec(
        (
            0..NAMES.len(),
            any_scale(),
            prop::collection::vec(any_scale(), n),
            // Now and then a card without the last dimension: an unshared scale.
            prop::bool::weighted(0.1),
        ),
        2..12,
    )
    .prop_map(move |people| {
        people
            .into_iter()
            .map(|(name, overall, scales, drop_last)| {
                let mut d: Vec<(String, Scale)> = dims.iter().cloned().zip(scales).collect();
                if drop_last {
                    d.pop();
                }
                card(NAMES[name], overall, d)
            })
            .collect()
    })
}

/// The lean rule, written out again from the README.
fn leans(s: &Scale) -> &'static str {
    match (s.combined, s.margin) {
        (Some(v), Some(m)) if v >= 20.0 && v - m > 0.0 => "engineer",
        (Some(v), Some(m)) if v <= -20.0 && v + m < 0.0 => "developer",
        (Some(v), Some(_)) if v.abs() < 20.0 => "balanced",
        _ => "unclear",
    }
}

/// Compare's rule, written out again: the difference beyond both margins combined.
fn real_gap(s: &Scale) -> Option<&'static str> {
    let (p, q, a, b) = (
        s.preference?,
        s.practice?,
        s.preference_margin?,
        s.practice_margin?,
    );
    ((q - p).abs() > (a * a + b * b).sqrt()).then_some(if q > p { "engineer" } else { "developer" })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn coverage_and_every_statement_recomputed(cards in any_team()) {
        let t = build(cards.clone(), false);
        let json: serde_json::Value =
            serde_json::from_str(&rolefit::report::team::team_json(&t)).unwrap();
        let n = cards.len();
        for d in &bank().dimensions {
            let held: Vec<&Scale> = cards.iter().filter_map(|c| c.dimensions.get(&d.id)).collect();
            if held.is_empty() {
                continue;
            }
            let cov = &json["coverage"][&d.id];
            for side in ["engineer", "developer", "balanced", "unclear"] {
                let k = held.iter().filter(|s| leans(s) == side).count();
                prop_assert_eq!(cov[side].as_u64(), Some(k as u64), "{} {}", d.id, side);
            }
            let shared = held.len() == n;
            let said: Vec<&serde_json::Value> = json["statements"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|s| s["dimension"] == d.id.as_str())
                .collect();
            if !shared {
                prop_assert!(said.is_empty(), "unshared {} spoken of", d.id);
                continue;
            }
            for side in ["engineer", "developer"] {
                let k = held.iter().filter(|s| leans(s) == side).count();
                let nobody = format!("Nobody leans {side} on {}", d.title);
                let has = said.iter().any(|s| s["sentence"].as_str().unwrap().starts_with(&nobody));
                prop_assert_eq!(has, k == 0, "{}", nobody);
                let gaps = held.iter().filter(|s| real_gap(s) == Some(side)).count();
                let gap = format!("more {side}-side work than they would choose on {}", d.title);
                let found = said.iter().find(|s| s["sentence"].as_str().unwrap().contains(&gap));
                match found {
                    Some(s) => {
                        let head = format!("{gaps} of {n} ");
                        prop_assert!(gaps > 0 && s["sentence"].as_str().unwrap().starts_with(&head));
                        prop_assert_eq!(s["numbers"]["count"].as_u64(), Some(gaps as u64));
                    }
                    None => prop_assert_eq!(gaps, 0),
                }
            }
            let both = said.iter().find(|s| s["kind"] == "both-sides");
            let (e, v) = (
                held.iter().filter(|s| leans(s) == "engineer").count(),
                held.iter().filter(|s| leans(s) == "developer").count(),
            );
            prop_assert_eq!(both.is_some(), e > 0 && v > 0);
            if let Some(s) = both {
                for name in s["names"].as_array().unwrap() {
                    let m = t.members.iter().find(|m| m.name == name.as_str().unwrap()).unwrap();
                    let l = leans(&cards[t.members.iter().position(|x| x.name == m.name).unwrap()].dimensions[&d.id]);
                    prop_assert!(l == "engineer" || l == "developer");
                }
            }
        }
    }

    #[test]
    fn no_answer_question_id_or_text_in_any_card(
        picks in prop::collection::vec(0usize..5, 60),
        label in "[a-z ]{0,12}",
        context in any::<bool>(),
    ) {
        let b = bank();
        let answers: Answers = b
            .questions
            .iter()
            .zip(picks.iter().cycle())
            .filter(|(_, p)| **p != 4)
            .map(|(q, p)| {
                let a = match &q.kind {
                    Kind::Choice { options, .. } => Answer::Option(options[p % options.len()].key),
                    _ => Answer::Scale(u8::try_from(p + 1).unwrap()),
                };
                (q.id.clone(), a)
            })
            .collect();
        let mut r = common::results::result(&b, Form::Full, answers, &label);
        r.context = Some(rolefit::context::Context { years: Some(5), role: None, users: None });
        let json = Card::of(&r, &b, None, context).to_json();
        prop_assert!(!json.contains("\"answers\"") && !json.contains("\"drivers\"") && !json.contains("\"order\""));
        for q in &b.questions {
            prop_assert!(!json.contains(&format!("\"{}\"", q.id)), "{} in a card", q.id);
            prop_assert!(!json.contains(&q.text), "a question's text in a card");
        }
        prop_assert_eq!(json.contains("\"context\""), context);
        prop_assert_eq!(Card::parse(&json, fixed_now()).unwrap(), Card::of(&r, &b, None, context));
    }
}

#[test]
fn a_card_round_trips_and_keeps_the_results_scores() {
    let b = bank();
    let r = common::people::principal(&b);
    let c = Card::of(&r, &b, Some("  Sam  "), true);
    assert_eq!(c.name, "Sam");
    let back = Card::parse(&c.to_json(), fixed_now()).unwrap();
    assert_eq!(back, c);
    assert_eq!(back.overall.combined, r.scores.overall);
    assert_eq!(back.dimensions, r.scores.dimensions);
    assert_eq!(Card::of(&r, &b, None, true).name, "principal");
    let mut unlabelled = r.clone();
    unlabelled.label.clear();
    assert_eq!(Card::of(&unlabelled, &b, Some(" "), true).name, "anonymous");
}

/// `n` people spread across the scale, every third with a real gap, the fifth without margins.
pub fn spread(n: usize) -> Vec<Card> {
    let dims: Vec<String> = bank().dimensions.iter().map(|d| d.id.clone()).collect();
    (0..n)
        .map(|i| {
            let at = |k: usize| -90.0 + ((i * 37 + k * 53) % 181) as f64;
            let m = |k: usize| (i % 5 != 4).then_some(8.0 + ((i + k) % 4) as f64 * 6.0);
            let s = |k: usize| {
                let v = at(k);
                let gap = if i % 3 == 0 { 40.0 } else { 0.0 };
                scale((
                    Some(v),
                    m(k),
                    Some((v + gap).clamp(-100.0, 100.0)),
                    m(k),
                    Some((v - gap).clamp(-100.0, 100.0)),
                    m(k),
                ))
            };
            let names = [
                "Sam", "Maya", "Lee", "Priya", "Jo", "Ana", "Kofi", "Mei", "Tom", "Ines", "Raj",
                "Eva",
            ];
            let name = format!(
                "{}{}",
                names[i % names.len()],
                if i >= names.len() {
                    format!(" {}", i / names.len() + 1)
                } else {
                    String::new()
                }
            );
            card(
                &name,
                s(99),
                dims.iter()
                    .enumerate()
                    .map(|(k, d)| (d.clone(), s(k)))
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn team_screen_snapshots() {
    for n in [3, 12, 200] {
        let dir = tempfile::tempdir().unwrap();
        let a = app(dir.path(), Start::Team(Box::new(build(spread(n), false))));
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            insta::assert_snapshot!(format!("team_{n}_{w}x{h}"), render(&a, w, h).backend());
        }
    }
}

#[test]
fn team_screen_scrolls_to_the_strips_and_back_out() {
    use rolefit::tui::action::Action;
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), Start::Team(Box::new(build(spread(200), false))));
    let first = format!("{:?}", render(&a, 80, 24).backend());
    assert!(
        first.contains("-100 to -80") && first.contains("+80 to +100"),
        "{first}"
    );
    common::tui::drive(
        &mut a,
        &[Action::PageDown, Action::PageDown, Action::PageDown],
    );
    let text = format!("{:?}", render(&a, 80, 24).backend());
    assert!(text.contains("30 more above"), "{text}");
    common::tui::drive(&mut a, &[Action::Quit]);
    assert!(a.leaving() || !matches!(a.screen, rolefit::tui::app::Screen::Team(_)));
}

/// The screen as text, one line per row.
fn screen(a: &rolefit::tui::App, w: u16, h: u16) -> String {
    let t = render(a, w, h);
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_sentence_and_member_shows_whole_at_every_size_never_cut() {
    use rolefit::tui::action::Action;
    let t = build(spread(12), false);
    let mut want: Vec<String> = t.statements.iter().map(|s| s.sentence.clone()).collect();
    want.push("Where you want to grow: ".into());
    want.extend(t.members.iter().map(|m| format!("{}  {}", m.tag, m.name)));
    for (w, h) in [(60, 16), (100, 30), (200, 60)] {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app(dir.path(), Start::Team(Box::new(t.clone())));
        let mut frames = vec![screen(&a, w, h)];
        while frames.last().is_some_and(|f| f.contains("more below")) && frames.len() < 400 {
            common::tui::drive(&mut a, &[Action::Down]);
            frames.push(screen(&a, w, h));
        }
        let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
        for f in &frames {
            assert!(!f.contains('…'), "{w}x{h}:\n{f}");
        }
        for s in &want {
            let ws = words(s);
            let seen = frames
                .iter()
                .any(|f| words(f).windows(ws.len()).any(|x| x == ws.as_slice()));
            assert!(seen, "{w}x{h}: never shown whole: {s}");
        }
    }
}

#[test]
fn a_hostile_name_reaches_the_screen_escaped_and_context_in_words() {
    let mut cards = spread(3);
    cards[0].name = "Sam\u{1b}[2J\u{202e}".into();
    cards[1].context = Some(rolefit::context::Context {
        years: Some(8),
        role: Some(rolefit::context::Role::Staff),
        users: Some(rolefit::context::Users::Teams),
    });
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), Start::Team(Box::new(build(cards, false))));
    common::tui::drive(&mut a, &[rolefit::tui::action::Action::Bottom]);
    let f = screen(&a, 120, 40);
    assert!(!f.contains('\u{1b}') && !f.contains('\u{202e}'));
    assert!(f.contains("Sam\\u{1b}[2J\\u{202e}"), "{f}");
    assert!(f.contains("8 years · staff/principal · builds for"), "{f}");
}

#[test]
fn s_on_a_result_writes_its_team_card_without_answers() {
    let b = bank();
    let r = common::people::principal(&b);
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), Start::Show(Box::new(r.clone())));
    let key = crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('s'),
        crossterm::event::KeyModifiers::NONE,
    );
    let action = rolefit::tui::keymap::action(a.context(), key).unwrap();
    common::tui::drive(&mut a, &[action]);
    let path = dir
        .path()
        .join("exports")
        .join(format!("{}.team-card.json", r.id));
    let text = std::fs::read_to_string(&path).unwrap();
    let card = Card::parse(&text, fixed_now()).unwrap();
    assert_eq!(card.name, "principal");
    assert!(!text.contains("answers"));
    let notice = a.notice.as_ref().unwrap();
    assert!(
        notice.text.starts_with("Share with your team: wrote"),
        "{}",
        notice.text
    );
    assert!(notice.text.contains("a card without your answers"));
}
