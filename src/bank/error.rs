use std::fmt;
use std::path::PathBuf;

use crate::sanitize::line;

/// One thing wrong with a question bank, located in its source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    /// The question (or dimension) the problem belongs to, when it is known.
    pub id: Option<String>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The file name, the id and the message (which quotes keys) come from the bank's author.
        let file = self.file.display().to_string();
        write!(f, "{}:{}:{}: ", line(&file), self.line, self.column)?;
        if let Some(id) = &self.id {
            write!(f, "[{}] ", line(id))?;
        }
        f.write_str(&line(&self.message))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BankError {
    #[error("cannot read question bank {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: the folder holds no .toml files; a bank is one .toml file or a folder of them", path.display())]
    EmptyFolder { path: PathBuf },
    #[error("{}", Problems(.0))]
    Invalid(Vec<Problem>),
}

struct Problems<'a>(&'a [Problem]);

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        writeln!(
            f,
            "the question bank has {n} problem{}:",
            if n == 1 { "" } else { "s" }
        )?;
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "  {p}")?;
        }
        Ok(())
    }
}
