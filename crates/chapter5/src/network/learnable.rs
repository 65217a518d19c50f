//! The learnable GELU layer: `y = x Phi((x - mu) / sigma)`, with `mu` and `sigma = sigma(rho)`
//! learned by gradient descent, one pair per layer or one per unit.
//!
//! Backward, for an upstream gradient `g = dL/dy` at every element (sample `b`, unit `j`), with
//! `p` the index of the `(mu, rho)` pair the element uses (`j` per unit, 0 per layer):
//!
//! * `dL/dx = g dy/dx`,
//! * `dL/dmu_p = sum over the elements using p of g dy/dmu`,
//! * `dL/drho_p = sum of g dy/dsigma dsigma/drho`.
//!
//! In `f64` the partials come from one function, `scalar_forms::gelu_mu_sigma_parts` (chapter 5's
//! exact `GeluMuSigma`, about 1 ULP); in `f32` from the vectorised `Phi` and `phi` kernels of
//! chapter 4 and the same formulas in `f32` (a few ULP), which is what makes a deep `f32` network
//! of learnable GELUs as fast as one of plain GELUs. The forward pass computes them with the
//! value (they share `Phi(u)` and `phi(u)`) and keeps them for the backward pass, which therefore
//! evaluates nothing.

use super::scalar_forms::gelu_mu_sigma_parts;
use super::{Learnable, Real};

/// A learnable-`(mu, sigma)` GELU over `units` units. Starts at `mu = 0`, `sigma = 1` (GELU).
///
/// ```
/// use chapter5::network::{Learnable, LearnableGelu};
/// let mut layer = LearnableGelu::<f64>::new(3, Learnable { per_unit: true, ..Default::default() });
/// let mut y = Vec::new();
/// layer.forward(&[-1.0, 0.0, 1.0], 1, &mut y);
/// assert!((y[0] - numerics::gelu(-1.0)).abs() < 1e-16);
/// assert_eq!((layer.mu(), layer.sigma()), (vec![0.0; 3], vec![1.0; 3]));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LearnableGelu<T> {
    units: usize,
    options: Learnable,
    mu: Vec<T>,
    rho: Vec<T>,
    mu_gradient: Vec<T>,
    rho_gradient: Vec<T>,
    /// `(dy/dx, dy/dmu, dy/dsigma)` of every element of the last forward pass.
    partials: Vec<[f64; 3]>,
}

impl<T: Real> LearnableGelu<T> {
    /// A layer over `units` units with `mu = 0`, `sigma = 1`; one `(mu, rho)` pair, or `units`
    /// pairs with `options.per_unit`. Every input is valid (0 units gives a layer that maps
    /// empty rows to empty rows).
    ///
    /// ```
    /// use chapter5::network::{Learnable, LearnableGelu, SigmaParametrisation};
    /// let options = Learnable { per_unit: false, sigma: SigmaParametrisation::Softplus };
    /// let layer = LearnableGelu::<f32>::new(8, options);
    /// assert_eq!(layer.sigma().len(), 1);
    /// assert!((layer.sigma()[0] - 1.0).abs() < 1e-7); // rho = ln(e - 1), rounded to f32
    /// ```
    pub fn new(units: usize, options: Learnable) -> Self {
        let pairs = if options.per_unit { units } else { 1 };
        let rho = T::from_f64(options.sigma.rho_for(1.0));
        Self {
            units,
            options,
            mu: vec![T::zero(); pairs],
            rho: vec![rho; pairs],
            mu_gradient: vec![T::zero(); pairs],
            rho_gradient: vec![T::zero(); pairs],
            partials: Vec::new(),
        }
    }

    /// The number of units the layer reads per sample.
    ///
    /// ```
    /// assert_eq!(chapter5::network::LearnableGelu::<f64>::new(5, Default::default()).units(), 5);
    /// ```
    pub fn units(&self) -> usize {
        self.units
    }

    /// The current `mu` of every pair (one entry per layer, or one per unit).
    ///
    /// ```
    /// let layer = chapter5::network::LearnableGelu::<f64>::new(2, Default::default());
    /// assert_eq!(layer.mu(), [0.0]);
    /// ```
    pub fn mu(&self) -> Vec<f64> {
        self.mu.iter().map(|m| m.to_f64()).collect()
    }

    /// The current `sigma = sigma(rho)` of every pair, always `> 0` for a finite `rho`.
    ///
    /// ```
    /// let layer = chapter5::network::LearnableGelu::<f64>::new(2, Default::default());
    /// assert_eq!(layer.sigma(), [1.0]);
    /// ```
    pub fn sigma(&self) -> Vec<f64> {
        self.rho.iter().map(|r| self.options.sigma.sigma(r.to_f64())).collect()
    }

