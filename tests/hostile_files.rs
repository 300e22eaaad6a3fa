//! Issue 14: files rolefit did not write, and what it writes. A result is known by its file
//! name; nothing read ever becomes a path; rewrites keep what they do not know; no read is
//! unbounded; nothing is written that rolefit would not read back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use rolefit::bank::BankError;

/// A bank whose every question names an unknown dimension: `n` problems in one file.
fn bank_with_problems(n: usize) -> String {
    let mut out = String::from(
        "name = \"broken\"\nversion = \"1\"\n\n[[dimensions]]\nid = \"scope\"\ntitle = \"Scope\"\nengineer = \"e\"\ndeveloper = \"d\"\n",
    );
    for i in 0..n {
        out.push_str(&format!(
            "\n[[questions]]\nid = \"q{i}\"\ndimension = \"nowhere\"\nlens = \"preference\"\ntext = \"Question {i}\"\nkind = \"likert\"\nkeyed = \"engineer\"\n"
        ));
    }
    out
}

#[test]
fn bank_validate_is_not_quadratic_in_problems() {
    let text = bank_with_problems(20_000);
    let start = Instant::now();
    let Err(BankError::Invalid(problems)) =
        rolefit::bank::load_str(&text, std::path::Path::new("big.toml"))
    else {
        panic!("expected problems");
    };
    let took = start.elapsed();
    assert!(problems.len() >= 20_000, "{}", problems.len());
    assert_eq!(problems.last().unwrap().line, 8 * 19_999 + 12);
    assert!(took < Duration::from_secs(2), "took {took:?}");
}
