//! The errors of the CDF family of gates (SiLU's Swish parameter, the gated activation's
//! location and scale, the convergence measurements). To be merged into chapter 5's one error
//! type; the variants follow the book's `<Parameter>OutOfRange { symbol }` pattern.

use std::fmt;

/// Why a gated activation `x F((x - mu) / s)`, a Swish `x sigmoid(beta x)` or a convergence
/// measurement could not be formed. Each variant carries the offending value, so the message
/// names it (NaN included) and states the domain.
///
/// ```
/// use chapter5::{FamilyError, GatedActivation, Normal, swish};
/// let error = GatedActivation::new(Normal, 0.0, -1.0).unwrap_err();
/// assert_eq!(error, FamilyError::ScaleOutOfRange { s: -1.0 });
/// assert_eq!(error.to_string(), "scale s = -1 is outside (0, inf): it must be finite and positive");
/// assert!(matches!(swish(1.0, f64::NAN), Err(FamilyError::BetaOutOfRange { beta }) if beta.is_nan()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FamilyError {
    /// A scale `s` that is zero, negative, infinite or NaN: the gate `F((x - mu) / s)` needs a
    /// finite `s > 0` (its limits `s -> 0` and `s -> inf` have their own functions,
    /// [`hard_gate_limit`](crate::hard_gate_limit) and [`wide_gate_limit`](crate::wide_gate_limit)).
    ScaleOutOfRange {
        /// The rejected scale.
        s: f64,
    },
    /// A location `mu` that is infinite or NaN: the gate's centre must be a finite number.
    LocationOutOfRange {
        /// The rejected location.
        mu: f64,
    },
    /// A Swish slope `beta` that is infinite or NaN (any finite `beta`, zero and negative
    /// included, is allowed).
    BetaOutOfRange {
        /// The rejected slope.
        beta: f64,
    },
    /// Fewer points than a measurement needs (a supremum over no points does not exist).
    TooFewSamples {
        /// How many were given.
        found: usize,
        /// The least number needed.
        needed: usize,
    },
}

impl fmt::Display for FamilyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ScaleOutOfRange { s } => {
                write!(f, "scale s = {s} is outside (0, inf): it must be finite and positive")
            }
            Self::LocationOutOfRange { mu } => {
                write!(f, "location mu = {mu} is not finite: it must be a finite f64")
            }
            Self::BetaOutOfRange { beta } => {
                write!(f, "Swish slope beta = {beta} is not finite: it must be a finite f64")
            }
            Self::TooFewSamples { found, needed } => {
                write!(f, "{found} point(s) given, at least {needed} needed")
            }
        }
    }
}

impl std::error::Error for FamilyError {}
