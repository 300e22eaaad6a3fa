//! The adaptive form against the full form, on simulated respondents and on fixture answer sets:
//! the figures BENCHMARKS.md reports.
//!
//!   cargo run --release --example adaptive_sim -- --respondents 2000
//!
//! Each respondent has an overall position on the spectrum, a position per dimension x lens
//! around it, and answers every question of the bank with noise, a personal agree/disagree
//! tilt and occasional careless answers; a share of them sit near a band boundary. Their
//! complete answers are scored as the full form and replayed through the adaptive form
//! (`rolefit::adaptive::replay`, the same engine the app drives).
// A developer's tool printing measurements (as examples/harness/), not rolefit's output.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_macros)]

use std::path::PathBuf;
use std::time::Instant;

use clap::Parser;
use rolefit::adaptive::{Replay, STOP_AT, Stop, replay_at};
use rolefit::answers::Answers;
use rolefit::bank::Bank;
use rolefit::scoring::Archetype;

mod people;
use people::{People, Person};

#[derive(Parser)]
struct Args {
    /// Simulated respondents
    #[arg(long, default_value_t = 2000)]
    respondents: usize,
    /// Seed of the simulated population
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The selector's tie-break seed for every respondent (default: one drawn per respondent,
    /// as `rolefit take --adaptive` draws one per assessment)
    #[arg(long)]
    selector_seed: Option<u64>,
    /// Stop probabilities to compare on the same respondents (the trade-off curve)
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "0.8,0.85,0.9,0.925,0.95,0.97,0.99"
    )]
    thresholds: Vec<f64>,
    /// A question bank (default: the built-in one)
    #[arg(long)]
    bank: Option<PathBuf>,
    /// Answer sets to replay as well: every .toml in this folder
    #[arg(long, default_value = "tests/fixtures/answers/adaptive")]
    fixtures: PathBuf,
    /// Write the fixture answer sets (the personas in people.rs) for this bank into
    /// --fixtures, then replay them as usual
    #[arg(long)]
    write_fixtures: bool,
    #[command(flatten)]
    people: People,
}

fn pct(part: usize, whole: usize) -> String {
    if whole == 0 {
        "-".into()
    } else {
        format!("{:.1}%", 100.0 * part as f64 / whole as f64)
    }
}

