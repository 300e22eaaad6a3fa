//! Compare: two results on one gauge, every dimension's move (real or within noise), the
//! archetype change, goals on the way, and the answers that changed most.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::compare::{Comparison, Delta, compare};
use crate::report::{
    archetype_change, delta_text, fmt_score, goal_move_text, noise_text, two_marker_bar,
};
use crate::store::ResultFile;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::theme::Theme;
use crate::tui::widgets::memo::{Laid, LaidOut};
use crate::tui::widgets::scroll::Scroll;
use crate::tui::widgets::text::{pad, wrap};

#[derive(Debug, Clone, PartialEq)]
pub struct CompareView {
    pub comparison: Comparison,
    pub scroll: Scroll,
    /// The lines for the last body size drawn (the comparison never changes while it is open).
    pub laid_out: LaidOut<(u16, u16)>,
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
        laid_out: LaidOut::default(),
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
    if c.scroll.update_within(action, c.laid_out.end(|_| true)) {
        return;
    }
    if action == Action::Quit {
        app.pop();
    }
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

fn side(r: &ResultFile) -> String {
    format!(
        "{} · {} form{}",
        r.taken_at.strftime("%-d %b %Y %H:%M"),
        r.form.as_str(),
        crate::report::label_suffix(&r.label)
    )
}

/// Column widths: a narrow terminal gets a shorter bar and one-word verdicts.
struct Cols {
    name: usize,
    bar: usize,
    short: bool,
}

impl Cols {
    fn for_width(width: u16) -> Cols {
        let width = usize::from(width);
        let (bar, short) = if width >= 96 { (21, false) } else { (11, true) };
        let verdict = if short { 6 } else { 23 };
        Cols {
            name: width
                .saturating_sub(bar + 2 + 16 + 9 + verdict)
                .clamp(10, 30),
            bar,
            short,
        }
    }
}

fn verdict(d: &Delta, short: bool) -> &'static str {
    match (short, d.delta.is_some(), d.real_change) {
        (_, false, _) => "",
        (true, true, Some(true)) => "real",
        (true, true, Some(false)) => "noise",
        (true, true, None) => "unsure",
        (false, ..) => noise_text(d),
    }
}

/// A row of the table: name, the bar with both markers, the scores, the move and its verdict.
/// A name wider than its column wraps onto lines of its own under the first, never cut.
fn row(name: &str, d: &Delta, cols: &Cols, theme: &Theme, bold: bool) -> Vec<Line<'static>> {
    let style = if bold { theme.heading } else { theme.text };
    // The indent of "  enjoy" is kept on every line of a wrapped name.
    let indent = name.len() - name.trim_start().len();
    let width = u16::try_from(cols.name.saturating_sub(indent).max(1)).unwrap_or(u16::MAX);
    let mut names = wrap(name.trim_start(), width)
        .into_iter()
        .map(|n| format!("{:indent$}{n}", ""));
    let first = names.next().unwrap_or_default();
    let mut out = vec![Line::from(vec![
        Span::styled(pad(&first, cols.name), style),
        Span::styled(
            format!(" {} ", two_marker_bar(d.before, d.after, cols.bar)),
            theme.dim,
        ),
        Span::styled(
            format!("{:>6} → {:<6}", fmt_score(d.before), fmt_score(d.after)),
            theme.text,
        ),
        Span::styled(format!(" {:<8}", delta_text(d)), delta_style(d, theme)),
        Span::styled(
            format!(" {}", verdict(d, cols.short)),
            delta_style(d, theme),
        ),
    ])];
    out.extend(names.map(|n| Line::styled(n, style)));
    out
}

pub fn lines(app: &App, c: &Comparison, width: u16) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let cols = Cols::for_width(width);
    let gauge_w = usize::from(width).saturating_sub(20).min(61);
    let mut out = vec![
        Line::from(vec![
            Span::styled("◇ Before  ", theme.dim),
            Span::styled(side(&c.before), theme.text),
        ]),
        Line::from(vec![
            Span::styled("● After   ", theme.dim),
            Span::styled(side(&c.after), theme.text),
        ]),
    ];
    for note in crate::report::forms_note(c)
        .into_iter()
        .chain(crate::report::context_note(c))
    {
        out.push(Line::styled(note, theme.marker));
    }
    out.extend([
        Line::default(),
        Line::from(vec![
            Span::styled("Developer ", theme.developer),
            Span::styled(
                two_marker_bar(c.overall.before, c.overall.after, gauge_w),
                theme.marker,
            ),
            Span::styled(" Engineer", theme.engineer),
        ]),
        Line::styled(
            format!("Archetype: {}", archetype_change(&app.texts, c)),
            theme.heading,
        ),
        Line::default(),
        Line::styled(
            format!(
                "{}  {}  before → after  change",
                pad("", cols.name),
                pad(
                    if cols.short {
                        "◀dev · eng▶"
                    } else {
                        "◀ dev    ·    eng ▶"
                    },
                    cols.bar
                )
            ),
            theme.dim,
        ),
    ]);
    out.extend(row("Overall", &c.overall, &cols, theme, true));
    out.extend(row("What you enjoy", &c.preference, &cols, theme, false));
    out.extend(row("What you do today", &c.practice, &cols, theme, false));
    out.push(Line::default());
    for d in &c.dimensions {
        let star = if d.goals.is_empty() { "" } else { "★ " };
        out.extend(row(
            &format!("{star}{}", d.title),
            &d.combined,
            &cols,
            theme,
            true,
        ));
        out.extend(row("  enjoy", &d.preference, &cols, theme, false));
        out.extend(row("  do today", &d.practice, &cols, theme, false));
        for g in &d.goals {
            out.push(Line::styled(
                format!("  ★ {}", goal_move_text(g)),
                theme.marker,
            ));
        }
    }
    if !c.changed_answers.is_empty() {
        out.push(Line::default());
        out.push(Line::styled("Answers that changed most", theme.heading));
        for a in c.changed_answers.iter().take(crate::report::SHOWN_ANSWERS) {
            let toward = match a.shift {
                Some(s) if s > 0.0 => ("toward engineer", theme.engineer),
                Some(s) if s < 0.0 => ("toward developer", theme.developer),
                _ => ("", theme.dim),
            };
            out.push(Line::styled(
                format!("“{}”", a.text.as_deref().unwrap_or(&a.id)),
                theme.text,
            ));
            out.push(Line::from(vec![
                Span::styled(format!("   {} → {}  ", a.before, a.after), theme.dim),
                Span::styled(toward.0, toward.1),
            ]));
        }
    }
    let mut notes: Vec<String> = crate::report::shared_note(c).into_iter().collect();
    notes.push("A change is real only when it is larger than both margins combined; anything smaller is within noise. A score from fewer than 3 answers has no margin: too few answers to tell (\"unsure\").".into());
    out.push(Line::default());
    out.extend(notes.into_iter().map(|n| Line::styled(n, theme.dim)));
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
    let laid = c.laid_out.get((area.width, area.height), || Laid {
        lines: fit(lines(app, &c.comparison, area.width), area.width),
        height: area.height,
    });
    // The shared scroller: what does not fit is a key away, and a hint says so.
    c.scroll.show(&laid, area, buf, &app.theme);
}
