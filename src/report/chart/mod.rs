//! Charts drawn in text: the archetype map, the enjoy-vs-do quadrant and the dimension bars.
//! Pure rows of text runs with an abstract tone each, so the terminal colours them and the text
//! and Markdown reports print them as they are: every front end draws the same chart.

use unicode_width::UnicodeWidthChar;

use crate::insight::{bands, pts};

mod map;
mod quadrant;
pub mod strip;

pub use map::map;
pub use quadrant::{CORNERS, QuadrantNames, corner, quadrant};

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
pub(crate) struct Grid {
    pub(crate) w: usize,
    pub(crate) rows: Vec<Vec<(Option<char>, Tone)>>,
}

impl Grid {
    pub(crate) fn new(w: usize) -> Grid {
        Grid {
            w,
            rows: Vec::new(),
        }
    }

    pub(crate) fn row(&mut self, fill: char, tone: Tone) -> usize {
        self.rows.push(vec![(Some(fill), tone); self.w]);
        self.rows.len() - 1
    }

    pub(crate) fn put(&mut self, y: usize, x: usize, text: &str, tone: Tone) {
        let mut x = x;
        // Labels on a chart come from a bank or a result: shown escaped, never dropped.
        for ch in crate::sanitize::line(text).chars() {
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

    pub(crate) fn into_rows(self) -> Vec<Row> {
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

/// A score nearer 0 than this reads as 0 at one decimal ("0.0"): only such a score is drawn
/// on a chart's middle line.
pub const READS_AS_ZERO: f64 = 0.05;

/// The cell (0..n) of a score in [-100, 100] along a line of `n` cells, 0 at `n / 2`: the one
/// placement every chart uses, for columns and for the quadrant's rows. A score that does not
/// read as 0 is always on its own side of the middle, at every size, so a small chart and a big
/// one agree on the side (plain rounding put "do today -46" on the middle row of a five-row
/// quadrant, level with a +12).
pub fn column(score: f64, n: usize) -> usize {
    let span = n.saturating_sub(1) as f64;
    let mid = n / 2;
    // In 0..=span, which came from a usize.
    let at = (((score.clamp(-100.0, 100.0) + 100.0) / 200.0) * span).round() as usize;
    if score >= READS_AS_ZERO && at <= mid && mid + 1 < n {
        mid + 1
    } else if score <= -READS_AS_ZERO && at >= mid && mid > 0 {
        mid - 1
    } else {
        at
    }
}

pub(crate) fn wrap(text: &str, w: usize) -> Vec<String> {
    textwrap::wrap(text, textwrap::Options::new(w.max(1)).break_words(true))
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
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

/// `bar` as plain text, for outputs without colour (the Markdown's table).
pub fn bar_text(score: f64, enjoy: Option<f64>, doing: Option<f64>, w: usize) -> String {
    plain(&bar(score, enjoy, doing, w))
}

/// A row as plain text.
pub fn plain(row: &Row) -> String {
    row.iter().map(|(s, _)| s.as_str()).collect()
}

/// One row per dimension (more when a title wraps): the title, a bar with ◆ and ●, the score
/// with its margin; a header row and a legend. Narrow widths put the bar under the title.
pub fn dimensions(dims: &[super::DimRow], w: usize) -> Vec<Row> {
    // The numbers right-aligned in one column and what follows them left-aligned, so "-50.0, too
    // few answers (2)" and "-33.3 ± 65" line up on their numbers.
    let parts: Vec<Option<(String, String)>> = dims
        .iter()
        .map(|d| super::score_parts(d.combined, d.margin, d.answered))
        .collect();
    let number_w = parts
        .iter()
        .flatten()
        .map(|(n, _)| text_width(n))
        .max()
        .unwrap_or(0);
    let scores: Vec<String> = dims
        .iter()
        .zip(&parts)
        .map(|(d, p)| match p {
            Some((n, rest)) => format!("{n:>number_w$}{rest}"),
            None => super::score_with_margin(d.combined, d.margin, d.answered),
        })
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
                let text = format!("{score:<score_w$}");
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
