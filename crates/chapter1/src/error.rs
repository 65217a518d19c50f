//! The one error type of chapter 1: a probability or rate outside its domain.

use std::fmt;

/// A parameter outside its domain. Each variant carries the offending value, so the message
/// names it (NaN included).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DropoutError {
    /// A dropout rate `p` that is NaN or outside `[0, 1)`. (`p = 1` would drop every unit and make
    /// the inverted-dropout scale `1/(1-p)` infinite.)
    RateOutOfRange {
        /// The rejected rate.
        p: f64,
    },
    /// A keep probability `q` that is NaN or outside `[0, 1]`.
    ProbabilityOutOfRange {
        /// The rejected probability.
        q: f64,
    },
}

impl fmt::Display for DropoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::RateOutOfRange { p } => {
                write!(f, "dropout rate p = {p} is outside [0, 1): it must satisfy 0 <= p < 1")
            }
            Self::ProbabilityOutOfRange { q } => {
                write!(f, "keep probability q = {q} is outside [0, 1]")
            }
        }
    }
}

impl std::error::Error for DropoutError {}
