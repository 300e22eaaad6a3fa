//! Text measured and wrapped by display width (CJK and emoji take two columns), for every front
//! end that lays text out in columns: the TUI, plain mode, the text reports. Text goes through
//! the sanitiser here, so a control or bidi character from a bank, a label or a file name shows
//! as its escape (and is measured as one).

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

use crate::sanitize;

/// Lines of at most `width` columns, broken between words where possible.
pub fn wrap(text: &str, width: u16) -> Vec<String> {
    let width = usize::from(width.max(1));
    // Line breaks are kept; a tab has no column of its own on screen, so it shows escaped.
    let text = match sanitize::text(text) {
        t if t.contains('\t') => Cow::Owned(t.replace('\t', "\\t")),
        t => t,
    };
    textwrap::wrap(&text, textwrap::Options::new(width).break_words(true))
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

pub fn width(text: &str) -> usize {
    sanitize::line(text).width()
}

/// `text` on one line, cut to `max` columns, with an ellipsis when something was cut.
pub fn truncate(text: &str, max: usize) -> String {
    let text = sanitize::line(text);
    if text.width() <= max {
        return text.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(ch);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// A clause as a sentence of its own: its first letter a capital, a full stop at the end. A
/// core message reads as a clause (after "file:line: id:"); a screen or a prompt says it alone.
pub fn sentence(clause: &str) -> String {
    let mut chars = clause.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    if !out.is_empty() && !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// `text` on one line, followed by spaces up to `w` columns (by display width, not by chars).
pub fn pad(text: &str, w: usize) -> String {
    let text = sanitize::line(text);
    let room = w.saturating_sub(text.width());
    let mut out = text.into_owned();
    out.push_str(&" ".repeat(room));
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_clause_becomes_a_sentence_once() {
        assert_eq!(super::sentence("on this scale"), "On this scale.");
        assert_eq!(super::sentence("Done."), "Done.");
        assert_eq!(super::sentence("ébauche"), "Ébauche.");
        assert_eq!(super::sentence(""), "");
    }
}
