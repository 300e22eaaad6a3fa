//! `rolefit team --format md`: strips in code blocks (lettered: a name's Markdown would not be
//! Markdown there), members, coverage and sentences as lists and tables.

use std::fmt::Write;

use super::{Part, parts};
use crate::assets::Texts;
use crate::report::chart::{plain, strip::strip};
use crate::team::Team;

/// Text from a card (a name, a reason) made inert in Markdown: control and bidi characters
/// escaped by the sanitiser, markup characters backslash-escaped, HTML as entities.
pub fn md_text(s: &str) -> String {
    let mut out = String::new();
    for c in crate::sanitize::line(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

pub fn team_markdown(team: &Team, texts: &Texts) -> String {
    let mut out = String::new();
    let mut first = true;
    for p in parts(team, texts) {
        let _ = match p {
            Part::Heading(t) if first => {
                first = false;
                writeln!(out, "# rolefit team view: {}\n", md_text(&t))
            }
            Part::Heading(t) => writeln!(out, "## {}\n", md_text(&t)),
            Part::Note(t) => writeln!(out, "_{}_\n", md_text(&t)),
            Part::Warn(t) => writeln!(out, "> {}\n", md_text(&t)),
            Part::Item(t) => writeln!(out, "- {}", md_text(t.trim_start_matches("• "))),
            Part::Gap => writeln!(out),
            Part::Strip(title, mut marks) => {
                // Letters in a code block, where escapes would show: the members list names them.
                for m in &mut marks {
                    m.name = m.tag.clone();
                }
                let _ = writeln!(out, "\n**{}**\n\n```text", md_text(&title));
                for row in strip(&marks, 72) {
                    let _ = writeln!(out, "{}", plain(&row).trim_end());
                }
                writeln!(out, "```")
            }
        };
    }
    out
}
