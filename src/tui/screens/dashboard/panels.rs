//! The text panels of the dashboard: why, answer quality, next steps.

use ratatui::text::{Line, Span};

use crate::bank::Pole;
use crate::insight::pole_word;
use crate::report::Summary;
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{clean, truncate};

/// The drivers, quoted; with a `width`, each on one line (the quote shortened, the answer kept).
pub(super) fn why(s: &Summary, theme: &Theme, width: Option<u16>) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        "Why: the answers that pulled hardest",
        theme.heading,
    )];
    for (pole, drivers) in s.drivers_by_pole() {
        let style = if pole == Pole::Engineer {
            theme.engineer
        } else {
            theme.developer
        };
        lines.push(Line::styled(format!("toward {}:", pole_word(pole)), style));
        for d in drivers {
            let (text, answer) = match width {
                Some(w) => {
                    let answer = truncate(&d.answer, usize::from(w) / 2);
                    let room = usize::from(w)
                        .saturating_sub(crate::tui::widgets::text::width(&answer) + 5);
                    (truncate(&d.text, room), answer)
                }
                None => (d.text.clone(), d.answer.clone()),
            };
            lines.push(Line::from(vec![
                Span::styled(format!(" “{text}” "), theme.text),
                Span::styled(answer, theme.dim),
            ]));
        }
    }
    clean(lines)
}

/// Answer quality in at most three short lines: the figure, the divided dimensions, a retake hint.
pub(super) fn compact_quality(s: &Summary) -> Vec<(String, bool)> {
    let sc = &s.result.scores;
    let mut out = vec![(
        sc.consistency
            .map_or("Consistency: not enough answers".to_owned(), |c| {
                format!("Consistency {c:.2} of 1.00")
            }),
        false,
    )];
    let low: Vec<&str> = s
        .insight
        .contradictions
        .iter()
        .filter_map(|c| s.dims.iter().find(|d| d.id == c.dimension))
        .map(|d| d.title.as_str())
        .collect();
    if !low.is_empty() {
        out.push((
            format!("Pulling both ways: {} (panel 4)", low.join(", ")),
            true,
        ));
    }
    if s.careless {
        out.push((
            "Many identical answers: a retake gives a result you can trust".to_owned(),
            true,
        ));
    }
    out
}

pub(super) fn quality(s: &Summary, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled("Answer quality", theme.heading)];
    for (i, q) in s.quality.iter().enumerate() {
        lines.push(Line::styled(
            q.clone(),
            if i == 0 { theme.text } else { theme.warning },
        ));
    }
    clean(lines)
}

/// Goals reached first (a celebration belongs at the top), then paths and steps.
pub(super) fn next_steps(
    s: &Summary,
    reached: &[String],
    theme: &Theme,
    with_why: bool,
) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = reached
        .iter()
        .map(|r| Line::styled(format!("★ {r}"), theme.marker))
        .collect();
    if let Some(p) = &s.paths {
        lines.push(Line::styled("Paths that fit", theme.heading));
        lines.push(Line::styled(p.paths.join(" · "), theme.text));
        if with_why {
            lines.push(Line::styled(p.note.clone(), theme.dim));
        }
    }
    if !s.steps.is_empty() {
        lines.push(Line::styled("Next steps", theme.heading));
        for (i, st) in s.steps.iter().enumerate() {
            lines.push(Line::styled(format!("{}. {}", i + 1, st.text), theme.text));
            if with_why {
                lines.push(Line::styled(format!("   {}", st.why), theme.dim));
            }
        }
    }
    clean(lines)
}
