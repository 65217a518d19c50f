//! Deliberately naive formulas, kept to *measure* what goes wrong with them.
//!
//! They are correct mathematics but poor numerics; the book compares them with
//! the exact [`crate::gelu()`] and [`crate::std_normal_cdf`] on the reference table. They use the
//! `libm` crate's `erf` and `erfc`, which are themselves accurate (within 1 and 2 ulps of
//! the exact function of their own argument in a spot check of 4000 points): the trouble is
//! entirely in how the formulas combine them.
//!
//! * [`gelu_textbook_erf`] / [`std_normal_cdf_textbook_erf`]: `1 + erf(x/sqrt 2)` cancels
//!   for negative x. `erf` is rounded next to -1, where `f64` values are 2^-53 apart, so the
//!   sum has an absolute error of up to 2^-54 whatever its size: at x = -5 (Phi = 2.9e-7)
//!   GELU is already 2.6e5 ulps off, and from x = -8.3744 down `erf` rounds to exactly -1
//!   and the result is 0.
//! * [`gelu_erfc`] / [`std_normal_cdf_erfc`]: `erfc(-x/sqrt 2)` has no cancellation, but the
//!   argument `x / sqrt 2` is rounded before `erfc` sees it. A relative argument error `d`
//!   becomes a relative result error of about `2 z^2 d` with `z = x/sqrt 2`, i.e. `x^2 d`:
//!   at x = -30 that is 900 times the rounding error of the argument. Near the underflow
//!   end, `erfc` also rounds to a subnormal before the final multiplication by `x/2`.

use std::f64::consts::SQRT_2;

/// `Phi(x) = 0.5 * (1 + erf(x / sqrt 2))`: the textbook formula. Returns 0 for x <= -8.3744.
///
/// ```
/// use numerics::naive::std_normal_cdf_textbook_erf;
/// assert_eq!(std_normal_cdf_textbook_erf(-9.0), 0.0); // Phi(-9) = 1.1e-19
/// ```
pub fn std_normal_cdf_textbook_erf(x: f64) -> f64 {
    0.5 * (1.0 + libm::erf(x / SQRT_2))
}

/// `Phi(x) = 0.5 * erfc(-x / sqrt 2)`: no cancellation, but the rounding of `x / sqrt 2`
/// is amplified about `x^2`-fold in the left tail.
///
/// ```
/// use numerics::naive::std_normal_cdf_erfc;
/// assert!((std_normal_cdf_erfc(-9.0) / 1.1285884059538408e-19 - 1.0).abs() < 1e-14);
/// ```
pub fn std_normal_cdf_erfc(x: f64) -> f64 {
    0.5 * libm::erfc(-x / SQRT_2)
}

/// `GELU(x) = 0.5 * x * (1 + erf(x / sqrt 2))`: the textbook formula. Returns 0 for
/// x <= -8.3744 (and NaN for x = -inf, since `-inf * 0` is NaN).
///
/// ```
/// use numerics::naive::gelu_textbook_erf;
/// assert_eq!(gelu_textbook_erf(-9.0), 0.0);
/// assert!(gelu_textbook_erf(f64::NEG_INFINITY).is_nan());
/// ```
pub fn gelu_textbook_erf(x: f64) -> f64 {
    0.5 * x * (1.0 + libm::erf(x / SQRT_2))
}

/// `GELU(x) = 0.5 * x * erfc(-x / sqrt 2)`: accurate to a few ulps for moderate x, 729 ulps
/// at x = -30 and up to about 1600 near x = -37.5 (and NaN for x = -inf).
///
/// ```
/// use numerics::naive::gelu_erfc;
/// assert!((gelu_erfc(-9.0) / -1.0157295653584567e-18 - 1.0).abs() < 1e-14);
/// ```
pub fn gelu_erfc(x: f64) -> f64 {
    0.5 * x * libm::erfc(-x / SQRT_2)
}

/// The textbook form in `f32`: `0.5 x (1 + erf(x / sqrt 2))` with `libm::erff`. It cancels in
/// the left tail: 57% off at x = -5.5, and 0 from about x = -5.54 down.
///
/// ```
/// use numerics::naive::gelu_textbook_erf_f32;
/// assert_eq!(gelu_textbook_erf_f32(-6.0), 0.0); // GELU(-6) = -5.9e-9
/// assert!((gelu_textbook_erf_f32(1.0) - 0.8413447).abs() < 1e-6);
/// ```
pub fn gelu_textbook_erf_f32(x: f32) -> f32 {
    0.5 * x * (1.0 + libm::erff(x / std::f32::consts::SQRT_2))
}

/// The erfc form in `f32`: `0.5 x erfc(-x / sqrt 2)` with `libm::erfcf`. No cancellation, but
/// the rounding of `x / sqrt 2` is amplified about `x^2`-fold: a few ULP in the left tail.
///
/// ```
/// use numerics::naive::gelu_erfc_f32;
/// assert!(gelu_erfc_f32(-6.0) < 0.0);
/// // GELU(-6) = -5.9195259e-9; the f32 erfc form is 2.4e-6 off (about 40 ULP):
/// assert!((gelu_erfc_f32(-6.0) as f64 / -5.919525870226189e-9 - 1.0).abs() < 1e-5);
/// ```
pub fn gelu_erfc_f32(x: f32) -> f32 {
    0.5 * x * libm::erfcf(-x / std::f32::consts::SQRT_2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_textbook_formula_cancels_to_zero_in_the_tail() {
        assert_eq!(gelu_textbook_erf(-9.0), 0.0);
        assert_eq!(std_normal_cdf_textbook_erf(-9.0), 0.0);
        assert!(gelu_erfc(-9.0) < 0.0);
    }
}
