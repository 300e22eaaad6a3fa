//! Where an option sits must not say which way it leans: respondents who always pick the first
//! or the last option land near the middle, the bank's layout is checked, and the option order
//! shown is drawn per assessment and kept for a resume, while answers keep one meaning.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Measurements are printed for the record (`cargo test -- --nocapture`); no untrusted text.
#![allow(clippy::disallowed_macros)]

mod common;

use rolefit::answers::{Answer, Answers, Shown, describe_answer};
use rolefit::bank::{Bank, Form, Kind, Pole, imbalances, load_str};
use rolefit::engine::Assessment;
use rolefit::scoring::score_answers;
use rolefit::session::Session;

fn start(bank: &Bank, form: Form, seed: Option<u64>, nanos: i128) -> Session {
    let now = jiff::Timestamp::from_nanosecond(nanos).unwrap();
    Session::start(bank, form, seed, String::new(), now).unwrap()
}

/// Everything answered with the option shown at `pick(len)`, as a habitual respondent would.
fn habitual(bank: &Bank, a: &Assessment, pick: impl Fn(usize) -> usize) -> Answers {
    a.order()
        .iter()
        .map(|id| {
            let shown = a.shown(bank.question(id).unwrap());
            (id.clone(), shown.answer(pick(shown.len())).unwrap())
        })
        .collect()
}

fn first(_: usize) -> usize {
    0
}

fn last(n: usize) -> usize {
    n - 1
}

#[test]
fn first_and_last_option_respondents_land_near_the_middle_of_the_full_form() {
    let bank = common::default_bank();
    let mut worst: f64 = 0.0;
    for i in 0..300u64 {
        // With and without a seed: the option order comes from the seed or the start time.
        let seed = (i % 2 == 0).then_some(i);
        let s = start(&bank, Form::Full, seed, i128::from(i) * 7_919_000_013);
        let a = s.assessment();
        for (name, pick) in [("first", first as fn(usize) -> usize), ("last", last)] {
            let answers = habitual(&bank, a, pick);
            let overall = score_answers(&bank, Form::Full, &answers).overall.unwrap();
            worst = worst.max(overall.abs());
            assert!(
                overall.abs() <= 15.0,
                "always the {name} option (assessment {i}) scores {overall:+.1}"
            );
        }
    }
    eprintln!("largest first/last-option score over 300 assessments: {worst:.1}");
}

#[test]
fn the_quick_form_is_balanced_in_keying() {
    let bank = common::default_bank();
    for lens in rolefit::bank::Lens::ALL {
        let (mut eng, mut dev) = (0.0, 0.0);
        for q in bank.form(Form::Quick).filter(|q| q.lens == lens) {
            match q.kind {
                Kind::Likert {
                    keyed: Pole::Engineer,
                    ..
                } => eng += q.weight,
                Kind::Likert { .. } => dev += q.weight,
                _ => {}
            }
        }
        assert!(
            (eng - dev) <= 1.5 && (dev - eng) <= 1.5,
            "{lens:?}: engineer-keyed weight {eng}, developer-keyed {dev}"
        );
    }
    // Someone who agrees (or disagrees) with everything lands near the middle of the quick form
    // too, whatever the scenarios' order.
    let s = start(&bank, Form::Quick, Some(1), 0);
    for pick in [first as fn(usize) -> usize, last] {
        let answers = habitual(&bank, s.assessment(), pick);
        let overall = score_answers(&bank, Form::Quick, &answers).overall.unwrap();
        assert!(overall.abs() <= 30.0, "{overall}");
    }
}

#[test]
fn the_default_bank_passes_the_balance_check() {
    // A warning for a custom bank is an error for the default one.
    let bank = common::default_bank();
    assert_eq!(imbalances(&bank), Vec::new());
    for lens in rolefit::bank::Lens::ALL {
        let pairs: Vec<Pole> = bank
            .questions
            .iter()
            .filter(|q| q.lens == lens)
            .filter_map(|q| match q.kind {
                Kind::Pair { first, .. } => Some(first),
                _ => None,
            })
            .collect();
        let eng = pairs.iter().filter(|p| **p == Pole::Engineer).count();
        assert!(
            eng * 10 >= pairs.len() * 4 && eng * 10 <= pairs.len() * 6,
            "{lens:?}: the engineer statement is A in {eng} of {} pairs",
            pairs.len()
        );
    }
}

