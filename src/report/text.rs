use std::fmt::Write;

use crate::bank::Bank;
use crate::sanitize::line;
use crate::scoring::Scores;

use super::{fmt_margin, fmt_score};

/// A plain-text summary for a terminal or a log: where you stand, per dimension, and why.
pub fn text_report(bank: &Bank, scores: &Scores) -> String {
    let mut out = String::new();
    let archetype = scores
        .archetype
        .as_ref()
        .map_or("not placed yet: too few answers", |a| a.id());
    let _ = writeln!(
        out,
        "Overall: {} {}  ({archetype})",
        fmt_score(scores.overall),
        fmt_margin(scores.margin, scores.answered)
    );
    if let (Some(e), Some(d)) = (scores.engineer_pct, scores.developer_pct) {
        let _ = writeln!(out, "Engineer {e:.0}%  /  Developer {d:.0}%");
    }
    let _ = writeln!(
        out,
        "Preference {}   Practice {}   Consistency {}",
        fmt_score(scores.preference),
        fmt_score(scores.practice),
        scores
            .consistency
            .map_or("n/a".into(), |c| format!("{c:.2}"))
    );
    let _ = writeln!(
        out,
        "Answered {}, skipped {}",
        scores.answered, scores.skipped
    );
    let _ = writeln!(
        out,
        "\n{:<26} {:>8} {:>20} {:>11} {:>9}",
        "Dimension (-dev .. +eng)", "combined", "margin", "preference", "practice"
    );
    for d in &bank.dimensions {
        let Some(s) = scores.dimensions.get(&d.id) else {
            continue;
        };
        let _ = writeln!(
            out,
            "{:<26} {:>8} {:>20} {:>11} {:>9}",
            line(&d.title),
            fmt_score(s.combined),
            fmt_margin(s.margin, s.answered),
            fmt_score(s.preference),
            fmt_score(s.practice)
        );
    }
    for (pole, ids) in [
        ("engineer", &scores.drivers.engineer),
        ("developer", &scores.drivers.developer),
    ] {
        if !ids.is_empty() {
            let _ = writeln!(out, "\nPulling toward {pole}:");
            for id in ids {
                let text = bank.question(id).map_or("", |q| q.text.as_str());
                let _ = writeln!(out, "  - {}: {}", line(id), line(text));
            }
        }
    }
    out
}

/// The whole dashboard as plain text (`rolefit show --format text`).
pub fn result_text(s: &super::Summary) -> String {
    let r = &s.result;
    let mut out = String::new();
    if let Some(a) = &s.archetype {
        let _ = writeln!(out, "{}\n{}\n", a.title.to_uppercase(), a.summary);
    }
    if let Some(u) = &s.unplaced {
        let _ = writeln!(out, "{}\n{u}\n", super::UNPLACED_TITLE.to_uppercase());
    }
    if let Some(p) = &s.provisional {
        let _ = writeln!(out, "{p}\n");
    }
    let _ = writeln!(out, "{}", s.provenance());
    let sc = &r.scores;
    let _ = writeln!(
        out,
        "Overall {}",
        super::score_with_margin(sc.overall, sc.margin, sc.answered)
    );
    if let (Some(o), Some(e), Some(d)) = (sc.overall, sc.engineer_pct, sc.developer_pct) {
        let _ = writeln!(
            out,
            "Developer {} Engineer   (engineer {e:.0}% / developer {d:.0}%)",
            super::text_bar(o, 41)
        );
    }
    let _ = writeln!(
        out,
        "\n{:<26} {:<21} {:>12} {:>7} {:>9}",
        "Dimension", "-100 ... 0 ... +100", "score", "enjoy", "do today"
    );
    for d in &s.dims {
        let bar = d.combined.map_or_else(
            || "not enough answers".to_owned(),
            |v| super::text_bar(v, 21),
        );
        let _ = writeln!(
            out,
            "{:<26} {:<21} {:>12} {:>7} {:>9}",
            line(&d.title),
            bar,
            super::score_with_margin(d.combined, d.margin, d.answered)
                .replace("not enough answers", "-"),
            fmt_score(d.preference),
            fmt_score(d.practice)
        );
    }
    if let Some(q) = &s.quadrant {
        let _ = writeln!(out, "\n{}: {}", q.title, q.text);
    }
    let _ = writeln!(out, "\nWhy");
    for d in &s.drivers {
        let _ = writeln!(
            out,
            "  toward {:<9} \"{}\" ({})",
            crate::insight::pole_word(d.pole),
            line(&d.text),
            d.answer
        );
    }
    let _ = writeln!(out, "\nAnswer quality");
    for q in &s.quality {
        let _ = writeln!(out, "  {q}");
    }
    if let Some(p) = &s.paths {
        let _ = writeln!(out, "\nCareer paths: {}\n  {}", p.paths.join(" · "), p.note);
    }
    if !s.steps.is_empty() {
        let _ = writeln!(out, "\nNext steps");
        for (i, st) in s.steps.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}\n     {}", i + 1, st.text, st.why);
        }
    }
    out
}
