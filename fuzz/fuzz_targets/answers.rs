//! An answers file (or in-progress file) from arbitrary bytes: an error, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rolefit::bank::{Bank, Form};
use rolefit::store::{InProgress, parse_versioned};

fn bank() -> &'static Bank {
    static B: OnceLock<Bank> = OnceLock::new();
    B.get_or_init(|| rolefit::bank::load_default().unwrap_or_else(|e| panic!("{e}")))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = std::path::Path::new("answers.toml");
    if let Ok(answers) = rolefit::answers::parse_answers(text, path, bank()) {
        let _ = rolefit::scoring::score_answers(bank(), Form::Full, &answers);
    }
    if let Ok(p) = parse_versioned::<InProgress>(text, path)
        && let Ok(session) = rolefit::session::Session::resume(p, bank())
    {
        let _ = session.assessment().progress();
        let _ = session.assessment().current(bank());
    }
});
