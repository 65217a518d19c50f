//! The scaled exponential: `exp(-y)` for a double-double `y` in `[0, 2800]`, returned as a
//! [`Scaled`] value `mantissa * 2^exponent` to about 2^-62 relative accuracy, however far below
//! the smallest `f64` it lies; and the Gaussian factor `exp(-t^2 / 2)` built on it.
//!
//! Why not `(-0.5 * t * t).exp()`? Because the *argument* is already wrong: `t * t` is
//! rounded, with an absolute error up to `ulp(t^2) / 2` (2^-43 near t = 38, where t^2 ~ 1480).
//! `exp` turns an absolute error `d` of its argument into a relative error `d` of its result,
//! and 2^-44 relative is about 500 ulps. This is the same amplification that ruins
//! `erfc(-x / sqrt(2))` in the tail: the condition number of `exp(-t^2/2)` with respect to t
//! is `t^2`, about 1480 there.
//!
//! The cure is to never round the argument:
//!
//! 1. `t^2 = p + e` exactly, with `p = fl(t * t)` and `e` from [`two_prod`]; halve both: the
//!    double-double `y = p/2 + e/2` is `t^2/2` exactly. What follows works for any double-double
//!    `y` in `[0, 2800]` ([`exp_neg`]); chapter 4's approximations use it for `e^-|2u|`.
//! 2. Range reduction: `y = k ln(2)/8 + r` with an integer `k = 8q + j` (`0 <= j < 8`)
//!    and `|r| <= ln(2)/16 = 0.0433`, so that `exp(-y) = 2^-q * 2^(-j/8) * exp(-r)`. The
//!    eight constants `2^(-j/8)` are stored as double-doubles. The product `k * LN2_HI / 8`
//!    is exact (`LN2_HI` has only 32 significant bits, and `k <= 32316 < 2^15` for `y <= 2800`;
//!    any `k < 2^21` would do), and so is `y.hi - k * LN2_HI / 8`: both are multiples of 2^-57
//!    (or `y` is tiny and `k = 0`), and the difference is below 2^-4, so it fits in 53 bits.
//!    What is left over (`y.lo`, and `k/8` times the part of ln 2 missing from `LN2_HI`) is a
//!    small correction `delta`, `|delta| < 7.8e-7 < 2^-20`, rounded twice (the product with
//!    `LN2_LO` and the subtraction, each by at most 2^-74); `r` plus `delta` is carried as a
//!    double-double `r + r_lo`. The part of ln 2 that `LN2_HI + LN2_LO` misses, `1.2e-26` times
//!    `k/8 <= 4040`, is below 2^-74 as well: in all, the reduced argument is off by less than
//!    2^-72 absolute, so the result by less than 2^-72 relative.
//! 3. `exp(-r) = (1 - r) + r^2 P(r)` by the Taylor series, `P(r) = 1/2! - r/3! + r^2/4! - ...`.
//!    `1 - r` is formed exactly; `r^2 P(r)` is below 2^-10, so plain `f64` suffices for it.
//! 4. `exp(-r_lo) = 1 - r_lo` to within `r_lo^2 / 2 < 2^-110`.
//!
//! The result is returned as a [`Scaled`] value, `mantissa * 2^-q`, because for y > 708
//! (t > 37.7) it is below the smallest normal `f64` (at `y = 2800`, `q = 4039`).

use crate::double_double::{DoubleDouble, two_prod, two_sum};
use crate::scaled::Scaled;

/// ln 2 = `LN2_HI + LN2_LO` + 1.2e-26; `LN2_HI` has 32 significant bits (the classic
/// fdlibm split, bits 0x3fe62e42fee00000 and 0x3dea39ef35793c76).
const LN2_HI: f64 = 0.6931471803691238;
const LN2_LO: f64 = 1.9082149292705877e-10;

