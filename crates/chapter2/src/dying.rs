//! Dying ReLU, measured: the fraction of units in a freshly initialised dense layer whose
//! pre-activation is `<= 0` for every input of a batch, so they output 0 for the whole batch and
//! pass back no gradient at all.
//!
//! The layer has He-normal weights, `w_jk ~ N(0, 2 / fan_in)` (He et al., 2015), and every bias
//! set to one shift `b`. The inputs are standard normal vectors. For one unit with weight vector
//! `w`, the pre-activation `z = w . x + b` of a random input is `N(b, |w|^2)`, so the unit is dead
//! on `N` independent inputs with probability `Phi(-b / |w|)^N` ([`dead_probability`]).

use rand::{Rng, RngExt};
use rand_distr::StandardNormal;
use statrs::distribution::{ContinuousCDF, Normal};

use crate::ActivationError;

/// A dense layer `z = W x + b` with `units` outputs and `fan_in` inputs.
///
/// Weights are stored one row per unit: `weights()[j]` is the weight vector `w_j` of unit `j`.
///
/// ```
/// use chapter2::DenseLayer;
/// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
/// let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
/// let layer = DenseLayer::he_normal(3, 2, -0.5, &mut rng)?;
/// let z = layer.pre_activations(&[vec![0.0, 0.0, 0.0]])?;
/// assert_eq!(z, [[-0.5, -0.5]]); // a zero input leaves only the biases
/// # Ok::<(), chapter2::ActivationError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct DenseLayer {
    weights: Vec<Vec<f64>>,
    biases: Vec<f64>,
}

impl DenseLayer {
    /// He-normal initialisation: every weight independently `N(0, 2 / fan_in)`, every bias equal
    /// to `bias`. The variance `2 / fan_in` makes `|w|^2` average exactly 2, so for a standard
    /// normal input `Var[w . x] = |w|^2` is about 2 whatever the width.
    ///
    /// Errors: `fan_in = 0` gives [`ActivationError::ZeroFanIn`]. `units = 0` gives an empty
    /// layer. A NaN or infinite `bias` is stored as given and propagates into the pre-activations.
    ///
    /// ```
    /// use chapter2::{ActivationError, DenseLayer};
    /// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
    /// let mut rng = Xoshiro256PlusPlus::seed_from_u64(5);
    /// let layer = DenseLayer::he_normal(4, 3, 0.25, &mut rng)?;
    /// assert_eq!((layer.fan_in(), layer.units(), layer.biases()), (4, 3, &[0.25; 3][..]));
    /// assert_eq!(layer.weights().len(), 3);
    /// assert_eq!(DenseLayer::he_normal(0, 3, 0.0, &mut rng), Err(ActivationError::ZeroFanIn));
    /// # Ok::<(), ActivationError>(())
    /// ```
    pub fn he_normal<R: Rng + ?Sized>(
        fan_in: usize,
        units: usize,
        bias: f64,
        rng: &mut R,
    ) -> Result<Self, ActivationError> {
        if fan_in == 0 {
            return Err(ActivationError::ZeroFanIn);
        }
        let standard_deviation = (2.0 / fan_in as f64).sqrt();
        let weights = (0..units)
            .map(|_| (0..fan_in).map(|_| standard_deviation * rng.sample::<f64, _>(StandardNormal)).collect())
            .collect();
        Ok(Self { weights, biases: vec![bias; units] })
    }

    /// Number of inputs each unit reads. A layer of zero units reports 0 (it has no weight row to
    /// measure).
    ///
    /// ```
    /// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
    /// let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
    /// assert_eq!(chapter2::DenseLayer::he_normal(7, 2, 0.0, &mut rng)?.fan_in(), 7);
    /// assert_eq!(chapter2::DenseLayer::he_normal(7, 0, 0.0, &mut rng)?.fan_in(), 0);
    /// # Ok::<(), chapter2::ActivationError>(())
    /// ```
    pub fn fan_in(&self) -> usize {
        self.weights.first().map_or(0, Vec::len)
    }

    /// Number of units (outputs): the length of each row of
    /// [`pre_activations`](Self::pre_activations). May be 0.
    ///
    /// ```
    /// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
    /// let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
    /// let layer = chapter2::DenseLayer::he_normal(3, 5, 0.0, &mut rng)?;
    /// assert_eq!(layer.units(), 5);
    /// assert_eq!(layer.pre_activations(&[vec![1.0; 3]])?[0].len(), 5);
    /// # Ok::<(), chapter2::ActivationError>(())
    /// ```
    pub fn units(&self) -> usize {
        self.weights.len()
    }

