//! The SOI map (stochastic zero-or-identity) as a layer: chapter 3's stochastic gate applied to
//! every unit while training, `y = x m` with `m ~ Bernoulli(Phi(x))` (the coin of
//! `chapter3::gelu_gate_keeps`, `U < Phi(x)`; in `f64` the same draws, which a test checks), and its expectation, exact GELU, in evaluation. Hendrycks and Gimpel
//! trained networks with it to show that the gate alone, with no deterministic nonlinearity, can
//! learn.
//!
//! Backward in training treats the drawn mask as a constant, as dropout's backward does:
//! `dL/dx = dL/dy m`. (The mask's probability depends on `x` too, but a draw has no derivative;
//! the expectation's derivative, `GELU'(x)`, is what the evaluation-mode backward uses.)

use chapter1::Mode;
use rand::{Rng, RngExt};

use super::{Activation, Real};

/// An SOI-map layer: a fresh mask `m ~ Bernoulli(Phi(x))` per unit and sample in
/// [`Mode::Train`], exact GELU in [`Mode::Eval`].
///
/// ```
/// use chapter1::Mode;
/// use chapter5::network::SoiLayer;
/// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
/// let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
/// let mut layer = SoiLayer::<f64>::new();
/// let mut y = Vec::new();
/// layer.forward(&[2.0, -2.0, 0.5], Mode::Train, &mut rng, &mut y);
/// assert!(y.iter().zip([2.0, -2.0, 0.5]).all(|(&y, x)| y == x || y == 0.0)); // kept or zeroed
/// layer.forward(&[1.0], Mode::Eval, &mut rng, &mut y);
/// assert!((y[0] - numerics::gelu(1.0)).abs() < 1e-16); // the expectation
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SoiLayer<T> {
    /// The mask `m` (0 or 1) of the last training pass, or empty after an evaluation pass.
    mask: Vec<T>,
}

impl<T: Real> SoiLayer<T> {
    /// A layer with no mask drawn yet.
    ///
    /// ```
    /// use chapter1::Mode;
    /// use chapter5::network::SoiLayer;
    /// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
    /// let mut rng = Xoshiro256PlusPlus::seed_from_u64(2);
    /// let mut layer = SoiLayer::<f32>::new();
    /// let (mut y, mut dx, mut scratch) = (Vec::<f32>::new(), Vec::<f32>::new(), Vec::<f32>::new());
    /// layer.forward(&[1.0, -1.0], Mode::Eval, &mut rng, &mut y); // no mask drawn yet: GELU
    /// assert!((y[0] - 0.8413447).abs() < 1e-6);
    /// ```
    pub fn new() -> Self {
        Self { mask: Vec::new() }
    }

    /// `y = x m`, `m ~ Bernoulli(Phi(x))` drawn from `rng` for every element (one uniform `f64`
    /// each, compared with `Phi(x)` from [`Real::normal_cdf`]), in [`Mode::Train`];
    /// `y = GELU(x)` in [`Mode::Eval`]. NaN gives NaN, which stops training at its loss.
    ///
    /// ```
    /// use chapter1::Mode;
    /// use chapter5::network::SoiLayer;
    /// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
    /// let mut rng = Xoshiro256PlusPlus::seed_from_u64(2);
    /// let mut layer = SoiLayer::<f32>::new();
    /// let (mut y, mut dx, mut scratch) = (Vec::<f32>::new(), Vec::<f32>::new(), Vec::<f32>::new());
    /// layer.forward(&[3.0; 100], Mode::Train, &mut rng, &mut y);
    /// let kept = y.iter().filter(|&&v| v == 3.0).count();
    /// assert!(kept > 90); // Phi(3) = 0.9987: almost every unit is kept
    /// ```
    pub fn forward<R: Rng + ?Sized>(&mut self, x: &[T], mode: Mode, rng: &mut R, y: &mut Vec<T>) {
        y.clear();
        self.mask.clear();
        match mode {
            Mode::Eval => {
                y.resize(x.len(), T::zero());
                T::activate(Activation::Gelu, x, y);
            }
            Mode::Train => {
                // The coin of `chapter3::gelu_gate_keeps`, U < Phi(x) with U uniform on the f64
                // grid, with Phi for the whole slice at once (`Real::normal_cdf`).
                let mut keep = vec![T::zero(); x.len()];
                T::normal_cdf(x, &mut keep);
                for (&value, &q) in x.iter().zip(&keep) {
                    let m = if rng.random::<f64>() < q.to_f64() { T::from_f64(1.0) } else { T::zero() };
                    self.mask.push(m);
                    y.push(value * m);
                }
            }
        }
    }

