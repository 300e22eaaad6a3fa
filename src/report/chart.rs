//! Charts drawn in text: the archetype map, the enjoy-vs-do quadrant and the dimension bars.
//! Pure rows of text runs with an abstract tone each, so the terminal colours them and the text
//! and Markdown reports print them as they are: every front end draws the same chart.

use unicode_width::UnicodeWidthChar;

use crate::insight::{BORDERS, Placement, bands, pts};

/// What a run of a chart is, for a front end to style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Text,
    Dim,
    /// The person: their position, margin, point.
    Marker,
    /// The name of the band or quadrant the person is in.
    Strong,
    Engineer,
    Developer,
}

pub type Row = Vec<(String, Tone)>;

/// A grid of one-column cells; wide characters take two (the second left empty).
struct Grid {
    w: usize,
    rows: Vec<Vec<(Option<char>, Tone)>>,
}

impl Grid {
    fn new(w: usize) -> Grid {
        Grid {
            w,
            rows: Vec::new(),
        }
    }

    fn row(&mut self, fill: char, tone: Tone) -> usize {
        self.rows.push(vec![(Some(fill), tone); self.w]);
        self.rows.len() - 1
    }

    fn put(&mut self, y: usize, x: usize, text: &str, tone: Tone) {
        let mut x = x;
        for ch in text.chars() {
            let cw = ch.width().unwrap_or(0);
            if cw == 0 {
                continue;
            }
            if x + cw > self.w {
                return;
            }
            self.rows[y][x] = (Some(ch), tone);
            if cw == 2 {
                self.rows[y][x + 1] = (None, tone);
            }
            x += cw;
        }
    }

    fn into_rows(self) -> Vec<Row> {
        self.rows
            .into_iter()
            .map(|cells| {
                let mut row: Row = Vec::new();
                for (ch, tone) in cells {
                    let Some(ch) = ch else { continue };
                    match row.last_mut() {
                        Some((s, t)) if *t == tone => s.push(ch),
                        _ => row.push((ch.to_string(), tone)),
                    }
                }
                row
            })
            .collect()
    }
}

pub fn text_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Column (0..w) of a score in [-100, 100].
pub fn column(score: f64, w: usize) -> usize {
    let span = w.saturating_sub(1) as f64;
    // In 0..=span, which came from a usize.
    (((score.clamp(-100.0, 100.0) + 100.0) / 200.0) * span).round() as usize
}

