//! The result page's claims, recomputed from the scores by code that shares nothing with the
//! code that wrote them: every "why" sentence of every step, the levels, the rule that no step
//! points away from the stated direction without a goal, and the archetype map's sentences.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::people;
use common::results::result;
use proptest::prelude::*;
use rolefit::answers::{Answer, Answers};
use rolefit::assets::{Level, Need, Texts};
use rolefit::bank::{Bank, Form, Kind, Lens, Pole};
use rolefit::context::{Context, Role, Users};
use rolefit::insight::ChosenStep;
use rolefit::report::{Summary, summarise_with_goals};
use rolefit::scoring::{Archetype, Scores};
use rolefit::store::{Goal, ResultFile};

/// How the sentences print a score: whole points, "0" for zero.
fn pts(v: f64) -> String {
    let r = v.round();
    if r == 0.0 {
        "0".into()
    } else {
        format!("{r:+.0}")
    }
}

fn word(p: Pole) -> &'static str {
    match p {
        Pole::Engineer => "engineer",
        Pole::Developer => "developer",
    }
}

fn sign(p: Pole) -> f64 {
    if p == Pole::Engineer { 1.0 } else { -1.0 }
}

fn pole_of(v: f64) -> Pole {
    if v >= 0.0 {
        Pole::Engineer
    } else {
        Pole::Developer
    }
}

fn cut<'a>(s: &'a str, sep: &str) -> (&'a str, &'a str) {
    s.split_once(sep)
        .unwrap_or_else(|| panic!("`{sep}` not in `{s}`"))
}

/// The stated direction, worked out here: the "path" dimension's preference, from ±20, and
/// only with a margin (3 answers or more on that lens).
fn stated(scores: &Scores) -> Option<(Pole, f64)> {
    let d = scores.dimensions.get("path")?;
    d.preference_margin?;
    let p = d.preference?;
    (p.abs() >= 20.0).then(|| (pole_of(p), p))
}

/// The level what the person does today gives a step: practice in its direction (combined
/// when practice has no margin); `None` when neither has a margin.
fn expected_level(scores: &Scores, dim: &str, toward: Pole) -> Option<Level> {
    let d = &scores.dimensions[dim];
    let with = |v: Option<f64>, m: Option<f64>| v.filter(|_| m.is_some());
    let along = with(d.practice, d.practice_margin).or(with(d.combined, d.margin))? * sign(toward);
    Some(if along >= 60.0 {
        Level::Leading
    } else if along >= 20.0 {
        Level::Growing
    } else {
        Level::Starting
    })
}

fn senior(c: &Context) -> bool {
    c.years.is_some_and(|y| y >= 10)
        || matches!(c.role, Some(Role::Staff | Role::Architect | Role::Manager))
}

fn early(c: &Context) -> bool {
    c.years.is_some_and(|y| y < 3) || matches!(c.role, Some(Role::Student | Role::Graduate))
}

/// The level within what experience and role allow: 10+ years or a staff, architect or manager
/// role never starting; under 3 years, a student or a new graduate never leading.
fn bounded(raw: Level, c: Option<&Context>) -> Level {
    let Some(c) = c else { return raw };
    let (senior, early) = (senior(c), early(c));
    match raw {
        Level::Starting if senior => Level::Growing,
        Level::Leading if early => Level::Growing,
        other => other,
    }
}

/// What a role lacks that some steps assume, written out here.
fn lacking(c: Option<&Context>) -> Vec<Need> {
    match c.and_then(|c| c.role) {
        Some(Role::Manager) => vec![Need::Coding, Need::Manager],
        Some(Role::Architect) => vec![Need::Coding],
        Some(Role::Founder) => vec![Need::Team, Need::Manager],
        Some(Role::Student) => vec![Need::Manager],
        _ => Vec::new(),
    }
}

/// Whether a step toward `toward` on `dim` would work against an open goal.
fn opposes(goals: &[Goal], dim: &str, toward: Pole) -> bool {
    goals.iter().any(|g| {
        g.done_at.is_none()
            && g.dimension == dim
            && g.target != g.baseline_score
            && pole_of(g.target - g.baseline_score) != toward
    })
}

