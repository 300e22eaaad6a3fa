//! Compare as a page: every row and sentence that the text and Markdown reports and the
//! Compare screen show, built once, in reading order. Each front end only decides how a block
//! looks (as `report::page` is for a result).

use crate::bank::{Form, Lens, Pole};
use crate::compare::{AskedOnce, ChangedAnswer, Comparison, Delta, Side};
use crate::insight::pole_word;
use crate::scoring::MIN_ANSWERS_FOR_MARGIN;
use crate::store::ResultFile;

use super::{SHOWN_ANSWERS, archetype_change, delta_text, goal_move_text, noise_text};

/// Which part of the page a section is, so a front end can place it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// The two results, notes on how they differ, the gauge and the archetype.
    Top,
    /// Overall, each lens over all dimensions, then each dimension and its lenses.
    Table,
    /// The answers that changed: the few that moved most, or all of them on request.
    Answers,
    /// On request: the questions only one of the two asked.
    AskedOnce,
    /// What the comparison rests on, and the rule for a real change.
    Notes,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// One of the two results: its date, form, label and overall score, and its id (documents
    /// name it so it can be passed to rolefit again).
    Side {
        side: Side,
        text: String,
        id: String,
    },
    Note(String),
    /// Both overall scores on one scale: ◇ before, ● after.
    Gauge {
        before: Option<f64>,
        after: Option<f64>,
    },
    /// "Archetype: Hybrid builder → Engineer at heart"
    Field(&'static str, String),
    Row(Row),
    /// Where a group of rows ends (the overall rows, above the dimensions).
    Gap,
    /// "★ goal #1: 0% → 100% of the way to +40 · reached", under its dimension's rows.
    Goal(String),
    Answer(AnswerLine),
    /// Something was left out that a front end can show on request: it says how (`MORE`).
    More,
}

/// One row of the table. Front ends choose the columns' look; the words are these.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub name: String,
    /// A lens under a dimension: drawn indented below it.
    pub sub: bool,
    /// The overall row and each dimension's own row, drawn stronger than the lenses.
    pub strong: bool,
    pub delta: Delta,
    pub before: String,
    pub after: String,
    /// "▶ +12.0"
    pub change: String,
    /// "real change", "within noise", "too few answers to tell", or "" without a change.
    pub verdict: &'static str,
}

/// A question and what was answered to it, before → after (or on one side only).
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerLine {
    /// The question's text, or its id where the text is not known here.
    pub question: String,
    /// "5 · Strongly agree → 1 · Strongly disagree", or "asked only before: 4 · Agree".
    pub answers: String,
    /// The pole the change moved toward, if it moved a score.
    pub toward: Option<Pole>,
}

impl AnswerLine {
    /// "toward engineer", or "".
    pub fn toward_text(&self) -> String {
        self.toward
            .map(|p| format!("toward {}", pole_word(p)))
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub key: Key,
    /// Empty for the table, which has no heading of its own.
    pub title: String,
    pub blocks: Vec<Block>,
}

/// The table's column headings, after the row names.
pub const COLUMNS: [&str; 3] = ["before", "after", "change"];
/// The gauge's legend.
pub const GAUGE_LEGEND: &str = "◇ before, ● after";
/// What `Block::More` stands for; each front end says how to get it (a flag, a key).
pub const MORE: &str =
    "every answer that changed and every question asked in only one of the two, with their texts";

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Side::Before => "Before",
            Side::After => "After",
        }
    }

    /// Its mark on the gauge and the bars.
    pub fn glyph(self) -> &'static str {
        match self {
            Side::Before => "◇",
            Side::After => "●",
        }
    }
}

fn form_words(r: &ResultFile) -> &'static str {
    match r.form {
        crate::bank::Form::Full => "a full form",
        crate::bank::Form::Quick => "a quick form",
        crate::bank::Form::Adaptive => "an adaptive form",
        crate::bank::Form::Goal => "a goal form",
    }
}

fn answers_count(n: usize) -> String {
    format!("{n} answer{}", if n == 1 { "" } else { "s" })
}

