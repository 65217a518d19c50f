//! The one error type of chapter 2: a parameter outside its domain, or a layer and a batch that
//! do not fit together.

use std::fmt;

/// A bad parameter or a shape mismatch. Each variant carries the offending values, so the
/// message names them (NaN included).
///
/// ```
/// let error = chapter2::Elu::new(f64::NAN).unwrap_err();
/// assert_eq!(error.to_string(), "ELU alpha = NaN is outside [0, inf): it must be finite and >= 0");
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
    /// An input vector whose length is not the layer's `fan_in`.
    InputLength {
        /// The layer's `fan_in`.
        expected: usize,
        /// The length of the offending input.
        found: usize,
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
                write!(f, "an input of length {found} was given to a layer with fan_in = {expected}")
            }
        }
    }
}

impl std::error::Error for ActivationError {}
