//! Drawing never panics: every screen at every size, random states at random sizes, and texts
//! with wide, combining and right-to-left characters. Colour is checked at the style level.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::tui::{app, app_with, drive, render};
use proptest::prelude::*;
use ratatui::style::{Color, Modifier};
use rolefit::bank::Form;
use rolefit::engine::Status;
use rolefit::tui::action::Action::{self, *};
use rolefit::tui::{App, Start};

/// One app in each screen and overlay.
fn every_state(dir: &std::path::Path) -> Vec<(&'static str, App)> {
    let mut states = vec![
        ("home", app(dir, Start::Home)),
        ("intro", app(dir, Start::Take(Form::Full))),
    ];
    let steps: [(&str, &[Action]); 6] = [
        ("question", &[Confirm, Confirm, Pick(3)]),
        ("review", &[Confirm, Confirm, Pick(3), Skip, Action::Review]),
        ("quit dialog", &[Confirm, Confirm, Quit]),
        ("help", &[Confirm, Confirm, Help]),
        (
            "finish dialog",
            &[Confirm, Confirm, Pick(2), Action::Review, Finish],
        ),
        (
            "result",
            &[
                Confirm,
                Confirm,
                Pick(2),
                Skip,
                Action::Review,
                Finish,
                Letter('f'),
            ],
        ),
    ];
    for (name, actions) in steps {
        let mut a = app(dir, Start::Take(Form::Quick));
        drive(&mut a, actions);
        states.push((name, a));
    }
    let data = saved_data(dir);
    let later: [(&str, Start, &[Action]); 6] = [
        ("history", Start::History, &[]),
        ("history rename", Start::History, &[Rename]),
        ("history delete", Start::History, &[Down, Delete]),
        ("compare", Start::History, &[Compare]),
        ("goals", Start::Goals, &[]),
        ("goal form", Start::Goals, &[Add, Down, Down]),
    ];
    for (name, start, actions) in later {
        let mut a = app(&data, start);
        drive(&mut a, actions);
        states.push((name, a));
    }
    states
}

/// A data directory with three results (one per leaning) and a goal, inside `dir`.
fn saved_data(dir: &std::path::Path) -> std::path::PathBuf {
    use rolefit::bank::Pole;
    let data = dir.join("saved");
    if data.is_dir() {
        return data;
    }
    let store = rolefit::store::Store::open(&data).unwrap();
    let bank = common::default_bank();
    for (i, pole) in [Pole::Developer, Pole::Engineer, Pole::Engineer]
        .into_iter()
        .enumerate()
    {
        let answers = common::results::leaning(&bank, Form::Full, pole, 2 + i);
        common::results::saved(
            &store,
            &bank,
            answers,
            "label",
            &format!("2026-0{}-01T09:00:00Z", i + 1),
        );
    }
    let latest = store.find_result("latest").unwrap();
    store
        .update_goals(|f| {
            f.goals.push(rolefit::store::Goal {
                id: 1,
                dimension: "scope".into(),
                lens: None,
                target: 90.0,
                baseline: latest.id.clone(),
                baseline_score: 10.0,
                baseline_margin: None,
                note: "a note".into(),
                due: Some("2026-02-01".parse().unwrap()),
                created_at: latest.taken_at,
                done_at: None,
            });
            Ok::<(), rolefit::store::StoreError>(())
        })
        .unwrap();
    data
}

#[test]
fn every_screen_renders_at_every_size_up_to_120x40() {
    let dir = tempfile::tempdir().unwrap();
    for (name, a) in every_state(dir.path()) {
        for w in 0..=120 {
            for h in 0..=40 {
                let result =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| render(&a, w, h)));
                assert!(result.is_ok(), "{name} panicked at {w}x{h}");
            }
        }
    }
}

#[test]
fn wide_combining_and_rtl_texts_render() {
    let dir = tempfile::tempdir().unwrap();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/banks/wide-text.toml");
    let bank = rolefit::bank::load_path(&path).unwrap();
    let mut a = app_with(bank, dir.path(), Start::Take(Form::Full), true);
    a.update(Confirm);
    a.update(Confirm); // About you
    for step in 0..4 {
        for (w, h) in [(60, 16), (61, 17), (80, 24), (100, 30), (200, 50), (13, 7)] {
            render(&a, w, h);
        }
        a.update(if step < 2 { Forward } else { Action::Review });
    }
    drive(&mut a, &[Finish, Letter('f'), Help]);
    for (w, h) in [(60, 16), (80, 24), (200, 50)] {
        render(&a, w, h);
    }
}