fn side(side: Side, r: &ResultFile) -> Block {
    let s = &r.scores;
    Block::Side {
        side,
        text: format!(
            "{} · {} form, {}{} · overall {}",
            r.taken_at.strftime("%-d %b %Y %H:%M UTC"),
            r.form.as_str(),
            answers_count(s.answered),
            crate::report::label_suffix(&r.label),
            match r.form {
                Form::Goal => crate::report::goal_form::NO_OVERALL.to_owned(),
                _ => crate::report::score_with_margin(s.overall, s.margin, s.answered),
            }
        ),
        id: crate::sanitize::line(&r.id).into_owned(),
    }
}

/// Said at the top when the two were taken on different forms: which is which, how many
/// answers each has, and so which one's margins are wider.
pub fn forms_note(c: &Comparison) -> Option<String> {
    if c.before.form == Form::Goal || c.after.form == Form::Goal {
        return Some(crate::report::goal_form::compare_note(
            c.before.form.as_str(),
            c.after.form.as_str(),
        ));
    }
    if !c.forms_differ {
        return None;
    }
    let (b, a) = (&c.before, &c.after);
    let (nb, na) = (b.scores.answered, a.scores.answered);
    let which = match nb.cmp(&na) {
        std::cmp::Ordering::Less => " The earlier one rests on fewer answers,",
        std::cmp::Ordering::Greater => " The later one rests on fewer answers,",
        std::cmp::Ordering::Equal => "",
    };
    let rest = if which.is_empty() {
        ""
    } else {
        " so its margins are wider and fewer moves can be told from noise."
    };
    Some(format!(
        "Note: the earlier result is {} ({}), the later {} ({na}).{which}{rest}",
        form_words(b),
        answers_count(nb),
        form_words(a),
    ))
}

/// Said at the top when what the person said about themselves changed between the two:
/// "About you changed: role: senior → tech lead."
pub fn context_note(c: &Comparison) -> Option<String> {
    let changes =
        crate::report::context_changes(c.before.context.as_ref(), c.after.context.as_ref());
    (!changes.is_empty()).then(|| format!("About you changed: {}.", changes.join("; ")))
}

/// What the comparison rests on when the two did not ask the same questions.
pub fn shared_notes(c: &Comparison) -> Vec<String> {
    let mut parts = Vec::new();
    if c.on_shared {
        parts.push(format!(
            "Taken on different versions of the question bank ({} and {}): every score here is recomputed from the {} questions both asked, so it can differ from each result's own score.",
            c.before.bank.version, c.after.bank.version, c.shared_questions
        ));
    } else if !c.same_bank {
        parts.push(format!(
            "Taken on different question banks (“{}” {} and “{}” {}): each result's own score is compared, so part of any change may come from the questions asked.",
            c.before.bank.name, c.before.bank.version, c.after.bank.name, c.after.bank.version
        ));
    }
    match c.not_shared.len() {
        0 => {}
        1 => parts.push("1 question was asked in only one of the two.".into()),
        n => parts.push(format!("{n} questions were asked in only one of the two.")),
    }
    if !c.unshared_titles.is_empty() {
        parts.push(format!(
            "Dimensions scored in only one: {}.",
            c.unshared_titles.join(", ")
        ));
    }
    parts
}

/// The rule every verdict follows, with the model's own threshold.
pub fn rule_note() -> String {
    format!(
        "A change is real only when it is larger than both results' margins combined (sqrt(m1² + m2²)); anything smaller is within noise. A score from fewer than {MIN_ANSWERS_FOR_MARGIN} answers has no margin, and a change in it is too few answers to tell."
    )
}

fn row(name: &str, d: &Delta, sub: bool, strong: bool) -> Block {
    Block::Row(Row {
        name: name.to_owned(),
        sub,
        strong,
        delta: *d,
        before: crate::report::fmt_score(d.before),
        after: crate::report::fmt_score(d.after),
        change: delta_text(d),
        verdict: noise_text(d),
    })
}

