use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::report::{fmt_margin, fmt_score};
use crate::store::ResultFile;
use crate::tui::app::App;
use crate::tui::widgets::spectrum;
use crate::tui::widgets::text::{pad, truncate, wrap};

pub fn view(app: &App, result: &ResultFile, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let s = &result.scores;
    let w = area.width;
    let mut y = area.y + 1;
    let line = |buf: &mut Buffer, l: Line<'_>, y: &mut u16| {
        if *y < area.bottom() {
            l.render(Rect::new(area.x, *y, w, 1), buf);
        }
        *y += 1;
    };
    let (Some(overall), Some(archetype)) = (s.overall, s.archetype) else {
        line(
            buf,
            Line::styled(
                " You skipped every question, so there is nothing to place yet.",
                theme.warning,
            ),
            &mut y,
        );
        return;
    };
    if let Some(text) = app.texts.archetype(archetype) {
        line(
            buf,
            Line::styled(format!(" {}", text.title.to_uppercase()), theme.heading),
            &mut y,
        );
        for l in wrap(&text.summary, w.saturating_sub(2).min(96)) {
            line(buf, Line::styled(format!(" {l}"), theme.text), &mut y);
        }
    }
    y += 1;
    // The spectrum: "Developer ───●═══─── Engineer".
    let (left, right) = (" Developer ", " Engineer");
    let gauge_w = w.saturating_sub(20);
    if y < area.bottom() {
        buf.set_string(area.x, y, left, theme.developer);
        spectrum::gauge(
            buf,
            Rect::new(area.x + 11, y, gauge_w, 1),
            overall,
            s.margin,
            theme,
        );
        buf.set_string(area.x + 11 + gauge_w, y, right, theme.engineer);
    }
    y += 1;
    let pct = format!(
        " Engineer {:.0}% · Developer {:.0}% · overall {} {}",
        s.engineer_pct.unwrap_or(50.0),
        s.developer_pct.unwrap_or(50.0),
        fmt_score(s.overall),
        fmt_margin(s.margin)
    );
    line(
        buf,
        Line::styled(truncate(&pct, usize::from(w)), theme.marker),
        &mut y,
    );
    y += 1;
    let title_w = 24usize.min(usize::from(w) / 3);
    let bar_w = w.saturating_sub(u16::try_from(title_w).unwrap_or(0) + 12);
    if y < area.bottom() {
        // The scale above the bars: poles at the ends, 0 in the middle.
        let bar_x = area.x + 2 + u16::try_from(title_w).unwrap_or(0);
        buf.set_string(area.x, y, " By dimension", theme.heading);
        if bar_w > 24 {
            buf.set_string(bar_x, y, "◀ developer", theme.developer);
            buf.set_string(bar_x + bar_w / 2, y, "0", theme.dim);
            buf.set_string(bar_x + bar_w - 10, y, "engineer ▶", theme.engineer);
        }
    }
    y += 1;
    for d in &app.bank.dimensions {
        if y >= area.bottom().saturating_sub(1) {
            break;
        }
        let score = s.dimensions.get(&d.id).and_then(|x| x.combined);
        buf.set_string(
            area.x,
            y,
            format!(" {}", pad(&truncate(&d.title, title_w), title_w)),
            theme.text,
        );
        let bar = Rect::new(
            area.x + 1 + u16::try_from(title_w).unwrap_or(0) + 1,
            y,
            bar_w,
            1,
        );
        match score {
            Some(v) => {
                spectrum::centred_bar(buf, bar, v, theme);
                buf.set_string(
                    bar.right() + 1,
                    y,
                    format!("{:>6}", fmt_score(Some(v))),
                    theme.text,
                );
            }
            None => {
                buf.set_string(bar.x, y, "not enough answers", theme.dim);
            }
        }
        y += 1;
    }
    let saved = format!(
        " Saved as {} ({} answered, {} skipped).",
        result.id, s.answered, s.skipped
    );
    if area.height > 0 {
        Paragraph::new(Line::from(Span::styled(
            truncate(&saved, usize::from(w)),
            theme.dim,
        )))
        .render(Rect::new(area.x, area.bottom() - 1, w, 1), buf);
    }
}
