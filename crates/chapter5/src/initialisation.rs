//! Initialisation: the moments of a gate at a standard normal pre-activation, and the He-style
//! weight variance that keeps a layer's second moment.
//!
//! A dense layer with `n` inputs and weights of variance `v` turns inputs with second moment
//! `m2 = E[a^2]` into pre-activations of variance `n v m2`. If the pre-activations are standard
//! normal, the next layer's inputs have second moment `m2 = E[g(Z)^2]`, so `v = 1 / (n m2)` keeps
//! the scale from layer to layer: `2/n` for ReLU (`m2 = 1/2`), `2.352/n` for GELU.

use rand::Rng;
use rand_distr::{Distribution, StandardNormal};

use crate::{Chapter5Error, GeluMuSigma};

/// `E[g(Z)]` and `E[g(Z)^2]` for `Z ~ N(0, 1)`, with their standard errors when estimated.
///
/// ```
/// let relu_like = chapter5::GeluMuSigma::new(0.0, 0.01)?; // nearly ReLU: E[ReLU(Z)^2] = 1/2
/// let m = chapter5::gate_moments(&relu_like);
/// assert!((m.second - 0.5).abs() < 1e-3 && m.second_standard_error == 0.0);
/// # Ok::<(), chapter5::Chapter5Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Moments {
    /// The mean `E[g(Z)]`.
    pub mean: f64,
    /// The second moment `E[g(Z)^2]`.
    pub second: f64,
    /// Standard error of `mean` (0 for the quadrature, which is exact to about `1e-13`).
    pub mean_standard_error: f64,
    /// Standard error of `second` (0 for the quadrature).
    pub second_standard_error: f64,
}

impl Moments {
    /// The weight variance per input that keeps the second moment, `1 / E[g(Z)^2]`, in units of
    /// `1/n` (He initialisation's 2 for ReLU).
    ///
    /// ```
    /// let gelu = chapter5::GeluMuSigma::new(0.0, 1.0)?;
    /// let gain = chapter5::gate_moments(&gelu).gain();
    /// assert!((gain - 2.3517).abs() < 1e-4);
    /// # Ok::<(), chapter5::Chapter5Error>(())
    /// ```
    pub fn gain(&self) -> f64 {
        1.0 / self.second
    }
}

/// Half-width of the quadrature interval: the standard normal density is below `1e-31` beyond.
const QUADRATURE_HALF_WIDTH: f64 = 12.0;
/// Simpson panels on `[-12, 12]`: the rule's error is far below `1e-12` for these smooth gates.
const QUADRATURE_PANELS: usize = 24_000;

/// `E[g(Z)]` and `E[g(Z)^2]` of the gate `g(x) = x Phi((x - mu) / sigma)` at a standard normal
/// input, by Simpson's rule on `[-12, 12]` (24,000 panels, absolute error below `1e-12` for
/// `sigma >= 0.05`; narrower gates need a finer grid near `mu`). For `mu = 0`, `sigma = 1` these
/// are `1 / (2 sqrt pi) = 0.2821` and `1/3 + sqrt 3 / (6 pi) = 0.4252`. Standard errors are 0.
///
/// ```
/// let gelu = chapter5::GeluMuSigma::new(0.0, 1.0)?;
/// let m = chapter5::gate_moments(&gelu);
/// assert!((m.mean - 1.0 / (2.0 * std::f64::consts::PI.sqrt())).abs() < 1e-12);
/// assert!((m.second - (1.0 / 3.0 + 3f64.sqrt() / (6.0 * std::f64::consts::PI))).abs() < 1e-12);
/// # Ok::<(), chapter5::Chapter5Error>(())
/// ```
pub fn gate_moments(gate: &GeluMuSigma) -> Moments {
    let step = 2.0 * QUADRATURE_HALF_WIDTH / QUADRATURE_PANELS as f64;
    let (mut mean, mut second) = (0.0, 0.0);
    for i in 0..=QUADRATURE_PANELS {
        let z = -QUADRATURE_HALF_WIDTH + i as f64 * step;
        let weight = match i {
            0 => 1.0,
            _ if i == QUADRATURE_PANELS => 1.0,
            _ if i % 2 == 1 => 4.0,
            _ => 2.0,
        } * numerics::std_normal_pdf(z);
        let g = gate.value(z);
        mean += weight * g;
        second += weight * g * g;
    }
    Moments {
        mean: mean * step / 3.0,
        second: second * step / 3.0,
        mean_standard_error: 0.0,
        second_standard_error: 0.0,
    }
}

/// The same two moments estimated from `n` standard normal draws of `rng`, with the
/// sample-based standard errors `s / sqrt(n)` (`s` with its `n - 1`). `n < 2` gives
/// [`Chapter5Error::TooFewSamples`].
///
/// ```
/// use rand::SeedableRng;
/// let gelu = chapter5::GeluMuSigma::new(0.0, 1.0)?;
/// let mut rng = rand::rngs::Xoshiro256PlusPlus::seed_from_u64(5);
/// let estimate = chapter5::monte_carlo_moments(&gelu, 100_000, &mut rng)?;
/// let exact = chapter5::gate_moments(&gelu);
/// assert!((estimate.second - exact.second).abs() < 5.0 * estimate.second_standard_error);
/// assert!(chapter5::monte_carlo_moments(&gelu, 1, &mut rng).is_err());
/// # Ok::<(), chapter5::Chapter5Error>(())
/// ```
pub fn monte_carlo_moments<R: Rng + ?Sized>(
    gate: &GeluMuSigma,
    n: usize,
    rng: &mut R,
) -> Result<Moments, Chapter5Error> {
    if n < 2 {
        return Err(Chapter5Error::TooFewSamples { found: n, needed: 2 });
    }
    let values: Vec<f64> = (0..n)
        .map(|_| {
            let z: f64 = StandardNormal.sample(rng);
            gate.value(z)
        })
        .collect();
    let squares: Vec<f64> = values.iter().map(|g| g * g).collect();
    // n >= 2, so chapter 1's estimator cannot fail here.
    let too_few = |_| Chapter5Error::TooFewSamples { found: n, needed: 2 };
    let (mean, mean_standard_error) = chapter1::mean_and_standard_error(&values).map_err(too_few)?;
    let (second, second_standard_error) = chapter1::mean_and_standard_error(&squares).map_err(too_few)?;
    Ok(Moments { mean, second, mean_standard_error, second_standard_error })
}
