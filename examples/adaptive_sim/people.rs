//! Simulated people: where they stand, and how they answer.

use std::fmt::Write;
use std::path::Path;

use rolefit::answers::{Answer, Answers};
use rolefit::bank::{Bank, Kind, Lens, Pole};

/// How answers scatter around a person's position (on the [-1, 1] scale of one answer).
#[derive(clap::Args, Clone, Copy)]
pub struct People {
    /// Item noise: each person's standard deviation is drawn between this and --noise-max
    #[arg(long, default_value_t = 0.3)]
    pub noise_min: f64,
    #[arg(long, default_value_t = 0.5)]
    pub noise_max: f64,
    /// How far each dimension sits from the person's overall position (standard deviation)
    #[arg(long, default_value_t = 0.2)]
    pub profile_sd: f64,
    /// How far preference and practice part ways (standard deviation)
    #[arg(long, default_value_t = 0.15)]
    pub lens_sd: f64,
    /// A personal tilt toward agreeing, in Likert points (standard deviation)
    #[arg(long, default_value_t = 0.25)]
    pub acquiescence_sd: f64,
    /// Each person answers carelessly (at random) up to this share of the time
    #[arg(long, default_value_t = 0.12)]
    pub careless_max: f64,
    /// Share of people placed within 8 points of a band boundary
    #[arg(long, default_value_t = 0.3)]
    pub near_boundary: f64,
}

