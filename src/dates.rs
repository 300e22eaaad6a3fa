//! Dates and times read from people and files: the one place their errors are worded. jiff's
//! own messages ("failed to parse two digit integer as month ...") are written for
//! programmers; a person is told what rolefit read, whether it is not written as a date at all
//! or not a day on the calendar, and how to write one. Used by every file field that holds a
//! date or a time (through the serde helpers below), `--due`, `$ROLEFIT_NOW` and the goal form.

use jiff::Timestamp;
use jiff::civil::Date;

/// How a date and time is written in rolefit's files and `$ROLEFIT_NOW`.
pub const TIME_EXAMPLE: &str = "2026-09-01T10:00:00Z";
/// How a day is written (a goal's due date).
pub const DATE_EXAMPLE: &str = "2027-06-30";

/// A date and time, or why `s` is not one.
pub fn timestamp(s: &str) -> Result<Timestamp, String> {
    s.parse().map_err(|_| {
        format!(
            "“{}” is {}",
            crate::sanitize::line(s),
            why(s, "a date and time", TIME_EXAMPLE)
        )
    })
}

/// A calendar day, or why `s` is not one.
pub fn date(s: &str) -> Result<Date, String> {
    s.parse().map_err(|_| {
        format!(
            "“{}” is {}",
            crate::sanitize::line(s),
            why(s, "a date", DATE_EXAMPLE)
        )
    })
}

/// Why `s` is not `what`: not written as one at all, a time with no zone, or written in the
/// right shape yet not on the calendar (a month 13, a 30 February).
fn why(s: &str, what: &str, example: &str) -> String {
    let day = s.get(..10).filter(|d| {
        d.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        })
    });
    if what != "a date" && s.parse::<jiff::civil::DateTime>().is_ok() {
        format!("a time with no time zone: end it with Z for UTC, like {example}")
    } else if day.is_some_and(|d| d.parse::<Date>().is_err()) {
        format!("a day that is not on the calendar; write one like {example}")
    } else {
        format!("not {what}: write it like {example}")
    }
}

/// A file's date-and-time field, accepted as a string or as a TOML date-time.
fn from_file<'de, D, T: std::str::FromStr>(d: D, what: &str, example: &str) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
{
    use serde::Deserialize;
    use serde::de::Error;
    let text = match toml::Value::deserialize(d)? {
        toml::Value::String(s) => s,
        toml::Value::Datetime(t) => t.to_string(),
        other => Err(D::Error::custom(format!(
            "is {}, not {what}: write it in quotes, like \"{example}\"",
            crate::explain::kind_of(&other)
        )))?,
    };
    text.parse::<T>().map_err(|_| {
        let shown = crate::sanitize::line(&text);
        D::Error::custom(format!("is “{shown}”, {}", why(&text, what, example)))
    })
}

/// `#[serde(with = "crate::dates::time")]` for a `Timestamp` read from a file.
pub mod time {
    pub fn serialize<S: serde::Serializer>(t: &jiff::Timestamp, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(t)
    }
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<jiff::Timestamp, D::Error> {
        super::from_file(d, "a date and time", super::TIME_EXAMPLE)
    }
}

/// An optional date or time written as text, or left out.
fn optional<T: std::fmt::Display, S: serde::Serializer>(
    t: &Option<T>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.collect_str(t),
        None => s.serialize_none(),
    }
}

/// `#[serde(with = "crate::dates::optional_time")]` for an optional `Timestamp`.
pub mod optional_time {
    pub fn serialize<S: serde::Serializer>(
        t: &Option<jiff::Timestamp>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        super::optional(t, s)
    }
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Option<jiff::Timestamp>, D::Error> {
        super::time::deserialize(d).map(Some)
    }
}

/// `#[serde(with = "crate::dates::optional_date")]` for an optional day.
pub mod optional_date {
    pub fn serialize<S: serde::Serializer>(
        t: &Option<jiff::civil::Date>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        super::optional(t, s)
    }
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Option<jiff::civil::Date>, D::Error> {
        super::from_file(d, "a date", super::DATE_EXAMPLE).map(Some)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn says_what_is_wrong_without_jiffs_words() {
        let e = timestamp("2026-13-45T10:00:00Z").unwrap_err();
        assert!(
            e.contains("not on the calendar") && e.contains(TIME_EXAMPLE),
            "{e}"
        );
        let e = timestamp("yesterday").unwrap_err();
        assert_eq!(
            e,
            format!("“yesterday” is not a date and time: write it like {TIME_EXAMPLE}")
        );
        let e = date("2027-02-30").unwrap_err();
        assert_eq!(
            e,
            format!(
                "“2027-02-30” is a day that is not on the calendar; write one like {DATE_EXAMPLE}"
            )
        );
        assert!(e.contains("not on the calendar"), "{e}");
        let e = date("\u{1b}]0;x").unwrap_err();
        assert!(e.contains("\\u{1b}") && !e.contains('\u{1b}'), "{e}");
        for e in [
            timestamp("2026-1-1").unwrap_err(),
            date("soon").unwrap_err(),
        ] {
            assert!(!e.contains("parse") && !e.contains("parameter"), "{e}");
        }
        assert!(timestamp(TIME_EXAMPLE).is_ok() && date(DATE_EXAMPLE).is_ok());
    }
}
