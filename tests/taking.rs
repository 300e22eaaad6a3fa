//! Taking the assessment without traps: nothing answered by a stray Enter, a skipped question
//! says so, Review is where a change from Review returns, every option reachable at 60x16,
//! one honest progress count, notices that stay on their screen, and a home screen that
//! offers what comes next.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Measurements are printed for the record (`cargo test -- --nocapture`); no untrusted text.
#![allow(clippy::disallowed_macros)]

mod common;

use common::results::{leaning, saved};
use common::tui::{app, drive, render};
use rolefit::bank::{Form, Lens, Pole};
use rolefit::engine::Status;
use rolefit::store::Store;
use rolefit::tui::action::Action::*;
use rolefit::tui::app::{Resumable, Screen};
use rolefit::tui::{App, Start};

fn quick(dir: &std::path::Path) -> App {
    let mut a = app(dir, Start::Take(Form::Quick));
    a.update(Confirm);
    a.update(Confirm); // About you
    a
}

fn full(dir: &std::path::Path) -> App {
    let mut a = app(dir, Start::Take(Form::Full));
    a.update(Confirm);
    a.update(Confirm); // About you
    a
}

fn text(a: &App, w: u16, h: u16) -> String {
    let t = render(a, w, h);
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_owned())
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn position(a: &App) -> usize {
    a.session.as_ref().unwrap().assessment().position()
}

#[test]
fn a_new_question_has_nothing_highlighted_and_a_stray_enter_answers_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quick(dir.path());
    assert_eq!(
        a.screen,
        Screen::Question {
            cursor: None,
            from_review: false,
            marked: Vec::new(),
        }
    );
    a.update(Confirm);
    assert_eq!(position(&a), 0, "Enter with nothing chosen stays");
    assert_eq!(
        a.session.as_ref().unwrap().assessment().progress().answered,
        0
    );
    assert!(
        a.notice
            .as_ref()
            .unwrap()
            .text
            .contains("Nothing chosen yet: press 1-5, or ↓ then Enter.")
    );
    assert!(!text(&a, 80, 24).contains('▶'), "no option is marked");
    // ↓ highlights the first option; Enter then answers with it.
    drive(&mut a, &[Down, Confirm]);
    assert_eq!(position(&a), 1);
    // The next question starts with nothing highlighted again; back on the first, its answer is.
    assert!(matches!(a.screen, Screen::Question { cursor: None, .. }));
    a.update(Back);
    assert!(matches!(
        a.screen,
        Screen::Question {
            cursor: Some(0),
            ..
        }
    ));
}

#[test]
fn a_skipped_question_says_so_and_practice_skips_say_what_they_are_for() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quick(dir.path());
    a.update(Skip);
    a.update(Back);
    let screen = text(&a, 80, 24);
    assert!(screen.contains("● skipped"), "{screen}");
    // A question about what you do today offers "doesn't apply to me".
    let bank = a.bank.clone();
    let order = a.session.as_ref().unwrap().assessment().order().to_vec();
    let practice = order
        .iter()
        .position(|id| bank.question(id).unwrap().lens == Lens::Practice)
        .unwrap();
    a.open_question(practice, false);
    let screen = text(&a, 80, 24);
    assert!(screen.contains("s  Doesn't apply to me / skip"), "{screen}");
    let preference = order
        .iter()
        .position(|id| bank.question(id).unwrap().lens == Lens::Preference)
        .unwrap();
    a.open_question(preference, false);
    assert!(!text(&a, 80, 24).contains("Doesn't apply"));
}

#[test]
fn changing_an_answer_from_review_returns_to_review() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quick(dir.path());
    drive(&mut a, &[Pick(2), Pick(3), Pick(4), Review]);
    drive(&mut a, &[Top, Down, Confirm]);
    assert!(matches!(
        a.screen,
        Screen::Question {
            cursor: Some(_),
            from_review: true,
            ..
        }
    ));
    a.update(Pick(5));
    assert_eq!(a.screen, Screen::review(1), "back where it was");
    assert_eq!(
        a.session.as_ref().unwrap().assessment().status(1),
        Status::Answered(&rolefit::answers::Answer::Scale(5))
    );
    // Skipping from there returns too; ← on Review goes on with the questions as before.
    drive(&mut a, &[Down, Confirm, Skip]);
    assert_eq!(a.screen, Screen::review(2));
    a.update(Back);
    assert!(matches!(
        a.screen,
        Screen::Question {
            from_review: false,
            ..
        }
    ));
}

