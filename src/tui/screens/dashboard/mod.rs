//! The result dashboard: where you stand, what it means, why, and what to do next. Tabs at
//! every size; the overview lays its parts side by side from `SIDE_BY_SIDE` columns, and every
//! panel wraps instead of cutting and scrolls with a visible hint when it does not fit.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::report::Summary;
use crate::report::page::{Block, Chart, Key, Section, section};
use crate::tui::action::Action;
use crate::tui::app::{App, Dashboard, Screen};
use crate::tui::theme::Theme;
use crate::tui::widgets::flow::para;
use crate::tui::widgets::scroll::Scroll;

mod layout;
mod one_scale;
mod panels;
use panels::Lines;
pub use panels::row_line;

pub const PANELS: [&str; 7] = [
    "Overview",
    "Archetype",
    "Dimensions",
    "Chart",
    "Why",
    "Steps",
    "Paths",
];
/// From this many columns the overview puts its parts in three columns (so it is one screen
/// at 160x50), from `TWO_COLUMNS` in two; narrower, one under the other.
pub const SIDE_BY_SIDE: u16 = 156;
const TWO_COLUMNS: u16 = 116;
/// Below this size the overview keeps to the placement and the dimensions (the other parts
/// are a tab away); from it up, it carries everything.
const FULL_WIDTH: u16 = 98;
const FULL_HEIGHT: u16 = 27;