    /// `y = x Phi((x - mu) / sigma)` element by element over a `batch x units` matrix `x`;
    /// `y` is resized to match, and the partial derivatives are kept for
    /// [`LearnableGelu::backward`]. NaN gives NaN.
    ///
    /// ```
    /// let mut layer = chapter5::network::LearnableGelu::<f64>::new(1, Default::default());
    /// let mut y = Vec::new();
    /// layer.forward(&[2.0, f64::NAN], 2, &mut y);
    /// assert!((y[0] - numerics::gelu(2.0)).abs() < 1e-15 && y[1].is_nan());
    /// ```
    pub fn forward(&mut self, x: &[T], batch: usize, y: &mut Vec<T>) {
        y.clear();
        self.partials.clear();
        let sigmas = self.sigma();
        if T::VECTOR_KERNELS {
            return self.forward_with_kernels(x, batch, &sigmas, y);
        }
        for row in x.chunks_exact(self.units.max(1)).take(batch) {
            for (j, &value) in row.iter().enumerate() {
                let p = self.pair(j);
                let (out, d_x, d_mu, d_sigma) =
                    gelu_mu_sigma_parts(value.to_f64(), self.mu[p].to_f64(), sigmas[p]);
                y.push(T::from_f64(out));
                self.partials.push([d_x, d_mu, d_sigma]);
            }
        }
    }

    /// [`LearnableGelu::forward`] for a float type with vectorised kernels (`f32`): with
    /// `u = (x - mu) / sigma` and `t = x phi(u) / sigma`, `y = x Phi(u)`, `dy/dx = Phi(u) + t`,
    /// `dy/dmu = -t`, `dy/dsigma = -t u`, with `Phi` and `phi` of the whole batch from
    /// [`Real::normal_cdf`] and [`Real::normal_pdf`]. A `sigma` that is not positive and finite
    /// gives NaN, as the exact path does.
    fn forward_with_kernels(&mut self, x: &[T], batch: usize, sigmas: &[f64], y: &mut Vec<T>) {
        let units = self.units.max(1);
        let n = (x.len() / units).min(batch) * units;
        let mut u = Vec::with_capacity(n);
        for row in x[..n].chunks_exact(units) {
            for (j, &value) in row.iter().enumerate() {
                let p = self.pair(j);
                u.push((value - self.mu[p]) / T::from_f64(sigmas[p]));
            }
        }
        let mut cdf = vec![T::zero(); n];
        let mut pdf = vec![T::zero(); n];
        T::normal_cdf(&u, &mut cdf);
        T::normal_pdf(&u, &mut pdf);
        for (i, &value) in x[..n].iter().enumerate() {
            let p = self.pair(i % units);
            let sigma = sigmas[p];
            if !(sigma.is_finite() && sigma > 0.0) {
                y.push(T::from_f64(f64::NAN));
                self.partials.push([f64::NAN; 3]);
                continue;
            }
            let t = value * pdf[i] / T::from_f64(sigma);
            y.push(value * cdf[i]);
            self.partials.push([(cdf[i] + t).to_f64(), (-t).to_f64(), (-(t * u[i])).to_f64()]);
        }
    }

    /// Backward: from `g = dL/dy` (`batch x units`) and the partials kept by the last
    /// [`LearnableGelu::forward`], stores the gradients of `mu` and `rho` (overwriting the
    /// previous ones) and writes `dL/dx` into `dx` (resized to match). Elements beyond the last
    /// forward pass's are ignored.
    ///
    /// ```
    /// let mut layer = chapter5::network::LearnableGelu::<f64>::new(1, Default::default());
    /// let (mut y, mut dx) = (Vec::new(), Vec::new());
    /// layer.forward(&[0.0], 1, &mut y);
    /// layer.backward(&[1.0], &mut dx);
    /// assert_eq!(dx, [0.5]); // GELU'(0)
    /// assert_eq!(layer.gradients(), (&[0.0][..], &[0.0][..])); // x = 0: y = 0 whatever mu, sigma
    /// ```
    pub fn backward(&mut self, g: &[T], dx: &mut Vec<T>) {
        dx.clear();
        let mut mu_sums = vec![0.0f64; self.mu.len()];
        let mut sigma_sums = vec![0.0f64; self.mu.len()];
        let units = self.units.max(1);
        for (g_row, partials_row) in g.chunks_exact(units).zip(self.partials.chunks_exact(units)) {
            for (j, (&upstream, &[d_x, d_mu, d_sigma])) in g_row.iter().zip(partials_row).enumerate() {
                let p = self.pair(j);
                let upstream = upstream.to_f64();
                dx.push(T::from_f64(upstream * d_x));
                mu_sums[p] += upstream * d_mu;
                sigma_sums[p] += upstream * d_sigma;
            }
        }
        for p in 0..self.mu.len() {
            let sigma_slope = self.options.sigma.sigma_slope(self.rho[p].to_f64());
            self.mu_gradient[p] = T::from_f64(mu_sums[p]);
            self.rho_gradient[p] = T::from_f64(sigma_sums[p] * sigma_slope);
        }
    }

    /// The last backward pass's gradients, `(dL/dmu, dL/drho)`.
    ///
    /// ```
    /// let layer = chapter5::network::LearnableGelu::<f32>::new(4, Default::default());
    /// assert_eq!(layer.gradients().0, [0.0]);
    /// ```
    pub fn gradients(&self) -> (&[T], &[T]) {
        (&self.mu_gradient, &self.rho_gradient)
    }

    /// The parameters with their gradients: `[(mu, dL/dmu), (rho, dL/drho)]`.
    pub(crate) fn parameters(&mut self) -> [(&mut [T], &[T]); 2] {
        [(&mut self.mu[..], &self.mu_gradient[..]), (&mut self.rho[..], &self.rho_gradient[..])]
    }

    /// The `(mu, rho)` pair unit `j` uses.
    fn pair(&self, j: usize) -> usize {
        if self.options.per_unit { j } else { 0 }
    }
}
