//! A goal's timeline as one HTML page: the path as an inline SVG (score against date, each
//! point's margin as a bar, the target as a line, the due date and today as marks), then the
//! same entries as the text timeline, as a table.

use std::fmt::Write;

use super::{CSS, esc};
use crate::goals::Timeline;
use crate::report::timeline::{AskWith, Entry, entries, heading, point_notes};
use crate::report::{fmt_margin, fmt_score, points};

const W: f64 = 800.0;
const H: f64 = 260.0;
const LEFT: f64 = 60.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 40.0;

fn day_number(d: jiff::civil::Date) -> f64 {
    let epoch = jiff::civil::date(1970, 1, 1);
    epoch
        .until((jiff::Unit::Day, d))
        .map_or(0.0, |s| f64::from(s.get_days()))
}

fn date_of(t: jiff::Timestamp) -> jiff::civil::Date {
    t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date()
}

/// y of a score: +100 (engineer) at the top.
fn y(score: f64) -> f64 {
    TOP + (100.0 - score.clamp(-100.0, 100.0)) / 200.0 * (H - TOP - BOTTOM)
}

pub fn svg(t: &Timeline) -> String {
    let mut days: Vec<f64> = t
        .timeline
        .iter()
        .map(|p| day_number(date_of(p.reading.taken_at)))
        .collect();
    days.push(day_number(t.today));
    days.extend(t.progress.goal.due.map(day_number));
    let first = days.iter().copied().fold(f64::INFINITY, f64::min);
    let last = days.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let span = (last - first).max(1.0);
    let x = |d: f64| LEFT + (d - first) / span * (W - LEFT - RIGHT);
    let mut s = format!(
        "<svg viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" role=\"img\" aria-label=\"goal #{} over time\" class=\"chart\">",
        t.progress.goal.id
    );
    for (v, label) in [
        (100.0, "+100 engineer"),
        (0.0, "0"),
        (-100.0, "-100 developer"),
    ] {
        let _ = write!(
            s,
            "<line x1=\"{LEFT}\" y1=\"{yv:.1}\" x2=\"{x2}\" y2=\"{yv:.1}\" stroke=\"#dde2ea\"/><text x=\"{tx}\" y=\"{ty:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6475\">{label}</text>",
            yv = y(v),
            x2 = W - RIGHT,
            tx = LEFT - 4.0,
            ty = y(v) + 4.0,
        );
    }
    let target = t.progress.goal.target;
    let _ = write!(
        s,
        "<line x1=\"{LEFT}\" y1=\"{yt:.1}\" x2=\"{x2}\" y2=\"{yt:.1}\" stroke=\"#b3402a\" stroke-dasharray=\"6 4\"/><text x=\"{x2}\" y=\"{ty:.1}\" font-size=\"12\" text-anchor=\"end\" fill=\"#b3402a\">target {}</text>",
        esc(&points(Some(target))),
        yt = y(target),
        x2 = W - RIGHT,
        ty = y(target) - 4.0,
    );
    let mark = |s: &mut String, d: jiff::civil::Date, label: &str, colour: &str| {
        let xd = x(day_number(d));
        let _ = write!(
            s,
            "<line x1=\"{xd:.1}\" y1=\"{TOP}\" x2=\"{xd:.1}\" y2=\"{yb:.1}\" stroke=\"{colour}\" stroke-dasharray=\"2 3\"/><text x=\"{xd:.1}\" y=\"{ty:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{colour}\">{} {d}</text>",
            esc(label),
            yb = H - BOTTOM,
            ty = H - BOTTOM + 28.0,
        );
    };
    if let Some(d) = t.progress.goal.due {
        mark(&mut s, d, "due", "#b3402a");
    }
    mark(&mut s, t.today, "today", "#5b6475");
    let mut path = String::new();
    for p in &t.timeline {
        let r = &p.reading;
        let xp = x(day_number(date_of(r.taken_at)));
        let _ = write!(
            s,
            "<text x=\"{xp:.1}\" y=\"{ty:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5b6475\">{}</text>",
            r.taken_at.strftime("%Y-%m-%d"),
            ty = H - BOTTOM + 14.0
        );
        let Some(score) = r.score else {
            continue;
        };
        if let Some(m) = r.margin {
            let _ = write!(
                s,
                "<line x1=\"{xp:.1}\" y1=\"{:.1}\" x2=\"{xp:.1}\" y2=\"{:.1}\" stroke=\"#3b6fd6\" stroke-width=\"2\"/>",
                y(score + m),
                y(score - m)
            );
        }
        // A score without a margin is drawn hollow: it says too little to be a verdict.
        let fill = if r.margin.is_some() {
            "#3b6fd6"
        } else {
            "#fff"
        };
        let _ = write!(
            s,
            "<circle cx=\"{xp:.1}\" cy=\"{:.1}\" r=\"5\" fill=\"{fill}\" stroke=\"#3b6fd6\" stroke-width=\"2\"><title>{} {}</title></circle>",
            y(score),
            esc(&fmt_score(Some(score))),
            esc(&fmt_margin(r.margin, r.answered))
        );
        let _ = write!(
            path,
            "{}{xp:.1},{:.1}",
            if path.is_empty() { "" } else { " " },
            y(score)
        );
    }
    if !path.is_empty() {
        let _ = write!(
            s,
            "<polyline points=\"{path}\" fill=\"none\" stroke=\"#3b6fd6\" stroke-opacity=\".4\"/>"
        );
    }
    s.push_str("</svg>");
    s
}

pub fn timeline_html(t: &Timeline) -> String {
    let mut head = heading(t, AskWith::Command).into_iter();
    let title = head.next().unwrap_or_default();
    let mut h = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
<title>rolefit goal: {}</title><style>{CSS}</style></head><body>\n<h1>{}</h1>\n",
        esc(&title),
        esc(&title)
    );
    for line in head {
        let _ = writeln!(h, "<p>{}</p>", esc(&line));
    }
    let _ = writeln!(h, "{}", svg(t));
    h.push_str("<table><tr><th>Date</th><th>Form</th><th>Score</th><th>What moved</th></tr>\n");
    for e in entries(t) {
        let _ = match e {
            Entry::Due(d) => writeln!(h, "<tr><td>{d}</td><td colspan=\"3\">due</td></tr>"),
            Entry::Today(d) => writeln!(h, "<tr><td>{d}</td><td colspan=\"3\">today</td></tr>"),
            Entry::Point(p) => {
                let r = &p.reading;
                let notes: Vec<String> = point_notes(t, p, AskWith::Command)
                    .iter()
                    .map(|n| esc(n))
                    .collect();
                writeln!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td class=\"num\">{} {}</td><td>{}</td></tr>",
                    r.taken_at.strftime("%Y-%m-%d"),
                    r.form.as_str(),
                    esc(&fmt_score(r.score)),
                    esc(&fmt_margin(r.margin, r.answered)),
                    notes.join("<br>")
                )
            }
        };
    }
    h.push_str("</table>\n</body></html>\n");
    h
}
