//! A goal's timeline for people: the same entries, in date order, as text lines (the terminal
//! and `goals show`), Markdown and HTML. Each point says its score and margin, where it sits
//! against the target, what moved since the point before, and which answers moved it most.

use std::fmt::Write;

use super::compare::{delta_text, noise_text};
use super::goals::{pct, points, status_why};
use super::{fmt_margin, fmt_score, md_cell};
use crate::goals::{Timeline, TimelinePoint, goal_title};
use crate::sanitize::line;

/// How a note offers to ask a goal's own questions: by its key on screen, by the command in
/// text and documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AskWith {
    Key,
    Command,
}

impl AskWith {
    /// "press g", "`rolefit take --goal 1`".
    pub fn how(self, goal: u32) -> String {
        match self {
            AskWith::Key => "press g".to_owned(),
            AskWith::Command => format!("`rolefit take --goal {goal}`"),
        }
    }
}

/// One thing on the goal's path, oldest first: the results, the due date and today.
pub enum Entry<'t> {
    Point(&'t TimelinePoint),
    Due(jiff::civil::Date),
    Today(jiff::civil::Date),
}

fn date_of(t: jiff::Timestamp) -> jiff::civil::Date {
    t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date()
}

/// The points with the due date and today placed among them by date.
pub fn entries(t: &Timeline) -> Vec<Entry<'_>> {
    let mut marks: Vec<Entry<'_>> = Vec::new();
    if let Some(d) = t.progress.goal.due {
        marks.push(Entry::Due(d));
    }
    marks.push(Entry::Today(t.today));
    marks.sort_by_key(|m| match m {
        Entry::Due(d) | Entry::Today(d) => *d,
        Entry::Point(_) => t.today,
    });
    let mut out = Vec::new();
    for p in &t.timeline {
        let day = date_of(p.reading.taken_at);
        while marks
            .first()
            .is_some_and(|m| matches!(m, Entry::Due(d) | Entry::Today(d) if *d < day))
        {
            out.push(marks.remove(0));
        }
        out.push(Entry::Point(p));
    }
    out.extend(marks);
    out
}

/// The heading: the goal, its start, target and due date, and its status.
pub fn heading(t: &Timeline, ask: AskWith) -> Vec<String> {
    let p = &t.progress;
    let g = &p.goal;
    let due = g.due.map(|d| format!(" · due {d}")).unwrap_or_default();
    let mut out = vec![
        format!(
            "Goal #{} {}: from {} to target {}{due} · set {}",
            g.id,
            line(&goal_title(&p.dimension_title, g.lens)),
            fmt_score(Some(g.baseline_score)),
            points(Some(g.target)),
            g.created_at.strftime("%Y-%m-%d"),
        ),
        format!(
            "Status: {} · {} of the way",
            p.status.label(),
            pct(p.progress_pct)
        ),
    ];
    out.extend(status_why(p, ask));
    if !g.note.is_empty() {
        out.push(format!("Note: {}", line(&g.note)));
    }
    out
}

/// A scale bar from -100 to +100: `┃` the target, `●` the score, `[ ]` its margin, `│` zero.
pub fn scale_bar(score: Option<f64>, margin: Option<f64>, target: f64, width: usize) -> String {
    let width = width.max(11) | 1;
    let col =
        |v: f64| (((v.clamp(-100.0, 100.0) + 100.0) / 200.0) * (width - 1) as f64).round() as usize;
    let mut cells = vec!['·'; width];
    cells[width / 2] = '│';
    if let (Some(s), Some(m)) = (score, margin) {
        let (lo, hi) = (col(s - m), col(s + m));
        for c in &mut cells[lo..=hi] {
            *c = '─';
        }
        cells[lo] = '[';
        cells[hi] = ']';
    }
    cells[col(target)] = '┃';
    if let Some(s) = score {
        cells[col(s)] = '●';
    }
    cells.into_iter().collect()
}

/// "score ± margin" or why there is no margin.
fn score_text(p: &TimelinePoint) -> String {
    let r = &p.reading;
    match r.score {
        None => format!("no score ({} answers)", r.answered),
        Some(_) => format!(
            "{} {}",
            fmt_score(r.score),
            fmt_margin(r.margin, r.answered)
        ),
    }
}

