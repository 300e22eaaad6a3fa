//! Untrusted text placed in Markdown (a label, a bank's title or question): one line, with every
//! character Markdown gives a meaning escaped, and the whole document still free of raw HTML and
//! control characters. Never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rolefit::report::md_text;
use rolefit::sanitize::is_unsafe;

const META: &[char] = &['\\', '`', '*', '_', '[', ']', '#', '!', '|', '~'];

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let md = md_text(&s);
    assert!(!md.contains("://") && !md.contains("www."), "{md:?}");
    assert!(!md.chars().any(is_unsafe), "{md:?}");
    // Every metacharacter is escaped: it follows an odd run of backslashes.
    let chars: Vec<char> = md.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\\' {
            // A metacharacter, a block start, or what GitHub's autolinks look for.
            let next = chars.get(i + 1);
            assert!(
                next.is_some_and(|c| META.contains(c))
                    || matches!(next, Some('+' | '-' | '=' | '.' | ')' | '/' | '@')),
                "{md:?}"
            );
            i += 2;
            continue;
        }
        assert!(!META.contains(&chars[i]) && chars[i] != '@', "unescaped {:?} in {md:?}", chars[i]);
        i += 1;
    }
});
