//! The sanitiser on arbitrary text: never a panic; what comes out holds no control or bidi
//! character (but the line ends and tabs `text` keeps), clean text comes out unchanged, JSON keeps
//! its value, and the streaming writer agrees however the bytes are split.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use rolefit::sanitize::{Writer, is_unsafe, json, line, text};

fn kept(c: char) -> bool {
    c == '\n' || c == '\t'
}

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let one = line(&s);
    assert!(!one.chars().any(is_unsafe), "{one:?}");
    let many = text(&s);
    assert!(!many.chars().any(|c| is_unsafe(c) && !kept(c)), "{many:?}");
    if !s.chars().any(is_unsafe) {
        assert_eq!(one, s);
        assert_eq!(many, s);
    }
    let raw = serde_json::to_string_pretty(&[s.as_ref()]).unwrap_or_default();
    let safe = json(&raw);
    assert!(!safe.chars().any(|c| is_unsafe(c) && c != '\n'), "{safe:?}");
    let back: Vec<String> = serde_json::from_str(&safe).unwrap_or_default();
    assert_eq!(back, [s.as_ref()]);
    // The same bytes through the writer, cut where the first byte says.
    let cut = usize::from(data.first().copied().unwrap_or(1)).max(1);
    let mut w = Writer::new(Vec::new());
    for chunk in data.chunks(cut) {
        let _ = w.write_all(chunk);
    }
    let out = w.into_inner();
    let out = std::str::from_utf8(&out).unwrap_or_default();
    assert!(!out.chars().any(|c| is_unsafe(c) && !kept(c)), "{out:?}");
});
