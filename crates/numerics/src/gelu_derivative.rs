//! The derivative of GELU, `GELU'(x) = Phi(x) + x phi(x)`, without the cancellation of that sum.
//!
//! Write both terms through the density `phi` and Mills' ratio `R(t) = Q(t)/phi(t)`:
//!
//! * `x < 0`, `t = -x`: `Phi(x) = Q(t) = phi(t) R(t)`, so `GELU'(x) = phi(t) (R(t) - t)`;
//! * `x >= 0`: `Phi(x) = 1 - phi(x) R(x)`, so `GELU'(x) = 1 + phi(x) (x - R(x))`.
//!
//! The tiny factor `phi` is carried scaled and multiplied in once, so the left tail keeps its
//! relative precision down to the subnormals. One cancellation is genuine: GELU' has a root at
//! `x0 = -0.7517915246935645`, where `R(t) = t`. There the absolute error stays at the level of
//! Mills' ratio's (about 2^-59 of `R`), and the relative error grows as the value shrinks.

use crate::double_double::DoubleDouble;
use crate::mills_ratio::mills_ratio;
use crate::normal_pdf::density;
use crate::scaled::Scaled;

/// From here on `GELU'(x) = 1 + phi(x) (x - R(x))` rounds to 1: `x phi(x) < 2^-60` for `x >= 10`.
const SLOPE_ONE_FROM: f64 = 10.0;
/// Below `-40`, `|GELU'(x)| < 40 phi(40) < 2^-1148` rounds to `-0.0`.
const SLOPE_ZERO_BELOW: f64 = -40.0;

/// The root of GELU' (GELU's minimum), `x0 = -0.7517915246935645`, to `f64` precision
/// (mpmath, 200 bits: -0.751791524693564457...). GELU decreases below it and increases above.
///
/// ```
/// use numerics::{GELU_MINIMUM_AT, gelu_derivative};
/// assert!(gelu_derivative(GELU_MINIMUM_AT).abs() < 1e-16);
/// assert!(gelu_derivative(-0.76) < 0.0 && gelu_derivative(-0.74) > 0.0);
/// ```
pub const GELU_MINIMUM_AT: f64 = -0.7517915246935645;

/// The derivative of GELU, `GELU'(x) = Phi(x) + x phi(x)`.
///
/// It rises from 0 (approached from below as `x -> -inf`) through its minimum `-0.1289` at
/// `x = -sqrt 2` and the root [`GELU_MINIMUM_AT`] to `1/2` at 0, peaks at `1.1289` at
/// `x = sqrt 2`, and tends to 1 from above.
///
/// Defined for every `f64`; never panics: NaN gives NaN; `+inf` gives 1; `-inf` gives `-0.0`;
/// `x >= 10` gives 1 (the correctly rounded value); `x < -40` gives `-0.0`.
///
/// **Accuracy** (measured on the 2231 rows of `reference/density_reference.csv`, mpmath; see
/// `tests/density_accuracy.rs`): correctly rounded on every row with `|x - x0| > 0.01` (2045
/// rows, subnormal results included). Near the root the terms cancel: there the absolute error
/// is at most `5.4e-20` (about `2^-64`) on the table, and the test holds it below `2^-62`; that
/// can be many ULP of the tiny value itself. This is a measured bound, not correct rounding.
///
/// ```
/// use numerics::gelu_derivative;
/// assert_eq!(gelu_derivative(0.0), 0.5);
/// let sqrt_2 = std::f64::consts::SQRT_2;
/// assert!((gelu_derivative(sqrt_2) - 1.1289041451851548).abs() < 1e-15); // the maximum
/// assert!((gelu_derivative(-sqrt_2) + 0.1289041451851548).abs() < 1e-15); // the minimum
/// assert!(gelu_derivative(-30.0) < 0.0 && gelu_derivative(-30.0) > -1e-190);
/// assert_eq!(gelu_derivative(f64::INFINITY), 1.0);
/// assert!(gelu_derivative(f64::NAN).is_nan());
/// ```
pub fn gelu_derivative(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x >= SLOPE_ONE_FROM {
        return 1.0;
    }
    if x < SLOPE_ZERO_BELOW {
        return -0.0;
    }
    if x < 0.0 {
        // ANCHOR: derivative_left
        let t = -x;
        let gaussian = density(t);
        // R(t) - t: an exact subtraction of t from the double-double R(t) (no rounding of t).
        let gap = mills_ratio(t) + -t;
        Scaled { mantissa: gaussian.mantissa * gap, exponent: gaussian.exponent }.to_f64()
        // ANCHOR_END: derivative_left
    } else {
        let gaussian = density(x);
        let gap = -mills_ratio(x) + x;
        let correction = Scaled { mantissa: gaussian.mantissa * gap, exponent: gaussian.exponent };
        (DoubleDouble::ONE + correction.to_double_double()).to_f64()
    }
}
