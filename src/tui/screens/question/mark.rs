//! Marking a scenario's options with Space (one, or two that fit about equally well), and what
//! the status line says after each press: always what is marked now and what a key does next.
//! Options are named by the letters shown beside them.

use crate::answers::Shown;

/// What Space did: the marks it leaves and what to say, or (`Err`) why nothing changed.
pub(super) type Marked = Result<(Vec<usize>, String), String>;

/// Space on the option at `cursor` of `shown`, with `marked` marked: marks it, or unmarks it if
/// it was; two at most, and two only where the question takes them together.
pub(super) fn space(shown: &Shown<'_>, cursor: Option<usize>, mut marked: Vec<usize>) -> Marked {
    if !shown.is_choice() {
        return Err(format!(
            "Space marks a scenario's options; this question takes one answer: {} (or ↑/↓ then Enter).",
            shown.key_range()
        ));
    }
    let Some(c) = cursor else {
        return Err("No option is highlighted: ↑/↓ to an option, then Space marks it.".to_owned());
    };
    let key = |i: usize| shown.key(i);
    if let Some(at) = marked.iter().position(|&m| m == c) {
        marked.remove(at);
        let said = match marked.as_slice() {
            [m] => format!("Unmarked {}. {}", key(c), one_marked(shown, *m)),
            _ => format!("Unmarked {}: nothing is marked.", key(c)),
        };
        return Ok((marked, said));
    }
    match marked.as_slice() {
        [] => {
            marked.push(c);
            Ok((marked, one_marked(shown, c)))
        }
        [m] => {
            together(shown, *m, c)?;
            marked.push(c);
            marked.sort_unstable();
            let [a, b] = [marked[0], marked[1]].map(key);
            Ok((
                marked,
                format!("{a} and {b} marked: Enter answers with both (Space on one unmarks it)."),
            ))
        }
        _ => Err("Two are marked already: Space on one of them unmarks it.".to_owned()),
    }
}

/// Said while only option `m` is marked: what a second mark is for, and how to answer with it
/// alone.
fn one_marked(shown: &Shown<'_>, m: usize) -> String {
    let k = shown.key(m);
    format!(
        "{k} is marked. Space marks a second that fits about equally well, then Enter answers \
         with both; Enter on {k} answers with {k} alone."
    )
}

/// Said when Enter is pressed on option `c` while only `m` is marked: Enter answers with the
/// marked, so it does nothing here; how to answer with both, or with either alone.
pub(super) fn enter_elsewhere(shown: &Shown<'_>, m: usize, c: usize) -> String {
    let (km, kc) = (shown.key(m), shown.key(c));
    let both = match together(shown, m, c) {
        Ok(()) => format!("Space marks {kc} too, then Enter answers with both; "),
        Err(why) => format!("{why} "),
    };
    format!(
        "{km} is marked, not {kc}. {both}Enter on {km} (or the key {km}) answers with {km} \
         alone, the key {kc} with {kc} alone."
    )
}

/// Whether options `m` and `c` may answer together, by the rule every reader of answers
/// applies (`Answer::check`: on a scale, only steps next to each other); `Err` says why not.
fn together(shown: &Shown<'_>, m: usize, c: usize) -> Result<(), String> {
    match shown.together(m, c) {
        Ok(_) => Ok(()),
        Err(why) => Err(why.map_or_else(
            || "Those two cannot answer together.".to_owned(),
            |why| crate::text::sentence(&why),
        )),
    }
}
