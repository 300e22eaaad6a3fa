//! Plain mode's About-you question: one line, so a script can answer it from a pipe, and Enter
//! alone keeps what was said last time (or says nothing).

use std::io::{BufRead, Write};

use super::{Plain, PlainError};
use crate::context::{Context, MAX_YEARS, Role, Users};

/// Words a person may type for a role besides its id.
const ROLE_WORDS: [(&str, Role); 6] = [
    ("principal", Role::Staff),
    ("distinguished", Role::Staff),
    ("solo", Role::Founder),
    ("grad", Role::Graduate),
    ("engineer", Role::Developer),
    ("em", Role::Manager),
];

/// What one typed line says, or the word that was not understood. `-` alone: prefer not to
/// say. Years: a whole number, or a range as the screen offers it ("3-5", "15+").
pub fn parse_about(line: &str) -> Result<Context, String> {
    let mut c = Context::default();
    let line = line.trim();
    if line == "-" {
        return Ok(c);
    }
    for word in line
        .split(|ch: char| ch.is_whitespace() || ch == ',')
        .filter(|w| !w.is_empty())
    {
        let w = word.to_lowercase();
        let low = w.trim_end_matches('+').split('-').next().unwrap_or("");
        if let Ok(y) = low.parse::<u32>() {
            if y > MAX_YEARS {
                return Err(word.to_owned());
            }
            c.years = Some(y);
        } else if w == "<1" {
            c.years = Some(0);
        } else if let Some(r) =
            Role::from_id(&w).or_else(|| ROLE_WORDS.iter().find(|(k, _)| *k == w).map(|(_, r)| *r))
        {
            c.role = Some(r);
        } else if let Some(u) = Users::from_id(&w) {
            c.users = Some(u);
        } else {
            return Err(word.to_owned());
        }
    }
    Ok(c)
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// Asks who the person is, before the first question. `before`: what they said last
    /// time, which Enter keeps. End of input keeps it too.
    pub fn about(&mut self, before: Option<Context>) -> Result<Context, PlainError> {
        let cols = self.width.columns();
        writeln!(self.output)?;
        self.para(
            cols,
            "",
            "About you (never scored; it fits the advice to where you are). Type any of: years in software (a number, or 3-5, 15+); role (student, graduate, developer, senior, staff, lead, manager, architect, founder, specialist); who mostly uses what you build (customers, teams, both). Type - to prefer not to say.",
        )?;
        let keeps = before
            .as_ref()
            .and_then(crate::report::context_line)
            .map_or_else(
                || "Enter says nothing".to_owned(),
                |line| format!("Enter keeps: {line}"),
            );
        loop {
            self.wrapped(cols, "", &format!("About you ({keeps}):"))?;
            write!(self.output, " ")?;
            self.output.flush()?;
            let Some(line) = self.read_line()? else {
                return Ok(before.unwrap_or_default());
            };
            if line.trim().is_empty() {
                return Ok(before.unwrap_or_default());
            }
            match parse_about(&line) {
                Ok(c) => return Ok(c),
                Err(word) => self.para(
                    cols,
                    "",
                    &format!(
                        "“{}” is not a number of years (0 to {}), a role or who uses your work; please try again.",
                        crate::sanitize::line(&word),
                        MAX_YEARS
                    ),
                )?,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_says_years_role_and_users_in_any_order() {
        let c = parse_about("principal 15+, teams").unwrap_or_default();
        assert_eq!(c.years, Some(15));
        assert_eq!(c.role, Some(Role::Staff));
        assert_eq!(c.users, Some(Users::Teams));
        assert_eq!(
            parse_about("3-5 founder").unwrap_or_default().years,
            Some(3)
        );
        assert_eq!(parse_about("-"), Ok(Context::default()));
        assert_eq!(parse_about("astronaut"), Err("astronaut".to_owned()));
        assert_eq!(parse_about("400"), Err("400".to_owned()));
    }
}
