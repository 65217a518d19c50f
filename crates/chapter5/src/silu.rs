//! SiLU and Swish: the logistic member of the CDF family of gates.
//!
//! GELU gates its input with the normal CDF, `x Phi(x)`; replacing `Phi` by the logistic CDF
//! `sigmoid(z) = 1 / (1 + e^-z)` gives the Sigmoid Linear Unit `SiLU(x) = x sigmoid(x)`, and a
//! slope `beta` inside gives Swish, `x sigmoid(beta x)`. Both are computed by
//! [`numerics::x_sigmoid`], the book's one home of `x / (1 + e^-t)`: the argument `t` is carried
//! as a double-double and the result is rounded once, so the left tail keeps its relative
//! precision down to the subnormal range.

use numerics::{DoubleDouble, x_sigmoid};

use crate::Chapter5Error;

/// `SiLU(x) = x sigmoid(x) = x / (1 + e^(-x))`, the Sigmoid Linear Unit (Hendrycks & Gimpel,
/// arXiv 1606.08415, section 2; called Swish-1 by Ramachandran et al.).
///
/// Domain: every `f64`. Accuracy: within 2 ULP of the exact value for every finite `x`, the
/// left tail and subnormal results included (measured over the 5,775 rows of the committed
/// mpmath table `reference/silu_reference.csv`, `x` from -1e6 to `f64::MAX`: at most 0.5000 ULP,
/// at `x = -200.8`, and correctly rounded on 5,772 rows; `tests/silu_accuracy.rs`).
///
/// Special values: NaN gives NaN; `+-0` gives `+-0`; `+inf` gives `+inf`; `x >= 800` gives `x`
/// (the exact value is `x (1 - e^-800)` or closer); `-inf` gives `-0.0` (the limit). Results are
/// subnormal from about `x = -714.97` (where `|x| e^x` falls below `2^-1022`) and round to `-0.0`
/// from about `x = -751.76` (below half the smallest subnormal, `2^-1075`).
///
/// ```
/// use chapter5::silu;
/// assert_eq!(silu(0.0), 0.0);
/// assert_eq!(silu(1.0), 0.7310585786300049); // 1 / (1 + e^-1)
/// assert_eq!(silu(-1.0), -0.2689414213699951);
/// // The left tail keeps its relative precision: -50 e^-50 = -9.64e-21.
/// assert!((silu(-50.0) / -9.643749239819589e-21 - 1.0).abs() < 1e-15);
/// assert!(silu(-740.0) < 0.0 && silu(-740.0) > -1e-300); // subnormal, not zero
/// assert_eq!(silu(f64::NEG_INFINITY).to_bits(), (-0.0f64).to_bits());
/// assert!(silu(f64::NAN).is_nan());
/// ```
// ANCHOR: silu
pub fn silu(x: f64) -> f64 {
    // t = x exactly: the double-double argument has no low part.
    x_sigmoid(x, DoubleDouble::from(x))
}
// ANCHOR_END: silu

