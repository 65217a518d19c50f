//! The two approximations of GELU from Hendrycks & Gimpel (arXiv 1606.08415), in `f64`, each
//! within 2 ULP of the exact real value of *its own formula* for every `f64`.
//!
//! "The formula" means the real-number expression with its decimal constants taken exactly:
//!
//! * tanh form: `T(x) = 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))`, with `sqrt(2/pi)` the
//!   real number and `0.044715` the exact decimal;
//! * sigmoid form: `S(x) = x sigmoid(1.702 x) = x / (1 + e^(-1.702 x))`, with `1.702` the exact
//!   decimal (the `f64` literal `1.702` is `1.70199999999999995737...`).
//!
//! Three numerical problems, and their fixes:
//!
//! 1. Cancellation. For `x << 0`, `tanh(u)` is `-1 + 2e^(2u) - ...`, so `1 + tanh(u)` is left
//!    with the rounding error of `tanh(u)` (about `1e-16`) against a true value of `2e^(2u)`: at
//!    `x = -5` the tanh form as written is already off by a relative `1e-9` (ten million ULP),
//!    and below `x = -7.3` it returns 0. The identity
//!    `0.5 (1 + tanh u) = 1 / (1 + e^(-2u)) = sigmoid(2u)` has no subtraction: `T(x) = x sigmoid(2u)`.
//! 2. The exponential's condition number. `e^(y (1 + d))` = `e^y e^(y d)`: a relative error `d` in
//!    `y` becomes a relative error `|y| d` in `e^y`. With `|y|` up to 745 before the result
//!    underflows, an argument rounded to `f64` would cost up to ~745 ULP. So the argument
//!    (`2u`, or `1.702 x`) is carried as a double-double ([`DoubleDouble`]), the constants too (each is a
//!    `hi + lo` pair: that is how "0.044715 exactly" is honoured), and the exponential is taken
//!    of the double-double ([`exp_neg`](numerics::exp_neg)).
//! 3. Underflow. For `x < 0`, the result `x e^(-|y|) / (1 + e^(-|y|))` becomes subnormal below
//!    `x = -21.18` (tanh form) and `x = -429.75` (sigmoid form). [`exp_neg`](numerics::exp_neg)
//!    returns `m 2^k` with the power of two kept apart, so the result is formed with full
//!    precision and scaled by `2^k` last: a single rounding onto the subnormal grid.
//!
//! The last two steps, `x / (1 + e^-t)` for a double-double `t`, are
//! [`numerics::x_sigmoid`], which chapter 5's SiLU and Swish share.
//!
//! With everything in double-double until the last step, and subnormal results rounded once
//! ([`numerics::Scaled`]), the result is within about 0.5 ULP. Measured over the 6,500 points of
//! `reference/approximations_reference.csv` (`tests/approximations_reference.rs`): at most
//! 0.5000 ULP for `gelu_tanh` (at the subnormal input `x = 5e-324`, whose result lies just at
//! half a step from 0) and 0.5005 ULP for `gelu_sigmoid` (a subnormal result, at `x = -21.045`).

use numerics::{DoubleDouble, x_sigmoid};

/// `sqrt(8/pi) = 2 sqrt(2/pi)` as a double-double: `2u = x (TANH_A + TANH_B x^2)`.
const TANH_A: DoubleDouble = DoubleDouble::new(1.5957691216057308, -9.96930880911092e-17);
/// `0.044715 sqrt(8/pi)` (0.044715 the exact decimal) as a double-double.
const TANH_B: DoubleDouble = DoubleDouble::new(0.07135481627260025, -6.175149918155315e-19);
/// The exact decimal 1.702 as a double-double: the `f64` 1.702 plus what it misses.
const SIGMOID_K: DoubleDouble = DoubleDouble::new(1.702, 4.263256414560601e-17);

