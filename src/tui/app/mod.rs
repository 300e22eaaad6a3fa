//! The whole state of the interactive app, and how actions change it. No terminal I/O here,
//! so every key path is testable by driving `update` and reading the state.

use crate::assets::Texts;
use crate::bank::Bank;
use crate::session::Session;
use crate::store::Store;

use super::action::Action;

mod navigate;
mod next;
mod overlay;
mod pending;
mod state;
mod taking;

use super::dialog::{Choice, Dialog, SaveFor};
use super::keymap::Context;
use super::prompt::{Prompt, PromptFor};
use super::screens;
use super::theme::Theme;
pub use next::Next;
pub use overlay::{Closed, Exit, Overlay};
pub use pending::Pending;
pub use state::{Clock, Dashboard, Notice, Resumable, Screen, Start};

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
    /// Help, a dialog or a prompt over the screen: it takes the keys first.
    pub overlay: Option<Overlay>,
    pub session: Option<Session>,
    /// The progress a save could not write, for the hang-up watcher to save or report.
    pub pending: Pending,
    pub resumable: Resumable,
    /// The id and time of the result `latest` opens, if any: home offers it.
    pub latest: Option<(String, jiff::Timestamp)>,
    /// What `latest` passed over because it cannot be read (or why there is no latest though
    /// files are there): home says it, and so does that result's dashboard.
    pub latest_note: Option<String>,
    pub notice: Option<Notice>,
    /// How many notices were raised so far: tells a new notice from one left from before.
    notices: u64,
    /// Set once the app is leaving: the loop ends, and the shell hears why.
    pub exit: Option<Exit>,
    /// Started from the shell on a saved-data screen (`rolefit show`, `history`, `compare`,
    /// `goals`): leaving its last screen returns to the shell rather than to home.
    pub exit_at_bottom: bool,
    /// Set by Ctrl-Z; the loop suspends the process and clears it.
    pub suspend: bool,
    /// The scale a goal form being started asks (`Form::Goal` on Intro and About you).
    pub goal_focus: Option<crate::bank::Focus>,
}

impl App {
    pub fn new(config: Config, texts: Texts) -> App {
        // Results are read with the bank in use, as they are scored.
        let store = config.store.with_bank(&config.bank);
        let mut app = App {
            bank: config.bank,
            texts,
            theme: Theme::new(config.color),
            store,
            clock: config.clock,
            rng: match config.clock {
                Clock::Fixed(t) => fastrand::Rng::with_seed(t.as_second().unsigned_abs()),
                Clock::System => fastrand::Rng::new(),
            },
            label: config.label,
            seed: config.seed,
            screen: Screen::Home { cursor: 0 },
            back: Vec::new(),
            overlay: None,
            session: None,
            pending: Pending::default(),
            resumable: Resumable::None,
            latest: None,
            latest_note: None,
            notice: None,
            notices: 0,
            exit: None,
            exit_at_bottom: false,
            suspend: false,
            goal_focus: None,
        };
        app.refresh_resumable();
        app.screen = Screen::Home {
            cursor: screens::home::default_cursor(&app),
        };
        match config.start {
            Start::Home => {}
            Start::Take(form) => {
                let next = screens::home::start(&app, form);
                app.go(next);
            }
            Start::TakeGoal(focus) => {
                let next = screens::intro::start_goal(&mut app, focus);
                app.go(next);
            }
            Start::Show(result) => app.open_result(&result, false),
            Start::History => {
                let next = screens::history::open(&mut app);
                app.go(next);
            }
            Start::Compare(before, after) => {
                let next = screens::compare::open(&mut app, &before, &after);
                app.go(next);
            }
            Start::Goals => {
                let next = screens::goals::open(&mut app);
                app.go(next);
            }
            Start::Team(team) => {
                let next = screens::team::open(&app, *team);
                app.go(next);
            }
        }
        if !matches!(
            app.screen,
            Screen::Home { .. } | Screen::Intro { .. } | Screen::Question { .. }
        ) {
            // A screen the shell asked for: q on it (and on anything it opens) leads back to
            // the shell, not to a home screen the person never saw.
            app.exit_at_bottom = true;
            app.back.retain(|s| !matches!(s, Screen::Home { .. }));
        }
        app
    }

