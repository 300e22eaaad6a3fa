//! The line-by-line front end, for screen readers, dumb terminals and scripts: the same engine,
//! the same autosave and the same result files as the TUI.

use std::io::{BufRead, Write};

use crate::answers::{Shown, pair_sides};
use crate::assets::Texts;
use crate::bank::{Bank, Form, Lens, Question};
use crate::engine::Status;
use crate::report::{result_text_within, summarise_with_goals};
use crate::session::{Session, SessionError};
use crate::store::{ResultFile, Store};

mod about;
mod reply;
pub use about::parse_about;
use reply::{choices, parse};

#[derive(Debug, thiserror::Error)]
pub enum PlainError {
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error("cannot write to the terminal: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot read the input: {0}; the answers so far are saved")]
    Input(std::io::Error),
}

/// How a plain session ended.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    Finished(Box<ResultFile>),
    /// Quit (or input ended) with the progress saved.
    Saved,
}

/// How wide plain mode's lines may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// The terminal's, read again for every question: a window resized mid-way wraps to its
    /// new width.
    Terminal,
    Columns(u16),
}

impl Width {
    /// The terminal's width when stdout is one; else 80 columns (a file, a pipe, a screen
    /// reader's buffer).
    pub fn of_stdout() -> Width {
        use std::io::IsTerminal;
        if std::io::stdout().is_terminal() {
            Width::Terminal
        } else {
            Width::Columns(80)
        }
    }

    pub fn columns(self) -> u16 {
        match self {
            Width::Columns(n) => n,
            Width::Terminal => crossterm::terminal::size().map_or(80, |(w, _)| w),
        }
        // Narrower than this, an option's text would get a column or two per line.
        .max(20)
    }
}

