//! Compare: two results on one gauge, every dimension's move (real or within noise), the
//! archetype change, goals on the way, and the answers that changed most. The words are
//! `report::compare_page`'s; this screen lays them out in columns and colours. `a` opens the
//! list of every changed answer and every question only one of the two asked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::compare::{Comparison, Delta, compare};
use crate::report::compare_page::{AnswerLine, Block, COLUMNS, Key, MORE, Row, sections};
use crate::report::two_marker_bar;
use crate::store::ResultFile;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::theme::Theme;
use crate::tui::widgets::scroll::Scroll;
use crate::tui::widgets::text::{pad, wrap};

#[derive(Debug, Clone, PartialEq)]
pub struct CompareView {
    pub comparison: Comparison,
    pub scroll: Scroll,
    /// The list of every question (`a`), when open, and how far it is scrolled: closing it
    /// returns to the page where it was.
    pub questions: Option<Scroll>,
    /// The laid-out lines for the last width drawn: building them is most of a frame's cost,
    /// and only a resize changes them.
    pub laid_out: std::cell::RefCell<Option<(u16, Vec<Line<'static>>)>>,
}

/// Opens the comparison of two results, the older one as "before". Named the other way
/// round, they are swapped, and the screen says so.
pub fn open(app: &mut App, before: &ResultFile, after: &ResultFile) {
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
    app.push(Screen::Compare(Box::new(CompareView {
        comparison,
        scroll: Scroll::default(),
        questions: None,
        laid_out: std::cell::RefCell::new(None),
    })));
    if swapped {
        app.inform(SWAPPED.to_owned());
    }
}

/// Said when two results were named newest first.
pub const SWAPPED: &str =
    "Swapped: the result named first is the newer one, so it is shown as “after”.";

pub fn update(app: &mut App, action: Action) {
    let Screen::Compare(c) = &mut app.screen else {
        return;
    };
    let scroll = c.questions.as_mut().unwrap_or(&mut c.scroll);
    if scroll.update(action) {
        return;
    }
    match action {
        Action::Questions | Action::Quit if c.questions.is_some() => c.questions = None,
        Action::Questions => c.questions = Some(Scroll::default()),
        Action::Quit => {
            app.pop();
            return;
        }
        _ => return,
    }
    // The other text is shown now: lay it out again.
    *c.laid_out.get_mut() = None;
}

/// Engineer-ward moves in the engineer colour, developer-ward in the developer colour; a move
/// within noise is dimmed, so only real changes catch the eye.
fn delta_style(d: &Delta, theme: &Theme) -> Style {
    match d.delta {
        _ if d.real_change != Some(true) => theme.dim,
        Some(v) if v > 0.0 => theme.engineer,
        Some(v) if v < 0.0 => theme.developer,
        _ => theme.text,
    }
}

/// Column widths. The bar, scores and change have fixed widths; the names and the verdict
/// share the rest, and wrap onto more lines where they do not fit: never cut, never shortened.
struct Cols {
    name: usize,
    bar: usize,
    /// The verdict's column, or `None` on a narrow screen: then it has a line of its own
    /// under the row's numbers.
    verdict: Option<usize>,
}

/// The columns between a name and its verdict besides the bar: two spaces around the bar,
/// "+100.0 → -100.0" (16), " ▶ +200.0" (9) and the space before the verdict.
const FIXED: usize = 2 + 16 + 9 + 1;
/// "too few answers to tell", the longest verdict, and its first three words.
const VERDICT: usize = 23;
const VERDICT_WRAPPED: usize = 15;
/// Names narrower than this wrap too often: below it, the verdict goes under the row.
const NAME: usize = 24;

impl Cols {
    fn for_width(width: u16) -> Cols {
        let width = usize::from(width);
        let bar = if width >= 96 { 21 } else { 11 };
        let rest = width.saturating_sub(bar + FIXED);
        let verdict = if rest >= NAME + VERDICT {
            Some(VERDICT)
        } else if rest >= NAME + VERDICT_WRAPPED {
            Some(VERDICT_WRAPPED)
        } else {
            None
        };
        Cols {
            name: (rest - verdict.unwrap_or(0)).clamp(10, 30),
            bar,
            verdict,
        }
    }
}

/// A row of the table: name, the bar with both markers, the scores, the move and its verdict.
/// A name or verdict wider than its column wraps onto lines of its own under the first.
fn row(r: &Row, cols: &Cols, theme: &Theme) -> Vec<Line<'static>> {
    let style = if r.strong { theme.heading } else { theme.text };
    let indent = if r.sub { 2 } else { 0 };
    let width = |w: usize| u16::try_from(w.max(1)).unwrap_or(u16::MAX);
    // A wrapped name goes on under its words, not under a goal's star.
    let (star, name) = match r.name.strip_prefix("★ ") {
        Some(rest) => ("★ ", rest),
        None => ("", r.name.as_str()),
    };
    let names: Vec<String> = wrap(name, width(cols.name - indent - star.chars().count()))
        .into_iter()
        .enumerate()
        .map(|(i, n)| {
            let lead = match (i, star) {
                (0, _) | (_, "") => star,
                _ => "  ",
            };
            format!("{:indent$}{lead}{n}", "")
        })
        .collect();
    let d = &r.delta;
    let verdict_style = delta_style(d, theme);
    // Under the row, the verdict starts below the scores and has the rest of the line.
    let under = cols.name + cols.bar + 2;
    let verdicts = match cols.verdict {
        Some(w) => wrap(r.verdict, width(w)),
        None if r.verdict.is_empty() => Vec::new(),
        None => vec![String::new(), r.verdict.to_owned()],
    };
    let mut out = Vec::new();
    for i in 0..names.len().max(verdicts.len()).max(1) {
        let name = names.get(i).map_or("", String::as_str);
        let verdict = verdicts.get(i).map_or("", String::as_str);
        let mut spans = vec![Span::styled(pad(name, cols.name), style)];
        if i == 0 {
            spans.extend([
                Span::styled(
                    format!(" {} ", two_marker_bar(d.before, d.after, cols.bar)),
                    theme.dim,
                ),
                Span::styled(format!("{:>6} → {:<6}", r.before, r.after), theme.text),
                Span::styled(format!(" {:<8}", r.change), verdict_style),
            ]);
        } else if cols.verdict.is_none() {
            spans.push(Span::raw(" ".repeat(under - cols.name)));
        } else {
            spans.push(Span::raw(" ".repeat(cols.bar + FIXED - 1)));
        }
        if !verdict.is_empty() {
            let gap = if cols.verdict.is_none() { "" } else { " " };
            spans.push(Span::styled(format!("{gap}{verdict}"), verdict_style));
        }
        out.push(Line::from(spans));
    }
    out
}

