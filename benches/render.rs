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
    let mut a = App::new(config, Texts::load().unwrap());
    for act in actions {
        a.update(*act);
    }
    a
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let screens = [
        ("home", app(dir.path(), Start::Home, &[])),
        (
            "question",
            app(dir.path(), Start::Take(Form::Full), &[Confirm, Pick(3)]),
        ),
        (
            "review",
            app(
                dir.path(),
                Start::Take(Form::Full),
                &[Confirm, Pick(3), Review],
            ),
        ),
        ("dashboard", {
            let mut a = app(dir.path(), Start::Take(Form::Full), &[Confirm]);
            for i in 0..a.bank.questions.len() {
                a.update(Pick(if i % 3 == 0 { 2 } else { 4 }));
            }
            a.update(Finish);
            a
        }),
    ];
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
