//! The mask seen one unit at a time: a random gate that lets `x` through with some probability.
//!
//! Dropout's gate has the same keep probability for every input. Chapter 2 makes the gate
//! deterministic and input-dependent (ReLU keeps `x` exactly when `x > 0`); chapter 3 makes it
//! random *and* input-dependent, keeping `x` with probability `Phi(x)`. The function here already
//! takes the keep probability as a function of `x`, so all three are the same computation.

use rand::{Rng, RngExt};

use crate::DropoutError;

/// One pass of `x` through a random gate: `x * m` with `m ~ Bernoulli(keep_probability(x))`.
///
/// Its expectation is `x * keep_probability(x)`: the gate's mean output. For dropout,
/// `keep_probability` is the constant `|_| 1 - p`.
///
/// Errors: a keep probability that is NaN or outside `[0, 1]` gives
/// [`DropoutError::ProbabilityOutOfRange`]. A NaN `x` with a valid probability gives NaN.
///
/// ```
/// use chapter1::gate;
/// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
/// let mut rng = Xoshiro256PlusPlus::seed_from_u64(9);
/// // A gate that always opens for positive x and never for negative x is ReLU:
/// let relu_gate = |x: f64| if x > 0.0 { 1.0 } else { 0.0 };
/// assert_eq!(gate(2.5, relu_gate, &mut rng)?, 2.5);
/// assert_eq!(gate(-2.5, relu_gate, &mut rng)?, 0.0);
/// # Ok::<(), chapter1::DropoutError>(())
/// ```
// ANCHOR: gate
pub fn gate<R, F>(x: f64, keep_probability: F, rng: &mut R) -> Result<f64, DropoutError>
where
    R: Rng + ?Sized,
    F: Fn(f64) -> f64,
{
    let q = keep_probability(x);
    if !(0.0..=1.0).contains(&q) {
        return Err(DropoutError::ProbabilityOutOfRange { q });
    }
    let kept = rng.random_bool(q);
    Ok(x * if kept { 1.0 } else { 0.0 })
}
// ANCHOR_END: gate

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mean_and_standard_error;
    use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};

    #[test]
    fn gate_mean_is_x_times_keep_probability() {
        // 5 SE bound: false-failure rate 5.7e-7 per seed. An input-dependent probability
        // q(x) = 0.2 for x = 4 gives E = 0.8; swapping keep and drop (0.8) gives 3.2.
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(1606);
        let samples: Vec<f64> = (0..50_000).map(|_| gate(4.0, |_| 0.2, &mut rng).unwrap()).collect();
        let (mean, standard_error) = mean_and_standard_error(&samples).unwrap();
        assert!((mean - 0.8).abs() <= 5.0 * standard_error, "{mean} ± {standard_error}");
    }

    #[test]
    fn probability_outside_the_unit_interval_is_an_error() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(0);
        assert!(gate(1.0, |x| x * 2.0, &mut rng).is_err());
        assert!(gate(1.0, |_| f64::NAN, &mut rng).is_err());
        assert!(gate(f64::NAN, |_| 1.0, &mut rng).unwrap().is_nan());
    }
}
