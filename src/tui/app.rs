//! The whole state of the interactive app, and how actions change it. No terminal I/O here,
//! so every key path is testable by driving `update` and reading the state.

use crate::answers::Answer;
use crate::assets::Texts;
use crate::bank::{Bank, Form};
use crate::report::{Summary, summarise};
use crate::session::Session;
use crate::store::{InProgress, ResultFile, Store};

use super::action::Action;
use super::dialog::{Choice, Dialog};
use super::keymap::Context;
use super::prompt::{Prompt, PromptFor};
use super::screens;
use super::theme::Theme;

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
    Home { cursor: usize },
    Intro { form: Form },
    Question { cursor: usize },
    Review { cursor: usize },
    Result(Box<Dashboard>),
    History(Box<screens::history::HistoryView>),
    Compare(Box<screens::compare::CompareView>),
    Goals(Box<screens::goals::GoalsView>),
    GoalForm(Box<screens::goal_form::GoalForm>),
}

/// A result on screen, worked out once when it opens (not on every draw), and which of its
/// panels is in front (on small terminals, one at a time).
#[derive(Debug, Clone)]
pub struct Dashboard {
    pub summary: Summary,
    pub panel: usize,
    pub scroll: u16,
    /// Goals this result reached for the first time: celebrated on its Next steps.
    pub reached: Vec<String>,
}

impl Dashboard {
    pub fn new(bank: &Bank, texts: &Texts, result: &ResultFile) -> Box<Dashboard> {
        Box::new(Dashboard {
            summary: summarise(bank, result, texts),
            panel: 0,
            scroll: 0,
            reached: Vec::new(),
        })
    }

    pub fn result(&self) -> &ResultFile {
        &self.summary.result
    }
}

impl PartialEq for Dashboard {
    fn eq(&self, other: &Self) -> bool {
        (self.result(), self.panel, self.scroll) == (other.result(), other.panel, other.scroll)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub warning: bool,
}

/// How the app was asked to start.
#[derive(Debug, Clone, PartialEq)]
pub enum Start {
    Home,
    Take(Form),
    /// The dashboard of a saved result (`rolefit show`).
    Show(Box<ResultFile>),
    History,
    /// Two results side by side (`rolefit compare A B`).
    Compare(Box<ResultFile>, Box<ResultFile>),
    Goals,
}

pub struct Config {
    pub bank: Bank,
    pub store: Store,
    pub color: bool,
    pub clock: Clock,
    pub label: String,
    pub seed: Option<u64>,
    pub start: Start,
}

pub struct App {
    pub bank: Bank,
    pub texts: Texts,
    pub theme: Theme,
    pub store: Store,
    pub clock: Clock,
    pub rng: fastrand::Rng,
    pub label: String,
    pub seed: Option<u64>,
    pub screen: Screen,
    /// Where q/Esc goes back to: the screens under this one (History under a dashboard).
    pub back: Vec<Screen>,
    pub dialog: Option<Dialog>,
    pub prompt: Option<Prompt>,
    pub help: bool,
    pub session: Option<Session>,
    pub resumable: Resumable,
    pub notice: Option<Notice>,
    pub quit: bool,
    /// Set by Ctrl-Z; the loop suspends the process and clears it.
    pub suspend: bool,
}

impl App {
    pub fn new(config: Config, texts: Texts) -> App {
        let mut app = App {
            bank: config.bank,
            texts,
            theme: Theme::new(config.color),
            store: config.store,
            clock: config.clock,
            rng: match config.clock {
                Clock::Fixed(t) => fastrand::Rng::with_seed(t.as_second().unsigned_abs()),
                Clock::System => fastrand::Rng::new(),
            },
            label: config.label,
            seed: config.seed,
            screen: Screen::Home { cursor: 0 },
            back: Vec::new(),
            dialog: None,
            prompt: None,
            help: false,
            session: None,
            resumable: Resumable::None,
            notice: None,
            quit: false,
            suspend: false,
        };
        app.refresh_resumable();
        match config.start {
            Start::Home => {}
            Start::Take(form) => screens::home::start(&mut app, form),
            Start::Show(result) => app.open_result(&result, false),
            Start::History => screens::history::open(&mut app),
            Start::Compare(before, after) => screens::compare::open(&mut app, &before, &after),
            Start::Goals => screens::goals::open(&mut app),
        }
        app
    }