/// Checks the level clause a step's "why" ends with, and returns the sentence before it.
/// `raw`: the level what the person does today gives (`None`: too few answers for one);
/// `senior`: whether a leading step was preferred for their experience or role.
fn level_clause<'a>(
    why: &'a str,
    st: &ChosenStep,
    raw: Option<Level>,
    c: Option<&Context>,
    leading: bool,
) -> &'a str {
    let said = c.filter(|c| c.years.is_some() || c.role.is_some());
    let Some((head, clause)) = why.split_once(" Level: ") else {
        // Only a level placed by what the person does today, for someone who said nothing of
        // their years or role, goes without a clause.
        assert!(said.is_none() && raw == Some(st.level) && !leading, "{why}");
        return why;
    };
    let l = st.level.as_str();
    if leading {
        assert_eq!(st.level, Level::Leading, "{why}");
        assert!(clause.starts_with("leading, given your "), "{why}");
    } else if let Some(raw) = raw {
        if st.level == raw {
            assert_eq!(clause, format!("{l}, from what you do today."), "{why}");
        } else {
            assert!(
                clause.starts_with(&format!("{l}, not {}, given your ", raw.as_str())),
                "{why}"
            );
        }
    } else {
        assert_eq!(st.level, Level::Growing, "{why}");
        assert_eq!(
            clause,
            "growing, the middle one: this result has too few answers here to fit it to what you do today.",
            "{why}"
        );
    }
    // The years and role named are only those that made the rule apply.
    if let Some(c) = said.filter(|_| clause.contains(", given your ")) {
        let years_apply = c.years.is_some_and(|y| {
            if st.level == Level::Growing && raw == Some(Level::Leading) {
                y < 3
            } else {
                y >= 10
            }
        });
        assert_eq!(clause.contains("in software)"), years_apply, "{why}");
        if let Some(r) = c.role.filter(|_| clause.contains("role (")) {
            assert!(
                matches!(
                    r,
                    Role::Staff | Role::Architect | Role::Manager | Role::Student | Role::Graduate
                ),
                "{why}"
            );
        }
    }
    head
}

/// Checks every claim of every step against `scores` and `goals`. Returns which source each
/// step came from ("goal", "direction", "gap").
fn check(bank: &Bank, scores: &Scores, goals: &[Goal], steps: &[ChosenStep]) -> Vec<&'static str> {
    check_for(bank, scores, goals, steps, None)
}

