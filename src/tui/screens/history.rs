//! History: every saved result, newest first, under a sparkline of the overall score. Open one,
//! rename it, move it to the trash, or mark two and compare them.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::history::{Entry, overall_series};
use crate::report::{FEW_ANSWERS_NOTE, archetype_title, overall_cell};
use crate::tui::action::Action;
use crate::tui::app::{App, Next, Screen};
use crate::tui::dialog::Dialog;
use crate::tui::prompt::{Prompt, PromptFor};
use crate::tui::view::Hits;
use crate::tui::widgets::text::{pad, truncate, width, wrap};

#[path = "history_sparkline.rs"]
mod sparkline;
pub use sparkline::spark_columns;
use sparkline::sparkline;

#[derive(Debug, Clone, PartialEq)]
pub struct HistoryView {
    pub entries: Vec<Entry>,
    pub cursor: usize,
    /// Ids marked for comparison, in the order they were marked (two at most).
    pub marked: Vec<String>,
    /// What the heading and the sparkline say of all the entries: counted when they are read
    /// (or one changes), not on every frame, which would be O(results) per key.
    tally: Tally,
}

#[derive(Debug, Clone, PartialEq)]
struct Tally {
    readable: usize,
    /// Some result's score has too few answers for a margin (the list marks it with `*`).
    starred: bool,
    /// The overall scores, oldest first.
    series: Vec<f64>,
}

impl Tally {
    fn of(entries: &[Entry]) -> Tally {
        Tally {
            readable: entries.iter().filter(|e| e.row.is_ok()).count(),
            starred: entries
                .iter()
                .any(|e| e.row.as_ref().is_ok_and(|r| overall_cell(r).ends_with('*'))),
            series: overall_series(entries),
        }
    }
}

impl HistoryView {
    pub fn new(entries: Vec<Entry>, cursor: usize) -> HistoryView {
        HistoryView {
            cursor: cursor.min(entries.len().saturating_sub(1)),
            tally: Tally::of(&entries),
            entries,
            marked: Vec::new(),
        }
    }

    fn current(&self) -> Option<&Entry> {
        self.entries.get(self.cursor)
    }
}

/// Rows a page-up or page-down moves.
const PAGE: usize = 10;

pub fn open(app: &mut App) -> Next {
    load(app, 0).map_or(Next::Stay, |view| {
        Next::Push(Screen::History(Box::new(view)))
    })
}

/// Back on History from a screen above it: read the list again, keep the place.
pub fn reopen(app: &mut App, cursor: usize) -> Next {
    load(app, cursor).map_or(Next::Home, |view| {
        Next::Show(Screen::History(Box::new(view)))
    })
}

fn load(app: &mut App, cursor: usize) -> Option<HistoryView> {
    match crate::history::load(&app.store, &app.bank) {
        Ok(entries) => Some(HistoryView::new(entries, cursor)),
        Err(e) => {
            app.warn(format!("Cannot list your results: {e}"));
            None
        }
    }
}

pub fn update(app: &mut App, action: Action) -> Next {
    let Screen::History(h) = &mut app.screen else {
        return Next::Stay;
    };
    let last = h.entries.len().saturating_sub(1);
    match action {
        Action::Up => h.cursor = h.cursor.saturating_sub(1),
        Action::Down => h.cursor = (h.cursor + 1).min(last),
        Action::PageUp => h.cursor = h.cursor.saturating_sub(PAGE),
        Action::PageDown => h.cursor = (h.cursor + PAGE).min(last),
        Action::Top => h.cursor = 0,
        Action::Bottom => h.cursor = last,
        Action::Click(i) => {
            h.cursor = i.min(last);
            return open_current(app);
        }
        Action::Confirm => return open_current(app),
        Action::Mark => mark(app),
        Action::Compare => return compare(app),
        Action::Rename => {
            if let Some(e) = h.current()
                && let Ok(row) = &e.row
            {
                let prompt = Prompt::new(
                    "Rename this result",
                    "A label, e.g. “before the architecture course”",
                    &row.label,
                    PromptFor::Rename(e.id.clone()),
                    crate::session::MAX_LABEL_CHARS,
                );
                app.open_prompt(prompt);
            }
        }
        Action::Delete => {
            if let Some(e) = h.current() {
                let body = format!(
                    "Move {} to the trash folder? It leaves History; the file is kept in trash/ in the data folder.",
                    e.file
                );
                app.open_dialog(Dialog::delete("Delete this result?", body));
            }
        }
        Action::Quit => return Next::Pop,
        _ => {}
    }
    Next::Stay
}

