//! What the app's state is made of: screens, the dashboard of a result, notices, and how the
//! app was asked to start.

use crate::assets::Texts;
use crate::bank::{Bank, Form};
use crate::report::{Summary, summarise_with_goals};
use crate::store::{InProgress, ResultFile};

use crate::tui::screens;

/// Where "now" comes from: the system clock, or a fixed instant for tests and snapshots.
#[derive(Debug, Clone, Copy)]
pub enum Clock {
    System,
    Fixed(jiff::Timestamp),
}

impl Clock {
    pub fn now(self) -> jiff::Timestamp {
        match self {
            Clock::System => jiff::Timestamp::now(),
            Clock::Fixed(t) => t,
        }
    }
}

/// The unfinished assessment found in the data directory, if any.
#[derive(Debug, Clone, PartialEq)]
pub enum Resumable {
    None,
    Ready(Box<InProgress>),
    /// It exists but cannot be read; the reason is shown and the file is never overwritten.
    Unreadable(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Home {
        cursor: usize,
    },
    /// `scroll`: a small terminal scrolls the intro rather than cutting it.
    Intro {
        form: Form,
        scroll: crate::tui::widgets::scroll::Scroll,
    },
    /// `cursor`: the highlighted option, none until the person moves or has an answer (so a
    /// stray Enter answers nothing). `from_review`: opened from Review, which an answer returns to.
    /// `marked`: a scenario's options marked with Space (two at most, as shown), which Enter
    /// answers with together.
    Question {
        cursor: Option<usize>,
        from_review: bool,
        marked: Vec<usize>,
    },
    /// `rows`: the list wrapped to its columns, kept between frames (`Screen::review` opens
    /// it with none).
    Review {
        cursor: usize,
        rows: screens::review::Wrapped,
    },
    Result(Box<Dashboard>),
    History(Box<screens::history::HistoryView>),
    Compare(Box<screens::compare::CompareView>),
    Goals(Box<screens::goals::GoalsView>),
    GoalForm(Box<screens::goal_form::GoalForm>),
    About(Box<screens::about::AboutForm>),
    Team(Box<screens::team::TeamView>),
    GoalTimeline(Box<screens::timeline::TimelineView>),
}

/// A result on screen, worked out once when it opens (not on every draw), and which of its
/// panels is in front (on small terminals, one at a time).
#[derive(Debug, Clone)]
pub struct Dashboard {
    pub summary: Summary,
    pub panel: screens::dashboard::Panel,
    pub scroll: crate::tui::widgets::scroll::Scroll,
    /// The panel in front laid out for the last body size drawn (the summary never changes).
    pub laid_out: crate::tui::widgets::memo::LaidOut<(screens::dashboard::Panel, u16, u16)>,
    /// Goals this result reached for the first time: celebrated on its Next steps.
    pub reached: Vec<String>,
}

impl Dashboard {
    /// `goals`: the learning goals; open ones lead the next steps.
    pub fn new(
        bank: &Bank,
        texts: &Texts,
        result: &ResultFile,
        goals: &[crate::store::Goal],
    ) -> Box<Dashboard> {
        Box::new(Dashboard {
            summary: summarise_with_goals(bank, result, texts, goals),
            panel: screens::dashboard::Panel::Overview,
            scroll: crate::tui::widgets::scroll::Scroll::default(),
            laid_out: crate::tui::widgets::memo::Memo::default(),
            reached: Vec::new(),
        })
    }

    pub fn result(&self) -> &ResultFile {
        &self.summary.result
    }
}

impl Screen {
    /// The review of the assessment, `cursor` on a row.
    pub fn review(cursor: usize) -> Screen {
        Screen::Review {
            cursor,
            rows: screens::review::Wrapped::default(),
        }
    }

    /// The intro of `form`, from its top.
    pub fn intro(form: Form) -> Screen {
        Screen::Intro {
            form,
            scroll: crate::tui::widgets::scroll::Scroll::default(),
        }
    }
}

impl PartialEq for Dashboard {
    fn eq(&self, other: &Self) -> bool {
        (self.result(), self.panel, &self.scroll) == (other.result(), other.panel, &other.scroll)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub warning: bool,
}

impl Notice {
    pub fn new(text: String, warning: bool) -> Self {
        Self { text, warning }
    }
}

/// How the app was asked to start.
#[derive(Debug, Clone, PartialEq)]
pub enum Start {
    Home,
    Take(Form),
    /// A goal form on this scale (`rolefit take --goal ID`).
    TakeGoal(crate::bank::Focus),
    /// The dashboard of a saved result (`rolefit show`).
    Show(Box<ResultFile>),
    History,
    /// Two results side by side (`rolefit compare A B`).
    Compare(Box<ResultFile>, Box<ResultFile>),
    Goals,
    /// A team's cards (`rolefit team PATH...`).
    Team(Box<crate::team::Team>),
}
