//! `x sigmoid(t) = x / (1 + e^-t)` with the argument `t` a double-double, rounded once.
//!
//! The one home of the product "input times logistic gate": chapter 4's sigmoid and tanh
//! approximations of GELU (`t = 1.702 x`, `t = 2u`) and chapter 5's SiLU and Swish (`t = x`,
//! `t = beta x`) all call [`x_sigmoid`].
//!
//! Why the argument is a double-double: `e^(t (1 + d)) = e^t e^(t d)`, so a relative error `d`
//! in `t` becomes a relative error `|t| d` in the result. With `|t|` up to about 745 before
//! `e^t` underflows, an argument rounded to `f64` would cost hundreds of ULP in the left tail.
//! Why only `e^-|t|` is formed: it is at most 1, so nothing overflows, and for `t < 0` the
//! identity `x / (1 + e^-t) = x e^t / (1 + e^t)` has no subtraction.

use crate::double_double::DoubleDouble;
use crate::scaled::Scaled;
use crate::scaled_exp::exp_neg;

/// From this `t` on, `e^-t < 2^-1154`: next to 1 it vanishes, and `x / (1 + e^-t)` rounds to
/// `x` for every `f64` `x`.
const EXPONENT_NEGLIGIBLE_FROM: f64 = 800.0;

/// From this `-t` on, `|x| e^t <= 2^1024 e^-2200 = 2^-2150`: the result rounds to zero for every
/// finite `x`.
const RESULT_ZERO_FROM: f64 = 2200.0;

/// Inputs up to this magnitude take the plain path (the one chapter 4 measured); larger ones are
/// split into a significand and a power of two first, so that no intermediate overflows.
const PLAIN_PATH_UP_TO: f64 = 8.452712498170644e270; // 2^900

/// `x sigmoid(t) = x / (1 + e^(-t))` for an `f64` `x` and a double-double `t`, rounded to `f64`
/// once at the end.
///
/// Formula: `t >= 0`: `x / (1 + e^-t)`; `t < 0`: `x e^t / (1 + e^t)`. Only `e^-|t| <= 1` is ever
/// formed ([`exp_neg`](crate::exp_neg), as `m 2^k` with the power of two kept apart), the
/// quotient is formed in double-double and scaled by `2^k` last: one rounding, onto the
/// subnormal grid if the result is that small ([`Scaled::to_f64`]).
///
/// Accuracy: within about 0.5 ULP of the exact value of `x / (1 + e^(-t))` with `t = t.hi + t.lo`
/// taken exactly, subnormal results included. Measured: at most 0.5005 ULP over chapter 4's
/// 6,500-row reference table (`crates/chapter4/tests/approximations_reference.rs`), and at most
/// 0.5000 ULP over chapter 5's 5,775-row SiLU table (`crates/chapter5/tests/silu_accuracy.rs`).
///
/// Domain: every `f64` `x` and every double-double `t` (NaN parts excepted). Special values:
/// a NaN `x` or a NaN `t.hi` gives NaN; `x = +-0` gives `x`; `t.hi >= 800` (`+inf` included)
/// gives `x`; `t.hi <= -2200` (`-inf` included) gives `+-0` with the sign of `x`, also for an
/// infinite `x` (the limit of `x sigmoid(x)` as `x -> -inf`); otherwise an infinite `x` gives `x`.
///
/// ```
/// use numerics::{DoubleDouble, x_sigmoid};
/// // SiLU at x = 1: 1 / (1 + e^-1).
/// assert_eq!(x_sigmoid(1.0, DoubleDouble::from(1.0)), 0.7310585786300049);
/// // Deep in the left tail, -700 e^-700 / (1 + e^-700) = -6.9018e-302, with full precision:
/// let v = x_sigmoid(-700.0, DoubleDouble::from(-700.0));
/// assert!((v / -6.90177358063184e-302 - 1.0).abs() < 1e-14);
/// // Subnormal results are rounded once; far enough out the result is -0.
/// assert!(x_sigmoid(-740.0, DoubleDouble::from(-740.0)) < 0.0);
/// assert_eq!(x_sigmoid(-760.0, DoubleDouble::from(-760.0)).to_bits(), (-0.0f64).to_bits());
/// assert!(x_sigmoid(f64::NAN, DoubleDouble::ONE).is_nan());
/// assert_eq!(x_sigmoid(f64::INFINITY, DoubleDouble::from(-3.0)), f64::INFINITY);
/// ```
// ANCHOR: x_sigmoid
pub fn x_sigmoid(x: f64, t: DoubleDouble) -> f64 {
    if x.is_nan() || t.hi.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 || t.hi >= EXPONENT_NEGLIGIBLE_FROM {
        return x;
    }
    if t.hi <= -RESULT_ZERO_FROM {
        return 0.0 * x.signum();
    }
    if x.is_infinite() {
        return x;
    }
    let abs_t = if t.hi < 0.0 { -t } else { t };
    if x.abs() > PLAIN_PATH_UP_TO || abs_t.hi > EXPONENT_NEGLIGIBLE_FROM {
        return x_sigmoid_split(x, t, abs_t);
    }
    let e = exp_neg(abs_t); // e^-|t| = m 2^k, k <= 0, the power of two kept apart
    // If e is below 2^-1000 its plain double-double loses bits, but then 1 + e = 1 anyway.
    let denominator = DoubleDouble::ONE + e.to_double_double();
    if t.hi >= 0.0 {
        (DoubleDouble::from(x) / denominator).to_f64()
    } else {
        // (x m / (1 + e)) 2^k: the quotient has full precision and is rounded once, onto the
        // subnormal grid if the result is that small.
        Scaled { mantissa: e.mantissa * x / denominator, exponent: e.exponent }.to_f64()
    }
}
// ANCHOR_END: x_sigmoid