/// `2^(-j/8)` for `j = 0..8`, as double-doubles (computed with mpmath).
const EXP2_MINUS_EIGHTHS: [DoubleDouble; 8] = [
    DoubleDouble::new(1.0, 0.0),
    DoubleDouble::new(0.9170040432046712, 1.6415536121228136e-17),
    DoubleDouble::new(0.8408964152537145, 4.099505010290748e-17),
    DoubleDouble::new(0.7711054127039704, 3.9749174048488104e-17),
    DoubleDouble::new(std::f64::consts::FRAC_1_SQRT_2, -4.833646656726457e-17),
    DoubleDouble::new(0.6484197773255048, 1.2691251397444157e-17),
    DoubleDouble::new(0.5946035575013605, 1.991007615732823e-17),
    DoubleDouble::new(0.5452538663326288, -1.5233910399062356e-17),
];

/// Taylor terms `r^2/2!` to `r^9/9!` of `exp(-r)`: the first omitted one, `r^10 / 10!`, is
/// below 2^-67 for `|r| <= 0.0434`.
const TAYLOR_DEGREE: usize = 9;

/// `(-1)^m / m!` for `m = 2..=TAYLOR_DEGREE`, computed in `f64` at compile time. Each
/// division adds a relative error of 2^-53, so entry `m` is off by at most `m * 2^-53`
/// relative, which is harmless: the whole `r^2 P(r)` is below 2^-10 of the result.
const TAYLOR_COEFFICIENTS: [f64; TAYLOR_DEGREE - 1] = {
    let mut table = [0.0; TAYLOR_DEGREE - 1];
    let mut inverse_factorial = 1.0;
    let mut m = 1;
    while m <= TAYLOR_DEGREE {
        inverse_factorial /= m as f64;
        if m >= 2 {
            table[m - 2] = if m % 2 == 0 { inverse_factorial } else { -inverse_factorial };
        }
        m += 1;
    }
    table
};

/// The largest `y` that [`exp_neg`] accepts: `exp(-2800) = 2^-4039.6`, far below the smallest
/// subnormal `f64` (2^-1074). It covers `t^2/2` for `|t|` up to 74.8, with room to spare for the
/// normal tail up to `t = 64` (`64^2/2 = 2048`), and `k < 2^15` keeps the range reduction exact.
pub const EXP_NEG_MAX: f64 = 2800.0;

/// `exp(-y)` for a double-double `y` with `0 <= y <= 2800` ([`EXP_NEG_MAX`]), as
/// `mantissa * 2^exponent` with the mantissa in `[0.52, 1.05]` (exponent down to -4039) and
/// relative error below 2^-62.
///
/// The power of two is kept apart, so the value may lie far below the smallest `f64`:
/// [`Scaled::to_f64`] rounds it once, onto the subnormal grid if need be.
///
/// Bad input: a NaN `y`, or one outside `[0, 2800]`, gives a NaN mantissa (no panic).
///
/// ```
/// use numerics::{DoubleDouble, exp_neg};
/// let v = exp_neg(DoubleDouble::from(1000.0)); // e^-1000 = 5.08e-435: no f64 holds it
/// assert_eq!(v.exponent, -1442);
/// assert!((v.mantissa.hi - 0.6176918).abs() < 1e-7);
/// assert_eq!(v.to_f64(), 0.0);
/// // At the end of the domain, e^-2800 = (0.684862138676894 + 6.6278e-18) * 2^-4039 (mpmath):
/// let v = exp_neg(DoubleDouble::from(2800.0));
/// let exact = DoubleDouble::new(0.684862138676894, 6.627815666946174e-18);
/// assert_eq!(v.exponent, -4039);
/// assert!(((v.mantissa - exact).hi / exact.hi).abs() < 2f64.powi(-62));
/// assert_eq!(v.to_f64(), 0.0);
/// assert_eq!(exp_neg(DoubleDouble::from(2.0)).to_f64(), (-2.0f64).exp());
/// assert!(exp_neg(DoubleDouble::from(-1.0)).mantissa.hi.is_nan());
/// assert!(exp_neg(DoubleDouble::from(2800.5)).mantissa.hi.is_nan());
/// ```
pub fn exp_neg(y: DoubleDouble) -> Scaled {
    if !(0.0..=EXP_NEG_MAX).contains(&y.hi) {
        return Scaled { mantissa: DoubleDouble::new(f64::NAN, f64::NAN), exponent: 0 };
    }
    // ANCHOR: exp_neg
    let DoubleDouble { hi: y, lo: y_lo } = y;
    // Step 2: y + y_lo = k ln(2)/8 + r_hi + delta. (y >= 0, so truncation rounds to nearest.)
    let k = (y * (8.0 * std::f64::consts::LOG2_E) + 0.5) as i32;
    let r_hi = y - f64::from(k) * (0.125 * LN2_HI); // exact, see the module comment
    let delta = y_lo - f64::from(k) * (0.125 * LN2_LO); // |delta| < 7.8e-7, error < 2^-73
    let (r, r_lo) = two_sum(r_hi, delta); // r + r_lo = r_hi + delta exactly, |r| < 0.0434
    // Step 3: exp(-r) = (1 - r) + r^2 P(r).
    let taylor_tail = TAYLOR_COEFFICIENTS.iter().rev().fold(0.0, |acc, &c| acc * r + c);
    let (one_minus_r, rounding) = two_sum(1.0, -r);
    let exp_r = DoubleDouble::new(one_minus_r, rounding) + r * r * taylor_tail;
    // Step 4: exp(-r - r_lo) = exp(-r) * (1 - r_lo), |r_lo| <= 2^-57, so exp(-r) * r_lo is
    // needed only to f64 precision.
    let exp_r = exp_r + -(exp_r.hi * r_lo);
    let mantissa = exp_r * EXP2_MINUS_EIGHTHS[(k & 7) as usize];
    Scaled { mantissa, exponent: -(k >> 3) }
    // ANCHOR_END: exp_neg
}

