//! The result dashboard: where you stand, what it means, why, and what to do next. Tabs at
//! every size; the overview lays its parts side by side from `SIDE_BY_SIDE` columns, and every
//! panel wraps instead of cutting and scrolls with a visible hint when it does not fit.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::report::Summary;
use crate::report::page::{Block, Key, Section, section};
use crate::tui::action::Action;
use crate::tui::app::{App, Dashboard, Next, Screen};
use crate::tui::theme::Theme;
use crate::tui::widgets::flow::para;
use crate::tui::widgets::memo::Laid;
use crate::tui::widgets::scroll::Scroll;

mod layout;
mod one_scale;
mod overview;
mod panels;
mod tabs;
use panels::Lines;
pub use panels::row_line;
pub use tabs::Panel;

/// From this many columns the overview puts its parts in three columns (so it is one screen
/// at 160x50), from `TWO_COLUMNS` in two; narrower, one under the other.
pub const SIDE_BY_SIDE: u16 = 156;
pub(super) const TWO_COLUMNS: u16 = 116;
/// Below this size the overview keeps to the placement and the dimensions (the other parts
/// are a tab away); from it up, it carries everything.
pub(super) const FULL_WIDTH: u16 = 98;
pub(super) const FULL_HEIGHT: u16 = 27;

