//! Styled text wrapped to a width: words stay whole where they fit, styles carry across line
//! breaks, continuation lines get a hanging indent. Nothing is cut, so nothing needs "…".

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Lines of at most `width` columns holding all of `spans`; lines after the first start with
/// `indent` spaces.
pub fn flow(spans: &[(String, Style)], width: u16, indent: u16) -> Vec<Line<'static>> {
    let width = usize::from(width.max(1));
    let indent = usize::from(indent).min(width.saturating_sub(1));
    let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    // Right after a break, a space between words is not carried to the new line; at the very
    // start it is (leading spaces indent on purpose).
    let mut at_break = false;
    let push = |lines: &mut Vec<Vec<Span<'static>>>, text: &str, style: Style| {
        if let Some(line) = lines.last_mut() {
            match line.last_mut() {
                Some(last) if last.style == style => last.content.to_mut().push_str(text),
                _ => line.push(Span::styled(text.to_owned(), style)),
            }
        }
    };
    let break_line =
        |lines: &mut Vec<Vec<Span<'static>>>, used: &mut usize, at_break: &mut bool| {
            lines.push(vec![Span::raw(" ".repeat(indent))]);
            *used = indent;
            *at_break = true;
        };
    for (text, style) in spans {
        // Escaped before it is measured: a control or bidi character from a bank or a label is
        // shown as its escape, never silently dropped by the terminal backend.
        let text = crate::sanitize::line(text);
        for (i, word) in text.split(' ').enumerate() {
            // A space before every word but the first of a span (spans carry their own).
            let space = usize::from(i > 0);
            let ww = word.width();
            if used > indent && used + space + ww > width {
                break_line(&mut lines, &mut used, &mut at_break);
            } else if space == 1 && !(at_break && used == indent) {
                push(&mut lines, " ", *style);
                used += 1;
            }
            if !word.is_empty() {
                at_break = false;
            }
            if used + ww <= width {
                push(&mut lines, word, *style);
                used += ww;
                continue;
            }
            // Longer than a whole line: break it between characters.
            let mut part = String::new();
            for ch in word.chars() {
                let cw = ch.width().unwrap_or(0);
                if used + cw > width && used > indent {
                    push(&mut lines, &part, *style);
                    part.clear();
                    break_line(&mut lines, &mut used, &mut at_break);
                }
                part.push(ch);
                used += cw;
            }
            push(&mut lines, &part, *style);
        }
    }
    lines.into_iter().map(Line::from).collect()
}

/// One style's text wrapped with a hanging indent.
pub fn para(text: &str, style: Style, width: u16, indent: u16) -> Vec<Line<'static>> {
    flow(&[(text.to_owned(), style)], width, indent)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn texts(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn wraps_between_words_and_keeps_every_word() {
        let l = para("one two three four five", Style::new(), 9, 2);
        assert_eq!(texts(&l), ["one two", "  three", "  four", "  five"]);
        assert!(l.iter().all(|l| l.width() <= 9));
        let lead = para("   indented text here", Style::new(), 12, 3);
        assert_eq!(texts(&lead), ["   indented", "   text here"]);
    }

    #[test]
    fn styles_carry_over_and_long_words_break() {
        let a = Style::new().bold();
        let l = flow(
            &[("label:".into(), a), (" abcdefghijkl".into(), Style::new())],
            6,
            0,
        );
        assert_eq!(texts(&l), ["label:", "abcdef", "ghijkl"]);
        assert_eq!(l[0].spans[0].style, a);
        let wide = para("日本語のテキスト", Style::new(), 5, 0);
        assert!(wide.iter().all(|l| l.width() <= 5), "{:?}", texts(&wide));
        assert_eq!(texts(&wide).concat(), "日本語のテキスト");
    }
}
