//! What reaches the terminal from the command line: stdout and stderr through the sanitiser,
//! errors on one line, and clap's help and usage errors.

use std::process::ExitCode;

use rolefit::sanitize;

/// `--help`, `--version` or a usage error. clap's own exit ignores a failed write; here help
/// that could not be written (`rolefit --help > /dev/full`) is an error like any other output.
pub(crate) fn usage(e: &clap::Error) -> ExitCode {
    if e.use_stderr() {
        // clap quotes the argument it refused, which is untrusted: that value is shown on one
        // line (a line break in it escaped, as `\n`), and the rest through the sanitiser, as
        // every other message is.
        let mut text = e.render().to_string();
        for kind in [
            clap::error::ContextKind::InvalidValue,
            clap::error::ContextKind::InvalidArg,
            clap::error::ContextKind::InvalidSubcommand,
        ] {
            if let Some(clap::error::ContextValue::String(v)) = e.get(kind)
                && let std::borrow::Cow::Owned(one) = sanitize::line(v)
            {
                text = text.replace(v.as_str(), &one);
            }
        }
        note(text.trim_end());
        return ExitCode::from(2);
    }
    // clap's own text, not untrusted input. Plain on a terminal too: clap's "color" feature is
    // left out to keep its code out of every start (see Cargo.toml).
    match write_out(&e.render().to_string()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            note(&format!("rolefit: {}", message(&err)));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes on one line, leaving out a cause its parent already quoted. A cause
/// that quotes a path or a value read from outside stays on the line: its breaks are escaped.
/// An answers file's list of problems keeps one problem a line.
pub(crate) fn message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = match cause.downcast_ref::<rolefit::answers::AnswersError>() {
            // A list of problems, one a line, each already on its own line (`answers::render`).
            Some(list @ rolefit::answers::AnswersError::Invalid(_)) => {
                sanitize::text(&list.to_string()).into_owned()
            }
            _ => sanitize::line(&cause.to_string()).into_owned(),
        };
        if !out.contains(&text) {
            if !out.is_empty() {
                out.push_str(": ");
            }
            out.push_str(&text);
        }
    }
    out
}

/// Writes text to stdout, through the sanitiser: whatever a file or a bank says arrives as
/// visible characters. A closed pipe (`rolefit score ... | head`) is the reader's choice, not an
/// error.
pub(crate) fn emit(text: &str) -> anyhow::Result<()> {
    write_out(&sanitize::text(text))
}

/// Writes JSON to stdout: the same value, with the characters a terminal acts on escaped.
pub(crate) fn emit_json(json: &str) -> anyhow::Result<()> {
    write_out(&format!("{}\n", sanitize::json(json)))
}

pub(crate) fn write_out(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(anyhow::Error::new(e).context("cannot write the output"))
        }
        _ => Ok(()),
    }
}

/// One message on stderr, through the sanitiser (the only way rolefit writes there; clippy.toml
/// forbids the print macros).
pub(crate) fn note(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{}", sanitize::text(message));
}

/// Asks a yes/no question on stderr and reads the answer from stdin; no unless it starts with y.
pub(crate) fn confirm(question: &str) -> anyhow::Result<bool> {
    use std::io::Write;
    let mut err = std::io::stderr();
    let _ = write!(err, "{} [y/N] ", sanitize::text(question));
    let _ = err.flush();
    let mut answer = String::new();
    std::io::stdin()
        .read_line(&mut answer)
        .map_err(|e| anyhow::Error::new(e).context("cannot read the answer"))?;
    Ok(answer.trim_start().to_lowercase().starts_with('y'))
}
