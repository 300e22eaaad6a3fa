//! One self-contained HTML page: inline CSS and SVG, no scripts, no network; prints well.

use std::fmt::Write;

use super::fmt_score;
use super::summary::{Summary, score_with_margin};
use crate::bank::Pole;

const CSS: &str = "body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d2330;max-width:900px;margin:2rem auto;padding:0 1rem}\
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #dde2ea;padding-bottom:.2rem}\
.meta{color:#5b6475;font-size:.9rem}.big{font-size:1.2rem;font-weight:600}table{border-collapse:collapse;width:100%}\
td,th{padding:.3rem .5rem;text-align:left;border-bottom:1px solid #eef1f5}td.num{text-align:right;font-variant-numeric:tabular-nums}\
.dev{fill:#2f9e62;color:#2f9e62}.eng{fill:#3b6fd6;color:#3b6fd6}.warn{color:#b3402a}.grid{display:flex;gap:2rem;flex-wrap:wrap}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}}";

/// Escapes text for HTML content and attribute values, after the sanitiser: a control or bidi
/// character shows as its escape (a browser would act on a bidi override too).
fn esc(s: &str) -> String {
    crate::sanitize::line(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// x of a score in [-100, 100] on a track from `x0` of `width`.
fn x(score: f64, x0: f64, width: f64) -> f64 {
    x0 + (score.clamp(-100.0, 100.0) + 100.0) / 200.0 * width
}

fn gauge(score: f64, margin: Option<f64>) -> String {
    let (x0, w) = (90.0, 460.0);
    let mut svg = format!(
        "<svg viewBox=\"0 0 640 50\" width=\"640\" height=\"50\" role=\"img\" aria-label=\"overall {score:.1}\">\
<text x=\"0\" y=\"30\" class=\"dev\">Developer</text><text x=\"560\" y=\"30\" class=\"eng\">Engineer</text>\
<line x1=\"{x0}\" y1=\"25\" x2=\"{}\" y2=\"25\" stroke=\"#c9d0db\" stroke-width=\"4\"/>\
<line x1=\"{}\" y1=\"15\" x2=\"{}\" y2=\"35\" stroke=\"#8a93a3\"/>",
        x0 + w,
        x0 + w / 2.0,
        x0 + w / 2.0
    );
    if let Some(m) = margin {
        let (a, b) = (x(score - m, x0, w), x(score + m, x0, w));
        let _ = write!(
            svg,
            "<rect x=\"{a:.1}\" y=\"18\" width=\"{:.1}\" height=\"14\" rx=\"7\" fill=\"#f2b84b\" opacity=\".45\"/>",
            b - a
        );
    }
    let _ = write!(
        svg,
        "<circle cx=\"{:.1}\" cy=\"25\" r=\"8\" fill=\"#d9862b\"/></svg>",
        x(score, x0, w)
    );
    svg
}

/// A bar from 0 to the combined score, with markers for preference (diamond) and practice (circle).
fn dim_bar(combined: f64, preference: Option<f64>, practice: Option<f64>) -> String {
    let (w, mid) = (240.0, 120.0);
    let cx = x(combined, 0.0, w);
    let (from, class) = if cx < mid { (cx, "dev") } else { (mid, "eng") };
    let mut svg = format!(
        "<svg viewBox=\"-8 0 256 18\" width=\"256\" height=\"18\"><rect x=\"0\" y=\"8\" width=\"240\" height=\"2\" fill=\"#e3e7ee\"/>\
<rect x=\"{from:.1}\" y=\"4\" width=\"{:.1}\" height=\"10\" class=\"{class}\" opacity=\".8\"/>\
<line x1=\"120\" y1=\"0\" x2=\"120\" y2=\"18\" stroke=\"#555\"/>",
        (cx - mid).abs()
    );
    if let Some(p) = preference {
        let px = x(p, 0.0, w);
        let _ = write!(
            svg,
            "<path d=\"M{px:.1} 3 l5 6 l-5 6 l-5 -6 z\" fill=\"#1d2330\"><title>enjoy {p:.0}</title></path>"
        );
    }
    if let Some(p) = practice {
        let _ = write!(
            svg,
            "<circle cx=\"{:.1}\" cy=\"9\" r=\"4\" fill=\"#fff\" stroke=\"#1d2330\" stroke-width=\"2\"><title>do today {p:.0}</title></circle>",
            x(p, 0.0, w)
        );
    }
    svg.push_str("</svg>");
    svg
}

fn quadrant(pref: f64, prac: f64) -> String {
    let px = x(pref, 10.0, 280.0);
    let py = 290.0 - (x(prac, 10.0, 280.0) - 10.0);
    format!(
        "<svg viewBox=\"0 0 300 300\" width=\"300\" height=\"300\" role=\"img\" aria-label=\"enjoy {pref:.0}, do today {prac:.0}\">\
<rect x=\"10\" y=\"10\" width=\"280\" height=\"280\" fill=\"#f7f9fc\" stroke=\"#c9d0db\"/>\
<line x1=\"150\" y1=\"10\" x2=\"150\" y2=\"290\" stroke=\"#c9d0db\"/><line x1=\"10\" y1=\"150\" x2=\"290\" y2=\"150\" stroke=\"#c9d0db\"/>\
<text x=\"284\" y=\"26\" font-size=\"11\" text-anchor=\"end\">engineer by choice</text>\
<text x=\"16\" y=\"26\" font-size=\"11\">developer on duty</text>\
<text x=\"16\" y=\"282\" font-size=\"11\">developer by choice</text>\
<text x=\"284\" y=\"282\" font-size=\"11\" text-anchor=\"end\">engineer in the making</text>\
<text x=\"150\" y=\"299\" font-size=\"10\" text-anchor=\"middle\" fill=\"#5b6475\">what you enjoy →</text>\
<circle cx=\"{px:.1}\" cy=\"{py:.1}\" r=\"7\" fill=\"#d9862b\"/></svg>"
    )
}

pub fn html_report(s: &Summary) -> String {
    let r = &s.result;
    let sc = &r.scores;
    let title = s
        .archetype
        .as_ref()
        .map_or(super::UNPLACED_TITLE, |a| a.title.as_str());
    let mut h = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
<title>rolefit result: {}</title><style>{CSS}</style></head><body>\n",
        esc(title)
    );
    let _ = writeln!(h, "<h1>{}</h1>", esc(title));
    let _ = writeln!(h, "<p class=\"meta\">{}</p>", esc(&s.provenance()));
    if let (Some(o), Some(e), Some(d)) = (sc.overall, sc.engineer_pct, sc.developer_pct) {
        let _ = writeln!(
            h,
            "<p class=\"big\">Overall {} · Engineer {e:.0}% · Developer {d:.0}%</p>{}",
            esc(&score_with_margin(sc.overall, sc.margin, sc.answered)),
            gauge(o, sc.margin)
        );
    }
    if let Some(a) = &s.archetype {
        let _ = writeln!(h, "<p>{}</p>", esc(&a.summary));
    }
    if let Some(u) = &s.unplaced {
        let _ = writeln!(h, "<p>{}</p>", esc(u));
    }
    if let Some(p) = &s.provisional {
        let _ = writeln!(h, "<p><strong>{}</strong></p>", esc(p));
    }
    h.push_str("<h2>Dimensions</h2><p class=\"meta\">Bar: combined score from -100 (developer) to +100 (engineer); ◆ what you enjoy, ○ what you do today.</p><table><tr><th>Dimension</th><th></th><th>Score</th><th>Enjoy</th><th>Do today</th></tr>\n");
    for d in &s.dims {
        let bar = d.combined.map_or("not enough answers".to_owned(), |v| {
            dim_bar(v, d.preference, d.practice)
        });
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{bar}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(&d.title),
            esc(&score_with_margin(d.combined, d.margin, d.answered)),
            fmt_score(d.preference),
            fmt_score(d.practice)
        );
    }
    h.push_str("</table>\n");
    if let (Some(p), Some(q), Some(quad)) = (sc.preference, sc.practice, &s.quadrant) {
        let _ = writeln!(
            h,
            "<h2>What you enjoy vs what you do</h2><div class=\"grid\">{}<p><b>{}</b>: {}<br>Enjoy {} · do today {}</p></div>",
            quadrant(p, q),
            esc(&quad.title),
            esc(&quad.text),
            fmt_score(Some(p)),
            fmt_score(Some(q))
        );
    }
    h.push_str("<h2>Why</h2>\n");
    for (pole, ds) in s.drivers_by_pole() {
        let class = if pole == Pole::Engineer { "eng" } else { "dev" };
        let _ = writeln!(
            h,
            "<p class=\"{class}\">Pulling toward {}:</p><ul>",
            crate::insight::pole_word(pole)
        );
        for d in ds {
            let _ = writeln!(
                h,
                "<li>“{}” — you answered <i>{}</i></li>",
                esc(&d.text),
                esc(&d.answer)
            );
        }
        h.push_str("</ul>\n");
    }
    h.push_str("<h2>Answer quality</h2><ul>\n");
    for (i, q) in s.quality.iter().enumerate() {
        let class = if i > 0 { " class=\"warn\"" } else { "" };
        let _ = writeln!(h, "<li{class}>{}</li>", esc(q));
    }
    h.push_str("</ul>\n");
    if let Some(p) = &s.paths {
        let _ = writeln!(
            h,
            "<h2>Career paths</h2><p><b>{}</b></p><p>{}</p>",
            esc(&p.paths.join(" · ")),
            esc(&p.note)
        );
    }
    if !s.steps.is_empty() {
        h.push_str("<h2>Next steps</h2><ol>\n");
        for st in &s.steps {
            let _ = writeln!(
                h,
                "<li><b>{}</b><br><span class=\"meta\">{}</span></li>",
                esc(&st.text),
                esc(&st.why)
            );
        }
        h.push_str("</ol>\n");
    }
    h.push_str("</body></html>\n");
    h
}
