//! The archetype map: the five bands along the spectrum with their names and borders, the
//! position with its margin, and the scale.

use super::{Grid, Row, Tone, column, text_width, wrap};
use crate::insight::{Placement, bands, pts};
use crate::scoring::EDGES;

/// The five bands along the spectrum with their names and borders, the position with its
/// margin, and the scale. `title` names an archetype. At least 20 columns.
pub fn map(
    p: &Placement,
    w: usize,
    title: &dyn Fn(crate::scoring::Archetype) -> String,
) -> Vec<Row> {
    let w = w.max(20);
    let mut g = Grid::new(w);
    let bands = bands();
    let spans: Vec<(usize, usize)> = bands
        .iter()
        .map(|(_, from, to)| {
            let a = if *from <= -100.0 {
                0
            } else {
                column(*from, w) + 1
            };
            let b = if *to >= 100.0 { w } else { column(*to, w) };
            (a, b.max(a + 1))
        })
        .collect();
    let names: Vec<Vec<String>> = bands
        .iter()
        .zip(&spans)
        .map(|((a, _, _), (x0, x1))| wrap(&title(*a), x1 - x0))
        .collect();
    let name_rows = names.iter().map(Vec::len).max().unwrap_or(1);
    for r in 0..name_rows {
        let y = g.row(' ', Tone::Text);
        for (((a, _, _), lines), (x0, x1)) in bands.iter().zip(&names).zip(&spans) {
            if let Some(line) = lines.get(r) {
                let x = x0 + (x1 - x0).saturating_sub(text_width(line)) / 2;
                let tone = if p.band == Some(*a) {
                    Tone::Strong
                } else {
                    Tone::Dim
                };
                g.put(y, x, line, tone);
            }
        }
    }
    let y = g.row('─', Tone::Dim);
    for b in EDGES {
        g.put(y, column(b, w), "┼", Tone::Text);
    }
    if let Some(m) = p.margin {
        let (lo, hi) = (column(p.position - m, w), column(p.position + m, w));
        for x in lo..=hi {
            g.put(y, x, "═", Tone::Marker);
        }
    }
    g.put(y, column(p.position, w), "●", Tone::Marker);
    let y = g.row(' ', Tone::Dim);
    let mut ticks = vec![(-100.0, "-100".to_owned())];
    ticks.extend(EDGES.iter().map(|b| (*b, pts(*b))));
    ticks.push((100.0, "+100".to_owned()));
    for (v, label) in ticks {
        let lw = text_width(&label);
        let x = column(v, w).saturating_sub(lw / 2).min(w - lw);
        g.put(y, x, &label, Tone::Dim);
    }
    g.into_rows()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::chart::plain;

    #[test]
    fn the_map_names_every_band_and_marks_the_position_and_margin() {
        let p = crate::insight::Placement {
            position: -51.9,
            margin: Some(23.0),
            band: Some(crate::scoring::Archetype::DeveloperLeaning),
            nearest: None,
            neighbours: Vec::new(),
            straddles: Vec::new(),
        };
        for w in [20, 58, 98, 158] {
            let rows = map(&p, w, &|a| a.id().to_owned());
            let text: Vec<String> = rows.iter().map(plain).collect();
            let track = text
                .iter()
                .find(|r| r.contains('●'))
                .unwrap_or_else(|| panic!("{text:#?}"));
            // The borders not under the margin are drawn; the margin is drawn.
            assert!(track.contains('┼') && track.contains('═'), "{text:#?}");
            assert!(text.iter().all(|r| text_width(r) <= w.max(20)));
            if w >= 98 {
                for a in crate::scoring::Archetype::ALL {
                    assert!(text.concat().contains(a.id()), "{text:#?}");
                }
            }
        }
        let none = crate::insight::Placement { margin: None, ..p };
        let text: Vec<String> = map(&none, 98, &|a| a.id().to_owned())
            .iter()
            .map(plain)
            .collect();
        assert!(!text.concat().contains('═'), "no margin, no band");
    }
}
