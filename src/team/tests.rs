#![allow(clippy::unwrap_used)]
use super::*;
use crate::store::BankRef;

fn scale(c: f64, m: Option<f64>) -> Scale {
    Scale {
        combined: Some(c),
        margin: m,
        preference: Some(c),
        practice: Some(c),
        answered: 9,
        preference_margin: m,
        practice_margin: m,
    }
}

pub(super) fn card(name: &str, overall: f64, dims: &[(&str, f64, Option<f64>)]) -> Card {
    Card {
        schema: CARD_SCHEMA,
        kind: CARD_KIND.into(),
        name: name.into(),
        taken_at: "2026-11-01T10:00:00Z".parse().unwrap(),
        form: crate::bank::Form::Full,
        bank: BankRef {
            name: "rolefit default".into(),
            version: "2.0".into(),
            fingerprint: "e74ee3043e072132".into(),
        },
        model: 2,
        overall: scale(overall, Some(10.0)),
        archetype: Some(crate::scoring::Archetype::from_overall(overall)),
        dimensions: dims
            .iter()
            .map(|(id, c, m)| ((*id).to_owned(), scale(*c, *m)))
            .collect(),
        context: None,
    }
}

fn now() -> jiff::Timestamp {
    "2026-12-01T00:00:00Z".parse().unwrap()
}

fn team(cards: Vec<Card>, anonymous: bool) -> Team {
    let bank = crate::bank::load_default().unwrap();
    let loaded = Loaded {
        cards,
        ..Loaded::default()
    };
    build(loaded, &bank, now(), anonymous)
}

#[test]
fn the_lean_rule_at_its_edges() {
    assert_eq!(lean(Some(20.0), Some(19.9)), Lean::Engineer);
    assert_eq!(lean(Some(20.0), Some(20.0)), Lean::Unclear);
    assert_eq!(lean(Some(-20.0), Some(5.0)), Lean::Developer);
    assert_eq!(lean(Some(19.9), Some(50.0)), Lean::Balanced);
    assert_eq!(lean(Some(-19.9), Some(1.0)), Lean::Balanced);
    assert_eq!(lean(Some(80.0), None), Lean::Unclear);
    assert_eq!(lean(None, None), Lean::Unclear);
}

#[test]
fn tags_run_past_z() {
    assert_eq!(tag(0), "A");
    assert_eq!(tag(25), "Z");
    assert_eq!(tag(26), "AA");
    assert_eq!(tag(27), "AB");
    assert_eq!(tag(26 * 27), "AAA");
}

#[test]
fn duplicate_names_are_told_apart_without_taking_another_name() {
    let names: Vec<String> = ["Sam", "Sam", "Sam (1)", "Maya"].map(String::from).to_vec();
    assert_eq!(
        disambiguate(&names),
        ["Sam (2)", "Sam (3)", "Sam (1)", "Maya"].map(String::from)
    );
}

#[test]
fn sentences_say_what_the_counts_say() {
    let t = team(
        vec![
            card(
                "Sam",
                40.0,
                &[("impact", 50.0, Some(10.0)), ("focus", -5.0, Some(9.0))],
            ),
            card(
                "Maya",
                -40.0,
                &[("impact", -50.0, Some(10.0)), ("focus", -30.0, Some(9.0))],
            ),
            card(
                "Lee",
                0.0,
                &[("impact", 5.0, None), ("focus", 0.0, Some(9.0))],
            ),
        ],
        false,
    );
    let says: Vec<&str> = t.statements.iter().map(|s| s.sentence.as_str()).collect();
    assert!(
        says.contains(&"Nobody leans engineer on Primary focus."),
        "{says:?}"
    );
    assert!(
        says.contains(&"On Impact on the team, Sam leans engineer and Maya developer."),
        "{says:?}"
    );
    let impact = t.coverage.iter().find(|c| c.id == "impact").unwrap();
    assert_eq!(
        (impact.engineer, impact.developer, impact.unclear),
        (1, 1, 1)
    );
}

#[test]
fn a_gap_counts_only_where_it_is_real_by_compares_rule() {
    let mut c = card("Sam", 0.0, &[("scope", 0.0, Some(10.0))]);
    let s = c.dimensions.get_mut("scope").unwrap();
    (s.preference, s.practice) = (Some(30.0), Some(-30.0));
    (s.preference_margin, s.practice_margin) = (Some(20.0), Some(20.0));
    let mut small = c.clone();
    let s = small.dimensions.get_mut("scope").unwrap();
    (s.preference, s.practice) = (Some(10.0), Some(-10.0));
    let t = team(vec![c, small], false);
    let gap: Vec<&Statement> = t
        .statements
        .iter()
        .filter(|s| s.kind == StatementKind::Gap)
        .collect();
    assert_eq!(gap.len(), 1);
    assert_eq!(
        gap[0].sentence,
        "1 of 2 does more developer-side work than they would choose on Scope of responsibility."
    );
}

#[test]
fn anonymous_members_are_letters_and_old_cards_are_said() {
    let mut old = card("Sam", 10.0, &[]);
    old.taken_at = "2025-11-30T00:00:00Z".parse().unwrap();
    let t = team(vec![old, card("Sam", 10.0, &[])], true);
    let names: Vec<&str> = t.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["A", "B"]);
    assert!(t.members[0].old && !t.members[1].old);
}

#[test]
fn mixed_banks_and_unshared_scales_are_noted_and_left_out() {
    let mut other = card("Maya", -40.0, &[("impact", -50.0, Some(10.0))]);
    other.bank.version = "1.0".into();
    let t = team(
        vec![
            card(
                "Sam",
                40.0,
                &[("impact", 50.0, Some(10.0)), ("focus", 50.0, Some(9.0))],
            ),
            other,
        ],
        false,
    );
    assert_eq!(
        t.mixed.as_deref(),
        Some("question banks rolefit default 2.0 and rolefit default 1.0")
    );
    assert!(!t.coverage.iter().find(|c| c.id == "focus").unwrap().shared);
    assert!(t.statements.iter().all(|s| s.dimension != "focus"));
}

#[test]
fn hostile_numbers_are_refused() {
    let good = card("Sam", 40.0, &[("impact", 50.0, Some(10.0))]);
    let json = good.to_json();
    assert_eq!(Card::parse(&json, now()).unwrap(), good);
    for (from, to) in [
        ("\"combined\": 50.0", "\"combined\": 500.0"),
        ("\"combined\": 50.0", "\"combined\": NaN"),
        ("\"combined\": 50.0", "\"combined\": 1e999"),
        ("\"margin\": 10.0", "\"margin\": -1.0"),
        ("\"answered\": 9", "\"answered\": -9"),
        ("\"engineer-leaning\"", "\"systems-engineer\""),
        ("\"schema\": 1", "\"schema\": 9"),
        ("rolefit-team-card", "something-else"),
        ("2026-11-01", "2027-11-01"),
    ] {
        assert!(json.contains(from), "{from}");
        let bad = json.replacen(from, to, 1);
        assert!(Card::parse(&bad, now()).is_err(), "{to} was accepted");
    }
}
