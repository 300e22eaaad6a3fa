//! Generated at build time, so none of it costs the binary code or start-up time: shell
//! completions and the man page (from the same clap definitions the binary parses with), the
//! built-in bank's version for `rolefit --version`, and the built-in bank itself, parsed and
//! validated here with the binary's own bank modules and written out as Rust data (a broken
//! built-in bank fails the build, and the binary never parses its TOML).

// Lines to cargo, not text for a person: the house rule of printing through the sanitiser is for
// output that can carry untrusted text.
#![allow(clippy::disallowed_macros)]

use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/cli.rs"]
mod cli;

/// The bank's own loading and validation, as the binary compiles them (`src/bank/load.rs`,
/// which reads files and includes this script's output, is left out).
#[allow(dead_code, unused_imports)]
mod src {
    pub mod bank {
        pub mod error;
        pub mod model;
        pub mod raw;
        pub mod validate;
        pub use model::RESERVED_OPTION_KEYS;
    }
    pub mod scoring {
        pub mod archetype;
    }
    pub mod assets {
        pub mod guidance;
        pub mod texts;
    }
}
/// What the asset modules name as `crate::bank` and `crate::scoring`.
mod bank {
    pub use crate::src::bank::model::Pole;
    pub use crate::src::bank::raw::line_col;
}
mod scoring {
    pub use crate::src::scoring::archetype::Archetype;
}
#[allow(dead_code)]
#[path = "src/context.rs"]
mod context;
#[allow(dead_code)]
#[path = "src/dates.rs"]
mod dates;
/// How the bank's errors are worded (and `--due`'s, in `src/cli.rs`).
#[allow(dead_code, unused_imports)]
#[path = "src/explain.rs"]
mod explain;
#[allow(dead_code)]
#[path = "src/sanitize.rs"]
mod sanitize;

/// What `src/cli.rs` names as `crate::VERSION` (the binary's adds the bank and model versions).
const VERSION: &str = env!("CARGO_PKG_VERSION");

use clap::CommandFactory;
use clap_complete::Shell;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed=src/cli.rs");
    println!("cargo::rerun-if-changed=questions/default.toml");
    let out = PathBuf::from(std::env::var("OUT_DIR")?);
    let bank_version = bank_version(Path::new("questions/default.toml"))?;
    println!("cargo::rustc-env=ROLEFIT_BANK_VERSION={bank_version}");
    for dir in ["src/bank", "src/bank/validate"] {
        println!("cargo::rerun-if-changed={dir}");
    }
    for path in [
        "src/sanitize.rs",
        "src/explain.rs",
        "src/explain",
        "src/dates.rs",
    ] {
        println!("cargo::rerun-if-changed={path}");
    }
    std::fs::write(out.join("default_bank.rs"), builtin_bank()?)?;
    for path in [
        "assets",
        "src/assets",
        "src/scoring/archetype.rs",
        "src/context.rs",
    ] {
        println!("cargo::rerun-if-changed={path}");
    }
    std::fs::write(out.join("texts.rs"), builtin_texts()?)?;

    let mut cmd = cli::Cli::command();
    for shell in [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::Elvish,
        Shell::PowerShell,
    ] {
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut cmd, "rolefit", &mut script);
        std::fs::write(out.join(format!("completion.{shell}")), script)?;
    }
    cmd.build();
    let mut page = Vec::new();
    let top = clap_mangen::Man::new(cmd.clone());
    top.render_title(&mut page)?;
    top.render_name_section(&mut page)?;
    top.render_synopsis_section(&mut page)?;
    top.render_description_section(&mut page)?;
    top.render_options_section(&mut page)?;
    // One page for the whole tool: each subcommand follows in a section of its own, with its
    // synopsis, what it does and its options (clap_mangen renders each part; only the section
    // headings are renamed so they nest under the subcommand).
    // Taken before `build`, so the global options are listed once, at the top, not in each.
    let raw = cli::Cli::command();
    for sub in raw.get_subcommands() {
        // clap takes `&'static str` names; a build script may leak a dozen short strings.
        let name: &'static str = format!("rolefit {}", sub.get_name()).leak();
        let sub = sub.clone().name(name).bin_name(name);
        let man = clap_mangen::Man::new(sub.clone());
        let mut part = Vec::new();
        man.render_synopsis_section(&mut part)?;
        man.render_description_section(&mut part)?;
        if sub.get_arguments().any(|a| !a.is_hide_set()) {
            man.render_options_section(&mut part)?;
        }
        for nested in sub.get_subcommands() {
            let about = nested
                .get_about()
                .map(|a| a.to_string())
                .unwrap_or_default();
            part.extend_from_slice(
                format!(
                    ".TP\n\\fB{} {}\\fR\n{}\n",
                    name,
                    nested.get_name(),
                    roff_text(&about)
                )
                .as_bytes(),
            );
        }
        if sub.get_after_help().is_some() {
            man.render_extra_section(&mut part)?;
        }
        let part = String::from_utf8(part)?
            .replacen(
                ".SH SYNOPSIS",
                &format!(".SH \"{}\"", name.to_uppercase()),
                1,
            )
            .replace(".SH DESCRIPTION", "")
            .replace(".SH OPTIONS", ".SS Options")
            .replace(".SH EXTRA", ".SS Example");
        page.extend_from_slice(part.as_bytes());
    }
    top.render_extra_section(&mut page)?;
    top.render_version_section(&mut page)?;
    std::fs::write(out.join("rolefit.1"), page)?;
    Ok(())
}