fn table(c: &Comparison) -> Section {
    let mut blocks = vec![
        row("Overall", &c.overall, false, true),
        row(Lens::Preference.title(), &c.preference, false, false),
        row(Lens::Practice.title(), &c.practice, false, false),
        Block::Gap,
    ];
    for d in &c.dimensions {
        let star = if d.goals.is_empty() { "" } else { "★ " };
        blocks.push(row(&format!("{star}{}", d.title), &d.combined, false, true));
        blocks.push(row(Lens::Preference.title(), &d.preference, true, false));
        blocks.push(row(Lens::Practice.title(), &d.practice, true, false));
        blocks.extend(d.goals.iter().map(|g| Block::Goal(goal_move_text(g))));
    }
    Section {
        key: Key::Table,
        title: String::new(),
        blocks,
    }
}

fn changed(a: &ChangedAnswer) -> Block {
    Block::Answer(AnswerLine {
        question: a.text.clone().unwrap_or_else(|| a.id.clone()),
        answers: format!("{} → {}", a.before, a.after),
        toward: match a.shift {
            Some(s) if s > 0.0 => Some(Pole::Engineer),
            Some(s) if s < 0.0 => Some(Pole::Developer),
            _ => None,
        },
    })
}

fn asked_once(a: &AskedOnce) -> Block {
    Block::Answer(AnswerLine {
        question: a.text.clone().unwrap_or_else(|| a.id.clone()),
        answers: format!(
            "asked only {}: {}",
            a.side.name().to_lowercase(),
            a.answer.as_deref().unwrap_or("skipped")
        ),
        toward: None,
    })
}

/// "12 of the 31 questions both asked were answered differently; these 6 moved most."
fn changed_count(c: &Comparison, shown: usize) -> String {
    let n = c.changed_answers.len();
    let were = if n == 1 { "was" } else { "were" };
    let head = format!(
        "{n} of the {} questions both asked {were} answered differently",
        c.shared_questions
    );
    if shown < n {
        format!("{head}; these {shown} moved the scores most.")
    } else {
        format!("{head}.")
    }
}

fn answers(c: &Comparison, all: bool) -> Option<Section> {
    if c.changed_answers.is_empty() && !all {
        return None;
    }
    let shown = if all {
        c.changed_answers.len()
    } else {
        SHOWN_ANSWERS.min(c.changed_answers.len())
    };
    let mut blocks = vec![Block::Note(changed_count(c, shown))];
    blocks.extend(c.changed_answers.iter().take(shown).map(changed));
    Some(Section {
        key: Key::Answers,
        title: if all {
            "Every answer that changed"
        } else {
            "Answers that changed most"
        }
        .into(),
        blocks,
    })
}

/// The page. With `questions`, every changed answer and every question asked in only one of
/// the two are listed with their texts; without, the few answers that moved most, and counts.
pub fn sections(c: &Comparison, texts: &crate::assets::Texts, questions: bool) -> Vec<Section> {
    let mut top = vec![side(Side::Before, &c.before), side(Side::After, &c.after)];
    top.extend(
        forms_note(c)
            .into_iter()
            .chain(context_note(c))
            .map(Block::Note),
    );
    top.push(Block::Gauge {
        before: c.overall.before,
        after: c.overall.after,
    });
    top.push(Block::Field("Archetype", archetype_change(texts, c)));
    let mut out = vec![
        Section {
            key: Key::Top,
            title: "Before and after".into(),
            blocks: top,
        },
        table(c),
    ];
    out.extend(answers(c, questions));
    if questions && !c.asked_once.is_empty() {
        out.push(Section {
            key: Key::AskedOnce,
            title: "Asked in only one of the two".into(),
            blocks: c.asked_once.iter().map(asked_once).collect(),
        });
    }
    let mut notes: Vec<Block> = shared_notes(c).into_iter().map(Block::Note).collect();
    let hidden = c.changed_answers.len() > SHOWN_ANSWERS || !c.asked_once.is_empty();
    if hidden && !questions {
        notes.push(Block::More);
    }
    notes.push(Block::Note(rule_note()));
    out.push(Section {
        key: Key::Notes,
        title: String::new(),
        blocks: notes,
    });
    out
}