/// The labels of a question's options, as shown.
fn labels(a: &App) -> Vec<String> {
    let s = a.session.as_ref().unwrap().assessment();
    let q = s.current(&a.bank).unwrap();
    let shown = s.shown(q);
    (0..shown.len())
        .map(|i| format!("{}  {}", shown.key(i), shown.label(i)))
        .collect()
}

fn first_words(label: &str) -> String {
    label.chars().take(28).collect()
}

#[test]
fn at_60x16_every_option_is_reachable_and_a_hidden_part_is_marked() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = full(dir.path());
    let n = a.session.as_ref().unwrap().assessment().len();
    let mut scrolled = 0;
    for i in 0..n {
        for notice in [false, true] {
            a.open_question(i, false);
            if notice {
                a.inform("A notice takes a line of the screen away.".into());
            }
            let opts = labels(&a);
            let screen = text(&a, 60, 16);
            let all_shown = opts.iter().all(|l| screen.contains(&first_words(l)));
            if !all_shown {
                scrolled += 1;
                assert!(
                    screen.contains("below (press ↓)"),
                    "hidden options unmarked:\n{screen}"
                );
            }
            // ↓ reaches each option in turn, and the highlighted one is always on screen;
            // for a pair, so is statement B.
            let q = a
                .session
                .as_ref()
                .unwrap()
                .assessment()
                .current(&a.bank)
                .unwrap()
                .clone();
            for (k, l) in opts.iter().enumerate() {
                a.update(Down);
                let screen = text(&a, 60, 16);
                let head: String = first_words(l).chars().take(20).collect();
                assert!(
                    screen.contains(&format!("▶ {head}")),
                    "option {k} of {} not in view:\n{screen}",
                    q.id
                );
                if let Some((_, b)) = rolefit::answers::pair_sides(&q) {
                    let b: String = b.chars().take(20).collect();
                    assert!(screen.contains(&b), "B out of view:\n{screen}");
                }
                if screen.contains("above (press") || screen.contains("below (press") {
                    assert!(screen.contains('↑') || screen.contains('↓'));
                }
            }
        }
    }
    eprintln!("{scrolled} of {} question views scroll at 60x16", 2 * n);
}

#[test]
fn progress_says_one_count_and_an_honest_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quick(dir.path());
    drive(&mut a, &[Pick(3), Pick(3), Skip, Pick(3)]);
    let screen = text(&a, 100, 30);
    assert!(screen.contains("Question 5 of 14"), "{screen}");
    assert!(
        screen.contains("3 of 14 answered · 1 skipped · 10 left, about"),
        "{screen}"
    );
    // With five questions open the estimate says five, and whole minutes.
    let n = a.session.as_ref().unwrap().assessment().len();
    for _ in 0..(n - 4 - 5) {
        a.update(Pick(2));
    }
    let screen = text(&a, 100, 30);
    assert!(
        screen.contains("5 left, about 1 min") || screen.contains("5 left, about 2 min"),
        "{screen}"
    );
    assert!(!screen.contains("under a minute"));
}

#[test]
fn a_notice_stays_on_the_screen_it_was_raised_on() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let bank = common::default_bank();
    let r1 = saved(
        &store,
        &bank,
        leaning(&bank, Form::Full, Pole::Engineer, 3),
        "one",
        "2026-05-01T09:00:00Z",
    );
    saved(
        &store,
        &bank,
        leaning(&bank, Form::Full, Pole::Developer, 4),
        "two",
        "2026-06-01T09:00:00Z",
    );
    // "Exported to ..." on the dashboard does not follow to the goal form.
    let mut a = app(dir.path(), Start::Show(Box::new(r1)));
    a.update(Export);
    assert!(a.notice.is_some());
    a.update(Goal);
    assert!(matches!(a.screen, Screen::GoalForm(_)));
    assert!(a.notice.is_none(), "{:?}", a.notice);
    // "2 marked: press c" on History does not follow to Compare.
    let mut h = app(dir.path(), Start::History);
    drive(&mut h, &[Mark, Down, Mark]);
    assert!(h.notice.as_ref().unwrap().text.starts_with("2 marked"));
    h.update(Compare);
    assert!(matches!(h.screen, Screen::Compare(_)));
    assert!(h.notice.is_none(), "{:?}", h.notice);
    // A notice raised while leaving (a goal saved) shows where it lands.
    let mut g = app(dir.path(), Start::History);
    drive(&mut g, &[Confirm, Goal, Finish]);
    assert!(matches!(g.screen, Screen::Result(_)));
    assert!(g.notice.as_ref().unwrap().text.starts_with("Goal #1 saved"));
}

