use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::answered;
use crate::engine::Status;
use crate::tui::action::Action;
use crate::tui::app::{App, Next, Screen};
use crate::tui::dialog::{Dialog, SaveFor};
use crate::tui::view::Hits;
use crate::tui::widgets::memo::Memo;
use crate::tui::widgets::scroll::{more, window};
use crate::tui::widgets::text::{truncate, wrap};

/// How far PgUp/PgDn move.
const PAGE: usize = 10;

pub fn update(app: &mut App, action: Action) -> Next {
    let Screen::Review { cursor, .. } = &mut app.screen else {
        return Next::Stay;
    };
    let Some(len) = app.session.as_ref().map(|s| s.assessment().len()) else {
        return Next::Stay;
    };
    // Rows: one per question, then "Finish".
    let last = len;
    let row = *cursor;
    let mut to = |c: usize| {
        *cursor = c.min(last);
        Next::Stay
    };
    match action {
        Action::Up => to(row.saturating_sub(1)),
        Action::Down => to(row + 1),
        Action::PageUp => to(row.saturating_sub(PAGE)),
        Action::PageDown => to(row + PAGE),
        Action::Top => to(0),
        Action::Bottom => to(last),
        Action::Confirm => open_row(app, row, len),
        Action::Click(i) => open_row(app, i, len),
        Action::Finish => ask_finish(app),
        Action::Back => {
            let pos = app
                .session
                .as_ref()
                .map_or(0, |s| s.assessment().position());
            app.open_question(pos, false);
            Next::Stay
        }
        Action::Quit => Next::Dialog(Dialog::quit(answered(app))),
        _ => Next::Stay,
    }
}

fn open_row(app: &mut App, row: usize, len: usize) -> Next {
    if row < len {
        app.open_question(row, true);
        Next::Stay
    } else {
        ask_finish(app)
    }
}

fn ask_finish(app: &mut App) -> Next {
    let Some(s) = &app.session else {
        return Next::Stay;
    };
    let p = s.assessment().progress();
    let open = p.total - p.done();
    if open > 0 {
        Next::Dialog(Dialog::finish_with_open(open))
    } else {
        finish(app)
    }
}

/// Scores and saves the result; on failure the answers stay here and the person can retry.
pub fn finish(app: &mut App) -> Next {
    let Some(session) = &app.session else {
        return Next::Stay;
    };
    let now = app.now();
    match session.finish(&app.bank, &app.store, now, &mut app.rng) {
        Ok(result) => Next::Finished(Box::new(result)),
        Err(e) => {
            app.warn(format!("Could not save your result: {e}"));
            Next::Dialog(Dialog::save_failed(SaveFor::Result, &e.to_string()))
        }
    }
}

/// Writes the result to a file the person names, when the data directory cannot take it.
/// The assessment stays open (and its progress file, if that can be written), so a later
/// retry still saves it in the usual place.
pub fn save_elsewhere(app: &mut App, path: &str, what: SaveFor) {
    let Some(session) = &app.session else { return };
    let path = match path.strip_prefix("~/") {
        Some(rest) => std::env::var_os("HOME").map_or_else(
            || std::path::PathBuf::from(path),
            |h| std::path::Path::new(&h).join(rest),
        ),
        None => std::path::PathBuf::from(path),
    };
    let result = session.result(&app.bank, app.now(), &mut app.rng);
    let written = toml::to_string(&result)
        .map_err(std::io::Error::other)
        .and_then(|text| crate::store::write_new_atomic(&path, text.as_bytes()));
    match written {
        Ok(()) => app.inform(format!(
            "Saved to {}. Add it to your results later with `rolefit score --answers {} --save`.",
            path.display(),
            path.display()
        )),
        Err(e) => {
            app.warn(format!("Could not write {}: {e}", path.display()));
            app.open_dialog(Dialog::save_failed(what, &e.to_string()));
        }
    }
}

/// Where "save elsewhere" suggests: the home folder, named after the time.
pub fn suggested_path(app: &App) -> String {
    let home = std::env::var_os("HOME").map_or_else(|| std::path::PathBuf::from("."), Into::into);
    home.join(format!(
        "rolefit-result-{}.toml",
        app.now().strftime("%Y%m%d-%H%M%S")
    ))
    .display()
    .to_string()
}