/// `check`, for a person who said `context` about themselves.
fn check_for(
    bank: &Bank,
    scores: &Scores,
    goals: &[Goal],
    steps: &[ChosenStep],
    context: Option<&Context>,
) -> Vec<&'static str> {
    let title = |id: &str| bank.dimension(id).unwrap().title.clone();
    let guidance = Texts::load().guidance;
    let lacks = lacking(context);
    let mut sources = Vec::new();
    assert!(steps.len() <= 4, "{steps:?}");
    for (i, st) in steps.iter().enumerate() {
        assert!(
            steps[..i].iter().all(|o| o.dimension != st.dimension),
            "one step per dimension: {steps:?}"
        );
        let d = &scores.dimensions[&st.dimension];
        let raw = expected_level(scores, &st.dimension, st.toward);
        // 10+ years or a staff, architect or manager role: a leading step wherever one fits.
        let leading = context.is_some_and(|c| senior(c) && !early(c))
            && guidance.steps.iter().any(|s| {
                s.dimension == st.dimension
                    && s.toward == st.toward
                    && s.level == Level::Leading
                    && !s.needs.iter().any(|n| lacks.contains(n))
            });
        let why = level_clause(st.why.as_str(), st, raw, context, leading);
        // The step fits the role: it needs nothing the role lacks.
        let step = guidance
            .steps
            .iter()
            .find(|s| s.text == st.text)
            .expect("a step from the guidance");
        assert!(
            !step.needs.iter().any(|n| lacks.contains(n)),
            "{:?} needs {:?}, lacking {lacks:?}",
            st.text,
            step.needs
        );
        assert!(
            !opposes(goals, &st.dimension, st.toward),
            "against an open goal: {st:?}"
        );
        let source = if let Some(rest) = why.strip_prefix("Your learning goal #") {
            let (id, rest) = cut(rest, " aims for ");
            let g = goals
                .iter()
                .find(|g| g.id.to_string() == id)
                .expect("the goal exists");
            assert!(g.done_at.is_none(), "a done goal gives no step: {why}");
            assert_eq!(g.dimension, st.dimension);
            let lens = match g.lens {
                None => String::new(),
                // The page's own name for the lens, never its id ("practice").
                Some(l) => format!(" ({})", l.title().to_lowercase()),
            };
            let (target, rest) = cut(rest, " on ");
            assert_eq!(target, pts(g.target), "{why}");
            let (named, rest) = cut(rest, "; this result ");
            assert_eq!(named, format!("{}{lens}", title(&g.dimension)), "{why}");
            let (now, margin) = match g.lens {
                None => (d.combined, d.margin),
                Some(Lens::Preference) => (d.preference, d.preference_margin),
                Some(Lens::Practice) => (d.practice, d.practice_margin),
            };
            // Only a score with a margin is cited, and only one beyond both margins reaches.
            match now.zip(margin) {
                Some((v, m)) => {
                    assert_eq!(rest, format!("has it at {}.", pts(v)), "{why}");
                    let past = if g.target >= g.baseline_score {
                        v >= g.target
                    } else {
                        v <= g.target
                    };
                    let real = g
                        .baseline_margin
                        .is_some_and(|b| (v - g.baseline_score).abs() > (b * b + m * m).sqrt());
                    assert!(!(past && real), "a reached goal gives no step: {why}");
                }
                None => assert_eq!(
                    rest, "has too few answers there to tell where you are now.",
                    "{why}"
                ),
            }
            if g.target != g.baseline_score {
                assert_eq!(st.toward, pole_of(g.target - g.baseline_score), "{why}");
            }
            "goal"
        } else if let Some(rest) = why.strip_prefix("You want to grow toward ") {
            let (pole, rest) = cut(rest, " work (");
            let (dir_title, rest) = cut(rest, ": enjoy ");
            assert_eq!(dir_title, title("path"));
            let (said, rest) = cut(rest, "). ");
            let (pole_stated, value) = stated(scores).expect("a stated direction");
            assert_eq!(said, pts(value), "{why}");
            assert_eq!(pole, word(pole_stated), "{why}");
            assert_eq!(st.toward, pole_stated, "{why}");
            let practice = d.practice.expect("a practice score");
            assert!(
                d.practice_margin.is_some(),
                "ranked without a margin: {why}"
            );
            let along = practice * sign(pole_stated);
            let at = pts(practice);
            if st.dimension == "path" {
                // Not ranked against itself: whether what the person learns lately already
                // leans the way they want to grow.
                // Learning that already runs past where they want to grow gets no push.
                assert!(along < value.abs(), "{why}");
                let lately = match along.round() {
                    a if a > 0.0 => "already leans that way",
                    a if a < 0.0 => "leans the other way",
                    _ => "leans neither way",
                };
                assert!(
                    rest.starts_with(&format!(
                        "What you have been learning lately {lately} (do {at}): this step "
                    )),
                    "{why}"
                );
            } else {
                let rest = rest
                    .strip_prefix("By what you do today, ")
                    .unwrap_or_else(|| panic!("{why}"));
                // Ranked as the sentence shows the scores, in whole points.
                let all: Vec<f64> = scores
                    .dimensions
                    .values()
                    .filter(|x| x.practice_margin.is_some())
                    .filter_map(|x| x.practice)
                    .map(|v| (v * sign(pole_stated)).round())
                    .collect();
                let further = all.iter().filter(|v| **v < along.round()).count();
                let tied = all.iter().filter(|v| **v == along.round()).count() - 1;
                let words = ["", "second ", "third ", "fourth ", "fifth ", "sixth "];
                let every = all.len() == bank.dimensions.len();
                let counted = if every {
                    format!("your {}furthest dimension", words[further])
                } else {
                    format!(
                        "the {}furthest of the {} dimensions with a margin on what you do today",
                        words[further],
                        all.len()
                    )
                };
                let named = title(&st.dimension);
                let side = format!("from {pole} work");
                let of = if every {
                    "your dimensions"
                } else {
                    "the dimensions with a margin on what you do today"
                };
                // At the pole already: never "far from" it.
                let expected = if along.round() >= 100.0 {
                    let pole = word(pole_stated);
                    if tied + 1 == all.len() {
                        format!(
                            "all {} of {of} are already at the {pole} end (do {at} on each), so {named} is as good a place to start as any.",
                            all.len()
                        )
                    } else {
                        let with = match tied {
                            0 => String::new(),
                            1 => ", as is 1 other".to_owned(),
                            n => format!(", as are {n} others"),
                        };
                        format!(
                            "{named} is already at the {pole} end (do {at}){with}: this step builds on it."
                        )
                    }
                } else if all.len() == 1 {
                    format!(
                        "{named} is the only dimension with a margin on what you do today (do {at})."
                    )
                } else if tied + 1 == all.len() {
                    format!(
                        "all {} of {of} are equally far {side} (do {at} on each), so {named} is as good a place to start as any.",
                        all.len()
                    )
                } else if tied == 0 {
                    format!("{named} is {counted} {side} (do {at}).")
                } else {
                    let others = if tied == 1 {
                        "1 other".to_owned()
                    } else {
                        format!("{tied} others")
                    };
                    format!("{named} is tied with {others} as {counted} {side} (do {at}).")
                };
                assert_eq!(rest, expected, "{why}");
            }
            "direction"
        } else if why.starts_with("In ") || why.starts_with("What you have been learning lately") {
            let (p, q) = (d.preference.unwrap(), d.practice.unwrap());
            let (a, b) = (d.preference_margin, d.practice_margin);
            let (a, b) = (
                a.expect("a gap step needs margins"),
                b.expect("a gap step needs margins"),
            );
            assert!((p - q).abs() >= 20.0, "{why}");
            let (more, toward) = (word(pole_of(q - p)), word(pole_of(p - q)));
            let nums = format!("(enjoy {}, do {})", pts(p), pts(q));
            let claim = if st.dimension == "path" {
                format!(
                    "What you have been learning lately leans further to the {more} side than where you want to grow {nums}: a step toward the {toward} side points your learning where you want to go."
                )
            } else {
                format!(
                    "In {} you do more {more}-side work than you would choose {nums}: a step toward the {toward} side brings your days closer to what you enjoy.",
                    title(&st.dimension)
                )
            };
            let both = (a * a + b * b).sqrt();
            let hedge = if (p - q).abs() > both {
                format!(
                    " The difference is larger than the two margins combined (± {both:.0}), so it is likely real."
                )
            } else {
                format!(
                    " The difference is within the two margins combined (± {both:.0}), so it may be noise."
                )
            };
            assert_eq!(why, format!("{claim}{hedge}"), "{why}");
            assert_eq!(st.toward, pole_of(p - q), "{why}");
            "gap"
        } else {
            panic!("a why sentence of an unknown shape: {why}");
        };
        // Levels follow experience and role first, then what the person does today in the
        // step's direction.
        if !leading {
            assert_eq!(
                st.level,
                raw.map_or(Level::Growing, |r| bounded(r, context)),
                "{st:?}"
            );
        }
        if d.practice.is_some_and(|v| v * sign(st.toward) >= 60.0) && d.practice_margin.is_some() {
            assert_ne!(st.level, Level::Starting, "{st:?}");
        }
        // Never away from the stated direction, unless a goal asks for it.
        if let Some((pole, _)) = stated(scores)
            && source != "goal"
        {
            assert_eq!(st.toward, pole, "{st:?}");
        }
        sources.push(source);
    }
    sources
}

