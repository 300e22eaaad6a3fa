//! Compare's table rows and prose laid out in columns: names and verdicts wrap within their
//! columns, a result's line breaks between its parts, answers hang under their question.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::compare::Delta;
use crate::report::compare_page::{AnswerLine, COLUMNS, Row};
use crate::report::two_marker_bar;
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{pad, wrap};

/// Engineer-ward moves in the engineer colour, developer-ward in the developer colour; a move
/// within noise is dimmed, so only real changes catch the eye.
fn delta_style(d: &Delta, theme: &Theme) -> Style {
    match d.delta {
        _ if d.real_change != Some(true) => theme.dim,
        Some(v) if v > 0.0 => theme.engineer,
        Some(v) if v < 0.0 => theme.developer,
        _ => theme.text,
    }
}

/// Column widths. The bar, scores and change have fixed widths; the names and the verdict
/// share the rest, and wrap onto more lines where they do not fit: never cut, never shortened.
pub(super) struct Cols {
    name: usize,
    bar: usize,
    /// The verdict's column, or `None` on a narrow screen: then it has a line of its own
    /// under the row's numbers.
    verdict: Option<usize>,
}

/// The columns between a name and its verdict besides the bar: two spaces around the bar,
/// "+100.0 → -100.0" (16), " ▶ +200.0" (9) and the space before the verdict.
const FIXED: usize = 2 + 16 + 9 + 1;
/// "too few answers to tell", the longest verdict, and its first three words.
const VERDICT: usize = 23;
const VERDICT_WRAPPED: usize = 15;
/// Names narrower than this wrap too often: below it, the verdict goes under the row.
const NAME: usize = 24;

impl Cols {
    pub(super) fn for_width(width: u16) -> Cols {
        let width = usize::from(width);
        let bar = if width >= 96 { 21 } else { 11 };
        let rest = width.saturating_sub(bar + FIXED);
        let verdict = if rest >= NAME + VERDICT {
            Some(VERDICT)
        } else if rest >= NAME + VERDICT_WRAPPED {
            Some(VERDICT_WRAPPED)
        } else {
            None
        };
        Cols {
            name: (rest - verdict.unwrap_or(0)).clamp(10, 30),
            bar,
            verdict,
        }
    }
}

/// A row of the table: name, the bar with both markers, the scores, the move and its verdict.
/// A name or verdict wider than its column wraps onto lines of its own under the first.
pub(super) fn row(r: &Row, cols: &Cols, theme: &Theme) -> Vec<Line<'static>> {
    let style = if r.strong { theme.heading } else { theme.text };
    let indent = if r.sub { 2 } else { 0 };
    let width = |w: usize| u16::try_from(w.max(1)).unwrap_or(u16::MAX);
    // A wrapped name goes on under its words, not under a goal's star.
    let (star, name) = match r.name.strip_prefix("★ ") {
        Some(rest) => ("★ ", rest),
        None => ("", r.name.as_str()),
    };
    let names: Vec<String> = wrap(name, width(cols.name - indent - star.chars().count()))
        .into_iter()
        .enumerate()
        .map(|(i, n)| {
            let lead = match (i, star) {
                (0, _) | (_, "") => star,
                _ => "  ",
            };
            format!("{:indent$}{lead}{n}", "")
        })
        .collect();
    let d = &r.delta;
    let verdict_style = delta_style(d, theme);
    // Under the row, the verdict starts below the scores and has the rest of the line.
    let under = cols.name + cols.bar + 2;
    let verdicts = match cols.verdict {
        Some(w) => wrap(r.verdict, width(w)),
        None if r.verdict.is_empty() => Vec::new(),
        None => vec![String::new(), r.verdict.to_owned()],
    };
    let mut out = Vec::new();
    for i in 0..names.len().max(verdicts.len()).max(1) {
        let name = names.get(i).map_or("", String::as_str);
        let verdict = verdicts.get(i).map_or("", String::as_str);
        let mut spans = vec![Span::styled(pad(name, cols.name), style)];
        if i == 0 {
            spans.extend([
                Span::styled(
                    format!(" {} ", two_marker_bar(d.before, d.after, cols.bar)),
                    theme.dim,
                ),
                Span::styled(format!("{:>6} → {:<6}", r.before, r.after), theme.text),
                Span::styled(format!(" {:<8}", r.change), verdict_style),
            ]);
        } else if cols.verdict.is_none() {
            spans.push(Span::raw(" ".repeat(under - cols.name)));
        } else {
            spans.push(Span::raw(" ".repeat(cols.bar + FIXED - 1)));
        }
        if !verdict.is_empty() {
            let gap = if cols.verdict.is_none() { "" } else { " " };
            spans.push(Span::styled(format!("{gap}{verdict}"), verdict_style));
        }
        out.push(Line::from(spans));
    }
    out
}

