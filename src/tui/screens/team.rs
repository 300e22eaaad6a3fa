//! Team: where each person on a team stands, coverage per dimension and what the counts say,
//! from the cards they chose to share. The same page as `rolefit team --format text`, laid out
//! to the screen's width and scrolled with the shared scroller.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::report::team::{Part, parts, rows};
use crate::team::Team;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::widgets::scroll::Scroll;

use super::dashboard::row_line;

#[derive(Debug, Clone, PartialEq)]
pub struct TeamView {
    pub team: Team,
    pub parts: Vec<Part>,
    pub scroll: Scroll,
    /// The lines for the last width drawn: only a resize changes them.
    pub laid_out: std::cell::RefCell<Option<(u16, Vec<Line<'static>>)>>,
}

pub fn open(app: &mut App, team: Team) {
    let parts = parts(&team, &app.texts);
    app.push(Screen::Team(Box::new(TeamView {
        team,
        parts,
        scroll: Scroll::default(),
        laid_out: std::cell::RefCell::new(None),
    })));
}

pub fn update(app: &mut App, action: Action) {
    let Screen::Team(t) = &mut app.screen else {
        return;
    };
    if t.scroll.update(action) {
        return;
    }
    if action == Action::Quit {
        app.pop();
    }
}

pub fn view(app: &App, t: &TeamView, area: Rect, buf: &mut Buffer) {
    let mut cache = t.laid_out.borrow_mut();
    if cache.as_ref().is_none_or(|(w, _)| *w != area.width) {
        let lines = rows(&t.parts, usize::from(area.width))
            .into_iter()
            .map(|r| row_line(&app.theme, r))
            .collect();
        *cache = Some((area.width, lines));
    }
    let Some((_, lines)) = cache.as_ref() else {
        return;
    };
    t.scroll.draw(lines, area, buf, &app.theme);
}
