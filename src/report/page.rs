//! The result page as sections of blocks: everything the dashboard says, in order, so the text,
//! Markdown and HTML reports and the dashboard's panels carry the same content. Each front end
//! only decides how a block looks.

use crate::bank::Pole;
use crate::insight::pole_word;

use super::hint::Medium;
use super::margin_words::score_with_margin;
use super::summary::Summary;

/// Which part of the page a section is, so a front end can place it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// The archetype's name, the result's label, form and date, the summary.
    Top,
    /// The archetype map and where the person sits on it.
    Stand,
    Archetype,
    Dimensions,
    Quadrant,
    Why,
    Quality,
    Steps,
    Paths,
    /// When to retake, and which result this is.
    Footing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    Map,
    Dimensions,
    Quadrant,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(String),
    /// Secondary text: dates, notes, explanations of a figure.
    Note(String),
    /// Something to act on: contradictions, a retake hint.
    Warn(String),
    Sub(String),
    Bullets(Vec<String>),
    /// "Day to day: ..."
    Field(&'static str, String),
    /// One lens of a dimension: its name, glyph on the bars, score and the text shown for it.
    Lens {
        label: &'static str,
        glyph: &'static str,
        score: Option<f64>,
        text: String,
    },
    Quote {
        pole: Pole,
        text: String,
        answer: String,
    },
    Step {
        n: usize,
        /// "growing · toward engineer · Skills you reach for"
        head: String,
        text: String,
        why: String,
    },
    Chart(Chart),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub key: Key,
    pub title: String,
    pub blocks: Vec<Block>,
}

/// The title the page stands under: the archetype ("(provisional)" for an adaptive result
/// finished before it was settled), or "Not placed yet".
pub fn headline(s: &Summary) -> String {
    headline_in(s, str::to_owned)
}

/// The headline in capitals, as the text page and the dashboard set it above the page.
pub fn headline_upper(s: &Summary) -> String {
    headline_in(s, str::to_uppercase)
}

/// The headline with `case` applied to the text as it is, then sanitised: a change of case
/// after escaping would garble the escapes (`\u{1b}` read as `\U{1B}`).
fn headline_in(s: &Summary, case: fn(&str) -> String) -> String {
    let raw = if let Some(scale) = s.covers.as_ref().filter(|_| s.archetype.is_none()) {
        format!("{scale} only")
    } else {
        match (&s.archetype, &s.provisional) {
            (Some(a), Some(_)) => format!("{} (provisional)", a.title),
            (Some(a), None) => a.title.clone(),
            (None, _) => super::UNPLACED_TITLE.to_owned(),
        }
    };
    crate::sanitize::line(&case(&raw)).into_owned()
}

fn top(s: &Summary) -> Section {
    let mut blocks = vec![Block::Note(s.meta.clone())];
    if let Some(c) = &s.context_line {
        blocks.push(Block::Note(format!("About you: {c}")));
    }
    if let Some(n) = &s.form_note {
        blocks.push(Block::Note(n.clone()));
    }
    if let Some(n) = &s.foreign_note {
        blocks.push(Block::Warn(n.clone()));
    }
    // Finished before it was settled: said first, before the archetype's description.
    if let Some(p) = &s.provisional {
        blocks.push(Block::Warn(p.clone()));
    }
    if let Some(a) = &s.archetype {
        blocks.push(Block::Para(a.summary.clone()));
    }
    if let Some(u) = &s.unplaced {
        blocks.push(Block::Para(u.clone()));
    }
    Section {
        key: Key::Top,
        title: headline(s),
        blocks,
    }
}

fn archetype(s: &Summary) -> Section {
    let blocks = match &s.archetype {
        Some(a) => vec![
            Block::Para(a.summary.clone()),
            Block::Sub("Strengths".into()),
            Block::Bullets(a.strengths.clone()),
            Block::Sub("Blind spots to watch".into()),
            Block::Bullets(a.blind_spots.clone()),
            Block::Sub("A typical week".into()),
            Block::Para(a.week.clone()),
            Block::Sub("Works best with".into()),
            Block::Para(a.works_with.clone()),
        ],
        None => vec![Block::Para(
            s.unplaced
                .clone()
                .or_else(|| s.form_note.clone().filter(|_| s.covers.is_some()))
                .unwrap_or_else(|| {
                    "Every question was skipped, so there is no archetype to describe.".into()
                }),
        )],
    };
    Section {
        key: Key::Archetype,
        title: match (&s.archetype, &s.covers) {
            (None, Some(_)) => "Your archetype: not placed by this result".to_owned(),
            _ => format!("Your archetype: {}", headline(s)),
        },
        blocks,
    }
}

/// The marks of the two lenses, on every chart and beside every lens's score.
pub const ENJOY_MARK: &str = "◆";
pub const DO_TODAY_MARK: &str = "●";

fn dimensions(s: &Summary) -> Section {
    let mut blocks = vec![
        Block::Note(format!(
            "Scores run from -100 (developer) to +100 (engineer); {ENJOY_MARK} what you enjoy, {DO_TODAY_MARK} what you do today, ± the 95% margin."
        )),
        Block::Chart(Chart::Dimensions),
    ];
    for d in &s.dims {
        blocks.push(Block::Sub(format!(
            "{} · {}",
            d.title,
            score_with_margin(d.combined, d.margin, d.answered)
        )));
        blocks.push(Block::Field("Developer side", d.developer.clone()));
        blocks.push(Block::Field("Engineer side", d.engineer.clone()));
        let (np, nq) = d.answered_by_lens;
        for (label, glyph, score, margin, n) in [
            ("Enjoy", ENJOY_MARK, d.preference, d.preference_margin, np),
            ("Do today", DO_TODAY_MARK, d.practice, d.practice_margin, nq),
        ] {
            blocks.push(Block::Lens {
                label,
                glyph,
                score,
                text: score_with_margin(score, margin, n)
                    .replace("not enough answers", "no answers"),
            });
        }
        if let Some(g) = &d.gap {
            blocks.push(Block::Para(g.clone()));
        }
    }
    Section {
        key: Key::Dimensions,
        title: "Each dimension".into(),
        blocks,
    }
}