    /// Which keymap applies right now.
    pub fn context(&self) -> Context {
        self.overlay
            .as_ref()
            .map_or_else(|| self.screen_context(), Overlay::context)
    }

    /// The keymap of the screen under any overlay (what the help overlay describes).
    pub fn screen_context(&self) -> Context {
        match self.screen {
            Screen::Home { .. } => Context::Home,
            Screen::Intro { .. } => Context::Intro,
            Screen::Question { .. } => Context::Question,
            Screen::Review { .. } => Context::Review,
            Screen::Result(ref d) if d.summary.covers.is_some() => Context::OneScaleResult,
            Screen::Result(_) => Context::Result,
            Screen::History(_) => Context::History,
            Screen::Compare(_) => Context::Compare,
            Screen::Goals(_) => Context::Goals,
            Screen::GoalForm(_) => Context::GoalForm,
            Screen::About(_) => Context::About,
            Screen::Team(_) => Context::Team,
            Screen::GoalTimeline(_) => Context::Timeline,
        }
    }

    /// Applies one action. A notice belongs to the screen it was raised on: one left from
    /// before goes when the screen changes ("Exported to ..." does not follow you to a form).
    pub fn update(&mut self, action: Action) {
        let before = (self.where_am_i(), self.notices);
        self.dispatch(action);
        if self.notices == before.1 && self.where_am_i() != before.0 {
            self.notice = None;
        }
    }

    /// The screen, for telling whether it changed: the keymap's context, and which question.
    fn where_am_i(&self) -> (Context, usize) {
        let question = match (&self.screen, &self.session) {
            (Screen::Question { .. }, Some(s)) => s.assessment().position(),
            _ => 0,
        };
        (self.screen_context(), question)
    }

    fn dispatch(&mut self, action: Action) {
        match action {
            Action::Interrupt => {
                self.save_and_leave("Ctrl-C");
                return;
            }
            Action::Suspend => {
                self.suspend = true;
                return;
            }
            _ => {}
        }
        if let Some(overlay) = &mut self.overlay {
            if let Some(closed) = overlay.update(action) {
                self.overlay = None;
                match closed {
                    Closed::Nothing => {}
                    Closed::Chose(choice) => self.choose(choice),
                    Closed::Typed(purpose, text) => self.prompted(purpose, text),
                }
            }
            return;
        }
        if action == Action::Help {
            self.overlay = Some(Overlay::help());
            return;
        }
        // Each screen changes its own state and returns what should happen next.
        let next = match self.screen {
            Screen::Home { .. } => screens::home::update(self, action),
            Screen::Intro { .. } => screens::intro::update(self, action),
            Screen::Question { .. } => screens::question::update(self, action),
            Screen::Review { .. } => screens::review::update(self, action),
            Screen::Result(_) => screens::dashboard::update(self, action),
            Screen::History(_) => screens::history::update(self, action),
            Screen::Compare(_) => screens::compare::update(self, action),
            Screen::Team(_) => screens::team::update(self, action),
            Screen::Goals(_) => screens::goals::update(self, action),
            Screen::GoalForm(_) => screens::goal_form::update(self, action),
            Screen::About(_) => screens::about::update(self, action),
            Screen::GoalTimeline(_) => screens::timeline::update(self, action),
        };
        self.go(next);
    }

    /// What a confirmed prompt's text is for.
    fn prompted(&mut self, purpose: PromptFor, text: String) {
        match purpose {
            PromptFor::Rename(id) => screens::history::rename(self, &id, &text),
            PromptFor::SaveElsewhere(what) => screens::review::save_elsewhere(self, &text, what),
            PromptFor::GoalNote | PromptFor::GoalDue => {
                screens::goal_form::prompted(self, &purpose, &text)
            }
        }
    }

