//! GELU, `x * Phi(x)`, rounded once.
//!
//! Computing `x * std_normal_cdf(x)` would round twice: once for Phi, once for the product.
//! That costs up to one ulp in general, and far more in the far left tail, where both Phi and
//! GELU are subnormal: there Phi's rounding error is up to half a subnormal step (2^-1075),
//! and multiplying by `x ~ -38` makes it 19 steps of GELU's grid. So GELU multiplies the
//! *unrounded* double-double `Phi(x)` (or its scaled tail) by `x` exactly and rounds the
//! product once.

use crate::double_double::DoubleDouble;
use crate::normal_cdf::{SATURATION, UNDERFLOW, upper_tail};
use crate::scaled::Scaled;

/// Below this magnitude `GELU(x)` is `x/2`, rounded to nearest with ties upwards (see
/// [`gelu_near_zero`]).
const NEAR_ZERO: f64 = 8.673617379884035e-19; // 2^-60

/// The Gaussian Error Linear Unit, `GELU(x) = x * Phi(x) = x/2 * erfc(-x / sqrt(2))`, where
/// `Phi` is the standard normal CDF ([`crate::std_normal_cdf`]).
///
/// Defined for every `f64`; never panics, never allocates:
///
/// * NaN gives NaN; `+inf` gives `+inf`; `-inf` gives `-0.0` (the limit, approached from
///   below: GELU is negative for every negative x).
/// * `x >= 8.5` gives exactly `x`, the correctly rounded value (`1 - Phi(8.5) < 2^-56`).
/// * `x < -38.58014022378236` gives `-0.0`, the correctly rounded value of a negative number
///   smaller in magnitude than 2^-1075. For `-38.58014022378236 <= x < -37.615868313955986`
///   the result is subnormal, still within 1 ulp, where the ulp is the subnormal spacing
///   2^-1074.
/// * `-0.0` gives `-0.0`, `+0.0` gives `+0.0`. For `|x| < 2^-60` the result is `x/2` rounded
///   to nearest; when `x/2` falls exactly halfway between two subnormals (`|x| < 2^-1021` with
///   an odd last bit), the upper one, because `x * Phi(x) = x/2 + x^2/sqrt(2 pi) + ...` lies
///   above `x/2`.
///
/// **Accuracy**: by analysis, the value before the final rounding has a relative error below
/// about 2^-57 (at most 1/16 ulp); measured, below 2^-59. So the result is within 1 ulp of
/// the exact value everywhere, and it is the correctly rounded value unless the exact value
/// lies that close to a halfway point between two `f64`. On the mpmath reference table
/// (`reference/gelu_reference.csv`, 3416 rows over the whole range) every result is
/// correctly rounded; on a denser 203,416-row table, about 0.04% are 1 ulp off, none more.
///
/// ```
/// use numerics::gelu;
///
/// assert_eq!(gelu(0.0), 0.0);
/// assert_eq!(gelu(1.0), 0.8413447460685429);
/// assert_eq!(gelu(-1.0), -0.15865525393145705);
/// assert_eq!(gelu(3.0), 2.99595030590511);
/// // The textbook 0.5 * x * (1 + erf(x / sqrt 2)) returns 0 here:
/// assert_eq!(gelu(-10.0), -7.619853024160526e-23);
/// // Subnormal results, correctly rounded on the grid of multiples of 2^-1074:
/// assert_eq!(gelu(-38.0), -1.096462777e-314);
/// assert_eq!(gelu(-38.5), -5.4e-323);
/// assert_eq!(gelu(f64::INFINITY), f64::INFINITY);
/// assert!(gelu(f64::NAN).is_nan());
/// ```
pub fn gelu(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x >= SATURATION {
        return x;
    }
    if x <= UNDERFLOW {
        return -0.0;
    }
    if x.abs() < NEAR_ZERO {
        return gelu_near_zero(x);
    }
    // ANCHOR: gelu_core
    let tail = upper_tail(x.abs());
    if x < 0.0 {
        // GELU(x) = x * Q(-x): multiply the scaled tail by x, round once.
        Scaled { mantissa: tail.mantissa * x, exponent: tail.exponent }.to_f64()
    } else {
        // GELU(x) = x * (1 - Q(x)).
        ((DoubleDouble::ONE - tail.to_double_double()) * x).to_f64()
    }
    // ANCHOR_END: gelu_core
}

