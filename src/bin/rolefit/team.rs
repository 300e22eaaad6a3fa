//! `rolefit team PATH...`: where a team stands, from the cards its people chose to share.

use std::process::ExitCode;

use rolefit::cli::{Global, TeamArgs, TeamFormat};
use rolefit::report::team::{team_html, team_json, team_markdown, team_text};
use rolefit::tui::{self, Start};

use crate::{emit, emit_json, interactive, load_bank};

pub(crate) fn team(g: &Global, args: &TeamArgs) -> anyhow::Result<ExitCode> {
    let bank = load_bank(g.bank.as_deref())?;
    let texts = rolefit::assets::Texts::load();
    let now = crate::clock::now()?;
    let loaded = rolefit::team::load(&args.paths, now);
    let team = rolefit::team::build(loaded, &bank, now, args.anonymous);
    if team.members.is_empty() {
        let why: Vec<String> = team
            .refused
            .iter()
            .map(|r| {
                if args.anonymous {
                    r.reason.clone()
                } else {
                    format!("{}: {}", r.path.display(), r.reason)
                }
            })
            .collect();
        anyhow::bail!(
            "no team card could be read{}{}; cards come from `rolefit export --format team-card -o FILE`",
            if why.is_empty() { "" } else { ": " },
            why.join("; ")
        );
    }
    let format = match args.format {
        Some(f) => f,
        None if tui::term::check_terminal().is_ok() => {
            return interactive(g, Start::Team(Box::new(team)), String::new(), None);
        }
        None => TeamFormat::Text,
    };
    match format {
        TeamFormat::Text => emit(&team_text(&team, &texts))?,
        TeamFormat::Json => emit_json(&team_json(&team))?,
        TeamFormat::Md => emit(&team_markdown(&team, &texts))?,
        TeamFormat::Html => emit(&team_html(&team, &texts))?,
    }
    Ok(ExitCode::SUCCESS)
}