pub struct Plain<'a, R, W> {
    pub bank: &'a Bank,
    pub store: &'a Store,
    pub texts: &'a Texts,
    pub input: R,
    pub output: W,
    pub width: Width,
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// Asks "y/n" with a default for Enter alone, and asks again on anything but yes or no:
    /// a stray key must not decide (a "no" to resuming starts over). End of input takes the
    /// default.
    pub fn confirm(&mut self, question: &str, default: bool) -> Result<bool, PlainError> {
        loop {
            write!(
                self.output,
                "{question} [{}] ",
                if default { "Y/n" } else { "y/N" }
            )?;
            self.output.flush()?;
            let Some(line) = self.read_line()? else {
                return Ok(default);
            };
            match line.trim().to_lowercase().as_str() {
                "" => return Ok(default),
                "y" | "yes" => return Ok(true),
                "n" | "no" => return Ok(false),
                _ => writeln!(self.output, "Please type y (yes) or n (no).")?,
            }
        }
    }

    /// One line, bounded: endless input without a newline is an error, not an allocation.
    fn read_line(&mut self) -> Result<Option<String>, PlainError> {
        crate::store::read::read_line(&mut self.input).map_err(PlainError::Input)
    }

    pub fn intro(&mut self) -> Result<(), PlainError> {
        let texts = self.texts;
        let cols = self.width.columns();
        for p in texts.intro.iter().chain([&texts.plain_keys]) {
            self.para(cols, "", p)?;
            writeln!(self.output)?;
        }
        Ok(())
    }

    /// `text` after `lead`, wrapped to `cols` (the width, read once per question or message),
    /// its later lines indented under the text (an option's continuation lines stay clear of
    /// the option keys). The last line is left open, for a prompt; `para` ends it.
    fn wrapped(&mut self, cols: u16, lead: &str, text: &str) -> std::io::Result<()> {
        let indent = crate::text::width(lead);
        let room = cols.saturating_sub(u16::try_from(indent).unwrap_or(u16::MAX));
        let lines = crate::text::wrap(text, room);
        for (i, l) in lines.iter().enumerate() {
            if i > 0 {
                writeln!(self.output)?;
                write!(self.output, "{:indent$}", "")?;
            } else {
                write!(self.output, "{lead}")?;
            }
            write!(self.output, "{l}")?;
        }
        if lines.is_empty() {
            write!(self.output, "{lead}")?;
        }
        Ok(())
    }

    /// A paragraph: `wrapped`, then a line end.
    fn para(&mut self, cols: u16, lead: &str, text: &str) -> std::io::Result<()> {
        self.wrapped(cols, lead, text)?;
        writeln!(self.output)
    }

    pub fn run(
        &mut self,
        mut session: Session,
        now: impl Fn() -> jiff::Timestamp,
        rng: &mut fastrand::Rng,
    ) -> Result<Outcome, PlainError> {
        let bank = self.bank;
        loop {
            let a = session.assessment();
            let pos = a.position();
            let Some(q) = a.current(bank) else { break };
            let adaptive = a.form == Form::Adaptive;
            let head = if adaptive {
                let more = crate::adaptive::Check::new(bank, a.answers(), &a.done_ids()).more();
                format!("[{} · {more}]", pos + 1)
            } else {
                format!("[{}/{}]", pos + 1, a.len())
            };
            let shown = a.shown(q);
            self.ask(&shown, &head, a.status(pos), adaptive)?;
            let Some(line) = self.read_line()? else {
                session.autosave(self.store).map_err(SessionError::from)?;
                writeln!(self.output, "\nInput ended; your progress is saved.")?;
                return Ok(Outcome::Saved);
            };
            let input = line.trim().to_lowercase();
            let a = session.assessment_mut();
            match input.as_str() {
                "q" | "quit" => {
                    session.autosave(self.store).map_err(SessionError::from)?;
                    let saved = format!(
                        "Saved: {}. Run `rolefit take --plain` to continue where you left off.",
                        session.assessment().answered_text()
                    );
                    self.para(self.width.columns(), "", &saved)?;
                    return Ok(Outcome::Saved);
                }
                "<" | "back" => {
                    if !a.back() {
                        writeln!(self.output, "(This is the first question.)")?;
                    }
                    continue;
                }
                // The adaptive form may be finished early; its result then says it is provisional.
                "f" | "finish" if adaptive => break,
                "s" | "skip" => {
                    a.skip_in(bank);
                }
                "" if matches!(a.status(pos), Status::Answered(_)) => {
                    a.grow(bank);
                    a.forward();
                }
                _ => match parse(&shown, &input) {
                    Ok(answer) => {
                        a.answer(bank, answer).map_err(SessionError::from)?;
                        a.forward();
                    }
                    Err(why) => {
                        if let Some(why) = why {
                            self.para(self.width.columns(), "", &why)?;
                        }
                        let hint = if input == "b" {
                            " (to go back a question, type <)"
                        } else {
                            ""
                        };
                        let again = format!(
                            "Please type {}, or < (back), s (skip){} or q (quit){hint}.",
                            choices(&shown),
                            if adaptive { ", f (finish now)" } else { "" }
                        );
                        self.para(self.width.columns(), "", &again)?;
                        continue;
                    }
                },
            }
            session.autosave(self.store).map_err(SessionError::from)?;
            // Could not move on: that was the last question.
            if session.assessment().position() == pos {
                break;
            }
        }
        let result = session
            .finish(bank, self.store, now(), rng)
            .map_err(SessionError::from)?;
        writeln!(self.output)?;
        self.page(&result)?;
        writeln!(self.output)?;
        writeln!(
            self.output,
            "Saved as {}",
            self.store.result_path(&result.id).display()
        )?;
        Ok(Outcome::Finished(Box::new(result)))
    }

    /// The result's page, as `rolefit show --format text` prints it (the same page, provisional
    /// note and quick-form caveat included), wrapped to the terminal: each line's continuation
    /// indented under its text, past a bullet's or a step's number.
    fn page(&mut self, result: &ResultFile) -> Result<(), PlainError> {
        let goals = match self.store.load_goals() {
            Ok(f) => f.goals,
            Err(e) => {
                let note = format!("Next steps leave out your learning goals: {e}");
                self.para(self.width.columns(), "", &note)?;
                Vec::new()
            }
        };
        let summary = summarise_with_goals(self.bank, result, self.texts, &goals);
        let cols = self.width.columns();
        let text = result_text_within(&summary, usize::from(cols));
        self.output.write_all(wrap_page(&text, cols).as_bytes())?;
        Ok(())
    }

    fn ask(
        &mut self,
        shown: &Shown<'_>,
        head: &str,
        status: Status<'_>,
        adaptive: bool,
    ) -> Result<(), PlainError> {
        let q = shown.question;
        let dim = self
            .bank
            .dimension(&q.dimension)
            .map_or(q.dimension.as_str(), |d| d.title.as_str());
        writeln!(self.output)?;
        // Once per question: a resize between questions takes effect at the next one.
        let cols = self.width.columns();
        self.para(cols, "", &format!("{head} {dim} · {}", q.lens.title()))?;
        self.para(cols, "", &q.text)?;
        if let Some((a, b)) = pair_sides(q) {
            self.para(cols, "  A: ", a)?;
            self.para(cols, "  B: ", b)?;
        }
        for i in 0..shown.len() {
            self.para(cols, &format!("  {}) ", shown.key(i)), shown.label(i))?;
        }
        let hint = match status {
            Status::Answered(a) => format!(" (Enter keeps {})", shown.describe(a)),
            Status::Skipped => " (you skipped it before)".to_owned(),
            Status::Open => String::new(),
        };
        // The prompt wraps too; its last line stays open for the answer.
        self.wrapped(
            cols,
            "",
            &format!(
                "Answer {}{}, < back, s {}, {}q quit{hint}:",
                choices(shown),
                reply::two_hint(shown),
                skip_label(q),
                if adaptive { "f finish now, " } else { "" }
            ),
        )?;
        // Wrapping drops a trailing space; the answer is typed after one.
        let out = &mut self.output;
        write!(out, " ")?;
        out.flush()?;
        Ok(())
    }
}

/// A page of text wrapped to `cols`: a line's later parts go under its text, past its indent
/// and any "- " or "12. " that starts it. A line that fits (a chart's) is kept as it is.
pub fn wrap_page(text: &str, cols: u16) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.lines() {
        let body = line.trim_start();
        let indent = line.len() - body.len();
        let number = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(0);
        let marker = if body.starts_with("- ") {
            2
        } else if number > 0 && body[number..].starts_with(". ") {
            number + 2
        } else {
            0
        };
        let (lead, rest) = line.split_at(indent + marker);
        if rest.is_empty() {
            out.push_str(lead.trim_end());
            out.push('\n');
            continue;
        }
        let room = cols.saturating_sub(u16::try_from(lead.chars().count()).unwrap_or(u16::MAX));
        for (i, l) in crate::text::wrap(rest, room).iter().enumerate() {
            if i == 0 {
                out.push_str(lead);
            } else {
                out.extend(std::iter::repeat_n(' ', lead.chars().count()));
            }
            out.push_str(l);
            out.push('\n');
        }
    }
    out
}

/// What skipping means: for what you do today, also that the question does not apply.
pub fn skip_label(q: &Question) -> &'static str {
    match q.lens {
        Lens::Practice => "doesn't apply to me / skip",
        Lens::Preference => "skip",
    }
}
