//! One self-contained HTML page: inline CSS and SVG, no scripts, no network; prints well.
//! Every section of the page (`report::page`), the charts drawn as SVG.

use std::fmt::Write;

use super::chart::{CORNERS, corner};
use super::fmt_score;
use super::margin_words::score_with_margin;
use super::page::{Block, Chart, Key, document};
use super::summary::Summary;
use crate::assets::QuadrantId;
use crate::bank::Pole;

mod svg;
mod timeline;
pub use timeline::timeline_html;

pub(crate) const CSS: &str = "body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d2330;max-width:960px;margin:2rem auto;padding:0 1rem}\
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #dde2ea;padding-bottom:.2rem}\
h3{font-size:1rem;margin:1.2rem 0 .3rem}.meta{color:#5b6475;font-size:.9rem}table{border-collapse:collapse;width:100%}\
td,th{padding:.3rem .5rem;text-align:left;border-bottom:1px solid #eef1f5}td.num{text-align:right;font-variant-numeric:tabular-nums}\
.dev{fill:#2f9e62;color:#2f9e62}.eng{fill:#3b6fd6;color:#3b6fd6}.warn{color:#b3402a}.grid{display:flex;gap:2rem;flex-wrap:wrap;align-items:flex-start}\
.grid>p{flex:1;min-width:16rem}.chart{max-width:100%;height:auto}.lens{margin:.1rem 0}.step{margin:.8rem 0}.tag{font-size:.85rem;color:#5b6475;text-transform:uppercase;letter-spacing:.04em}\
blockquote{margin:.3rem 0 .3rem 1rem}\
@media print{body{margin:0;max-width:none}h2,h3{break-after:avoid}svg,.step,tr{break-inside:avoid}}";

/// Escapes text for HTML content and attribute values.
/// Text for HTML: control and bidi characters escaped first (the sanitiser), then markup.
pub(crate) fn esc(s: &str) -> String {
    crate::sanitize::text(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn dimension_table(s: &Summary, h: &mut String) {
    h.push_str("<table><tr><th>Dimension</th><th></th><th>Score</th><th>Enjoy</th><th>Do today</th></tr>\n");
    for d in &s.dims {
        let bar = d.combined.map_or("not enough answers".to_owned(), |v| {
            svg::dim_bar(v, d.preference, d.practice)
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
}

fn chart(s: &Summary, c: Chart) -> String {
    let sc = &s.result.scores;
    match c {
        Chart::Map => s
            .insight
            .placement
            .as_ref()
            .map(|p| {
                format!(
                    "{}<p class=\"meta\">Bands: {}</p>",
                    svg::map(p, &|a| s.band_title(a)),
                    esc(&super::chart::band_legend(&|a| s.band_title(a)))
                )
            })
            .unwrap_or_default(),
        Chart::Quadrant => match (sc.preference, sc.practice) {
            (Some(p), Some(q)) => {
                let names = svg::Names {
                    corners: CORNERS.map(|c| s.quadrant_title(c)),
                    balanced: s.quadrant_title(QuadrantId::Balanced),
                    current: corner(s.insight.quadrant),
                };
                svg::quadrant(p, q, &names)
            }
            _ => String::new(),
        },
        Chart::Dimensions => {
            let mut h = String::new();
            dimension_table(s, &mut h);
            h
        }
    }
}

fn block(s: &Summary, b: &Block, h: &mut String) {
    let _ = match b {
        Block::Para(t) => writeln!(h, "<p>{}</p>", esc(t)),
        Block::Note(t) => writeln!(h, "<p class=\"meta\">{}</p>", esc(t)),
        Block::Warn(t) => writeln!(h, "<p class=\"warn\">{}</p>", esc(t)),
        Block::Sub(t) => writeln!(h, "<h3>{}</h3>", esc(t)),
        Block::Bullets(items) => {
            h.push_str("<ul>");
            for i in items {
                let _ = write!(h, "<li>{}</li>", esc(i));
            }
            writeln!(h, "</ul>")
        }
        Block::Field(label, t) => writeln!(h, "<p><b>{}:</b> {}</p>", esc(label), esc(t)),
        Block::Lens {
            label, glyph, text, ..
        } => writeln!(
            h,
            "<p class=\"lens\">{} {glyph} <b>{}</b></p>",
            esc(label),
            esc(text)
        ),
        Block::Quote { pole, text, answer } => writeln!(
            h,
            "<blockquote class=\"{}\">“{}” — you answered <i>{}</i></blockquote>",
            if *pole == Pole::Engineer {
                "eng"
            } else {
                "dev"
            },
            esc(text),
            esc(answer)
        ),
        Block::Step { n, head, text, why } => writeln!(
            h,
            "<div class=\"step\"><b>{n}. {}</b><br><span class=\"tag\">{}</span><br><span class=\"meta\">{}</span></div>",
            esc(text),
            esc(head),
            esc(why)
        ),
        Block::Chart(c) => writeln!(h, "{}", chart(s, *c)),
    };
}

pub fn html_report(s: &Summary) -> String {
    let page = document(s);
    let title = super::page::headline(s);
    let mut h = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
<title>rolefit result: {}</title><style>{CSS}</style></head><body>\n",
        esc(&title)
    );
    for section in &page {
        if section.key == Key::Top {
            let _ = writeln!(h, "<h1>{}</h1>", esc(&section.title));
        } else {
            let _ = writeln!(h, "<section><h2>{}</h2>", esc(&section.title));
        }
        // The quadrant's chart and its meaning side by side.
        let grid = section.key == Key::Quadrant;
        if grid {
            h.push_str("<div class=\"grid\">");
        }
        for b in &section.blocks {
            block(s, b, &mut h);
        }
        if grid {
            h.push_str("</div>");
        }
        if section.key != Key::Top {
            h.push_str("</section>\n");
        }
    }
    h.push_str("</body></html>\n");
    h
}