    /// The weight vectors, one per unit, each of length `fan_in`.
    ///
    /// ```
    /// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
    /// let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
    /// let layer = chapter2::DenseLayer::he_normal(4, 2, 0.0, &mut rng)?;
    /// assert_eq!(layer.weights().len(), 2);
    /// assert!(layer.weights().iter().all(|w| w.len() == 4));
    /// // The weight row is what a one-hot input reads out.
    /// assert_eq!(layer.pre_activations(&[vec![1.0, 0.0, 0.0, 0.0]])?[0][1], layer.weights()[1][0]);
    /// # Ok::<(), chapter2::ActivationError>(())
    /// ```
    pub fn weights(&self) -> &[Vec<f64>] {
        &self.weights
    }

    /// The biases, one per unit.
    ///
    /// ```
    /// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
    /// let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
    /// let layer = chapter2::DenseLayer::he_normal(4, 3, -1.5, &mut rng)?;
    /// assert_eq!(layer.biases(), [-1.5; 3]);
    /// # Ok::<(), chapter2::ActivationError>(())
    /// ```
    pub fn biases(&self) -> &[f64] {
        &self.biases
    }

    /// Sets every bias to `bias`: the bias shift of the dying-ReLU experiment. Any `f64` is
    /// accepted; a NaN bias makes every pre-activation NaN.
    ///
    /// ```
    /// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
    /// let mut rng = Xoshiro256PlusPlus::seed_from_u64(5);
    /// let mut layer = chapter2::DenseLayer::he_normal(2, 2, 0.0, &mut rng)?;
    /// layer.set_bias(-3.0);
    /// assert_eq!(layer.biases(), [-3.0, -3.0]);
    /// # Ok::<(), chapter2::ActivationError>(())
    /// ```
    pub fn set_bias(&mut self, bias: f64) {
        self.biases.iter_mut().for_each(|b| *b = bias);
    }

    /// The Euclidean norms `|w_j| = sqrt(sum_k w_jk^2)`, one per unit. Under He initialisation
    /// `|w_j|^2` averages 2.
    ///
    /// ```
    /// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
    /// let mut rng = Xoshiro256PlusPlus::seed_from_u64(5);
    /// let layer = chapter2::DenseLayer::he_normal(1, 2, 0.0, &mut rng)?;
    /// let norms = layer.weight_norms();
    /// assert_eq!(norms[0], layer.weights()[0][0].abs()); // one input: the norm is |w|
    /// # Ok::<(), chapter2::ActivationError>(())
    /// ```
    pub fn weight_norms(&self) -> Vec<f64> {
        self.weights.iter().map(|w| w.iter().map(|v| v * v).sum::<f64>().sqrt()).collect()
    }

    /// The pre-activations of a batch: row `i` holds `z_ij = w_j . x_i + b_j` for every unit `j`.
    ///
    /// Errors: an input whose length is not `fan_in` gives [`ActivationError::InputLength`].
    /// An empty batch gives an empty matrix. NaN or infinite inputs propagate through the sums.
    ///
    /// ```
    /// use chapter2::{ActivationError, DenseLayer};
    /// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
    /// let mut rng = Xoshiro256PlusPlus::seed_from_u64(5);
    /// let layer = DenseLayer::he_normal(2, 3, 0.5, &mut rng)?;
    /// let w = layer.weights();
    /// let z = layer.pre_activations(&[vec![1.0, 0.0], vec![0.0, 2.0]])?;
    /// assert_eq!(z[0], [w[0][0] + 0.5, w[1][0] + 0.5, w[2][0] + 0.5]); // one row per input
    /// assert_eq!(z[1][2], 2.0 * w[2][1] + 0.5);
    /// let error = layer.pre_activations(&[vec![1.0]]).unwrap_err();
    /// assert_eq!(error, ActivationError::InputLength { expected: 2, found: 1 });
    /// # Ok::<(), ActivationError>(())
    /// ```
    pub fn pre_activations(&self, batch: &[Vec<f64>]) -> Result<Vec<Vec<f64>>, ActivationError> {
        batch
            .iter()
            .map(|x| {
                if x.len() != self.fan_in() {
                    return Err(ActivationError::InputLength { expected: self.fan_in(), found: x.len() });
                }
                Ok(self
                    .weights
                    .iter()
                    .zip(&self.biases)
                    .map(|(w, b)| w.iter().zip(x).map(|(wk, xk)| wk * xk).sum::<f64>() + b)
                    .collect())
            })
            .collect()
    }
}

