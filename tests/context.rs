//! Who the person is (issue 21): the About-you screen, `[context]` in results and answers
//! files, and advice at the person's level: four people with context, each with steps and
//! paths that start where they are.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::people;
use common::results::{leaning, result};
use common::tui::{app, drive, render};
use rolefit::assets::{Level, Need, Texts};
use rolefit::bank::{Bank, Form, Pole};
use rolefit::context::{Context, Role, Users};
use rolefit::report::page::{Block, Key, sections};
use rolefit::report::{Summary, summarise};
use rolefit::store::{ResultFile, Store};
use rolefit::tui::action::Action;
use rolefit::tui::{Screen, Start};

fn with(mut r: ResultFile, years: u32, role: Role, users: Users) -> ResultFile {
    r.context = Some(Context {
        years: Some(years),
        role: Some(role),
        users: Some(users),
    });
    r
}

/// The four people of the issue, with what they said about themselves.
fn four(bank: &Bank) -> [(&'static str, ResultFile); 4] {
    [
        (
            "staff_15",
            with(people::principal(bank), 15, Role::Staff, Users::Teams),
        ),
        (
            "student",
            with(people::developer(bank), 0, Role::Student, Users::Customers),
        ),
        (
            "manager",
            with(
                result(
                    bank,
                    Form::Full,
                    leaning(bank, Form::Full, Pole::Engineer, 3),
                    "",
                ),
                10,
                Role::Manager,
                Users::Both,
            ),
        ),
        (
            "founder",
            with(people::developer(bank), 6, Role::Founder, Users::Customers),
        ),
    ]
}

/// The parts of the page context changes, as text: the header, the week, the steps, the paths.
fn fitted(s: &Summary) -> String {
    let mut out = String::new();
    for section in sections(s) {
        if !matches!(
            section.key,
            Key::Top | Key::Steps | Key::Paths | Key::Archetype
        ) {
            continue;
        }
        out += &format!("## {}\n", section.title);
        let mut week = false;
        for b in &section.blocks {
            match b {
                Block::Sub(t) if section.key == Key::Archetype => week = t == "A typical week",
                Block::Para(t) if section.key == Key::Archetype && week => {
                    out += &format!("week: {t}\n");
                }
                _ if section.key == Key::Archetype => {}
                Block::Para(t) | Block::Note(t) | Block::Warn(t) => out += &format!("{t}\n"),
                Block::Sub(t) => out += &format!("# {t}\n"),
                Block::Step { n, head, text, why } => {
                    out += &format!("{n}. {text}\n   {head}\n   {why}\n");
                }
                Block::Field(label, t) if *label == "Day to day" => {
                    out += &format!("  {label}: {t}\n");
                }
                _ => {}
            }
        }
        out += "\n";
    }
    out
}

fn needs(text: &str) -> Vec<Need> {
    Texts::load()
        .guidance
        .steps
        .into_iter()
        .find(|s| s.text == text)
        .map(|s| s.needs)
        .unwrap()
}

#[test]
fn four_people_get_steps_and_paths_at_their_level() {
    let bank = common::default_bank();
    let texts = Texts::load();
    for (name, r) in four(&bank) {
        let s = summarise(&bank, &r, &texts);
        insta::assert_snapshot!(format!("context_{name}"), fitted(&s));
        assert!(s.levels_note.is_none(), "{name}: levels fitted to them");
        assert!(!s.steps.is_empty(), "{name}");
        let roles: Vec<&str> = s
            .paths
            .as_ref()
            .unwrap()
            .roles
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        let line = s.context_line.clone().unwrap();
        match name {
            "staff_15" => {
                assert!(s.steps.iter().all(|st| st.level != Level::Starting));
                // Staff, principal or distinguished: principal engineer is the role they hold.
                assert!(!roles.contains(&"senior-developer"), "{roles:?}");
                assert!(!roles.contains(&"principal-engineer"), "{roles:?}");
                assert!(!roles.is_empty());
                assert_eq!(
                    line,
                    "15+ years in software · staff, principal or distinguished engineer · builds for other teams"
                );
            }
            "student" => {
                assert!(s.steps.iter().all(|st| st.level != Level::Leading));
                assert_eq!(roles[0], "first-role");
                assert!(
                    s.steps
                        .iter()
                        .all(|st| !needs(&st.text).contains(&Need::Manager))
                );
            }
            "manager" => {
                assert!(s.steps.iter().all(|st| st.level != Level::Starting));
                assert!(roles.contains(&"director"), "{roles:?}");
                assert!(!roles.contains(&"engineering-manager"), "{roles:?}");
                for st in &s.steps {
                    let n = needs(&st.text);
                    assert!(
                        !n.contains(&Need::Coding) && !n.contains(&Need::Manager),
                        "{st:?}"
                    );
                    assert!(!st.text.contains("your manager"), "{st:?}");
                }
                let a = s.archetype.as_ref().unwrap();
                let plain = texts.archetype(r.scores.archetype.unwrap()).unwrap();
                assert_eq!(
                    Some(&a.week),
                    plain.no_code.week.as_ref(),
                    "the week for someone who codes little"
                );
                assert!(!a.week.contains("some coding"), "{}", a.week);
            }
            "founder" => {
                // Never the role they hold, and no team roles.
                assert_eq!(roles, ["consultant"]);
                for st in &s.steps {
                    let n = needs(&st.text);
                    assert!(
                        !n.contains(&Need::Team) && !n.contains(&Need::Manager),
                        "{st:?}"
                    );
                }
            }
            _ => unreachable!(),
        }
    }
}

#[test]
fn without_context_the_page_says_levels_assume_mid_career() {
    let bank = common::default_bank();
    let s = summarise(&bank, &people::principal(&bank), &Texts::load());
    let note = s.levels_note.clone().unwrap();
    assert!(note.contains("assume mid-career"), "{note}");
    assert!(rolefit::report::result_text(&s).contains(&note));
    assert!(s.context_line.is_none());
}

#[test]
fn the_band_from_20_to_60_names_an_orientation_not_a_stage() {
    let texts = Texts::load();
    let t = texts
        .archetype(rolefit::scoring::Archetype::EngineerLeaning)
        .unwrap();
    assert_eq!(t.title, "Engineer at heart");
    assert!(!t.summary.contains("making") && !t.summary.contains("pulling you toward"));
    // The id stays, so JSON and old results keep their meaning.
    assert_eq!(
        rolefit::scoring::Archetype::EngineerLeaning.id(),
        "engineer-leaning"
    );
}

#[test]
fn every_export_and_show_json_carry_the_context() {
    let bank = common::default_bank();
    let (_, r) = four(&bank).into_iter().nth(2).unwrap();
    let s = summarise(&bank, &r, &Texts::load());
    let line = "About you: 10-14 years in software · engineering manager · builds for customers and other teams";
    assert!(rolefit::report::result_text(&s).contains(line));
    assert!(rolefit::report::markdown_report(&s).contains(line));
    assert!(rolefit::report::html_report(&s).contains(line));
    let json: serde_json::Value = serde_json::from_str(&rolefit::report::json_export(&s)).unwrap();
    assert_eq!(json["context"]["role"], "manager");
    assert_eq!(json["context"]["years"], 10);
}

#[test]
fn score_answers_with_context_carries_it_into_json() {
    let data = tempfile::tempdir().unwrap();
    let bank = common::default_bank();
    let mut file = String::from(
        "[context]\nyears = 12\nrole = \"architect\"\nusers = \"teams\"\n\n[answers]\n",
    );
    for (id, a) in leaning(&bank, Form::Full, Pole::Engineer, 4) {
        let v = toml::Value::try_from(a).unwrap();
        file += &format!("{id} = {v}\n");
    }
    let path = data.path().join("answers.toml");
    std::fs::write(&path, &file).unwrap();
    let out = common::cli(data.path())
        .args(["score", "--answers"])
        .arg(&path)
        .args(["--format", "json", "--save"])
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["context"]["years"], 12);
    assert_eq!(json["context"]["role"], "architect");
    assert_eq!(json["context"]["users"], "teams");
    // Saved with it, and `show` carries it too.
    let out = common::cli(data.path())
        .args(["show", "latest", "--format", "json"])
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["context"]["role"], "architect");
    let out = common::cli(data.path())
        .args(["show", "latest", "--format", "text"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("About you: 12 years in software · architect"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // An unknown role is a problem with its line, not a silent default.
    std::fs::write(&path, file.replace("\"architect\"", "\"astronaut\"")).unwrap();
    let out = common::cli(data.path())
        .args(["score", "--answers"])
        .arg(&path)
        .output()
        .unwrap();
    common::assert_exit(&out, 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("answers.toml:") && err.contains("[context]"),
        "{err}"
    );
}

#[test]
fn editing_a_results_context_keeps_what_rolefit_does_not_know() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let bank = common::default_bank();
    let r = people::principal(&bank);
    store.save_result(&r).unwrap();
    let path = store.result_path(&r.id);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!("future = \"kept\"\n{text}\n[context]\nteam = \"core\"\n"),
    )
    .unwrap();
    let c = Context {
        years: Some(15),
        role: Some(Role::Staff),
        users: None,
    };
    let back = store.set_result_context(&r.id, &c).unwrap();
    assert_eq!(back.context, Some(c));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("future = \"kept\"") && text.contains("team = \"core\""),
        "{text}"
    );
    assert_eq!(store.load_id(&r.id).unwrap().context, Some(c));
}

