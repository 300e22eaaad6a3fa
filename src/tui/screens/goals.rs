//! Goals: each learning goal with baseline -> latest -> target, how far along it is, and its
//! status. Add one from the latest result, mark one done, remove one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::goals::{GoalProgress, GoalStatus, goal_title, load_progress};
use crate::report::{AskWith, fmt_score, pct, points, status_why, unreadable_text};
use crate::store::BadGoal;
use crate::tui::action::Action;
use crate::tui::app::{App, Next, Screen};
use crate::tui::dialog::Dialog;
use crate::tui::theme::Theme;
use crate::tui::view::Hits;
use crate::tui::widgets::scroll::draw_window;
use crate::tui::widgets::text::{pad, wrap};

#[derive(Debug, Clone, PartialEq)]
pub struct GoalsView {
    pub goals: Vec<GoalProgress>,
    /// Goals goals.toml holds but rolefit cannot read: named, so they can be fixed or removed.
    pub unreadable: Vec<BadGoal>,
    pub cursor: usize,
}

pub fn open(app: &mut App) -> Next {
    load(app, 0).map_or(Next::Stay, |view| Next::Push(Screen::Goals(Box::new(view))))
}

pub fn reopen(app: &mut App, cursor: usize) -> Next {
    load(app, cursor).map_or(Next::Home, |view| Next::Show(Screen::Goals(Box::new(view))))
}

fn load(app: &mut App, cursor: usize) -> Option<GoalsView> {
    match load_progress(&app.store, &app.bank, app.today()) {
        Ok(p) => Some(GoalsView {
            cursor: cursor.min(p.goals.len().saturating_sub(1)),
            goals: p.goals,
            unreadable: p.unreadable,
        }),
        Err(e) => {
            app.warn(format!("Cannot read your goals: {e}"));
            None
        }
    }
}

pub fn update(app: &mut App, action: Action) -> Next {
    let Screen::Goals(g) = &mut app.screen else {
        return Next::Stay;
    };
    let last = g.goals.len().saturating_sub(1);
    match action {
        Action::Up => g.cursor = g.cursor.saturating_sub(1),
        Action::Down => g.cursor = (g.cursor + 1).min(last),
        Action::Click(i) => g.cursor = i.min(last),
        Action::Add => match app.store.find_result("latest") {
            Ok(latest) => return super::goal_form::open(app, &latest),
            Err(e) => app.warn(format!("A goal starts from a result: {e}")),
        },
        Action::Done => return toggle_done(app),
        Action::AskGoal => {
            if let Some(p) = g.goals.get(g.cursor) {
                let focus = p.goal.focus();
                return super::intro::start_goal(app, focus);
            }
        }
        Action::Confirm => {
            if let Some(p) = g.goals.get(g.cursor) {
                let id = p.goal.id;
                return super::timeline::open(app, id);
            }
        }
        Action::Delete => {
            if let Some(p) = g.goals.get(g.cursor) {
                let body = format!(
                    "Remove goal #{} ({})? This cannot be undone.",
                    p.goal.id,
                    goal_title(&p.dimension_title, p.goal.lens)
                );
                app.open_dialog(Dialog::delete("Remove this goal?", body));
            }
        }
        Action::Quit => return Next::Pop,
        _ => {}
    }
    Next::Stay
}

fn current_id(app: &App) -> Option<(u32, usize)> {
    let Screen::Goals(g) = &app.screen else {
        return None;
    };
    g.goals.get(g.cursor).map(|p| (p.goal.id, g.cursor))
}

fn toggle_done(app: &mut App) -> Next {
    let Some((id, cursor)) = current_id(app) else {
        return Next::Stay;
    };
    let now = app.now();
    let changed = app.store.update_goals(|file| {
        let goal = file.goal_mut(id)?;
        goal.done_at = if goal.done_at.is_some() {
            None
        } else {
            Some(now)
        };
        Ok::<bool, crate::store::StoreError>(goal.done_at.is_some())
    });
    match changed {
        Ok(done) => reopen(app, cursor).then_inform(format!(
            "Goal #{id} marked {}.",
            if done { "done" } else { "not done" }
        )),
        Err(e) => {
            app.warn(format!("Could not change the goal: {e}"));
            Next::Stay
        }
    }
}

pub fn remove(app: &mut App) -> Next {
    let Some((id, cursor)) = current_id(app) else {
        return Next::Stay;
    };
    let removed = app.store.update_goals(|file| file.remove_goal(id));
    match removed {
        Ok(()) => reopen(app, cursor).then_inform(format!("Goal #{id} removed.")),
        Err(e) => {
            app.warn(format!("Could not remove the goal: {e}"));
            Next::Stay
        }
    }
}

fn status_style(s: GoalStatus, theme: &Theme) -> ratatui::style::Style {
    match s {
        GoalStatus::Reached | GoalStatus::Done => theme.engineer,
        GoalStatus::Overdue | GoalStatus::MovingAway | GoalStatus::Behind => theme.warning,
        GoalStatus::OnTrack => theme.marker,
        GoalStatus::NoClearChange | GoalStatus::TooFewAnswers | GoalStatus::NoResultSince => {
            theme.dim
        }
    }
}

/// `██████░░░░` for a percentage of the way, clamped to the bar.
fn progress_bar(pct: Option<f64>, w: usize) -> String {
    let filled = pct.map_or(0, |p| {
        ((p.clamp(0.0, 100.0) / 100.0) * w as f64).round() as usize
    });
    format!(
        "{}{}",
        "█".repeat(filled.min(w)),
        "░".repeat(w - filled.min(w))
    )
}

