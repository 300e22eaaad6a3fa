//! The one sanitiser for text rolefit shows: what a file, a bank or a label says reaches a
//! terminal or a report only as visible characters.
//!
//! A control character (C0, DEL, C1: ESC starts the sequences that retitle a terminal or clear
//! it) or a bidi override or isolate (U+202A-202E, U+2066-2069, which reorder what follows them
//! on screen) is never emitted: it is written in Rust's escape form, `\u{1b}`, `\u{202e}`, with
//! `\n`, `\r` and `\t` for those three. U+2028 and U+2029 (line breaks in disguise) are escaped
//! too. Backslashes are left alone, so clean text passes unchanged.
//!
//! Left as they are: LRM, RLM and ALM (U+200E, U+200F, U+061C). They act like one invisible
//! letter of a direction and carry no state past the end of the text, so they cannot reorder
//! anything beyond it; right-to-left writing needs them to place punctuation.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` is never emitted raw: a control character, a bidi override or isolate, or a
/// Unicode line or paragraph separator.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

/// Whether `c` breaks a line, or (a tab) the columns of one: a one-line field (a label, a bank's
/// title or question) refuses it where it is written, as it could forge a line, a heading or a
/// column of a report.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\t' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// One line of text (a label, an id, a file name, a message): every unsafe character escaped,
/// `\n` and `\t` included.
pub fn line(s: &str) -> Cow<'_, str> {
    clean(s, |_| false)
}

/// Text of several lines (a report, a question): `\n` and `\t` are kept, and a CR that ends a
/// line before `\n` is dropped (CRLF line ends); every other unsafe character is escaped.
pub fn text(s: &str) -> Cow<'_, str> {
    let s = if s.contains("\r\n") {
        Cow::Owned(s.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(s)
    };
    match clean(&s, |c| c == '\n' || c == '\t') {
        Cow::Borrowed(_) => s,
        Cow::Owned(o) => Cow::Owned(o),
    }
}