fn page(bank: &Bank, r: &ResultFile, goals: &[Goal]) -> Summary {
    summarise_with_goals(bank, r, &Texts::load(), goals)
}

fn goal(id: u32, dimension: &str, lens: Option<Lens>, target: f64, baseline: f64) -> Goal {
    Goal {
        id,
        dimension: dimension.into(),
        lens,
        target,
        baseline: "20260101T000000Z-base".into(),
        baseline_score: baseline,
        baseline_margin: None,
        note: String::new(),
        due: None,
        created_at: "2026-01-01T00:00:00Z".parse().unwrap(),
        done_at: None,
    }
}

#[test]
fn every_why_of_the_four_people_is_true() {
    let bank = common::default_bank();
    for (name, r) in people::four(&bank) {
        let s = page(&bank, &r, &[]);
        let sources = check(&bank, &s.result.scores, &[], &s.steps);
        match name {
            // A principal engineer says where they want to grow: every step goes that way, at
            // their level, starting where they are furthest from it.
            "principal" => {
                assert_eq!(sources, ["direction"; 3], "{:?}", s.steps);
                assert!(s.steps.iter().all(|st| st.toward == Pole::Engineer));
                assert!(
                    s.steps.iter().all(|st| st.level != Level::Starting),
                    "{:?}",
                    s.steps
                );
                assert_eq!(s.steps[0].dimension, "workstyle");
                assert_eq!(s.steps[1].dimension, "skills");
            }
            // Neutral on where to grow and on nearly everything: only a wide gap gives a step,
            // and with none there is a sentence saying why.
            "all_neutral" => {
                assert!(sources.iter().all(|s| *s == "gap"), "{sources:?}");
                assert!(s.no_steps.is_some() == s.steps.is_empty());
            }
            _ => assert!(!s.steps.is_empty(), "{name}"),
        }
    }
}