fn quantile(sorted: &[usize], q: f64) -> usize {
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

/// The full form's 95% interval lies inside one band.
fn full_settled(r: &Replay) -> bool {
    match (r.full.overall, r.full.margin) {
        (Some(o), Some(m)) => Archetype::from_overall(o - m) == Archetype::from_overall(o + m),
        _ => false,
    }
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let bank = match &args.bank {
        Some(p) => rolefit::bank::load_path(p)?,
        None => rolefit::bank::load_default()?,
    };
    let mut rng = fastrand::Rng::with_seed(args.seed);
    let started = Instant::now();
    let sets: Vec<(Answers, Option<u64>)> = (0..args.respondents)
        .map(|_| {
            let answers = Person::draw(&bank, &mut rng, &args.people).answers(&bank, &mut rng);
            (
                answers,
                Some(args.selector_seed.unwrap_or_else(|| rng.u64(..))),
            )
        })
        .collect();
    let runs: Vec<Replay> = sets
        .iter()
        .map(|(answers, seed)| replay_at(&bank, answers, *seed, STOP_AT).unwrap())
        .collect();
    let elapsed = started.elapsed();
    let n = runs.len();
    let mut asked: Vec<usize> = runs.iter().map(|r| r.asked.len()).collect();
    asked.sort_unstable();
    let agree = runs.iter().filter(|r| r.same_archetype()).count();
    let settled: Vec<&Replay> = runs.iter().filter(|r| full_settled(r)).collect();
    let settled_agree = settled.iter().filter(|r| r.same_archetype()).count();
    let within = runs
        .iter()
        .filter(|r| r.within_full_margin() == Some(true))
        .count();
    println!(
        "bank \"{}\" {} ({} questions) · {n} respondents (population seed {}, {:.0}% near a band boundary) · selector seed {}",
        bank.name,
        bank.version,
        bank.questions.len(),
        args.seed,
        args.people.near_boundary * 100.0,
        args.selector_seed
            .map_or("one drawn per respondent".into(), |s| s.to_string())
    );
    println!(
        "replayed in {:.2} s ({:.1} µs per question asked)\n",
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e6 / asked.iter().sum::<usize>().max(1) as f64
    );
    println!("| target | result | met? |\n|---|---|---|");
    let yes = |ok: bool| if ok { "yes" } else { "no" };
    let share = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    println!(
        "| same archetype, full-form 95% interval inside one band (>= 95%) | {} of {} = {} | {} |",
        settled_agree,
        settled.len(),
        pct(settled_agree, settled.len()),
        yes(share(settled_agree, settled.len()) >= 0.95)
    );
    println!(
        "| same archetype, everyone (>= 95%) | {agree} of {n} = {} | {} |",
        pct(agree, n),
        yes(share(agree, n) >= 0.95)
    );
    println!(
        "| overall within the full form's margin of the full score (>= 95%) | {within} of {n} = {} | {} |",
        pct(within, n),
        yes(share(within, n) >= 0.95)
    );
    let median = quantile(&asked, 0.5);
    println!(
        "| median questions asked (<= 18) | {median} | {} |",
        yes(median <= 18)
    );
    println!(
        "\nquestions asked: mean {:.1}, median {median}, middle half {}-{} (what the home screen says as \"usually\"), 10th-90th percentile {}-{}, min {}, max {} (of {})",
        asked.iter().sum::<usize>() as f64 / n.max(1) as f64,
        quantile(&asked, 0.25),
        quantile(&asked, 0.75),
        quantile(&asked, 0.1),
        quantile(&asked, 0.9),
        asked[0],
        asked[n - 1],
        bank.questions.len()
    );
    for stop in [Stop::Predicted, Stop::Curtailed, Stop::Exhausted] {
        let mut at: Vec<usize> = runs
            .iter()
            .filter(|r| r.stop == stop)
            .map(|r| r.asked.len())
            .collect();
        at.sort_unstable();
        let k = at.len();
        let range = if at.is_empty() {
            String::new()
        } else {
            format!(
                ", asked: median {}, 10th-90th percentile {}-{}",
                quantile(&at, 0.5),
                quantile(&at, 0.1),
                quantile(&at, 0.9)
            )
        };
        println!(
            "  stopped: {:<9} {k:>5} ({}){range}",
            format!("{stop:?}"),
            pct(k, n)
        );
    }
    println!(
        "\n| full-form band | respondents | same archetype | within margin | median asked | 90th pct asked |\n|---|---:|---:|---:|---:|---:|"
    );
    for band in Archetype::ALL {
        let of: Vec<&Replay> = runs
            .iter()
            .filter(|r| r.full.archetype == Some(band))
            .collect();
        if of.is_empty() {
            continue;
        }
        let mut a: Vec<usize> = of.iter().map(|r| r.asked.len()).collect();
        a.sort_unstable();
        let same = of.iter().filter(|r| r.same_archetype()).count();
        let inside = of
            .iter()
            .filter(|r| r.within_full_margin() == Some(true))
            .count();
        println!(
            "| {} | {} | {} | {} | {} | {} |",
            band.id(),
            of.len(),
            pct(same, of.len()),
            pct(inside, of.len()),
            quantile(&a, 0.5),
            quantile(&a, 0.9)
        );
    }
    near_borders(&runs);
    curve(&bank, &args, &sets);
    fixtures(&bank, &args)
}

/// The figures of a set of replays: (median, mean, 90th percentile asked, same archetype,
/// within the full margin), the last two as shares.
fn figures(runs: &[Replay]) -> (usize, f64, usize, f64, f64) {
    let n = runs.len().max(1);
    let mut asked: Vec<usize> = runs.iter().map(|r| r.asked.len()).collect();
    asked.sort_unstable();
    let same = runs.iter().filter(|r| r.same_archetype()).count();
    let within = runs
        .iter()
        .filter(|r| r.within_full_margin() == Some(true))
        .count();
    (
        quantile(&asked, 0.5),
        asked.iter().sum::<usize>() as f64 / n as f64,
        quantile(&asked, 0.9),
        same as f64 / n as f64,
        within as f64 / n as f64,
    )
}

/// Agreement by how far the full form's score is from the nearest band border.
fn near_borders(runs: &[Replay]) {
    println!(
        "\n| full-form score from the nearest border | respondents | same archetype | within margin | median asked | 90th pct asked |\n|---|---:|---:|---:|---:|---:|"
    );
    for (lo, hi) in [
        (0.0, 2.0),
        (2.0, 5.0),
        (5.0, 10.0),
        (10.0, 20.0),
        (20.0, 100.0),
    ] {
        let of: Vec<Replay> = runs
            .iter()
            .filter(|r| {
                r.full
                    .overall
                    .is_some_and(|o| (lo..hi).contains(&Archetype::room(o)))
            })
            .cloned()
            .collect();
        if of.is_empty() {
            continue;
        }
        let (median, _, p90, same, within) = figures(&of);
        println!(
            "| {lo}-{hi} points | {} | {:.1}% | {:.1}% | {median} | {p90} |",
            of.len(),
            same * 100.0,
            within * 100.0
        );
    }
}

/// The same respondents stopped at other probabilities: the trade-off curve.
fn curve(bank: &Bank, args: &Args, sets: &[(Answers, Option<u64>)]) {
    println!(
        "\nStop probability against length and agreement, on the same respondents:\n\n| stop at P >= | median asked | mean | 90th pct | same archetype | within margin |\n|---:|---:|---:|---:|---:|---:|"
    );
    for &threshold in &args.thresholds {
        let runs: Vec<Replay> = sets
            .iter()
            .map(|(answers, seed)| replay_at(bank, answers, *seed, threshold).unwrap())
            .collect();
        let (median, mean, p90, same, within) = figures(&runs);
        println!(
            "| {threshold} | {median} | {mean:.1} | {p90} | {:.1}% | {:.1}% |",
            same * 100.0,
            within * 100.0
        );
    }
}

/// Every answer set in the fixtures folder, replayed (written first with --write-fixtures).
fn fixtures(bank: &Bank, args: &Args) -> anyhow::Result<()> {
    if args.write_fixtures {
        std::fs::create_dir_all(&args.fixtures)?;
        for (i, (name, about, person)) in people::personas().into_iter().enumerate() {
            let mut rng = fastrand::Rng::with_seed(i as u64);
            let path = args.fixtures.join(format!("{name}.toml"));
            people::write_fixture(&path, about, bank, &person.answers(bank, &mut rng))?;
        }
    }
    let Ok(dir) = std::fs::read_dir(&args.fixtures) else {
        println!("\n(no fixture folder {})", args.fixtures.display());
        return Ok(());
    };
    let mut files: Vec<PathBuf> = dir
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    println!(
        "\n| fixture | asked | stop | adaptive | full form | same archetype | within margin |\n|---|---:|---|---|---|---|---|"
    );
    let name = |s: &rolefit::scoring::Scores| {
        format!(
            "{} {}",
            rolefit::report::fmt_score(s.overall),
            s.archetype.map_or("unplaced", |a| a.id())
        )
    };
    for f in files {
        let stem = f
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let answers = match rolefit::answers::load_answers(&f, bank) {
            Ok(a) => a,
            Err(e) => {
                let first = e
                    .to_string()
                    .lines()
                    .nth(1)
                    .unwrap_or_default()
                    .trim()
                    .to_owned();
                println!(
                    "| {stem} | does not fit this bank (rewrite with --write-fixtures): {first} | | | | | |"
                );
                continue;
            }
        };
        let r = replay_at(bank, &answers, args.selector_seed, STOP_AT)?;
        println!(
            "| {stem} | {} | {:?} | {} | {} ± {:.1} | {} | {} |",
            r.asked.len(),
            r.stop,
            name(&r.adaptive),
            name(&r.full),
            r.full.margin.unwrap_or(f64::NAN),
            if r.same_archetype() { "yes" } else { "no" },
            match r.within_full_margin() {
                Some(true) => "yes",
                Some(false) => "no",
                None => "-",
            }
        );
    }
    Ok(())
}
