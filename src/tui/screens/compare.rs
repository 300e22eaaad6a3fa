//! Compare: two results on one gauge, every dimension's move (real or within noise), the
//! archetype change, goals on the way, and the answers that changed most. The words are
//! `report::compare_page`'s; this screen lays them out in columns and colours. `a` opens the
//! list of every changed answer and every question only one of the two asked.

mod rows;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::compare::{Comparison, compare};
use crate::report::compare_page::{Block, Key, MORE, sections};
use crate::report::two_marker_bar;
use crate::store::ResultFile;
use crate::tui::action::Action;
use crate::tui::app::{App, Next, Screen};
use crate::tui::widgets::memo::{Laid, LaidOut};
use crate::tui::widgets::scroll::Scroll;
use rows::{Cols, answer, hanging, header, row};

#[derive(Debug, Clone, PartialEq)]
pub struct CompareView {
    pub comparison: Comparison,
    pub scroll: Scroll,
    /// The list of every question (`a`), when open, and how far it is scrolled: closing it
    /// returns to the page where it was.
    pub questions: Option<Scroll>,
    /// The lines for the last body size drawn, and whether they are the list (the comparison
    /// never changes while it is open).
    pub laid_out: LaidOut<(u16, u16, bool)>,
}

/// Opens the comparison of two results, the older one as "before". Named the other way
/// round, they are swapped, and the screen says so.
pub fn open(app: &mut App, before: &ResultFile, after: &ResultFile) -> Next {
    let swapped = before.taken_at > after.taken_at;
    let (before, after) = if swapped {
        (after, before)
    } else {
        (before, after)
    };
    let mut goals = match app.store.load_goals() {
        Ok(g) => {
            if let Some(b) = g.unreadable.first() {
                app.warn(format!(
                    "Goals not shown: {}",
                    crate::report::unreadable_text(b)
                ));
            }
            g.goals
        }
        Err(e) => {
            app.warn(format!("Goals not shown: {e}"));
            Vec::new()
        }
    };
    crate::goals::with_baseline_margins(&app.store, &app.bank, &mut goals);
    let comparison = compare(&app.bank, before, after, &goals, app.today());
    let next = Next::Push(Screen::Compare(Box::new(CompareView {
        comparison,
        scroll: Scroll::default(),
        questions: None,
        laid_out: LaidOut::default(),
    })));
    if swapped {
        next.then_inform(SWAPPED.to_owned())
    } else {
        next
    }
}

/// Said when two results were named newest first.
pub const SWAPPED: &str =
    "Swapped: the result named first is the newer one, so it is shown as “after”.";

pub fn update(app: &mut App, action: Action) -> Next {
    let Screen::Compare(c) = &mut app.screen else {
        return Next::Stay;
    };
    let open = c.questions.is_some();
    let end = c.laid_out.end(|k| k.2 == open);
    let scroll = c.questions.as_mut().unwrap_or(&mut c.scroll);
    if scroll.update_within(action, end) {
        return Next::Stay;
    }
    match action {
        Action::Questions | Action::Quit if c.questions.is_some() => c.questions = None,
        Action::Questions => c.questions = Some(Scroll::default()),
        Action::Quit => return Next::Pop,
        _ => {}
    }
    Next::Stay
}

/// How to open the list, as the keymap binds it.
fn more_line() -> String {
    let key = crate::tui::keymap::bindings(crate::tui::keymap::Context::Compare)
        .iter()
        .find(|b| b.action == Action::Questions)
        .map_or("a", |b| b.keys);
    format!("Press {key} for {MORE}.")
}

/// The page (or, with `questions`, the list of every question) as lines for `width`.
pub fn lines(app: &App, c: &Comparison, questions: bool, width: u16) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let cols = Cols::for_width(width);
    let gauge_w = usize::from(width).saturating_sub(20).min(61);
    let mut out = Vec::new();
    for section in sections(c, &app.texts, questions) {
        if questions && !matches!(section.key, Key::Answers | Key::AskedOnce) {
            continue;
        }
        match section.key {
            Key::Top => {}
            Key::Table => out.extend([Line::default(), header(&cols, theme)]),
            _ => {
                if !out.is_empty() {
                    out.push(Line::default());
                }
                if !section.title.is_empty() {
                    out.push(Line::styled(section.title, theme.heading));
                }
            }
        }
        for b in section.blocks {
            match b {
                Block::Side { side, text, .. } => out.extend(hanging(
                    Span::styled(format!("{} {:<8}", side.glyph(), side.name()), theme.dim),
                    &text,
                    theme.text,
                    width,
                    true,
                )),
                Block::Note(t) if section.key == Key::Top => {
                    out.push(Line::styled(t, theme.marker))
                }
                Block::Note(t) => out.push(Line::styled(t, theme.dim)),
                Block::Gauge { before, after } => out.extend([
                    Line::default(),
                    Line::from(vec![
                        Span::styled("Developer ", theme.developer),
                        Span::styled(two_marker_bar(before, after, gauge_w), theme.marker),
                        Span::styled(" Engineer", theme.engineer),
                    ]),
                ]),
                Block::Field(label, t) => {
                    out.push(Line::styled(format!("{label}: {t}"), theme.heading))
                }
                Block::Row(r) => out.extend(row(&r, &cols, theme)),
                Block::Gap => out.push(Line::default()),
                Block::Goal(t) => {
                    out.extend(hanging(
                        Span::styled("  ★ ", theme.marker),
                        &t,
                        theme.marker,
                        width,
                        false,
                    ));
                }
                Block::Answer(a) => out.extend(answer(&a, theme, width)),
                Block::More => out.push(Line::styled(more_line(), theme.dim)),
            }
        }
    }
    out
}

/// `lines` with any line wider than `width` wrapped onto more lines, in its first span's style
/// (the table rows are built to fit; questions, answers and notes are prose).
fn fit(lines: Vec<Line<'static>>, width: u16) -> Vec<Line<'static>> {
    let mut out = Vec::with_capacity(lines.len());
    // Labels, question texts and answers come from files: sanitised before they are measured.
    for line in crate::tui::widgets::text::clean(lines) {
        if line.width() <= usize::from(width) {
            out.push(line);
            continue;
        }
        let style = line
            .spans
            .first()
            .map_or(line.style, |s| s.style.patch(line.style));
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        for part in crate::tui::widgets::text::wrap(&text, width) {
            out.push(Line::styled(part, style));
        }
    }
    out
}

pub fn view(app: &App, c: &CompareView, area: Rect, buf: &mut Buffer) {
    let open = c.questions.is_some();
    let laid = c.laid_out.get((area.width, area.height, open), || Laid {
        lines: fit(lines(app, &c.comparison, open, area.width), area.width),
        height: area.height,
    });
    // The shared scroller: what does not fit is a key away, and a hint says so.
    c.questions
        .as_ref()
        .unwrap_or(&c.scroll)
        .show(&laid, area, buf, &app.theme);
}
