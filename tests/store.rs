//! The data directory: listing (unreadable files listed, never touched or followed), finding by
//! name, relabel, trash, goals under a lock, the instance lock, and every shipped schema's
//! golden file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::results::saved;
use common::{all_at, default_bank};
use rolefit::bank::Pole;
use rolefit::store::{Goal, GoalsFile, Store, StoreError};

fn store(dir: &Path) -> Store {
    Store::open(dir).unwrap()
}

fn three(s: &Store) -> Vec<String> {
    let bank = default_bank();
    [
        "2026-01-05T10:00:00Z",
        "2026-05-01T09:00:00Z",
        "2026-11-20T18:30:00Z",
    ]
    .iter()
    .enumerate()
    .map(|(i, when)| {
        let pole = if i % 2 == 0 {
            Pole::Developer
        } else {
            Pole::Engineer
        };
        saved(s, &bank, all_at(&bank, pole), &format!("take {i}"), when).id
    })
    .collect()
}

#[test]
fn names_pick_results_by_time_and_skip_unreadable_ones() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    assert!(matches!(
        s.find_result("latest"),
        Err(StoreError::NoResults { .. })
    ));
    let ids = three(&s);
    // A newer file that cannot be read does not become "latest".
    std::fs::write(s.result_path("20991231T000000Z-bad0"), "schema = 1\nid = ").unwrap();
    assert_eq!(s.find_result("latest").unwrap().id, ids[2]);
    assert_eq!(s.find_result("previous").unwrap().id, ids[1]);
    assert_eq!(s.find_result("first").unwrap().id, ids[0]);
    assert_eq!(s.find_result(&ids[1]).unwrap().label, "take 1");
    for bad in ["../goals", "nope", ""] {
        assert!(
            matches!(s.find_result(bad), Err(StoreError::UnknownId { .. })),
            "{bad}"
        );
    }
}

#[test]
fn previous_needs_two_results() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    let bank = default_bank();
    saved(
        &s,
        &bank,
        all_at(&bank, Pole::Engineer),
        "",
        "2026-01-05T10:00:00Z",
    );
    let e = s.find_result("previous").unwrap_err();
    assert!(matches!(e, StoreError::TooFewResults { .. }), "{e}");
    assert!(e.to_string().contains("needs two"), "{e}");
}

#[cfg(unix)] // links, FIFOs or modes: Unix's own
#[test]
fn hostile_entries_are_listed_unreadable_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    let ids = three(&s);
    let results = s.results_dir();
    let future = "schema = 9\nid = \"x\"\n";
    std::fs::write(results.join("20260301T000000Z-futr.toml"), future).unwrap();
    std::fs::write(
        results.join("20260302T000000Z-utf8.toml"),
        b"schema = 1\n\xff\xfe",
    )
    .unwrap();
    std::fs::write(
        results.join("20260303T000000Z-half.toml"),
        "schema = 1\nid = \"20260303",
    )
    .unwrap();
    std::fs::create_dir(results.join("20260304T000000Z-dir0.toml")).unwrap();
    // 100 MB, sparse: refused by its size, never read into memory.
    let big = std::fs::File::create(results.join("20260306T000000Z-huge.toml")).unwrap();
    big.set_len(100 << 20).unwrap();
    // A link to a readable result elsewhere: never followed.
    let outside = dir.path().join("outside.toml");
    std::fs::copy(s.result_path(&ids[0]), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, results.join("20260305T000000Z-link.toml")).unwrap();
    let before: Vec<(String, Vec<u8>)> = ["futr", "utf8", "half"]
        .iter()
        .map(|n| {
            let p = std::fs::read_dir(&results)
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|p| p.to_string_lossy().contains(n))
                .unwrap();
            (p.display().to_string(), std::fs::read(&p).unwrap())
        })
        .collect();

    let listed = s.list_results().unwrap();
    assert_eq!(listed.len(), 9);
    let entries = rolefit::history::entries(listed, &default_bank());
    let reason = |id: &str| {
        entries
            .iter()
            .find(|e| e.id.contains(id))
            .unwrap()
            .row
            .clone()
            .unwrap_err()
    };
    assert!(
        reason("futr").contains("newer rolefit (schema 9"),
        "{}",
        reason("futr")
    );
    assert!(reason("utf8").contains("UTF-8"));
    assert!(!reason("half").is_empty());
    assert!(reason("dir0").contains("not a regular file"));
    assert!(
        reason("huge").contains("100 MiB, over the 4 MiB"),
        "{}",
        reason("huge")
    );
    assert!(reason("link").contains("not followed"));
    assert_eq!(entries.iter().filter(|e| e.row.is_ok()).count(), 3);
    assert!(matches!(
        s.find_result("20260305T000000Z-link"),
        Err(StoreError::UnknownId { .. })
    ));
    for (path, bytes) in before {
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{path} was changed");
    }
}