/// The tanh approximation of GELU, `0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))`.
///
/// Domain: every `f64`. Computed as `x / (1 + e^(-2u))`, `u = sqrt(2/pi) (x + 0.044715 x^3)`,
/// with `2u` and the exponential in double-double ([`DoubleDouble`], [`exp_neg`](numerics::exp_neg)).
///
/// Accuracy: within 2 ULP of the exact value of the formula (constants taken as exact reals) for
/// every finite `x`, subnormal results included (measured: at most 0.5000 ULP;
/// `reference/approximations_reference.csv`). Against GELU itself the formula is off by at most `4.73e-4`
/// (absolute, at `|x| = 2.70`).
///
/// Special values: NaN gives NaN; `+-0` gives `+-0`; `+inf` gives `+inf`; `x >= 30` gives `x` (the exact value is
/// `x (1 - e^-1974)` or closer); `x <= -30` and `-inf` give `-0.0` (the exact value is negative and
/// below `1e-800`; results are subnormal from `x = -21.18` and round to zero below `x = -21.547`).
///
/// ```
/// use chapter4::gelu_tanh;
/// assert_eq!(gelu_tanh(0.0), 0.0);
/// assert!((gelu_tanh(1.0) - 0.8411919906082767).abs() < 1e-15);
/// // The left tail keeps full relative precision; the formula as written,
/// // x * 0.5 (1 + tanh(u)) = x * tanh_phi(0.044715, x), returns 0 here.
/// let x = -10.0_f64;
/// assert_eq!(x * chapter4::tanh_phi(0.044715, x), 0.0);
/// assert!((gelu_tanh(x) / -1.2040923e-37 - 1.0).abs() < 1e-4);
/// assert!(gelu_tanh(f64::NAN).is_nan());
/// assert_eq!(gelu_tanh(f64::NEG_INFINITY).to_bits(), (-0.0_f64).to_bits());
/// ```
// ANCHOR: gelu_tanh
pub fn gelu_tanh(x: f64) -> f64 {
    if x.is_nan() || x >= 30.0 || x == 0.0 {
        return x;
    }
    if x <= -30.0 {
        return -0.0;
    }
    // 2u = x (A + B x^2), every step in double-double. x^2 is exact (two_prod).
    let x_squared = DoubleDouble::product(x, x);
    let two_u = (TANH_B * x_squared + TANH_A) * x;
    x_sigmoid(x, two_u)
}
// ANCHOR_END: gelu_tanh

/// The sigmoid approximation of GELU, `x sigmoid(1.702 x) = x / (1 + e^(-1.702 x))`.
///
/// Domain: every `f64`. `1.702 x` is formed in double-double with 1.702 the exact decimal, and
/// the exponential in double-double ([`DoubleDouble`], [`exp_neg`](numerics::exp_neg)).
///
/// Accuracy: within 2 ULP of the exact value of the formula for every finite `x`, subnormal
/// results included (measured: at most 0.5005 ULP; `reference/approximations_reference.csv`).
/// Against GELU itself the formula is off by at most `2.03e-2` (absolute, at `x = -2.27`).
///
/// Special values: NaN gives NaN; `+-0` gives `+-0`; `+inf` gives `+inf`; `x >= 40` gives `x` (the exact value is
/// `x (1 - e^-68)` or closer); `x <= -500` and `-inf` give `-0.0` (results are subnormal from
/// `x = -429.75` and round to zero below `x = -441.38`).
///
/// ```
/// use chapter4::gelu_sigmoid;
/// assert_eq!(gelu_sigmoid(0.0), 0.0);
/// assert!((gelu_sigmoid(1.0) - 0.8457957659328212).abs() < 1e-15);
/// assert!(gelu_sigmoid(-400.0) < 0.0); // e^-680.8 * 400: tiny, but not zero
/// assert_eq!(gelu_sigmoid(f64::INFINITY), f64::INFINITY);
/// ```
pub fn gelu_sigmoid(x: f64) -> f64 {
    if x.is_nan() || x >= 40.0 || x == 0.0 {
        return x;
    }
    if x <= -500.0 {
        return -0.0;
    }
    let k_x = SIGMOID_K * x;
    x_sigmoid(x, k_x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_values() {
        for f in [gelu_tanh, gelu_sigmoid] {
            assert!(f(f64::NAN).is_nan());
            assert_eq!(f(f64::INFINITY), f64::INFINITY);
            assert_eq!(f(f64::NEG_INFINITY).to_bits(), (-0.0f64).to_bits());
            assert_eq!(f(0.0).to_bits(), 0.0f64.to_bits());
            assert_eq!(f(-0.0).to_bits(), (-0.0f64).to_bits());
            assert_eq!(f(f64::MAX), f64::MAX);
            assert_eq!(f(f64::MIN).to_bits(), (-0.0f64).to_bits());
        }
    }

    #[test]
    fn thresholds_are_continuous() {
        // Just inside the early returns the computed value already equals the early answer.
        assert_eq!(gelu_tanh(29.999999999999996), 29.999999999999996);
        assert_eq!(gelu_tanh(-29.999999999999996), -0.0);
        assert_eq!(gelu_sigmoid(39.99999999999999), 39.99999999999999);
        assert_eq!(gelu_sigmoid(-499.99999999999994), -0.0);
    }

    #[test]
    fn identity_with_the_formula_as_written_where_it_does_not_cancel() {
        // For x >= 0 the formula as written has no cancellation: the two agree to a few ULP.
        for i in 0..=4000 {
            let x = i as f64 * 0.0025;
            let as_written = x * crate::tanh_phi(0.044715, x);
            assert!((gelu_tanh(x) - as_written).abs() <= 4.0 * f64::EPSILON * x, "x = {x}");
            let as_written = x * crate::sigmoid_phi(1.702, x);
            assert!((gelu_sigmoid(x) - as_written).abs() <= 4.0 * f64::EPSILON * x, "x = {x}");
        }
    }
}