/// JSON text with DEL, C1 and the other unsafe characters that JSON allows raw written as
/// `\uXXXX`: the same JSON value, with nothing a terminal acts on. Outside its strings JSON is
/// ASCII, with no control characters but its whitespace (which a string escapes itself), so
/// every other unsafe character is inside a string, where the escape means the same character.
pub fn json(s: &str) -> Cow<'_, str> {
    let unsafe_in_json = |c: char| is_unsafe(c) && !matches!(c, '\n' | '\r' | '\t');
    if !s.chars().any(unsafe_in_json) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if unsafe_in_json(c) {
            // Every unsafe character is in the Basic Multilingual Plane: one escape each.
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn clean(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    let unsafe_at = |c: char| is_unsafe(c) && !keep(c);
    let Some(first) = s.find(unsafe_at) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..first]);
    for c in s[first..].chars() {
        if unsafe_at(c) {
            escape(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn escape(c: char, out: &mut String) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        _ => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
}

/// A writer that passes text through [`text`]: for front ends that write as they go (plain
/// mode). Bytes that are not UTF-8 are shown as U+FFFD; a character split across two writes
/// is kept until its end arrives.
pub struct Writer<W> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: std::io::Write> Writer<W> {
    pub fn new(inner: W) -> Writer<W> {
        Writer {
            inner,
            pending: Vec::new(),
        }
    }

    /// The inner writer; a character left incomplete at the end is shown as U+FFFD.
    pub fn into_inner(mut self) -> W {
        if !self.pending.is_empty() {
            let _ = self
                .inner
                .write_all(char::REPLACEMENT_CHARACTER.to_string().as_bytes());
        }
        self.inner
    }
}

impl<W: std::io::Write> std::io::Write for Writer<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let mut shown = String::new();
        let mut rest: &[u8] = &self.pending;
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    shown.push_str(s);
                    rest = &[];
                    break;
                }
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    shown.push_str(std::str::from_utf8(valid).unwrap_or_default());
                    // An incomplete character at the end waits for the next write.
                    let Some(bad) = e.error_len() else {
                        rest = after;
                        break;
                    };
                    shown.push(char::REPLACEMENT_CHARACTER);
                    rest = &after[bad..];
                }
            }
        }
        self.pending = rest.to_vec();
        self.inner.write_all(text(&shown).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::io::Write;

    use super::*;

    #[test]
    fn escapes_controls_and_bidi_visibly() {
        assert_eq!(
            line("a\u{1b}]0;owned\u{7}b\u{202e}c\u{9b}d\u{7f}"),
            "a\\u{1b}]0;owned\\u{7}b\\u{202e}c\\u{9b}d\\u{7f}"
        );
        assert_eq!(line("x\ny\tz\r"), "x\\ny\\tz\\r");
        assert_eq!(text("x\ny\tz\r\n\rw"), "x\ny\tz\n\\rw");
        assert_eq!(
            text("\u{2066}\u{2069}\u{2028}"),
            "\\u{2066}\\u{2069}\\u{2028}"
        );
    }

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        for s in [
            "",
            "plain",
            "C:\\path \\u{1b}",
            "שלום\u{200f}!",
            "日本語 😀",
        ] {
            assert!(matches!(line(s), Cow::Borrowed(b) if b == s), "{s}");
            assert!(matches!(text(s), Cow::Borrowed(b) if b == s), "{s}");
            assert!(matches!(json(s), Cow::Borrowed(b) if b == s), "{s}");
        }
    }

    #[test]
    fn json_escapes_keep_the_value() {
        let value = "a\u{1b}b\u{202e}c\u{85}d\u{7f}";
        let raw = serde_json::to_string_pretty(&[value, "x\ny\t"]).unwrap();
        let safe = json(&raw);
        assert!(!safe.chars().any(|c| is_unsafe(c) && c != '\n'), "{safe}");
        assert_eq!(
            serde_json::from_str::<Vec<String>>(&safe).unwrap(),
            [value, "x\ny\t"]
        );
    }

    #[test]
    fn the_writer_sanitises_across_split_writes() {
        let mut w = Writer::new(Vec::new());
        let bytes = "é\u{1b}[2J\u{202e}\n".as_bytes();
        for b in bytes {
            w.write_all(std::slice::from_ref(b)).unwrap();
        }
        w.write_all(b"\xff!\xe2\x80").unwrap();
        assert_eq!(
            String::from_utf8(w.into_inner()).unwrap(),
            "é\\u{1b}[2J\\u{202e}\n\u{fffd}!\u{fffd}"
        );
    }

    proptest::proptest! {
        #[test]
        fn sanitised_output_has_no_unsafe_character(s in "\\PC*|[\\x00-\\x{a0}\\x{2028}-\\x{206f}a]*") {
            proptest::prop_assert!(!line(&s).chars().any(is_unsafe));
            proptest::prop_assert!(!text(&s).chars().any(|c| is_unsafe(c) && c != '\n' && c != '\t'));
            let json_text = serde_json::to_string(&s).unwrap();
            let safe = json(&json_text);
            proptest::prop_assert!(!safe.chars().any(is_unsafe));
            proptest::prop_assert_eq!(serde_json::from_str::<String>(&safe).unwrap(), s);
        }

        #[test]
        fn clean_text_passes_unchanged(s in "\\PC*") {
            let s: String = s.chars().filter(|c| !is_unsafe(*c)).collect();
            proptest::prop_assert_eq!(line(&s), s.as_str());
            proptest::prop_assert_eq!(text(&s), s.as_str());
        }

        #[test]
        fn every_unsafe_character_is_still_told(s in "[\\x00-\\x{a0}\\x{202a}-\\x{202e}x]*") {
            // Nothing is dropped: each unsafe character leaves a visible escape.
            let escapes = line(&s).matches('\\').count() - s.matches('\\').count();
            proptest::prop_assert_eq!(escapes, s.chars().filter(|c| is_unsafe(*c)).count());
        }
    }
}