/// A normal draw (Box-Muller).
pub fn normal(rng: &mut fastrand::Rng, sd: f64) -> f64 {
    let (u, v) = (rng.f64().max(1e-12), rng.f64());
    sd * (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}

pub struct Person {
    /// -1 developer .. +1 engineer.
    pub overall: f64,
    /// Preference sits half of this above the overall position, practice half below.
    pub lens_gap: f64,
    /// Each dimension's offset from the overall position, in bank order (missing: 0).
    pub dims: Vec<f64>,
    /// Likert points added to every agree-scale answer, whatever pole it is keyed to.
    pub acquiescence: f64,
    /// Share of answers given at random.
    pub careless: f64,
    /// Standard deviation of each answer around the person's position.
    pub noise: f64,
    /// Answers each question at the pole opposite to the one before (in bank order), whatever
    /// the position: a respondent who contradicts themselves throughout.
    pub alternate: bool,
}

impl Person {
    pub fn draw(bank: &Bank, rng: &mut fastrand::Rng, p: &People) -> Person {
        const EDGES: [f64; 4] = [-0.6, -0.2, 0.2, 0.6];
        let overall = if rng.f64() < p.near_boundary {
            EDGES[rng.usize(..EDGES.len())] + (rng.f64() - 0.5) * 0.16
        } else {
            (rng.f64() * 2.0 - 1.0) * 0.95
        };
        Person {
            overall,
            lens_gap: normal(rng, p.lens_sd),
            dims: bank
                .dimensions
                .iter()
                .map(|_| normal(rng, p.profile_sd))
                .collect(),
            acquiescence: normal(rng, p.acquiescence_sd),
            careless: rng.f64() * p.careless_max,
            noise: p.noise_min + rng.f64() * (p.noise_max - p.noise_min),
            alternate: false,
        }
    }

    /// An answer to every question of the bank.
    pub fn answers(&self, bank: &Bank, rng: &mut fastrand::Rng) -> Answers {
        let mut answers = Answers::new();
        for (i, q) in bank.questions.iter().enumerate() {
            let d = bank.dimensions.iter().position(|d| d.id == q.dimension);
            let dim = d.and_then(|d| self.dims.get(d)).copied().unwrap_or(0.0);
            let lens = match q.lens {
                Lens::Preference => self.lens_gap / 2.0,
                Lens::Practice => -self.lens_gap / 2.0,
            };
            let cell = (self.overall + dim + lens).clamp(-1.0, 1.0);
            let s = if self.alternate {
                if i % 2 == 0 { 1.0 } else { -1.0 }
            } else if rng.f64() < self.careless {
                rng.f64() * 2.0 - 1.0
            } else {
                cell + normal(rng, self.noise)
            };
            let scale = |v: f64| Answer::Scale(v.round().clamp(1.0, 5.0) as u8);
            let a = match &q.kind {
                Kind::Likert { keyed, .. } => {
                    let toward = if *keyed == Pole::Engineer { s } else { -s };
                    scale(3.0 + 2.0 * toward + self.acquiescence)
                }
                // 1 is strongly A: the developer's statement unless the bank puts the engineer's first.
                Kind::Pair { first, .. } => {
                    let toward_b = if *first == Pole::Developer { s } else { -s };
                    scale(3.0 + 2.0 * toward_b)
                }
                Kind::Choice { options, .. } => {
                    let near = options
                        .iter()
                        .min_by(|a, b| (a.lean - s).abs().total_cmp(&(b.lean - s).abs()))
                        .expect("a validated choice has options");
                    Answer::Option(near.key)
                }
            };
            answers.insert(q.id.clone(), a);
        }
        answers
    }
}

/// The fixture answer sets: people chosen to probe the form, written with `--write-fixtures`.
pub fn personas() -> Vec<(&'static str, &'static str, Person)> {
    let p = |overall: f64, noise: f64| Person {
        overall,
        lens_gap: 0.0,
        dims: Vec::new(),
        acquiescence: 0.0,
        careless: 0.0,
        noise,
        alternate: false,
    };
    vec![
        (
            "developer-clear",
            "The developer end of every question.",
            p(-1.0, 0.0),
        ),
        (
            "engineer-clear",
            "The engineer end of every question.",
            p(1.0, 0.0),
        ),
        (
            "developer-leaning-noisy",
            "Developer-leaning (about -40), noise 0.45 of one answer, 5% careless answers.",
            Person {
                careless: 0.05,
                ..p(-0.4, 0.45)
            },
        ),
        (
            "engineer-leaning-noisy",
            "Engineer-leaning (about +40), noise 0.45, 5% careless answers.",
            Person {
                careless: 0.05,
                ..p(0.4, 0.45)
            },
        ),
        (
            "hybrid-centre",
            "A hybrid in the middle of the band (0), noise 0.35.",
            p(0.0, 0.35),
        ),
        (
            "near-plus-20",
            "On the hybrid / engineer-leaning boundary (+20), noise 0.4.",
            p(0.2, 0.4),
        ),
        (
            "near-minus-60",
            "On the product-developer / developer-leaning boundary (-60), noise 0.4.",
            p(-0.6, 0.4),
        ),
        (
            "enjoys-engineering-does-features",
            "Enjoys engineering (+60) but does feature work today (-40): the lenses pull apart.",
            Person {
                lens_gap: 1.0,
                ..p(0.1, 0.3)
            },
        ),
        (
            "profile-split",
            "Overall about +10, the dimensions far apart: +70, -50, +60, -40, +10, +10 in bank order.",
            Person {
                dims: vec![0.6, -0.6, 0.5, -0.5],
                ..p(0.1, 0.3)
            },
        ),
        (
            "agrees-with-everything",
            "Agrees with statements whichever pole they are keyed to (+1.5 Likert points), about +10.",
            Person {
                acquiescence: 1.5,
                ..p(0.1, 0.3)
            },
        ),
        (
            "contradictory",
            "Each answer at the pole opposite to the one before, in bank order: answers that contradict each other within every dimension.",
            Person {
                alternate: true,
                ..p(0.0, 0.0)
            },
        ),
        (
            "straight-middle",
            "The middle answer everywhere (3, \"Both equally\", the most neutral option).",
            p(0.0, 0.0),
        ),
    ]
}

/// Writes `answers` as an answers file with `about` as its first line.
pub fn write_fixture(
    path: &Path,
    about: &str,
    bank: &Bank,
    answers: &Answers,
) -> std::io::Result<()> {
    let mut out = format!(
        "# {about}\n# Written by `cargo run --example adaptive_sim -- --write-fixtures` for bank \"{}\" {}.\n[answers]\n",
        bank.name, bank.version
    );
    for (id, a) in answers {
        let _ = match a {
            Answer::Scale(n) => writeln!(out, "{id} = {n}"),
            Answer::Option(k) => writeln!(out, "{id} = \"{k}\""),
            Answer::Two(two) => {
                let [a, b] = two.keys();
                writeln!(out, "{id} = [\"{a}\", \"{b}\"]")
            }
        };
    }
    std::fs::write(path, out)
}