const LOPSIDED: &str = r#"
name = "lopsided"
version = "1"
[[dimensions]]
id = "d"
title = "D"
engineer = "e"
developer = "d"
[[questions]]
id = "p1"
kind = "pair"
dimension = "d"
lens = "preference"
text = "t"
engineer = "E"
developer = "D"
[[questions]]
id = "p2"
kind = "pair"
dimension = "d"
lens = "practice"
text = "t"
engineer = "E"
developer = "D"
[[questions]]
id = "p3"
kind = "pair"
dimension = "d"
lens = "practice"
text = "t"
first = "engineer"
engineer = "E"
developer = "D"
[[questions]]
id = "c1"
kind = "choice"
dimension = "d"
lens = "practice"
text = "t"
  [[questions.options]]
  key = "a"
  text = "x"
  lean = 1.0
  [[questions.options]]
  key = "b"
  text = "y"
  lean = 0.0
  [[questions.options]]
  key = "c"
  text = "z"
  lean = -1.0
[[questions]]
id = "c2"
kind = "choice"
dimension = "d"
lens = "practice"
text = "t"
  [[questions.options]]
  key = "a"
  text = "x"
  lean = 0.5
  [[questions.options]]
  key = "b"
  text = "y"
  lean = 0.0
  [[questions.options]]
  key = "c"
  text = "z"
  lean = -1.0
"#;

#[test]
fn a_lopsided_custom_bank_is_warned_about_and_still_valid() {
    let bank = load_str(LOPSIDED, std::path::Path::new("lopsided.toml")).unwrap();
    let found: Vec<String> = imbalances(&bank).iter().map(|i| i.to_string()).collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].contains("the developer statement is side A in 2 of 3 pairs"),
        "{found:?}"
    );
    assert!(
        found[1].contains("2 of 2 choice questions list the most engineer-leaning option first"),
        "{found:?}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lopsided.toml");
    std::fs::write(&path, LOPSIDED).unwrap();
    let out = assert_cmd::Command::cargo_bin("rolefit")
        .unwrap()
        .args(["bank", "validate"])
        .arg(&path)
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("lopsided.toml: warning: the developer statement is side A"));
    assert!(stdout.contains("with 2 warnings"), "{stdout}");
}

#[test]
fn option_order_is_drawn_per_assessment_and_kept_for_a_resume() {
    let bank = common::default_bank();
    let choices: Vec<_> = bank
        .questions
        .iter()
        .filter(|q| matches!(q.kind, Kind::Choice { .. }))
        .collect();
    let orders = |s: &Session| -> Vec<Vec<Option<Answer>>> {
        choices
            .iter()
            .map(|q| {
                let shown = s.assessment().shown(q);
                (0..shown.len()).map(|i| shown.answer(i)).collect()
            })
            .collect()
    };
    // The same seed, the same order; another seed (or none, at another time), another order.
    let a = start(&bank, Form::Full, Some(11), 0);
    assert_eq!(orders(&a), orders(&start(&bank, Form::Full, Some(11), 99)));
    assert_ne!(orders(&a), orders(&start(&bank, Form::Full, Some(12), 0)));
    assert_ne!(
        orders(&start(&bank, Form::Full, None, 1)),
        orders(&start(&bank, Form::Full, None, 2))
    );
    // Saved with the assessment and read back: a resume shows the same order.
    let dir = tempfile::tempdir().unwrap();
    let store = rolefit::store::Store::open(dir.path()).unwrap();
    a.autosave(&store).unwrap();
    let text = std::fs::read_to_string(store.in_progress_path()).unwrap();
    assert!(text.contains("[assessment.shown]"), "{text}");
    let back = Session::resume(store.load_in_progress().unwrap().unwrap(), &bank).unwrap();
    assert_eq!(orders(&back), orders(&a));
    // Each question's order is a permutation of its options, so every option can be chosen.
    for q in &choices {
        let shown = a.assessment().shown(q);
        let mut keys: Vec<Answer> = (0..shown.len()).filter_map(|i| shown.answer(i)).collect();
        keys.sort_by_key(|k| format!("{k:?}"));
        keys.dedup();
        assert_eq!(keys.len(), shown.len(), "{}", q.id);
    }
}