/// The Gaussian factor `exp(-t^2 / 2)` for `|t| <= 74.8` (so that `t^2/2 <= 2800`), as
/// [`exp_neg`] of the exact double-double `t^2/2`: relative error below 2^-62.
///
/// Bad input: NaN, or `|t|` beyond `sqrt(2 * 2800) = 74.83` (where `t^2/2` leaves the domain of
/// [`exp_neg`]), gives a NaN mantissa (no panic).
///
/// ```
/// use numerics::exp_neg_half_square;
/// assert_eq!(exp_neg_half_square(0.0).to_f64(), 1.0);
/// // e^-800 = 3.6e-348 is not an f64; its mantissa and exponent are exact enough:
/// let v = exp_neg_half_square(40.0);
/// assert_eq!(v.exponent, -1154);
/// // e^-2048 = (0.6419604215159698 - 3.568e-17) * 2^-2954 (mpmath):
/// let v = exp_neg_half_square(64.0);
/// assert_eq!(v.exponent, -2954);
/// assert!((v.mantissa.hi - 0.6419604215159698).abs() < 1e-16);
/// assert!(exp_neg_half_square(f64::NAN).mantissa.hi.is_nan());
/// assert!(exp_neg_half_square(75.0).mantissa.hi.is_nan());
/// ```
// ANCHOR: exp_neg_half_square
pub fn exp_neg_half_square(t: f64) -> Scaled {
    // Step 1: t^2/2 = y + y_lo exactly (halving is exact).
    let (p, e) = two_prod(t, t);
    exp_neg(DoubleDouble::new(0.5 * p, 0.5 * e))
}
// ANCHOR_END: exp_neg_half_square

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_split_of_ln2_is_exact_enough() {
        // LN2_HI has 21 trailing zero bits, so k * LN2_HI / 8 is exact for k < 2^21.
        assert_eq!(LN2_HI.to_bits(), 0x3fe62e42fee00000);
        assert_eq!(LN2_HI.to_bits().trailing_zeros(), 21);
        assert_eq!(LN2_LO.to_bits(), 0x3dea39ef35793c76);
        assert_eq!(LN2_HI + LN2_LO, std::f64::consts::LN_2);
    }

    #[test]
    fn the_range_reduction_stays_exact_up_to_the_end_of_the_domain() {
        // The k that exp_neg picks for the largest y: k * LN2_HI / 8 must be exact (k < 2^21),
        // and k * LN2_LO / 8 (most of delta) below the 7.8e-7 of the module comment.
        let k = (EXP_NEG_MAX * (8.0 * std::f64::consts::LOG2_E) + 0.5) as i32;
        assert_eq!(k, 32316);
        assert!(k < 1 << 15);
        assert_eq!(two_prod(f64::from(k), LN2_HI).1, 0.0);
        assert!(f64::from(k) * (0.125 * LN2_LO) < 7.8e-7);
    }

    /// Relative difference between `v` and `(hi + lo) * 2^exponent`.
    fn relative_error(v: Scaled, hi: f64, lo: f64, exponent: i32) -> f64 {
        let expected = DoubleDouble::new(hi, lo);
        let mantissa = v.mantissa * 2f64.powi(v.exponent - exponent); // a shift by at most 1
        ((mantissa - expected).hi / expected.hi).abs()
    }

    #[test]
    fn far_arguments_match_mpmath() {
        // (y.hi, y.lo, exp(-y) = (hi + lo) * 2^exponent): mpmath 1.3.0, 320 bits.
        let exact = [
            (1234.5678, 3.1e-14, 0.9299063259085213, -2.666333877918221e-17, -1781),
            (2047.123, -1.1e-13, 0.7715330214447734, 5.349160129012663e-17, -2953),
            (2799.99, 2.2e-13, 0.6917451176002163, 4.0111284393775e-17, -4039),
        ];
        for (y, y_lo, hi, lo, exponent) in exact {
            let error = relative_error(exp_neg(DoubleDouble::new(y, y_lo)), hi, lo, exponent);
            assert!(error < 2f64.powi(-62), "y = {y}: {error:e}");
        }
        // (t, exp(-t^2/2) = (hi + lo) * 2^exponent), the same way.
        let exact = [
            (50.5, 0.6522450459874694, 1.0585405467664234e-17, -1839),
            (64.0, 0.6419604215159698, -3.568337570005182e-17, -2954),
            (74.8, 0.5111324929822607, 3.082379447751869e-17, -4035),
        ];
        for (t, hi, lo, exponent) in exact {
            let error = relative_error(exp_neg_half_square(t), hi, lo, exponent);
            assert!(error < 2f64.powi(-62), "t = {t}: {error:e}");
        }
    }

    #[test]
    fn the_domain_ends_at_exp_neg_max() {
        assert!(!exp_neg(DoubleDouble::from(EXP_NEG_MAX)).mantissa.hi.is_nan());
        assert!(exp_neg(DoubleDouble::from(EXP_NEG_MAX.next_up())).mantissa.hi.is_nan());
        assert!(!exp_neg_half_square(74.83).mantissa.hi.is_nan());
        assert!(exp_neg_half_square(74.84).mantissa.hi.is_nan());
    }

    #[test]
    fn the_table_holds_eighth_roots_of_powers_of_two() {
        // (2^(-j/8))^8 * 2^j = 1, to double-double accuracy.
        for (j, &c) in EXP2_MINUS_EIGHTHS.iter().enumerate() {
            let c2 = c * c;
            let c8 = (c2 * c2) * (c2 * c2);
            let error = (c8 * 2f64.powi(j as i32) - DoubleDouble::ONE).hi;
            assert!(error.abs() < 1e-30, "j = {j}: {error:e}");
        }
    }

    #[test]
    fn zero_gives_one() {
        let v = exp_neg_half_square(0.0);
        assert_eq!((v.mantissa, v.exponent), (DoubleDouble::ONE, 0));
    }

    #[test]
    fn two_gives_exp_minus_two() {
        // exp(-2) = 0.13533528323661269189399949497248440340763154590957588146815887265407
        //         = 2^-3 * 1.0826822658929015351519959597798752272610523672766070517452709812326
        let v = exp_neg_half_square(2.0);
        let expected = DoubleDouble::new(1.0826822658929016, -8.339051386309352e-17);
        let mantissa = v.mantissa * 2f64.powi(v.exponent + 3);
        let relative_error = ((mantissa - expected).hi / expected.hi).abs();
        assert!(relative_error < 2f64.powi(-62), "{v:?}");
    }
}