fn wrap(text: &str, w: usize) -> Vec<String> {
    textwrap::wrap(text, textwrap::Options::new(w.max(1)).break_words(true))
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// The five bands along the spectrum with their names and borders, the position with its
/// margin, and the scale. `title` names an archetype. At least 20 columns.
pub fn map(
    p: &Placement,
    w: usize,
    title: &dyn Fn(crate::scoring::Archetype) -> String,
) -> Vec<Row> {
    let w = w.max(20);
    let mut g = Grid::new(w);
    let bands = bands();
    let spans: Vec<(usize, usize)> = bands
        .iter()
        .map(|(_, from, to)| {
            let a = if *from <= -100.0 {
                0
            } else {
                column(*from, w) + 1
            };
            let b = if *to >= 100.0 { w } else { column(*to, w) };
            (a, b.max(a + 1))
        })
        .collect();
    let names: Vec<Vec<String>> = bands
        .iter()
        .zip(&spans)
        .map(|((a, _, _), (x0, x1))| wrap(&title(*a), x1 - x0))
        .collect();
    let name_rows = names.iter().map(Vec::len).max().unwrap_or(1);
    for r in 0..name_rows {
        let y = g.row(' ', Tone::Text);
        for (((a, _, _), lines), (x0, x1)) in bands.iter().zip(&names).zip(&spans) {
            if let Some(line) = lines.get(r) {
                let x = x0 + (x1 - x0).saturating_sub(text_width(line)) / 2;
                let tone = if p.band == Some(*a) {
                    Tone::Strong
                } else {
                    Tone::Dim
                };
                g.put(y, x, line, tone);
            }
        }
    }
    let y = g.row('─', Tone::Dim);
    for b in BORDERS {
        g.put(y, column(b, w), "┼", Tone::Text);
    }
    if let Some(m) = p.margin {
        let (lo, hi) = (column(p.position - m, w), column(p.position + m, w));
        for x in lo..=hi {
            g.put(y, x, "═", Tone::Marker);
        }
    }
    g.put(y, column(p.position, w), "●", Tone::Marker);
    let y = g.row(' ', Tone::Dim);
    let mut ticks = vec![(-100.0, "-100".to_owned())];
    ticks.extend(BORDERS.iter().map(|b| (*b, pts(*b))));
    ticks.push((100.0, "+100".to_owned()));
    for (v, label) in ticks {
        let lw = text_width(&label);
        let x = column(v, w).saturating_sub(lw / 2).min(w - lw);
        g.put(y, x, &label, Tone::Dim);
    }
    g.into_rows()
}

/// "Product developer -100 to -60 · ...": the bands and their ranges in words, for outputs
/// whose map may wrap a name.
pub fn band_legend(title: &dyn Fn(crate::scoring::Archetype) -> String) -> String {
    bands()
        .iter()
        .map(|(a, from, to)| format!("{} {} to {}", title(*a), pts(*from), pts(*to)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Two labels on one row, one at each end; when they do not fit, each wraps within its half.
fn ends(g: &mut Grid, left: (&str, Tone), right: (&str, Tone)) {
    let w = g.w;
    let (lw, rw) = (text_width(left.0), text_width(right.0));
    let (l, r) = if lw + rw < w {
        (vec![left.0.to_owned()], vec![right.0.to_owned()])
    } else {
        let half = (w - 1) / 2;
        (wrap(left.0, half), wrap(right.0, half))
    };
    for i in 0..l.len().max(r.len()) {
        let y = g.row(' ', Tone::Text);
        if let Some(t) = l.get(i) {
            g.put(y, 0, t, left.1);
        }
        if let Some(t) = r.get(i) {
            g.put(y, w.saturating_sub(text_width(t)), t, right.1);
        }
    }
}

/// The quadrant names, engineer-side practice first: top-left, top-right, bottom-left,
/// bottom-right, and the middle.
pub struct QuadrantNames<'a> {
    pub top_left: &'a str,
    pub top_right: &'a str,
    pub bottom_left: &'a str,
    pub bottom_right: &'a str,
    pub balanced: &'a str,
    /// Which of the five the point is in: 0-3 in the order above, 4 the middle.
    pub current: usize,
}

/// The quadrants in the corners the charts put them: top-left, top-right, bottom-left,
/// bottom-right (x = what you enjoy, y = what you do today).
pub const CORNERS: [crate::assets::QuadrantId; 4] = [
    crate::assets::QuadrantId::DeveloperOnEngineerDuty,
    crate::assets::QuadrantId::EngineerByChoice,
    crate::assets::QuadrantId::DeveloperByChoice,
    crate::assets::QuadrantId::EngineerOnDeveloperDuty,
];

/// Where a quadrant is drawn: its index in `CORNERS`, or 4 for the balanced middle.
pub fn corner(q: Option<crate::assets::QuadrantId>) -> usize {
    CORNERS.iter().position(|c| Some(*c) == q).unwrap_or(4)
}

/// The first label that fits in `room` columns.
fn fitting<'a>(options: &[&'a str], room: usize) -> &'a str {
    options
        .iter()
        .find(|o| text_width(o) <= room)
        .copied()
        .unwrap_or("")
}