/// The same for a huge `|x|` (above 2^900) or a very negative `t` (`-2200 < t < -800`):
/// `x = xm 2^xe` with `1 <= |xm| < 2`, and `e^-|t| = (e^-|t|/2)^2` for `|t| > 800` (written
/// when [`exp_neg`] stopped at 1100); every power of two is kept apart until the single final
/// rounding.
fn x_sigmoid_split(x: f64, t: DoubleDouble, abs_t: DoubleDouble) -> f64 {
    let (xm, xe) = split(x);
    let (e, denominator) = if abs_t.hi <= EXPONENT_NEGLIGIBLE_FROM {
        let e = exp_neg(abs_t);
        (e, DoubleDouble::ONE + e.to_double_double())
    } else {
        // e^-|t| < 2^-1154: 1 + e^-|t| is 1 to far more than 106 bits.
        let half = exp_neg(abs_t * 0.5);
        (Scaled { mantissa: half.mantissa * half.mantissa, exponent: 2 * half.exponent }, DoubleDouble::ONE)
    };
    if t.hi >= 0.0 {
        return Scaled { mantissa: DoubleDouble::from(xm) / denominator, exponent: xe }.to_f64();
    }
    let exponent = e.exponent + xe;
    if exponent < -1200 {
        // |mantissa| < 4, so the value is below 2^-1198: it rounds to zero.
        return 0.0 * x.signum();
    }
    Scaled { mantissa: e.mantissa * xm / denominator, exponent }.to_f64()
}

/// `x = m 2^e` with `1 <= |m| < 2`, for a finite nonzero `x` (subnormals included); exact.
fn split(x: f64) -> (f64, i32) {
    const TWO_TO_64: f64 = 18446744073709551616.0;
    let (y, shift) = if x.abs() < f64::MIN_POSITIVE { (x * TWO_TO_64, -64) } else { (x, 0) };
    let bits = y.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32 - 1023;
    let significand = f64::from_bits((bits & !(0x7ff_u64 << 52)) | (1023_u64 << 52));
    (significand, exponent + shift)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dd(t: f64) -> DoubleDouble {
        DoubleDouble::from(t)
    }

    #[test]
    fn split_is_exact() {
        for x in [1.0, -1.5, 3.0, f64::MAX, -f64::MIN_POSITIVE, 5e-324, -1.2345e-310, 1e300] {
            let (m, e) = split(x);
            assert!((1.0..2.0).contains(&m.abs()), "{x}: {m}");
            let back = if e < -1000 { m * 2f64.powi(e + 100) * 2f64.powi(-100) } else { m * 2f64.powi(e) };
            assert_eq!(back, x, "{x}");
        }
    }

    #[test]
    fn special_values() {
        assert!(x_sigmoid(f64::NAN, dd(1.0)).is_nan());
        assert!(x_sigmoid(1.0, dd(f64::NAN)).is_nan());
        assert_eq!(x_sigmoid(-0.0, dd(-3.0)).to_bits(), (-0.0f64).to_bits());
        assert_eq!(x_sigmoid(0.0, dd(3.0)).to_bits(), 0.0f64.to_bits());
        assert_eq!(x_sigmoid(2.5, dd(f64::INFINITY)), 2.5);
        assert_eq!(x_sigmoid(-2.5, dd(f64::NEG_INFINITY)).to_bits(), (-0.0f64).to_bits());
        assert_eq!(x_sigmoid(f64::INFINITY, dd(f64::NEG_INFINITY)), 0.0);
        assert_eq!(x_sigmoid(f64::NEG_INFINITY, dd(0.5)), f64::NEG_INFINITY);
        assert_eq!(x_sigmoid(1.0, dd(0.0)), 0.5);
    }

    #[test]
    fn huge_inputs_do_not_overflow() {
        // x sigmoid(t) <= |x|: a huge x with a moderate t stays finite.
        assert_eq!(x_sigmoid(f64::MAX, dd(0.0)), f64::MAX / 2.0);
        let v = x_sigmoid(f64::MAX, dd(1.0));
        assert!((v / (f64::MAX / (1.0 + (-1.0f64).exp())) - 1.0).abs() < 1e-15, "{v}");
        let v = x_sigmoid(-f64::MAX, dd(-1.0));
        assert!((v / (-f64::MAX * (-1.0f64).exp() / (1.0 + (-1.0f64).exp())) - 1.0).abs() < 1e-15, "{v}");
        // t beyond -800 with a huge x: MAX e^-1000 = 9.1e-127, not zero.
        let v = x_sigmoid(f64::MAX, dd(-1000.0));
        let expected = (f64::MAX.ln() - 1000.0).exp();
        assert!((v / expected - 1.0).abs() < 1e-12, "{v} vs {expected}");
        assert_eq!(x_sigmoid(f64::MAX, dd(-2199.0)), 0.0);
    }

    #[test]
    fn split_path_agrees_with_the_plain_path() {
        // Where both apply (|x| <= 2^900, |t| <= 800) they compute the same number.
        for &(x, t) in &[(3.0, -5.0), (-2.0, 7.5), (1e-300, -700.0), (-123.0, -123.0), (5e-324, -0.25)] {
            let abs_t = if t < 0.0 { dd(-t) } else { dd(t) };
            assert_eq!(x_sigmoid_split(x, dd(t), abs_t), x_sigmoid(x, dd(t)), "x = {x}, t = {t}");
        }
    }
}