#[test]
fn relabel_rewrites_only_the_label_and_trash_keeps_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    let ids = three(&s);
    let before = s.find_result(&ids[1]).unwrap();
    let after = s.relabel(&ids[1], "  after the course ").unwrap();
    assert_eq!(after.label, "after the course");
    assert_eq!(after.scores, before.scores);
    assert_eq!(s.find_result(&ids[1]).unwrap(), after);

    let bytes = std::fs::read(s.result_path(&ids[0])).unwrap();
    let to = s.trash_result(&ids[0]).unwrap();
    assert_eq!(
        to,
        dir.path().join("trash").join(format!("{}.toml", ids[0]))
    );
    assert_eq!(std::fs::read(&to).unwrap(), bytes);
    assert!(matches!(
        s.find_result(&ids[0]),
        Err(StoreError::UnknownId { .. })
    ));
    assert_eq!(s.list_results().unwrap().len(), 2);
    // The same id deleted twice (restored by hand in between) does not overwrite the first.
    std::fs::copy(&to, s.result_path(&ids[0])).unwrap();
    let second = s.trash_result(&ids[0]).unwrap();
    assert_ne!(second, to);
    assert!(to.is_file() && second.is_file());
}

fn goal(dimension: &str) -> Goal {
    Goal {
        id: 0,
        dimension: dimension.into(),
        lens: None,
        target: 40.0,
        baseline: "20260105T100000Z-test".into(),
        baseline_score: -10.0,
        baseline_margin: None,
        note: "write two ADRs".into(),
        due: Some("2027-06-30".parse().unwrap()),
        created_at: "2026-01-06T00:00:00Z".parse().unwrap(),
        done_at: None,
    }
}

#[test]
fn goals_round_trip_and_a_broken_goals_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    assert_eq!(s.load_goals().unwrap(), GoalsFile::default());
    for d in ["scope", "focus"] {
        s.update_goals(|f| {
            f.add(goal(d))?;
            Ok::<(), StoreError>(())
        })
        .unwrap();
    }
    let goals = s.load_goals().unwrap();
    assert_eq!(goals.goals.iter().map(|g| g.id).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(
        goals.goals[1],
        Goal {
            id: 2,
            ..goal("focus")
        }
    );
    // Unix modes; on Windows the file inherits the profile folder's ACL.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(s.goals_path())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // A failing change writes nothing.
    let failed = s.update_goals(|f| {
        f.goals.clear();
        Err::<(), StoreError>(StoreError::Exists { id: "x".into() })
    });
    assert!(failed.is_err());
    assert_eq!(s.load_goals().unwrap().goals.len(), 2);

    // One goal that cannot be read is named and kept as it was; the file stays usable.
    std::fs::write(s.goals_path(), "schema = 1\n[[goals]]\nid = \"one\"\n").unwrap();
    s.update_goals(|_| Ok::<(), StoreError>(())).unwrap();
    let file = s.load_goals().unwrap();
    assert_eq!(file.unreadable.len(), 1);
    let kept = std::fs::read_to_string(s.goals_path()).unwrap();
    assert!(kept.contains("id = \"one\""), "{kept}");
    // Named at the line of the key at fault.
    let at = kept.lines().position(|l| l == "id = \"one\"").unwrap() + 1;
    assert_eq!(file.unreadable[0].line, at, "{kept}");
    // A file that is not TOML is an error, and is never overwritten.
    std::fs::write(s.goals_path(), "schema = 1\n[[goals]\nid = 1\n").unwrap();
    let broken = std::fs::read(s.goals_path()).unwrap();
    let e = s.update_goals(|_| Ok::<(), StoreError>(())).unwrap_err();
    assert!(e.to_string().contains("goals.toml"), "{e}");
    assert_eq!(std::fs::read(s.goals_path()).unwrap(), broken);
    let newer = rolefit::store::NEWEST_SCHEMA + 1;
    std::fs::write(s.goals_path(), format!("schema = {newer}\n")).unwrap();
    assert!(matches!(
        s.load_goals(),
        Err(StoreError::FutureSchema { found, .. }) if found == newer
    ));
}

