//! Two ways to get the same estimate with less work: the fast exact sampler, and the Binomial
//! shortcut that skips the individual draws altogether.

use rand::Rng;
use rand_distr::{Binomial, Distribution};

use crate::monte_carlo::keep_probability;
use crate::{Estimate, McError, WordBernoulli};

/// The Monte Carlo estimate of `GELU(x)` from `n` gate draws made 64 at a time by
/// [`WordBernoulli`]: the same distribution as [`mc_gelu`](crate::mc_gelu), about 7.3 random bits
/// per draw instead of 64, and exact for every `Phi(x)` (no `2^-53` floor in the far left tail).
///
/// Errors: as [`mc_gelu`](crate::mc_gelu): `n = 0` gives [`McError::TooFewSamples`]
/// (`found: 0, needed: 1`), NaN or infinite `x` gives [`McError::NonFiniteInput`].
///
/// ```
/// use chapter3::{McError, gelu, mc_gelu_fast};
/// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
/// let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
/// let estimate = mc_gelu_fast(1.0, 100_000, &mut rng)?;
/// assert!((estimate.mean - gelu(1.0)).abs() < 5.0 * estimate.standard_error);
/// // Far in the left tail the sampler stays exact: Phi(-9) = 1.1e-19, so no draw is kept.
/// assert_eq!(mc_gelu_fast(-9.0, 1000, &mut rng)?.mean, 0.0);
/// assert_eq!(mc_gelu_fast(1.0, 0, &mut rng), Err(McError::TooFewSamples { found: 0, needed: 1 }));
/// # Ok::<(), McError>(())
/// ```
// ANCHOR: mc_gelu_fast
pub fn mc_gelu_fast<R: Rng + ?Sized>(x: f64, n: u64, rng: &mut R) -> Result<Estimate, McError> {
    if n == 0 {
        return Err(McError::TooFewSamples { found: 0, needed: 1 });
    }
    let sampler = WordBernoulli::new(keep_probability(x)?)?;
    Estimate::from_kept_count(x, sampler.kept_count(n, rng), n)
}
// ANCHOR_END: mc_gelu_fast

/// The Binomial shortcut: the number of kept draws among `n` is Binomial(`n`, `Phi(x)`), so draw
/// that count directly (rand_distr's BTPE algorithm, constant expected time in `n`) and form the
/// same estimate. Distributionally identical to `n` gate draws, whatever `n` is.
///
/// Errors: as [`mc_gelu`](crate::mc_gelu): `n = 0` gives [`McError::TooFewSamples`]
/// (`found: 0, needed: 1`), NaN or infinite `x` gives [`McError::NonFiniteInput`].
///
/// ```
/// use chapter3::{McError, gate_variance, gelu, mc_gelu_binomial};
/// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
/// let mut rng = Xoshiro256PlusPlus::seed_from_u64(2);
/// // A billion draws cost one Binomial sample.
/// let estimate = mc_gelu_binomial(1.0, 1_000_000_000, &mut rng)?;
/// assert!((estimate.mean - gelu(1.0)).abs() < 5.0 * estimate.standard_error);
/// // Its standard error is the predicted sqrt(Var / n) = 1.16e-5, to within 1%.
/// let predicted = (gate_variance(1.0) / 1e9).sqrt();
/// assert!((estimate.standard_error / predicted - 1.0).abs() < 0.01);
/// assert!(matches!(mc_gelu_binomial(f64::INFINITY, 10, &mut rng), Err(McError::NonFiniteInput { .. })));
/// # Ok::<(), McError>(())
/// ```
pub fn mc_gelu_binomial<R: Rng + ?Sized>(x: f64, n: u64, rng: &mut R) -> Result<Estimate, McError> {
    if n == 0 {
        return Err(McError::TooFewSamples { found: 0, needed: 1 });
    }
    let q = keep_probability(x)?;
    let law = Binomial::new(n, q).map_err(|_| McError::ProbabilityOutOfRange { q })?;
    Estimate::from_kept_count(x, law.sample(rng), n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{gate_variance, gelu};
    use rand::SeedableRng;
    use rand::rngs::Xoshiro256PlusPlus;

    #[test]
    fn both_shortcuts_center_on_gelu_with_the_predicted_spread() {
        // 400 estimates of n = 1000 each, per method and x. Their mean is within 5 SE of GELU(x)
        // (false-failure rate 5.7e-7 per case) and their spread matches sqrt(Var/n) within 15%
        // (the relative SE of a standard deviation from 400 values is 1/sqrt(800) = 3.5%).
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(99);
        let (n, replicates) = (1000, 400);
        for x in [-1.5, 0.3, 1.0] {
            let predicted = (gate_variance(x) / n as f64).sqrt();
            for method in [mc_gelu_fast::<Xoshiro256PlusPlus>, mc_gelu_binomial::<Xoshiro256PlusPlus>] {
                let means: Vec<f64> = (0..replicates).map(|_| method(x, n, &mut rng).unwrap().mean).collect();
                let average = means.iter().sum::<f64>() / replicates as f64;
                let spread = (means.iter().map(|m| (m - average).powi(2)).sum::<f64>()
                    / (replicates as f64 - 1.0))
                    .sqrt();
                let se_of_average = predicted / (replicates as f64).sqrt();
                assert!((average - gelu(x)).abs() <= 5.0 * se_of_average, "x = {x}: {average}");
                assert!((spread / predicted - 1.0).abs() < 0.15, "x = {x}: spread {spread} vs {predicted}");
            }
        }
    }

    #[test]
    fn bad_input() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(0);
        assert_eq!(mc_gelu_fast(1.0, 0, &mut rng), Err(McError::TooFewSamples { found: 0, needed: 1 }));
        assert_eq!(mc_gelu_binomial(1.0, 0, &mut rng), Err(McError::TooFewSamples { found: 0, needed: 1 }));
        assert!(mc_gelu_fast(f64::NAN, 5, &mut rng).is_err());
        assert!(mc_gelu_binomial(f64::INFINITY, 5, &mut rng).is_err());
    }
}
