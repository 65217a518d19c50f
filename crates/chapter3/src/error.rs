//! The one error type of chapter 3's estimators.

use std::fmt;

/// Why a Monte Carlo estimate, interval or fit could not be formed. Each variant carries the
/// offending value, so the message names it (NaN included) and states the domain.
///
/// ```
/// use chapter3::{Estimate, McError, normal_quantile_two_sided};
/// assert_eq!(Estimate::from_kept_count(1.0, 0, 0), Err(McError::TooFewSamples { found: 0, needed: 1 }));
/// let error = normal_quantile_two_sided(1.0).unwrap_err();
/// assert_eq!(error, McError::LevelOutOfRange { level: 1.0 });
/// assert_eq!(error.to_string(), "confidence level = 1 is outside (0, 1): it must satisfy 0 < level < 1");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum McError {
    /// Fewer samples (draws, replicates or points) than the computation needs: a mean of no
    /// samples does not exist, and a line fit with a residual variance needs three points.
    TooFewSamples {
        /// How many were given.
        found: usize,
        /// The least number needed.
        needed: usize,
    },
    /// The input `x` is NaN or infinite: the gate's keep probability would be undefined or the
    /// product `x * m` would be `inf * 0 = NaN` on a dropped draw.
    NonFiniteInput {
        /// The rejected input.
        x: f64,
    },
    /// A confidence level outside the open interval `(0, 1)`, or NaN.
    LevelOutOfRange {
        /// The rejected level.
        level: f64,
    },
    /// A keep probability `q` outside `[0, 1]`, or NaN.
    ProbabilityOutOfRange {
        /// The rejected probability.
        q: f64,
    },
    /// A least-squares line through points that all have the same `x`: the slope is undefined
    /// (`sum (x - mean x)^2 = 0`).
    DegenerateFit,
}

impl fmt::Display for McError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooFewSamples { found, needed } => {
                write!(f, "{found} sample(s) given, at least {needed} needed")
            }
            Self::NonFiniteInput { x } => write!(f, "input x = {x} is not finite: it must be a finite f64"),
            Self::LevelOutOfRange { level } => {
                write!(f, "confidence level = {level} is outside (0, 1): it must satisfy 0 < level < 1")
            }
            Self::ProbabilityOutOfRange { q } => {
                write!(f, "keep probability q = {q} is outside [0, 1]: it must satisfy 0 <= q <= 1")
            }
            Self::DegenerateFit => {
                write!(f, "every point has the same x: a line fit needs at least two distinct x values")
            }
        }
    }
}

impl std::error::Error for McError {}
