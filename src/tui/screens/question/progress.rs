//! The question screen's bottom line: a bar and how far along the assessment is.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::tui::app::App;
use crate::tui::widgets::text::{truncate, width};

pub(super) fn progress(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(session) = &app.session else { return };
    let a = session.assessment();
    let p = a.progress();
    let (mut label, done, total) = if a.form == crate::bank::Form::Adaptive {
        adaptive_progress(app, a)
    } else {
        (
            format!(" {} of {} answered", p.answered, p.total),
            p.done(),
            p.total,
        )
    };
    if p.skipped > 0 {
        label.push_str(&format!(" · {} skipped", p.skipped));
    }
    if a.form != crate::bank::Form::Adaptive {
        label.push_str(&format!(
            " · {}",
            crate::tui::screens::time_left(&app.bank, a)
        ));
    }
    let label_w = u16::try_from(width(&label)).unwrap_or(u16::MAX);
    let bar_w = area.width.saturating_sub(label_w + 1).min(40);
    let filled = (usize::from(bar_w) * done)
        .checked_div(total)
        .unwrap_or(0)
        .min(usize::from(bar_w));
    let bar = format!(
        "{}{}",
        "█".repeat(filled),
        "░".repeat(usize::from(bar_w) - filled)
    );
    Paragraph::new(Line::from(vec![
        Span::raw(" "),
        Span::styled(bar, app.theme.gauge_done),
        Span::styled(truncate(&label, usize::from(area.width)), app.theme.dim),
    ]))
    .render(area, buf);
}

/// " 9 answered · about 7 more", and the bar's share: done out of done plus what is expected.
fn adaptive_progress(app: &App, a: &crate::engine::Assessment) -> (String, usize, usize) {
    use crate::adaptive::More;
    let p = a.progress();
    let more = crate::tui::screens::adaptive_more(&app.bank, a);
    let expected = match more {
        More::Nothing => 0,
        More::About(n) | More::AtLeast(n) | More::UpTo(n) => n,
    };
    (
        format!(" {} answered · {more}", p.answered),
        p.done(),
        p.done() + expected,
    )
}