/// Swish with slope `beta`: `x sigmoid(beta x) = x / (1 + e^(-beta x))` (Ramachandran, Zoph &
/// Le, arXiv 1710.05941). `beta = 1` is [`silu`]; `beta = 1.702` is chapter 4's sigmoid
/// approximation of GELU (with the `f64` nearest to 1.702); `beta = 0` is the line `x / 2`;
/// `beta -> +inf` tends to ReLU.
///
/// `beta` is the logistic gate's slope, the inverse of a logistic scale: `x sigmoid(beta x)` is
/// the gated activation `x F(x / s)` of [`Logistic`](crate::Logistic) with `s = 1 / beta`.
///
/// Domain: every `f64` `x` and every finite `beta` (negative `beta` flips the gate: `x
/// sigmoid(-|beta| x)`). The product `beta x` is formed exactly as a double-double, so the
/// accuracy is that of [`numerics::x_sigmoid`], within about 0.5 ULP (unless `beta x`
/// overflows or falls below `2^-969`, where the gate is 1 or 1/2 to within far less than an ULP).
///
/// Bad input: an infinite or NaN `beta` gives `Err(Chapter5Error::BetaOutOfRange { beta })`. For
/// `x` the IEEE conventions of [`silu`] hold: NaN gives `Ok(NaN)`, `+-inf` give the limits
/// (`+-inf` when `beta x > 0`, `+-0` when `beta x < 0`, and `+-inf` for `beta = 0`).
///
/// ```
/// use chapter5::{Chapter5Error, silu, swish};
/// assert_eq!(swish(2.0, 1.0)?, silu(2.0));
/// assert_eq!(swish(3.0, 0.0)?, 1.5); // beta = 0: x / 2
/// assert_eq!(swish(1.0, 1.702)?, chapter4::gelu_sigmoid(1.0));
/// assert!((swish(-1.0, 1.702)? - chapter4::gelu(-1.0)).abs() < 0.02); // close to GELU
/// assert!(matches!(swish(1.0, f64::INFINITY), Err(Chapter5Error::BetaOutOfRange { .. })));
/// assert!(swish(f64::NAN, 1.0)?.is_nan());
/// # Ok::<(), Chapter5Error>(())
/// ```
pub fn swish(x: f64, beta: f64) -> Result<f64, Chapter5Error> {
    if !beta.is_finite() {
        return Err(Chapter5Error::BetaOutOfRange { beta });
    }
    if x.is_infinite() {
        // beta x is +-inf or NaN (beta = 0); the limits along the ray are x (gate -> 1 or 1/2)
        // and +-0 (gate -> 0).
        return Ok(if beta * x < 0.0 { 0.0 * x.signum() } else { x });
    }
    Ok(x_sigmoid(x, DoubleDouble::product(beta, x)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_values() {
        assert!(silu(f64::NAN).is_nan());
        assert_eq!(silu(f64::INFINITY), f64::INFINITY);
        assert_eq!(silu(f64::NEG_INFINITY).to_bits(), (-0.0f64).to_bits());
        assert_eq!(silu(0.0).to_bits(), 0.0f64.to_bits());
        assert_eq!(silu(-0.0).to_bits(), (-0.0f64).to_bits());
        assert_eq!(silu(f64::MAX), f64::MAX);
        assert_eq!(silu(f64::MIN).to_bits(), (-0.0f64).to_bits());
        assert_eq!(silu(800.0), 800.0);
        assert_eq!(silu(-800.0).to_bits(), (-0.0f64).to_bits());
        // The exact value is 2^-1075 (1 + 2^-1075), a hair above half a step: 0 is 0.5 ULP off.
        assert_eq!(silu(5e-324), 0.0);
        assert_eq!(silu(1e-300), 5e-301);
    }

    #[test]
    fn swish_special_values() {
        assert_eq!(swish(f64::INFINITY, 2.0), Ok(f64::INFINITY));
        assert_eq!(swish(f64::INFINITY, -2.0).map(f64::to_bits), Ok(0.0f64.to_bits()));
        assert_eq!(swish(f64::NEG_INFINITY, 2.0).map(f64::to_bits), Ok((-0.0f64).to_bits()));
        assert_eq!(swish(f64::NEG_INFINITY, -2.0), Ok(f64::NEG_INFINITY));
        assert_eq!(swish(f64::INFINITY, 0.0), Ok(f64::INFINITY));
        assert_eq!(swish(f64::NEG_INFINITY, 0.0), Ok(f64::NEG_INFINITY));
        assert_eq!(swish(-4.0, 0.0), Ok(-2.0));
        assert_eq!(swish(f64::MAX, 0.0), Ok(f64::MAX / 2.0));
        assert_eq!(swish(f64::MAX, 1e300), Ok(f64::MAX)); // beta x overflows: the gate is 1
        assert!(matches!(swish(1.0, f64::NAN), Err(Chapter5Error::BetaOutOfRange { beta }) if beta.is_nan()));
        assert_eq!(
            swish(1.0, f64::NEG_INFINITY),
            Err(Chapter5Error::BetaOutOfRange { beta: f64::NEG_INFINITY })
        );
    }

    #[test]
    fn swish_is_odd_in_beta_and_x_together() {
        // x sigmoid(beta x) with (x, beta) -> (-x, -beta) keeps beta x and flips x.
        for &(x, beta) in &[(1.5, 2.0), (-3.0, 0.5), (10.0, -0.1)] {
            assert_eq!(swish(-x, -beta).unwrap(), -swish(x, beta).unwrap());
        }
        // sigmoid(t) + sigmoid(-t) = 1: swish(x, b) + swish(x, -b) = x (to rounding).
        for &(x, beta) in &[(1.5, 2.0), (-3.0, 0.5), (10.0, -0.1)] {
            let sum = swish(x, beta).unwrap() + swish(x, -beta).unwrap();
            assert!((sum - x).abs() <= 4.0 * f64::EPSILON * x.abs(), "{x} {beta}");
        }
    }
}
