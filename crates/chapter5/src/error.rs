//! The one error type of chapter 5: a parameter of the chapter's gates (GELU with mean and scale,
//! the CDF family, Swish) outside its domain, or too little data. Each variant carries the offending value, so the message names it (NaN included).

use std::fmt;

/// A parameter outside its domain. Each variant carries the rejected value and its message
/// states the domain; the variants follow the book's pattern `<Parameter>OutOfRange { <symbol> }`.
///
/// ```
/// use chapter5::{Chapter5Error, GeluMuSigma};
/// let error = GeluMuSigma::new(0.0, -1.0).unwrap_err();
/// assert_eq!(error, Chapter5Error::SigmaOutOfRange { sigma: -1.0 });
/// assert_eq!(error.to_string(), "scale sigma = -1 is outside (0, inf): it must be positive and finite");
/// let error = GeluMuSigma::new(f64::NAN, 1.0).unwrap_err();
/// assert_eq!(error.to_string(), "mean mu = NaN is not finite: it must be a finite number");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Chapter5Error {
    /// A mean (location) `mu` that is NaN or infinite.
    MuOutOfRange {
        /// The rejected mean.
        mu: f64,
    },
    /// A scale `sigma` that is NaN, infinite, zero or negative (`-0.0` included): the gate
    /// divides by it, and a negative scale would flip the gate.
    SigmaOutOfRange {
        /// The rejected scale.
        sigma: f64,
    },
    /// A scale `s` of the CDF family's gate `F((x - mu) / s)` that is zero, negative, infinite or
    /// NaN (its limits `s -> 0` and `s -> inf` have their own functions,
    /// [`hard_gate_limit`](crate::hard_gate_limit) and [`wide_gate_limit`](crate::wide_gate_limit)).
    ScaleOutOfRange {
        /// The rejected scale.
        s: f64,
    },
    /// A Swish slope `beta` that is infinite or NaN (any finite `beta`, zero and negative
    /// included, is allowed).
    BetaOutOfRange {
        /// The rejected slope.
        beta: f64,
    },
    /// Fewer points than a computation needs (a supremum over no points does not exist).
    TooFewSamples {
        /// How many were given.
        found: usize,
        /// The least number needed.
        needed: usize,
    },
}

impl fmt::Display for Chapter5Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MuOutOfRange { mu } => {
                write!(f, "mean mu = {mu} is not finite: it must be a finite number")
            }
            Self::SigmaOutOfRange { sigma } => {
                write!(f, "scale sigma = {sigma} is outside (0, inf): it must be positive and finite")
            }
            Self::ScaleOutOfRange { s } => {
                write!(f, "scale s = {s} is outside (0, inf): it must be finite and positive")
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

impl std::error::Error for Chapter5Error {}
