//! The one error type of chapter 1: a rate or probability outside its domain, or too few samples.

use std::fmt;

/// A parameter outside its domain, or data too short for the statistic asked of it. Each variant
/// carries the offending value, so the message names it (NaN included) and states the domain.
///
/// ```
/// use chapter1::{DropoutError, DropoutRate, mean_and_standard_error};
/// assert_eq!(DropoutRate::new(1.0), Err(DropoutError::RateOutOfRange { p: 1.0 }));
/// let error = mean_and_standard_error(&[4.0]).unwrap_err();
/// assert_eq!(error, DropoutError::TooFewSamples { found: 1, needed: 2 });
/// assert_eq!(error.to_string(), "1 sample(s) given, at least 2 needed");
/// ```
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
    /// Fewer samples than the statistic needs: a standard error needs at least two (one sample has
    /// no spread to estimate).
    TooFewSamples {
        /// How many samples were given.
        found: usize,
        /// The least number the statistic needs.
        needed: usize,
    },
}

impl fmt::Display for DropoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::RateOutOfRange { p } => {
                write!(f, "dropout rate p = {p} is outside [0, 1): it must satisfy 0 <= p < 1")
            }
            Self::ProbabilityOutOfRange { q } => {
                write!(f, "keep probability q = {q} is outside [0, 1]: it must satisfy 0 <= q <= 1")
            }
            Self::TooFewSamples { found, needed } => {
                write!(f, "{found} sample(s) given, at least {needed} needed")
            }
        }
    }
}

impl std::error::Error for DropoutError {}
