//! A goal's timeline: its scale in every result since the baseline, each with its margin, the
//! target, the due date and today, and what moved between retakes. Opened with Enter on Goals
//! or on a dashboard with an open goal (t). The lines are the text report's, wrapped.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::goals::{Timeline, load_timeline};
use crate::report::{AskWith, timeline_lines};
use crate::tui::action::Action;
use crate::tui::app::{App, Next, Screen};
use crate::tui::widgets::scroll::Scroll;
use crate::tui::widgets::text::wrap;

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineView {
    pub timeline: Timeline,
    pub scroll: Scroll,
}

/// Opens goal `id`'s timeline on top of the current screen.
pub fn open(app: &mut App, id: u32) -> Next {
    match load_timeline(&app.store, &app.bank, id, app.today()) {
        Ok(Some(timeline)) => {
            return Next::Push(Screen::GoalTimeline(Box::new(TimelineView {
                timeline,
                scroll: Scroll::default(),
            })));
        }
        Ok(None) => app.warn(format!("Goal #{id} is gone (removed by another rolefit?).")),
        Err(e) => app.warn(format!("Cannot read your goals: {e}")),
    }
    Next::Stay
}

pub fn update(app: &mut App, action: Action) -> Next {
    let Screen::GoalTimeline(t) = &mut app.screen else {
        return Next::Stay;
    };
    if t.scroll.update(action) {
        return Next::Stay;
    }
    match action {
        Action::Quit => Next::Pop,
        Action::AskGoal => {
            let focus = t.timeline.progress.goal.focus();
            super::intro::start_goal(app, focus)
        }
        _ => Next::Stay,
    }
}

/// The bar is as wide as fits beside its indent, at most the scale's 41 columns.
fn bar_width(area: Rect) -> usize {
    usize::from(area.width).saturating_sub(4).clamp(11, 41)
}

pub fn view(app: &App, t: &TimelineView, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let mut lines: Vec<Line<'static>> = vec![Line::default()];
    for (i, text) in timeline_lines(&t.timeline, bar_width(area), AskWith::Key)
        .into_iter()
        .enumerate()
    {
        let style = if i == 0 {
            theme.heading
        } else if text.starts_with("──") {
            theme.marker
        } else if text.starts_with("  ") {
            theme.dim
        } else {
            theme.text
        };
        // A wrapped line keeps its indent, so a point's notes stay under it.
        let indent = text.len() - text.trim_start().len();
        let room = area
            .width
            .saturating_sub(u16::try_from(indent).unwrap_or(0))
            .max(1);
        for w in wrap(text.trim_start(), room) {
            lines.push(Line::styled(format!("{}{w}", " ".repeat(indent)), style));
        }
    }
    t.scroll.draw(&lines, area, buf, theme);
}
