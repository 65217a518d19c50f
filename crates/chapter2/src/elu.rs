//! ELU, the exponential linear unit (Clevert, Unterthiner and Hochreiter, 2015): the smooth
//! comparator the GELU paper measures against.
//!
//! `ELU(x) = x` for `x > 0` and `alpha (e^x - 1)` for `x <= 0`, with derivative `1` for `x > 0`
//! and `alpha e^x` for `x <= 0`. At `x = 0` both pieces have value 0, so ELU is continuous for
//! every `alpha`; the slopes are `1` on the right and `alpha` on the left, so the derivative is
//! continuous exactly when `alpha = 1`.
//!
//! The negative piece is computed with `f64::exp_m1`, not `exp(x) - 1`: near 0, `e^x` rounds to
//! a number next to 1 and subtracting 1 keeps only that rounding error's worth of digits.

use crate::ActivationError;

/// An ELU with a validated `alpha`: finite and `>= 0`.
///
/// `alpha` is the depth of the negative saturation: `ELU(x) -> -alpha` as `x -> -inf`. With
/// `alpha = 0` the negative side is flat and ELU is ReLU (derivative convention at 0 included).
///
/// ```
/// use chapter2::Elu;
/// let elu = Elu::new(1.0)?;
/// assert_eq!(elu.value(2.0), 2.0);
/// assert!((elu.value(-1.0) - (-0.632_120_558_828_557_7)).abs() < 1e-15); // e^-1 - 1
/// assert_eq!(elu.value(f64::NEG_INFINITY), -1.0);
/// assert!(Elu::new(-0.5).is_err());
/// # Ok::<(), chapter2::ActivationError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Elu {
    alpha: f64,
}

impl Elu {
    /// ELU with `alpha = 1`, the setting the GELU paper compares against and the only one
    /// whose derivative is continuous at 0.
    pub const ALPHA_ONE: Elu = Elu { alpha: 1.0 };

    /// Validates `alpha`. Negative, NaN or infinite values give
    /// [`ActivationError::AlphaOutOfRange`] naming the value.
    ///
    /// ```
    /// use chapter2::{ActivationError, Elu};
    /// assert_eq!(Elu::new(0.5)?.alpha(), 0.5);
    /// assert_eq!(Elu::new(f64::INFINITY), Err(ActivationError::AlphaOutOfRange { alpha: f64::INFINITY }));
    /// assert!(Elu::new(f64::NAN).unwrap_err().to_string().contains("alpha = NaN"));
    /// # Ok::<(), chapter2::ActivationError>(())
    /// ```
    pub fn new(alpha: f64) -> Result<Self, ActivationError> {
        if alpha.is_finite() && alpha >= 0.0 {
            Ok(Self { alpha })
        } else {
            Err(ActivationError::AlphaOutOfRange { alpha })
        }
    }

    /// The validated `alpha`: finite and `>= 0` by construction (a bad one was already rejected by
    /// [`Elu::new`]).
    ///
    /// ```
    /// use chapter2::Elu;
    /// assert_eq!(Elu::new(0.25)?.alpha(), 0.25);
    /// assert_eq!(Elu::ALPHA_ONE.alpha(), 1.0);
    /// assert_eq!(Elu::new(2.0)?.value(f64::NEG_INFINITY), -2.0); // the saturation depth
    /// # Ok::<(), chapter2::ActivationError>(())
    /// ```
    pub fn alpha(self) -> f64 {
        self.alpha
    }

    /// `ELU(x)`: `x` for `x > 0`, `alpha (e^x - 1)` for `x <= 0`, computed as
    /// `alpha * x.exp_m1()`.
    ///
    /// Domain: every `f64`. NaN gives NaN, `+inf -> +inf`, `-inf -> -alpha`. Near 0 the result
    /// keeps full relative precision: `ELU(-1e-10) = -9.9999999995e-11` to within a rounding
    /// error, where `exp(x) - 1` gives `-1.0000000827e-10`, wrong from the eighth digit on.
    ///
    /// ```
    /// use chapter2::Elu;
    /// let x = -1e-10;
    /// let exact = -9.999_999_999_5e-11; // x + x^2/2 + x^3/6 + ..., to 17 digits
    /// assert!((Elu::ALPHA_ONE.value(x) - exact).abs() <= 2.0 * f64::EPSILON * exact.abs());
    /// assert!(((x.exp() - 1.0) - exact).abs() > 1e-8 * exact.abs()); // the cancellation
    /// ```
    // ANCHOR: elu_value
    pub fn value(self, x: f64) -> f64 {
        if x > 0.0 { x } else { self.alpha * x.exp_m1() }
    }
    // ANCHOR_END: elu_value