/// Opens the highlighted result, read from its file (by its file name, the one id there is).
fn open_current(app: &mut App) -> Next {
    let Screen::History(h) = &mut app.screen else {
        return Next::Stay;
    };
    let cursor = h.cursor;
    let Some(e) = h.entries.get_mut(cursor) else {
        return Next::Stay;
    };
    if e.row.is_err() {
        // Why, in full, is already under the list while the row is highlighted (`rows`).
        return Next::Stay;
    }
    let read = app.store.load_id(&e.id);
    // The row came from the index; the file has the last word, a failed read included.
    if crate::history::verify(&app.store, &app.bank, e, read.as_ref()) {
        h.tally = Tally::of(&h.entries);
    }
    match read {
        Ok(result) => {
            let note = result.id_note();
            let open = Next::Result(Box::new(result));
            match note {
                Some(note) => open.then_warn(note),
                None => open,
            }
        }
        Err(err) => {
            app.warn(err.to_string());
            Next::Stay
        }
    }
}

fn mark(app: &mut App) {
    let Screen::History(h) = &mut app.screen else {
        return;
    };
    let Some(e) = h.current().filter(|e| e.row.is_ok()) else {
        return;
    };
    let id = e.id.clone();
    if let Some(i) = h.marked.iter().position(|m| *m == id) {
        h.marked.remove(i);
    } else {
        if h.marked.len() == 2 {
            h.marked.remove(0);
        }
        h.marked.push(id);
    }
    let n = h.marked.len();
    app.inform(match n {
        0 => "Nothing marked.".to_owned(),
        1 => {
            "1 marked: mark another and press c, or press c to compare it with the highlighted one."
                .to_owned()
        }
        _ => "2 marked: press c to compare them.".to_owned(),
    });
}

/// The two marked results; or one marked and the highlighted one; or the highlighted one and
/// the one before it. The older is always "before".
fn compare(app: &mut App) -> Next {
    let Screen::History(h) = &app.screen else {
        return Next::Stay;
    };
    let readable: Vec<&str> = h
        .entries
        .iter()
        .filter(|e| e.row.is_ok())
        .map(|e| e.id.as_str())
        .collect();
    let current = h.current().filter(|e| e.row.is_ok()).map(|e| e.id.as_str());
    let pair: Option<(String, String)> = match h.marked.as_slice() {
        [a, b] => Some((a.clone(), b.clone())),
        [a] => current
            .filter(|c| c != a)
            .map(|c| (a.clone(), c.to_owned())),
        _ => current.and_then(|c| {
            let older = readable.iter().skip_while(|id| **id != c).nth(1)?;
            Some(((*older).to_owned(), c.to_owned()))
        }),
    };
    let Some((x, y)) = pair else {
        app.inform("Mark two results with Space, then press c (or highlight one that has an older result).".into());
        return Next::Stay;
    };
    // Ids sort by time.
    let (before, after) = if x < y { (x, y) } else { (y, x) };
    match (app.store.load_id(&before), app.store.load_id(&after)) {
        (Ok(b), Ok(a)) => super::compare::open(app, &b, &a),
        (Err(e), _) | (_, Err(e)) => {
            app.warn(e.to_string());
            Next::Stay
        }
    }
}

pub fn rename(app: &mut App, id: &str, label: &str) {
    let label = match crate::session::check_label(label) {
        Ok(l) => l,
        Err(e) => {
            app.warn(format!("Not renamed: {e}."));
            return;
        }
    };
    let label = label.as_str();
    match app.store.relabel(id, label) {
        Ok(_) => {
            if let Screen::History(h) = &mut app.screen
                && let Some(Ok(row)) = h
                    .entries
                    .iter_mut()
                    .find(|e| e.id == id)
                    .map(|e| &mut e.row)
            {
                row.label = label.trim().to_owned();
            }
            app.inform("Label saved.".into());
        }
        Err(e) => app.warn(format!("Could not rename: {e}")),
    }
}

pub fn delete(app: &mut App) -> Next {
    let Screen::History(h) = &app.screen else {
        return Next::Stay;
    };
    let Some(e) = h.current() else {
        return Next::Stay;
    };
    let id = e.id.clone();
    match app.store.trash_result(&id) {
        Ok(to) => {
            let cursor = h.cursor;
            reopen(app, cursor).then_inform(format!("Moved to {}", to.display()))
        }
        Err(err) => {
            app.warn(format!("Could not delete: {err}"));
            Next::Stay
        }
    }
}

