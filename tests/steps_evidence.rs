//! Advice only where the answers support it: a step's reason, a goal's "reached" and the
//! Dimensions card's gap or match rest on a score only where that score has a margin (3
//! answers on its scale), and the growth dimension says one coherent thing. The trial's own
//! results, replayed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::results::result;
use rolefit::answers::{Answer, Answers};
use rolefit::assets::{Level, Texts};
use rolefit::bank::{Bank, Form, Pole};
use rolefit::context::{Context, Role};
use rolefit::insight::{Gap, steps_for_person};
use rolefit::report::{sentences, summarise_with_goals};
use rolefit::scoring::{DimensionScore, MIN_ANSWERS_FOR_MARGIN, Scores};
use rolefit::store::{Goal, ResultFile};

/// The trial's quick form, as the new graduate answered it months later.
fn quick_answers() -> Answers {
    let mut a = Answers::new();
    for (id, v) in [
        ("scope-story-end-to-end", 5),
        ("scope-built-lets-people-do-new", 4),
        ("focus-failure-modes", 4),
        ("focus-settle-failure-cases", 4),
        ("skills-check-next-after", 2),
        ("impact-set-standard", 2),
        ("impact-new-things-reach-users", 4),
        ("workstyle-design-on-paper", 3),
        ("workstyle-heads-down", 5),
        ("path-big-design-decisions", 3),
        ("path-keep-building", 5),
        ("path-grew-most", 5),
    ] {
        a.insert(id.into(), Answer::Scale(v));
    }
    a.insert("skills-learning-week-pick".into(), Answer::Option('b'));
    a.insert("workstyle-coding-share-typical".into(), Answer::Option('d'));
    a
}

fn grad() -> Context {
    Context {
        years: Some(1),
        role: Some(Role::Developer),
        users: None,
    }
}

fn principal() -> Context {
    Context {
        years: Some(15),
        role: Some(Role::Staff),
        users: None,
    }
}

/// The trial's goal: Primary focus from -57.9 (± 28) toward -40.
fn focus_goal() -> Goal {
    Goal {
        id: 1,
        dimension: "focus".into(),
        lens: None,
        target: -40.0,
        baseline: "20260501T100000Z-extf".into(),
        baseline_score: -57.894_736_842_105_27,
        baseline_margin: Some(27.995_518_065_195_483),
        note: String::new(),
        due: None,
        created_at: "2026-05-01T10:00:00Z".parse().unwrap(),
        done_at: None,
    }
}

fn quick(bank: &Bank) -> ResultFile {
    let mut r = result(bank, Form::Quick, quick_answers(), "");
    r.context = Some(grad());
    r
}

#[test]
fn a_quick_result_claims_no_reason_from_single_answers_and_the_open_goal_leads() {
    let bank = common::default_bank();
    let r = quick(&bank);
    let s = &r.scores;
    // The trial's numbers: Skills "do +50" from one answer, Primary focus +50 from two.
    assert_eq!(s.dimensions["skills"].practice, Some(50.0));
    assert_eq!(s.dimensions["skills"].practice_margin, None);
    assert_eq!(s.dimensions["focus"].combined, Some(50.0));
    assert_eq!(s.dimensions["focus"].margin, None);
    let page = summarise_with_goals(&bank, &r, &Texts::load(), &[focus_goal()]);
    // Focus +50 from two answers is past the target, but no margin: the goal is not reached
    // (Goals says "too few answers"), and it leads the steps, toward its target.
    assert_eq!(page.steps.len(), 1, "{:?}", page.steps);
    let st = &page.steps[0];
    assert_eq!(
        (st.dimension.as_str(), st.toward),
        ("focus", Pole::Engineer)
    );
    assert!(
        st.why.starts_with("Your learning goal #1 aims for -40 on Primary focus; this result has too few answers there to tell where you are now."),
        "{}",
        st.why
    );
    // No level from a score without a margin: the middle one, and said so.
    assert_eq!(st.level, Level::Growing);
    assert!(
        st.why
            .contains("the middle one: this result has too few answers here")
    );
    assert!(!page.steps.iter().any(|st| st.text.contains("debugger")));
    // Without the goal: no step, and the page says why.
    let page = summarise_with_goals(&bank, &r, &Texts::load(), &[]);
    assert!(page.steps.is_empty(), "{:?}", page.steps);
    let why = page.no_steps.expect("a reason for no steps");
    assert!(
        why.starts_with("No step is suggested yet: too few answers on each dimension"),
        "{why}"
    );
}

