//! Data at scale: opening History over 1k and 10k saved results (100k with
//! ROLEFIT_BENCH_100K=1), loading a generated bank, and a team view of 1,000 cards.
//! `cargo bench --bench data`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rolefit::answers::{Answer, Answers};
use rolefit::bank::{Bank, Form, Kind};
use rolefit::store::{ResultFile, Store};

/// A full set of answers that varies with `seed`, so results differ as real ones do.
fn answers(bank: &Bank, seed: u64) -> Answers {
    let mut rng = fastrand::Rng::with_seed(seed);
    bank.questions
        .iter()
        .map(|q| {
            let a = match &q.kind {
                Kind::Choice { options, .. } => {
                    Answer::Option(options[rng.usize(..options.len())].key)
                }
                _ => Answer::Scale(rng.u8(1..=5)),
            };
            (q.id.clone(), a)
        })
        .collect()
}

/// `n` saved results, one a day, written the way rolefit writes them.
fn results_dir(bank: &Bank, n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    std::fs::create_dir_all(store.results_dir()).unwrap();
    let start: jiff::Timestamp = "2000-01-01T09:00:00Z".parse().unwrap();
    // A few distinct results, copied with fresh ids: writing 100k real saves would dominate.
    let templates: Vec<String> = (0..16)
        .map(|seed| {
            let a = answers(bank, seed);
            let scores = rolefit::scoring::score_answers(bank, Form::Full, &a);
            let order = bank.questions.iter().map(|q| q.id.clone()).collect();
            let r = ResultFile::new(
                "ID".into(),
                start,
                "label".into(),
                bank,
                Form::Full,
                order,
                a,
                scores,
            );
            toml::to_string(&r).unwrap()
        })
        .collect();
    for i in 0..n {
        let when = start
            .checked_add(jiff::SignedDuration::from_hours(i as i64))
            .unwrap();
        let id = format!("{}-{:04}", when.strftime("%Y%m%dT%H%M%SZ"), i % 10_000);
        let text = templates[i % templates.len()]
            .replacen("\"ID\"", &format!("\"{id}\""), 1)
            .replacen("2000-01-01T09:00:00Z", &when.to_string(), 1);
        std::fs::write(store.result_path(&id), text).unwrap();
    }
    dir
}

fn history(c: &mut Criterion) {
    let bank = rolefit::bank::load_default().unwrap();
    let mut sizes = vec![1_000, 10_000];
    if std::env::var_os("ROLEFIT_BENCH_100K").is_some() {
        sizes.push(100_000);
    }
    let mut g = c.benchmark_group("history");
    g.sample_size(10);
    for n in sizes {
        let dir = results_dir(&bank, n);
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.list_results().unwrap().len(), n);
        // Opening History the first time: read and parse every file, keep a row of each.
        g.bench_with_input(BenchmarkId::new("open_cold", n), &store, |b, s| {
            b.iter(|| rolefit::history::entries(s.list_results().unwrap(), &bank))
        });
        // `rolefit history` from cold: no index, so every file is read, its row made on the
        // thread that read it, and the index written (issue 19 item 14).
        let index = index_file(&store);
        g.bench_with_input(BenchmarkId::new("load_no_index", n), &store, |b, s| {
            b.iter_batched(
                || {
                    let _ = std::fs::remove_file(&index);
                },
                |()| rolefit::history::load(s, &bank).unwrap(),
                criterion::BatchSize::PerIteration,
            )
        });
        // Every later time: rows of unchanged files come from the index.
        rolefit::history::load(&store, &bank).unwrap();
        g.bench_with_input(BenchmarkId::new("open_indexed", n), &store, |b, s| {
            b.iter(|| rolefit::history::load(s, &bank).unwrap())
        });
        // The same, scoring every result again from its answers.
        g.bench_with_input(BenchmarkId::new("open_and_rescore", n), &store, |b, s| {
            b.iter(|| {
                s.list_results()
                    .unwrap()
                    .into_iter()
                    .filter_map(|l| l.result.ok())
                    .filter_map(|r| {
                        rolefit::scoring::score_answers(&bank, r.form, &r.answers).overall
                    })
                    .sum::<f64>()
            })
        });
    }
    g.finish();
}

/// Where History keeps its index (a derived cache: removing it only means reading every file).
fn index_file(store: &Store) -> std::path::PathBuf {
    store.root().join("cache").join("history-index.json")
}