#[test]
fn an_all_developer_result_is_not_pushed_further_by_a_weakest_dimension_rule() {
    // The example: every answer at the developer pole. The old rule told this person
    // four times that a dimension at -100 "is where you lean least toward developer".
    let bank = common::default_bank();
    let r = result(
        &bank,
        Form::Full,
        common::all_at(&bank, Pole::Developer),
        "",
    );
    let s = page(&bank, &r, &[]);
    check(&bank, &s.result.scores, &[], &s.steps);
    assert!(
        s.steps.iter().all(|st| !st.why.contains("lean least")),
        "{:?}",
        s.steps
    );
    // Already at the pole in everything they do: leading steps only.
    assert!(
        s.steps.iter().all(|st| st.level == Level::Leading),
        "{:?}",
        s.steps
    );
}

#[test]
fn open_goals_lead_the_steps_even_against_the_stated_direction() {
    let bank = common::default_bank();
    let r = people::principal(&bank);
    let goals = [
        goal(3, "scope", None, -40.0, 100.0),
        {
            // Reached by the Goals rule: a margin on both sides, a move beyond them.
            let mut g = goal(4, "focus", Some(Lens::Practice), 100.0, 20.0);
            g.baseline_margin = Some(10.0);
            g
        },
        {
            let mut done = goal(5, "impact", None, -80.0, 100.0);
            done.done_at = Some("2026-02-01T00:00:00Z".parse().unwrap());
            done
        },
    ];
    let s = page(&bank, &r, &goals);
    let sources = check(&bank, &s.result.scores, &goals, &s.steps);
    // Goal 3 points away from the stated direction, and is honoured; goal 4 is already
    // reached (focus practice is +100); goal 5 is done.
    assert_eq!(sources[0], "goal");
    assert_eq!(s.steps[0].dimension, "scope");
    assert_eq!(s.steps[0].toward, Pole::Developer);
    assert!(s.steps.iter().all(|st| st.dimension != "impact"));
    assert!(!s.steps.iter().any(|st| st.why.contains("#4")));
    assert!(sources[1..].iter().all(|s| *s == "direction"));
}

#[test]
fn no_direction_and_no_gap_says_why_there_are_no_steps() {
    let bank = common::default_bank();
    let answers: Answers = bank
        .form(Form::Full)
        .map(|q| (q.id.clone(), Answer::Scale(3)))
        .filter(|(id, _)| !matches!(bank.question(id).unwrap().kind, Kind::Choice { .. }))
        .collect();
    let r = result(&bank, Form::Full, answers, "");
    let s = page(&bank, &r, &[]);
    assert!(s.steps.is_empty(), "{:?}", s.steps);
    let why = s.no_steps.clone().unwrap();
    assert!(why.starts_with("No step stands out: Where you want to grow (enjoy 0.0) is within 20 points of the middle"), "{why}");
    assert!(rolefit::report::markdown_report(&s).contains("No step stands out"));
}