#[test]
fn compare_says_when_the_context_changed() {
    let bank = common::default_bank();
    let texts = Texts::load();
    let before = with(people::hybrid(&bank), 6, Role::Senior, Users::Customers);
    let mut after = with(people::principal(&bank), 6, Role::Lead, Users::Customers);
    after.id = "20261201T120000Z-test".into();
    let c = rolefit::compare::compare(&bank, &before, &after, &[], jiff::civil::date(2026, 12, 1));
    let text = rolefit::report::compare_text(&c, &texts, false);
    assert!(
        text.contains("About you changed: role: senior → tech lead."),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&rolefit::report::compare_json(&c)).unwrap();
    assert_eq!(json["context_changes"][0], "role: senior → tech lead");
}

#[test]
fn about_you_comes_before_the_first_question_and_one_enter_confirms_it_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path(), Start::Take(Form::Quick));
    drive(&mut a, &[Action::Confirm]);
    assert!(matches!(a.screen, Screen::About(_)));
    insta::assert_snapshot!("about_empty_60x16", render(&a, 60, 16).backend());
    // Years 15+, role staff (the 5th), users teams.
    drive(
        &mut a,
        &[
            Action::Back,
            Action::Down,
            Action::Forward,
            Action::Forward,
            Action::Forward,
            Action::Forward,
            Action::Forward,
            Action::Down,
            Action::Forward,
            Action::Forward,
        ],
    );
    insta::assert_snapshot!("about_filled_100x30", render(&a, 100, 30).backend());
    insta::assert_snapshot!("about_filled_200x60", render(&a, 200, 60).backend());
    drive(&mut a, &[Action::Down, Action::Confirm]);
    assert!(matches!(a.screen, Screen::Question { .. }));
    let said = Context {
        years: Some(15),
        role: Some(Role::Staff),
        users: Some(Users::Teams),
    };
    assert_eq!(a.session.as_ref().unwrap().context, Some(said));
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.load_context().unwrap(), Some(said));
    // Next time it is pre-filled, and Enter alone confirms it.
    let _ = store.remove_in_progress();
    let mut b = app(dir.path(), Start::Take(Form::Quick));
    drive(&mut b, &[Action::Confirm]);
    insta::assert_snapshot!("about_prefilled_60x16", render(&b, 60, 16).backend());
    drive(&mut b, &[Action::Confirm]);
    assert!(matches!(b.screen, Screen::Question { .. }));
    assert_eq!(b.session.as_ref().unwrap().context, Some(said));
}