#[test]
fn ordered_options_are_shown_forwards_or_backwards_only() {
    let bank = common::default_bank();
    let q = bank.question("workstyle-coding-share-typical").unwrap();
    assert!(matches!(q.kind, Kind::Choice { ordered: true, .. }));
    let (mut forwards, mut backwards) = (0, 0);
    for seed in 0..60 {
        let s = start(&bank, Form::Full, Some(seed), 0);
        let shown = s.assessment().shown(q);
        let keys: String = (0..shown.len())
            .map(|i| match shown.answer(i) {
                Some(Answer::Option(k)) => k,
                _ => '?',
            })
            .collect();
        match keys.as_str() {
            "abcd" => forwards += 1,
            "dcba" => backwards += 1,
            other => panic!("ordered options shuffled: {other}"),
        }
    }
    assert!(forwards > 10 && backwards > 10, "{forwards} / {backwards}");
}

#[test]
fn shown_letters_follow_position_and_answers_keep_the_bank_key() {
    let bank = common::default_bank();
    let q = bank.question("path-year-grew-at").unwrap();
    let shown = Shown::new(q, vec![3, 1, 0, 2]);
    assert_eq!((shown.key(0), shown.key(3)), ('a', 'd'));
    assert_eq!(shown.by_key('a'), Some(Answer::Option('d')));
    assert_eq!(shown.index(&Answer::Option('d')), Some(0));
    assert_eq!(
        shown.describe(&Answer::Option('d')),
        format!("a · {}", shown.label(0))
    );
    // Not a permutation: the bank's order rather than a lost option.
    let broken = Shown::new(q, vec![0, 0, 1, 2]);
    assert_eq!(broken.answer(3), Some(Answer::Option('d')));
    // A resumed file whose order names options the bank does not have is refused.
    let bad = Shown::new(q, vec![9, 1, 2, 3]);
    assert_eq!(bad.answer(0), Some(Answer::Option('a')));
}

#[test]
fn a_pair_scores_toward_the_pole_of_the_side_chosen() {
    let bank = common::default_bank();
    for q in bank
        .questions
        .iter()
        .filter(|q| matches!(q.kind, Kind::Pair { .. }))
    {
        let Kind::Pair { first, .. } = q.kind else {
            unreachable!()
        };
        let s = rolefit::scoring::signed_value(q, &Answer::Scale(1)).unwrap();
        // 1 = strongly A, the first pole's statement.
        let want = if first == Pole::Engineer { 1.0 } else { -1.0 };
        assert_eq!(s, want, "{}", q.id);
    }
}

#[test]
fn scales_are_labelled_on_every_edge() {
    let bank = common::default_bank();
    let freq = bank.question("workstyle-small-pieces-shown").unwrap();
    assert_eq!(describe_answer(freq, &Answer::Scale(2)), "2 · Rarely");
    let t = bank.question("path-learn-tools").unwrap();
    assert_eq!(describe_answer(t, &Answer::Scale(5)), "5 · Completely true");
    let agree = bank.question("workstyle-heads-down").unwrap();
    assert_eq!(describe_answer(agree, &Answer::Scale(4)), "4 · Agree");
    // A scenario's answer reads as its option alone: its letter on screen depended on the
    // order it was shown in, so a report quoting the bank's key would name another letter.
    let c = bank.question("skills-teach-deeply").unwrap();
    assert_eq!(
        describe_answer(c, &Answer::Option('a')),
        "How a system behaves under failure and load, and why it is designed as it is"
    );
    // Practice items that state a habit use the frequency scale, not an agree scale.
    let agree_practice_habits = bank.questions.iter().filter(|q| {
        q.lens == rolefit::bank::Lens::Practice
            && (q.text.starts_with("Last week") || q.text.starts_with("In the last"))
            && matches!(
                q.kind,
                Kind::Likert {
                    scale: rolefit::bank::Scale::Agree,
                    ..
                }
            )
    });
    assert_eq!(agree_practice_habits.count(), 0);
}

#[test]
fn a_bad_scale_or_side_is_reported_where_it_is() {
    let text = r#"
name = "b"
version = "1"
[[dimensions]]
id = "d"
title = "D"
engineer = "e"
developer = "d"
[[questions]]
id = "l"
kind = "likert"
dimension = "d"
lens = "preference"
keyed = "engineer"
scale = "often"
text = "t"
[[questions]]
id = "p"
kind = "pair"
dimension = "d"
lens = "practice"
text = "t"
first = "manager"
scale = "agree"
engineer = "E"
developer = "D"
"#;
    let err = load_str(text, std::path::Path::new("b.toml"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("b.toml:15:9: [l] unknown `scale` value `often` (use agree, frequency, true)"),
        "{err}"
    );
    assert!(
        err.contains("[p] unknown `first` value `manager` (use engineer or developer)"),
        "{err}"
    );
    assert!(
        err.contains("[p] `scale` does not apply to a pair question"),
        "{err}"
    );
}