/// Plain text for a roff line: a leading dot or quote would be read as a request.
fn roff_text(s: &str) -> String {
    let s = s.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with('.') || s.starts_with('\'') {
        format!("\\&{s}")
    } else {
        s
    }
}

/// The `version` of the built-in bank, read with the same TOML parser the binary uses.
fn bank_version(path: &Path) -> Result<String, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(path)?;
    let table: toml::Table = toml::from_str(&text)?;
    match table.get("version") {
        Some(toml::Value::String(v)) => Ok(v.clone()),
        _ => Err(format!("{} has no string `version`", path.display()).into()),
    }
}

/// The built-in bank, validated, as a `static` of the shapes `src/bank/load.rs` declares.
fn builtin_bank() -> Result<String, Box<dyn std::error::Error>> {
    use src::bank::model::Kind;
    use std::fmt::Write as _;
    let mut sources = src::bank::raw::Sources::default();
    let name = "<built-in>/questions/default.toml";
    let file = sources.add(
        name.into(),
        std::fs::read_to_string("questions/default.toml")?,
    );
    let mut problems = Vec::new();
    let raw = src::bank::raw::parse_file(&sources, file, &mut problems);
    let bank = src::bank::validate::build(&sources, vec![raw], problems).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        format!("the built-in bank is invalid:\n{}", lines.join("\n"))
    })?;
    // `{:?}` of a str, char or finite f64 is a Rust literal of the same value.
    let mut o = format!(
        "static BUILTIN: Builtin = Builtin {{\n    name: {:?},\n    version: {:?},\n    dimensions: &[\n",
        bank.name, bank.version
    );
    for d in &bank.dimensions {
        writeln!(
            o,
            "        [{:?}, {:?}, {:?}, {:?}],",
            d.id, d.title, d.engineer, d.developer
        )?;
    }
    o.push_str("    ],\n    questions: &[\n");
    for q in &bank.questions {
        let kind = match &q.kind {
            Kind::Likert { keyed, scale } => format!("Likert(Pole::{keyed:?}, Scale::{scale:?})"),
            Kind::Pair {
                engineer,
                developer,
                first,
            } => {
                format!("Pair({engineer:?}, {developer:?}, Pole::{first:?})")
            }
            Kind::Choice { options, ordered } => {
                let options: Vec<String> = options
                    .iter()
                    .map(|o| format!("({:?}, {:?}, {:?})", o.key, o.text, o.lean))
                    .collect();
                format!("Choice(&[{}], {ordered})", options.join(", "))
            }
        };
        writeln!(
            o,
            "        BuiltinQuestion {{ id: {:?}, dimension: {:?}, lens: Lens::{:?}, text: {:?}, weight: {:?}, quick: {}, kind: BuiltinKind::{kind} }},",
            q.id, q.dimension, q.lens, q.text, q.weight, q.quick
        )?;
    }
    o.push_str("    ],\n};\n");
    Ok(o)
}

