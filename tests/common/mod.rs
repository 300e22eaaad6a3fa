//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use rolefit::answers::{Answer, Answers};
use rolefit::bank::{Bank, Kind, Pole, Question};

pub fn default_bank() -> Bank {
    rolefit::bank::load_default().unwrap()
}

/// The answer that puts `q` at a pole (s = +1 for Engineer, -1 for Developer).
pub fn extreme(q: &Question, pole: Pole) -> Answer {
    match (&q.kind, pole) {
        (Kind::Likert { keyed, .. }, p) => Answer::Scale(if *keyed == p { 5 } else { 1 }),
        // 1 is strongly A, the statement of the pole the bank puts first.
        (Kind::Pair { first, .. }, p) => Answer::Scale(if *first == p { 1 } else { 5 }),
        (Kind::Choice { options, .. }, p) => {
            let pick = |o: &&rolefit::bank::ChoiceOption| o.lean;
            let o = match p {
                Pole::Engineer => options.iter().max_by(|a, b| pick(a).total_cmp(&pick(b))),
                Pole::Developer => options.iter().min_by(|a, b| pick(a).total_cmp(&pick(b))),
            };
            Answer::Option(o.unwrap().key)
        }
    }
}

pub fn all_at(bank: &Bank, pole: Pole) -> Answers {
    bank.questions
        .iter()
        .map(|q| (q.id.clone(), extreme(q, pole)))
        .collect()
}

pub mod people;
#[cfg(unix)]
pub mod pty;

/// A session as `rolefit take --seed SEED` starts one, unlabelled: its order and each scenario's
/// shown letters are what the binary asks, so a test can write the input plain mode expects.
pub fn seeded_session(
    bank: &Bank,
    form: rolefit::bank::Form,
    seed: u64,
) -> rolefit::session::Session {
    rolefit::session::Session::start(
        bank,
        form,
        Some(seed),
        String::new(),
        jiff::Timestamp::UNIX_EPOCH,
    )
    .unwrap()
}

/// The binary on a data folder of its own, with no home folder and colour left to the terminal:
/// how the command-line tests run rolefit.
pub fn cli(data: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("rolefit").unwrap();
    cmd.env("ROLEFIT_DATA_DIR", data)
        .env("HOME", data.join("no-home"))
        .env_remove("NO_COLOR");
    cmd
}

pub mod tui {
    use std::path::Path;

    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use rolefit::assets::Texts;
    use rolefit::bank::Bank;
    use rolefit::store::Store;
    use rolefit::tui::action::Action;
    use rolefit::tui::{App, Clock, Config, Start, view};

    pub fn fixed_now() -> jiff::Timestamp {
        "2026-11-24T12:00:00Z".parse().unwrap()
    }

    pub fn app_with(bank: Bank, dir: &Path, start: Start, color: bool) -> App {
        let store = Store::open(dir).unwrap();
        let config = Config {
            bank,
            store,
            color,
            clock: Clock::Fixed(fixed_now()),
            label: String::new(),
            seed: None,
            start,
        };
        App::new(config, Texts::load())
    }

    pub fn app(dir: &Path, start: Start) -> App {
        app_with(super::default_bank(), dir, start, true)
    }

    pub fn drive(app: &mut App, actions: &[Action]) {
        for a in actions {
            app.update(*a);
        }
    }

    pub fn render(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| {
            view::draw(app, f.area(), f.buffer_mut());
        })
        .unwrap();
        t
    }
}

pub mod results {
    use rolefit::answers::Answers;
    use rolefit::bank::{Bank, Form, Pole};
    use rolefit::scoring::score_answers;
    use rolefit::store::ResultFile;

    /// A saved-looking result for `answers`, taken at a fixed time.
    pub fn result(bank: &Bank, form: Form, answers: Answers, label: &str) -> ResultFile {
        let order: Vec<String> = bank.form(form).map(|q| q.id.clone()).collect();
        let scores = score_answers(bank, form, &answers);
        ResultFile::new(
            "20261124T120000Z-test".into(),
            super::tui::fixed_now(),
            label.into(),
            bank,
            form,
            order,
            answers,
            scores,
        )
    }

    /// Saves a result for `answers` taken at `when` (e.g. "2026-05-01T09:00:00Z"), with an id
    /// made from that time, and returns it.
    pub fn saved(
        store: &rolefit::store::Store,
        bank: &Bank,
        answers: Answers,
        label: &str,
        when: &str,
    ) -> ResultFile {
        let taken: jiff::Timestamp = when.parse().unwrap();
        let mut r = result(bank, Form::Full, answers, label);
        r.id = format!("{}-test", taken.strftime("%Y%m%dT%H%M%SZ"));
        r.taken_at = taken;
        store.save_result(&r).unwrap();
        r
    }

    /// Answers leaning toward `pole`: every question at that extreme except every `every`-th,
    /// which goes to the other one (0 = none).
    pub fn leaning(bank: &Bank, form: Form, pole: Pole, every: usize) -> Answers {
        let other = if pole == Pole::Engineer {
            Pole::Developer
        } else {
            Pole::Engineer
        };
        bank.form(form)
            .enumerate()
            .map(|(i, q)| {
                let p = if every > 0 && i % every == every - 1 {
                    other
                } else {
                    pole
                };
                (q.id.clone(), super::extreme(q, p))
            })
            .collect()
    }
}

/// Asserts a finished command's exit code, showing what it printed when it differs.
pub fn assert_exit(out: &std::process::Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
