//! The two ways a stage can fail, in one type: problems in the content
//! (every one found, as diagnostics: exit status 1), and failures to read,
//! write or encode (exit status 2). A drawing or encoding failure names the
//! file it was making, as a diagnostic. No stage returns a bare string.

use std::fmt;

use crate::diag::{Diagnostic, Diagnostics};

/// What stopped a stage.
#[derive(Debug)]
pub enum Error {
    /// Problems in the content (invalid input, a template error, a file
    /// that could not be encoded from it): every one found.
    Content(Diagnostics),
    /// A file that could not be read or written, or another failure of the
    /// machine rather than of the content.
    Io(anyhow::Error),
}

/// A result of a stage.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// One content problem.
    pub fn one(d: Diagnostic) -> Error {
        let mut all = Diagnostics::default();
        all.push(d);
        Error::Content(all)
    }

    /// A file that could not be made from the content: a chart, a PNG, a
    /// PDF or an export, named by its output path.
    pub fn encode(file: impl AsRef<std::path::Path>, why: impl fmt::Display) -> Error {
        Error::one(Diagnostic::error(
            file.as_ref(),
            crate::tr!("file-not-made", error = why.to_string()),
        ))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Content(d) => {
                let lines: Vec<String> = d.sorted().iter().map(|d| d.to_string()).collect();
                write!(f, "{}", lines.join("\n"))
            }
            Error::Io(e) => write!(f, "{e:#}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<anyhow::Error> for Error {
    fn from(e: anyhow::Error) -> Error {
        Error::Io(e)
    }
}

impl From<Diagnostics> for Error {
    fn from(d: Diagnostics) -> Error {
        Error::Content(d)
    }
}