/// `GELU(x)` for `|x| < 2^-60`, including zeros and subnormals.
///
/// `GELU(x) = x/2 + x^2/sqrt(2 pi) + O(x^4)`, and the second term is below `2^-61 |x|`, much
/// less than half an ulp of `x/2`. So the answer is `x/2` if that is an `f64`. If it is not
/// (`|x| < 2^-1021` with an odd last bit: `x/2` lies exactly halfway between two subnormals),
/// the tiny positive `x^2` term decides: round to the upper neighbour, `(x + 2^-1074) / 2`,
/// which is exact because `x + 2^-1074` is an even multiple of 2^-1074. For `x = -2^-1074`
/// that neighbour is zero, and it must be `-0.0`: GELU is negative for negative x.
fn gelu_near_zero(x: f64) -> f64 {
    let half = 0.5 * x;
    if 2.0 * half == x {
        half // exact (also keeps the sign of -0.0)
    } else {
        (0.5 * (x + f64::from_bits(1))).copysign(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_values() {
        assert!(gelu(f64::NAN).is_nan());
        assert_eq!(gelu(f64::INFINITY), f64::INFINITY);
        let z = gelu(f64::NEG_INFINITY);
        assert!(z == 0.0 && z.is_sign_negative());
        assert_eq!(gelu(f64::MAX), f64::MAX);
        let z = gelu(-f64::MAX);
        assert!(z == 0.0 && z.is_sign_negative());
        let z = gelu(0.0);
        assert!(z == 0.0 && z.is_sign_positive());
        let z = gelu(-0.0);
        assert!(z == 0.0 && z.is_sign_negative());
    }

    #[test]
    fn near_zero_is_half_of_x_rounded_towards_the_quadratic_term() {
        let smallest = 5e-324; // 2^-1074
        assert_eq!(gelu(1e-300), 5e-301);
        assert_eq!(gelu(-1e-300), -5e-301);
        assert_eq!(gelu(f64::MIN_POSITIVE), f64::MIN_POSITIVE / 2.0); // an exact half
        // x = 2^-1074: x/2 is halfway between 0 and 2^-1074, and GELU(x) > x/2.
        assert_eq!(gelu(smallest), smallest);
        // x = -2^-1074: halfway between -2^-1074 and -0, and GELU(x) > x/2: -0.
        let z = gelu(-smallest);
        assert!(z == 0.0 && z.is_sign_negative());
        // x = 3 * 2^-1074: x/2 = 1.5 steps, GELU(x) slightly above: 2 steps.
        assert_eq!(gelu(3.0 * smallest), 2.0 * smallest);
        assert_eq!(gelu(-3.0 * smallest), -smallest);
        assert_eq!(gelu(NEAR_ZERO.next_down()), NEAR_ZERO.next_down() / 2.0);
    }

    #[test]
    fn agrees_with_the_general_path_at_the_near_zero_threshold() {
        // Just above 2^-60 the general path runs; GELU is still x/2 to the last bit there.
        for x in [NEAR_ZERO, -NEAR_ZERO, 2.0 * NEAR_ZERO, -2.0 * NEAR_ZERO] {
            assert_eq!(gelu(x), x / 2.0, "x = {x:e}");
        }
    }

    #[test]
    fn saturates_to_x() {
        for x in [8.5, 9.0, 16.0, 1e10, 1e300] {
            assert_eq!(gelu(x), x);
        }
        // Just below the threshold the general path agrees.
        assert_eq!(gelu(SATURATION.next_down()), SATURATION.next_down());
    }
}