/// What you enjoy (x) against what you do today (y): the four quadrants named outside the plot
/// so the point never covers a name, the axes labelled on the frame, the balanced middle
/// shaded, and the point. `w` at least 24 columns, `h` at least 5 plot rows.
pub fn quadrant(pref: f64, prac: f64, w: usize, h: usize, n: &QuadrantNames<'_>) -> Vec<Row> {
    // Odd sizes put the axes on a middle column and row.
    let w = w.max(24) | 1;
    let h = h.max(5) | 1;
    let mut g = Grid::new(w);
    let tone = |i: usize| {
        if n.current == i {
            Tone::Strong
        } else {
            Tone::Dim
        }
    };
    ends(&mut g, (n.top_left, tone(0)), (n.top_right, tone(1)));
    let top = g.rows.len();
    let (mid_x, mid_y) = (w / 2, top + h / 2);
    let inner_w = w - 2;
    let col = |v: f64| 1 + column(v, inner_w);
    let row = |v: f64| top + 1 + column(-v, h - 2);
    for y in 0..h {
        let r = g.row(' ', Tone::Dim);
        let (l, m, rt, fill) = match y {
            0 => ("┌", "┬", "┐", '─'),
            _ if y == h - 1 => ("└", "┴", "┘", '─'),
            _ if r == mid_y => ("├", "┼", "┤", '─'),
            _ => ("│", "│", "│", ' '),
        };
        for x in 1..w - 1 {
            g.put(r, x, &fill.to_string(), Tone::Dim);
        }
        g.put(r, 0, l, Tone::Dim);
        g.put(r, mid_x, m, Tone::Dim);
        g.put(r, w - 1, rt, Tone::Dim);
    }
    let half = mid_x.saturating_sub(2);
    let up = fitting(&["▲ do today: engineer", "▲ do: engineer", "▲ eng"], half);
    let down = fitting(&["▼ do today: developer", "▼ do: developer", "▼ dev"], half);
    g.put(top, 2, up, Tone::Text);
    g.put(top + h - 1, 2, down, Tone::Text);
    // The balanced middle: at least one cell either side of the axes, so it is always seen.
    let dx = (mid_x - col(-crate::assets::BALANCED_WITHIN)).max(1);
    let dy = (mid_y - row(crate::assets::BALANCED_WITHIN)).max(1);
    let (x0, x1, y0, y1) = (mid_x - dx, mid_x + dx, mid_y - dy, mid_y + dy);
    let shade = if n.current == 4 {
        Tone::Strong
    } else {
        Tone::Dim
    };
    for y in y0..=y1 {
        for x in x0..=x1 {
            if x != mid_x && y != mid_y {
                g.put(y, x, "░", shade);
            }
        }
    }
    let legend = format!("░ {} ±{:.0}", n.balanced, crate::assets::BALANCED_WITHIN);
    if text_width(&legend) + 2 <= half {
        g.put(top + h - 1, w - 2 - text_width(&legend), &legend, shade);
    }
    g.put(row(prac), col(pref), "●", Tone::Marker);
    ends(&mut g, (n.bottom_left, tone(2)), (n.bottom_right, tone(3)));
    let left = fitting(&["◀ enjoy: developer", "◀ enjoy: dev", "◀"], half);
    let right = fitting(&["enjoy: engineer ▶", "enjoy: eng ▶", "▶"], half);
    ends(&mut g, (left, Tone::Text), (right, Tone::Text));
    if text_width(&legend) + 2 > half {
        let y = g.row(' ', Tone::Text);
        g.put(y, 0, &legend, shade);
    }
    g.into_rows()
}

/// A bar centred on 0 filled to `score`, with ◆ at what you enjoy and ● at what you do today.
pub fn bar(score: f64, enjoy: Option<f64>, doing: Option<f64>, w: usize) -> Row {
    let w = w.max(3) | 1;
    let mut g = Grid::new(w);
    let y = g.row('·', Tone::Dim);
    let mid = w / 2;
    let at = column(score, w);
    let (from, to, tone) = if at < mid {
        (at, mid, Tone::Developer)
    } else {
        (mid, at, Tone::Engineer)
    };
    for x in from..=to {
        g.put(y, x, "█", tone);
    }
    g.put(y, mid, "│", Tone::Text);
    for (v, glyph) in [(enjoy, "◆"), (doing, "●")] {
        if let Some(v) = v {
            g.put(y, column(v, w), glyph, Tone::Marker);
        }
    }
    g.into_rows().pop().unwrap_or_default()
}

