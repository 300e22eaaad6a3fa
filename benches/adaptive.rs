//! Choosing the adaptive form's next question, on the default bank and on a generated bank at
//! the 10,000-question limit, at the start, mid-way and late; and a whole replay of a complete
//! answers file on that bank (`rolefit score --adaptive`). `cargo bench --bench adaptive`.
//!
//! Per answer, measured is `rolefit::adaptive::next_question` as the engine calls it after
//! every answer in the TUI and plain mode: the running state rebuilt from (answers, order), the
//! stop rule's prediction, then the selector. `pick` would skip only the stop check.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rolefit::answers::{Answers, answer_at, option_count};
use rolefit::bank::Bank;

/// The first `n` questions the selector picks for someone answering at random, with answers.
fn asked(bank: &Bank, n: usize) -> (Vec<String>, Answers) {
    let mut rng = fastrand::Rng::with_seed(7);
    let (mut order, mut answers) = (Vec::new(), Answers::new());
    while order.len() < n {
        let q = rolefit::adaptive::pick(bank, &answers, &order, None).unwrap();
        answers.insert(
            q.id.clone(),
            answer_at(q, rng.usize(..option_count(q))).unwrap(),
        );
        order.push(q.id.clone());
    }
    (order, answers)
}

fn select(c: &mut Criterion) {
    let default = rolefit::bank::load_default().unwrap();
    let path = std::path::Path::new("generated.toml");
    let big = rolefit::bank::load_str(&common::generated_bank(10_000), path).unwrap();
    let mut g = c.benchmark_group("adaptive_next");
    for (name, bank, points) in [
        ("default", &default, vec![0, 15, 40]),
        ("10000", &big, vec![0, 15, 200, 2_500]),
    ] {
        for n in points {
            let (order, answers) = asked(bank, n);
            g.bench_with_input(
                BenchmarkId::new(name, format!("{n}_answered")),
                &(order, answers),
                |b, (order, answers)| {
                    b.iter(|| rolefit::adaptive::next_question(bank, answers, order, None))
                },
            );
        }
    }
    g.finish();
    // A whole replay on the big bank: every question answered at random around +20, near a
    // border, so the form asks many before it stops.
    let mut rng = fastrand::Rng::with_seed(11);
    let all: Answers = big
        .questions
        .iter()
        .map(|q| {
            let n = option_count(q);
            (q.id.clone(), answer_at(q, rng.usize(..n)).unwrap())
        })
        .collect();
    let mut g = c.benchmark_group("adaptive_replay");
    g.sample_size(10);
    g.bench_function("10000", |b| {
        b.iter(|| rolefit::adaptive::replay(&big, &all, None).unwrap())
    });
    g.finish();
}

criterion_group!(benches, select);
criterion_main!(benches);
