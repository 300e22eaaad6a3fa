//! Everything a result's dashboard and exports show, worked out once from the result, the bank
//! and the texts: each front end (TUI, Markdown, HTML, text) only lays it out.

use super::hint::{Medium, worded};
use crate::answers::describe_answer;
use crate::assets::{ArchetypeText, Path, Quadrant, QuadrantId, Texts};
use crate::bank::{Bank, Form, Lens, Pole};
use crate::insight::{ChosenStep, Insight, analyse};
use crate::scoring::Archetype;
use crate::store::{Goal, ResultFile};

use super::sentences;

#[derive(Debug, Clone, PartialEq)]
pub struct DimRow {
    pub id: String,
    pub title: String,
    /// The two poles of the dimension in words (the bank's texts).
    pub engineer: String,
    pub developer: String,
    pub combined: Option<f64>,
    pub margin: Option<f64>,
    pub preference: Option<f64>,
    pub practice: Option<f64>,
    pub preference_margin: Option<f64>,
    pub practice_margin: Option<f64>,
    pub consistency: Option<f64>,
    /// Answered questions in the dimension, in all and per lens (preference, practice).
    pub answered: usize,
    pub answered_by_lens: (usize, usize),
    /// What the gap between enjoy and do today means here.
    pub gap: Option<String>,
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
    /// "Engineer by choice (enjoy +53, do today +67): ..." under the quadrant chart.
    pub quadrant_line: Option<String>,
    pub paths: Option<Path>,
    pub steps: Vec<ChosenStep>,
    /// Why there are no steps, when there are none (and something was answered).
    pub no_steps: Option<String>,
    pub insight: Insight,
    /// Why there is no archetype yet (too few answers), and how many more would give one.
    pub unplaced: Option<String>,
    /// A goal-form result's one scale ("Skills you reach for"): it places nobody overall.
    pub covers: Option<String>,
    /// The label, when it was taken, the form and how much of it was answered.
    pub meta: String,
    /// What a quick-form result says about its margins.
    pub form_note: Option<String>,
    /// Why a result from another bank shows its scores as saved, and how to rescore it.
    pub foreign_note: Option<String>,
    /// Where the overall score sits among the bands, and the border the margin crosses.
    pub where_line: Option<String>,
    pub straddle: Option<String>,
    /// The consistency figure with its level and meaning.
    pub consistency_line: String,
    /// When a retake makes sense (as a screen says it: with its keys); how roles are leveled.
    pub retake: String,
    /// `retake` and `no_steps` as a document says them: commands where a screen names keys.
    pub in_document: InDocument,
    pub leveling: String,
    /// Every archetype's title (for the map) and every quadrant's (for the chart).
    pub band_titles: Vec<(Archetype, String)>,
    pub quadrant_titles: Vec<(QuadrantId, String)>,
    /// An adaptive result finished before its placement was settled: why, in a sentence.
    pub provisional: Option<String>,
    /// Who the person said they are: "15+ years in software · engineering manager".
    pub context_line: Option<String>,
    /// Said with the steps when their levels could not be fitted to experience and role.
    pub levels_note: Option<String>,
}

/// The texts a screen words with keys, as a document words them (see `hint`).
#[derive(Debug, Clone, Default)]
pub struct InDocument {
    pub retake: String,
    pub no_steps: Option<String>,
}

/// Said with the steps of a result without experience or role.
pub const LEVELS_NOTE: &str = "These levels assume mid-career. Add your experience and role under About you, and the steps and paths start where you are.";

