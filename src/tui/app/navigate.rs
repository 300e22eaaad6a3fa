//! Moving between screens: home, the stack of screens under this one, a result's dashboard.

use crate::goals::LeftOut;
use crate::store::ResultFile;
use crate::tui::dialog::Dialog;
use crate::tui::screens;

use super::{App, Dashboard, Screen};

impl App {
    pub fn go_home(&mut self) {
        self.refresh_resumable();
        self.back.clear();
        self.screen = Screen::Home {
            cursor: screens::home::default_cursor(self),
        };
    }

    /// Opens `screen` on top of this one; `back` returns here.
    pub(super) fn push(&mut self, screen: Screen) {
        let under = std::mem::replace(&mut self.screen, screen);
        self.back.push(under);
    }

    /// Returns to the screen under this one (home if none), with its data read again: a
    /// rename, a deletion or a new goal may have changed it.
    pub(super) fn pop(&mut self) {
        match self.back.pop() {
            None if self.exit_at_bottom => self.leave(super::Exit::Quiet),
            None | Some(Screen::Home { .. }) => self.go_home(),
            Some(Screen::History(h)) => {
                let next = screens::history::reopen(self, h.cursor);
                self.go(next);
            }
            Some(Screen::Goals(g)) => {
                let next = screens::goals::reopen(self, g.cursor);
                self.go(next);
            }
            Some(screen) => self.screen = screen,
        }
    }

    /// Shows a result's dashboard, celebrating any goal it reached: `on_top` of the current
    /// screen (q returns there), or in its place (q goes home).
    pub fn open_result(&mut self, result: &ResultFile, on_top: bool) {
        let (d, left_out) = self.dashboard_for(result);
        // Goals that could not be read come first: a goal reached is still on Next steps.
        // The result `latest` opens, with newer files it cannot read: said on its dashboard,
        // however it was opened (home, `rolefit show`, History).
        let skipped = self
            .latest_note
            .clone()
            .filter(|_| self.latest.as_ref().is_some_and(|(id, _)| *id == result.id));
        if let Some(skipped) = skipped {
            self.warn(skipped);
        } else if let Some(left_out) = &left_out {
            self.warn(crate::report::steps_without(left_out));
        } else if let Some(first) = d.reached.first() {
            self.inform(format!("★ {first}"));
        }
        if on_top {
            self.push(Screen::Result(d));
        } else {
            self.back.clear();
            self.screen = Screen::Result(d);
        }
    }

    /// A result's dashboard, with the open goals leading its steps and any goal it reached,
    /// and why any goals were left out.
    pub fn dashboard_for(&self, result: &ResultFile) -> (Box<Dashboard>, Option<LeftOut>) {
        let mut goals = crate::goals::readable_goals(&self.store);
        // An older goal is judged by the same rule as a new one: with its baseline's margin.
        crate::goals::with_baseline_margins(&self.store, &self.bank, &mut goals.goals);
        let mut d = Dashboard::new(&self.bank, &self.texts, result, &goals.goals);
        // The dashboard's copy is rescored with the current model: goals go by the same numbers.
        let result = d.result().clone();
        let result = &result;
        d.reached = crate::goals::newly_reached(&self.bank, &goals.goals, result, self.today())
                .into_iter()
                .map(|g| {
                    let title = self
                        .bank
                        .dimension(&g.dimension)
                        .map_or(g.dimension.as_str(), |d| d.title.as_str());
                    format!(
                        "Goal #{} reached: {} is at {} (target {}). Well done! Press t to see it over time.",
                        g.id,
                        crate::goals::goal_title(title, g.lens),
                        crate::report::points(crate::goals::goal_score(
                            &result.scores,
                            &g.dimension,
                            g.lens
                        )),
                        crate::report::points(Some(g.target))
                    )
                })
                .collect();
        (d, goals.left_out)
    }

    pub fn open_dialog(&mut self, dialog: Dialog) {
        self.overlay = Some(super::Overlay::Dialog(dialog));
    }
}
