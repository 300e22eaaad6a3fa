use std::fmt::Write;

use crate::bank::Bank;
use crate::scoring::Scores;

use super::{fmt_margin, fmt_score};

/// A plain-text summary for a terminal or a log: where you stand, per dimension, and why.
pub fn text_report(bank: &Bank, scores: &Scores) -> String {
    let mut out = String::new();
    let archetype = scores.archetype.map_or("not enough answers", |a| a.id());
    let _ = writeln!(
        out,
        "Overall: {} {}  ({archetype})",
        fmt_score(scores.overall),
        fmt_margin(scores.margin)
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
        "\n{:<26} {:>8} {:>8} {:>11} {:>9}",
        "Dimension (-dev .. +eng)", "combined", "margin", "preference", "practice"
    );
    for d in &bank.dimensions {
        let Some(s) = scores.dimensions.get(&d.id) else {
            continue;
        };
        let _ = writeln!(
            out,
            "{:<26} {:>8} {:>8} {:>11} {:>9}",
            d.title,
            fmt_score(s.combined),
            fmt_margin(s.margin),
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
                let _ = writeln!(out, "  - {id}: {text}");
            }
        }
    }
    out
}