/// `text` wrapped to `width` after `prefix`, its later lines indented under its first.
pub(super) fn hanging(
    prefix: Span<'static>,
    text: &str,
    style: Style,
    width: u16,
    whole_parts: bool,
) -> impl Iterator<Item = Line<'static>> {
    let indent = prefix.width();
    let room = u16::try_from(usize::from(width).saturating_sub(indent).max(1)).unwrap_or(1);
    let mut prefix = Some(prefix);
    let parts = if whole_parts {
        by_parts(text, room)
    } else {
        wrap(text, room)
    };
    parts.into_iter().map(move |part| {
        let lead = prefix
            .take()
            .unwrap_or_else(|| Span::raw(" ".repeat(indent)));
        Line::from(vec![lead, Span::styled(part, style)])
    })
}

/// `text` wrapped to `room` columns, keeping each " · "-separated part whole on a line where
/// it fits ("overall -51.9 ± 23" is not split between its number and margin).
fn by_parts(text: &str, room: u16) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for part in text.split(" · ") {
        let joined = if line.is_empty() {
            part.to_owned()
        } else {
            format!("{line} · {part}")
        };
        if crate::tui::widgets::text::width(&joined) <= usize::from(room) {
            line = joined;
            continue;
        }
        // The line break stands for the separator.
        if !line.is_empty() {
            lines.push(line);
        }
        // A part wider than the line wraps by words; its last piece starts the next line.
        let mut pieces = wrap(part, room);
        line = pieces.pop().unwrap_or_default();
        lines.extend(pieces);
    }
    lines.push(line);
    lines
}

/// The question, then what was answered, indented, with the pole it moved toward in its colour.
pub(super) fn answer(a: &AnswerLine, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let style = match a.toward {
        Some(crate::bank::Pole::Engineer) => theme.engineer,
        Some(crate::bank::Pole::Developer) => theme.developer,
        None => theme.dim,
    };
    let mut out = vec![Line::styled(format!("“{}”", a.question), theme.text)];
    out.extend(hanging(
        Span::raw("   "),
        &a.answers,
        theme.dim,
        width,
        false,
    ));
    let toward = a.toward_text();
    match out.last_mut() {
        _ if toward.is_empty() => {}
        Some(last) if last.width() + 2 + toward.len() <= usize::from(width) => {
            last.spans.push(Span::styled(format!("  {toward}"), style));
        }
        _ => out.push(Line::styled(format!("   {toward}"), style)),
    }
    out
}

/// The table's column headings, over the bar and the numbers.
pub(super) fn header(cols: &Cols, theme: &Theme) -> Line<'static> {
    let bar = if cols.bar < 21 {
        "◀dev · eng▶"
    } else {
        "◀ dev    ·    eng ▶"
    };
    Line::styled(
        format!(
            "{}  {}  {} → {}  {}",
            pad("", cols.name),
            pad(bar, cols.bar),
            COLUMNS[0],
            COLUMNS[1],
            COLUMNS[2]
        ),
        theme.dim,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// At every width the app draws Compare at (60 columns up to its widest column, less the
    /// margins), a row fits, and the longest verdict either has a column wide enough for its
    /// words or a line of its own wide enough for all of it.
    #[test]
    fn rows_fit_and_verdicts_stay_whole_at_every_width() {
        let widest = crate::tui::view::MAX_WIDTH - 2;
        for width in crate::tui::view::MIN_WIDTH - 2..=widest {
            let c = Cols::for_width(width);
            let w = usize::from(width);
            assert!(c.name >= 10, "{width}");
            match c.verdict {
                Some(v) => {
                    assert!(c.name + c.bar + FIXED + v <= w, "{width}");
                    assert!(v >= "too few answers".len(), "{width}");
                }
                None => assert!(w - (c.name + c.bar + 2) >= VERDICT, "{width}"),
            }
        }
    }
}
