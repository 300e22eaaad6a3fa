//! Choosing the adaptive form's next question, on the default bank and on a generated
//! 5,000-question bank, at the start, mid-way and late. `cargo bench --bench adaptive`.
//!
//! Measured is `rolefit::adaptive::pick`: the stop rule's check (which also decides what the
//! selector aims at), then the selector over every question not asked. `next_question`, which
//! the engine calls, does the same work and returns early only when the form stops; `pick`
//! also answers for states that a real respondent would have settled by.
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
    let big = rolefit::bank::load_str(&common::generated_bank(5_000), path).unwrap();
    let mut g = c.benchmark_group("adaptive_next");
    for (name, bank, points) in [
        ("default", &default, vec![0, 15, 40]),
        ("5000", &big, vec![0, 15, 200, 2_500]),
    ] {
        for n in points {
            let (order, answers) = asked(bank, n);
            g.bench_with_input(
                BenchmarkId::new(name, format!("{n}_answered")),
                &(order, answers),
                |b, (order, answers)| {
                    b.iter(|| rolefit::adaptive::pick(bank, answers, order, None))
                },
            );
        }
    }
    g.finish();
}

criterion_group!(benches, select);
criterion_main!(benches);