#[test]
fn a_second_instance_is_told_another_one_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    let held = s.lock_instance().unwrap();
    let e = store(dir.path()).lock_instance().unwrap_err();
    let text = e.to_string();
    assert!(
        matches!(e, StoreError::Busy { pid: Some(p), .. } if p == std::process::id()),
        "{text}"
    );
    assert!(
        text.contains("already open") && text.contains("--data-dir"),
        "{text}"
    );
    drop(held);
    assert!(
        store(dir.path()).lock_instance().is_ok(),
        "released on drop"
    );
}

/// Every schema that ever shipped must still load: these files are never edited.
#[test]
fn golden_files_of_every_shipped_schema_still_load() {
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut schemas = 0;
    for dir in std::fs::read_dir(&golden).unwrap() {
        let dir = dir.unwrap().path();
        schemas += 1;
        let tmp = tempfile::tempdir().unwrap();
        let s = store(tmp.path());
        std::fs::create_dir_all(s.results_dir()).unwrap();
        let result = dir.join("result.toml");
        let r = Store::load_result_file(&result).unwrap();
        // Schema 2 is a goal form's: one scale's score, no overall one.
        match r.form {
            rolefit::bank::Form::Goal => assert!(r.focus.is_some() && r.scores.overall.is_none()),
            _ => assert!(r.scores.overall.is_some()),
        }
        std::fs::copy(dir.join("in-progress.toml"), s.in_progress_path()).unwrap();
        let p = s.load_in_progress().unwrap().unwrap();
        assert!(p.assessment.progress().answered > 0);
        rolefit::session::Session::resume(p, &default_bank()).unwrap();
        std::fs::copy(dir.join("goals.toml"), s.goals_path()).unwrap();
        assert!(!s.load_goals().unwrap().goals.is_empty());
    }
    assert_eq!(
        schemas,
        rolefit::store::NEWEST_SCHEMA as usize,
        "one golden folder per schema"
    );
}

#[test]
fn only_old_temp_files_of_ours_are_swept() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    three(&s);
    let results = s.results_dir();
    let old = results.join(".rolefit-abc.tmp");
    let young = dir.path().join(".rolefit-def.tmp");
    let other = results.join("notes.tmp");
    for p in [&old, &young, &other] {
        std::fs::write(p, "half a save").unwrap();
    }
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for p in [&old, &other] {
        std::fs::File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(hour_ago)
            .unwrap();
    }
    assert_eq!(s.sweep_stale_temp_files(), 1);
    assert!(!old.exists() && young.exists() && other.exists());
    assert_eq!(s.list_results().unwrap().len(), 3);
}

#[test]
fn history_index_is_used_and_kept_true() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    let ids = three(&s);
    let first = rolefit::history::load(&s, &default_bank()).unwrap();
    assert_eq!(
        first,
        rolefit::history::entries(s.list_results().unwrap(), &default_bank())
    );
    let index = dir.path().join("cache/history-index.json");
    assert!(index.is_file());
    // A relabel, a deletion, a new unreadable file and a new result all show at once.
    s.relabel(&ids[0], "renamed").unwrap();
    s.trash_result(&ids[1]).unwrap();
    std::fs::write(s.result_path("20260601T000000Z-bad0"), "schema = 1\n").unwrap();
    let bank = default_bank();
    saved(
        &s,
        &bank,
        all_at(&bank, Pole::Engineer),
        "new",
        "2026-12-01T00:00:00Z",
    );
    let again = rolefit::history::load(&s, &default_bank()).unwrap();
    assert_eq!(
        again,
        rolefit::history::entries(s.list_results().unwrap(), &default_bank())
    );
    assert_eq!(again.len(), 4);
    assert!(
        again
            .iter()
            .any(|e| e.row.as_ref().is_ok_and(|r| r.label == "renamed"))
    );
    // A broken index is ignored and rebuilt.
    std::fs::write(&index, "{ not json").unwrap();
    assert_eq!(rolefit::history::load(&s, &default_bank()).unwrap(), again);
    assert!(serde_json::from_slice::<serde_json::Value>(&std::fs::read(&index).unwrap()).is_ok());
}