/// Goals over 1,000 results with one goal no result can score (its dimension is not in the
/// bank): before issue 20, loading read every result and rescanned all those read so far after
/// each one (O(results² x goals)); now a goal is judged on the newest result alone.
fn goals(c: &mut Criterion) {
    let bank = rolefit::bank::load_default().unwrap();
    let n = 1_000;
    let dir = results_dir(&bank, n);
    let store = Store::open(dir.path()).unwrap();
    let first = store.find_result("first").unwrap();
    store
        .update_goals(|f| {
            for dimension in ["scope", "retired-dimension"] {
                f.add(rolefit::store::Goal {
                    id: 0,
                    dimension: dimension.into(),
                    lens: None,
                    target: 40.0,
                    baseline: first.id.clone(),
                    baseline_score: 0.0,
                    baseline_margin: Some(10.0),
                    note: String::new(),
                    due: None,
                    created_at: first.taken_at,
                    done_at: None,
                })?;
            }
            Ok::<(), rolefit::store::StoreError>(())
        })
        .unwrap();
    let today = jiff::civil::date(2026, 12, 7);
    let mut g = c.benchmark_group("goals");
    g.sample_size(10);
    g.bench_function(BenchmarkId::new("load_unscorable", n), |b| {
        b.iter(|| rolefit::goals::load_progress(&store, &bank, today).unwrap())
    });
    // The loop as it was, measured beside it in the same run (the figures in BENCHMARKS.md).
    g.bench_function(BenchmarkId::new("load_unscorable_before", n), |b| {
        b.iter(|| {
            let goals = store.load_goals().unwrap().goals;
            let mut results: Vec<ResultFile> = Vec::new();
            let scored = |results: &[ResultFile], g: &rolefit::store::Goal| {
                results
                    .iter()
                    .any(|r| rolefit::goals::goal_score(&r.scores, &g.dimension, g.lens).is_some())
            };
            for r in store.readable_results().unwrap() {
                results.push(r.rescored(&bank));
                if goals.iter().all(|g| scored(&results, g)) {
                    break;
                }
            }
            results.len()
        })
    });
    g.finish();
}

fn bank_load(c: &mut Criterion) {
    // 10,000 is the most a bank may have (`bank::MAX_QUESTIONS`).
    let sizes = [1_000, 5_000, rolefit::bank::MAX_QUESTIONS];
    let mut g = c.benchmark_group("bank_load");
    g.sample_size(10);
    let path = std::path::Path::new("generated.toml");
    for n in sizes {
        let text = common::generated_bank(n);
        let bank = rolefit::bank::load_str(&text, path).unwrap();
        assert_eq!(bank.questions.len(), n);
        g.bench_with_input(BenchmarkId::new("parse_and_validate", n), &text, |b, t| {
            b.iter(|| rolefit::bank::load_str(t, path).unwrap())
        });
    }
    g.finish();
}

/// A folder of `n` team cards made from varied results, written as `export` writes them.
pub fn cards_dir(bank: &Bank, n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let now = jiff::Timestamp::now();
    for i in 0..n {
        let a = answers(bank, i as u64);
        let scores = rolefit::scoring::score_answers(bank, Form::Full, &a);
        let order = bank.questions.iter().map(|q| q.id.clone()).collect();
        let r = ResultFile::new(
            "ID".into(),
            now,
            String::new(),
            bank,
            Form::Full,
            order,
            a,
            scores,
        );
        let card = rolefit::team::Card::of(&r, bank, Some(&format!("person {i}")), false);
        std::fs::write(dir.path().join(format!("{i:04}.json")), card.to_json()).unwrap();
    }
    dir
}

/// 1,000 cards: read, checked, counted and laid out as text and JSON (what `rolefit team
/// DIR --format ...` does after starting). BENCHMARKS.md has the whole process's time.
fn team(c: &mut Criterion) {
    let bank = rolefit::bank::load_default().unwrap();
    let texts = rolefit::assets::Texts::load();
    let dir = cards_dir(&bank, 1_000);
    let paths = vec![dir.path().to_path_buf()];
    let now = jiff::Timestamp::now();
    let mut g = c.benchmark_group("team");
    g.sample_size(10);
    g.bench_function("load_and_build_1000", |b| {
        b.iter(|| {
            let t = rolefit::team::build(rolefit::team::load(&paths, now), &bank, now, false);
            assert_eq!(t.members.len(), 1_000);
            t
        })
    });
    let t = rolefit::team::build(rolefit::team::load(&paths, now), &bank, now, false);
    g.bench_function("text_1000", |b| {
        b.iter(|| rolefit::report::team::team_text(&t, &texts))
    });
    g.bench_function("json_1000", |b| {
        b.iter(|| rolefit::report::team::team_json(&t))
    });
    g.finish();
    // For the whole-process figure: ROLEFIT_BENCH_CARDS=DIR keeps a copy of the folder there.
    if let Some(keep) = std::env::var_os("ROLEFIT_BENCH_CARDS") {
        std::fs::create_dir_all(&keep).unwrap();
        for e in std::fs::read_dir(dir.path()).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), std::path::Path::new(&keep).join(e.file_name())).unwrap();
        }
    }
}

criterion_group!(benches, history, goals, bank_load, team);
criterion_main!(benches);
