//! Bernoulli keep-masks: the random 0/1 vectors dropout multiplies its input by.

use rand::{Rng, RngExt};

use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;

use crate::{DropoutError, DropoutRate};

/// Draws a keep-mask of `len` independent entries, each `true` (keep) with probability
/// `keep_probability` and `false` (drop) otherwise: `m_i ~ Bernoulli(q)`.
///
/// Domain: `q` in `[0, 1]`; NaN or anything outside gives [`DropoutError::ProbabilityOutOfRange`].
/// `len = 0` gives an empty mask. The mask ignores any input: it is drawn before one is seen.
///
/// ```
/// use chapter1::bernoulli_mask;
/// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
/// let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
/// let mask = bernoulli_mask(8, 0.5, &mut rng)?;
/// assert_eq!(mask.len(), 8);
/// assert!(bernoulli_mask(8, 1.5, &mut rng).is_err());
/// # Ok::<(), chapter1::DropoutError>(())
/// ```
pub fn bernoulli_mask<R: Rng + ?Sized>(
    len: usize,
    keep_probability: f64,
    rng: &mut R,
) -> Result<Vec<bool>, DropoutError> {
    if !(0.0..=1.0).contains(&keep_probability) {
        return Err(DropoutError::ProbabilityOutOfRange { q: keep_probability });
    }
    Ok((0..len).map(|_| rng.random_bool(keep_probability)).collect())
}

/// The number of kept (`true`) entries of a mask. For a mask of `n` entries drawn with keep
/// probability `q` this count is `Binomial(n, q)`. An empty mask gives 0; there is no bad input.
///
/// ```
/// use chapter1::kept_count;
/// assert_eq!(kept_count(&[true, false, true, true]), 3);
/// assert_eq!(kept_count(&[]), 0);
/// ```
pub fn kept_count(mask: &[bool]) -> usize {
    mask.iter().filter(|&&kept| kept).count()
}

/// Draws `masks` masks of `units` units with rate `rate` from a `Xoshiro256PlusPlus` seeded
/// with `seed` and counts how many keep exactly `k` units, for `k = 0..=units` (so the result has
/// `units + 1` entries summing to `masks`). The same seed gives the same counts on every machine;
/// this is the histogram of the figure `ch1-kept-count`, and its expected shape is
/// `masks * Binomial(units, 1 - p)`.
///
/// ```
/// use chapter1::{DropoutRate, simulate_kept_counts};
/// let counts = simulate_kept_counts(20, 1000, DropoutRate::new(0.3).unwrap(), 1);
/// assert_eq!(counts.len(), 21);
/// assert_eq!(counts.iter().sum::<u64>(), 1000);
/// assert_eq!(counts, simulate_kept_counts(20, 1000, DropoutRate::new(0.3).unwrap(), 1));
/// ```
pub fn simulate_kept_counts(units: usize, masks: usize, rate: DropoutRate, seed: u64) -> Vec<u64> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut counts = vec![0_u64; units + 1];
    for _ in 0..masks {
        let mask = bernoulli_mask(units, rate.keep_probability(), &mut rng).unwrap_or_default();
        counts[kept_count(&mask)] += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};

    #[test]
    fn extreme_probabilities_are_deterministic() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
        assert!(bernoulli_mask(1000, 0.0, &mut rng).unwrap().iter().all(|&m| !m));
        assert!(bernoulli_mask(1000, 1.0, &mut rng).unwrap().iter().all(|&m| m));
        assert!(bernoulli_mask(0, 0.3, &mut rng).unwrap().is_empty());
    }

    #[test]
    fn kept_fraction_matches_q_within_five_standard_errors() {
        // Kept count ~ Binomial(n, q): standard error of the fraction sqrt(q(1-q)/n).
        // A 5 SE two-sided bound fails a correct sampler with probability 5.7e-7 per seed;
        // a sampler that keeps with 1 - q instead (0.3 vs 0.7) misses by ~270 SE.
        let (n, q) = (200_000, 0.7);
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(2016);
        let fraction = kept_count(&bernoulli_mask(n, q, &mut rng).unwrap()) as f64 / n as f64;
        let standard_error = (q * (1.0 - q) / n as f64).sqrt();
        assert!((fraction - q).abs() <= 5.0 * standard_error, "fraction {fraction}");
    }

    #[test]
    fn bad_probabilities_are_typed_errors() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(0);
        for q in [-0.1, 1.1, f64::NAN, f64::INFINITY] {
            let error = bernoulli_mask(3, q, &mut rng).unwrap_err();
            assert!(matches!(error, DropoutError::ProbabilityOutOfRange { .. }), "{error}");
        }
    }
}