fn archetype_title(texts: &Texts, a: Archetype) -> String {
    texts.archetype(a).unwrap().title.clone()
}

/// The map's sentences, recomputed: the band, the nearest border and its distance, and the
/// bands the margin reaches.
fn check_map(s: &Summary) {
    let texts = Texts::load();
    let sc = &s.result.scores;
    let Some(o) = sc.overall else {
        assert!(s.where_line.is_none());
        return;
    };
    let line = s.where_line.as_deref().unwrap();
    let Some(band) = sc.archetype else {
        assert!(line.contains("no band is named"), "{line}");
        assert!(s.straddle.is_none());
        return;
    };
    let edges = [-100.0, -60.0, -20.0, 20.0, 60.0, 100.0];
    let i = Archetype::ALL.iter().position(|a| *a == band).unwrap();
    assert!(edges[i] <= o && o <= edges[i + 1], "{o} in {band:?}");
    assert!(
        line.contains(&format!(": {}", archetype_title(&texts, band))),
        "{line}"
    );
    let mut near: Vec<(f64, f64, Archetype)> = Vec::new();
    if i > 0 {
        near.push(((o - edges[i]).abs(), edges[i], Archetype::ALL[i - 1]));
    }
    if i < 4 {
        near.push((
            (o - edges[i + 1]).abs(),
            edges[i + 1],
            Archetype::ALL[i + 1],
        ));
    }
    near.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (dist, at, other) = near[0];
    let said = format!(
        "{dist:.1} points from the border with {} at {}",
        archetype_title(&texts, other),
        pts(at)
    );
    let equal = near.len() == 2 && format!("{:.1}", near[0].0) == format!("{:.1}", near[1].0);
    assert!(
        line.contains(&said) || (equal && line.contains("equally far")),
        "{line}"
    );
    // The bands the margin reaches, by sampling the interval (ends included).
    let reaches: Vec<Archetype> = match sc.margin {
        Some(m) => {
            let (lo, hi) = ((o - m).max(-100.0), (o + m).min(100.0));
            let mut seen: Vec<Archetype> = Vec::new();
            for k in 0..=4000 {
                let x = lo + (hi - lo) * f64::from(k) / 4000.0;
                let a = Archetype::from_overall(x);
                if !seen.contains(&a) {
                    seen.push(a);
                }
            }
            seen
        }
        None => Vec::new(),
    };
    match (reaches.len(), &s.straddle) {
        (0 | 1, None) => {}
        (2, Some(t)) => assert!(
            t.contains(&format!(
                "between {} and {}",
                archetype_title(&texts, reaches[0]),
                archetype_title(&texts, reaches[1])
            )),
            "{t}"
        ),
        (n, Some(t)) if n > 2 => assert!(t.contains("reaches into"), "{t}"),
        other => panic!("{other:?} for {o} ± {:?}", sc.margin),
    }
}

#[test]
fn the_map_sentences_of_the_four_people_are_true() {
    let bank = common::default_bank();
    for (_, r) in people::four(&bank) {
        check_map(&page(&bank, &r, &[]));
    }
}