#[test]
fn an_old_date_error_goes_once_the_date_is_good() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let bank = common::default_bank();
    let r = saved(
        &store,
        &bank,
        leaning(&bank, Form::Full, Pole::Engineer, 3),
        "one",
        "2026-05-01T09:00:00Z",
    );
    let mut a = app(dir.path(), Start::Show(Box::new(r)));
    a.update(Goal);
    drive(&mut a, &[Down, Down, Down, Confirm, Clear]);
    for c in "2020-01-01".chars() {
        a.update(Type(c));
    }
    a.update(Confirm);
    assert!(a.notice.as_ref().unwrap().text.contains("already past"));
    drive(&mut a, &[Confirm, Clear]);
    for c in "2027-06-30".chars() {
        a.update(Type(c));
    }
    a.update(Confirm);
    assert!(a.notice.is_none(), "{:?}", a.notice);
}

#[test]
fn the_goal_form_note_follows_the_dimension_until_edited_and_the_target_is_never_the_score() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let bank = common::default_bank();
    // At the engineer pole everywhere: a target of "20 more toward engineer" is impossible.
    let r = saved(
        &store,
        &bank,
        common::all_at(&bank, Pole::Engineer),
        "top",
        "2026-05-01T09:00:00Z",
    );
    let mut a = app(dir.path(), Start::Show(Box::new(r)));
    a.update(Goal);
    let form = |a: &App| match &a.screen {
        Screen::GoalForm(f) => (**f).clone(),
        other => panic!("{other:?}"),
    };
    for _ in 0..bank.dimensions.len() {
        let f = form(&a);
        assert_ne!(
            f.target, 100,
            "the target is never where the result already is"
        );
        a.update(Forward);
    }
    // The note follows the dimension...
    let before = form(&a).note;
    a.update(Forward);
    let after = form(&a);
    assert_eq!(Some(&after.note), after.hint.as_ref());
    assert_ne!(before, after.note);
    // ...until it is edited.
    drive(&mut a, &[Down, Down, Down, Down, Confirm, Clear]);
    for c in "my own plan".chars() {
        a.update(Type(c));
    }
    a.update(Confirm);
    drive(&mut a, &[Up, Up, Up, Up, Forward]);
    assert_eq!(form(&a).note, "my own plan");
    // Due-date presets say what they are.
    drive(&mut a, &[Down, Down, Down, Forward, Forward]);
    let screen = text(&a, 100, 30);
    assert!(screen.contains("in 3 months · 2027-02-24"), "{screen}");
}