/// `DimensionScore` for one dimension with `n` answers on each lens (margins only from 3).
fn dim(p: f64, q: f64, np: usize, nq: usize, m: f64) -> DimensionScore {
    let margin = |n: usize| (n >= MIN_ANSWERS_FOR_MARGIN).then_some(m);
    DimensionScore {
        combined: Some(f64::midpoint(p, q)),
        margin: margin(np + nq),
        preference: (np > 0).then_some(p),
        practice: (nq > 0).then_some(q),
        answered: np + nq,
        preference_margin: margin(np),
        practice_margin: margin(nq),
    }
}

#[test]
fn a_match_from_one_answer_is_hedged_as_a_gap_is() {
    for n in 0..=3 {
        let said = sentences::gap("focus", Some(&dim(50.0, 40.0, 3, n, 20.0)));
        let gap = sentences::gap("focus", Some(&dim(50.0, -40.0, 3, n, 20.0)));
        match n {
            0 => {
                assert!(said.unwrap().starts_with("Only what you enjoy has answers"));
                assert!(gap.unwrap().starts_with("Only what you enjoy has answers"));
            }
            1 | 2 => {
                let hedge = "One side has too few answers for a margin, so treat it as a hint.";
                let said = said.unwrap();
                assert!(
                    said.contains("your work matches your taste") && said.ends_with(hedge),
                    "{said}"
                );
                assert!(gap.unwrap().ends_with(hedge));
            }
            _ => {
                assert!(!said.unwrap().contains("hint"));
                assert!(gap.unwrap().ends_with("so it is likely real."));
            }
        }
    }
    // Identical answers, extreme answers: a match, and a gap of the whole scale.
    assert!(
        sentences::gap("scope", Some(&dim(100.0, 100.0, 3, 3, 9.0)))
            .unwrap()
            .contains("matches your taste")
    );
    let g = Gap::of(&dim(-100.0, 100.0, 3, 3, 9.0)).unwrap();
    assert!(g.divided() && g.has_evidence() && g.more() == Pole::Engineer);
}

/// The principal's scores with the growth dimension set to the trial's numbers: where they
/// want to grow -25, what they have been learning lately -75, both with margins.
fn trial_growth(bank: &Bank) -> Scores {
    let mut s = common::people::principal(bank).scores;
    let path = s.dimensions.get_mut("path").unwrap();
    *path = dim(-25.0, -75.0, 4, 4, 20.0);
    s
}

#[test]
fn the_growth_dimension_says_one_thing_on_the_card_and_in_the_steps() {
    let bank = common::default_bank();
    let s = trial_growth(&bank);
    let card = sentences::gap("path", s.dimensions.get("path")).unwrap();
    assert_eq!(
        card,
        "What you have been learning lately leans further to the developer side than where you want to grow (enjoy -25, do -75): your learning already runs ahead of where you want to grow. The difference is larger than the two margins combined (± 28), so it is likely real."
    );
    assert!(!card.contains("developer-side work"));
    for context in [None, Some(grad()), Some(principal())] {
        let steps = steps_for_person(&bank, &s, &Texts::load().guidance, &[], context.as_ref());
        // Learning already runs past where they want to grow: no step pushes it further.
        assert!(steps.iter().all(|st| st.dimension != "path"), "{steps:?}");
        assert!(
            steps.iter().all(|st| st.toward == Pole::Developer),
            "{steps:?}"
        );
    }
    // Learning behind where they want to grow: the path step says so and points it there.
    let mut s = s;
    *s.dimensions.get_mut("path").unwrap() = dim(-75.0, -25.0, 4, 4, 20.0);
    let steps = steps_for_person(&bank, &s, &Texts::load().guidance, &[], None);
    let card = sentences::gap("path", s.dimensions.get("path")).unwrap();
    assert!(
        card.contains("there is room to point your learning where you want to go"),
        "{card}"
    );
    assert!(steps.iter().any(|st| st.dimension == "path"), "{steps:?}");
}

#[test]
fn a_direction_needs_a_margin_on_where_you_want_to_grow() {
    let bank = common::default_bank();
    let guidance = Texts::load().guidance;
    for n in 0..=3 {
        let mut s = common::people::principal(&bank).scores;
        *s.dimensions.get_mut("path").unwrap() = dim(80.0, 80.0, n, 4, 20.0);
        let steps = steps_for_person(&bank, &s, &guidance, &[], None);
        let directed = steps
            .iter()
            .any(|st| st.why.starts_with("You want to grow"));
        assert_eq!(directed, n >= MIN_ANSWERS_FOR_MARGIN, "{n}: {steps:?}");
        // Ranked only among dimensions whose do-today score has a margin.
        if directed {
            let mut s = s.clone();
            for d in s.dimensions.values_mut() {
                d.practice_margin = None;
            }
            let steps = steps_for_person(&bank, &s, &guidance, &[], None);
            assert!(
                !steps
                    .iter()
                    .any(|st| st.why.starts_with("You want to grow")),
                "{steps:?}"
            );
        }
    }
}

