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
use rolefit::adaptive::{Check, Replay, Stop, cell_margin, pick, replay};
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
    /// The selector's tie-break seed (default: bank order, as `rolefit take --adaptive`)
    #[arg(long)]
    selector_seed: Option<u64>,
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
    let sets: Vec<(Answers, Replay)> = (0..args.respondents)
        .map(|_| {
            let answers = Person::draw(&bank, &mut rng, &args.people).answers(&bank, &mut rng);
            let r = replay(&bank, &answers, args.selector_seed).unwrap();
            (answers, r)
        })
        .collect();
    let runs: Vec<Replay> = sets.iter().map(|(_, r)| r.clone()).collect();
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
            .map_or("none (bank order)".into(), |s| s.to_string())
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
        "| same archetype, everyone (>= 85%) | {agree} of {n} = {} | {} |",
        pct(agree, n),
        yes(share(agree, n) >= 0.85)
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
        "\nquestions asked: mean {:.1}, median {median}, 90th percentile {}, min {}, max {} (of {})",
        asked.iter().sum::<usize>() as f64 / n.max(1) as f64,
        quantile(&asked, 0.9),
        asked[0],
        asked[n - 1],
        bank.questions.len()
    );
    for stop in [Stop::Settled, Stop::Curtailed, Stop::Exhausted] {
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
    what_if(&bank, &args, &sets);
    fixtures(&bank, &args)
}

/// Whether a stop rule other than the shipped one would stop here.
type Rule<'a> = dyn Fn(&Check, &Answers) -> bool + 'a;

/// Another stop rule on the same respondents, for comparison only: the form asks what the
/// selector picks until `settled` says stop (after the same minimum and cell coverage).
fn shorter(
    bank: &Bank,
    all: &Answers,
    seed: Option<u64>,
    settled: &Rule<'_>,
) -> (usize, rolefit::scoring::Scores) {
    let (mut order, mut given) = (Vec::new(), Answers::new());
    loop {
        let check = Check::new(bank, &given, &order);
        if check.remaining == 0
            || (check.may_stop() && (check.curtailed || settled(&check, &given)))
        {
            break;
        }
        let q = pick(bank, &given, &order, seed).unwrap();
        order.push(q.id.clone());
        if let Some(a) = all.get(&q.id) {
            given.insert(q.id.clone(), a.clone());
        }
    }
    let scores = rolefit::scoring::score_taken(bank, rolefit::bank::Form::Adaptive, &order, &given);
    (order.len(), scores)
}

/// The figures other stop rules would give, to show what the targets would take.
fn what_if(bank: &Bank, args: &Args, sets: &[(Answers, Replay)]) {
    let inside = |o: f64, m: f64| Archetype::from_overall(o - m) == Archetype::from_overall(o + m);
    let rules: [(&str, &Rule<'_>); 5] = [
        (
            "as shipped: 95% interval (scoring's margin) inside one band",
            &|c, _| c.inside_band,
        ),
        (
            "80% interval (scoring's margin x 1.28 / 1.96) inside one band",
            &|c, _| matches!((c.overall, c.margin), (Some(o), Some(m)) if inside(o, m * 1.2816 / 1.96)),
        ),
        (
            "95% interval from the cells (`adaptive::cell_margin`) inside one band",
            &|c, a| matches!((c.overall, cell_margin(bank, a)), (Some(o), Some(m)) if inside(o, m)),
        ),
        ("none: always stop at 12 answers (fixed length)", &|_, _| {
            true
        }),
        ("none: always stop at 18 answers (fixed length)", &|c, _| {
            c.answered >= 18
        }),
    ];
    println!(
        "\nOther stop rules on the same respondents (comparison only; curtailment, the minimum and cell coverage as shipped):\n\n| stop rule | median asked | mean | 90th pct | same archetype (settled full form) | same archetype (all) | within margin |\n|---|---:|---:|---:|---:|---:|---:|"
    );
    for (name, rule) in rules {
        let mut asked = Vec::new();
        let (mut same, mut same_settled, mut settled, mut within) = (0, 0, 0, 0);
        for (answers, full) in sets {
            let (n, sc) = shorter(bank, answers, args.selector_seed, rule);
            asked.push(n);
            let f = &full.full;
            let agree = sc.archetype.is_some() && sc.archetype == f.archetype;
            same += usize::from(agree);
            if full_settled(full) {
                settled += 1;
                same_settled += usize::from(agree);
            }
            if let (Some(a), Some(o), Some(m)) = (sc.overall, f.overall, f.margin) {
                within += usize::from((a - o).abs() <= m);
            }
        }
        asked.sort_unstable();
        let n = asked.len();
        println!(
            "| {name} | {} | {:.1} | {} | {} | {} | {} |",
            quantile(&asked, 0.5),
            asked.iter().sum::<usize>() as f64 / n.max(1) as f64,
            quantile(&asked, 0.9),
            pct(same_settled, settled),
            pct(same, n),
            pct(within, n)
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
        let r = replay(bank, &answers, args.selector_seed)?;
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
