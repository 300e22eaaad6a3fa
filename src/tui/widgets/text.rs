//! Wrapping and truncating by display width (CJK and emoji take two columns).

use unicode_width::UnicodeWidthStr;

/// Lines of at most `width` columns, broken between words where possible.
pub fn wrap(text: &str, width: u16) -> Vec<String> {
    let width = usize::from(width.max(1));
    textwrap::wrap(text, textwrap::Options::new(width).break_words(true))
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` cut to `max` columns, with an ellipsis when something was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_owned();
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

/// `text` followed by spaces up to `w` columns (by display width, not by chars).
pub fn pad(text: &str, w: usize) -> String {
    let mut out = text.to_owned();
    out.push_str(&" ".repeat(w.saturating_sub(text.width())));
    out
}
