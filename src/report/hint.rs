//! Key hints in the page's texts. A screen can say "Compare (c on History)"; a document cannot
//! (nobody presses keys on a printed page), so a text that names a key marks the hint as
//! `{screen words|document words}` and each front end takes its own side: screens the keys,
//! documents the command.

/// Which side of a marked hint a front end reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Medium {
    /// The dashboard: the keys exist.
    Screen,
    /// Text, Markdown and HTML reports: the command to run instead.
    Document,
}

/// `text` with each `{screen|document}` hint replaced by its words for `medium`. Text without
/// marks (or with a brace that opens no hint) comes back as it is.
pub fn worded(text: &str, medium: Medium) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some((screen, document, after)) = hint_at(&rest[open + 1..]) else {
            out.push_str(&rest[..=open]);
            rest = &rest[open + 1..];
            continue;
        };
        out.push_str(&rest[..open]);
        out.push_str(match medium {
            Medium::Screen => screen,
            Medium::Document => document,
        });
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The screen words of every hint in `text`: what a document must never say.
pub fn screen_words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some((screen, _, after)) = hint_at(rest) {
            out.push(screen);
            rest = after;
        }
    }
    out
}

/// "screen|document}…" split into its two sides and what follows the hint.
fn hint_at(s: &str) -> Option<(&str, &str, &str)> {
    let close = s.find('}')?;
    let (screen, document) = s[..close].split_once('|')?;
    (!screen.contains('{')).then_some((screen, document, &s[close + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_medium_reads_its_side_and_unmarked_text_is_kept() {
        let t = "Then {Compare (c on History)|`rolefit compare`} shows it.";
        assert_eq!(
            worded(t, Medium::Screen),
            "Then Compare (c on History) shows it."
        );
        assert_eq!(
            worded(t, Medium::Document),
            "Then `rolefit compare` shows it."
        );
        assert_eq!(screen_words(t), ["Compare (c on History)"]);
        for plain in ["no hint", "a {brace} alone", "open { only", "x}y", "{a {b}"] {
            assert_eq!(worded(plain, Medium::Document), plain);
            assert!(screen_words(plain).is_empty());
        }
        assert_eq!(worded("{a|}{|b}", Medium::Screen), "a");
        assert_eq!(worded("{a|}{|b}", Medium::Document), "b");
    }
}
