//! Whole-process figures (see unix.rs): the harness drives programs in pseudo-terminals, which
//! only Unix has, so on other systems it only says so (and `cargo test` still builds it there).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_macros)]

#[cfg(unix)]
mod unix;

#[cfg(unix)]
fn main() {
    unix::main();
}

#[cfg(not(unix))]
fn main() {
    eprintln!("the harness drives pseudo-terminals, which this system does not have");
}
