//! The dropout rate `p`, validated once so every function that takes it can trust it.

use crate::DropoutError;

/// A dropout rate `p` in `[0, 1)`: each unit is dropped (multiplied by 0) with probability `p`
/// and kept with probability `q = 1 - p`.
///
/// ```
/// use chapter1::DropoutRate;
/// let rate = DropoutRate::new(0.25)?;
/// assert_eq!(rate.keep_probability(), 0.75);
/// assert_eq!(rate.inverted_scale(), 1.0 / 0.75);
/// assert!(DropoutRate::new(1.0).is_err());
/// assert!(DropoutRate::new(f64::NAN).is_err());
/// # Ok::<(), chapter1::DropoutError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DropoutRate(f64);

impl DropoutRate {
    /// Validates `p`. NaN, negative values and values `>= 1` give
    /// [`DropoutError::RateOutOfRange`] naming `p`.
    ///
    /// ```
    /// use chapter1::{DropoutError, DropoutRate};
    /// assert!(DropoutRate::new(0.0).is_ok()); // p = 0 keeps everything
    /// assert_eq!(DropoutRate::new(1.0), Err(DropoutError::RateOutOfRange { p: 1.0 }));
    /// let error = DropoutRate::new(f64::NAN).unwrap_err();
    /// assert!(error.to_string().contains("p = NaN"));
    /// ```
    pub fn new(p: f64) -> Result<Self, DropoutError> {
        if (0.0..1.0).contains(&p) { Ok(Self(p)) } else { Err(DropoutError::RateOutOfRange { p }) }
    }

    /// The rate `p` itself, in `[0, 1)` by construction.
    ///
    /// ```
    /// assert_eq!(chapter1::DropoutRate::new(0.3)?.p(), 0.3);
    /// # Ok::<(), chapter1::DropoutError>(())
    /// ```
    pub fn p(self) -> f64 {
        self.0
    }

    /// `q = 1 - p`, the probability that a unit is kept, in `(0, 1]` by construction.
    ///
    /// ```
    /// let rate = chapter1::DropoutRate::new(0.25)?;
    /// assert_eq!(rate.keep_probability(), 0.75);
    /// assert_eq!(rate.p() + rate.keep_probability(), 1.0);
    /// # Ok::<(), chapter1::DropoutError>(())
    /// ```
    pub fn keep_probability(self) -> f64 {
        1.0 - self.0
    }

    /// `1 / (1 - p)`, the factor inverted dropout multiplies kept units by so that `E[y] = x`.
    /// Finite because `p < 1`, and at least 1.
    ///
    /// ```
    /// use chapter1::DropoutRate;
    /// assert_eq!(DropoutRate::new(0.5)?.inverted_scale(), 2.0);
    /// assert_eq!(DropoutRate::new(0.0)?.inverted_scale(), 1.0);
    /// assert!(DropoutRate::new(1.0 - f64::EPSILON)?.inverted_scale().is_finite());
    /// # Ok::<(), chapter1::DropoutError>(())
    /// ```
    pub fn inverted_scale(self) -> f64 {
        1.0 / (1.0 - self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_exactly_the_half_open_unit_interval() {
        for p in [0.0, 1e-300, 0.5, 1.0 - f64::EPSILON / 2.0] {
            assert_eq!(DropoutRate::new(p).map(DropoutRate::p), Ok(p));
        }
        for p in [-1e-300, -0.0 - 1e-9, 1.0, 1.5, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(DropoutRate::new(p), Err(DropoutError::RateOutOfRange { p }));
        }
    }

    #[test]
    fn nan_is_rejected_and_named() {
        let error = DropoutRate::new(f64::NAN).unwrap_err();
        assert!(error.to_string().contains("p = NaN"), "{error}");
    }
}
