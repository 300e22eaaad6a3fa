//! serde's and toml's wording said plainly (see `explain`).

/// A TOML value's kind as a person would name it.
pub fn kind_of(v: &toml::Value) -> &'static str {
    match v {
        toml::Value::String(_) => "text",
        toml::Value::Integer(_) => "a whole number",
        toml::Value::Float(_) => "a number",
        toml::Value::Boolean(_) => "true or false",
        toml::Value::Datetime(_) => "a date",
        toml::Value::Array(_) => "a list",
        toml::Value::Table(_) => "a table",
    }
}

/// A number read from a file, as a message quotes it: short whatever its size (`1e308`, not
/// 309 digits).
pub fn number(x: f64) -> String {
    if x.is_finite() && (x == 0.0 || (1e-4..1e7).contains(&x.abs())) {
        let s = format!("{x:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        format!("{x:e}")
    }
}

/// serde's and toml's wording, said plainly. A message of rolefit's own (a date's, a check's)
/// is kept as it is, after the field's name. Public for the one JSON file rolefit reads (a team
/// card), whose errors name a line but no field.
pub fn plain(message: &str, field: Option<&str>) -> String {
    // Whole, and one line: a value quoted in it (an unknown variant) may hold a line break.
    let message = crate::sanitize::line(message.trim());
    let message = message.as_ref();
    let named = |rest: String| match field {
        Some(f) => format!("`{f}` {rest}"),
        None => rest,
    };
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, needed) = split_expected(rest);
        // A whole number past TOML's own (64-bit) range reaches serde as "integer `n` as i128".
        if let Some((n, _)) = found
            .strip_prefix("integer `")
            .and_then(|n| n.split_once("` as "))
        {
            return named(format!(
                "is the number {n}, larger than any whole number a TOML file can hold"
            ));
        }
        return named(format!(
            "is {}, where rolefit needs {}",
            found_plain(found),
            needed_plain(needed)
        ));
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, needed) = split_expected(rest);
        return named(format!(
            "is {}, out of range: rolefit needs {}",
            found_plain(found),
            needed_plain(needed)
        ));
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (n, needed) = split_expected(rest);
        return named(format!(
            "has {n} items, where rolefit needs {}",
            needed_plain(needed)
        ));
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (found, known) = split_expected(rest);
        let known = known.trim_start_matches("one of ").replace('`', "");
        return named(format!(
            "is {}, which rolefit does not know: use one of {known}",
            quoted(found)
        ));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (found, _) = split_expected(rest);
        return format!(
            "`{}` is not a field rolefit knows",
            found.trim().trim_matches('`')
        );
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        let missing = rest.trim_matches('`');
        let at = field.map(|f| format!(" in `{f}`")).unwrap_or_default();
        return format!("`{missing}` is missing{at}; rolefit cannot read the file without it");
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return format!("`{}` is written twice", rest.trim().trim_matches('`'));
    }
    if message.starts_with("duplicate key") {
        return named("is written twice".to_owned());
    }
    if let Some(rest) = message.strip_prefix("data did not match any variant of untagged enum ") {
        return named(format!("is not {}", untagged(rest.trim())));
    }
    if is_syntax(message) {
        // The TOML itself is broken: its parser's words name the character it stopped at.
        return format!(
            "not valid TOML here ({message}): a line is `key = value`, and text goes in quotes"
        );
    }
    named(message.to_owned())
}

/// "found, expected needed" split at serde's ", expected ".
fn split_expected(s: &str) -> (&str, &str) {
    s.split_once(", expected ").unwrap_or((s, "something else"))
}

/// A value quoted as rolefit quotes what a person wrote: “x”.
fn quoted(s: &str) -> String {
    format!("“{}”", s.trim().trim_matches('`').trim_matches('"'))
}

/// serde's `Unexpected` ("integer `5`", "string \"x\"", "map") as a person says it.
fn found_plain(found: &str) -> String {
    let found = found.trim();
    let value = |s: &str| s.trim().trim_matches('`').to_owned();
    if let Some(v) = found.strip_prefix("integer ") {
        return format!("the number {}", value(v));
    }
    if let Some(v) = found.strip_prefix("floating point ") {
        return format!("the number {}", value(v));
    }
    if let Some(v) = found.strip_prefix("boolean ") {
        return value(v);
    }
    if let Some(v) = found.strip_prefix("string ") {
        return format!("the text {}", quoted(v));
    }
    if let Some(v) = found.strip_prefix("character ") {
        return format!("the text {}", quoted(v));
    }
    match found {
        "map" => "a table".into(),
        "sequence" => "a list".into(),
        other => other.to_owned(),
    }
}

/// serde's `Expected` ("u32", "a string", "struct BankRef") as a person says it.
fn needed_plain(needed: &str) -> String {
    let needed = needed.trim();
    match needed {
        "a string" | "a borrowed string" | "a character" | "char" => "text in quotes".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number, 0 or more".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".into(),
        "f32" | "f64" | "a float" => "a number".into(),
        "a boolean" => "true or false".into(),
        "a sequence" => "a list in [ ]".into(),
        "a map" | "map" => "a table".into(),
        s if s.starts_with("struct ") || s.starts_with("a map") => "a table".into(),
        s if s.starts_with("enum ") || s.starts_with("variant identifier") => {
            "one of the names rolefit knows".into()
        }
        s => s.trim_matches('`').to_owned(),
    }
}

/// What an untagged enum of rolefit's accepts.
fn untagged(name: &str) -> &'static str {
    match name {
        "Answer" => {
            "an answer: a number from 1 to 5, an option's letter in quotes, like \"a\", or two \
             letters, like [\"c\", \"d\"]"
        }
        "Num" => "a number, like 1.0 or -0.5",
        _ => "a value rolefit can read here",
    }
}

/// Whether the message is the TOML parser's (a file that is not TOML at all) rather than
/// serde's over a parsed document.
fn is_syntax(message: &str) -> bool {
    const SYNTAX: [&str; 8] = [
        "invalid ",
        "unclosed",
        "unterminated",
        "expected ",
        "extra ",
        "missing ",
        "unexpected ",
        "key with no value",
    ];
    SYNTAX.iter().any(|s| message.starts_with(s))
}