pub fn update(app: &mut App, action: Action) -> Next {
    let Screen::Result(d) = &mut app.screen else {
        return Next::Stay;
    };
    // The end of the panel in front (another's lines say nothing about it).
    let end = d.laid_out.end(|(p, ..)| *p == d.panel);
    if d.scroll.update_within(action, end) {
        return Next::Stay;
    }
    // A goal-form result is one page: there are no panels to move between.
    let one_page = d.summary.covers.is_some();
    let panel = match action {
        _ if one_page => d.panel,
        Action::Forward => d.panel.next(),
        Action::Back => d.panel.previous(),
        Action::Pick(k) => Panel::numbered(k),
        _ => d.panel,
    };
    if panel != d.panel {
        // Another panel starts at its top.
        (d.panel, d.scroll) = (panel, Scroll::default());
        return Next::Stay;
    }
    match action {
        Action::Export => export(app),
        Action::Share => share(app),
        Action::Goal => {
            let result = d.summary.result.clone();
            return super::goal_form::open(app, &result);
        }
        Action::About => {
            let result = d.result();
            let purpose = super::about::AboutFor::Result(result.id.clone());
            let before = result.context;
            return super::about::open(purpose, before);
        }
        Action::Timeline => {
            let first = app.store.load_goals().map(|f| {
                f.goals
                    .iter()
                    .filter(|g| g.done_at.is_none())
                    .map(|g| g.id)
                    .min()
            });
            match first {
                Ok(Some(id)) => return super::timeline::open(app, id),
                Ok(None) => app.inform("No open learning goals: press g to set one.".into()),
                Err(e) => app.warn(format!("Cannot read your goals: {e}")),
            }
        }
        Action::Quit => return Next::Pop,
        _ => {}
    }
    Next::Stay
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

/// "Share with your team": writes the result's team card (scores, margins, archetype and
/// context; never an answer) into `exports/`, named after the result's id.
fn share(app: &mut App) {
    let Screen::Result(d) = &app.screen else {
        return;
    };
    let id = d.result().id.clone();
    let card = crate::team::Card::of(d.result(), &app.bank, None, true);
    if let Err(e) = card.writable() {
        app.warn(format!(
            "No team card was written: {e} (`rolefit export --format team-card --name NAME`)."
        ));
        return;
    }
    let written = app
        .store
        .export_path(&id, "team-card.json")
        .map_err(std::io::Error::other)
        .and_then(|p| {
            crate::store::create_private_dir(&app.store.root().join("exports"))?;
            crate::store::write_atomic(&p, card.to_json().as_bytes()).map(|()| p)
        });
    match written {
        Ok(p) => app.inform(format!(
            "Share with your team: wrote {}, a card without your answers (`rolefit team` reads it)",
            p.display()
        )),
        Err(e) => app.warn(format!("Could not write the team card: {e}")),
    }
}

pub fn view(app: &App, d: &Dashboard, area: Rect, buf: &mut Buffer) {
    let s = &d.summary;
    let theme = &app.theme;
    if s.covers.is_some() {
        one_scale::view(d, theme, area, buf);
        return;
    }
    if s.result.scores.overall.is_none() {
        Paragraph::new(Line::styled(" Every question was skipped, so there is nothing to place yet. Take the assessment again from the home screen.", theme.warning))
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    let gap = u16::from(area.height >= 30);
    let [tabs, _, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Min(1),
    ])
    .areas(area);
    tabs::tab_bar(d.panel, tabs, buf, theme);
    let laid = d.laid_out.get((d.panel, body.width, body.height), || Laid {
        lines: lines(d, theme, body.width, body.height),
        height: body.height,
    });
    d.scroll.show(&laid, body, buf, theme);
}

/// The lines of the panel in front, laid out for a body of `w` x `h` (all of them: the view
/// scrolls them; tests read them whole).
pub fn lines(d: &Dashboard, theme: &Theme, w: u16, h: u16) -> Lines {
    let s = &d.summary;
    let sec = |key| section(s, key);
    let cols = match w {
        w if w >= SIDE_BY_SIDE => 3,
        w if w >= FULL_WIDTH => 2,
        _ => 1,
    };
    match d.panel {
        Panel::Overview => overview::overview(d, theme, w, h),
        Panel::Archetype => cards(s, sec(Key::Archetype), theme, w, cols),
        Panel::Dimensions => cards(s, sec(Key::Dimensions), theme, w, cols),
        Panel::Chart => sec(Key::Quadrant).map_or_else(
            || para("Enjoy vs do today needs answers in both lenses.", theme.dim, w, 0),
            |q| panels::section(s, &q, theme, w, panels::quadrant_rows(h)),
        ),
        Panel::Why => {
            let mut l = cards(s, sec(Key::Why), theme, w, cols.min(2));
            l.push(Line::default());
            l.extend(cards(s, sec(Key::Quality), theme, w, 1));
            l
        }
        Panel::Steps => steps(d, theme, w),
        Panel::Paths => sec(Key::Paths).map_or_else(
            || para("Career paths follow the archetype: with a placement, the roles that fit it show here.", theme.dim, w, 0),
            |p| cards(s, Some(p), theme, w, cols),
        ),
    }
}

/// A section's lead (its title and what comes before the first sub-heading) across the width,
/// then each sub-heading's group, in columns when there is room.
fn cards(s: &Summary, sec: Option<Section>, theme: &Theme, w: u16, cols: u16) -> Lines {
    let Some(sec) = sec else {
        return Lines::new();
    };
    let split = sec
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Sub(_)))
        .unwrap_or(sec.blocks.len());
    let lead = Section {
        blocks: sec.blocks[..split].to_vec(),
        ..sec.clone()
    };
    let mut groups: Vec<Vec<Block>> = Vec::new();
    for b in &sec.blocks[split..] {
        match (b, groups.last_mut()) {
            (Block::Sub(_), _) | (_, None) => groups.push(vec![b.clone()]),
            (_, Some(g)) => g.push(b.clone()),
        }
    }
    let build = |width: u16| -> Vec<Lines> {
        groups
            .iter()
            .map(|g| {
                let mut l: Lines = g
                    .iter()
                    .flat_map(|b| panels::block(s, b, theme, width, 11))
                    .collect();
                // A group's sub-heading starts with a blank line; columns start flush.
                if l.first().is_some_and(|f| f.width() == 0) {
                    l.remove(0);
                }
                l
            })
            .collect()
    };
    let mut out = panels::section(s, &lead, theme, w, 11);
    out.push(Line::default());
    out.extend(layout::columns(w, cols, &build));
    out
}

pub(super) fn steps(d: &Dashboard, theme: &Theme, w: u16) -> Lines {
    let mut l: Lines = d
        .reached
        .iter()
        .flat_map(|r| para(&format!("★ {r}"), theme.marker, w, 2))
        .collect();
    if let Some(sec) = section(&d.summary, Key::Steps) {
        l.extend(panels::section(&d.summary, &sec, theme, w, 0));
    }
    l
}
