//! The new-goal form on screen: each field's value wraps under itself, and the form scrolls to
//! keep the field with focus in view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Field, GoalForm, current, due_text};
use crate::report::{fmt_score, points};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::widgets::scroll::draw_window;
use crate::tui::widgets::text::{pad, width, wrap};

/// " ▶ " and the field's name: where a value starts, and where its wrapped lines go on.
const VALUE_X: usize = 3 + 11;

pub fn view(
    app: &App,
    f: &GoalForm,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut crate::tui::view::Hits,
) {
    let theme = &app.theme;
    let dim = app.bank.dimensions.get(f.dimension);
    let now = current(&app.bank, f);
    let lens_text = match f.lens {
        None => "both lenses (combined)".to_owned(),
        Some(l) => format!("only {}", l.title().to_lowercase()),
    };
    let direction = now.map(|n| {
        let d = f64::from(f.target) - n;
        let pole = if d >= 0.0 { "engineer" } else { "developer" };
        format!("{:.0} points toward {pole}", d.abs())
    });
    let values: [(String, String); 5] = [
        (
            dim.map_or_else(String::new, |d| d.title.clone()),
            format!("now {}", fmt_score(now)),
        ),
        (lens_text, String::new()),
        (
            points(Some(f64::from(f.target))),
            direction.unwrap_or_default(),
        ),
        (
            due_text(app.today(), f.due),
            "←/→ presets · Enter types a date".to_owned(),
        ),
        (
            if f.note.is_empty() {
                "(none)".to_owned()
            } else {
                f.note.clone()
            },
            "Enter to edit".to_owned(),
        ),
    ];
    let w = usize::from(area.width);
    let value_w = u16::try_from(w.saturating_sub(VALUE_X).max(1)).unwrap_or(u16::MAX);
    // Each line with the field it belongs to, for clicks and for keeping the focus in view.
    let mut lines: Vec<(Option<Action>, Line<'static>)> = vec![(None, Line::default())];
    let heading = format!(
        "New learning goal, starting from your result of {}",
        f.baseline_taken.strftime("%-d %b %Y")
    );
    for l in wrap(&heading, area.width) {
        lines.push((None, Line::styled(l, theme.heading)));
    }
    lines.push((None, Line::default()));
    let mut keep = 0..0;
    let values = values.iter().map(|(v, n)| (v.as_str(), n.as_str()));
    for (field, (value, note)) in Field::ALL
        .into_iter()
        .zip(values.chain([("[ Save goal ]", "")]))
    {
        let focus = field == f.field;
        let shown = if field.steps() {
            format!("◀ {value} ▶")
        } else {
            value.to_owned()
        };
        let save = field == Field::Save;
        let style = match (focus, save) {
            (true, _) => theme.selected,
            (false, true) => theme.key,
            (false, false) => theme.text,
        };
        let first = lines.len();
        if save {
            lines.push((None, Line::default()));
        }
        // Save is a button on the marker's column, not a field with a name.
        let label = field.label();
        let mut shown = wrap(&shown, value_w);
        let last = shown.pop().unwrap_or_default();
        // The note follows the value on its last line when it fits, else on lines of its own.
        let fits = width(&last) + 3 + width(note) <= usize::from(value_w);
        let mut spans_of = |k: usize, text: String, extra: Option<String>| {
            let marker = if focus { " ▶ " } else { "   " };
            let (marker, label) = match k {
                0 if label.is_empty() => (marker, String::new()),
                0 => (marker, pad(label, 11)),
                _ => ("", " ".repeat(VALUE_X)),
            };
            let mut spans = vec![
                Span::styled(marker, theme.text),
                Span::styled(label, theme.dim),
                Span::styled(text, style),
            ];
            if let Some(e) = extra {
                spans.push(Span::styled(e, theme.dim));
            }
            lines.push((Some(Action::Click(field as usize)), Line::from(spans)));
        };
        let n = shown.len();
        for (k, l) in shown.into_iter().enumerate() {
            spans_of(k, l, None);
        }
        if note.is_empty() || fits {
            let extra = (!note.is_empty()).then(|| format!("   {note}"));
            spans_of(n, last, extra);
        } else {
            spans_of(n, last, None);
            for l in wrap(note, value_w) {
                spans_of(n + 1, String::new(), Some(l));
            }
        }
        if focus {
            keep = first..lines.len();
        }
    }
    let mut tail = Vec::new();
    if let Some(d) = dim {
        tail.push(format!(
            "{}: engineer end “{}”, developer end “{}”.",
            d.title, d.engineer, d.developer
        ));
    }
    if let Some(h) = &f.hint {
        tail.push(format!("A step that fits: {h}"));
    }
    if !tail.is_empty() {
        lines.push((None, Line::default()));
    }
    for t in &tail {
        for l in wrap(t, area.width) {
            lines.push((None, Line::styled(l, theme.dim)));
        }
    }
    // Values are sanitised by `wrap`; labels and marks are our own.
    draw_window(&lines, &keep, area, buf, theme, hits);
}
