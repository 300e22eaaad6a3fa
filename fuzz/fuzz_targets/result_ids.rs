//! Result files with hostile names and inner ids. The input is a file name, a NUL, and the id
//! written inside an otherwise valid result. Whatever they are: the result is known by its file
//! name, every readable one History lists opens, renames and moves to the trash by that name,
//! exports land in `exports/`, and nothing is ever written outside the data folder.
#![no_main]

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rolefit::assets::Texts;
use rolefit::bank::{Bank, Form};
use rolefit::store::{ResultFile, Store};

fn fixtures() -> &'static (Bank, Texts, ResultFile) {
    static F: OnceLock<(Bank, Texts, ResultFile)> = OnceLock::new();
    F.get_or_init(|| {
        let bank = rolefit::bank::load_default().unwrap_or_else(|e| panic!("{e}"));
        let texts = Texts::load();
        let answers = bank
            .form(Form::Quick)
            .filter_map(|q| Some((q.id.clone(), rolefit::answers::answer_at(q, 1)?)))
            .collect();
        let result = rolefit::session::build_result(
            &bank,
            Form::Quick,
            Vec::new(),
            answers,
            "fuzzed".into(),
            jiff::Timestamp::UNIX_EPOCH,
            &mut fastrand::Rng::with_seed(1),
        );
        (bank, texts, result)
    })
}

/// Every path under `dir`.
fn everything(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(read) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in read.flatten() {
            let p = e.path();
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(p.clone());
            }
            out.push(p);
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let (name, inner) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &b""[..]),
    };
    // Only names a file can have in one folder.
    if name.is_empty() || name.len() > 200 || name.contains(&b'/') || name == b"." || name == b".."
    {
        return;
    }
    let (bank, texts, template) = fixtures();
    // In memory where there is a tmpfs: every save here fsyncs, and on a disk that is the cost.
    let shm = Path::new("/dev/shm");
    let tmp = if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    let outer = tmp.join(format!("rolefit-fuzz-ids-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&outer);
    let root = outer.join("data");
    let Ok(store) = Store::open(&root) else {
        return;
    };
    let mut planted = template.clone();
    planted.id = String::from_utf8_lossy(inner).into_owned();
    let Ok(text) = toml::to_string(&planted) else {
        return;
    };
    let _ = std::fs::create_dir_all(store.results_dir());
    let mut file_name = name.to_vec();
    file_name.extend_from_slice(b".toml");
    let path = store.results_dir().join(OsStr::from_bytes(&file_name));
    if std::fs::write(&path, text).is_err() {
        return;
    }

    let Ok(listed) = store.list_results() else {
        return;
    };
    let Ok(rows) = rolefit::history::load(&store, bank) else {
        panic!("History failed where listing did not");
    };
    assert_eq!(rows.len(), listed.len());
    for (l, row) in listed.iter().zip(&rows) {
        assert_eq!(l.id, row.id);
        let Ok(r) = &l.result else { continue };
        // The id is the file name, whatever the file says.
        assert_eq!(Some(OsStr::new(&r.id)), l.path.file_stem());
        assert_eq!(row.row.as_ref().map(|x| &x.id), Ok(&r.id));
        assert_eq!(r.stated_id.is_some(), r.id != planted.id);
        let opened = store
            .load_id(&r.id)
            .unwrap_or_else(|e| panic!("{} lists but does not open: {e}", r.id));
        assert_eq!(&opened, r);
        let by_name = store
            .find_result(&r.id)
            .unwrap_or_else(|e| panic!("{}: {e}", r.id));
        assert_eq!(by_name.id, r.id);
        // The dashboard's export, through the app.
        let config = rolefit::tui::Config {
            bank: bank.clone(),
            store: store.clone(),
            color: false,
            clock: rolefit::tui::Clock::Fixed(jiff::Timestamp::UNIX_EPOCH),
            label: String::new(),
            seed: None,
            start: rolefit::tui::Start::Show(Box::new(opened)),
        };
        let mut app = rolefit::tui::App::new(config, texts.clone());
        app.update(rolefit::tui::action::Action::Export);
        let md = store
            .export_path(&r.id, "md")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(md.is_file(), "no export at {}", md.display());
        assert_eq!(md.parent(), Some(root.join("exports").as_path()));
        let renamed = store
            .relabel(&r.id, "renamed")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(renamed.id, r.id);
        let label = store.load_id(&r.id).map(|x| x.label).ok();
        assert_eq!(label.as_deref(), Some("renamed"));
        let to = store.trash_result(&r.id).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(to.parent(), Some(root.join("trash").as_path()));
    }
    // Nothing outside the data folder.
    let outside: Vec<PathBuf> = everything(&outer)
        .into_iter()
        .filter(|p| !p.starts_with(&root))
        .collect();
    assert!(
        outside.is_empty(),
        "written outside the data folder: {outside:?}"
    );
    let _ = std::fs::remove_dir_all(&outer);
});
