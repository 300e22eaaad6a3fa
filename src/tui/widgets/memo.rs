//! A screen's layout worked out once per key (a size, a panel, a version number) and kept in
//! the screen's state until the key changes: laying out is most of a frame's cost, and a key
//! press that only scrolls or moves a cursor changes none of it.
//!
//! What a memo holds is a function of its key and of state the key's owner promises is fixed
//! while the memo lives (a result on screen never changes; a Review is made anew after every
//! answer), so a view that fills it still only reads state: it saves the next frame the same
//! work, and it says how far the text scrolls at that size, which `Scroll` reads back.

use std::cell::RefCell;
use std::rc::Rc;

use ratatui::text::Line;

pub struct Memo<K, V> {
    slot: RefCell<Option<(K, Rc<V>)>>,
}

impl<K: PartialEq, V> Memo<K, V> {
    /// The value for `key`: the kept one if it was made for `key`, else `make()` (then kept).
    pub fn get(&self, key: K, make: impl FnOnce() -> V) -> Rc<V> {
        if let Some((_, v)) = self.slot.borrow().as_ref().filter(|(k, _)| *k == key) {
            return Rc::clone(v);
        }
        let v = Rc::new(make());
        *self.slot.borrow_mut() = Some((key, Rc::clone(&v)));
        v
    }

    /// The value kept last, if `fits` its key (e.g. it was laid out for the panel in front).
    pub fn last_if(&self, fits: impl FnOnce(&K) -> bool) -> Option<Rc<V>> {
        self.slot
            .borrow()
            .as_ref()
            .filter(|(k, _)| fits(k))
            .map(|(_, v)| Rc::clone(v))
    }
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo {
            slot: RefCell::new(None),
        }
    }
}

/// A copy shares what was laid out: it is the same state.
impl<K: Clone, V> Clone for Memo<K, V> {
    fn clone(&self) -> Self {
        Memo {
            slot: RefCell::new(self.slot.borrow().clone()),
        }
    }
}

/// A memo says nothing about the state it belongs to: two states are equal whatever their
/// memos hold.
impl<K, V> PartialEq for Memo<K, V> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<K, V> std::fmt::Debug for Memo<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kept = self.slot.try_borrow().map(|s| s.is_some()).unwrap_or(true);
        f.debug_struct("Memo").field("kept", &kept).finish()
    }
}

/// Lines laid out for a body `height` rows tall: what a scrolling screen draws, and how far it
/// can scroll there.
#[derive(Debug, Default)]
pub struct Laid {
    pub lines: Vec<Line<'static>>,
    pub height: u16,
}

impl<K: PartialEq> Memo<K, Laid> {
    /// How far the lines kept last scroll, if they `fit` (were laid out for what is on screen
    /// now); `u16::MAX`, no limit yet, before anything fitting is laid out.
    pub fn end(&self, fits: impl FnOnce(&K) -> bool) -> u16 {
        self.last_if(fits).map_or(u16::MAX, |l| l.end())
    }
}

impl Laid {
    /// The furthest a scroll's top can usefully go (`scroll::max_scroll`).
    pub fn end(&self) -> u16 {
        super::scroll::max_scroll(self.lines.len(), self.height)
    }
}

/// A scrolling screen's memo: its lines for a key that holds the body's size.
pub type LaidOut<K> = Memo<K, Laid>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_memo_makes_its_value_once_per_key() {
        let m: Memo<u16, String> = Memo::default();
        let made = std::cell::Cell::new(0);
        let make = |s: &str| {
            made.set(made.get() + 1);
            s.to_owned()
        };
        assert_eq!(*m.get(80, || make("a")), "a");
        assert_eq!(*m.get(80, || make("b")), "a");
        assert_eq!(made.get(), 1);
        assert_eq!(*m.get(100, || make("c")), "c");
        assert_eq!(made.get(), 2);
        assert_eq!(
            m.last_if(|k| *k == 100).as_deref().map(String::as_str),
            Some("c")
        );
        assert!(m.last_if(|k| *k == 80).is_none());
        assert_eq!(m, Memo::default());
    }
}