/// `size` independent standard normal vectors of length `dim`: the data batch of the
/// experiment. Drawn with `rand_distr::StandardNormal`, so a seeded generator gives the same
/// batch on every machine.
///
/// ```
/// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
/// let batch = chapter2::standard_normal_batch(4, 3, &mut Xoshiro256PlusPlus::seed_from_u64(0));
/// assert_eq!((batch.len(), batch[0].len()), (4, 3));
/// ```
pub fn standard_normal_batch<R: Rng + ?Sized>(size: usize, dim: usize, rng: &mut R) -> Vec<Vec<f64>> {
    (0..size).map(|_| (0..dim).map(|_| rng.sample(StandardNormal)).collect()).collect()
}

/// For each unit, whether it is dead on the batch: its pre-activation is `<= 0` on **every**
/// input, so ReLU outputs 0 for all of them and its derivative is 0 for all of them.
///
/// `pre_activations[i][j]` is unit `j` on input `i` (the layout of
/// [`DenseLayer::pre_activations`]). A NaN pre-activation is not `<= 0`, so it keeps its unit
/// off the dead list. Rows of zero units give an empty list.
///
/// Errors: an empty batch gives [`ActivationError::TooFewSamples`] (`found: 0, needed: 1`); a row
/// whose length differs from the first row's gives [`ActivationError::InputLength`].
///
/// ```
/// use chapter2::{ActivationError, dead_units};
/// let z = [vec![-1.0, 0.5, 0.0], vec![-2.0, -0.5, 0.0]];
/// // Unit 0 is negative on both inputs, unit 1 is positive on one, unit 2 is exactly 0 on both.
/// assert_eq!(dead_units(&z), Ok(vec![true, false, true]));
/// let ragged = [vec![-1.0, 0.5], vec![-2.0]];
/// assert_eq!(dead_units(&ragged), Err(ActivationError::InputLength { expected: 2, found: 1 }));
/// ```
// ANCHOR: dead_units
pub fn dead_units(pre_activations: &[Vec<f64>]) -> Result<Vec<bool>, ActivationError> {
    let units = row_length(pre_activations)?;
    let mut dead = vec![true; units];
    for row in pre_activations {
        for (is_dead, &z) in dead.iter_mut().zip(row) {
            // One input with z > 0 (or NaN) is enough to keep the unit alive.
            *is_dead = *is_dead && z <= 0.0;
        }
    }
    Ok(dead)
}
// ANCHOR_END: dead_units

/// The common length of the rows of a pre-activation matrix: the number of units.
fn row_length(rows: &[Vec<f64>]) -> Result<usize, ActivationError> {
    let units = rows.first().ok_or(ActivationError::TooFewSamples { found: 0, needed: 1 })?.len();
    match rows.iter().find(|row| row.len() != units) {
        Some(row) => Err(ActivationError::InputLength { expected: units, found: row.len() }),
        None => Ok(units),
    }
}

/// The fraction of units that are dead on the batch ([`dead_units`]), in `[0, 1]`.
///
/// Errors: an empty batch, or rows of zero units, give [`ActivationError::TooFewSamples`]
/// (`found: 0, needed: 1`); ragged rows give [`ActivationError::InputLength`], as in
/// [`dead_units`].
///
/// ```
/// use chapter2::{ActivationError, dead_fraction};
/// let z = [vec![-1.0, 0.5, 0.0, -3.0], vec![-2.0, -0.5, 0.0, 1.0]];
/// assert_eq!(dead_fraction(&z), Ok(0.5));
/// assert_eq!(dead_fraction(&[vec![], vec![]]), Err(ActivationError::TooFewSamples { found: 0, needed: 1 }));
/// ```
pub fn dead_fraction(pre_activations: &[Vec<f64>]) -> Result<f64, ActivationError> {
    let dead = dead_units(pre_activations)?;
    if dead.is_empty() {
        return Err(ActivationError::TooFewSamples { found: 0, needed: 1 });
    }
    Ok(dead.iter().filter(|&&d| d).count() as f64 / dead.len() as f64)
}

