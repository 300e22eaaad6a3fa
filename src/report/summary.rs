//! Everything a result's dashboard and exports show, worked out once from the result, the bank
//! and the texts: each front end (TUI, Markdown, HTML, text) only lays it out.

use crate::answers::describe_answer;
use crate::assets::{ArchetypeText, Path, Quadrant, Texts};
use crate::bank::{Bank, Pole};
use crate::insight::{ChosenStep, Insight, analyse};
use crate::sanitize::line;
use crate::store::ResultFile;

#[derive(Debug, Clone, PartialEq)]
pub struct DimRow {
    pub id: String,
    pub title: String,
    pub combined: Option<f64>,
    pub margin: Option<f64>,
    pub preference: Option<f64>,
    pub practice: Option<f64>,
    pub consistency: Option<f64>,
    /// Answered questions in the dimension.
    pub answered: usize,
}

/// An answer that pulled hard toward a pole, quoted.
#[derive(Debug, Clone, PartialEq)]
pub struct Driver {
    pub pole: Pole,
    pub id: String,
    pub text: String,
    pub answer: String,
}

#[derive(Debug, Clone)]
pub struct Summary {
    pub result: ResultFile,
    pub archetype: Option<ArchetypeText>,
    pub dims: Vec<DimRow>,
    pub drivers: Vec<Driver>,
    /// Plain sentences about answer quality; the first is always the consistency figure.
    pub quality: Vec<String>,
    /// The answers look like straight-lining: suggest a retake.
    pub careless: bool,
    pub quadrant: Option<Quadrant>,
    pub paths: Option<Path>,
    pub steps: Vec<ChosenStep>,
    pub insight: Insight,
    /// Why there is no archetype yet (too few answers), and how many more would give one.
    pub unplaced: Option<String>,
    /// An adaptive result finished before its placement was settled: why, in a sentence.
    pub provisional: Option<String>,
}

/// The headline where an archetype would stand.
pub const UNPLACED_TITLE: &str = "Not placed yet";

/// "3 questions answered: a placement needs at least 10, so 7 more." when there is no archetype
/// because of too few answers; `None` when there is one (or nothing was answered at all).
pub fn unplaced(scores: &crate::scoring::Scores) -> Option<String> {
    let need = crate::scoring::MIN_ANSWERS_FOR_ARCHETYPE;
    (scores.archetype.is_none() && scores.answered < need).then(|| {
        let more = need - scores.answered;
        format!(
            "Not enough answers yet for a placement: {} answered, and a placement needs at least {need}, so {more} more. What there is is shown below, without a verdict.",
            scores.answered
        )
    })
}

/// A question's text cut to a readable quote.
fn quote(text: &str, max_words: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= max_words {
        text.to_owned()
    } else {
        format!("{}…", words[..max_words].join(" "))
    }
}