#[test]
fn home_offers_the_latest_result_and_preselects_resume() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let bank = common::default_bank();
    let a = app(dir.path(), Start::Home);
    assert!(!text(&a, 80, 24).contains("Your latest result"));
    saved(
        &store,
        &bank,
        leaning(&bank, Form::Full, Pole::Engineer, 3),
        "one",
        "2026-05-01T09:00:00Z",
    );
    let mut a = app(dir.path(), Start::Home);
    let screen = text(&a, 80, 24);
    assert!(
        screen.contains("Your latest result") && screen.contains("taken 1 May 2026"),
        "{screen}"
    );
    assert_eq!(a.screen, Screen::Home { cursor: 0 });
    // Full, quick, adaptive, History, Goals, About you, then the latest result: what is always
    // there keeps its number.
    drive(&mut a, &[Pick(7)]);
    assert!(matches!(a.screen, Screen::Result(_)));
    a.update(Quit);
    assert!(matches!(a.screen, Screen::Home { .. }), "q goes back home");
    // An unfinished assessment: Resume is where the highlight starts.
    let mut t = quick(dir.path());
    drive(&mut t, &[Pick(3), Interrupt]);
    let a = app(dir.path(), Start::Home);
    assert!(matches!(a.resumable, Resumable::Ready(_)));
    let Screen::Home { cursor } = a.screen else {
        panic!()
    };
    let items = rolefit::tui::screens::home::items(&a);
    assert_eq!(items[cursor], rolefit::tui::screens::home::Item::Resume);
    // Every item there can be (three forms, Resume, the latest result, History, Goals, About
    // you, Quit) has its number key, and the number after the last is no key.
    assert_eq!(items.len(), 9, "{items:?}");
    let digit = |n: usize| {
        let c = char::from_digit(u32::try_from(n).unwrap(), 10).unwrap();
        let key = crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char(c),
            crossterm::event::KeyModifiers::NONE,
        );
        rolefit::tui::keymap::action(rolefit::tui::keymap::Context::Home, key)
    };
    for n in 1..=items.len() {
        assert_eq!(digit(n), Some(Pick(u8::try_from(n).unwrap())), "{n}");
    }
    // Nine items use every number key; 0 is none of them.
    assert_eq!(digit(0), None);
    let mut a = a;
    drive(&mut a, &[Pick(9)]);
    assert!(a.leaving(), "9 is Quit");
}

#[test]
fn save_and_quit_and_ctrl_c_leave_one_line_for_the_shell() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quick(dir.path());
    drive(&mut a, &[Pick(3), Pick(4), Quit, Confirm]);
    assert!(a.leaving());
    let line = a.farewell().unwrap().to_owned();
    assert!(
        line.starts_with("Saved 2 of 14 answers in ") && line.contains("choose Resume"),
        "{line}"
    );
    let mut b = app(dir.path(), Start::Home);
    drive(&mut b, &[Confirm, Pick(2), Interrupt]);
    assert!(b.farewell().unwrap().starts_with("Saved 3 of 14 answers"));
    // Quitting from home with nothing under way says nothing.
    let mut c = app(dir.path(), Start::Home);
    c.update(Quit);
    assert!(c.leaving() && c.farewell().is_none());
}

#[test]
fn screens_started_from_the_shell_return_to_it_on_q() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let bank = common::default_bank();
    let r1 = saved(
        &store,
        &bank,
        leaning(&bank, Form::Full, Pole::Engineer, 3),
        "one",
        "2026-05-01T09:00:00Z",
    );
    let r2 = saved(
        &store,
        &bank,
        leaning(&bank, Form::Full, Pole::Developer, 3),
        "two",
        "2026-06-01T09:00:00Z",
    );
    for start in [
        Start::Show(Box::new(r1.clone())),
        Start::History,
        Start::Compare(Box::new(r1.clone()), Box::new(r2.clone())),
        Start::Goals,
    ] {
        let mut a = app(dir.path(), start.clone());
        a.update(Quit);
        assert!(a.leaving(), "{start:?}: q returns to the shell");
    }
    // Deeper in, q walks back up, then out.
    let mut h = app(dir.path(), Start::History);
    h.update(Confirm);
    assert!(matches!(h.screen, Screen::Result(_)));
    h.update(Quit);
    assert!(matches!(h.screen, Screen::History(_)) && !h.leaving());
    h.update(Quit);
    assert!(h.leaving());
    // Named newest first, Compare swaps them and says so.
    let c = app(dir.path(), Start::Compare(Box::new(r2), Box::new(r1)));
    assert_eq!(
        c.notice.as_ref().unwrap().text,
        rolefit::tui::screens::compare::SWAPPED
    );
}

#[test]
fn quitting_says_what_each_button_does_and_discarding_asks_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quick(dir.path());
    drive(&mut a, &[Pick(3), Quit]);
    let screen = text(&a, 80, 24);
    assert!(
        screen.contains("Save and quit keeps your 1 answer"),
        "{screen}"
    );
    assert!(
        !screen.contains("are saved"),
        "no claim the buttons contradict"
    );
    drive(&mut a, &[Letter('d')]);
    let screen = text(&a, 80, 24);
    assert!(screen.contains("Discard your answers?"), "{screen}");
    assert!(screen.contains("cannot be recovered"), "{screen}");
    a.update(Back);
    assert!(!a.leaving() && a.dialog().is_none(), "Esc keeps them");
    assert!(
        Store::open(dir.path())
            .unwrap()
            .load_in_progress()
            .unwrap()
            .is_some()
    );
}