    pub fn refresh_resumable(&mut self) {
        self.resumable = match self.store.load_in_progress() {
            Ok(None) => Resumable::None,
            Ok(Some(p)) => Resumable::Ready(Box::new(p)),
            Err(e) => Resumable::Unreadable(e.to_string()),
        };
    }

    /// Which keymap applies right now.
    pub fn context(&self) -> Context {
        if self.help {
            Context::Help
        } else if self.dialog.is_some() {
            Context::Dialog
        } else if self.prompt.is_some() {
            Context::Prompt
        } else {
            self.screen_context()
        }
    }

    /// The keymap of the screen under any overlay (what the help overlay describes).
    pub fn screen_context(&self) -> Context {
        match self.screen {
            Screen::Home { .. } => Context::Home,
            Screen::Intro { .. } => Context::Intro,
            Screen::Question { .. } => Context::Question,
            Screen::Review { .. } => Context::Review,
            Screen::Result(_) => Context::Result,
            Screen::History(_) => Context::History,
            Screen::Compare(_) => Context::Compare,
            Screen::Goals(_) => Context::Goals,
            Screen::GoalForm(_) => Context::GoalForm,
        }
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Interrupt => {
                self.save_progress();
                self.quit = true;
                return;
            }
            Action::Suspend => {
                self.suspend = true;
                return;
            }
            _ => {}
        }
        if self.help {
            if action == Action::Help {
                self.help = false;
            }
            return;
        }
        if let Some(dialog) = &mut self.dialog {
            if let Some(choice) = dialog.update(action) {
                self.dialog = None;
                self.choose(choice);
            }
            return;
        }
        if let Some(prompt) = &mut self.prompt {
            if let Some(answer) = prompt.update(action) {
                let purpose = prompt.purpose.clone();
                self.prompt = None;
                if let Some(text) = answer {
                    self.prompted(purpose, text);
                }
            }
            return;
        }
        if action == Action::Help {
            self.help = true;
            return;
        }
        match self.screen {
            Screen::Home { .. } => screens::home::update(self, action),
            Screen::Intro { .. } => screens::intro::update(self, action),
            Screen::Question { .. } => screens::question::update(self, action),
            Screen::Review { .. } => screens::review::update(self, action),
            Screen::Result(_) => screens::dashboard::update(self, action),
            Screen::History(_) => screens::history::update(self, action),
            Screen::Compare(_) => screens::compare::update(self, action),
            Screen::Goals(_) => screens::goals::update(self, action),
            Screen::GoalForm(_) => screens::goal_form::update(self, action),
        }
    }

    /// What a confirmed prompt's text is for.
    fn prompted(&mut self, purpose: PromptFor, text: String) {
        match purpose {
            PromptFor::Rename(id) => screens::history::rename(self, &id, &text),
            PromptFor::SaveElsewhere => screens::review::save_elsewhere(self, &text),
            PromptFor::GoalNote | PromptFor::GoalDue => {
                screens::goal_form::prompted(self, &purpose, &text)
            }
        }
    }

    fn choose(&mut self, choice: Choice) {
        match choice {
            Choice::Cancel => {}
            Choice::SaveAndQuit => {
                self.save_progress();
                self.quit = true;
            }
            Choice::QuitWithoutSaving => match self.store.remove_in_progress() {
                Ok(()) => self.quit = true,
                Err(e) => self.warn(format!("Could not discard the saved progress: {e}")),
            },
            Choice::Resume => screens::home::resume(self),
            Choice::StartOver(form) => self.screen = Screen::Intro { form },
            Choice::FinishNow => screens::review::finish(self),
            Choice::SaveElsewhere => {
                let path = screens::review::suggested_path(self);
                self.prompt = Some(Prompt::new(
                    "Save the result to",
                    "A file path; the file must not exist yet",
                    &path,
                    PromptFor::SaveElsewhere,
                    4096,
                ));
            }
            Choice::Delete => match self.screen {
                Screen::History(_) => screens::history::delete(self),
                Screen::Goals(_) => screens::goals::remove(self),
                _ => {}
            },
        }
    }

    pub fn go_home(&mut self) {
        self.refresh_resumable();
        self.back.clear();
        self.screen = Screen::Home { cursor: 0 };
    }

    /// Opens `screen` on top of this one; `back` returns here.
    pub fn push(&mut self, screen: Screen) {
        let under = std::mem::replace(&mut self.screen, screen);
        self.back.push(under);
    }

