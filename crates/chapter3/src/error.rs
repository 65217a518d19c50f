//! The one error type of chapter 3's estimators.

use std::fmt;

/// Why a Monte Carlo estimate or interval could not be formed. Each variant names the value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum McError {
    /// `n = 0`: a mean of no samples does not exist.
    ZeroSamples,
    /// The input `x` is NaN or infinite: the gate's keep probability would be undefined or the
    /// product `x * m` would be `inf * 0 = NaN` on a dropped draw.
    NonFiniteInput {
        /// The rejected input.
        x: f64,
    },
    /// A confidence level outside the open interval `(0, 1)`, or NaN.
    InvalidLevel {
        /// The rejected level.
        level: f64,
    },
    /// A keep probability outside `[0, 1]`, or NaN.
    InvalidProbability {
        /// The rejected probability.
        p: f64,
    },
}

impl fmt::Display for McError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ZeroSamples => write!(f, "n = 0: a Monte Carlo estimate needs at least one sample"),
            Self::NonFiniteInput { x } => write!(f, "input x = {x} is not finite"),
            Self::InvalidLevel { level } => {
                write!(f, "confidence level {level} is outside (0, 1)")
            }
            Self::InvalidProbability { p } => write!(f, "keep probability {p} is outside [0, 1]"),
        }
    }
}

impl std::error::Error for McError {}
