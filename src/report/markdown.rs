use std::fmt::Write;

use super::summary::{Summary, score_with_margin};
use super::{fmt_score, text_bar};

/// Markdown that reads well on GitHub: tables and a text bar chart.
pub fn markdown_report(s: &Summary) -> String {
    let r = &s.result;
    let sc = &r.scores;
    let mut out = String::new();
    let title = s
        .archetype
        .as_ref()
        .map_or(super::UNPLACED_TITLE, |a| a.title.as_str());
    let _ = writeln!(out, "# rolefit result: {title}\n");
    let _ = writeln!(out, "{}\n", s.provenance());
    if let (Some(e), Some(d)) = (sc.engineer_pct, sc.developer_pct) {
        let _ = writeln!(
            out,
            "**Overall {}** · Engineer {e:.0}% · Developer {d:.0}%\n",
            score_with_margin(sc.overall, sc.margin, sc.answered)
        );
        let _ = writeln!(
            out,
            "```\nDeveloper {} Engineer\n```\n",
            text_bar(sc.overall.unwrap_or(0.0), 41)
        );
    }
    if let Some(a) = &s.archetype {
        let _ = writeln!(out, "{}\n", a.summary);
    }
    if let Some(u) = &s.unplaced {
        let _ = writeln!(out, "{u}\n");
    }
    if let Some(p) = &s.provisional {
        let _ = writeln!(out, "**{p}**\n");
    }
    let _ = writeln!(
        out,
        "## Dimensions\n\nScores run from -100 (developer) to +100 (engineer).\n"
    );
    let _ = writeln!(
        out,
        "| Dimension | Score | Enjoy | Do today | Chart |\n|---|---:|---:|---:|---|"
    );
    for d in &s.dims {
        let chart = d.combined.map_or("not enough answers".to_owned(), |v| {
            format!("`{}`", text_bar(v, 21))
        });
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {chart} |",
            super::md_cell(&d.title),
            score_with_margin(d.combined, d.margin, d.answered),
            fmt_score(d.preference),
            fmt_score(d.practice)
        );
    }
    if let Some(q) = &s.quadrant {
        let _ = writeln!(
            out,
            "\n**{}**: {} (enjoy {}, do today {})",
            q.title,
            q.text,
            fmt_score(sc.preference),
            fmt_score(sc.practice)
        );
    }
    let _ = writeln!(out, "\n## Why\n");
    for (pole, ds) in s.drivers_by_pole() {
        let _ = writeln!(
            out,
            "Pulling toward **{}**:\n",
            crate::insight::pole_word(pole)
        );
        for d in ds {
            let _ = writeln!(out, "- “{}” — you answered *{}*", d.text, d.answer);
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "## Answer quality\n");
    for q in &s.quality {
        let _ = writeln!(out, "- {q}");
    }
    if let Some(p) = &s.paths {
        let _ = writeln!(
            out,
            "\n## Career paths\n\n{}\n\n{}",
            p.paths.join(" · "),
            p.note
        );
    }
    if !s.steps.is_empty() {
        let _ = writeln!(out, "\n## Next steps\n");
        for (i, st) in s.steps.iter().enumerate() {
            let _ = writeln!(out, "{}. **{}** {}", i + 1, st.text, st.why);
        }
    }
    super::markdown_safe(&out)
}