fn why(s: &Summary) -> Section {
    let mut blocks = Vec::new();
    for (pole, ds) in s.drivers_by_pole() {
        blocks.push(Block::Sub(format!("Pulling toward {}", pole_word(pole))));
        blocks.extend(ds.into_iter().map(|d| Block::Quote {
            pole,
            text: d.text.clone(),
            answer: d.answer.clone(),
        }));
    }
    if blocks.is_empty() {
        blocks.push(Block::Para("No answer pulled either way.".into()));
    }
    Section {
        key: Key::Why,
        title: "Why: the answers that pulled hardest".into(),
        blocks,
    }
}

fn steps(s: &Summary, medium: Medium) -> Section {
    let title = |id: &str| {
        s.dims
            .iter()
            .find(|d| d.id == id)
            .map_or(id.to_owned(), |d| d.title.clone())
    };
    let mut blocks: Vec<Block> = s
        .steps
        .iter()
        .enumerate()
        .map(|(i, st)| Block::Step {
            n: i + 1,
            head: format!(
                "{} · toward {} · {}",
                st.level.as_str(),
                pole_word(st.toward),
                title(&st.dimension)
            ),
            text: st.text.clone(),
            why: st.why.clone(),
        })
        .collect();
    let no_steps = match medium {
        Medium::Screen => &s.no_steps,
        Medium::Document => &s.in_document.no_steps,
    };
    if let Some(n) = no_steps {
        blocks.push(Block::Para(n.clone()));
    }
    if let Some(n) = &s.levels_note
        && !s.steps.is_empty()
    {
        blocks.push(Block::Note(n.clone()));
    }
    Section {
        key: Key::Steps,
        title: "Next steps".into(),
        blocks,
    }
}

fn paths(s: &Summary) -> Option<Section> {
    let p = s.paths.as_ref()?;
    let mut blocks = vec![Block::Para(p.note.clone()), Block::Note(s.leveling.clone())];
    for r in &p.roles {
        blocks.push(Block::Sub(r.title.clone()));
        blocks.push(Block::Field("Day to day", r.day.clone()));
        blocks.push(Block::Field("Skills", r.skills.clone()));
        blocks.push(Block::Field("The usual way there", r.way.clone()));
    }
    Some(Section {
        key: Key::Paths,
        title: "Career paths that fit".into(),
        blocks,
    })
}

/// The page, in reading order, as the dashboard shows it. Sections with nothing to say are left
/// out.
pub fn sections(s: &Summary) -> Vec<Section> {
    sections_in(s, Medium::Screen)
}

/// The page as a document (text, Markdown and HTML) says it: key hints worded as commands, and
/// a paragraph a screen repeats on another panel (the archetype's summary, on the header and
/// on its own panel) said once, where it first comes.
pub fn document(s: &Summary) -> Vec<Section> {
    let mut earlier: Vec<String> = Vec::new();
    let mut out = sections_in(s, Medium::Document);
    for sec in &mut out {
        sec.blocks
            .retain(|b| !matches!(b, Block::Para(t) if earlier.contains(t)));
        earlier.extend(sec.blocks.iter().filter_map(|b| match b {
            Block::Para(t) => Some(t.clone()),
            _ => None,
        }));
    }
    // A section whose every paragraph came earlier (an unplaced result's archetype) says nothing.
    out.retain(|sec| !sec.blocks.is_empty());
    out
}

fn sections_in(s: &Summary, medium: Medium) -> Vec<Section> {
    let mut out = vec![top(s)];
    if let Some(w) = &s.where_line {
        let mut blocks = vec![Block::Chart(Chart::Map), Block::Para(w.clone())];
        if let Some(st) = &s.straddle {
            blocks.push(Block::Para(st.clone()));
        }
        out.push(Section {
            key: Key::Stand,
            title: "Where you stand".into(),
            blocks,
        });
    }
    out.push(archetype(s));
    out.push(dimensions(s));
    if let Some(line) = &s.quadrant_line {
        out.push(Section {
            key: Key::Quadrant,
            title: "What you enjoy vs what you do today".into(),
            blocks: vec![Block::Chart(Chart::Quadrant), Block::Para(line.clone())],
        });
    }
    out.push(why(s));
    let mut quality = vec![Block::Para(s.consistency_line.clone())];
    quality.extend(s.quality.iter().skip(1).map(|q| Block::Warn(q.clone())));
    out.push(Section {
        key: Key::Quality,
        title: "Answer quality".into(),
        blocks: quality,
    });
    if s.result.scores.overall.is_some() {
        out.push(steps(s, medium));
    }
    out.extend(paths(s));
    out.push(Section {
        key: Key::Footing,
        title: "When to take it again".into(),
        blocks: vec![
            Block::Para(match medium {
                Medium::Screen => s.retake.clone(),
                Medium::Document => s.in_document.retake.clone(),
            }),
            Block::Note(s.provenance()),
        ],
    });
    out
}

/// The section with `key`, if the page has one.
pub fn section(s: &Summary, key: Key) -> Option<Section> {
    sections(s).into_iter().find(|x| x.key == key)
}
