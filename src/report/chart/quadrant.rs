//! What you enjoy against what you do today, in text: names outside the plot, axes on the
//! frame, the balanced middle shaded.

use super::{Grid, Row, Tone, column, text_width, wrap};

/// Two labels on one row, one at each end; when they do not fit, each wraps within its half.
fn ends(g: &mut Grid, left: (&str, Tone), right: (&str, Tone)) {
    let w = g.w;
    let (lw, rw) = (text_width(left.0), text_width(right.0));
    let (l, r) = if lw + rw < w {
        (vec![left.0.to_owned()], vec![right.0.to_owned()])
    } else {
        let half = (w - 1) / 2;
        (wrap(left.0, half), wrap(right.0, half))
    };
    for i in 0..l.len().max(r.len()) {
        let y = g.row(' ', Tone::Text);
        if let Some(t) = l.get(i) {
            g.put(y, 0, t, left.1);
        }
        if let Some(t) = r.get(i) {
            g.put(y, w.saturating_sub(text_width(t)), t, right.1);
        }
    }
}

/// The quadrant names, engineer-side practice first: top-left, top-right, bottom-left,
/// bottom-right, and the middle.
pub struct QuadrantNames<'a> {
    pub top_left: &'a str,
    pub top_right: &'a str,
    pub bottom_left: &'a str,
    pub bottom_right: &'a str,
    pub balanced: &'a str,
    /// Which of the five the point is in: 0-3 in the order above, 4 the middle.
    pub current: usize,
}

/// The quadrants in the corners the charts put them: top-left, top-right, bottom-left,
/// bottom-right (x = what you enjoy, y = what you do today).
pub const CORNERS: [crate::assets::QuadrantId; 4] = [
    crate::assets::QuadrantId::DeveloperOnEngineerDuty,
    crate::assets::QuadrantId::EngineerByChoice,
    crate::assets::QuadrantId::DeveloperByChoice,
    crate::assets::QuadrantId::EngineerOnDeveloperDuty,
];

/// Where a quadrant is drawn: its index in `CORNERS`, or 4 for the balanced middle.
pub fn corner(q: Option<crate::assets::QuadrantId>) -> usize {
    CORNERS.iter().position(|c| Some(*c) == q).unwrap_or(4)
}

/// The first label that fits in `room` columns.
fn fitting<'a>(options: &[&'a str], room: usize) -> &'a str {
    options
        .iter()
        .find(|o| text_width(o) <= room)
        .copied()
        .unwrap_or("")
}

/// What you enjoy (x) against what you do today (y): the four quadrants named outside the plot
/// so the point never covers a name, the axes labelled on the frame, the balanced middle
/// shaded, and the point. `w` at least 24 columns, `h` at least 5 plot rows.
pub fn quadrant(pref: f64, prac: f64, w: usize, h: usize, n: &QuadrantNames<'_>) -> Vec<Row> {
    // Odd sizes put the axes on a middle column and row.
    let w = w.max(24) | 1;
    let h = h.max(5) | 1;
    let mut g = Grid::new(w);
    let tone = |i: usize| {
        if n.current == i {
            Tone::Strong
        } else {
            Tone::Dim
        }
    };
    ends(&mut g, (n.top_left, tone(0)), (n.top_right, tone(1)));
    let top = g.rows.len();
    let (mid_x, mid_y) = (w / 2, top + h / 2);
    let inner_w = w - 2;
    let col = |v: f64| 1 + column(v, inner_w);
    let row = |v: f64| top + 1 + column(-v, h - 2);
    for y in 0..h {
        let r = g.row(' ', Tone::Dim);
        let (l, m, rt, fill) = match y {
            0 => ("┌", "┬", "┐", '─'),
            _ if y == h - 1 => ("└", "┴", "┘", '─'),
            _ if r == mid_y => ("├", "┼", "┤", '─'),
            _ => ("│", "│", "│", ' '),
        };
        for x in 1..w - 1 {
            g.put(r, x, &fill.to_string(), Tone::Dim);
        }
        g.put(r, 0, l, Tone::Dim);
        g.put(r, mid_x, m, Tone::Dim);
        g.put(r, w - 1, rt, Tone::Dim);
    }
    let half = mid_x.saturating_sub(2);
    let up = fitting(&["▲ do today: engineer", "▲ do: engineer", "▲ eng"], half);
    let down = fitting(&["▼ do today: developer", "▼ do: developer", "▼ dev"], half);
    g.put(top, 2, up, Tone::Text);
    g.put(top + h - 1, 2, down, Tone::Text);
    // The balanced middle: at least one cell either side of the axes, so it is always seen.
    let dx = (mid_x - col(-crate::assets::BALANCED_WITHIN)).max(1);
    let dy = (mid_y - row(crate::assets::BALANCED_WITHIN)).max(1);
    let (x0, x1, y0, y1) = (mid_x - dx, mid_x + dx, mid_y - dy, mid_y + dy);
    let shade = if n.current == 4 {
        Tone::Strong
    } else {
        Tone::Dim
    };
    for y in y0..=y1 {
        for x in x0..=x1 {
            if x != mid_x && y != mid_y {
                g.put(y, x, "░", shade);
            }
        }
    }
    let legend = format!("░ {} ±{:.0}", n.balanced, crate::assets::BALANCED_WITHIN);
    if text_width(&legend) + 2 <= half {
        g.put(top + h - 1, w - 2 - text_width(&legend), &legend, shade);
    }
    g.put(row(prac), col(pref), "●", Tone::Marker);
    ends(&mut g, (n.bottom_left, tone(2)), (n.bottom_right, tone(3)));
    let left = fitting(&["◀ enjoy: developer", "◀ enjoy: dev", "◀"], half);
    let right = fitting(&["enjoy: engineer ▶", "enjoy: eng ▶", "▶"], half);
    ends(&mut g, (left, Tone::Text), (right, Tone::Text));
    if text_width(&legend) + 2 > half {
        let y = g.row(' ', Tone::Text);
        g.put(y, 0, &legend, shade);
    }
    g.into_rows()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::chart::plain;

    fn names(current: usize) -> QuadrantNames<'static> {
        QuadrantNames {
            top_left: "Developer on engineer duty",
            top_right: "Engineer by choice",
            bottom_left: "Developer by choice",
            bottom_right: "Engineer on developer duty",
            balanced: "Balanced",
            current,
        }
    }

    #[test]
    fn the_point_never_covers_a_quadrant_name_and_every_name_is_whole() {
        for (w, h) in [(24, 5), (37, 9), (49, 11), (61, 15)] {
            for p in (-100..=100).step_by(25) {
                for q in (-100..=100).step_by(25) {
                    let rows = quadrant(f64::from(p), f64::from(q), w, h, &names(1));
                    let text: Vec<String> = rows.iter().map(plain).collect();
                    let with_point: Vec<&String> =
                        text.iter().filter(|r| r.contains('●')).collect();
                    assert_eq!(with_point.len(), 1, "{text:#?}");
                    // The point is inside the frame, on a row that names nothing.
                    assert!(with_point[0].starts_with(['│', '├']), "{text:#?}");
                    // Every word of every name is there (narrow charts wrap a name in its half).
                    let words: Vec<&str> = text.iter().flat_map(|r| r.split_whitespace()).collect();
                    for word in "Developer on engineer duty Engineer by choice Developer by choice Engineer on developer duty".split(' ') {
                        assert!(words.contains(&word), "{word} at {w}x{h}: {text:#?}");
                    }
                    assert!(!text.concat().contains('…'));
                }
            }
        }
    }
}