    /// Returns to the screen under this one (home if none), with its data read again: a
    /// rename, a deletion or a new goal may have changed it.
    pub fn pop(&mut self) {
        match self.back.pop() {
            None => self.go_home(),
            Some(Screen::History(h)) => screens::history::reopen(self, h.cursor),
            Some(Screen::Goals(g)) => screens::goals::reopen(self, g.cursor),
            Some(screen) => self.screen = screen,
        }
    }

    /// Shows a result's dashboard, celebrating any goal it reached: `on_top` of the current
    /// screen (q returns there), or in its place (q goes home).
    pub fn open_result(&mut self, result: &ResultFile, on_top: bool) {
        let mut d = Dashboard::new(&self.bank, &self.texts, result);
        if let Ok(goals) = self.store.load_goals() {
            d.reached = crate::goals::newly_reached(&goals.goals, result)
                .into_iter()
                .map(|g| {
                    let title = self
                        .bank
                        .dimension(&g.dimension)
                        .map_or(g.dimension.as_str(), |d| d.title.as_str());
                    format!(
                        "Goal #{} reached: {} is at {} (target {}). Well done!",
                        g.id,
                        crate::goals::goal_title(title, g.lens),
                        crate::report::points(crate::goals::goal_score(
                            &result.scores,
                            &g.dimension,
                            g.lens
                        )),
                        crate::report::points(Some(g.target))
                    )
                })
                .collect();
        }
        if let Some(first) = d.reached.first() {
            self.inform(format!("★ {first}"));
        }
        if on_top {
            self.push(Screen::Result(d));
        } else {
            self.back.clear();
            self.screen = Screen::Result(d);
        }
    }

    /// Today's date for due dates: local on a real clock, UTC on a fixed one (tests).
    pub fn today(&self) -> jiff::civil::Date {
        match self.clock {
            Clock::System => jiff::ZonedDateTime::now().date(),
            Clock::Fixed(t) => t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date(),
        }
    }

    pub fn warn(&mut self, text: String) {
        self.notice = Some(Notice {
            text,
            warning: true,
        });
    }

    pub fn inform(&mut self, text: String) {
        self.notice = Some(Notice {
            text,
            warning: false,
        });
    }

    /// Saves the assessment in progress; a failure is shown, and the answers stay in memory.
    pub fn save_progress(&mut self) -> bool {
        let Some(session) = &self.session else {
            return true;
        };
        match session.autosave(&self.store) {
            Ok(()) => true,
            Err(e) => {
                self.warn(format!("Could not save progress: {e}"));
                false
            }
        }
    }

    /// Answers the current question, moves on (to the review after the last one) and saves,
    /// so a resume lands where the person was looking.
    pub fn answer(&mut self, answer: Answer) {
        let Some(session) = &mut self.session else {
            return;
        };
        if let Err(e) = session.assessment_mut().answer(&self.bank, answer) {
            self.warn(e.to_string());
            return;
        }
        self.advance();
        if self.save_progress() {
            self.notice = None;
        }
    }

    /// Moves to the next question, or to the review after the last one.
    pub fn advance(&mut self) {
        let Some(session) = &mut self.session else {
            return;
        };
        if session.assessment_mut().forward() {
            self.screen = Screen::Question {
                cursor: self.answer_cursor(),
            };
        } else {
            let cursor = session.assessment().len();
            self.screen = Screen::Review { cursor };
        }
    }

    /// The option to highlight on arriving at the current question: its answer, if it has one.
    pub fn answer_cursor(&self) -> usize {
        let Some(session) = &self.session else {
            return 0;
        };
        let a = session.assessment();
        let (Some(q), crate::engine::Status::Answered(answer)) =
            (a.current(&self.bank), a.status(a.position()))
        else {
            return 0;
        };
        crate::answers::option_index(q, answer).unwrap_or(0)
    }

    pub fn open_question(&mut self, index: usize) {
        if let Some(session) = &mut self.session
            && session.assessment_mut().jump(index).is_ok()
        {
            self.screen = Screen::Question {
                cursor: self.answer_cursor(),
            };
        }
    }

    pub fn open_dialog(&mut self, dialog: Dialog) {
        self.dialog = Some(dialog);
    }

    pub fn now(&self) -> jiff::Timestamp {
        self.clock.now()
    }
}