pub fn view(app: &App, g: &GoalsView, area: Rect, buf: &mut Buffer, hits: &mut Hits) {
    let theme = &app.theme;
    let w = usize::from(area.width);
    let note_cols = area.width.saturating_sub(5).max(1);
    let mut lines: Vec<(Option<Action>, Line<'static>)> = Vec::new();
    // A goal that cannot be read is named first, whatever else the list holds.
    for b in &g.unreadable {
        for l in wrap(&unreadable_text(b), area.width.max(1)) {
            lines.push((None, Line::styled(l, theme.warning)));
        }
    }
    if g.goals.is_empty() {
        let mut empty = vec![
            Line::default(),
            Line::styled("No learning goals yet.", theme.heading),
            Line::styled(
                "A goal is a dimension, a target score and a note on how you will get there, e.g. “Scope to +40: take a distributed systems course, write two ADRs”.",
                theme.text,
            ),
            Line::default(),
            Line::styled(
                "Press a to add one from your latest result, or g on any result's dashboard.",
                theme.dim,
            ),
        ];
        if !lines.is_empty() {
            empty.splice(0..0, lines.into_iter().map(|(_, l)| l));
            empty.insert(0, Line::default());
        }
        Paragraph::new(empty)
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(area, buf);
        return;
    }
    let open = g.goals.iter().filter(|p| p.goal.done_at.is_none()).count();
    buf.set_stringn(
        area.x,
        area.y + 1,
        format!(
            "{} goal{} · {open} open · Enter: the goal over time",
            g.goals.len(),
            if g.goals.len() == 1 { "" } else { "s" }
        ),
        w,
        theme.heading,
    );
    // The bar goes first when the row does not fit, then the name narrows (it wraps), so the
    // figures and the percentage are never cut. The status has a line of its own, with why.
    let with_bar = w >= 3 + 14 + 2 + 24 + 13 + 6;
    let name_w = if with_bar {
        w.saturating_sub(50).clamp(14, 34)
    } else {
        w.saturating_sub(3 + 2 + 24 + 6).clamp(8, 14)
    };
    let header = if with_bar {
        format!(
            "   {}  {:>6}   {:>6}   {:>6}   {:<10}   %",
            pad("", name_w),
            "start",
            "latest",
            "target",
            "progress"
        )
    } else {
        format!(
            "   {}  {:>6}   {:>6}   {:>6} {:>5}",
            pad("", name_w),
            "start",
            "latest",
            "target",
            "%"
        )
    };
    buf.set_stringn(area.x, area.y + 2, header, w, theme.dim);
    // A goal is its figures (a long name wraps under itself), its status and why, its due date
    // and note wrapped whole below, and a gap; the list scrolls with "more" marks to keep the
    // cursor's in view.
    let mut keep = 0..0;
    let name_cols = u16::try_from(name_w).unwrap_or(u16::MAX);
    for (i, p) in g.goals.iter().enumerate() {
        let selected = i == g.cursor;
        let goal = &p.goal;
        let name_style = if selected {
            theme.selected
        } else {
            theme.heading
        };
        let name = format!("#{} {}", goal.id, goal_title(&p.dimension_title, goal.lens));
        let mut names = wrap(&name, name_cols).into_iter();
        let figures = format!(
            "{:>6} → {:>6} → {:>6}",
            fmt_score(Some(goal.baseline_score)),
            fmt_score(p.latest_score),
            points(Some(goal.target))
        );
        let click = Some(Action::Click(i));
        let first = lines.len();
        lines.push((
            click,
            Line::from(vec![
                Span::styled(if selected { " ▶ " } else { "   " }, theme.text),
                Span::styled(pad(&names.next().unwrap_or_default(), name_w), name_style),
                Span::styled(format!("  {figures}"), theme.text),
                Span::styled(
                    if with_bar {
                        format!("   {}", progress_bar(p.progress_pct, 10))
                    } else {
                        String::new()
                    },
                    theme.gauge_done,
                ),
                Span::styled(format!(" {:>5}", pct(p.progress_pct)), theme.text),
            ]),
        ));
        lines.extend(names.map(|n| (click, Line::styled(format!("   {n}"), name_style))));
        let status = p.status.label();
        let why = status_why(p, AskWith::Key)
            .map(|w| format!(": {w}"))
            .unwrap_or_default();
        let mut said = wrap(&format!("{status}{why}"), note_cols).into_iter();
        if let Some(first_line) = said.next() {
            // The label keeps its colour; the reason after it is dim.
            let (label, rest) = first_line.split_at(status.len().min(first_line.len()));
            lines.push((
                click,
                Line::from(vec![
                    Span::raw("     "),
                    Span::styled(label.to_owned(), status_style(p.status, theme)),
                    Span::styled(rest.to_owned(), theme.dim),
                ]),
            ));
        }
        lines.extend(said.map(|l| (click, Line::styled(format!("     {l}"), theme.dim))));
        let due = goal.due.map(|d| format!("due {d} · ")).unwrap_or_default();
        let note = if goal.note.is_empty() {
            "no note".to_owned()
        } else {
            format!("“{}”", goal.note)
        };
        for n in wrap(&format!("{due}{note}"), note_cols) {
            lines.push((click, Line::styled(format!("     {n}"), theme.dim)));
        }
        if selected {
            keep = first..lines.len();
        }
        lines.push((click, Line::default()));
    }
    let list = Rect {
        y: area.y + 3,
        height: area.height.saturating_sub(3),
        ..area
    };
    // A goal's name and note went through the sanitiser in `wrap`.
    draw_window(&lines, &keep, list, buf, theme, hits);
}
