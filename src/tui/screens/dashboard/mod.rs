//! The result dashboard: where you stand, why, and what to do next. One screen from 100x30 up;
//! below that, one panel at a time (Tab or 1-5).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Line as CanvasLine};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::report::{Summary, score_with_margin};
use crate::tui::action::Action;
use crate::tui::app::{App, Dashboard, Screen};
use crate::tui::theme::Theme;
use crate::tui::widgets::spectrum;
use crate::tui::widgets::text::{pad, truncate};

mod panels;
use panels::{compact_quality, next_steps, quality, why};

pub const PANELS: [&str; 5] = ["Overview", "Chart", "Why", "Quality", "Next steps"];
/// The whole dashboard fits on one screen from this size of terminal body up.
const FULL_WIDTH: u16 = 98;
const FULL_HEIGHT: u16 = 27;

pub fn update(app: &mut App, action: Action) {
    let Screen::Result(d) = &mut app.screen else {
        return;
    };
    let n = PANELS.len();
    match action {
        Action::Forward => (d.panel, d.scroll) = ((d.panel + 1) % n, 0),
        Action::Back => (d.panel, d.scroll) = ((d.panel + n - 1) % n, 0),
        Action::Pick(k) => (d.panel, d.scroll) = ((usize::from(k).clamp(1, n)) - 1, 0),
        Action::Up => d.scroll = d.scroll.saturating_sub(1),
        Action::Down => d.scroll = d.scroll.saturating_add(1).min(200),
        Action::Export => export(app),
        Action::Goal => {
            let result = d.summary.result.clone();
            super::goal_form::open(app, &result);
        }
        Action::Quit => app.pop(),
        _ => {}
    }
}

/// Writes the result as Markdown and HTML into `exports/` in the data directory, named after
/// the result's id (its file name: never anything read from inside a file).
fn export(app: &mut App) {
    let Screen::Result(d) = &app.screen else {
        return;
    };
    let summary = &d.summary;
    let id = &d.result().id;
    let dir = app.store.root().join("exports");
    let written = ["md", "html"]
        .into_iter()
        .map(|ext| {
            app.store
                .export_path(id, ext)
                .map_err(std::io::Error::other)
        })
        .collect::<std::io::Result<Vec<_>>>()
        .and_then(|paths| {
            crate::store::create_private_dir(&dir)?;
            let texts = [
                crate::report::markdown_report(summary),
                crate::report::html_report(summary),
            ];
            paths
                .iter()
                .zip(&texts)
                .try_for_each(|(p, text)| crate::store::write_atomic(p, text.as_bytes()))
        });
    match written {
        Ok(()) => app.inform(format!(
            "Exported to {} (.md and .html)",
            dir.join(id).display()
        )),
        Err(e) => app.warn(format!("Could not export to {}: {e}", dir.display())),
    }
}

