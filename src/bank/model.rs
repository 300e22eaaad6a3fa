//! The question bank as the rest of the program sees it: validated, typed, in bank order.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// Letters the front ends use for navigation, so a choice option may not use them as its key.
/// (Here, not in `bank/mod.rs`, so build.rs can validate the built-in bank with these modules.)
pub const RESERVED_OPTION_KEYS: &str = "hjklqrs";

/// The two ends of the spectrum. Positive scores point to `Engineer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Pole {
    Engineer,
    Developer,
}

/// What a question asks about: what you enjoy, or what you do and know today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lens {
    Preference,
    Practice,
}

impl Lens {
    pub const ALL: [Lens; 2] = [Lens::Preference, Lens::Practice];

    pub fn as_str(self) -> &'static str {
        match self {
            Lens::Preference => "preference",
            Lens::Practice => "practice",
        }
    }

    pub fn parse(s: &str) -> Option<Lens> {
        Lens::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// The heading a person reads above a question of this lens.
    pub fn title(self) -> &'static str {
        match self {
            Lens::Preference => "What you enjoy",
            Lens::Practice => "What you do today",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dimension {
    pub id: String,
    pub title: String,
    /// One line describing the engineer pole of this dimension.
    pub engineer: String,
    /// One line describing the developer pole of this dimension.
    pub developer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChoiceOption {
    pub key: char,
    pub text: String,
    /// -1 = developer pole, +1 = engineer pole.
    pub lean: f64,
}

/// The five points a likert statement is answered on. Defaults are left out of the bank's
/// fingerprint, so a bank that does not use a field keeps the fingerprint it had before.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scale {
    /// Strongly disagree .. Strongly agree: opinions and preferences.
    #[default]
    Agree,
    /// Never .. Almost always: how often you do something.
    Frequency,
    /// Not at all true .. Completely true: facts about you and your work.
    True,
}

impl Scale {
    pub const ALL: [Scale; 3] = [Scale::Agree, Scale::Frequency, Scale::True];

    pub fn as_str(self) -> &'static str {
        match self {
            Scale::Agree => "agree",
            Scale::Frequency => "frequency",
            Scale::True => "true",
        }
    }

    pub fn parse(s: &str) -> Option<Scale> {
        Scale::ALL.into_iter().find(|x| x.as_str() == s)
    }

    fn is_agree(&self) -> bool {
        *self == Scale::Agree
    }
}

impl Pole {
    fn is_developer(&self) -> bool {
        *self == Pole::Developer
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Pole::Engineer => "engineer",
            Pole::Developer => "developer",
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Kind {
    /// A statement answered 1..=5 on `scale`; agreeing (the top of the scale) points to `keyed`.
    Likert {
        keyed: Pole,
        #[serde(skip_serializing_if = "Scale::is_agree")]
        scale: Scale,
    },
    /// Two statements, A and B; 1 = strongly A, 5 = strongly B. A is the `first` pole's
    /// statement (the developer's unless the bank says otherwise).
    Pair {
        engineer: String,
        developer: String,
        #[serde(skip_serializing_if = "Pole::is_developer")]
        first: Pole,
    },
    /// A scenario answered by one option's key. `ordered` options are steps of one scale
    /// (amounts, frequencies): shown forwards or backwards, never shuffled.
    Choice {
        options: Vec<ChoiceOption>,
        #[serde(skip_serializing_if = "is_false")]
        ordered: bool,
    },
}

impl Kind {
    /// A likert statement on the default scale.
    pub fn likert(keyed: Pole) -> Kind {
        Kind::Likert {
            keyed,
            scale: Scale::Agree,
        }
    }

    /// A pair with the developer statement as A.
    pub fn pair(engineer: &str, developer: &str) -> Kind {
        Kind::Pair {
            engineer: engineer.to_owned(),
            developer: developer.to_owned(),
            first: Pole::Developer,
        }
    }

    /// A scenario whose options may be shown in any order.
    pub fn choice(options: Vec<ChoiceOption>) -> Kind {
        Kind::Choice {
            options,
            ordered: false,
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Kind::Likert { .. } => "likert",
            Kind::Pair { .. } => "pair",
            Kind::Choice { .. } => "choice",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    pub id: String,
    pub dimension: String,
    pub lens: Lens,
    pub text: String,
    pub weight: f64,
    pub quick: bool,
    #[serde(flatten)]
    pub kind: Kind,
}

/// Which questions an assessment asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    Full,
    Quick,
    /// Asks, one at a time, the question the selector picks (`crate::adaptive`), and stops
    /// when the placement is settled.
    Adaptive,
    /// Asks exactly the questions on one goal's scale (a `Focus`, kept beside the form), so a
    /// goal a retake missed can be measured without the whole form. It covers that scale only.
    Goal,
}

impl Form {
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Full => "full",
            Form::Quick => "quick",
            Form::Adaptive => "adaptive",
            Form::Goal => "goal",
        }
    }

    /// Asks a set of questions chosen for it (by the selector, or by a goal's scale) rather
    /// than the form's own: its skipped count comes from the questions it asked.
    pub fn asks_chosen(self) -> bool {
        matches!(self, Form::Adaptive | Form::Goal)
    }

    pub fn includes(self, q: &Question) -> bool {
        match self {
            Form::Full => true,
            Form::Quick => q.quick,
            // Any question may be asked; which ones, the selector decides as answers come in.
            Form::Adaptive => true,
            // Its questions are its focus's (`Focus::includes`), never the form's alone.
            Form::Goal => false,
        }
    }
}

/// A validated bank. Build it with `Bank::new`, which indexes the questions by id: lookups by
/// id happen for every row drawn and every answer scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bank {
    pub name: String,
    pub version: String,
    pub dimensions: Vec<Dimension>,
    pub questions: Vec<Question>,
    #[serde(skip)]
    by_id: HashMap<String, usize>,
}

impl Bank {
    pub fn new(
        name: String,
        version: String,
        dimensions: Vec<Dimension>,
        questions: Vec<Question>,
    ) -> Bank {
        let by_id = questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
        Bank {
            name,
            version,
            dimensions,
            questions,
            by_id,
        }
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.by_id.get(id).and_then(|&i| self.questions.get(i))
    }

    /// Where the question `id` is in `questions`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    pub fn form(&self, form: Form) -> impl Iterator<Item = &Question> {
        self.questions.iter().filter(move |q| form.includes(q))
    }

    pub fn form_len(&self, form: Form) -> usize {
        self.form(form).count()
    }
}