/// `text` wrapped to `width` after `prefix`, its later lines indented under its first.
fn hanging(
    prefix: Span<'static>,
    text: &str,
    style: Style,
    width: u16,
    whole_parts: bool,
) -> impl Iterator<Item = Line<'static>> {
    let indent = prefix.width();
    let room = u16::try_from(usize::from(width).saturating_sub(indent).max(1)).unwrap_or(1);
    let mut prefix = Some(prefix);
    let parts = if whole_parts {
        by_parts(text, room)
    } else {
        wrap(text, room)
    };
    parts.into_iter().map(move |part| {
        let lead = prefix
            .take()
            .unwrap_or_else(|| Span::raw(" ".repeat(indent)));
        Line::from(vec![lead, Span::styled(part, style)])
    })
}

/// `text` wrapped to `room` columns, keeping each " · "-separated part whole on a line where
/// it fits ("overall -51.9 ± 23" is not split between its number and margin).
fn by_parts(text: &str, room: u16) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for part in text.split(" · ") {
        let joined = if line.is_empty() {
            part.to_owned()
        } else {
            format!("{line} · {part}")
        };
        if crate::tui::widgets::text::width(&joined) <= usize::from(room) {
            line = joined;
            continue;
        }
        // The line break stands for the separator.
        if !line.is_empty() {
            lines.push(line);
        }
        // A part wider than the line wraps by words; its last piece starts the next line.
        let mut pieces = wrap(part, room);
        line = pieces.pop().unwrap_or_default();
        lines.extend(pieces);
    }
    lines.push(line);
    lines
}

/// The question, then what was answered, indented, with the pole it moved toward in its colour.
fn answer(a: &AnswerLine, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let style = match a.toward {
        Some(crate::bank::Pole::Engineer) => theme.engineer,
        Some(crate::bank::Pole::Developer) => theme.developer,
        None => theme.dim,
    };
    let mut out = vec![Line::styled(format!("“{}”", a.question), theme.text)];
    out.extend(hanging(
        Span::raw("   "),
        &a.answers,
        theme.dim,
        width,
        false,
    ));
    let toward = a.toward_text();
    match out.last_mut() {
        _ if toward.is_empty() => {}
        Some(last) if last.width() + 2 + toward.len() <= usize::from(width) => {
            last.spans.push(Span::styled(format!("  {toward}"), style));
        }
        _ => out.push(Line::styled(format!("   {toward}"), style)),
    }
    out
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
            Key::Table => out.extend([
                Line::default(),
                Line::styled(
                    format!(
                        "{}  {}  {} → {}  {}",
                        pad("", cols.name),
                        pad(
                            if cols.bar < 21 {
                                "◀dev · eng▶"
                            } else {
                                "◀ dev    ·    eng ▶"
                            },
                            cols.bar
                        ),
                        COLUMNS[0],
                        COLUMNS[1],
                        COLUMNS[2]
                    ),
                    theme.dim,
                ),
            ]),
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
    let mut cache = c.laid_out.borrow_mut();
    if cache.as_ref().is_none_or(|(w, _)| *w != area.width) {
        *cache = Some((
            area.width,
            fit(
                lines(app, &c.comparison, c.questions.is_some(), area.width),
                area.width,
            ),
        ));
    }
    let Some((_, lines)) = cache.as_ref() else {
        return;
    };
    // The shared scroller: what does not fit is a key away, and a hint says so.
    c.questions
        .as_ref()
        .unwrap_or(&c.scroll)
        .draw(lines, area, buf, &app.theme);
}