pub fn view(app: &App, d: &Dashboard, area: Rect, buf: &mut Buffer) {
    let s = &d.summary;
    let theme = &app.theme;
    if s.result.scores.overall.is_none() {
        Paragraph::new(Line::styled(" Every question was skipped, so there is nothing to place yet. Take the assessment again from the home screen.", theme.warning))
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    if d.panel == 0 && area.width >= FULL_WIDTH && area.height >= FULL_HEIGHT {
        let [tabs, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
        tab_bar(d, tabs, buf, theme);
        full(d, rest, buf, theme);
    } else {
        tabbed(s, d, area, buf, theme);
    }
}

fn full(d: &Dashboard, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let s = &d.summary;
    let [head, spec, _, mid, _, low] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Length(9),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    header(s, head, buf, theme);
    gauge(s, spec, buf, theme);
    let [dims, chart] = Layout::horizontal([Constraint::Min(50), Constraint::Length(32)])
        .spacing(2)
        .areas(mid);
    dimensions(s, dims, buf, theme);
    quadrant(s, chart, buf, theme);
    let [why_area, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
            .spacing(2)
            .areas(low);
    Paragraph::new(why(s, theme, Some(why_area.width))).render(why_area, buf);
    let w = usize::from(right.width);
    let mut lines = vec![Line::styled("Answer quality", theme.heading)];
    lines.extend(compact_quality(s).into_iter().map(|(t, warn)| {
        Line::styled(
            truncate(&t, w),
            if warn { theme.warning } else { theme.text },
        )
    }));
    lines.push(Line::default());
    lines.extend(
        next_steps(s, &d.reached, theme, false)
            .into_iter()
            .map(|l| {
                let text: String = l.spans.iter().map(|sp| sp.content.as_ref()).collect();
                Line::styled(truncate(&text, w), l.style)
            }),
    );
    Paragraph::new(lines).render(right, buf);
}

fn tabbed(s: &Summary, d: &Dashboard, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let [tabs, _, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    tab_bar(d, tabs, buf, theme);
    let text = |lines: Vec<Line<'static>>, buf: &mut Buffer| {
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((d.scroll, 0))
            .render(body, buf);
    };
    match d.panel {
        0 => {
            let [head, spec, _, dims] = Layout::vertical([
                Constraint::Length(4),
                Constraint::Length(2),
                Constraint::Length(1),
                Constraint::Min(1),
            ])
            .areas(body);
            header(s, head, buf, theme);
            gauge(s, spec, buf, theme);
            dimensions(s, dims, buf, theme);
        }
        1 => quadrant(s, body, buf, theme),
        2 => text(why(s, theme, None), buf),
        3 => text(quality(s, theme), buf),
        _ => text(next_steps(s, &d.reached, theme, true), buf),
    }
}

fn tab_bar(d: &Dashboard, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let mut spans = Vec::new();
    for (i, name) in PANELS.iter().enumerate() {
        let style = if i == d.panel {
            theme.selected
        } else {
            theme.dim
        };
        spans.push(Span::styled(format!(" {} {name} ", i + 1), style));
        spans.push(Span::raw(" "));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

fn header(s: &Summary, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let (title, text) = match (&s.archetype, &s.unplaced) {
        (Some(a), _) => (a.title.to_uppercase(), a.summary.clone()),
        (None, Some(u)) => (crate::report::UNPLACED_TITLE.to_uppercase(), u.clone()),
        (None, None) => return,
    };
    // Finished before it was settled: say so first, in place of the archetype's description.
    let (title, text) = match (&s.archetype, &s.provisional) {
        (Some(_), Some(p)) => (format!("{title} (PROVISIONAL)"), p.clone()),
        _ => (title, text),
    };
    let lines = vec![
        Line::styled(title, theme.heading),
        Line::styled(text, theme.text),
    ];
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

fn gauge(s: &Summary, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let sc = &s.result.scores;
    let Some(overall) = sc.overall else { return };
    if area.height == 0 || area.width < 24 {
        return;
    }
    buf.set_string(area.x, area.y, "Developer", theme.developer);
    let track = Rect::new(area.x + 10, area.y, area.width - 20, 1);
    spectrum::gauge(buf, track, overall, sc.margin, theme);
    buf.set_string(track.right() + 1, area.y, "Engineer", theme.engineer);
    if area.height > 1 {
        let legend = if sc.margin.is_some() {
            "  (the band is the 95% margin)"
        } else {
            ""
        };
        let line = format!(
            "Engineer {:.0}% · Developer {:.0}% · overall {}{legend}",
            sc.engineer_pct.unwrap_or(50.0),
            sc.developer_pct.unwrap_or(50.0),
            score_with_margin(sc.overall, sc.margin, sc.answered)
        );
        buf.set_string(
            area.x,
            area.y + 1,
            truncate(&line, usize::from(area.width)),
            theme.marker,
        );
    }
}

/// One row per dimension: a bar from 0 to the combined score, ◆ where you enjoy, ● where you do.
fn dimensions(s: &Summary, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let title_w = 23.min(usize::from(area.width) * 2 / 5);
    let texts: Vec<String> = s
        .dims
        .iter()
        .map(|d| score_with_margin(d.combined, d.margin, d.answered))
        .collect();
    // As wide as the widest score, so "too few answers (2)" is never cut.
    let score_w = texts
        .iter()
        .map(|t| crate::tui::widgets::text::width(t))
        .max()
        .map_or(12, |w| u16::try_from(w).unwrap_or(12).max(12));
    let bar_x = area.x + u16::try_from(title_w).unwrap_or(0) + 1;
    let bar_w = area
        .width
        .saturating_sub(u16::try_from(title_w).unwrap_or(0) + 2 + score_w);
    let mut y = area.y;
    if area.height == 0 || bar_w < 9 {
        return;
    }
    buf.set_string(area.x, y, truncate("By dimension", title_w), theme.heading);
    buf.set_string(bar_x, y, "◀ dev", theme.developer);
    buf.set_string(bar_x + bar_w.saturating_sub(5), y, "eng ▶", theme.engineer);
    y += 1;
    for (d, score_text) in s.dims.iter().zip(&texts) {
        if y >= area.bottom() {
            return;
        }
        buf.set_string(
            area.x,
            y,
            pad(&truncate(&d.title, title_w), title_w),
            theme.text,
        );
        let bar = Rect::new(bar_x, y, bar_w, 1);
        match d.combined {
            Some(v) => {
                spectrum::centred_bar(buf, bar, v, theme);
                for (score, glyph) in [(d.preference, "◆"), (d.practice, "●")] {
                    if let Some(p) = score {
                        buf.set_string(
                            bar.x + spectrum::column(p, bar.width),
                            y,
                            glyph,
                            theme.marker,
                        );
                    }
                }
                let text = format!("{score_text:>w$}", w = usize::from(score_w));
                buf.set_string(bar.right() + 1, y, text, theme.text);
            }
            None => buf.set_string(bar.x, y, "not enough answers", theme.dim),
        }
        y += 1;
    }
    if y < area.bottom() {
        buf.set_string(
            bar_x,
            y,
            truncate(
                "◆ what you enjoy  ● what you do today",
                usize::from(bar_w + score_w),
            ),
            theme.dim,
        );
    }
}

/// Preference (x) against practice (y), with the four quadrants named.
fn quadrant(s: &Summary, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let sc = &s.result.scores;
    let (Some(pref), Some(prac)) = (sc.preference, sc.practice) else {
        Paragraph::new("Enjoy vs do today: needs answers in both lenses.")
            .style(theme.dim)
            .render(area, buf);
        return;
    };
    if area.height < 4 || area.width < 20 {
        return;
    }
    let caption = s.quadrant.as_ref().map_or(String::new(), |q| {
        format!("{} ({:+.0} / {:+.0})", q.title, pref, prac)
    });
    let [chart, label, axes] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let axis = theme.dim.fg.unwrap_or_default();
    let dot = theme.marker;
    // Right-hand labels end at the right edge: their x is where that many columns still fit.
    let cols = f64::from(chart.width.max(1));
    let right = move |label: &str| 100.0 - 200.0 * label.chars().count() as f64 / cols;
    Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([-100.0, 100.0])
        .y_bounds([-100.0, 100.0])
        .paint(move |ctx| {
            ctx.draw(&CanvasLine {
                x1: -100.0,
                y1: 0.0,
                x2: 100.0,
                y2: 0.0,
                color: axis,
            });
            ctx.draw(&CanvasLine {
                x1: 0.0,
                y1: -100.0,
                x2: 0.0,
                y2: 100.0,
                color: axis,
            });
            ctx.print(-100.0, 100.0, Line::styled("dev on duty", Style::default()));
            ctx.print(
                right("eng by choice"),
                100.0,
                Line::styled("eng by choice", Style::default()),
            );
            ctx.print(
                -100.0,
                -100.0,
                Line::styled("dev by choice", Style::default()),
            );
            ctx.print(
                right("eng in making"),
                -100.0,
                Line::styled("eng in making", Style::default()),
            );
            ctx.print(
                pref.clamp(-97.0, 97.0),
                prac.clamp(-97.0, 97.0),
                Line::styled("●", dot),
            );
        })
        .render(chart, buf);
    buf.set_string(
        label.x,
        label.y,
        truncate(&caption, usize::from(label.width)),
        theme.heading,
    );
    buf.set_string(
        axes.x,
        axes.y,
        truncate("→ enjoy   ↑ do today", usize::from(axes.width)),
        theme.dim,
    );
}