/// Any answers to any subset of the full form: a value 0 means skipped.
fn answers_from(bank: &Bank, picks: &[u8]) -> Answers {
    bank.form(Form::Full)
        .zip(picks)
        .filter(|(_, p)| **p > 0)
        .map(|(q, p)| {
            let a = match &q.kind {
                Kind::Choice { options, .. } => {
                    Answer::Option(options[usize::from(*p - 1) % options.len()].key)
                }
                _ => Answer::Scale(1 + (*p - 1) % 5),
            };
            (q.id.clone(), a)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_claim_holds_for_any_answers_context_and_goals(
        picks in proptest::collection::vec(0u8..=5, 51),
        goal_picks in proptest::collection::vec((0usize..6, 0u8..3, -100i32..=100, -100i32..=100, any::<bool>()), 0..3),
        years in proptest::option::of(prop_oneof![Just(0u32), Just(1), Just(3), Just(6), Just(10), Just(15), 0u32..=60]),
        role in proptest::option::of(0usize..9),
        users in proptest::option::of(0usize..3),
        said in any::<bool>(),
    ) {
        let bank = common::default_bank();
        let mut r = result(&bank, Form::Full, answers_from(&bank, &picks), "");
        let context = said.then(|| Context {
            years,
            role: role.map(|i| Role::ALL[i]),
            users: users.map(|i| Users::ALL[i]),
        });
        r.context = context;
        let dims = ["scope", "focus", "skills", "impact", "workstyle", "path"];
        let goals: Vec<Goal> = goal_picks
            .iter()
            .enumerate()
            .map(|(i, (d, lens, target, base, done))| {
                let lens = [None, Some(Lens::Preference), Some(Lens::Practice)][usize::from(*lens)];
                let mut g = goal(u32::try_from(i).unwrap() + 1, dims[*d], lens, f64::from(*target), f64::from(*base));
                if *done {
                    g.done_at = Some("2026-02-01T00:00:00Z".parse().unwrap());
                }
                g
            })
            .collect();
        let s = page(&bank, &r, &goals);
        check_for(&bank, &s.result.scores, &goals, &s.steps, context.as_ref());
        check_map(&s);
        // Without years or role, the page says its levels assume mid-career.
        let footing = context.is_some_and(|c| c.years.is_some() || c.role.is_some());
        prop_assert_eq!(s.levels_note.is_none(), footing);
        // The goal form's suggestion never works against an open goal either.
        let guidance = Texts::load().guidance;
        for d in ["scope", "focus", "skills", "impact", "workstyle", "path"] {
            for pole in [Pole::Engineer, Pole::Developer] {
                let hint = rolefit::insight::fitting_step(&guidance, &s.result.scores, d, pole, &goals, context.as_ref());
                if let Some(step) = hint {
                    prop_assert!(!opposes(&goals, d, pole), "{:?}", step.text);
                    prop_assert!(!step.needs.iter().any(|n| lacking(context.as_ref()).contains(n)));
                }
            }
        }
        if s.result.scores.overall.is_some() {
            prop_assert_eq!(s.steps.is_empty(), s.no_steps.is_some());
        }
    }
}

/// The principal's scores with the do-today scores replaced: `practice[i]` for the i-th
/// dimension (`None`: no answers there).
fn with_practice(bank: &Bank, practice: [Option<f64>; 6]) -> Scores {
    let mut s = people::principal(bank).scores;
    for (d, p) in s.dimensions.values_mut().zip(practice) {
        d.practice = p;
    }
    s.dimensions.get_mut("path").unwrap().preference = Some(80.0);
    s
}

/// Each direction step's reason, by dimension.
fn direction_whys(bank: &Bank, s: &Scores) -> Vec<(String, String)> {
    let steps = rolefit::insight::steps(bank, s, &Texts::load().guidance);
    check(bank, s, &[], &steps);
    steps
        .into_iter()
        .filter(|st| st.why.starts_with("You want to grow"))
        .map(|st| (st.dimension, st.why))
        .collect()
}

#[test]
fn a_tie_is_said_as_a_tie_and_the_pole_is_named() {
    let bank = common::default_bank();
    // Two dimensions both read "do -100" (one is -99.6): neither is "second".
    let two = with_practice(
        &bank,
        [
            Some(-100.0),
            Some(-99.6),
            Some(10.0),
            Some(20.0),
            Some(30.0),
            Some(40.0),
        ],
    );
    let whys = direction_whys(&bank, &two);
    assert!(whys.len() >= 2, "{whys:?}");
    for (_, why) in &whys[..2] {
        assert!(
            why.contains(
                " is tied with 1 other as your furthest dimension from engineer work (do -100)."
            ),
            "{why}"
        );
        assert!(!why.contains("second"), "{why}");
    }
    // Three tied behind one further away: tied, as the second furthest.
    let three = with_practice(
        &bank,
        [
            Some(-80.0),
            Some(-50.0),
            Some(-50.2),
            Some(-49.8),
            Some(30.0),
            Some(40.0),
        ],
    );
    let whys = direction_whys(&bank, &three);
    assert!(
        whys[0]
            .1
            .contains("is your furthest dimension from engineer work (do -80)."),
        "{whys:?}"
    );
    assert!(
        whys[1].1.contains(
            "is tied with 2 others as your second furthest dimension from engineer work (do -50)."
        ),
        "{whys:?}"
    );
    // All the same: no rank at all.
    let same = with_practice(&bank, [Some(0.3); 6]);
    for (d, why) in direction_whys(&bank, &same) {
        if d == "path" {
            continue;
        }
        assert!(
            why.contains("By what you do today, all 6 of your dimensions are equally far from engineer work (do 0 on each), so "),
            "{why}"
        );
        assert!(!why.contains("furthest"), "{why}");
    }
}

#[test]
fn a_step_on_the_direction_itself_is_not_ranked_against_itself() {
    let bank = common::default_bank();
    for (path, lately) in [
        (-25.0, "leans the other way (do -25)"),
        (0.2, "leans neither way (do 0)"),
        (30.0, "already leans that way (do +30)"),
    ] {
        let s = with_practice(
            &bank,
            [
                Some(60.0),
                Some(70.0),
                Some(80.0),
                Some(90.0),
                Some(95.0),
                Some(path),
            ],
        );
        let whys = direction_whys(&bank, &s);
        let (_, why) = whys
            .iter()
            .find(|(d, _)| d == "path")
            .unwrap_or_else(|| panic!("a step on the direction: {whys:?}"));
        assert!(
            why.contains(&format!("What you have been learning lately {lately}")),
            "{why}"
        );
        assert!(
            !why.contains("furthest") && !why.contains("By what you do today"),
            "{why}"
        );
    }
}

#[test]
fn ranks_count_only_dimensions_with_a_do_today_score() {
    let bank = common::default_bank();
    // 0, 1, 2 and 3 answers on a dimension's do-today questions, the rest at the developer
    // pole, wanting to grow toward engineer: every reason recomputed by `check`.
    let scope: Vec<String> = bank
        .questions
        .iter()
        .filter(|q| q.dimension == "scope" && q.lens == Lens::Practice)
        .map(|q| q.id.clone())
        .collect();
    assert!(scope.len() >= 3);
    for kept in 0..=3 {
        let mut answers = common::all_at(&bank, Pole::Developer);
        for q in bank
            .questions
            .iter()
            .filter(|q| q.dimension == "path" && q.lens == Lens::Preference)
        {
            answers.insert(q.id.clone(), common::extreme(q, Pole::Engineer));
        }
        for id in &scope[kept..] {
            answers.shift_remove(id);
        }
        let r = result(&bank, Form::Full, answers, "");
        let s = page(&bank, &r, &[]);
        check(&bank, &s.result.scores, &[], &s.steps);
        let whys: Vec<&str> = s.steps.iter().map(|st| st.why.as_str()).collect();
        if kept == 0 {
            assert!(
                whys.iter()
                    .any(|w| w
                        .contains("all 5 of the dimensions with a margin on what you do today")),
                "{whys:?}"
            );
        } else {
            assert!(
                whys.iter().all(|w| !w.contains("do-today score")),
                "{whys:?}"
            );
        }
    }
}

#[test]
fn a_dimension_already_at_the_pole_is_not_called_far_from_it() {
    let bank = common::default_bank();
    let all = with_practice(&bank, [Some(100.0); 6]);
    for (d, why) in direction_whys(&bank, &all) {
        if d != "path" {
            assert!(
                why.contains(
                    "all 6 of your dimensions are already at the engineer end (do +100 on each)"
                ),
                "{why}"
            );
        }
        assert!(!why.contains("far from"), "{why}");
    }
    let some = with_practice(
        &bank,
        [
            Some(100.0),
            Some(99.7),
            Some(100.0),
            Some(100.0),
            Some(60.0),
            Some(40.0),
        ],
    );
    let whys = direction_whys(&bank, &some);
    assert!(
        whys.iter().any(|(_, w)| w.contains(
            " is already at the engineer end (do +100), as are 3 others: this step builds on it."
        )),
        "{whys:?}"
    );
}
