//! Dropout: multiply the input by a random keep-mask, in its two conventions.
//!
//! * Plain dropout (the 2014 paper's form): `y_i = x_i * m_i` during training, and at evaluation
//!   every unit is kept but scaled by `q = 1 - p`, so training and evaluation agree on average.
//! * Inverted dropout (what frameworks ship): `y_i = x_i * m_i / q` during training, and the
//!   identity at evaluation. The rescale moves to training time, so inference does nothing.
//!
//! In both, `m_i ~ Bernoulli(q)` is drawn without looking at `x_i`.

use rand::Rng;

use crate::{DropoutRate, bernoulli_mask};

/// Training or evaluation: dropout is random only while training. Every value is valid; there is
/// no bad input.
///
/// ```
/// use chapter1::{Dropout, DropoutRate, Mode};
/// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
/// let mut rng = Xoshiro256PlusPlus::seed_from_u64(2);
/// let layer = Dropout { rate: DropoutRate::new(0.5)?, inverted: true };
/// // Eval draws nothing, so two calls agree; Train draws a fresh mask, zeroing some units.
/// assert_eq!(layer.forward(&[1.0; 4], Mode::Eval, &mut rng), [1.0; 4]);
/// let trained = layer.forward(&[1.0; 64], Mode::Train, &mut rng);
/// assert!(trained.contains(&0.0) && trained.contains(&2.0));
/// assert_ne!(Mode::Train, Mode::Eval);
/// # Ok::<(), chapter1::DropoutError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Draw a fresh mask for every call.
    Train,
    /// Deterministic: no mask is drawn.
    Eval,
}

/// Plain (non-inverted) dropout: `y_i = x_i * m_i`, `m_i ~ Bernoulli(1 - p)`.
///
/// `E[y_i] = (1 - p) x_i`: the output is shrunk on average, which evaluation must match by
/// scaling (see [`Dropout::forward`]). Empty input gives empty output. Non-finite inputs pass
/// through the product: a kept NaN stays NaN, a dropped one becomes `NaN * 0 = NaN` too. There is
/// no error case: the rate was validated when the [`DropoutRate`] was made.
///
/// ```
/// use chapter1::{DropoutRate, plain_dropout};
/// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
/// let mut rng = Xoshiro256PlusPlus::seed_from_u64(3);
/// let y = plain_dropout(&[2.0; 100], DropoutRate::new(0.5)?, &mut rng);
/// // No rescale: every output is dropped (0) or the input itself, and both occur.
/// assert!(y.iter().all(|&v| v == 0.0 || v == 2.0));
/// assert!(y.contains(&0.0) && y.contains(&2.0));
/// assert!(plain_dropout(&[], DropoutRate::new(0.5)?, &mut rng).is_empty());
/// # Ok::<(), chapter1::DropoutError>(())
/// ```
pub fn plain_dropout<R: Rng + ?Sized>(x: &[f64], rate: DropoutRate, rng: &mut R) -> Vec<f64> {
    apply_mask(x, rate, 1.0, rng)
}

/// Inverted dropout: `y_i = x_i * m_i / (1 - p)`, `m_i ~ Bernoulli(1 - p)`.
///
/// Unbiased: `E[y_i] = x_i (1 - p) / (1 - p) = x_i`, with variance
/// [`inverted_dropout_variance`]. Empty input gives empty output.
///
/// ```
/// use chapter1::{DropoutRate, inverted_dropout};
/// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
/// let mut rng = Xoshiro256PlusPlus::seed_from_u64(3);
/// let y = inverted_dropout(&[2.0; 6], DropoutRate::new(0.5)?, &mut rng);
/// // Every output is either dropped (0) or kept and doubled (2 / (1 - 0.5) = 4).
/// assert!(y.iter().all(|&v| v == 0.0 || v == 4.0));
/// # Ok::<(), chapter1::DropoutError>(())
/// ```
// ANCHOR: inverted_dropout
pub fn inverted_dropout<R: Rng + ?Sized>(x: &[f64], rate: DropoutRate, rng: &mut R) -> Vec<f64> {
    apply_mask(x, rate, rate.inverted_scale(), rng)
}
// ANCHOR_END: inverted_dropout

