//! A saved result from arbitrary bytes, read as the store reads one: an error, never a panic. One
//! that is read holds only numbers the model can produce and the archetype its score gives, and is
//! summarised, exported in every format, compared with itself and drawn.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use rolefit::assets::Texts;
use rolefit::bank::Bank;
use rolefit::scoring::Archetype;
use rolefit::store::parse_result;

fn fixtures() -> &'static (Bank, Texts) {
    static F: OnceLock<(Bank, Texts)> = OnceLock::new();
    F.get_or_init(|| {
        (
            rolefit::bank::load_default().unwrap_or_else(|e| panic!("{e}")),
            Texts::load(),
        )
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(result) = parse_result(
        text,
        std::path::Path::new("fuzz.toml"),
        rolefit::bank::builtin(),
    ) else {
        return;
    };
    let s = &result.scores;
    let in_scale = |v: Option<f64>| v.is_none_or(|v| v.is_finite() && (-100.0..=100.0).contains(&v));
    let dims = s.dimensions.values();
    assert!([s.overall, s.preference, s.practice].into_iter().all(in_scale));
    assert!(dims.clone().all(|d| [d.combined, d.preference, d.practice].into_iter().all(in_scale)));
    let margin = |v: Option<f64>| v.is_none_or(|v| v.is_finite() && (0.0..=100.0).contains(&v));
    assert!([s.margin, s.preference_margin, s.practice_margin].into_iter().all(margin));
    assert!(dims.clone().all(|d| margin(d.margin) && d.answered <= s.answered));
    if let Some(a) = s.archetype {
        assert_eq!(Some(a), s.overall.map(Archetype::from_overall));
    }
    let (bank, texts) = fixtures();
    let summary = rolefit::report::summarise(bank, &result, texts);
    let _ = rolefit::report::result_text(&summary);
    let _ = rolefit::report::markdown_report(&summary);
    let _ = rolefit::report::html_report(&summary);
    let _ = rolefit::report::json_export(&summary);
    let c = rolefit::compare::compare(bank, &result, &result, &[], jiff::civil::date(2026, 12, 1));
    let _ = rolefit::report::compare_text(&c, texts, true);
    let _ = rolefit::report::compare_markdown(&c, texts, true);
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