pub fn view(app: &App, h: &HistoryView, area: Rect, buf: &mut Buffer, hits: &mut Hits) {
    let theme = &app.theme;
    let Tally {
        readable, starred, ..
    } = h.tally;
    if h.entries.is_empty() {
        buf.set_string(
            area.x,
            area.y + 1,
            truncate(
                "No saved results yet. Take the assessment from the home screen; each result is kept here.",
                usize::from(area.width),
            ),
            theme.text,
        );
        return;
    }
    // While an unreadable row is highlighted, why it is unreadable takes the sparkline's room:
    // the reason is what the person is looking at, and it must fit at 60x16.
    let spark_h = if h.current().is_some_and(|e| e.row.is_err()) {
        0
    } else {
        3
    };
    let [head, spark, gap, list] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(spark_h),
        Constraint::Length(spark_h / 3),
        Constraint::Min(1),
    ])
    .areas(area);
    let count = format!(
        "{readable} result{}, newest first{}{}",
        if readable == 1 { "" } else { "s" },
        match h.entries.len() - readable {
            0 => String::new(),
            n => format!(" · {n} unreadable"),
        },
        if starred {
            format!(" · {FEW_ANSWERS_NOTE}")
        } else {
            String::new()
        }
    );
    buf.set_string(
        head.x,
        head.y + 1,
        truncate(&count, usize::from(head.width)),
        theme.heading,
    );
    if spark_h > 0 {
        sparkline(h, spark, gap, buf, app);
    }
    rows(app, h, list, buf, hits);
}

/// "adaptive", the longest form name.
const FORM_W: usize = 8;

fn rows(app: &App, h: &HistoryView, area: Rect, buf: &mut Buffer, hits: &mut Hits) {
    let theme = &app.theme;
    if area.height < 2 {
        return;
    }
    let w = usize::from(area.width);
    // Below this width the form column goes, so the overall score is never cut: the form shows
    // when the result is opened.
    let with_form = w >= 3 + 16 + 2 + FORM_W + 2 + 22 + 2 + 10;
    let form = |f: &str| {
        if with_form {
            format!("{}  ", pad(f, FORM_W))
        } else {
            String::new()
        }
    };
    // The highlighted row, if it cannot be read, says why in full under the list (wrapped, never
    // cut): the list keeps its header and the highlighted row.
    let why: Vec<String> = h
        .current()
        .and_then(|e| {
            let reason = e.row.as_ref().err()?;
            Some(wrap(
                &crate::history::why_unreadable(&e.file, reason),
                area.width,
            ))
        })
        .unwrap_or_default();
    // Under a blank line, when there is anything to say.
    let why_h = match why.len() {
        0 => 0,
        n => u16::try_from(n + 1).unwrap_or(u16::MAX),
    }
    .min(area.height - 2);
    let [area, why_area] =
        Layout::vertical([Constraint::Min(2), Constraint::Length(why_h)]).areas(area);
    for (y, l) in (why_area.y + 1..why_area.bottom()).zip(&why) {
        buf.set_stringn(why_area.x, y, l, usize::from(why_area.width), theme.warning);
    }
    let header = format!(
        "   {}  {}{}  {}  label",
        pad("taken (UTC)", 17),
        form("form"),
        pad("archetype", 22),
        pad("overall", 10)
    );
    buf.set_stringn(area.x, area.y, &header, w, theme.dim);
    let body = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    let page = usize::from(body.height);
    // Keep the cursor in the middle third once the list scrolls.
    let top = h
        .cursor
        .saturating_sub(page / 2)
        .min(h.entries.len().saturating_sub(page));
    for (i, e) in h.entries.iter().enumerate().skip(top).take(page) {
        let y = body.y + u16::try_from(i - top).unwrap_or(0);
        let selected = i == h.cursor;
        let marked = h.marked.contains(&e.id);
        let lead = match (selected, marked) {
            (true, true) => "▶✓ ",
            (true, false) => "▶  ",
            (false, true) => " ✓ ",
            (false, false) => "   ",
        };
        let (text, style) = match &e.row {
            Ok(r) => (
                format!(
                    "{lead}{}  {}{}  {}  {}",
                    r.taken_at.strftime("%Y-%m-%d %H:%M"),
                    form(r.form.as_str()),
                    pad(&truncate(&archetype_title(&app.texts, r), 22), 22),
                    pad(&overall_cell(r), 10),
                    r.label
                ),
                theme.text,
            ),
            // The reason where it fits whole; else only that it cannot be read (the reason is
            // under the list, in full, while the row is highlighted).
            Err(reason) => (
                Some(format!("{lead}⚠ {}: unreadable, {reason}", e.file))
                    .filter(|full| width(full) <= w)
                    .unwrap_or_else(|| format!("{lead}⚠ {}: cannot be read", e.file)),
                theme.warning,
            ),
        };
        let style = if selected { theme.selected } else { style };
        buf.set_stringn(area.x, y, pad(&truncate(&text, w), w), w, style);
        hits.push((Rect::new(area.x, y, area.width, 1), Action::Click(i)));
    }
}