pub fn update(app: &mut App, action: Action) {
    let Screen::Result(d) = &mut app.screen else {
        return;
    };
    // A goal-form result is one page: there are no panels to move between.
    let n = if d.summary.covers.is_some() {
        1
    } else {
        PANELS.len()
    };
    if d.scroll.update(action) {
        return;
    }
    let panel = match action {
        Action::Forward => (d.panel + 1) % n,
        Action::Back => (d.panel + n - 1) % n,
        Action::Pick(k) => usize::from(k).clamp(1, n) - 1,
        _ => d.panel,
    };
    if panel != d.panel {
        // Another panel starts at its top.
        (d.panel, d.scroll) = (panel, Scroll::default());
        return;
    }
    match action {
        Action::Export => export(app),
        Action::Share => share(app),
        Action::Goal => {
            let result = d.summary.result.clone();
            super::goal_form::open(app, &result);
        }
        Action::About => {
            let result = d.result();
            let purpose = super::about::AboutFor::Result(result.id.clone());
            let before = result.context;
            super::about::open(app, purpose, before);
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
                Ok(Some(id)) => super::timeline::open(app, id),
                Ok(None) => app.inform("No open learning goals: press g to set one.".into()),
                Err(e) => app.warn(format!("Cannot read your goals: {e}")),
            }
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
    tab_bar(d, tabs, buf, theme);
    let key = (d.panel, body.width, body.height);
    let lines = laid_out(d, key, || lines(d, theme, body.width, body.height));
    d.scroll.draw(&lines, body, buf, theme);
}

/// The lines for `key` (panel, width, height): the ones laid out last if the key is the same,
/// else `build`'s, kept for the next frame.
fn laid_out(
    d: &Dashboard,
    key: (usize, u16, u16),
    build: impl FnOnce() -> Lines,
) -> std::rc::Rc<Lines> {
    let cached = d
        .laid_out
        .borrow()
        .as_ref()
        .filter(|(k, _)| *k == key)
        .map(|(_, l)| std::rc::Rc::clone(l));
    cached.unwrap_or_else(|| {
        let l = std::rc::Rc::new(build());
        *d.laid_out.borrow_mut() = Some((key, std::rc::Rc::clone(&l)));
        l
    })
}

/// The lines of the panel in front, laid out for a body of `w` x `h`.
fn lines(d: &Dashboard, theme: &Theme, w: u16, h: u16) -> Lines {
    let s = &d.summary;
    let sec = |key| section(s, key);
    let cols = match w {
        w if w >= SIDE_BY_SIDE => 3,
        w if w >= FULL_WIDTH => 2,
        _ => 1,
    };
    match d.panel {
        0 => overview(d, theme, w, h),
        1 => cards(s, sec(Key::Archetype), theme, w, cols),
        2 => cards(s, sec(Key::Dimensions), theme, w, cols),
        3 => sec(Key::Quadrant).map_or_else(
            || para("Enjoy vs do today needs answers in both lenses.", theme.dim, w, 0),
            |q| panels::section(s, &q, theme, w, panels::quadrant_rows(h)),
        ),
        4 => {
            let mut l = cards(s, sec(Key::Why), theme, w, cols.min(2));
            l.push(Line::default());
            l.extend(cards(s, sec(Key::Quality), theme, w, 1));
            l
        }
        5 => steps(d, theme, w),
        _ => sec(Key::Paths).map_or_else(
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

fn steps(d: &Dashboard, theme: &Theme, w: u16) -> Lines {
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

/// Consistency with what it means, and what to look at in the answers.
fn quality(s: &Summary, theme: &Theme, w: u16) -> Lines {
    let mut l = para("Answer quality", theme.heading, w, 0);
    l.extend(para(&s.consistency_line, theme.text, w, 0));
    let low: Vec<&str> = s
        .insight
        .contradictions
        .iter()
        .filter_map(|c| s.dims.iter().find(|d| d.id == c.dimension))
        .map(|d| d.title.as_str())
        .collect();
    // Named when few; counted when many (panel 5 names and quotes them all).
    let t = match low.as_slice() {
        [] => String::new(),
        [a] => format!("Your answers pull both ways on {a} (5 Why shows how)."),
        [a, b] => format!("Your answers pull both ways on {a} and {b} (5 Why shows how)."),
        many => format!(
            "Your answers pull both ways on {} dimensions (5 Why shows which).",
            many.len()
        ),
    };
    if !t.is_empty() {
        l.extend(para(&t, theme.warning, w, 0));
    }
    if s.careless {
        l.extend(para(
            "Many answers are identical: if you clicked through quickly, a retake gives a result you can trust (5 Why).",
            theme.warning,
            w,
            0,
        ));
    }
    l
}

/// The archetype's name with the result's label, date and form beside it when they fit (else
/// under it), any note on the form, and the summary.
fn header(s: &Summary, theme: &Theme, w: u16) -> Lines {
    let Some(top) = section(s, Key::Top) else {
        return Lines::new();
    };
    let title = top.title.to_uppercase();
    let width = crate::tui::widgets::text::width;
    let mut blocks = top.blocks.iter();
    let mut l = Lines::new();
    match blocks.next() {
        Some(Block::Note(meta)) if width(&title) + 3 + width(meta) <= usize::from(w) => {
            l.push(Line::from(vec![
                Span::styled(crate::sanitize::line(&title).into_owned(), theme.heading),
                // Drawn as it was measured: escaped.
                Span::styled(format!("   {}", crate::sanitize::line(meta)), theme.dim),
            ]));
        }
        Some(first) => {
            l.extend(para(&title, theme.heading, w, 0));
            l.extend(panels::block(s, first, theme, w, 0));
        }
        None => l.extend(para(&title, theme.heading, w, 0)),
    }
    for b in blocks {
        l.extend(panels::block(s, b, theme, w, 0));
    }
    l
}

fn overview(d: &Dashboard, theme: &Theme, w: u16, h: u16) -> Lines {
    let s = &d.summary;
    let part = |key, width: u16, rows: usize| {
        section(s, key).map_or_else(Lines::new, |sec| {
            panels::section(s, &sec, theme, width, rows)
        })
    };
    let retake = para(&s.retake, theme.dim, w, 0);
    let top = layout::join(vec![header(s, theme, w), part(Key::Stand, w, 0)]);
    if w < FULL_WIDTH || h < FULL_HEIGHT {
        let dims = panels::chart(s, Chart::Dimensions, theme, w, 0);
        return layout::join(vec![top, dims, quality(s, theme, w), retake]);
    }
    if w < TWO_COLUMNS {
        return layout::join(vec![
            top,
            panels::chart(s, Chart::Dimensions, theme, w, 0),
            part(Key::Quadrant, w, 9),
            part(Key::Why, w, 0),
            steps(d, theme, w),
            quality(s, theme, w),
            retake,
        ]);
    }
    let n = if w >= SIDE_BY_SIDE { 3 } else { 2 };
    let ws = layout::widths(w, n);
    let last = ws.len() - 1;
    let dims = panels::chart(s, Chart::Dimensions, theme, ws[0], 0);
    let why = part(Key::Why, ws[1], 0);
    let steps = steps(d, theme, ws[last]);
    // Answer quality and the retake line go where they leave the tallest column shortest;
    // the quadrant takes what the first column has left (all but its title, names and axes).
    let avail = usize::from(h).saturating_sub(top.len() + 1);
    let quality_at = |i: usize| {
        let mut q = quality(s, theme, ws[i]);
        q.extend(para(&s.retake, theme.dim, ws[i], 0));
        q
    };
    let quadrant_rows = |spare: usize| spare.saturating_sub(9).clamp(5, 13);
    let mut best: Option<(usize, Vec<Lines>)> = None;
    for at in [1, 0, last] {
        let q = quality_at(at);
        let first_room = avail.saturating_sub(dims.len() + if at == 0 { q.len() + 1 } else { 0 });
        let mut cols: Vec<Vec<Lines>> = vec![
            vec![
                dims.clone(),
                part(Key::Quadrant, ws[0], quadrant_rows(first_room)),
            ],
            vec![why.clone()],
        ];
        if n == 3 {
            cols.push(vec![steps.clone()]);
        } else {
            cols[1].push(steps.clone());
        }
        cols[at.min(last)].push(q);
        let cols: Vec<Lines> = cols.into_iter().map(layout::join).collect();
        let tallest = cols.iter().map(Vec::len).max().unwrap_or(0);
        if best.as_ref().is_none_or(|(t, _)| tallest < *t) {
            best = Some((tallest, cols));
        }
    }
    let mut out = top;
    out.push(Line::default());
    out.extend(layout::side_by_side(
        best.map_or_else(Vec::new, |(_, c)| c),
        &ws,
    ));
    out
}

/// The panels by number and name; when they do not all fit, the others by number only.
fn tab_bar(d: &Dashboard, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let full: usize = PANELS.iter().map(|p| p.len() + 4).sum();
    let spans: Vec<Span<'static>> = PANELS
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let here = i == d.panel;
            let text = if here || full <= usize::from(area.width) {
                format!(" {} {name} ", i + 1)
            } else {
                format!(" {} ", i + 1)
            };
            Span::styled(text, if here { theme.selected } else { theme.dim })
        })
        .collect();
    Paragraph::new(Line::from(spans)).render(area, buf);
}
