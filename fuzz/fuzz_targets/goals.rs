//! goals.toml from arbitrary bytes: an error, never a panic. Goals that parse are evaluated.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rolefit::store::parse_goals;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(file) = parse_goals(text, std::path::Path::new("goals.toml")) else {
        return;
    };
    let Ok(bank) = rolefit::bank::load_default() else {
        return;
    };
    let today = jiff::civil::date(2026, 11, 24);
    let progress: Vec<_> = file
        .goals
        .iter()
        .map(|g| rolefit::goals::evaluate(g, &bank, &[], today))
        .collect();
    let _ = rolefit::report::goals_text(&progress, &file.unreadable);
    let _ = rolefit::report::goals_json(&progress);
});