/// A row as plain text.
pub fn plain(row: &Row) -> String {
    row.iter().map(|(s, _)| s.as_str()).collect()
}

/// One row per dimension (more when a title wraps): the title, a bar with ◆ and ●, the score
/// with its margin; a header row and a legend. Narrow widths put the bar under the title.
pub fn dimensions(dims: &[super::DimRow], w: usize) -> Vec<Row> {
    let scores: Vec<String> = dims
        .iter()
        .map(|d| super::score_with_margin(d.combined, d.margin, d.answered))
        .collect();
    let score_w = scores.iter().map(|s| text_width(s)).max().unwrap_or(0);
    let longest = dims.iter().map(|d| text_width(&d.title)).max().unwrap_or(0);
    // Titles get what a bar of 15 and the scores leave, so they rarely wrap.
    let title_w = longest.clamp(12, w.saturating_sub(score_w + 17).max(12));
    let wide = w >= title_w + 1 + 15 + 1 + score_w;
    let bar_w = if wide {
        w - title_w - 2 - score_w
    } else {
        w.saturating_sub(2).max(9)
    };
    // Bars are drawn odd-width (a middle column for 0).
    let bar_w = bar_w - usize::from(bar_w % 2 == 0);
    let bar_x = if wide { title_w + 1 } else { 2 };
    let mut g = Grid::new(w.max(bar_x + bar_w));
    let y = g.row(' ', Tone::Text);
    if wide {
        g.put(y, 0, "By dimension", Tone::Strong);
    }
    let (l, r) = if bar_w >= 26 {
        ("◀ developer", "engineer ▶")
    } else {
        ("◀ dev", "eng ▶")
    };
    g.put(y, bar_x, l, Tone::Developer);
    g.put(y, bar_x + bar_w - text_width(r), r, Tone::Engineer);
    for (d, score) in dims.iter().zip(&scores) {
        let title = wrap(&d.title, if wide { title_w } else { w });
        let first = g.row(' ', Tone::Text);
        g.put(
            first,
            0,
            title.first().map_or("", |t| t.as_str()),
            Tone::Text,
        );
        for t in title.iter().skip(1) {
            let y = g.row(' ', Tone::Text);
            g.put(y, 0, t, Tone::Text);
        }
        let y = if wide { first } else { g.row(' ', Tone::Text) };
        match d.combined {
            Some(v) => {
                let b = bar(v, d.preference, d.practice, bar_w);
                let mut x = bar_x;
                for (text, tone) in b {
                    g.put(y, x, &text, tone);
                    x += text_width(&text);
                }
                let sx = if wide { bar_x + bar_w + 1 } else { x + 1 };
                let text = format!("{score:>score_w$}");
                if sx + text_width(&text) <= g.w {
                    g.put(y, sx, &text, Tone::Text);
                } else {
                    let y = g.row(' ', Tone::Text);
                    g.put(y, bar_x, score, Tone::Text);
                }
            }
            None => g.put(y, bar_x, "not enough answers", Tone::Dim),
        }
    }
    let legend = "◆ what you enjoy  ● what you do today";
    let y = g.row(' ', Tone::Text);
    if bar_x + text_width(legend) <= g.w {
        g.put(y, bar_x, legend, Tone::Dim);
    } else {
        g.put(y, 0, "◆ what you enjoy", Tone::Dim);
        let y = g.row(' ', Tone::Text);
        g.put(y, 0, "● what you do today", Tone::Dim);
    }
    g.into_rows()
}