    fn choose(&mut self, choice: Choice) {
        match choice {
            Choice::Cancel => {}
            Choice::SaveAndQuit => match self.autosave() {
                Ok(()) => self.leave(self.saved_exit()),
                Err(e) => {
                    self.warn(format!("Could not save progress: {e}"));
                    self.open_dialog(Dialog::save_failed(SaveFor::Progress, &e.to_string()));
                }
            },
            Choice::AskDiscard => {
                self.open_dialog(Dialog::discard(screens::answered(self)));
            }
            Choice::QuitWithoutSaving => match self.store.remove_in_progress() {
                Ok(()) => {
                    self.pending.forget();
                    self.leave(Exit::Farewell(
                        "Your unfinished assessment was discarded.".to_owned(),
                    ));
                }
                Err(e) => self.warn(format!("Could not discard the saved progress: {e}")),
            },
            Choice::Resume => {
                let next = screens::home::resume(self);
                self.go(next);
            }
            Choice::StartOver(form) => self.screen = Screen::intro(form),
            Choice::FinishNow => {
                let next = screens::review::finish(self);
                self.go(next);
            }
            Choice::SaveElsewhere(what) => {
                let path = screens::review::suggested_path(self);
                self.open_prompt(Prompt::new(
                    "Save the result to",
                    "A file path; the file must not exist yet",
                    &path,
                    PromptFor::SaveElsewhere(what),
                    4096,
                ));
            }
            Choice::NewerBaseline => {
                let next = screens::goal_form::start_from_latest(self);
                self.go(next);
            }
            Choice::Delete => {
                let next = match self.screen {
                    Screen::History(_) => screens::history::delete(self),
                    Screen::Goals(_) => screens::goals::remove(self),
                    _ => Next::Stay,
                };
                self.go(next);
            }
        }
    }

    /// Leaves: the loop ends once this action is done, and the shell hears `exit`.
    pub fn leave(&mut self, exit: Exit) {
        self.exit = Some(exit);
    }

    pub fn leaving(&self) -> bool {
        self.exit.is_some()
    }

    /// The line for the shell after leaving, if there is one.
    pub fn farewell(&self) -> Option<&str> {
        self.exit.as_ref().and_then(Exit::farewell)
    }

    /// What could not be saved on leaving, if anything.
    pub fn unsaved(&self) -> Option<&str> {
        self.exit.as_ref().and_then(Exit::unsaved)
    }

    pub fn dialog(&self) -> Option<&Dialog> {
        match &self.overlay {
            Some(Overlay::Dialog(d)) => Some(d),
            _ => None,
        }
    }

    pub fn prompt(&self) -> Option<&Prompt> {
        match &self.overlay {
            Some(Overlay::Prompt(p)) => Some(p),
            _ => None,
        }
    }

    pub fn help_open(&self) -> bool {
        matches!(self.overlay, Some(Overlay::Help(_)))
    }

    pub fn open_prompt(&mut self, prompt: Prompt) {
        self.overlay = Some(Overlay::Prompt(prompt));
    }

    /// Leaving after a successful save: one line for the shell saying what was kept and how to
    /// go on.
    pub fn saved_exit(&self) -> Exit {
        self.saved_farewell().map_or(Exit::Quiet, Exit::Farewell)
    }

    fn saved_farewell(&self) -> Option<String> {
        let a = self.session.as_ref()?.assessment();
        let p = a.progress();
        // An adaptive form has no fixed total: its length is the questions asked so far.
        let count = match a.form {
            crate::bank::Form::Adaptive => {
                format!(
                    "{} answer{}",
                    p.answered,
                    if p.answered == 1 { "" } else { "s" }
                )
            }
            _ => format!("{} of {} answers", p.answered, p.total),
        };
        Some(format!(
            "Saved {count} in {}. Run `rolefit` and choose Resume to go on.",
            self.store.in_progress_path().display()
        ))
    }

    /// Today's date for due dates: local on a real clock, UTC on a fixed one (tests).
    pub fn today(&self) -> jiff::civil::Date {
        match self.clock {
            Clock::System => jiff::ZonedDateTime::now().date(),
            Clock::Fixed(t) => t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date(),
        }
    }

    pub fn warn(&mut self, text: String) {
        self.say(Notice::new(text, true));
    }

    pub fn inform(&mut self, text: String) {
        self.say(Notice::new(text, false));
    }

    fn say(&mut self, notice: Notice) {
        self.notices += 1;
        self.notice = Some(notice);
    }

    pub fn now(&self) -> jiff::Timestamp {
        self.clock.now()
    }
}