#[test]
fn about_you_is_editable_from_home_and_from_a_result() {
    let dir = tempfile::tempdir().unwrap();
    let bank = common::default_bank();
    let store = Store::open(dir.path()).unwrap();
    let r = people::principal(&bank);
    store.save_result(&r).unwrap();
    let mut a = app(dir.path(), Start::Show(Box::new(r.clone())));
    drive(&mut a, &[Action::About]);
    assert!(matches!(a.screen, Screen::About(_)));
    // Role: founder (the 9th), then save.
    drive(&mut a, &[Action::Down]);
    for _ in 0..9 {
        a.update(Action::Forward);
    }
    drive(&mut a, &[Action::Down, Action::Down, Action::Confirm]);
    let Screen::Result(d) = &a.screen else {
        panic!("back on the result")
    };
    assert_eq!(d.result().context.and_then(|c| c.role), Some(Role::Founder));
    assert_eq!(
        store.load_id(&r.id).unwrap().context.and_then(|c| c.role),
        Some(Role::Founder)
    );
    // From home: kept for next time.
    let mut h = app(dir.path(), Start::Home);
    let items = rolefit::tui::screens::home::items(&h);
    let at = items
        .iter()
        .position(|i| *i == rolefit::tui::screens::home::Item::About)
        .unwrap();
    drive(
        &mut h,
        &[
            Action::Click(at),
            Action::Forward,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Confirm,
        ],
    );
    assert!(matches!(h.screen, Screen::Home { .. }));
    assert_eq!(store.load_context().unwrap().unwrap().years, Some(0));
}

