//! A scenario answered with two options that fit about equally well.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::bank::ChoiceOption;

/// Why two options of an `ordered` scenario (steps of one scale, such as amounts) must be
/// neighbours: "less than a quarter" and "more than three quarters" contradict each other, while
/// two steps side by side say "about between them". Keyless, so it stays true however the
/// options were lettered on screen.
pub const NOT_NEXT_TO_EACH_OTHER: &str = "on this scale, two answers must be next to each other";

/// Two distinct option keys of one scenario, kept in key order. Key order (not the bank's option
/// order, nor the order they were picked in) because it needs no bank: a file, serde and `==`
/// all see one canonical form, so `["d", "c"]` and `["c", "d"]` are the same answer and are
/// written back the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Two {
    first: char,
    second: char,
}

impl Two {
    /// The answer of options `a` and `b`, in either order; none for one option given twice.
    pub fn new(a: char, b: char) -> Option<Two> {
        match a.cmp(&b) {
            std::cmp::Ordering::Less => Some(Two {
                first: a,
                second: b,
            }),
            std::cmp::Ordering::Greater => Some(Two {
                first: b,
                second: a,
            }),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// The two keys, in key order.
    pub fn keys(self) -> [char; 2] {
        [self.first, self.second]
    }

    /// Whether both options stand side by side in `options` (an `ordered` scenario's steps,
    /// shown forwards or backwards but never shuffled, so side by side on screen too).
    pub fn side_by_side(self, options: &[ChoiceOption]) -> bool {
        let at = |k: char| options.iter().position(|o| o.key == k);
        match self.keys().map(at) {
            [Some(i), Some(j)] => i.abs_diff(j) == 1,
            _ => false,
        }
    }

    /// The answer written as option keys (`keys`), checked as every reader checks it: exactly
    /// two, each one character, and not the same twice. The error says which rule failed.
    pub fn parse<'k>(keys: impl ExactSizeIterator<Item = Option<&'k str>>) -> Result<Two, String> {
        let n = keys.len();
        if n != 2 {
            return Err(format!(
                "a scenario takes one option, or two that fit about equally well, not {n}"
            ));
        }
        let mut one = Vec::with_capacity(2);
        for k in keys {
            let mut chars = k.map(str::chars).ok_or_else(not_keys)?;
            match (chars.next(), chars.next()) {
                (Some(c), None) => one.push(c),
                _ => return Err(not_keys()),
            }
        }
        let (a, b) = (one[0], one[1]);
        Two::new(a, b).ok_or_else(|| {
            format!("option \"{a}\" is given twice: two options that fit equally must differ")
        })
    }
}

fn not_keys() -> String {
    "two options are written as two option keys, like [\"c\", \"d\"]".into()
}

impl Serialize for Two {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.first, self.second].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Two {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Two, D::Error> {
        let keys = Vec::<String>::deserialize(d)?;
        Two::parse(keys.iter().map(|k| Some(k.as_str()))).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn order_does_not_matter_and_one_twice_is_not_two() {
        assert_eq!(Two::new('d', 'c'), Two::new('c', 'd'));
        assert_eq!(Two::new('d', 'c').map(Two::keys), Some(['c', 'd']));
        assert_eq!(Two::new('c', 'c'), None);
    }

    #[test]
    fn reads_and_writes_two_keys_in_key_order() {
        #[derive(Serialize, Deserialize, Debug, PartialEq)]
        struct F {
            x: Two,
        }
        let f: F = toml::from_str("x = [\"d\", \"c\"]").unwrap();
        assert_eq!(toml::to_string(&f).unwrap(), "x = [\"c\", \"d\"]\n");
        for bad in [
            "x = [\"c\", \"c\"]",
            "x = [\"c\"]",
            "x = [\"a\", \"b\", \"c\"]",
            "x = [\"cd\", \"e\"]",
        ] {
            assert!(toml::from_str::<F>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn side_by_side_is_by_the_order_options_are_listed_in_not_by_key() {
        let options: Vec<ChoiceOption> = ['b', 'a', 'd', 'c']
            .into_iter()
            .map(|key| ChoiceOption {
                key,
                text: String::new(),
                lean: 0.0,
            })
            .collect();
        let two = |a, b| Two::new(a, b).unwrap();
        assert!(two('b', 'a').side_by_side(&options));
        assert!(two('a', 'd').side_by_side(&options));
        assert!(two('c', 'd').side_by_side(&options));
        assert!(
            !two('a', 'b').side_by_side(&options[1..]),
            "b is not listed"
        );
        assert!(!two('b', 'd').side_by_side(&options));
        assert!(!two('b', 'c').side_by_side(&options));
    }

    #[test]
    fn says_which_rule_failed() {
        let p = |k: &[&str]| Two::parse(k.iter().map(|s| Some(*s))).unwrap_err();
        assert!(p(&["c", "c"]).contains("given twice"));
        assert!(p(&["a", "b", "c"]).contains("not 3"));
        assert!(p(&["ab", "c"]).contains("two option keys"));
        assert!(Two::parse([None, Some("c")].into_iter()).is_err());
    }
}