#[test]
fn a_principal_gets_leading_steps_said_as_the_rule_chose_them() {
    let bank = common::default_bank();
    let mut r = common::people::principal(&bank);
    r.context = Some(principal());
    let page = summarise_with_goals(&bank, &r, &Texts::load(), &[]);
    assert!(!page.steps.is_empty());
    for st in &page.steps {
        assert_eq!(st.level, Level::Leading, "{st:?}");
        assert!(!st.why.contains("as fits"), "{}", st.why);
        assert!(
            st.why.ends_with("Level: leading, given your experience (15+ years in software) and role (staff, principal or distinguished engineer)."),
            "{}",
            st.why
        );
    }
    // 15 years as a developer: the years alone made the rule apply, and only they are named.
    r.context = Some(Context {
        role: Some(Role::Developer),
        ..principal()
    });
    let page = summarise_with_goals(&bank, &r, &Texts::load(), &[]);
    for st in &page.steps {
        assert!(
            st.why
                .ends_with("Level: leading, given your experience (15+ years in software)."),
            "{}",
            st.why
        );
    }
    // The same choice twice: deterministic.
    let again = summarise_with_goals(&bank, &r, &Texts::load(), &[]);
    assert_eq!(page.steps, again.steps);
}

#[test]
fn a_direction_with_nowhere_to_start_says_so() {
    let bank = common::default_bank();
    let mut s = common::people::principal(&bank).scores;
    for d in s.dimensions.values_mut() {
        d.practice_margin = None;
        d.preference_margin = None;
    }
    *s.dimensions.get_mut("path").unwrap() = dim(60.0, 10.0, 3, 2, 20.0);
    assert!(steps_for_person(&bank, &s, &Texts::load().guidance, &[], None).is_empty());
    let why = sentences::no_steps(&s, Some("Where you want to grow"));
    assert!(
        why.starts_with("You want to grow toward engineer work (Where you want to grow: enjoy +60), but no dimension has enough answers on what you do today"),
        "{why}"
    );
    // Learning already past it, and no other dimension to start from.
    *s.dimensions.get_mut("path").unwrap() = dim(60.0, 90.0, 3, 3, 10.0);
    assert!(steps_for_person(&bank, &s, &Texts::load().guidance, &[], None).is_empty());
    let why = sentences::no_steps(&s, Some("Where you want to grow"));
    assert!(
        why.contains("already runs past where you want to grow"),
        "{why}"
    );
}

#[test]
fn a_goal_is_reached_and_a_level_placed_only_with_a_margin() {
    let bank = common::default_bank();
    let guidance = Texts::load().guidance;
    for n in 0..=3 {
        let mut s = common::people::principal(&bank).scores;
        let focus = s.dimensions.get_mut("focus").unwrap();
        let m = (n >= MIN_ANSWERS_FOR_MARGIN).then_some(10.0);
        *focus = DimensionScore {
            combined: (n > 0).then_some(50.0),
            margin: m,
            preference: None,
            practice: (n > 0).then_some(50.0),
            answered: n,
            preference_margin: None,
            practice_margin: m,
        };
        let steps = steps_for_person(&bank, &s, &guidance, &[focus_goal()], Some(&grad()));
        let goal_step = steps
            .iter()
            .find(|st| st.why.starts_with("Your learning goal #1"));
        if n < MIN_ANSWERS_FOR_MARGIN {
            // Past the target on too few answers: still open, and leading, toward its target.
            let st = goal_step.unwrap_or_else(|| panic!("{n}: {steps:?}"));
            assert_eq!(steps[0].dimension, "focus");
            assert_eq!(st.toward, Pole::Engineer);
            assert_eq!(st.level, Level::Growing);
            assert!(
                st.why
                    .contains("too few answers there to tell where you are now"),
                "{}",
                st.why
            );
        } else {
            // +50 ± 10 against -58 ± 28: a move beyond both margins, past the target.
            assert!(goal_step.is_none(), "{steps:?}");
        }
    }
}