#[test]
fn previous_with_no_results_says_there_are_none() {
    let dir = tempfile::tempdir().unwrap();
    let e = store(dir.path()).find_result("previous").unwrap_err();
    assert!(matches!(e, StoreError::NoResults { .. }), "{e}");
}

#[test]
fn a_result_from_bank_1_0_is_rescored_with_the_questions_it_was_asked() {
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/schema-1/result.toml");
    let r = Store::load_result_file(&golden).unwrap();
    assert_eq!(r.bank.version, "1.0");
    let current = default_bank();
    assert_ne!(current.version, "1.0", "the bank has moved on since");
    let old = rolefit::bank::archived(&current, &r.bank.name, "1.0").expect("1.0 is archived");
    let rescored = r.clone().rescored(&current);
    // Every answer counts: none is dropped because the current bank rewrote its question.
    assert_eq!(rescored.scores.answered, r.answers.len());
    assert_eq!(
        rescored.scores,
        rolefit::scoring::score_answers(old, r.form, &r.answers)
    );
    // And the scores the file carries (model 1) agree where the models agree: the means.
    assert_eq!(rescored.scores.overall, r.scores.overall);
    for (id, d) in &r.scores.dimensions {
        assert_eq!(rescored.scores.dimensions[id].combined, d.combined, "{id}");
    }
    // A current result is scored with the current bank.
    assert!(rolefit::bank::archived(&current, &current.name, &current.version).is_none());
}

/// Results saved by the app on banks 2.0 and 2.1 (kept under tests/golden/, never edited): 2.1
/// rewrote 31 of 2.0's questions under new ids and 2.2 rewrote 28 of 2.1's, so without the
/// archives most of their answers would match no question and they would rescore as someone else.
fn reopens_with_its_questions_and_rescores_exactly(file: &str, version: &str) {
    let golden = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(file);
    let r = Store::load_result_file(&golden).unwrap();
    assert_eq!(r.bank.version, version);
    let current = default_bank();
    assert_ne!(current.version, version, "the bank has moved on since");
    let old = r.taken_on(&current);
    assert_eq!(old.version, version, "{version} is archived");
    assert_eq!(
        rolefit::store::BankRef::of(old),
        r.bank,
        "exactly as it was asked"
    );
    // Every question it was asked is there, in the order it was asked, with its own text.
    assert_eq!(r.order.len(), old.questions.len());
    for id in &r.order {
        assert!(old.question(id).is_some(), "{id}");
    }
    assert!(r.order.iter().any(|id| current.question(id).is_none()));
    // Rescoring with the current bank uses the archive: every answer counts, the same scores.
    let rescored = r.clone().rescored(&current);
    assert_eq!(rescored.scores.answered, r.answers.len());
    assert_eq!(rescored.scores, r.scores);
}

#[test]
fn a_result_from_bank_2_0_reopens_with_its_questions_and_rescores_exactly() {
    reopens_with_its_questions_and_rescores_exactly("schema-1/result-bank-2.0.toml", "2.0");
}

#[test]
fn a_result_from_bank_2_1_reopens_with_its_questions_and_rescores_exactly() {
    reopens_with_its_questions_and_rescores_exactly("schema-1/result-bank-2.1.toml", "2.1");
}

#[test]
fn a_result_from_bank_2_2_reopens_with_its_questions_and_rescores_exactly() {
    reopens_with_its_questions_and_rescores_exactly("schema-1/result-bank-2.2.toml", "2.2");
}

/// Saved by the app on 2.3 with five two-option answers (so schema 3): 2.4 rewrote 11 of its
/// questions under new ids, four of them among those answered with two options.
#[test]
fn a_result_from_bank_2_3_reopens_with_its_questions_and_rescores_exactly() {
    reopens_with_its_questions_and_rescores_exactly("schema-3/result-bank-2.3.toml", "2.3");
}
