//! A saved result from arbitrary bytes: an error, never a panic. One that parses (NaN scores,
//! unknown ids and all) is summarised, exported in every format, compared with itself and drawn.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use rolefit::assets::Texts;
use rolefit::bank::Bank;
use rolefit::store::{ResultFile, parse_versioned};

fn fixtures() -> &'static (Bank, Texts) {
    static F: OnceLock<(Bank, Texts)> = OnceLock::new();
    F.get_or_init(|| {
        (
            rolefit::bank::load_default().unwrap_or_else(|e| panic!("{e}")),
            Texts::load().unwrap_or_else(|e| panic!("{e}")),
        )
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(result) = parse_versioned::<ResultFile>(text, std::path::Path::new("fuzz.toml")) else {
        return;
    };
    let (bank, texts) = fixtures();
    let summary = rolefit::report::summarise(bank, &result, texts);
    let _ = rolefit::report::result_text(&summary);
    let _ = rolefit::report::markdown_report(&summary);
    let _ = rolefit::report::html_report(&summary);
    let _ = rolefit::report::json_export(&result);
    let c = rolefit::compare::compare(bank, &result, &result, &[], jiff::civil::date(2026, 12, 1));
    let _ = rolefit::report::compare_text(&c, texts);
    let _ = rolefit::report::compare_json(&c);
    let dir = std::env::temp_dir().join("rolefit-fuzz-store");
    let Ok(store) = rolefit::store::Store::open(&dir) else {
        return;
    };
    let config = rolefit::tui::Config {
        bank: bank.clone(),
        store,
        color: true,
        clock: rolefit::tui::Clock::Fixed(jiff::Timestamp::UNIX_EPOCH),
        label: String::new(),
        seed: None,
        start: rolefit::tui::Start::Show(Box::new(result)),
    };
    let app = rolefit::tui::App::new(config, texts.clone());
    for (w, h) in [(80, 24), (120, 40)] {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        rolefit::tui::view::draw(&app, area, &mut buf);
    }
});
