//! The standard normal CDF `Phi(x) = P(Z <= x)`.
//!
//! Everything reduces to the upper tail `Q(t) = P(Z > t)` for `t >= 0`:
//!
//! * `Phi(x) = Q(-x)` for `x < 0`: the tail itself, no cancellation;
//! * `Phi(x) = 1 - Q(x)` for `x >= 0`: here `Q <= 1/2` and the result is at least 1/2, so
//!   the subtraction cannot cancel either.
//!
//! and `Q(t) = exp(-t^2/2) / sqrt(2 pi) * R(t)`, with the Gaussian factor from
//! [`exp_neg_half_square`] (relative error below 2^-62) and Mills' ratio R from
//! [`mills_ratio`] (below about 2^-57), both double-doubles. The final `f64` comes from a
//! single rounding of their product.
//!
//! Compare the textbook formula `0.5 * (1 + erf(x / sqrt(2)))`: for x = -8.5 the result is
//! 1e-17, less than the spacing of `f64` values next to 1, so `1 + erf` is exactly 1 - 1 = 0
//! there: all the information was lost when erf rounded its result next to -1.

use crate::double_double::DoubleDouble;
use crate::mills_ratio::mills_ratio;
use crate::scaled::Scaled;
use crate::scaled_exp::exp_neg_half_square;

/// `1 / sqrt(2 pi)` as a double-double.
pub(crate) const FRAC_1_SQRT_2PI: DoubleDouble = DoubleDouble::new(0.3989422804014327, -2.49232720227773e-17);

/// From here on, `Phi(x)` rounds to 1 and `GELU(x)` to `x`.
///
/// `Q(8.5) = 9.5e-18 < 2^-56`, and `Q` decreases. Rounding `1 - Q` to 1 needs `Q` below half
/// the spacing of `f64` just below 1, 2^-54; rounding `x (1 - Q)` to `x` needs `Q` below half
/// the relative spacing just below `x`, which is at least 2^-54 as well.
pub(crate) const SATURATION: f64 = 8.5;

/// From here down, `Phi(x)` and `GELU(x)` round to zero: `|GELU(-40)| = 40 Q(40) < 2^-1150`,
/// far below half the smallest subnormal, 2^-1075. (The actual thresholds are -38.4854 for
/// Phi and -38.5801 for GELU, see `tests/special_values.rs`; from there down to -40 the
/// general code rounds to 0 by itself.)
pub(crate) const UNDERFLOW: f64 = -40.0;

/// The upper tail `Q(t) = P(Z > t) = 1 - Phi(t) = phi(t) R(t)` for `0 <= t <= 64` (the domain
/// of [`mills_ratio`]), as a [`Scaled`] value (it reaches 2^-1160 at t = 40 and 2^-2962 at 64),
/// relative error below about 2^-57.
///
/// Bad input: NaN or `t` outside `[0, 64]` gives a NaN mantissa (no panic).
///
/// ```
/// use numerics::upper_tail;
/// assert_eq!(upper_tail(0.0).to_f64(), 0.5);
/// assert_eq!(upper_tail(1.0).to_f64(), 0.15865525393145705);
/// assert_eq!(upper_tail(38.0).to_f64(), 2.88542835e-316);
/// // Q(64) = 0.00400066678990511 * 2^-2954 (mpmath), far below every f64:
/// assert_eq!(upper_tail(64.0).exponent, -2954);
/// assert!((upper_tail(64.0).mantissa.hi - 0.00400066678990511).abs() < 1e-17);
/// assert_eq!(upper_tail(64.0).to_f64(), 0.0);
/// assert!(upper_tail(64.5).mantissa.hi.is_nan());
/// ```
// ANCHOR: upper_tail
pub fn upper_tail(t: f64) -> Scaled {
    let gaussian = exp_neg_half_square(t);
    let density = gaussian.mantissa * FRAC_1_SQRT_2PI;
    Scaled { mantissa: density * mills_ratio(t), exponent: gaussian.exponent }
}
// ANCHOR_END: upper_tail

