//! The one error type of chapter 6: a data file that does not parse, a study option or results
//! file that is wrong, or an error from the network underneath.

use std::fmt;

use chapter5::network::NetworkError;

/// What went wrong, with enough detail to fix it: the line of a malformed file, the option that
/// was rejected.
///
/// ```
/// use chapter6::Chapter6Error;
/// let error = Chapter6Error::Malformed { line: 7, reason: "65 fields expected, found 3".into() };
/// assert_eq!(error.to_string(), "line 7: 65 fields expected, found 3");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Chapter6Error {
    /// A line of a data or results file that does not parse (lines count from 1).
    Malformed {
        /// The line, counting from 1.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// A file that could not be read or written.
    Io {
        /// The file.
        path: String,
        /// The operating system's message.
        message: String,
    },
    /// A study option outside its domain (a split fraction, a number of seeds, ...).
    Invalid {
        /// The option and why it was rejected.
        reason: String,
    },
    /// An error from chapter 5's network (a diverged run is recorded, not an error; this is
    /// for shapes and labels).
    Network(NetworkError),
}

impl fmt::Display for Chapter6Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Malformed { line, reason } => write!(f, "line {line}: {reason}"),
            Self::Io { path, message } => write!(f, "{path}: {message}"),
            Self::Invalid { reason } => write!(f, "{reason}"),
            Self::Network(error) => write!(f, "network: {error}"),
        }
    }
}

impl std::error::Error for Chapter6Error {}

impl From<NetworkError> for Chapter6Error {
    fn from(error: NetworkError) -> Self {
        Self::Network(error)
    }
}

impl Chapter6Error {
    /// An [`Io`](Self::Io) error for `path`.
    pub(crate) fn io(path: &std::path::Path, error: &std::io::Error) -> Self {
        Self::Io { path: path.display().to_string(), message: error.to_string() }
    }

    /// An [`Invalid`](Self::Invalid) error.
    pub(crate) fn invalid(reason: impl Into<String>) -> Self {
        Self::Invalid { reason: reason.into() }
    }
}
