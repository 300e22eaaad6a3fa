//! The team view as a page: parts (headings, notes, strips, member lines, sentences) that the
//! text report, the Team screen, Markdown and HTML all lay out. One page, so every front end
//! says the same thing.

use super::chart::strip::{Mark, strip};
use super::chart::{Row, Tone, wrap};
use super::margin_words::score_with_margin;
use crate::assets::Texts;
use crate::context::Context;
use crate::team::{Member, Team, lean};

mod html;
mod json;
mod markdown;

pub use html::team_html;
pub use json::team_json;
pub use markdown::team_markdown;

#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Heading(String),
    Note(String),
    Warn(String),
    /// A scale's title and everyone on it.
    Strip(String, Vec<Mark>),
    /// A line about one member or one dimension: wraps under its own indent.
    Item(String),
    Gap,
}

/// "10-14 years · staff/principal · builds for other teams", or `None` when nothing was said:
/// the words the result header uses (`report::context`), in their short form for a member line.
pub fn context_words(c: &Context) -> Option<String> {
    use super::context::{role_short, users_words, years_words};
    let parts: Vec<String> = [
        c.years.map(years_words),
        c.role.map(|r| role_short(r).to_owned()),
        c.users.map(|u| format!("builds for {}", users_words(u))),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

pub fn date(t: jiff::Timestamp) -> String {
    t.strftime("%-d %b %Y").to_string()
}

/// Everyone on one scale (`None`: overall).
pub fn marks(team: &Team, dimension: Option<&str>) -> Vec<Mark> {
    team.members
        .iter()
        .filter_map(|m| {
            let s = m.scale(dimension)?;
            Some(Mark {
                name: m.name.clone(),
                tag: m.tag.clone(),
                score: s.combined,
                margin: s.margin,
                lean: lean(s.combined, s.margin),
            })
        })
        .collect()
}

/// "A  Sam  +32 ± 12 · Engineer-leaning · full form, 1 Dec 2026 · 8+ years · staff engineer".
fn member_line(team: &Team, m: &Member, texts: &Texts) -> String {
    let c = &m.card;
    let who = if team.anonymous {
        m.name.clone()
    } else {
        format!("{}  {}", m.tag, m.name)
    };
    let archetype = c.archetype.and_then(|a| texts.archetype(a)).map_or_else(
        || "not placed (too few answers)".to_owned(),
        |a| a.title.clone(),
    );
    let mut line = format!(
        "{who}  {} · {archetype} · {} form, {}",
        score_with_margin(c.overall.combined, c.overall.margin, c.overall.answered),
        c.form.as_str(),
        date(c.taken_at)
    );
    if m.old {
        line.push_str(" (over 12 months ago)");
    }
    if let Some(words) = c.context.as_ref().and_then(context_words) {
        line.push_str(" · ");
        line.push_str(&words);
    }
    line
}

/// "Sam's card", or in an anonymous view "a card": a refused card's file may be named after
/// its owner.
fn refused_line(team: &Team, i: usize) -> String {
    let r = &team.refused[i];
    if team.anonymous {
        format!("A card was not read: {}.", r.reason)
    } else {
        format!("{} was not read: {}.", r.path.display(), r.reason)
    }
}

/// The page's parts, every text from a card or a bank through the sanitiser before it is
/// measured and wrapped (the JSON keeps names exact).
pub fn parts(team: &Team, texts: &Texts) -> Vec<Part> {
    let clean = |s: &str| crate::sanitize::line(s).into_owned();
    raw_parts(team, texts)
        .into_iter()
        .map(|p| match p {
            Part::Heading(t) => Part::Heading(clean(&t)),
            Part::Note(t) => Part::Note(clean(&t)),
            Part::Warn(t) => Part::Warn(clean(&t)),
            Part::Item(t) => Part::Item(clean(&t)),
            Part::Gap => Part::Gap,
            Part::Strip(t, mut marks) => {
                for m in &mut marks {
                    m.name = clean(&m.name);
                }
                Part::Strip(clean(&t), marks)
            }
        })
        .collect()
}

fn raw_parts(team: &Team, texts: &Texts) -> Vec<Part> {
    let n = team.members.len();
    let mut out = vec![Part::Heading(format!(
        "Team of {n}{}",
        if team.anonymous { " (anonymous)" } else { "" }
    ))];
    out.push(Part::Note(
        "Each person where they stand, with their margin: a spread, not an average.".into(),
    ));
    if n < 2 {
        out.push(Part::Warn(
            "A team view needs at least two cards to compare anyone.".into(),
        ));
    }
    if let Some(mixed) = &team.mixed {
        out.push(Part::Warn(format!(
            "These cards come from different {mixed}: scores may not compare exactly."
        )));
    }
    let unshared: Vec<String> = team
        .coverage
        .iter()
        .filter(|c| !c.shared)
        .map(|c| c.title.clone())
        .collect();
    if !unshared.is_empty() {
        out.push(Part::Warn(format!(
            "Not every card has {}: left out of the sentences.",
            crate::team::and_list(&unshared)
        )));
    }
    let old = team.members.iter().filter(|m| m.old).count();
    if old > 0 {
        out.push(Part::Warn(format!(
            "{old} of {n} cards {} more than 12 months old: people change; ask for a fresh one.",
            if old == 1 { "is" } else { "are" }
        )));
    }
    for i in 0..team.refused.len() {
        out.push(Part::Warn(refused_line(team, i)));
    }
    if team.not_read > 0 {
        out.push(Part::Warn(format!(
            "{} more card files were not read: rolefit reads at most {} at a time.",
            team.not_read,
            crate::team::MAX_CARDS
        )));
    }
    if n == 0 {
        return out;
    }
    out.push(Part::Strip("Overall".into(), marks(team, None)));
    out.push(Part::Gap);
    out.push(Part::Heading("What the counts say".into()));
    if team.statements.is_empty() {
        out.push(Part::Note(
            "No dimension has a lean everyone's card can speak to.".into(),
        ));
    }
    for s in &team.statements {
        out.push(Part::Item(format!("• {}", s.sentence)));
    }
    out.push(Part::Gap);
    out.push(Part::Heading("Coverage".into()));
    out.push(Part::Note(
        "Leans engineer or developer: 20 points or more from the middle, and the margin clear of 0. Balanced: within 20, with a margin. Unclear: too few answers, or a lean its margin does not clear.".into(),
    ));
    for c in &team.coverage {
        let of = if c.shared {
            String::new()
        } else {
            format!(" (of the {} cards that have it)", c.members)
        };
        out.push(Part::Item(format!(
            "{}: {} engineer, {} developer, {} balanced, {} unclear{of}",
            c.title, c.engineer, c.developer, c.balanced, c.unclear
        )));
    }
    out.push(Part::Gap);
    out.push(Part::Heading(
        "Where each person sits on each dimension".into(),
    ));
    for c in &team.coverage {
        out.push(Part::Strip(c.title.clone(), marks(team, Some(&c.id))));
    }
    out.push(Part::Gap);
    out.push(Part::Heading("Members".into()));
    for m in &team.members {
        out.push(Part::Item(member_line(team, m, texts)));
    }
    out
}

/// The page laid out in `w` columns: text wraps (never cut), strips are drawn to the width.
pub fn rows(parts: &[Part], w: usize) -> Vec<Row> {
    let w = w.max(12);
    let mut out: Vec<Row> = Vec::new();
    let para = |out: &mut Vec<Row>, text: &str, tone: Tone, indent: usize| {
        for (i, l) in wrap(text, w.saturating_sub(indent).max(1))
            .into_iter()
            .enumerate()
        {
            let pad = if i == 0 { 0 } else { indent };
            out.push(vec![(format!("{:pad$}{l}", ""), tone)]);
        }
    };
    for p in parts {
        match p {
            Part::Heading(t) => para(&mut out, t, Tone::Strong, 0),
            Part::Note(t) => para(&mut out, t, Tone::Dim, 0),
            Part::Warn(t) => para(&mut out, t, Tone::Marker, 2),
            Part::Item(t) => para(&mut out, t, Tone::Text, 2),
            Part::Gap => out.push(Vec::new()),
            Part::Strip(title, marks) => {
                out.push(Vec::new());
                para(&mut out, title, Tone::Strong, 0);
                out.extend(strip(marks, w));
            }
        }
    }
    out
}

/// The team as plain text, 80 columns wide.
pub fn team_text(team: &Team, texts: &Texts) -> String {
    rows(&parts(team, texts), 80)
        .iter()
        .map(|r| {
            let line: String = r.iter().map(|(s, _)| s.as_str()).collect();
            format!("{}\n", line.trim_end())
        })
        .collect()
}