/// `y_i = x_i * scale` where the mask keeps unit `i`, else `0 * x_i`.
// ANCHOR: apply_mask
fn apply_mask<R: Rng + ?Sized>(x: &[f64], rate: DropoutRate, scale: f64, rng: &mut R) -> Vec<f64> {
    // A DropoutRate's keep probability is in (0, 1], so the mask cannot fail.
    let mask = bernoulli_mask(x.len(), rate.keep_probability(), rng).unwrap_or_default();
    x.iter().zip(mask).map(|(&value, kept)| value * if kept { scale } else { 0.0 }).collect()
}
// ANCHOR_END: apply_mask

/// `Var[y] = x^2 p / (1 - p)` for inverted dropout of a single input `x`.
///
/// Derivation: `y = x m / q` with `m ~ Bernoulli(q)`, so `E[y^2] = x^2 q / q^2 = x^2 / q` and
/// `Var[y] = x^2 / q - x^2 = x^2 (1 - q) / q = x^2 p / (1 - p)`. Infinite `x` gives `+inf`
/// (or NaN at `p = 0`, where it is `inf * 0`); NaN gives NaN.
///
/// ```
/// use chapter1::{DropoutRate, inverted_dropout_variance};
/// // x = 2, p = 0.5: 4 * 0.5 / 0.5 = 4.
/// assert_eq!(inverted_dropout_variance(2.0, DropoutRate::new(0.5)?), 4.0);
/// assert_eq!(inverted_dropout_variance(2.0, DropoutRate::new(0.0)?), 0.0); // p = 0: no noise
/// assert!(inverted_dropout_variance(f64::NAN, DropoutRate::new(0.5)?).is_nan());
/// # Ok::<(), chapter1::DropoutError>(())
/// ```
pub fn inverted_dropout_variance(x: f64, rate: DropoutRate) -> f64 {
    x * x * rate.p() / rate.keep_probability()
}

/// `Var[y] = x^2 p (1 - p)` for plain dropout of a single input `x` (`y = x m`).
///
/// Derivation: `m^2 = m`, so `E[y^2] = x^2 q` and `Var[y] = x^2 q - (x q)^2 = x^2 q (1 - q)`,
/// with `q = 1 - p`. Infinite `x` gives `+inf` (or NaN at `p = 0`); NaN gives NaN.
///
/// ```
/// use chapter1::{DropoutRate, plain_dropout_variance};
/// // x = 2, p = 0.5: 4 * 0.5 * 0.5 = 1, a quarter of the inverted convention's 4.
/// assert_eq!(plain_dropout_variance(2.0, DropoutRate::new(0.5)?), 1.0);
/// assert!(plain_dropout_variance(f64::NAN, DropoutRate::new(0.5)?).is_nan());
/// # Ok::<(), chapter1::DropoutError>(())
/// ```
pub fn plain_dropout_variance(x: f64, rate: DropoutRate) -> f64 {
    x * x * rate.p() * rate.keep_probability()
}

/// A dropout layer that knows its convention, the way a framework's layer does.
///
/// The fields cannot hold a bad value: the rate is a validated [`DropoutRate`] (so
/// `DropoutRate::new` is where a bad `p` is rejected, with [`DropoutError::RateOutOfRange`]).
///
/// ```
/// use chapter1::{Dropout, DropoutError, DropoutRate, Mode};
/// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
/// let mut rng = Xoshiro256PlusPlus::seed_from_u64(4);
/// let layer = Dropout { rate: DropoutRate::new(0.75)?, inverted: true };
/// let y = layer.forward(&[1.0; 8], Mode::Train, &mut rng);
/// assert!(y.iter().all(|&v| v == 0.0 || v == 4.0)); // kept units are scaled by 1 / (1 - 0.75)
/// assert_eq!(DropoutRate::new(-0.1), Err(DropoutError::RateOutOfRange { p: -0.1 }));
/// # Ok::<(), DropoutError>(())
/// ```
///
/// [`DropoutError::RateOutOfRange`]: crate::DropoutError::RateOutOfRange
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dropout {
    /// The dropout rate `p`.
    pub rate: DropoutRate,
    /// `true` for inverted dropout (rescale while training), `false` for plain dropout
    /// (rescale at evaluation).
    pub inverted: bool,
}

