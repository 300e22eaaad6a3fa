//! Frame render cost of each screen into a `Buffer`, beside a single full-screen `List` at the
//! same size (the baseline the proof issue compares against). `cargo bench --bench render`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{List, Widget};
use rolefit::assets::Texts;
use rolefit::bank::Form;
use rolefit::store::Store;
use rolefit::tui::action::Action::*;
use rolefit::tui::{App, Clock, Config, Start, view};

fn app(dir: &std::path::Path, start: Start, actions: &[rolefit::tui::action::Action]) -> App {
    let config = Config {
        bank: rolefit::bank::load_default().unwrap(),
        store: Store::open(dir).unwrap(),
        color: true,
        clock: Clock::Fixed("2026-11-24T12:00:00Z".parse().unwrap()),
        label: String::new(),
        seed: None,
        start,
    };
    let mut a = App::new(config, Texts::load());
    for act in actions {
        a.update(*act);
    }
    a
}

/// A data directory with 200 saved results (one a week) and a goal, for History and Compare.
fn saved(dir: &std::path::Path) -> std::path::PathBuf {
    let data = dir.join("saved");
    let store = Store::open(&data).unwrap();
    std::fs::create_dir_all(store.results_dir()).unwrap();
    let bank = rolefit::bank::load_default().unwrap();
    let mut rng = fastrand::Rng::with_seed(9);
    let start: jiff::Timestamp = "2022-01-01T09:00:00Z".parse().unwrap();
    for i in 0..200i64 {
        let answers: rolefit::answers::Answers = bank
            .questions
            .iter()
            .map(|q| {
                let n = rolefit::answers::option_count(q);
                (
                    q.id.clone(),
                    rolefit::answers::answer_at(q, rng.usize(..n)).unwrap(),
                )
            })
            .collect();
        let when = start
            .checked_add(jiff::SignedDuration::from_hours(i * 24 * 7))
            .unwrap();
        let scores = rolefit::scoring::score_answers(&bank, Form::Full, &answers);
        let order = bank.questions.iter().map(|q| q.id.clone()).collect();
        let id = format!("{}-{i:04}", when.strftime("%Y%m%dT%H%M%SZ"));
        let r = rolefit::store::ResultFile::new(
            id,
            when,
            format!("week {i}"),
            &bank,
            Form::Full,
            order,
            answers,
            scores,
        );
        std::fs::write(store.result_path(&r.id), toml::to_string(&r).unwrap()).unwrap();
    }
    data
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let data = saved(dir.path());
    let screens = [
        ("home", app(dir.path(), Start::Home, &[])),
        (
            "question",
            app(
                dir.path(),
                Start::Take(Form::Full),
                &[Confirm, Confirm, Pick(3)],
            ),
        ),
        (
            "review",
            app(
                dir.path(),
                Start::Take(Form::Full),
                &[Confirm, Confirm, Pick(3), Review],
            ),
        ),
        ("dashboard", {
            let mut a = app(dir.path(), Start::Take(Form::Full), &[Confirm, Confirm]);
            for i in 0..a.bank.questions.len() {
                a.update(Pick(if i % 3 == 0 { 2 } else { 4 }));
            }
            a.update(Finish);
            a
        }),
        ("history_200", app(&data, Start::History, &[PageDown, Down])),
        ("compare", app(&data, Start::History, &[Compare])),
        ("goals", {
            let mut a = app(&data, Start::Goals, &[Add]);
            a.update(Finish);
            a.go_home();
            // Full, quick, adaptive, your latest result, History, Goals.
            a.update(Pick(6));
            a
        }),
    ];
    use rolefit::tui::app::Screen;
    let kinds: Vec<&str> = screens
        .iter()
        .map(|(_, a)| match a.screen {
            Screen::Home { .. } => "home",
            Screen::Question { .. } => "question",
            Screen::Review { .. } => "review",
            Screen::Result(_) => "dashboard",
            Screen::History(_) => "history_200",
            Screen::Compare(_) => "compare",
            Screen::Goals(_) => "goals",
            _ => "other",
        })
        .collect();
    let names: Vec<&str> = screens.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        kinds, names,
        "each benchmark draws the screen it is named for"
    );
    for (w, h) in [(80u16, 24u16), (200, 60)] {
        let area = Rect::new(0, 0, w, h);
        let mut group = c.benchmark_group(format!("render_{w}x{h}"));
        let items: Vec<String> = (0..h).map(|i| format!("item {i}")).collect();
        group.bench_function("baseline_list", |b| {
            b.iter(|| {
                let mut buf = Buffer::empty(area);
                List::new(items.iter().map(String::as_str)).render(area, &mut buf);
                buf
            })
        });
        for (name, a) in &screens {
            group.bench_function(*name, |b| {
                b.iter(|| {
                    let mut buf = Buffer::empty(area);
                    view::draw(a, area, &mut buf);
                    buf
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
