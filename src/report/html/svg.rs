//! The HTML report's charts as inline SVG: the archetype map, the dimension bars and the
//! enjoy-vs-do quadrant. No scripts, no fonts fetched: they print as drawn.

use std::fmt::Write;

use super::esc;
use crate::insight::{Placement, bands, pts};
use crate::scoring::Archetype;
use crate::scoring::EDGES;

/// x of a score in [-100, 100] on a track from `x0` of `width`.
fn x(score: f64, x0: f64, width: f64) -> f64 {
    x0 + (score.clamp(-100.0, 100.0) + 100.0) / 200.0 * width
}

/// A name in at most two lines of about `chars` characters, as `<tspan>`s centred on `cx`.
fn two_lines(name: &str, cx: f64, y: f64, chars: usize) -> String {
    let lines = textwrap::wrap(name, chars.max(4));
    let mut out = String::new();
    let first_y = if lines.len() > 1 { y - 14.0 } else { y };
    for (i, l) in lines.iter().take(2).enumerate() {
        let _ = write!(
            out,
            "<tspan x=\"{cx:.1}\" y=\"{:.1}\">{}</tspan>",
            first_y + 14.0 * i as f64,
            esc(l)
        );
    }
    out
}

/// The five bands with their names and borders, the position and its margin, the scale.
pub fn map(p: &Placement, title: &dyn Fn(Archetype) -> String) -> String {
    let (x0, w) = (20.0, 760.0);
    let mut svg = String::from(
        "<svg viewBox=\"0 0 800 120\" width=\"800\" height=\"120\" role=\"img\" aria-label=\"the archetype map\" class=\"chart\">",
    );
    for (a, from, to) in bands() {
        let (a0, a1) = (x(from, x0, w), x(to, x0, w));
        let here = p.band == Some(a);
        let _ = write!(
            svg,
            "<rect x=\"{a0:.1}\" y=\"46\" width=\"{:.1}\" height=\"22\" fill=\"{}\"/>\
<text text-anchor=\"middle\" font-size=\"13\" font-weight=\"{}\" fill=\"{}\">{}</text>",
            a1 - a0,
            if here { "#f6dfb4" } else { "#eef1f5" },
            if here { 700 } else { 400 },
            if here { "#1d2330" } else { "#5b6475" },
            two_lines(&title(a), (a0 + a1) / 2.0, 36.0, 20)
        );
    }
    for b in EDGES {
        let bx = x(b, x0, w);
        let _ = write!(
            svg,
            "<line x1=\"{bx:.1}\" y1=\"42\" x2=\"{bx:.1}\" y2=\"72\" stroke=\"#8a93a3\"/>"
        );
    }
    let mut ticks = vec![(-100.0, "-100 developer".to_owned(), "start")];
    ticks.extend(EDGES.iter().map(|b| (*b, pts(*b), "middle")));
    ticks.push((100.0, "engineer +100".to_owned(), "end"));
    for (v, label, anchor) in ticks {
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"88\" font-size=\"11\" text-anchor=\"{anchor}\" fill=\"#5b6475\">{}</text>",
            x(v, x0, w),
            esc(&label)
        );
    }
    if let Some(m) = p.margin {
        let (a, b) = (x(p.position - m, x0, w), x(p.position + m, x0, w));
        let _ = write!(
            svg,
            "<rect x=\"{a:.1}\" y=\"52\" width=\"{:.1}\" height=\"10\" rx=\"5\" fill=\"#d9862b\" opacity=\".45\"/>",
            b - a
        );
    }
    let _ = write!(
        svg,
        "<circle cx=\"{:.1}\" cy=\"57\" r=\"8\" fill=\"#d9862b\" stroke=\"#fff\" stroke-width=\"2\"/>\
<text x=\"{:.1}\" y=\"110\" font-size=\"12\" text-anchor=\"middle\" font-weight=\"700\">you {}</text></svg>",
        x(p.position, x0, w),
        x(p.position, x0, w).clamp(60.0, 740.0),
        esc(&crate::number::signed(p.position, 1))
    );
    svg
}