/// The shipped texts, parsed and checked (`Texts::parse`), as the body of `Texts::load`: a
/// broken text fails the build, and the binary parses no TOML for them.
fn builtin_texts() -> Result<String, Box<dyn std::error::Error>> {
    let t = src::assets::texts::Texts::parse().map_err(|e| e.to_string())?;
    let g = &t.guidance;
    // `{:?}` of a str is a Rust literal of the same text; of these enums, the variant's name.
    let list = |items: &[String]| {
        let items: Vec<String> = items.iter().map(|i| format!("{i:?}.into()")).collect();
        format!("vec![{}]", items.join(", "))
    };
    let opt = |t: &Option<String>| {
        t.as_ref()
            .map_or("None".to_owned(), |t| format!("Some({t:?}.into())"))
    };
    let needs = |n: &[src::assets::guidance::Need]| {
        let n: Vec<String> = n.iter().map(|n| format!("Need::{n:?}")).collect();
        format!("vec![{}]", n.join(", "))
    };
    let variant = |v: &src::assets::texts::Variant| {
        format!(
            "Variant {{ summary: {}, strengths: {}, week: {}, works_with: {} }}",
            opt(&v.summary),
            v.strengths
                .as_ref()
                .map_or("None".to_owned(), |s| format!("Some({})", list(s))),
            opt(&v.week),
            opt(&v.works_with)
        )
    };
    let mut o = String::from("Texts {\n    archetypes: vec![\n");
    for a in &t.archetypes {
        o += &format!(
            "        ArchetypeText {{ id: Archetype::{:?}, title: {:?}.into(), summary: {:?}.into(), strengths: {}, blind_spots: {}, week: {:?}.into(), works_with: {:?}.into(), needs: Needs {{ summary: {}, strengths: {}, week: {}, works_with: {} }}, no_code: {}, no_team: {} }},\n",
            a.id,
            a.title,
            a.summary,
            list(&a.strengths),
            list(&a.blind_spots),
            a.week,
            a.works_with,
            needs(&a.needs.summary),
            needs(&a.needs.strengths),
            needs(&a.needs.week),
            needs(&a.needs.works_with),
            variant(&a.no_code),
            variant(&a.no_team)
        );
    }
    o += "    ],\n    guidance: Guidance {\n        paths: vec![\n";
    for p in &g.paths {
        o += &format!(
            "            PathSet {{ archetype: Archetype::{:?}, roles: {}, note: {:?}.into() }},\n",
            p.archetype,
            list(&p.roles),
            p.note
        );
    }
    o += "        ],\n        roles: vec![\n";
    for r in &g.roles {
        o += &format!(
            "            Role {{ id: {:?}.into(), title: {:?}.into(), rank: {}, held_by: vec![{}], day: {:?}.into(), skills: {:?}.into(), way: {:?}.into() }},\n",
            r.id,
            r.title,
            r.rank,
            r.held_by
                .iter()
                .map(|h| format!("crate::context::Role::{h:?}"))
                .collect::<Vec<_>>()
                .join(", "),
            r.day,
            r.skills,
            r.way
        );
    }
    o += "        ],\n        context_paths: vec![\n";
    for p in &g.context_paths {
        o += &format!(
            "            ContextPath {{ role: crate::context::Role::{:?}, roles: {}, note: {}, fill: {} }},\n",
            p.role,
            list(&p.roles),
            p.note
                .as_ref()
                .map_or("None".to_owned(), |t| format!("Some({t:?}.into())")),
            p.fill
        );
    }
    o += "        ],\n        quadrants: vec![\n";
    for q in &g.quadrants {
        o += &format!(
            "            Quadrant {{ id: QuadrantId::{:?}, title: {:?}.into(), text: {:?}.into() }},\n",
            q.id, q.title, q.text
        );
    }
    o += "        ],\n        steps: vec![\n";
    for s in &g.steps {
        o += &format!(
            "            Step {{ dimension: {:?}.into(), toward: Pole::{:?}, level: Level::{:?}, text: {:?}.into(), needs: {} }},\n",
            s.dimension,
            s.toward,
            s.level,
            s.text,
            needs(&s.needs)
        );
    }
    o += &format!(
        "        ],\n        retake: {:?}.into(),\n        quick_note: {:?}.into(),\n        goal_note: {:?}.into(),\n        adaptive_note: {:?}.into(),\n        adaptive_predicted: {:?}.into(),\n        adaptive_curtailed: {:?}.into(),\n        leveling: {:?}.into(),\n    }},\n",
        g.retake,
        g.quick_note,
        g.goal_note,
        g.adaptive_note,
        g.adaptive_predicted,
        g.adaptive_curtailed,
        g.leveling
    );
    o += &format!(
        "    intro: {},\n    intro_keys: {:?}.into(),\n    plain_keys: {:?}.into(),\n}}\n",
        list(&t.intro),
        t.intro_keys,
        t.plain_keys
    );
    Ok(o)
}