#[test]
fn plain_mode_asks_about_you_in_one_line_from_a_pipe() {
    let data = tempfile::tempdir().unwrap();
    let out = common::cli(data.path())
        .args(["take", "--plain", "--quick"])
        .write_stdin("principal 15+ teams\n3\nq\n")
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("About you ("), "{text}");
    let store = Store::open(data.path()).unwrap();
    let said = store.load_context().unwrap().unwrap();
    assert_eq!((said.years, said.role), (Some(15), Some(Role::Staff)));
    assert_eq!(
        store
            .load_in_progress()
            .unwrap()
            .unwrap()
            .assessment
            .progress()
            .answered,
        1
    );
    // Something not understood is asked again; Enter keeps last time's.
    let _ = store.remove_in_progress();
    let out = common::cli(data.path())
        .args(["take", "--plain", "--quick"])
        .write_stdin("astronaut\n\nq\n")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("“astronaut” is not"), "{text}");
    assert!(text.contains("Enter keeps: 15+ years"), "{text}");
    assert_eq!(store.load_context().unwrap(), Some(said));
}

/// The new graduate of the trial: employed for 8 months, so their paths start from the first
/// job they have, and nothing tells them how to get one.
#[test]
fn a_new_graduate_in_a_job_is_not_told_how_to_get_a_first_one() {
    let bank = common::default_bank();
    let texts = Texts::load();
    let r = with(
        people::developer(&bank),
        0,
        Role::Graduate,
        Users::Customers,
    );
    let s = summarise(&bank, &r, &texts);
    let p = s.paths.as_ref().unwrap();
    let ids: Vec<&str> = p.roles.iter().map(|r| r.id.as_str()).collect();
    assert!(!ids.contains(&"first-role"), "{ids:?}");
    assert_eq!(ids[0], "senior-developer");
    let page = rolefit::report::result_text(&s);
    for false_for_them in [
        "Most careers start with a first role",
        "an internship, a graduate programme",
    ] {
        assert!(!page.contains(false_for_them), "{false_for_them}");
    }
    assert!(p.note.starts_with("You have your first role"), "{}", p.note);
    assert_eq!(
        s.context_line.as_deref(),
        Some("under 1 year in software · new graduate, in a first job · builds for customers")
    );
    // A student still hears how careers start.
    let st = summarise(
        &bank,
        &with(people::developer(&bank), 0, Role::Student, Users::Customers),
        &texts,
    );
    assert_eq!(st.paths.unwrap().roles[0].id, "first-role");
}

/// No About-you role is offered the role it holds, whatever the archetype; everyone has a path.
#[test]
fn nobody_is_offered_the_role_they_hold() {
    let texts = Texts::load();
    let g = &texts.guidance;
    for role in Role::ALL {
        let c = Context {
            years: None,
            role: Some(role),
            users: None,
        };
        for a in rolefit::scoring::Archetype::ALL {
            let p = rolefit::insight::paths(g, a, Some(&c)).unwrap();
            assert!(!p.roles.is_empty(), "{role:?} {a:?}");
            for r in &p.roles {
                assert!(
                    !r.held_by.contains(&role),
                    "{role:?} {a:?} offered {}",
                    r.id
                );
            }
        }
    }
}

#[test]
fn an_old_student_or_new_graduate_value_still_reads() {
    let c: Context = toml::from_str("role = \"student\"").unwrap();
    assert_eq!(c.role, Some(Role::Student));
    let c: Context = toml::from_str("role = \"graduate\"").unwrap();
    assert_eq!(c.role, Some(Role::Graduate));
}