/// Works from the result as the current model scores it (`ResultFile::rescored`).
pub fn summarise(bank: &Bank, result: &ResultFile, texts: &Texts) -> Summary {
    let result = &result.clone().rescored(bank);
    // An old result's questions (their texts, in Why and Answer quality) are those it was asked.
    let bank = result.taken_on(bank);
    let s = &result.scores;
    let insight = analyse(bank, &result.order, &result.answers, s, &texts.guidance);
    let dims = bank
        .dimensions
        .iter()
        .map(|d| {
            let sc = s.dimensions.get(&d.id);
            DimRow {
                id: d.id.clone(),
                title: d.title.clone(),
                combined: sc.and_then(|x| x.combined),
                margin: sc.and_then(|x| x.margin),
                preference: sc.and_then(|x| x.preference),
                practice: sc.and_then(|x| x.practice),
                answered: sc.map_or(0, |x| x.answered),
                consistency: insight
                    .consistency
                    .iter()
                    .find(|(id, _)| *id == d.id)
                    .and_then(|(_, c)| *c),
            }
        })
        .collect();
    let driver = |pole: Pole, id: &String| {
        let q = bank.question(id)?;
        Some(Driver {
            pole,
            id: id.clone(),
            text: q.text.clone(),
            answer: describe_answer(q, result.answers.get(id)?),
        })
    };
    let drivers = s
        .drivers
        .engineer
        .iter()
        .filter_map(|id| driver(Pole::Engineer, id))
        .chain(
            s.drivers
                .developer
                .iter()
                .filter_map(|id| driver(Pole::Developer, id)),
        )
        .collect();
    let mut quality = vec![match s.consistency {
        Some(c) => format!(
            "Consistency {c:.2} (1.00 means every answer within a dimension points the same way)."
        ),
        None => "Consistency: not enough answers.".to_owned(),
    }];
    for c in &insight.contradictions {
        let title = bank
            .dimension(&c.dimension)
            .map_or(c.dimension.as_str(), |d| d.title.as_str());
        let said = |id: &str| {
            bank.question(id)
                .zip(result.answers.get(id))
                .map(|(q, a)| format!("“{}” ({})", quote(&q.text, 9), describe_answer(q, a)))
        };
        if let (Some(e), Some(d)) = (said(&c.engineer_id), said(&c.developer_id)) {
            quality.push(format!(
                "Your answers about {title} pull both ways (consistency {:.2}): {e}, but {d}.",
                c.consistency
            ));
        }
    }
    if let Some(c) = &insight.careless {
        quality.push(format!(
            "Many answers look the same (longest run {}, {:.0}% of agree/disagree answers on one value). If you clicked through quickly, a retake will give you a result you can trust.",
            c.longest_run,
            c.same_share * 100.0
        ));
    }
    let asked = s.answered + s.skipped;
    if asked > 0 && s.answered * 2 < asked {
        quality.push(format!(
            "Only {} of {asked} questions were answered: treat this result as a sketch.",
            s.answered
        ));
    }
    Summary {
        result: result.clone(),
        archetype: s.archetype.and_then(|a| texts.archetype(a)).cloned(),
        dims,
        drivers,
        careless: insight.careless.is_some(),
        quality,
        quadrant: insight
            .quadrant
            .and_then(|q| texts.guidance.quadrant(q))
            .cloned(),
        paths: s
            .archetype
            .and_then(|a| texts.guidance.paths_for(a))
            .cloned(),
        steps: insight.steps.clone(),
        insight,
        unplaced: unplaced(s),
        provisional: crate::adaptive::provisional(bank, result),
    }
}

impl Summary {
    /// The drivers grouped by the pole they pull toward, engineer first, empty groups left out.
    pub fn drivers_by_pole(&self) -> Vec<(Pole, Vec<&Driver>)> {
        [Pole::Engineer, Pole::Developer]
            .into_iter()
            .map(|pole| {
                (
                    pole,
                    self.drivers
                        .iter()
                        .filter(|d| d.pole == pole)
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, ds)| !ds.is_empty())
            .collect()
    }

    /// When, which form, the label, the bank and the id, on one line.
    pub fn provenance(&self) -> String {
        let r = &self.result;
        format!(
            "Taken {} · {} form{} · bank “{}” {} · id {}",
            r.taken_at.strftime("%Y-%m-%d %H:%M UTC"),
            r.form.as_str(),
            super::label_suffix(&r.label),
            line(&r.bank.name),
            line(&r.bank.version),
            line(&r.id)
        )
    }
}

/// "-12.0 ± 9" for a score and its margin; "+50.0, too few answers (2)" for a score from too few
/// answers (`n`) to have a margin: never "± 0" for what is really unknown.
pub fn score_with_margin(score: Option<f64>, margin: Option<f64>, n: usize) -> String {
    match (score, margin) {
        (None, _) => "not enough answers".to_owned(),
        (Some(v), None) => format!("{}, {}", super::fmt_score(Some(v)), too_few(n)),
        (Some(v), Some(m)) => format!("{} ± {m:.0}", super::fmt_score(Some(v))),
    }
}

/// What a scale without a margin says in its place.
pub fn too_few(n: usize) -> String {
    format!("too few answers ({n})")
}