/// The standard normal cumulative distribution function, `Phi(x) = P(Z <= x)` for
/// `Z ~ N(0, 1)`:
///
/// `Phi(x) = 1/sqrt(2 pi) * integral from -inf to x of exp(-s^2/2) ds = erfc(-x / sqrt(2)) / 2`.
///
/// Defined for every `f64`; never panics, never allocates:
///
/// * NaN gives NaN; `+inf` gives 1; `-inf` gives `+0.0`; `-0.0` and `+0.0` give 0.5.
/// * `x >= 8.5` gives exactly 1, the correctly rounded value (`1 - Phi(8.5) < 2^-56`).
/// * `x < -38.485408335567335` gives `+0.0`, the correctly rounded value (`Phi(x) < 2^-1075`,
///   half the smallest subnormal). For `-38.485408335567335 <= x < -37.51937934714449` the
///   result is subnormal, still within 1 ulp, where the ulp is the subnormal spacing 2^-1074.
///
/// **Accuracy**: by analysis, the value before the final rounding has a relative error below
/// about 2^-57 (at most 1/16 ulp); measured, below 2^-59. So the result is within 1 ulp of
/// the exact value everywhere, and it is the correctly rounded value unless the exact value
/// lies that close to a halfway point between two `f64`. On the mpmath reference table
/// (`reference/gelu_reference.csv`, 3416 rows over the whole range) every result is
/// correctly rounded; on a denser 203,416-row table, about 0.04% are 1 ulp off, none more.
///
/// ```
/// use numerics::std_normal_cdf;
///
/// assert_eq!(std_normal_cdf(0.0), 0.5);
/// assert_eq!(std_normal_cdf(1.959963984540054), 0.975);
/// assert_eq!(std_normal_cdf(-1.0), 0.15865525393145705);
/// // Deep in the tail the textbook formula 0.5 * (1 + erf(x / sqrt 2)) returns 0:
/// assert_eq!(std_normal_cdf(-10.0), 7.619853024160525e-24);
/// // A subnormal result: 2.8854283600687843e-316, rounded to the subnormal grid.
/// assert_eq!(std_normal_cdf(-38.0), 2.88542835e-316);
/// assert_eq!(std_normal_cdf(-39.0), 0.0);
/// assert_eq!(std_normal_cdf(f64::INFINITY), 1.0);
/// assert!(std_normal_cdf(f64::NAN).is_nan());
/// ```
pub fn std_normal_cdf(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x >= SATURATION {
        return 1.0;
    }
    if x <= UNDERFLOW {
        return 0.0;
    }
    let tail = upper_tail(x.abs());
    if x < 0.0 {
        tail.to_f64()
    } else {
        // Q(x) >= Q(8.5) ~ 2^-56.6 here, so the scaled value is an ordinary double-double.
        (DoubleDouble::ONE - tail.to_double_double()).to_f64()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_values() {
        assert!(std_normal_cdf(f64::NAN).is_nan());
        assert_eq!(std_normal_cdf(f64::INFINITY), 1.0);
        assert_eq!(std_normal_cdf(f64::NEG_INFINITY), 0.0);
        assert_eq!(std_normal_cdf(f64::MAX), 1.0);
        assert_eq!(std_normal_cdf(-f64::MAX), 0.0);
        assert_eq!(std_normal_cdf(0.0), 0.5);
        assert_eq!(std_normal_cdf(-0.0), 0.5);
        for tiny in [5e-324, -5e-324, f64::MIN_POSITIVE, -f64::MIN_POSITIVE, 1e-300, -1e-300, 1e-17, -1e-17] {
            assert_eq!(std_normal_cdf(tiny), 0.5, "x = {tiny:e}");
        }
    }

    #[test]
    fn results_are_never_outside_the_unit_interval() {
        let mut x = -50.0;
        while x < 50.0 {
            let p = std_normal_cdf(x);
            assert!((0.0..=1.0).contains(&p) && p.is_sign_positive(), "x = {x}: {p}");
            x += 0.0137;
        }
    }
}
