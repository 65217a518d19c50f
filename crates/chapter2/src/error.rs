//! The one error type of chapter 2: a parameter outside its domain, a layer and a batch that
//! do not fit together, or a batch too small to measure.

use std::fmt;

/// A bad parameter, a shape mismatch or too little data. Each variant carries the offending values, so the
/// message names them (NaN included).
///
/// ```
/// let error = chapter2::Elu::new(f64::NAN).unwrap_err();
/// assert_eq!(error.to_string(), "ELU alpha = NaN is outside [0, inf): it must be finite and >= 0");
/// let empty: &[Vec<f64>] = &[];
/// let error = chapter2::dead_fraction(empty).unwrap_err();
/// assert_eq!(error, chapter2::ActivationError::TooFewSamples { found: 0, needed: 1 });
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ActivationError {
    /// An ELU `alpha` that is negative, NaN or infinite. ELU needs a finite `alpha >= 0`: it is
    /// the depth of the negative saturation, `ELU(-inf) = -alpha`.
    AlphaOutOfRange {
        /// The rejected alpha.
        alpha: f64,
    },
    /// A dense layer with no inputs (`fan_in = 0`): He initialisation would need the variance
    /// `2 / 0`.
    ZeroFanIn,
    /// An input vector whose length is not the one expected: the layer's `fan_in` for
    /// [`DenseLayer::pre_activations`](crate::DenseLayer::pre_activations), or the first row's
    /// length for a ragged matrix of pre-activations ([`dead_units`](crate::dead_units) and the
    /// functions built on it).
    InputLength {
        /// The length every row must have.
        expected: usize,
        /// The length of the offending row.
        found: usize,
    },
    /// Too little data to measure anything: an empty batch, or a layer with no units.
    TooFewSamples {
        /// How many inputs (or units) were given.
        found: usize,
        /// The least number needed.
        needed: usize,
    },
}

impl fmt::Display for ActivationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::AlphaOutOfRange { alpha } => {
                write!(f, "ELU alpha = {alpha} is outside [0, inf): it must be finite and >= 0")
            }
            Self::ZeroFanIn => {
                write!(f, "a dense layer needs fan_in >= 1 (He initialisation divides by fan_in)")
            }
            Self::InputLength { expected, found } => {
                write!(
                    f,
                    "an input of length {found} was given where every input must have length {expected}"
                )
            }
            Self::TooFewSamples { found, needed } => {
                write!(f, "{found} input(s) or unit(s) given, at least {needed} needed")
            }
        }
    }
}

impl std::error::Error for ActivationError {}
