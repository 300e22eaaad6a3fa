//! The line-by-line front end, for screen readers, dumb terminals and scripts: the same engine,
//! the same autosave and the same result files as the TUI.

use std::io::{BufRead, Write};

use crate::answers::{Answer, LIKERT_LABELS, PAIR_LABELS, answer_at, option_count, option_index};
use crate::assets::Texts;
use crate::bank::{Bank, Form, Kind, Question};
use crate::engine::Status;
use crate::report::text_report;
use crate::session::{Session, SessionError};
use crate::store::{ResultFile, Store};

#[derive(Debug, thiserror::Error)]
pub enum PlainError {
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error("cannot write to the terminal: {0}")]
    Io(#[from] std::io::Error),
}

/// How a plain session ended.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    Finished(Box<ResultFile>),
    /// Quit (or input ended) with the progress saved.
    Saved,
}

pub struct Plain<'a, R, W> {
    pub bank: &'a Bank,
    pub store: &'a Store,
    pub texts: &'a Texts,
    pub input: R,
    pub output: W,
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// Asks "y/n" with a default; end of input takes the default.
    pub fn confirm(&mut self, question: &str, default: bool) -> Result<bool, PlainError> {
        write!(
            self.output,
            "{question} [{}] ",
            if default { "Y/n" } else { "y/N" }
        )?;
        self.output.flush()?;
        let Some(line) = self.read_line()? else {
            return Ok(default);
        };
        Ok(match line.trim().to_lowercase().as_str() {
            "" => default,
            s => s.starts_with('y'),
        })
    }

    fn read_line(&mut self) -> Result<Option<String>, PlainError> {
        let mut line = String::new();
        Ok((self.input.read_line(&mut line)? > 0).then_some(line))
    }

    pub fn intro(&mut self) -> Result<(), PlainError> {
        for p in &self.texts.intro {
            writeln!(self.output, "{p}\n")?;
        }
        writeln!(
            self.output,
            "Type a number and Enter to answer; b goes back, s skips, q saves and quits.\n"
        )?;
        Ok(())
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
            self.ask(q, &head, a.status(pos), adaptive)?;
            let Some(line) = self.read_line()? else {
                session.autosave(self.store).map_err(SessionError::from)?;
                writeln!(self.output, "\nInput ended; your progress is saved.")?;
                return Ok(Outcome::Saved);
            };
            let input = line.trim().to_lowercase();
            let a = session.assessment_mut();
            match input.as_str() {
                "q" => {
                    session.autosave(self.store).map_err(SessionError::from)?;
                    writeln!(
                        self.output,
                        "Saved. Run `rolefit take --plain` to continue where you left off."
                    )?;
                    return Ok(Outcome::Saved);
                }
                "b" => {
                    if !a.back() {
                        writeln!(self.output, "(This is the first question.)")?;
                    }
                    continue;
                }
                // The adaptive form may be finished early; its result then says it is provisional.
                "f" if adaptive => break,
                "s" => {
                    a.skip_in(bank);
                }
                "" if matches!(a.status(pos), Status::Answered(_)) => {
                    a.grow(bank);
                    a.forward();
                }
                _ => match parse(q, &input) {
                    Some(answer) => {
                        a.answer(bank, answer).map_err(SessionError::from)?;
                        a.forward();
                    }
                    None => {
                        writeln!(
                            self.output,
                            "Please type a number from 1 to {}, or b, s{} or q.",
                            option_count(q),
                            if adaptive { ", f" } else { "" }
                        )?;
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
        writeln!(self.output, "\n{}", text_report(bank, &result.scores))?;
        if let Some(note) = crate::adaptive::provisional(bank, &result) {
            writeln!(self.output, "{note}\n")?;
        }
        writeln!(
            self.output,
            "Saved as {}",
            self.store.result_path(&result.id).display()
        )?;
        Ok(Outcome::Finished(Box::new(result)))
    }

    fn ask(
        &mut self,
        q: &Question,
        head: &str,
        status: Status<'_>,
        adaptive: bool,
    ) -> Result<(), PlainError> {
        let dim = self
            .bank
            .dimension(&q.dimension)
            .map_or(q.dimension.as_str(), |d| d.title.as_str());
        let out = &mut self.output;
        writeln!(out, "\n{head} {dim} · {}", q.lens.title())?;
        writeln!(out, "{}", q.text)?;
        match &q.kind {
            Kind::Likert { .. } => {
                for (i, l) in LIKERT_LABELS.iter().enumerate() {
                    writeln!(out, "  {}) {l}", i + 1)?;
                }
            }
            Kind::Pair {
                engineer,
                developer,
            } => {
                writeln!(out, "  A: {developer}\n  B: {engineer}")?;
                let scale: Vec<String> = PAIR_LABELS
                    .iter()
                    .enumerate()
                    .map(|(i, l)| format!("{}) {l}", i + 1))
                    .collect();
                writeln!(out, "  {}", scale.join("  "))?;
            }
            Kind::Choice { options } => {
                for (i, o) in options.iter().enumerate() {
                    writeln!(out, "  {}) {}", i + 1, o.text)?;
                }
            }
        }
        let hint = match status {
            Status::Answered(a) => format!(" (Enter keeps {})", shown(q, a)),
            Status::Skipped => " (skipped before)".to_owned(),
            Status::Open => String::new(),
        };
        write!(
            out,
            "Answer 1-{}, b back, s skip, {}q quit{hint}: ",
            option_count(q),
            if adaptive { "f finish now, " } else { "" }
        )?;
        out.flush()?;
        Ok(())
    }
}

/// Options are numbered in plain mode, so letters stay free for the b/s/q commands.
fn parse(q: &Question, input: &str) -> Option<Answer> {
    let n: usize = input.parse().ok()?;
    answer_at(q, n.checked_sub(1)?)
}

fn shown(q: &Question, a: &Answer) -> String {
    option_index(q, a).map_or_else(String::new, |i| (i + 1).to_string())
}
