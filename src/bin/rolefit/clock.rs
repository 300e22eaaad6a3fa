//! "Now" for the whole process: the system clock, or `$ROLEFIT_NOW` (an RFC 3339 instant such
//! as `2027-03-01T09:00:00Z`), so tests and trials can date results and goals over months. The
//! core never reads the clock: this is the one place that does.

/// The environment variable that fixes the clock.
pub const NOW_ENV: &str = "ROLEFIT_NOW";

/// The fixed instant, if `$ROLEFIT_NOW` is set (a bad value is an error, never ignored).
pub fn fixed() -> anyhow::Result<Option<jiff::Timestamp>> {
    match std::env::var(NOW_ENV) {
        Ok(v) if !v.is_empty() => rolefit::dates::timestamp(&v)
            .map(Some)
            .map_err(|why| anyhow::anyhow!("${NOW_ENV} is wrong: {why}")),
        _ => Ok(None),
    }
}

pub fn now() -> anyhow::Result<jiff::Timestamp> {
    Ok(fixed()?.unwrap_or_else(jiff::Timestamp::now))
}

/// Today for due dates: the local calendar date, or the fixed instant's date in UTC (as the
/// TUI's fixed clock has it).
pub fn today() -> anyhow::Result<jiff::civil::Date> {
    Ok(match fixed()? {
        Some(t) => t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date(),
        None => jiff::ZonedDateTime::now().date(),
    })
}