/// A bar from 0 to the combined score, with markers for enjoy (diamond) and do today (circle):
/// both filled, as the legend draws them (◆, ●); the circle's white rim keeps it apart where they meet.
pub fn dim_bar(combined: f64, preference: Option<f64>, practice: Option<f64>) -> String {
    let (w, mid) = (240.0, 120.0);
    let cx = x(combined, 0.0, w);
    let (from, class) = if cx < mid { (cx, "dev") } else { (mid, "eng") };
    let mut svg = format!(
        "<svg viewBox=\"-8 0 256 18\" width=\"256\" height=\"18\"><rect x=\"0\" y=\"8\" width=\"240\" height=\"2\" fill=\"#e3e7ee\"/>\
<rect x=\"{from:.1}\" y=\"4\" width=\"{:.1}\" height=\"10\" class=\"{class}\" opacity=\".8\"/>\
<line x1=\"120\" y1=\"0\" x2=\"120\" y2=\"18\" stroke=\"#555\"/>",
        (cx - mid).abs()
    );
    if let Some(p) = preference {
        let px = x(p, 0.0, w);
        let _ = write!(
            svg,
            "<path d=\"M{px:.1} 3 l5 6 l-5 6 l-5 -6 z\" fill=\"#1d2330\"><title>enjoy {p:.0}</title></path>"
        );
    }
    if let Some(p) = practice {
        let _ = write!(
            svg,
            "<circle cx=\"{:.1}\" cy=\"9\" r=\"4\" fill=\"#1d2330\" stroke=\"#fff\" stroke-width=\"1.5\"><title>do today {p:.0}</title></circle>",
            x(p, 0.0, w)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The quadrant names in the order the chart places them (see `chart::QuadrantNames`).
pub struct Names<'a> {
    pub corners: [&'a str; 4],
    pub balanced: &'a str,
    pub current: usize,
}

/// What you enjoy (x) against what you do today (y): names outside the plot so the point never
/// covers one, axis labels, the balanced middle shaded, the point.
pub fn quadrant(pref: f64, prac: f64, n: &Names<'_>) -> String {
    // Wide enough that two corner names, or the two ends of the x axis, fit side by side.
    let (x0, y0, side) = (40.0, 44.0, 400.0);
    let (mid_x, mid_y, bottom) = (x0 + side / 2.0, y0 + side / 2.0, y0 + side);
    let (w, h) = (x0 + side + 20.0, bottom + 72.0);
    // The point stays inside the frame (its radius in from the edge) at the ends of the scale.
    let px = x(pref, x0, side).clamp(x0 + 8.0, x0 + side - 8.0);
    let py = (bottom - x(prac, 0.0, side)).clamp(y0 + 8.0, bottom - 8.0);
    let b = crate::assets::BALANCED_WITHIN;
    let (bx0, bx1) = (x(-b, x0, side), x(b, x0, side));
    let (by0, by1) = (bottom - x(b, 0.0, side), bottom - x(-b, 0.0, side));
    let weight = |i: usize| if n.current == i { 700 } else { 400 };
    let mut svg = format!(
        "<svg viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"enjoy {pref:.0}, do today {prac:.0}\" class=\"chart\">\
<rect x=\"{x0}\" y=\"{y0}\" width=\"{side}\" height=\"{side}\" fill=\"#f7f9fc\" stroke=\"#c9d0db\"/>\
<rect x=\"{bx0:.1}\" y=\"{by0:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#f6dfb4\" opacity=\"{}\"/>\
<line x1=\"{mid_x}\" y1=\"{y0}\" x2=\"{mid_x}\" y2=\"{bottom}\" stroke=\"#8a93a3\"/><line x1=\"{x0}\" y1=\"{mid_y}\" x2=\"{}\" y2=\"{mid_y}\" stroke=\"#8a93a3\"/>",
        bx1 - bx0,
        by1 - by0,
        if n.current == 4 { "1" } else { ".6" },
        x0 + side,
    );
    for (i, (tx, ty, anchor)) in [
        (x0, y0 - 8.0, "start"),
        (x0 + side, y0 - 8.0, "end"),
        (x0, bottom + 20.0, "start"),
        (x0 + side, bottom + 20.0, "end"),
    ]
    .into_iter()
    .enumerate()
    {
        let _ = write!(
            svg,
            "<text x=\"{tx}\" y=\"{ty}\" font-size=\"13\" font-weight=\"{}\" text-anchor=\"{anchor}\">{}</text>",
            weight(i),
            esc(n.corners[i])
        );
    }
    let _ = write!(
        svg,
        "<rect x=\"{x0}\" y=\"5\" width=\"12\" height=\"12\" fill=\"#f6dfb4\"/>\
<text x=\"{}\" y=\"15\" font-size=\"11\" font-weight=\"{}\" fill=\"#5b6475\">{}: both within ±{b:.0}</text>\
<text x=\"{x0}\" y=\"{}\" font-size=\"12\" fill=\"#5b6475\">◀ enjoy developer-side work</text>\
<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\" fill=\"#5b6475\">enjoy engineer-side work ▶</text>\
<text x=\"{mid_x}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1d2330\">what you enjoy →</text>\
<text transform=\"translate(24 {mid_y}) rotate(-90)\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1d2330\">what you do today → engineer-side</text>\
<circle cx=\"{px:.1}\" cy=\"{py:.1}\" r=\"8\" fill=\"#d9862b\" stroke=\"#fff\" stroke-width=\"2\"/></svg>",
        x0 + 18.0,
        weight(4),
        esc(n.balanced),
        bottom + 42.0,
        x0 + side,
        bottom + 42.0,
        bottom + 62.0,
    );
    svg
}
