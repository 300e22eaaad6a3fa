use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::answered;
use crate::engine::Status;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::dialog::{Dialog, SaveFor};
use crate::tui::view::Hits;
use crate::tui::widgets::text::truncate;

/// How far PgUp/PgDn move.
const PAGE: usize = 10;

pub fn update(app: &mut App, action: Action) {
    let Screen::Review { cursor } = app.screen else {
        return;
    };
    let Some(len) = app.session.as_ref().map(|s| s.assessment().len()) else {
        return;
    };
    // Rows: one per question, then "Finish".
    let last = len;
    let to = |c: usize| Screen::Review {
        cursor: c.min(last),
    };
    match action {
        Action::Up => app.screen = to(cursor.saturating_sub(1)),
        Action::Down => app.screen = to(cursor + 1),
        Action::PageUp => app.screen = to(cursor.saturating_sub(PAGE)),
        Action::PageDown => app.screen = to(cursor + PAGE),
        Action::Top => app.screen = to(0),
        Action::Bottom => app.screen = to(last),
        Action::Confirm => open_row(app, cursor, len),
        Action::Click(i) => open_row(app, i, len),
        Action::Finish => ask_finish(app),
        Action::Back => {
            let pos = app
                .session
                .as_ref()
                .map_or(0, |s| s.assessment().position());
            app.open_question(pos, false);
        }
        Action::Quit => app.open_dialog(Dialog::quit(answered(app))),
        _ => {}
    }
}

fn open_row(app: &mut App, row: usize, len: usize) {
    if row < len {
        app.open_question(row, true);
    } else {
        ask_finish(app);
    }
}

fn ask_finish(app: &mut App) {
    let Some(s) = &app.session else { return };
    let p = s.assessment().progress();
    let open = p.total - p.done();
    if open > 0 {
        app.open_dialog(Dialog::finish_with_open(open));
    } else {
        finish(app);
    }
}

/// Scores and saves the result; on failure the answers stay here and the person can retry.
pub fn finish(app: &mut App) {
    let Some(session) = &app.session else { return };
    let now = app.now();
    match session.finish(&app.bank, &app.store, now, &mut app.rng) {
        Ok(result) => {
            app.session = None;
            app.notice = None;
            app.open_result(&result, false);
        }
        Err(e) => {
            app.warn(format!("Could not save your result: {e}"));
            app.open_dialog(Dialog::save_failed(SaveFor::Result, &e.to_string()));
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

pub fn view(app: &App, cursor: usize, area: Rect, buf: &mut Buffer, hits: &mut Hits) {
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
    let rows = a.len() + 1;
    // Keep the highlighted row in view, about a third of the way down.
    let offset = cursor.saturating_sub(h / 3).min(rows.saturating_sub(h));
    let answer_w = (usize::from(area.width) / 3).clamp(12, 34);
    let max = usize::from(area.width);
    for (k, row) in (offset..rows).take(h).enumerate() {
        let y = list.y + u16::try_from(k).unwrap_or(0);
        let rect = Rect::new(list.x, y, list.width, 1);
        hits.push((rect, Action::Click(row)));
        let selected = row == cursor;
        let style = if selected { theme.selected } else { theme.text };
        let marker = if selected { "▶" } else { " " };
        // Straight into the buffer: a row is drawn on every keypress, so no Line/Span per row.
        buf.set_style(rect, style);
        if row == a.len() {
            let finish = if selected { style } else { theme.key };
            buf.set_stringn(
                list.x,
                y,
                format!(" {marker}      Finish and see your result"),
                max,
                finish,
            );
            continue;
        }
        let q = a.question_at(&app.bank, row);
        let (answer, answer_style) = match (a.status(row), q) {
            (Status::Answered(ans), Some(q)) => (a.shown(q).describe(ans), style),
            (Status::Skipped, _) => (
                "skipped".to_owned(),
                if selected { style } else { theme.dim },
            ),
            _ => (
                "— not answered".to_owned(),
                if selected { style } else { theme.warning },
            ),
        };
        let (x, _) = buf.set_stringn(list.x, y, format!(" {marker} {:>3}  ", row + 1), max, style);
        let text_w = max.saturating_sub(usize::from(x - list.x) + answer_w + 2);
        let text = q.map_or("", |q| q.text.as_str());
        buf.set_stringn(x, y, truncate(text, text_w), text_w, style);
        let answer_x = x + u16::try_from(text_w + 2).unwrap_or(u16::MAX);
        if answer_x < list.right() {
            let room = usize::from(list.right() - answer_x);
            buf.set_stringn(
                answer_x,
                y,
                truncate(&answer, answer_w.min(room)),
                room,
                answer_style,
            );
        }
    }
}