/// What a point says beyond its score: the move since the point before and the answers behind
/// it, or that the retake asked nothing on the goal's scale.
pub fn point_notes(t: &Timeline, p: &TimelinePoint, ask: AskWith) -> Vec<String> {
    let title = goal_title(&t.progress.dimension_title, t.progress.goal.lens);
    let mut out = Vec::new();
    if p.baseline {
        out.push("the goal's baseline".to_owned());
    } else if p.before_goal {
        out.push("taken before the goal was set".to_owned());
    }
    if p.asked_none {
        // Its own questions are offered only where they are enough for a margin.
        let or_just = if t.progress.goal_form_helps() {
            format!(
                ", or answer just those {} questions: {}",
                t.progress.scale_questions,
                ask.how(t.progress.goal.id)
            )
        } else {
            String::new()
        };
        out.push(format!(
            "this retake did not ask about {title}: take the full form, which asks all {} of its questions{or_just}",
            t.progress.scale_questions
        ));
        return out;
    }
    if let Some(m) = p.moved.filter(|m| m.delta.is_some()) {
        out.push(format!(
            "moved {} since the last result that asked about it: {}",
            delta_text(&m),
            noise_text(&m)
        ));
    }
    for c in &p.top_answers {
        out.push(format!(
            "“{}”: {} → {}",
            line(c.text.as_deref().unwrap_or(&c.id)),
            line(&c.before),
            line(&c.after)
        ));
    }
    out
}

/// The timeline as text lines, its bars `bar` columns wide.
pub fn timeline_lines(t: &Timeline, bar: usize, ask: AskWith) -> Vec<String> {
    let target = t.progress.goal.target;
    let mut out = heading(t, ask);
    out.push(String::new());
    out.push(format!(
        "scale -100 (developer) to +100 (engineer) · ┃ target {} · ● score · [ ] margin",
        points(Some(target))
    ));
    for e in entries(t) {
        match e {
            Entry::Due(d) => out.push(format!("── due {d} ──")),
            Entry::Today(d) => out.push(format!("── today {d} ──")),
            Entry::Point(p) => {
                let r = &p.reading;
                out.push(format!(
                    "{}  {} form  {}",
                    r.taken_at.strftime("%Y-%m-%d"),
                    r.form.as_str(),
                    score_text(p)
                ));
                out.push(format!("  {}", scale_bar(r.score, r.margin, target, bar)));
                out.extend(point_notes(t, p, ask).into_iter().map(|n| format!("  {n}")));
            }
        }
    }
    out
}

pub fn timeline_text(t: &Timeline) -> String {
    let mut out = timeline_lines(t, 41, AskWith::Command).join("\n");
    out.push('\n');
    out
}

pub fn timeline_json(t: &Timeline) -> String {
    serde_json::to_string_pretty(t).unwrap_or_default()
}

/// The timeline as a Markdown table, with the due date and today as rows of their own.
pub fn timeline_markdown(t: &Timeline) -> String {
    let mut out = String::new();
    let mut head = heading(t, AskWith::Command).into_iter();
    let _ = writeln!(out, "# {}\n", head.next().unwrap_or_default());
    for h in head {
        let _ = writeln!(out, "{h}\n");
    }
    let _ = writeln!(
        out,
        "| Date | Form | Score | Chart (┃ target {}) | What moved |\n|---|---|---:|---|---|",
        points(Some(t.progress.goal.target))
    );
    for e in entries(t) {
        match e {
            Entry::Due(d) => {
                let _ = writeln!(out, "| {d} | | | due | |");
            }
            Entry::Today(d) => {
                let _ = writeln!(out, "| {d} | | | today | |");
            }
            Entry::Point(p) => {
                let r = &p.reading;
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | `{}` | {} |",
                    r.taken_at.strftime("%Y-%m-%d"),
                    r.form.as_str(),
                    md_cell(&score_text(p)),
                    scale_bar(r.score, r.margin, t.progress.goal.target, 21),
                    md_cell(&point_notes(t, p, AskWith::Command).join("; "))
                );
            }
        }
    }
    super::markdown_safe(&out)
}