/// A chart of a result at a width (and, for the quadrant, a plot height).
pub fn draw(s: &super::Summary, c: super::page::Chart, w: usize, h: usize) -> Vec<Row> {
    use super::page::Chart;
    match c {
        Chart::Map => s
            .insight
            .placement
            .as_ref()
            .map(|p| map(p, w, &|a| s.band_title(a)))
            .unwrap_or_default(),
        Chart::Dimensions => dimensions(&s.dims, w),
        Chart::Quadrant => match (s.result.scores.preference, s.result.scores.practice) {
            (Some(p), Some(q)) => {
                let names = QuadrantNames {
                    top_left: s.quadrant_title(CORNERS[0]),
                    top_right: s.quadrant_title(CORNERS[1]),
                    bottom_left: s.quadrant_title(CORNERS[2]),
                    bottom_right: s.quadrant_title(CORNERS[3]),
                    balanced: s.quadrant_title(crate::assets::QuadrantId::Balanced),
                    current: corner(s.insight.quadrant),
                };
                quadrant(p, q, w, h, &names)
            }
            _ => Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(current: usize) -> QuadrantNames<'static> {
        QuadrantNames {
            top_left: "Developer on engineer duty",
            top_right: "Engineer by choice",
            bottom_left: "Developer by choice",
            bottom_right: "Engineer on developer duty",
            balanced: "Balanced",
            current,
        }
    }

    #[test]
    fn the_point_never_covers_a_quadrant_name_and_every_name_is_whole() {
        for (w, h) in [(24, 5), (37, 9), (49, 11), (61, 15)] {
            for p in (-100..=100).step_by(25) {
                for q in (-100..=100).step_by(25) {
                    let rows = quadrant(f64::from(p), f64::from(q), w, h, &names(1));
                    let text: Vec<String> = rows.iter().map(plain).collect();
                    let with_point: Vec<&String> =
                        text.iter().filter(|r| r.contains('●')).collect();
                    assert_eq!(with_point.len(), 1, "{text:#?}");
                    // The point is inside the frame, on a row that names nothing.
                    assert!(with_point[0].starts_with(['│', '├']), "{text:#?}");
                    // Every word of every name is there (narrow charts wrap a name in its half).
                    let words: Vec<&str> = text.iter().flat_map(|r| r.split_whitespace()).collect();
                    for word in "Developer on engineer duty Engineer by choice Developer by choice Engineer on developer duty".split(' ') {
                        assert!(words.contains(&word), "{word} at {w}x{h}: {text:#?}");
                    }
                    assert!(!text.concat().contains('…'));
                }
            }
        }
    }

    #[test]
    fn the_map_names_every_band_and_marks_the_position_and_margin() {
        let p = crate::insight::Placement {
            position: -51.9,
            margin: Some(23.0),
            band: Some(crate::scoring::Archetype::DeveloperLeaning),
            nearest: None,
            neighbours: Vec::new(),
            straddles: Vec::new(),
        };
        for w in [20, 58, 98, 158] {
            let rows = map(&p, w, &|a| a.id().to_owned());
            let text: Vec<String> = rows.iter().map(plain).collect();
            let track = text
                .iter()
                .find(|r| r.contains('●'))
                .unwrap_or_else(|| panic!("{text:#?}"));
            // The borders not under the margin are drawn; the margin is drawn.
            assert!(track.contains('┼') && track.contains('═'), "{text:#?}");
            assert!(text.iter().all(|r| text_width(r) <= w.max(20)));
            if w >= 98 {
                for a in crate::scoring::Archetype::ALL {
                    assert!(text.concat().contains(a.id()), "{text:#?}");
                }
            }
        }
        let none = crate::insight::Placement { margin: None, ..p };
        let text: Vec<String> = map(&none, 98, &|a| a.id().to_owned())
            .iter()
            .map(plain)
            .collect();
        assert!(!text.concat().contains('═'), "no margin, no band");
    }
}