/// The archetype's text as this person reads it: nothing in it assumes coding or a team they
/// lack (`ArchetypeText::for_reader`).
fn for_context(t: &ArchetypeText, context: Option<&crate::context::Context>) -> ArchetypeText {
    let role = context.and_then(|c| c.role);
    t.for_reader(&crate::assets::reader_lacks(
        role,
        crate::insight::lacks(context),
    ))
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

/// Works from the result as the current model scores it (`ResultFile::rescored`), without
/// learning goals.
pub fn summarise(bank: &Bank, result: &ResultFile, texts: &Texts) -> Summary {
    summarise_with_goals(bank, result, texts, &[])
}

/// As `summarise`; open `goals` lead the next steps.
pub fn summarise_with_goals(
    bank: &Bank,
    result: &ResultFile,
    texts: &Texts,
    goals: &[Goal],
) -> Summary {
    let result = &result.clone().rescored(bank);
    let s = &result.scores;
    let insight = analyse(
        bank,
        &result.order,
        &result.answers,
        s,
        &texts.guidance,
        goals,
        result.context.as_ref(),
    );
    let context = result.context.as_ref();
    let items = crate::scoring::items(bank, &result.answers);
    let count = |dim: &str, lens: Lens| {
        items
            .iter()
            .filter(|i| i.question.dimension == dim && i.question.lens == lens)
            .count()
    };
    // A goal-form result shows the one dimension it asked about, and no others.
    let asked = |d: &&crate::bank::Dimension| {
        result.form != Form::Goal || result.focus.as_ref().is_some_and(|f| f.dimension == d.id)
    };
    let dims = bank
        .dimensions
        .iter()
        .filter(asked)
        .map(|d| {
            let sc = s.dimensions.get(&d.id);
            let preference = sc.and_then(|x| x.preference);
            let practice = sc.and_then(|x| x.practice);
            let margins = (
                sc.and_then(|x| x.preference_margin),
                sc.and_then(|x| x.practice_margin),
            );
            DimRow {
                id: d.id.clone(),
                title: d.title.clone(),
                engineer: d.engineer.clone(),
                developer: d.developer.clone(),
                combined: sc.and_then(|x| x.combined),
                margin: sc.and_then(|x| x.margin),
                preference,
                practice,
                preference_margin: margins.0,
                practice_margin: margins.1,
                answered: sc.map_or(0, |x| x.answered),
                answered_by_lens: (count(&d.id, Lens::Preference), count(&d.id, Lens::Practice)),
                gap: sentences::gap(&d.id, sc),
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
    let consistency_line = sentences::consistency(s);
    let mut quality = vec![consistency_line.clone()];
    for c in &insight.contradictions {
        let title = bank
            .dimension(&c.dimension)
            .map_or(c.dimension.as_str(), |d| d.title.as_str());
        let said = |id: &str| {
            bank.question(id)
                .zip(result.answers.get(id))
                .map(|(q, a)| format!("“{}” ({})", q.text, describe_answer(q, a)))
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
    let quadrant = insight
        .quadrant
        .and_then(|q| texts.guidance.quadrant(q))
        .cloned();
    let quadrant_line = match (&quadrant, s.preference, s.practice) {
        (Some(q), Some(p), Some(d)) => Some(format!(
            "{} (enjoy {}, do today {}): {}{}",
            q.title,
            crate::insight::pts(p),
            crate::insight::pts(d),
            q.text,
            sentences::near_middle(p, d)
        )),
        _ => None,
    };
    let no_steps = (insight.steps.is_empty() && s.overall.is_some()).then(|| {
        let title = bank
            .dimension(crate::insight::DIRECTION_DIMENSION)
            .map(|d| d.title.as_str());
        sentences::no_steps(s, title)
    });
    let in_document = InDocument {
        retake: worded(&texts.guidance.retake, Medium::Document),
        no_steps: no_steps.as_deref().map(|t| worded(t, Medium::Document)),
    };
    let no_steps = no_steps.map(|t| worded(&t, Medium::Screen));
    let asked = s.answered + s.skipped;
    // An adaptive form has no fixed length: "17 of 17 answered" would read as a form that was
    // 17 long.
    let how_many = match result.form {
        Form::Adaptive if s.skipped == 0 => format!("{asked} questions"),
        Form::Adaptive => format!("{asked} questions, {} answered", s.answered),
        _ => format!("{} of {asked} questions answered", s.answered),
    };
    let meta = format!(
        "{}taken {} · {} form, {how_many}",
        if result.label.is_empty() {
            String::new()
        } else {
            // One line, whatever the file says: a line break could forge a line of the report.
            format!("“{}” · ", crate::sanitize::line(&result.label))
        },
        result.taken_at.strftime("%-d %b %Y %H:%M UTC"),
        result.form.as_str(),
    );
    Summary {
        result: result.clone(),
        archetype: s
            .archetype
            .and_then(|a| texts.archetype(a))
            .map(|t| for_context(t, context)),
        context_line: context.and_then(super::context_line),
        levels_note: (!crate::insight::has_footing(context)).then(|| LEVELS_NOTE.to_owned()),
        dims,
        drivers,
        careless: insight.careless.is_some(),
        quality,
        quadrant,
        quadrant_line,
        paths: s
            .archetype
            .and_then(|a| crate::insight::paths(&texts.guidance, a, context)),
        steps: insight.steps.clone(),
        no_steps,
        where_line: insight
            .placement
            .as_ref()
            .map(|p| sentences::where_you_stand(texts, s, p)),
        straddle: insight
            .placement
            .as_ref()
            .and_then(|p| sentences::straddle(texts, p)),
        insight,
        // More answers would not place a goal form's result: it asks one scale only.
        unplaced: unplaced(s).filter(|_| result.form != Form::Goal),
        covers: super::goal_form::covers(bank, result),
        meta,
        form_note: match result.form {
            Form::Quick => Some(texts.guidance.quick_note.clone()),
            Form::Adaptive => adaptive_note(bank, result, texts),
            Form::Goal => super::goal_form::goal_note(bank, result, texts),
            Form::Full => None,
        },
        foreign_note: super::foreign::foreign_note(bank, result),
        consistency_line,
        retake: worded(&texts.guidance.retake, Medium::Screen),
        in_document,
        leveling: texts.guidance.leveling.clone(),
        band_titles: Archetype::ALL
            .into_iter()
            .map(|a| {
                let t = texts.archetype(a).map_or(a.id(), |t| t.title.as_str());
                (a, t.to_owned())
            })
            .collect(),
        quadrant_titles: QuadrantId::ALL
            .into_iter()
            .filter_map(|q| Some((q, texts.guidance.quadrant(q)?.title.clone())))
            .collect(),
        provisional: super::adaptive::provisional_note(bank, result),
    }
}

/// What an adaptive result that stopped by itself says about itself: how many questions, why
/// it stopped, and that its dimension scores rest on few answers. `None` for one finished early
/// (it says it is provisional instead), one that asked every question (it is the full form's
/// result), and one from another bank (its stop cannot be checked here).
fn adaptive_note(bank: &Bank, result: &ResultFile, texts: &Texts) -> Option<String> {
    use super::adaptive::percent;
    use crate::adaptive::{Check, Decision, Stop};
    let bank = result.taken_on(bank);
    if result.bank.name != bank.name {
        return None;
    }
    let check = Check::new(bank, &result.answers, &result.order);
    let g = &texts.guidance;
    let why = match check.decision() {
        Decision::Stop(Stop::Predicted) => g
            .adaptive_predicted
            .replace("{percent}", &percent(check.likely?)),
        Decision::Stop(Stop::Curtailed) => g.adaptive_curtailed.clone(),
        Decision::Stop(Stop::Exhausted) | Decision::Continue => return None,
    };
    let s = &result.scores;
    let per_dim = s.dimensions.values().map(|d| d.answered);
    let (fewest, most) = (per_dim.clone().min()?, per_dim.max()?);
    let answers = if fewest == most {
        fewest.to_string()
    } else {
        format!("{fewest} to {most}")
    };
    Some(
        g.adaptive_note
            .replace("{asked}", &(s.answered + s.skipped).to_string())
            .replace("{why}", &why)
            .replace("{answers}", &answers),
    )
}

impl Summary {
    pub fn band_title(&self, a: Archetype) -> String {
        self.band_titles
            .iter()
            .find(|(x, _)| *x == a)
            .map_or_else(|| a.id().to_owned(), |(_, t)| t.clone())
    }

    pub fn quadrant_title(&self, q: QuadrantId) -> &str {
        self.quadrant_titles
            .iter()
            .find(|(x, _)| *x == q)
            .map_or("", |(_, t)| t.as_str())
    }

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
            crate::sanitize::line(&r.bank.name),
            crate::sanitize::line(&r.bank.version),
            r.id
        )
    }
}