/// A 10,000-character statement, right-to-left scripts, CJK and emoji in options, titles and a
/// scenario: every screen of a whole assessment draws at small, odd and large sizes.
#[test]
fn a_10000_character_question_and_mixed_scripts_render() {
    let dir = tempfile::tempdir().unwrap();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/banks/wide-and-long.toml");
    let bank = rolefit::bank::load_path(&path).unwrap();
    assert!(bank.questions[0].text.chars().count() >= 10_000);
    let mut a = app_with(bank, dir.path(), Start::Take(Form::Full), true);
    a.update(Confirm);
    a.update(Confirm); // About you
    let sizes = [(1, 1), (60, 16), (61, 17), (80, 24), (100, 30), (300, 100)];
    for key in [Pick(4), Pick(2), Pick(5), Letter('a')] {
        for (w, h) in sizes {
            render(&a, w, h);
        }
        a.update(key);
    }
    for step in [Finish, Pick(3), Pick(5), Goal] {
        for (w, h) in sizes {
            render(&a, w, h);
        }
        a.update(step);
    }
    assert!(
        matches!(a.screen, rolefit::tui::app::Screen::GoalForm(_)),
        "{:?}",
        a.screen
    );
}

#[test]
fn no_color_uses_no_colours_and_shows_selection_by_reverse_video() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_with(
        common::default_bank(),
        dir.path(),
        Start::Take(Form::Quick),
        false,
    );
    // Nothing is highlighted on arrival; ↓ highlights the first option.
    drive(&mut a, &[Confirm, Confirm, Down]);
    let t = render(&a, 80, 24);
    let buf = t.backend().buffer();
    let mut reversed = 0;
    for cell in buf.content() {
        assert_eq!(
            cell.fg,
            Color::Reset,
            "a colour in monochrome mode at {:?}",
            cell.symbol()
        );
        assert_eq!(cell.bg, Color::Reset);
        if cell.modifier.contains(Modifier::REVERSED) {
            reversed += 1;
        }
    }
    assert!(
        reversed > 0,
        "the highlighted option is shown in reverse video"
    );
    // The marker carries the selection too, for screen readers and copy-paste.
    let text = format!("{}", t.backend());
    assert!(text.contains("▶ 1  Strongly disagree"), "{text}");
    let colored = app_with(common::default_bank(), dir.path(), Start::Home, true);
    let t = render(&colored, 80, 24);
    assert!(
        t.backend()
            .buffer()
            .content()
            .iter()
            .any(|c| c.fg != Color::Reset),
        "colour mode uses colour"
    );
}

fn action_strategy() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Up),
        Just(Down),
        Just(Back),
        Just(Forward),
        Just(Confirm),
        (1u8..7).prop_map(Pick),
        prop::sample::select(vec!['a', 'b', 'c', 'd', 'e', 'f', 'w', 'x']).prop_map(Letter),
        Just(Skip),
        Just(Action::Review),
        Just(Finish),
        Just(Help),
        Just(Quit),
        Just(Top),
        Just(Bottom),
        Just(PageUp),
        Just(PageDown),
        (0usize..20).prop_map(Click),
        Just(Mark),
        Just(Action::Compare),
        Just(Rename),
        Just(Delete),
        Just(Add),
        Just(Done),
        Just(Goal),
        Just(Erase),
        prop::sample::select(vec!['x', ' ', '✓', '界', 'ש']).prop_map(Type),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Random key sequences never panic, keep the engine consistent, and every state draws at
    /// any size up to 300x100.
    #[test]
    fn random_states_render_at_random_sizes(actions in prop::collection::vec(action_strategy(), 0..60), w in 0u16..=300, h in 0u16..=100, start in 0u8..4) {
        let dir = tempfile::tempdir().unwrap();
        let data = saved_data(dir.path());
        let mut a = match start {
            0 => app(dir.path(), Start::Take(Form::Quick)),
            1 => app(dir.path(), Start::Take(Form::Full)),
            2 => app(&data, Start::History),
            _ => app(&data, Start::Home),
        };
        for action in actions {
            if a.leaving() {
                break;
            }
            a.update(action);
            if let Some(s) = &a.session {
                let e = s.assessment();
                let p = e.progress();
                let answered = (0..e.len()).filter(|&i| matches!(e.status(i), Status::Answered(_))).count();
                prop_assert_eq!(p.answered, answered);
                prop_assert!(p.done() <= p.total && e.position() < e.len());
            }
        }
        render(&a, w, h);
    }
}