#[test]
fn a_resume_on_a_newer_bank_keeps_what_still_means_the_same_and_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quick(dir.path());
    drive(&mut a, &[Pick(3), Pick(4), Pick(2), Interrupt]);
    let progress = Store::open(dir.path())
        .unwrap()
        .load_in_progress()
        .unwrap()
        .unwrap();
    let order = progress.assessment.order().to_vec();
    // The next version renames the first question asked (a rewrite gets a new id).
    let first = &order[0];
    // Whatever version is built in now, the next one is later.
    let now = common::default_bank().version;
    let newer = rolefit::bank::DEFAULT_BANK_TOML
        .replace(
            &format!("id = \"{first}\""),
            "id = \"a-rewritten-question\"",
        )
        .replace(&format!("version = \"{now}\""), "version = \"99.0\"");
    let bank = rolefit::bank::load_str(&newer, std::path::Path::new("newer.toml")).unwrap();
    let mut b = common::tui::app_with(bank, dir.path(), Start::Home, true);
    b.update(Confirm);
    let s = b.session.as_ref().expect("resumed");
    let e = s.assessment();
    assert_eq!(e.progress().answered, 2, "two answers still mean the same");
    assert_eq!(e.len(), 14, "the new question is asked instead");
    assert_eq!(e.order().last().unwrap(), "a-rewritten-question");
    let note = &b.notice.as_ref().unwrap().text;
    assert!(
        note.contains(&format!("version {now} → 99.0"))
            && note.contains("1 answer to a question no longer asked"),
        "{note}"
    );
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!("in-progress.bank-{now}-")))
        .collect();
    assert_eq!(kept.len(), 1, "a copy as it was: {kept:?}");
    let copy = std::fs::read_to_string(dir.path().join(&kept[0])).unwrap();
    assert!(copy.contains(first.as_str()));
}

#[test]
fn a_label_at_its_limit_says_so_rather_than_dropping_keys() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let bank = common::default_bank();
    saved(
        &store,
        &bank,
        leaning(&bank, Form::Full, Pole::Engineer, 3),
        "",
        "2026-05-01T09:00:00Z",
    );
    let mut h = app(dir.path(), Start::History);
    h.update(Rename);
    for _ in 0..rolefit::session::MAX_LABEL_CHARS + 5 {
        h.update(Type('x'));
    }
    let screen = text(&h, 100, 30);
    assert!(
        screen.contains("That is the limit: 80 characters at most"),
        "{screen}"
    );
    h.update(Confirm);
    let label = store.find_result("latest").unwrap().label;
    assert_eq!(label.chars().count(), rolefit::session::MAX_LABEL_CHARS);
    // A label that came from elsewhere and is over the limit is refused, not cut.
    rolefit::tui::screens::history::rename(
        &mut h,
        &store.find_result("latest").unwrap().id,
        &"y".repeat(81),
    );
    assert!(
        h.notice
            .as_ref()
            .unwrap()
            .text
            .contains("at most 80 characters")
    );
    assert_eq!(store.find_result("latest").unwrap().label, label);
}

proptest::proptest! {
    /// Whatever the sizes, the lines that matter are shown (when they fit), the marks and the
    /// lines together never take more than the room, and a mark appears exactly when lines hide.
    #[test]
    fn the_window_keeps_what_matters_and_marks_what_it_hides(
        len in 0usize..40, room in 3usize..30, start in 0usize..40, n in 0usize..6
    ) {
        let start = start.min(len);
        let keep = start..(start + n).min(len);
        let (offset, count, above, below) = rolefit::tui::widgets::scroll::window(len, room, &keep);
        proptest::prop_assert!(count + usize::from(above) + usize::from(below) <= room);
        proptest::prop_assert!(offset + count <= len);
        proptest::prop_assert_eq!(above, offset > 0);
        proptest::prop_assert_eq!(below, offset + count < len);
        if keep.len() + 2 <= room {
            proptest::prop_assert!(offset <= keep.start && keep.end <= offset + count);
        }
    }
}