impl Dropout {
    /// Applies the layer. In [`Mode::Train`] a fresh mask is drawn from `rng`. In [`Mode::Eval`]
    /// nothing random happens: inverted dropout is the identity and plain dropout multiplies by
    /// `1 - p`, so in both conventions the evaluation output equals the training output's
    /// expectation.
    ///
    /// ```
    /// use chapter1::{Dropout, DropoutRate, Mode};
    /// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
    /// let mut rng = Xoshiro256PlusPlus::seed_from_u64(0);
    /// let rate = DropoutRate::new(0.2)?;
    /// let x = [1.0, -2.0];
    /// assert_eq!(Dropout { rate, inverted: true }.forward(&x, Mode::Eval, &mut rng), x);
    /// assert_eq!(Dropout { rate, inverted: false }.forward(&x, Mode::Eval, &mut rng), [0.8, -1.6]);
    /// # Ok::<(), chapter1::DropoutError>(())
    /// ```
    pub fn forward<R: Rng + ?Sized>(&self, x: &[f64], mode: Mode, rng: &mut R) -> Vec<f64> {
        match (mode, self.inverted) {
            (Mode::Train, true) => inverted_dropout(x, self.rate, rng),
            (Mode::Train, false) => plain_dropout(x, self.rate, rng),
            (Mode::Eval, true) => x.to_vec(),
            (Mode::Eval, false) => x.iter().map(|&v| v * self.rate.keep_probability()).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mean_and_standard_error;
    use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};

    fn rate(p: f64) -> DropoutRate {
        DropoutRate::new(p).unwrap()
    }

    #[test]
    fn outputs_are_zero_or_rescaled_input() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(11);
        let x: Vec<f64> = (0..1000).map(|i| i as f64 - 500.5).collect();
        let y = inverted_dropout(&x, rate(0.3), &mut rng);
        assert_eq!(y.len(), x.len());
        for (&xi, &yi) in x.iter().zip(&y) {
            assert!(yi == 0.0 || yi == xi * rate(0.3).inverted_scale(), "x = {xi}, y = {yi}");
        }
        assert!(y.contains(&0.0) && y.iter().any(|&v| v != 0.0));
    }

    #[test]
    fn inverted_dropout_is_unbiased_and_has_the_derived_variance() {
        // n = 10^5 draws of y for x = 3, p = 0.4. The sample mean is within 5 SE of x
        // (false-failure rate 5.7e-7 per seed). A missing rescale would give E[y] = 1.8,
        // about 100 SE away. The sample variance of a scaled Bernoulli(q) has relative SE
        // sqrt(((1 - 3q + 3q^2) / (q(1 - q)) - 1) / n) = 0.13% here, so 5% is ~39 SE.
        let (x, p, n) = (3.0, 0.4, 100_000);
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(42);
        let y = inverted_dropout(&vec![x; n], rate(p), &mut rng);
        let (mean, standard_error) = mean_and_standard_error(&y).unwrap();
        assert!((mean - x).abs() <= 5.0 * standard_error, "mean {mean} ± {standard_error}");
        let sample_variance = standard_error * standard_error * n as f64;
        let exact = inverted_dropout_variance(x, rate(p));
        assert!((sample_variance / exact - 1.0).abs() < 0.05, "{sample_variance} vs {exact}");
    }

    #[test]
    fn plain_dropout_shrinks_the_mean_by_q() {
        // Same bounds as above; the variance's relative SE is 0.37% at q = 0.75 (5% is ~14 SE).
        let (x, p, n) = (2.0, 0.25, 100_000);
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(5);
        let y = plain_dropout(&vec![x; n], rate(p), &mut rng);
        let (mean, standard_error) = mean_and_standard_error(&y).unwrap();
        assert!((mean - 0.75 * x).abs() <= 5.0 * standard_error, "mean {mean}");
        assert!(y.iter().all(|&v| v == 0.0 || v == x));
        let sample_variance = standard_error * standard_error * n as f64;
        let exact = plain_dropout_variance(x, rate(p));
        assert!((sample_variance / exact - 1.0).abs() < 0.05, "{sample_variance} vs {exact}");
    }

    #[test]
    fn rate_zero_is_the_identity_and_empty_stays_empty() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
        let x = [1.5, -2.0, 0.0];
        assert_eq!(inverted_dropout(&x, rate(0.0), &mut rng), x);
        assert!(inverted_dropout(&[], rate(0.5), &mut rng).is_empty());
    }

    #[test]
    fn variance_formulas_at_known_points() {
        assert_eq!(inverted_dropout_variance(2.0, rate(0.5)), 4.0);
        assert_eq!(inverted_dropout_variance(2.0, rate(0.0)), 0.0);
        assert_eq!(plain_dropout_variance(2.0, rate(0.5)), 1.0);
        assert!(inverted_dropout_variance(f64::NAN, rate(0.5)).is_nan());
    }
}