/// The archetype panel as four readers of the trial read it, with the words that were false for
/// them: a manager who codes little, a founder on their own, and nobody in particular.
#[test]
fn archetype_texts_assume_no_coding_or_team_the_reader_lacks() {
    use rolefit::scoring::Archetype;
    let bank = common::default_bank();
    let texts = Texts::load();
    let shown = |r: &ResultFile| {
        let s = summarise(&bank, r, &texts);
        let a = s.archetype.clone().unwrap();
        let id = a.id;
        let text = [a.summary, a.week, a.works_with]
            .into_iter()
            .chain(a.strengths)
            .collect::<Vec<_>>()
            .join("\n");
        (id, text)
    };
    let engineer = result(
        &bank,
        Form::Full,
        leaning(&bank, Form::Full, Pole::Engineer, 3),
        "",
    );
    let manager = with(engineer.clone(), 15, Role::Manager, Users::Both);
    let (a, text) = shown(&manager);
    assert_eq!(a, Archetype::EngineerLeaning);
    assert!(!text.contains("Staying close enough to the code"), "{text}");
    assert!(
        text.contains("Keeping designs realistic by asking the people who build them"),
        "{text}"
    );
    let team_words = [
        "pairing with product or QA",
        "user story from the ticket",
        "product managers",
        "QA who",
        "teammates",
        "product people",
    ];
    let builder = result(
        &bank,
        Form::Full,
        common::all_at(&bank, Pole::Developer),
        "",
    );
    let founder = with(builder.clone(), 6, Role::Founder, Users::Customers);
    let (a, text) = shown(&founder);
    assert_eq!(a, Archetype::ProductDeveloper);
    for w in team_words {
        assert!(!text.contains(w), "{w}: {text}");
    }
    assert!(
        text.contains("users who tell you early what they need"),
        "{text}"
    );
    // Without context, wording true for everyone: no team assumed, so the founder's texts.
    let (_, nobody) = shown(&builder);
    assert_eq!(nobody, text);
    // A developer in a team keeps the team's wording.
    let (_, dev) = shown(&with(builder, 6, Role::Developer, Users::Customers));
    assert!(dev.contains("pairing with product or QA"), "{dev}");
    // Every archetype, every reader: nothing they lack is assumed, by the declared needs.
    for a in Archetype::ALL {
        let t = texts.archetype(a).unwrap();
        for (role, lacks) in [(Role::Manager, Need::Coding), (Role::Founder, Need::Team)] {
            let c = Context {
                years: None,
                role: Some(role),
                users: None,
            };
            let r = t.for_reader(&rolefit::assets::reader_lacks(
                Some(role),
                rolefit::insight::lacks(Some(&c)),
            ));
            for (field, needs, text) in [
                ("summary", &t.needs.summary, &r.summary),
                ("week", &t.needs.week, &r.week),
                ("works_with", &t.needs.works_with, &r.works_with),
            ] {
                let usual = match field {
                    "summary" => &t.summary,
                    "week" => &t.week,
                    _ => &t.works_with,
                };
                assert_eq!(
                    needs.contains(&lacks),
                    text != usual,
                    "{a:?} {role:?} {field}"
                );
            }
            assert_eq!(
                t.needs.strengths.contains(&lacks),
                r.strengths != t.strengths,
                "{a:?} {role:?}"
            );
        }
    }
}

/// The manager of the trial, who codes little: no step asks them for hands-on coding or to fix a
/// user's problem themselves, at any dimension, direction and level their role allows.
#[test]
fn a_manager_who_codes_little_is_not_given_hands_on_steps() {
    let texts = Texts::load();
    let g = &texts.guidance;
    let manager = Context {
        years: Some(15),
        role: Some(Role::Manager),
        users: Some(Users::Both),
    };
    let lacks = rolefit::insight::lacks(Some(&manager));
    let (floor, ceiling) = rolefit::insight::level_bounds(Some(&manager));
    let mut offered = Vec::new();
    for d in ["scope", "focus", "skills", "impact", "workstyle", "path"] {
        for pole in [Pole::Engineer, Pole::Developer] {
            for level in [Level::Starting, Level::Growing, Level::Leading] {
                if (floor..=ceiling).contains(&level) {
                    offered.extend(
                        g.steps_fitting(d, pole, level, lacks)
                            .map(|s| s.text.clone()),
                    );
                }
            }
        }
    }
    for hands_on in [
        "Block one morning a week for hands-on",
        "in your inbox, fix it",
        "Ship one feature end to end in a week",
    ] {
        assert!(offered.iter().all(|t| !t.contains(hands_on)), "{hands_on}");
    }
    // What a manager is offered on the same dimension instead.
    assert!(
        offered
            .iter()
            .any(|t| t.starts_with("Spend one morning a month beside a developer"))
    );
    // And the page: a manager leaning away from the editor sees none of them either.
    let bank = common::default_bank();
    let r = with(
        result(
            &bank,
            Form::Full,
            leaning(&bank, Form::Full, Pole::Engineer, 3),
            "",
        ),
        15,
        Role::Manager,
        Users::Both,
    );
    let page = rolefit::report::result_text(&summarise(&bank, &r, &texts));
    assert!(!page.contains("hands-on coding") && !page.contains("fix it, and write back"));
}
