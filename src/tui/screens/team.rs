//! Team: where each person on a team stands, coverage per dimension and what the counts say,
//! from the cards they chose to share. The same page as `rolefit team --format text`, laid out
//! to the screen's width and scrolled with the shared scroller.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::report::team::{Part, parts, rows};
use crate::team::Team;
use crate::tui::action::Action;
use crate::tui::app::{App, Next, Screen};
use crate::tui::widgets::memo::{Laid, LaidOut};
use crate::tui::widgets::scroll::Scroll;

use super::dashboard::row_line;

#[derive(Debug, Clone, PartialEq)]
pub struct TeamView {
    pub team: Team,
    pub parts: Vec<Part>,
    pub scroll: Scroll,
    /// The lines for the last body size drawn (the cards never change while it is open).
    pub laid_out: LaidOut<(u16, u16)>,
}

pub fn open(app: &App, team: Team) -> Next {
    let parts = parts(&team, &app.texts);
    Next::Push(Screen::Team(Box::new(TeamView {
        team,
        parts,
        scroll: Scroll::default(),
        laid_out: LaidOut::default(),
    })))
}

pub fn update(app: &mut App, action: Action) -> Next {
    let Screen::Team(t) = &mut app.screen else {
        return Next::Stay;
    };
    if t.scroll.update_within(action, t.laid_out.end(|_| true)) {
        return Next::Stay;
    }
    if action == Action::Quit {
        return Next::Pop;
    }
    Next::Stay
}

pub fn view(app: &App, t: &TeamView, area: Rect, buf: &mut Buffer) {
    let laid = t.laid_out.get((area.width, area.height), || Laid {
        lines: rows(&t.parts, usize::from(area.width))
            .into_iter()
            .map(|r| row_line(&app.theme, r))
            .collect(),
        height: area.height,
    });
    t.scroll.show(&laid, area, buf, &app.theme);
}
