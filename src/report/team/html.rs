//! `rolefit team --format html`: one self-contained page (inline CSS and SVG, no scripts, no
//! network) with a strip per scale drawn as SVG.

use std::fmt::Write;

use super::{Part, parts};
use crate::assets::Texts;
use crate::report::chart::Tone;
use crate::report::chart::strip::{Mark, STRIP_ROWS, bin, bin_name, bin_tone, labels};
use crate::report::html::{CSS, esc};
use crate::team::{Lean, Team};

const TEAM_CSS: &str = ".strip text{font-size:12px;fill:#1d2330}.strip .axis{fill:#5b6475}.strip .track{stroke:#dde2ea}\
.strip .mid{stroke:#9aa3b2}.unclear{fill:#8a6d1f;stroke:#8a6d1f;color:#8a6d1f}.balanced{fill:#1d2330;stroke:#1d2330}\
line.eng{stroke:#3b6fd6}line.dev{stroke:#2f9e62}ul.says li{margin:.3rem 0}";

/// What the colours of the strips mean, said under the first one.
const LEGEND: &str = "<p class=\"meta\">Each dot is a person, the line their margin. <span class=\"eng\">Blue: leans engineer</span> · <span class=\"dev\">green: leans developer</span> · dark: balanced · <span class=\"unclear\">amber: unclear</span>.</p>";

const W: f64 = 640.0;
const LABEL: f64 = 150.0;
const ROW: f64 = 18.0;

fn x(score: f64) -> f64 {
    LABEL + (score.clamp(-100.0, 100.0) + 100.0) / 200.0 * (W - LABEL - 10.0)
}

fn class(l: Lean) -> &'static str {
    match l {
        Lean::Engineer => "eng",
        Lean::Developer => "dev",
        Lean::Balanced => "balanced",
        Lean::Unclear => "unclear",
    }
}

fn strip_svg(title: &str, marks: &[Mark]) -> String {
    let binned = marks.len() > STRIP_ROWS;
    let rows = if binned { 10 } else { marks.len() };
    let h = ROW * (rows as f64 + 1.5);
    let mut s = format!(
        "<svg class=\"strip chart\" viewBox=\"0 0 {W} {h}\" width=\"{W}\" height=\"{h}\" role=\"img\" aria-label=\"{}\">",
        esc(title)
    );
    // A binned strip's bars are counts laid from the left: no scale axis over them.
    if binned {
        s.push_str("<text class=\"axis\" x=\"0\" y=\"12\">people in each 20-point range</text>");
    } else {
        let _ = write!(
            s,
            "<text class=\"axis dev\" x=\"{LABEL}\" y=\"12\">developer</text><text class=\"axis\" x=\"{0}\" y=\"12\" text-anchor=\"middle\">0</text><text class=\"axis eng\" x=\"{1}\" y=\"12\" text-anchor=\"end\">engineer</text><line class=\"mid\" x1=\"{0}\" y1=\"16\" x2=\"{0}\" y2=\"{h}\"/>",
            x(0.0),
            x(100.0)
        );
    }
    if binned {
        let mut counts = [0usize; 10];
        for m in marks {
            if let Some(v) = m.score {
                counts[bin(v)] += 1;
            }
        }
        let most = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
        for (i, c) in counts.iter().enumerate() {
            let y = ROW * (i as f64 + 1.0) + 4.0;
            let bar = (*c as f64 / most) * (W - LABEL - 50.0);
            let _ = write!(
                s,
                "<text x=\"0\" y=\"{}\">{}</text><rect class=\"{}\" x=\"{LABEL}\" y=\"{y}\" width=\"{bar:.1}\" height=\"{}\"/><text x=\"{:.1}\" y=\"{}\">{c}</text>",
                y + 12.0,
                esc(&bin_name(i)),
                match bin_tone(i) {
                    Tone::Developer => "dev",
                    Tone::Engineer => "eng",
                    _ => "balanced",
                },
                ROW - 4.0,
                LABEL + bar + 4.0,
                y + 12.0
            );
        }
    } else {
        // Names up to 20 characters fit the label column; longer ones go by their letter.
        let (labels, _) = labels(marks, 60);
        for (i, (m, label)) in marks.iter().zip(labels).enumerate() {
            let y = ROW * (i as f64 + 1.0) + 12.0;
            let _ = write!(
                s,
                "<text x=\"0\" y=\"{}\">{}</text><line class=\"track\" x1=\"{LABEL}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>",
                y + 4.0,
                esc(&label),
                x(100.0)
            );
            let Some(v) = m.score else {
                let _ = write!(
                    s,
                    "<text class=\"axis\" x=\"{}\" y=\"{}\">no answers on this scale</text>",
                    LABEL + 4.0,
                    y + 4.0
                );
                continue;
            };
            if let Some(mg) = m.margin {
                let _ = write!(
                    s,
                    "<line class=\"{}\" stroke-width=\"3\" x1=\"{:.1}\" y1=\"{y}\" x2=\"{:.1}\" y2=\"{y}\"/>",
                    class(m.lean),
                    x(v - mg),
                    x(v + mg)
                );
            }
            let _ = write!(
                s,
                "<circle class=\"{}\" cx=\"{:.1}\" cy=\"{y}\" r=\"5\"><title>{} {}</title></circle>",
                class(m.lean),
                x(v),
                esc(&m.name),
                crate::report::fmt_score(Some(v))
            );
        }
    }
    s.push_str("</svg>");
    s
}

pub fn team_html(team: &Team, texts: &Texts) -> String {
    let mut h = String::new();
    let mut list = false;
    let mut first = true;
    let mut legend_said = false;
    for p in parts(team, texts) {
        if list && !matches!(p, Part::Item(_)) {
            h.push_str("</ul>\n");
            list = false;
        }
        let _ = match p {
            Part::Heading(t) if first => {
                first = false;
                h = format!(
                    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
<title>rolefit team view: {0}</title><style>{CSS}{TEAM_CSS}</style></head><body>\n<h1>{0}</h1>\n",
                    esc(&t)
                );
                Ok(())
            }
            Part::Heading(t) => writeln!(h, "<h2>{}</h2>", esc(&t)),
            Part::Note(t) => writeln!(h, "<p class=\"meta\">{}</p>", esc(&t)),
            Part::Warn(t) => writeln!(h, "<p class=\"warn\">{}</p>", esc(&t)),
            Part::Item(t) => {
                if !list {
                    h.push_str("<ul class=\"says\">");
                    list = true;
                }
                writeln!(h, "<li>{}</li>", esc(t.trim_start_matches("• ")))
            }
            Part::Gap => Ok(()),
            Part::Strip(title, marks) => {
                let binned = marks.len() > STRIP_ROWS;
                let legend = if legend_said || binned { "" } else { LEGEND };
                legend_said |= !binned;
                writeln!(
                    h,
                    "<h3>{}</h3>{}{legend}",
                    esc(&title),
                    strip_svg(&title, &marks)
                )
            }
        };
    }
    if list {
        h.push_str("</ul>\n");
    }
    h.push_str("</body></html>\n");
    h
}