pub fn view(
    app: &App,
    cursor: usize,
    wrapped: &Wrapped,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut Hits,
) {
    let theme = &app.theme;
    let Some(session) = &app.session else { return };
    let a = session.assessment();
    let p = a.progress();
    let summary = if a.form == crate::bank::Form::Adaptive {
        let settle = match super::adaptive_more(&app.bank, a) {
            crate::adaptive::More::Nothing => "your result is clear".to_owned(),
            more => {
                format!("{more} to settle it (← goes on; finishing now gives a provisional result)")
            }
        };
        format!(
            " {} answered · {} skipped · {settle}. Enter changes an answer; f finishes.",
            p.answered, p.skipped
        )
    } else {
        format!(
            " {} answered · {} skipped · {} open. Enter changes an answer; f finishes.",
            p.answered,
            p.skipped,
            p.total - p.done()
        )
    };
    // Two lines at most: the adaptive form has more to say than the others.
    for (k, line) in crate::tui::widgets::text::wrap(&summary, area.width.saturating_sub(1))
        .iter()
        .take(2)
        .enumerate()
    {
        let line = if k == 0 {
            line.clone()
        } else {
            format!(" {line}")
        };
        buf.set_string(
            area.x,
            area.y + 1 + u16::try_from(k).unwrap_or(0),
            truncate(&line, usize::from(area.width)),
            theme.heading,
        );
    }
    let list = Rect {
        y: area.y + 3,
        height: area.height.saturating_sub(3),
        ..area
    };
    let h = usize::from(list.height);
    if h == 0 {
        return;
    }
    let max = usize::from(area.width);
    // " ▶ 12  " before the question; the answer gets a third of the width, two columns apart.
    let lead = 8;
    let answer_w = (max / 3).clamp(12, 34);
    let text_w = max.saturating_sub(lead + answer_w + 2).max(1);
    // Every question and answer whole: a row is as tall as its longer side wraps to. Wrapping
    // all 51 rows took about 0.55 ms a frame, and the review redraws on every key while its
    // texts stay the same: they are wrapped again only after an edit or at another width.
    let key = (session.edits(), text_w, answer_w);
    let cells = wrapped.get(key, || rows(app, a, text_w, answer_w));
    let height = |row: usize| cells.get(row).map_or(1, Row::height);
    // The list as lines (a row's lines, then "Finish"), scrolled so the cursor's row is in view,
    // with "more" marks where rows are out of sight.
    let starts: Vec<usize> = (0..=a.len())
        .scan(0, |line, row| {
            let start = *line;
            *line += height(row);
            Some(start)
        })
        .collect();
    let total = starts.last().map_or(0, |s| s + 1);
    let keep = starts.get(cursor).map_or(0..0, |&s| s..s + height(cursor));
    let (top, shown, above, below) = window(total, h, &keep);
    let row_of = |line: usize| starts.partition_point(|&s| s <= line).saturating_sub(1);
    let mark = |buf: &mut Buffer, y: u16, hint: &str| {
        more(buf, Rect::new(list.x, y, list.width, 1), hint, theme);
    };
    let mut y = list.y;
    if above {
        let hint = format!("▲ {} more above", row_of(top.saturating_sub(1)) + 1);
        mark(buf, y, &hint);
        y += 1;
    }
    for line in top..top + shown {
        let row = row_of(line);
        let k = line - starts.get(row).copied().unwrap_or(0);
        let rect = Rect::new(list.x, y, list.width, 1);
        hits.push((rect, Action::Click(row)));
        let selected = row == cursor;
        let style = if selected { theme.selected } else { theme.text };
        let marker = if selected { "▶" } else { " " };
        // Straight into the buffer: the list is drawn on every keypress, so no Line/Span per row.
        buf.set_style(rect, style);
        match cells.get(row) {
            None => {
                let finish = if selected { style } else { theme.key };
                let text = format!(" {marker}      Finish and see your result");
                buf.set_stringn(list.x, y, text, max, finish);
            }
            Some(cell) => {
                let answer_style = match (selected, cell.tone) {
                    (true, _) | (_, Tone::Answer) => style,
                    (false, Tone::Skipped) => theme.dim,
                    (false, Tone::Open) => theme.warning,
                };
                if k == 0 {
                    buf.set_stringn(list.x, y, format!(" {marker} {:>3}  ", row + 1), max, style);
                }
                let text_x = list.x + u16::try_from(lead).unwrap_or(0);
                if let Some(q) = cell.question.get(k) {
                    buf.set_stringn(text_x, y, q, text_w, style);
                }
                let answer_x = text_x.saturating_add(u16::try_from(text_w + 2).unwrap_or(u16::MAX));
                if let (Some(ans), true) = (cell.answer.get(k), answer_x < list.right()) {
                    let room = usize::from(list.right() - answer_x);
                    buf.set_stringn(answer_x, y, ans, room, answer_style);
                }
            }
        }
        y += 1;
    }
    if below {
        let hint = format!("▼ {} more below", a.len() + 1 - row_of(top + shown));
        mark(buf, y, &hint);
    }
}

/// How a row's answer is drawn when it is not the selected row.
#[derive(Clone, Copy, PartialEq)]
enum Tone {
    Answer,
    Skipped,
    Open,
}

/// One question of the list, wrapped to its columns.
pub struct Row {
    question: Vec<String>,
    answer: Vec<String>,
    tone: Tone,
}

impl Row {
    fn height(&self) -> usize {
        self.question.len().max(self.answer.len()).max(1)
    }
}

/// The review's rows wrapped to their columns, for (the session's edits, question width,
/// answer width).
pub type Wrapped = Memo<(u64, usize, usize), Vec<Row>>;

/// Every row (question text, answer, tone) wrapped to its columns.
fn rows(app: &App, a: &crate::engine::Assessment, text_w: usize, answer_w: usize) -> Vec<Row> {
    let width = |w: usize| u16::try_from(w).unwrap_or(u16::MAX);
    (0..a.len())
        .map(|row| {
            let q = a.question_at(&app.bank, row);
            let (answer, tone) = match (a.status(row), q) {
                (Status::Answered(ans), Some(q)) => (a.shown(q).describe(ans), Tone::Answer),
                (Status::Skipped, _) => ("skipped".to_owned(), Tone::Skipped),
                _ => ("— not answered".to_owned(), Tone::Open),
            };
            Row {
                question: wrap(q.map_or("", |q| q.text.as_str()), width(text_w)),
                answer: wrap(&answer, width(answer_w)),
                tone,
            }
        })
        .collect()
}