    /// `dL/dx = dL/dy m` after a training pass; `dL/dy GELU'(x)` after an evaluation pass
    /// (`x` and `y` are that pass's input and output). `dx` is resized to `g.len()`.
    ///
    /// ```
    /// use chapter1::Mode;
    /// use chapter5::network::SoiLayer;
    /// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
    /// let mut rng = Xoshiro256PlusPlus::seed_from_u64(2);
    /// let mut layer = SoiLayer::<f32>::new();
    /// let (mut y, mut dx, mut scratch) = (Vec::<f32>::new(), Vec::<f32>::new(), Vec::<f32>::new());
    /// let x = [0.5f32, -0.5, 2.0, -2.0];
    /// layer.forward(&x, Mode::Train, &mut rng, &mut y);
    /// layer.backward(&x, &y, &[1.0; 4], &mut dx, &mut scratch);
    /// for (d, out) in dx.iter().zip(&y) {
    ///     assert_eq!(*d, if *out == 0.0 { 0.0 } else { 1.0 }); // the gradient passes where the unit was kept
    /// }
    /// ```
    pub fn backward(&self, x: &[T], y: &[T], g: &[T], dx: &mut Vec<T>, scratch: &mut Vec<T>) {
        dx.clear();
        if self.mask.is_empty() {
            scratch.resize(x.len(), T::zero());
            T::activation_slope(Activation::Gelu, x, y, scratch);
            dx.extend(g.iter().zip(scratch.iter()).map(|(&g, &s)| g * s));
        } else {
            dx.extend(g.iter().zip(&self.mask).map(|(&g, &m)| g * m));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::Xoshiro256PlusPlus;

    #[test]
    fn the_mean_output_is_gelu() {
        // 20,000 draws at x = 0.5: the kept fraction estimates Phi(0.5) = 0.6915 with standard
        // error sqrt(Phi (1 - Phi) / n) = 0.00327; a 5-standard-error bound fails by chance with
        // probability 6e-7.
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(11);
        let mut layer = SoiLayer::<f64>::new();
        let mut y = Vec::new();
        let n = 20_000;
        layer.forward(&vec![0.5; n], Mode::Train, &mut rng, &mut y);
        let kept = y.iter().filter(|&&v| v == 0.5).count() as f64 / n as f64;
        let phi = numerics::std_normal_cdf(0.5);
        let standard_error = (phi * (1.0 - phi) / n as f64).sqrt();
        assert!((kept - phi).abs() < 5.0 * standard_error, "{kept} vs {phi}");
        // Backward passes the gradient through the kept units only.
        let (mut dx, mut scratch) = (Vec::new(), Vec::new());
        layer.backward(&vec![0.5; n], &y, &vec![1.0; n], &mut dx, &mut scratch);
        assert_eq!(dx.iter().map(|&d| d * 0.5).collect::<Vec<_>>(), y);
    }

    #[test]
    fn in_f64_the_masks_are_chapter_3s_coins() {
        let x: Vec<f64> = (0..200).map(|i| (i as f64 - 100.0) * 0.05).collect();
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(4);
        let mut same = rng.clone();
        let mut layer = SoiLayer::<f64>::new();
        let mut y = Vec::new();
        layer.forward(&x, Mode::Train, &mut rng, &mut y);
        for (&value, &out) in x.iter().zip(&y) {
            let kept = chapter3::gelu_gate_keeps(value, &mut same).unwrap();
            assert_eq!(out, if kept { value } else { 0.0 }, "x = {value}");
        }
    }

    #[test]
    fn evaluation_backward_uses_the_gelu_slope() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(0);
        let mut layer = SoiLayer::<f64>::new();
        let (mut y, mut dx, mut scratch) = (Vec::new(), Vec::new(), Vec::new());
        layer.forward(&[0.0, 1.0], Mode::Eval, &mut rng, &mut y);
        layer.backward(&[0.0, 1.0], &y, &[2.0, 1.0], &mut dx, &mut scratch);
        assert_eq!(dx[0], 1.0); // 2 GELU'(0) = 2 * 0.5
        assert!((dx[1] - numerics::gelu_derivative(1.0)).abs() < 1e-15);
    }
}
