//! The stochastic gate of GELU and the plain Monte Carlo estimator of its mean.
//!
//! The gate keeps `x` with probability `Phi(x)`: `y = x * m`, `m ~ Bernoulli(Phi(x))`. Its mean is
//! `E[y] = x * P(m = 1) = x * Phi(x) = GELU(x)`. Averaging `n` independent draws estimates it.

use rand::{Rng, RngExt};

use crate::{Estimate, McError, std_normal_cdf};

/// Checks that `x` is finite, returning its keep probability `Phi(x)`.
pub(crate) fn keep_probability(x: f64) -> Result<f64, McError> {
    if x.is_finite() { Ok(std_normal_cdf(x)) } else { Err(McError::NonFiniteInput { x }) }
}

/// One draw of GELU's stochastic gate: `x * m` with `m ~ Bernoulli(Phi(x))`.
///
/// The coin is `U < Phi(x)` for a uniform `U` on the grid `{0, 2^-53, 2 * 2^-53, ...}`, which keeps
/// with probability `Phi(x)` rounded *up* to a multiple of `2^-53`. The bias is invisible for
/// moderate `x` and enormous in the far left tail (at `x = -9`, `Phi = 1.1e-19` but the coin keeps
/// with probability `2^-53 = 1.1e-16`); [`mc_gelu_fast`](crate::mc_gelu_fast) is exact for every
/// `Phi(x)`.
/// Errors: NaN or infinite `x` gives [`McError::NonFiniteInput`].
///
/// ```
/// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
/// let mut rng = Xoshiro256PlusPlus::seed_from_u64(3);
/// let y = chapter3::gelu_gate(1.5, &mut rng)?;
/// assert!(y == 1.5 || y == 0.0);
/// # Ok::<(), chapter3::McError>(())
/// ```
pub fn gelu_gate<R: Rng + ?Sized>(x: f64, rng: &mut R) -> Result<f64, McError> {
    Ok(if gelu_gate_keeps(x, rng)? { x } else { 0.0 })
}

/// The coin of [`gelu_gate`] alone: `true` (keep) with probability `Phi(x)`, drawn as
/// `U < Phi(x)` from one uniform `f64` (see [`gelu_gate`] for its grid). A layer that applies the
/// gate needs the mask itself, also where `x = 0` hides it in the output.
///
/// Errors: NaN or infinite `x` gives [`McError::NonFiniteInput`].
///
/// ```
/// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
/// let mut a = Xoshiro256PlusPlus::seed_from_u64(3);
/// let mut b = a.clone();
/// let kept = chapter3::gelu_gate_keeps(1.5, &mut a)?;
/// assert_eq!(chapter3::gelu_gate(1.5, &mut b)?, if kept { 1.5 } else { 0.0 }); // the same draw
/// # Ok::<(), chapter3::McError>(())
/// ```
pub fn gelu_gate_keeps<R: Rng + ?Sized>(x: f64, rng: &mut R) -> Result<bool, McError> {
    let q = keep_probability(x)?;
    Ok(rng.random::<f64>() < q)
}

/// The plain Monte Carlo estimate of `GELU(x)`: the mean of `n` draws of the gate, with its
/// standard error.
///
/// Each draw is `x` (kept) or `0` (dropped), so the mean is `x` times the kept fraction `k / n`,
/// and the standard error follows from `k` alone (see [`Estimate::from_kept_count`]). The expected
/// value is `GELU(x)` and the standard error shrinks like `|x| sqrt(Phi(x)(1 - Phi(x)) / n)`.
///
/// Errors: `n = 0` gives [`McError::TooFewSamples`] (`found: 0, needed: 1`); NaN or infinite `x` gives
/// [`McError::NonFiniteInput`]. Uses one uniform `f64` (64 random bits) per draw.
///
/// ```
/// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
/// let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
/// let estimate = chapter3::mc_gelu(1.0, 100_000, &mut rng)?;
/// let exact = chapter3::gelu(1.0);
/// assert!((estimate.mean - exact).abs() < 5.0 * estimate.standard_error);
/// # Ok::<(), chapter3::McError>(())
/// ```
// ANCHOR: mc_gelu
pub fn mc_gelu<R: Rng + ?Sized>(x: f64, n: u64, rng: &mut R) -> Result<Estimate, McError> {
    if n == 0 {
        return Err(McError::TooFewSamples { found: 0, needed: 1 });
    }
    let q = keep_probability(x)?;
    let mut kept = 0_u64;
    for _ in 0..n {
        if rng.random::<f64>() < q {
            kept += 1;
        }
    }
    Estimate::from_kept_count(x, kept, n)
}
// ANCHOR_END: mc_gelu

/// `Var[x * m] = x^2 Phi(x) (1 - Phi(x))`, the variance of one draw of the gate.
///
/// Derivation: `m^2 = m`, so `E[(x m)^2] = x^2 Phi(x)` and the variance is
/// `x^2 Phi(x) - (x Phi(x))^2`. NaN gives NaN; infinite `x` gives NaN or `inf * 0` forms, so check
/// finiteness first.
///
/// ```
/// use chapter3::{gate_variance, std_normal_cdf};
/// assert_eq!(gate_variance(0.0), 0.0); // the gate outputs 0 whichever way it goes
/// let q = std_normal_cdf(1.0);
/// assert!((gate_variance(1.0) - q * (1.0 - q)).abs() < 1e-15);
/// assert!(gate_variance(f64::NAN).is_nan());
/// ```
pub fn gate_variance(x: f64) -> f64 {
    let q = std_normal_cdf(x);
    x * x * q * (1.0 - q)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gelu;
    use rand::SeedableRng;
    use rand::rngs::Xoshiro256PlusPlus;

    #[test]
    fn estimates_are_within_five_standard_errors_of_gelu() {
        // 5 SE, two-sided: false-failure rate 5.7e-7 per (seed, x). A gate with Phi(-x) instead
        // of Phi(x) gives x (1 - Phi(x)): at x = 1 that is 0.159 vs 0.841, ~180 SE away.
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(1606);
        for x in [-3.0, -1.0, -0.2, 0.5, 1.0, 2.5] {
            let estimate = mc_gelu(x, 200_000, &mut rng).unwrap();
            let error = (estimate.mean - gelu(x)).abs();
            assert!(error <= 5.0 * estimate.standard_error, "x = {x}: {estimate:?} vs {}", gelu(x));
            let predicted_se = (gate_variance(x) / 200_000.0).sqrt();
            assert!((estimate.standard_error / predicted_se - 1.0).abs() < 0.05, "x = {x}");
        }
    }

    #[test]
    fn bad_input_is_a_typed_error() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(0);
        assert_eq!(mc_gelu(1.0, 0, &mut rng), Err(McError::TooFewSamples { found: 0, needed: 1 }));
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(matches!(mc_gelu(x, 10, &mut rng), Err(McError::NonFiniteInput { .. })));
            assert!(gelu_gate(x, &mut rng).is_err());
        }
    }

    #[test]
    fn gate_variance_at_known_points() {
        assert_eq!(gate_variance(0.0), 0.0);
        // Phi(1) = 0.841344746068543: 1 * 0.8413 * 0.1587
        assert!((gate_variance(1.0) - 0.841_344_746_068_543 * 0.158_655_253_931_457).abs() < 1e-12);
    }
}