/// Each unit's death threshold on a batch: the unit is dead for a bias shift `b` exactly when
/// `b <= threshold_j`, where `threshold_j = -max_i (w_j . x_i)`.
///
/// `unbiased_pre_activations` are the pre-activations with every bias 0 (the layout of
/// [`dead_units`]). Adding `b` to a column moves all of it by `b`, and its largest entry decides
/// whether any entry is positive; in floating point too, since `a + b <= 0` exactly when
/// `b <= -a`. So the dead fraction at shift `b` is the fraction of thresholds `>= b`, and the
/// median threshold is the shift at which half the layer is dead. A unit with a NaN entry gets a
/// NaN threshold (it never dies); rows of zero units give an empty list.
///
/// Errors: as [`dead_units`]: an empty batch gives [`ActivationError::TooFewSamples`], ragged
/// rows give [`ActivationError::InputLength`].
///
/// ```
/// use chapter2::{ActivationError, death_thresholds};
/// let z = [vec![1.0, -0.5], vec![-2.0, -1.5]];
/// assert_eq!(death_thresholds(&z), Ok(vec![-1.0, 0.5]));
/// assert_eq!(death_thresholds(&[]), Err(ActivationError::TooFewSamples { found: 0, needed: 1 }));
/// ```
pub fn death_thresholds(unbiased_pre_activations: &[Vec<f64>]) -> Result<Vec<f64>, ActivationError> {
    let units = row_length(unbiased_pre_activations)?;
    let mut largest = vec![f64::NEG_INFINITY; units];
    for row in unbiased_pre_activations {
        for (m, &z) in largest.iter_mut().zip(row) {
            // Not f64::max, which skips a NaN: once an entry is NaN the maximum stays NaN
            // (`z > NaN` is false for every z).
            *m = if z.is_nan() || z > *m { z } else { *m };
        }
    }
    Ok(largest.into_iter().map(|m| -m).collect())
}

/// The probability that a unit with weight norm `|w|` and bias `b` is dead on `N` independent
/// standard normal inputs: `Phi(-b / |w|)^N`.
///
/// Derivation: for a standard normal `x`, `w . x` is normal with mean 0 and variance `|w|^2`, so
/// `z = w . x + b ~ N(b, |w|^2)` and `P(z <= 0) = Phi(-b / |w|)`. The `N` inputs are independent,
/// so all `N` pre-activations are `<= 0` with probability `Phi(-b / |w|)^N`.
///
/// Domain: `weight_norm` finite and `> 0`; anything else, or a NaN `bias`, gives NaN.
/// `batch_size = 0` gives 1 (a unit is vacuously dead on an empty batch). `Phi` is statrs'
/// normal CDF, accurate to about `1e-10` relative: plenty for a theory curve.
///
/// ```
/// use chapter2::dead_probability;
/// assert_eq!(dead_probability(0.0, 1.0, 1), 0.5); // bias 0: off on half the inputs
/// assert!((dead_probability(0.0, 1.0, 10) - 0.5f64.powi(10)).abs() < 1e-15);
/// assert!(dead_probability(0.0, 0.0, 10).is_nan());
/// ```
pub fn dead_probability(bias: f64, weight_norm: f64, batch_size: usize) -> f64 {
    if !(weight_norm.is_finite() && weight_norm > 0.0) || bias.is_nan() {
        return f64::NAN;
    }
    let off_on_one_input = Normal::standard().cdf(-bias / weight_norm);
    off_on_one_input.powf(batch_size as f64)
}