    /// `ELU'(x)`: `1` for `x > 0`, `alpha e^x` for `x <= 0` (so `alpha` at `x = 0`, the left
    /// slope, matching the definition's `x <= 0` piece and ReLU's convention).
    ///
    /// For `x <= 0` this equals `ELU(x) + alpha`, so, like ReLU's, the derivative can be computed
    /// from the output. NaN gives NaN, `+inf -> 1`, `-inf -> 0`. Unlike ReLU's it is never
    /// exactly 0 for finite `x > -745` (where `e^x` underflows), which is why an ELU unit cannot
    /// die the way a ReLU unit can.
    ///
    /// ```
    /// use chapter2::Elu;
    /// let elu = Elu::new(2.0)?;
    /// assert_eq!(elu.derivative(1.0), 1.0);
    /// assert_eq!(elu.derivative(0.0), 2.0); // the left slope, alpha
    /// assert!((elu.derivative(-1.0) - 2.0 * (-1.0f64).exp()).abs() < 1e-15);
    /// # Ok::<(), chapter2::ActivationError>(())
    /// ```
    // ANCHOR: elu_derivative
    pub fn derivative(self, x: f64) -> f64 {
        if x > 0.0 { 1.0 } else { self.alpha * x.exp() }
    }
    // ANCHOR_END: elu_derivative

    /// Applies [`Elu::value`] to every element, in place. Empty slices are left empty.
    ///
    /// ```
    /// let mut values = [1.5, 0.0, f64::NEG_INFINITY];
    /// chapter2::Elu::new(0.5)?.value_in_place(&mut values);
    /// assert_eq!(values, [1.5, 0.0, -0.5]);
    /// # Ok::<(), chapter2::ActivationError>(())
    /// ```
    pub fn value_in_place(self, values: &mut [f64]) {
        for value in values {
            *value = self.value(*value);
        }
    }

    /// Replaces every element `x` by [`Elu::derivative`]`(x)`, in place.
    ///
    /// ```
    /// let mut values = [1.5, 0.0, f64::NEG_INFINITY];
    /// chapter2::Elu::ALPHA_ONE.derivative_in_place(&mut values);
    /// assert_eq!(values, [1.0, 1.0, 0.0]);
    /// ```
    pub fn derivative_in_place(self, values: &mut [f64]) {
        for value in values {
            *value = self.derivative(*value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constructor_accepts_exactly_finite_non_negative_alpha() {
        for alpha in [0.0, 1e-300, 0.5, 1.0, 3.0, f64::MAX] {
            assert_eq!(Elu::new(alpha).map(Elu::alpha), Ok(alpha));
        }
        for alpha in [-1e-300, -1.0, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(Elu::new(alpha), Err(ActivationError::AlphaOutOfRange { alpha }));
        }
        let error = Elu::new(f64::NAN).unwrap_err();
        assert!(matches!(error, ActivationError::AlphaOutOfRange { alpha } if alpha.is_nan()));
        assert_eq!(
            Elu::new(-2.0).unwrap_err().to_string(),
            "ELU alpha = -2 is outside [0, inf): it must be finite and >= 0"
        );
    }

    #[test]
    fn known_values_limits_and_nan() {
        let elu = Elu::new(2.0).unwrap();
        // 2 (e^-2 - 1) and 2 e^-2, from the decimal value of e^-2 = 0.1353352832366127...
        assert!((elu.value(-2.0) - (-1.729_329_433_526_774_6)).abs() < 1e-15);
        assert!((elu.derivative(-2.0) - 0.270_670_566_473_225_4).abs() < 1e-15);
        assert_eq!(elu.value(0.0), 0.0);
        assert_eq!(elu.value(f64::INFINITY), f64::INFINITY);
        assert_eq!(elu.value(f64::NEG_INFINITY), -2.0);
        assert_eq!(elu.derivative(f64::INFINITY), 1.0);
        assert_eq!(elu.derivative(f64::NEG_INFINITY), 0.0);
        assert!(elu.value(f64::NAN).is_nan() && elu.derivative(f64::NAN).is_nan());
    }

    #[test]
    fn alpha_zero_is_relu() {
        let flat = Elu::new(0.0).unwrap();
        for x in [-3.0, -1e-300, 0.0, 1e-300, 3.0, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(flat.value(x), crate::relu(x), "ELU_0({x})");
            assert_eq!(flat.derivative(x), crate::relu_derivative(x), "ELU_0'({x})");
        }
    }

    #[test]
    fn derivative_is_output_plus_alpha_on_the_negative_side() {
        let elu = Elu::new(1.5).unwrap();
        for x in [-30.0, -3.0, -0.5, -1e-8, 0.0] {
            let from_output = elu.value(x) + elu.alpha();
            assert!((elu.derivative(x) - from_output).abs() <= 4.0 * f64::EPSILON * 1.5, "x = {x}");
        }
    }

    #[test]
    fn slice_versions_agree_with_the_scalar_ones() {
        let elu = Elu::new(0.7).unwrap();
        let x = [-5.0, -0.0, 0.0, 1e-300, 7.5, f64::NAN, f64::INFINITY, f64::NEG_INFINITY];
        let (mut values, mut slopes) = (x, x);
        elu.value_in_place(&mut values);
        elu.derivative_in_place(&mut slopes);
        for ((&xi, &yi), &di) in x.iter().zip(&values).zip(&slopes) {
            assert_eq!(yi.to_bits(), elu.value(xi).to_bits(), "ELU({xi})");
            assert_eq!(di.to_bits(), elu.derivative(xi).to_bits(), "ELU'({xi})");
        }
    }
}