/// The expected dead fraction of a layer with the given weight norms: the mean over units of
/// [`dead_probability`]. The expectation is over the inputs only; the weights are the ones given.
/// A bad norm or a NaN bias gives NaN, as in [`dead_probability`].
///
/// Errors: no units (empty `weight_norms`) gives [`ActivationError::TooFewSamples`]
/// (`found: 0, needed: 1`).
///
/// ```
/// use chapter2::{ActivationError, expected_dead_fraction};
/// let fraction = expected_dead_fraction(&[1.0, 1.0], 0.0, 2)?;
/// assert!((fraction - 0.25).abs() < 1e-15); // each unit: Phi(0)^2
/// assert_eq!(expected_dead_fraction(&[], 0.0, 2), Err(ActivationError::TooFewSamples { found: 0, needed: 1 }));
/// # Ok::<(), ActivationError>(())
/// ```
pub fn expected_dead_fraction(
    weight_norms: &[f64],
    bias: f64,
    batch_size: usize,
) -> Result<f64, ActivationError> {
    if weight_norms.is_empty() {
        return Err(ActivationError::TooFewSamples { found: 0, needed: 1 });
    }
    let total: f64 = weight_norms.iter().map(|&norm| dead_probability(bias, norm, batch_size)).sum();
    Ok(total / weight_norms.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};

    #[test]
    fn he_normal_weights_have_variance_two_over_fan_in() {
        // 200 x 100 = 2e4 weights with variance 2/100 = 0.02. The sample variance of n normal
        // draws has relative SE sqrt(2/n) = 1%, so 5% is 5 SE (false-failure rate 5.7e-7).
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(3);
        let layer = DenseLayer::he_normal(100, 200, 0.0, &mut rng).unwrap();
        let all: Vec<f64> = layer.weights().iter().flatten().copied().collect();
        let variance = all.iter().map(|w| w * w).sum::<f64>() / all.len() as f64;
        assert!((variance / 0.02 - 1.0).abs() < 0.05, "variance {variance}");
        // And |w|^2 averages 2.
        let mean_square_norm = layer.weight_norms().iter().map(|n| n * n).sum::<f64>() / 200.0;
        assert!((mean_square_norm - 2.0).abs() < 0.1, "{mean_square_norm}");
        assert_eq!((layer.units(), layer.fan_in()), (200, 100));
    }

    #[test]
    fn shapes_and_errors() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(0);
        assert_eq!(DenseLayer::he_normal(0, 3, 0.0, &mut rng), Err(ActivationError::ZeroFanIn));
        let layer = DenseLayer::he_normal(2, 3, 0.0, &mut rng).unwrap();
        assert_eq!(
            layer.pre_activations(&[vec![1.0, 2.0], vec![1.0]]),
            Err(ActivationError::InputLength { expected: 2, found: 1 })
        );
        assert_eq!(layer.pre_activations(&[]), Ok(vec![]));
        let too_few = Err(ActivationError::TooFewSamples { found: 0, needed: 1 });
        assert_eq!(dead_units(&[]), too_few);
        assert_eq!(
            dead_units(&[vec![1.0], vec![1.0, 2.0]]),
            Err(ActivationError::InputLength { expected: 1, found: 2 })
        );
        assert_eq!(dead_units(&[vec![]]), Ok(vec![]));
        assert_eq!(dead_fraction(&[vec![]]), Err(ActivationError::TooFewSamples { found: 0, needed: 1 }));
        assert_eq!(
            death_thresholds(&[vec![2.0], vec![]]),
            Err(ActivationError::InputLength { expected: 1, found: 0 })
        );
        assert_eq!(
            expected_dead_fraction(&[], 0.0, 3),
            Err(ActivationError::TooFewSamples { found: 0, needed: 1 })
        );
    }

    #[test]
    fn dead_means_dead_on_every_input_including_exact_zeros() {
        let z = [vec![-1.0, 2.0, 0.0, f64::NAN], vec![-1.0, -2.0, 0.0, -1.0]];
        assert_eq!(dead_units(&z), Ok(vec![true, false, true, false]));
        assert_eq!(dead_fraction(&z), Ok(0.5));
    }

    #[test]
    fn thresholds_predict_the_dead_fraction_at_every_shift() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(8);
        let mut layer = DenseLayer::he_normal(16, 300, 0.0, &mut rng).unwrap();
        let batch = standard_normal_batch(20, 16, &mut rng);
        let thresholds = death_thresholds(&layer.pre_activations(&batch).unwrap()).unwrap();
        // Including each threshold itself, where a + b is exactly 0.
        let shifts = thresholds.iter().take(20).copied().chain([-3.0, -1.0, 0.0, 0.5]);
        for b in shifts {
            layer.set_bias(b);
            let measured = dead_fraction(&layer.pre_activations(&batch).unwrap()).unwrap();
            let from_thresholds = thresholds.iter().filter(|&&t| t >= b).count() as f64 / 300.0;
            assert_eq!(measured, from_thresholds, "b = {b}");
        }
        assert!(death_thresholds(&[vec![f64::NAN, 1.0]]).unwrap()[0].is_nan());
    }

    #[test]
    fn measured_dead_fraction_matches_the_expectation_given_the_weights() {
        // 40 independent batches of 16 inputs through one layer of 500 units at b = -2, where
        // about a quarter of the units die. Units share each batch, so their deaths are correlated
        // and the binomial SE would be too small; the SE comes from the spread of the 40 batch
        // fractions instead. 5 SE bound: with a t-distribution of 39 degrees of freedom the
        // false-failure rate is about 1.3e-5 per seed.
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(9);
        let layer = DenseLayer::he_normal(16, 500, -2.0, &mut rng).unwrap();
        let expected = expected_dead_fraction(&layer.weight_norms(), -2.0, 16).unwrap();
        let fractions: Vec<f64> = (0..40)
            .map(|_| {
                let batch = standard_normal_batch(16, 16, &mut rng);
                dead_fraction(&layer.pre_activations(&batch).unwrap()).unwrap()
            })
            .collect();
        let (mean, standard_error) = chapter1::mean_and_standard_error(&fractions).unwrap();
        assert!((mean - expected).abs() <= 5.0 * standard_error, "{mean} ± {standard_error} vs {expected}");
        assert!(expected > 0.2 && expected < 0.5, "the test should sit mid-curve: {expected}");
    }
}
