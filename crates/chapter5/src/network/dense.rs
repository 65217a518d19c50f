//! A dense (fully connected) layer on a batch: `Z = X W + b`.
//!
//! Shapes, row-major: the batch `X` is `batch x inputs` (one sample per row), `W` is
//! `inputs x units`, `b` has `units` entries, and `Z` is `batch x units`. Backward, given
//! `G = dL/dZ`:
//!
//! * `dL/dW = X^T G` (`inputs x units`),
//! * `dL/db = the column sums of G`,
//! * `dL/dX = G W^T` (`batch x inputs`), passed on to the layer below.
//!
//! Each of the three products is one call of [`Real::gemm`].

use rand::{Rng, RngExt};

use super::{NetworkError, Real};

/// How a dense layer's weights are drawn (biases start at 0).
///
/// * He normal (He et al., 2015): `w ~ N(0, 2 / inputs)`, drawn by chapter 2's
///   `chapter2::DenseLayer::he_normal`; it keeps the variance of ReLU-like activations (ReLU,
///   ELU, the GELUs, SiLU) steady from layer to layer.
/// * Glorot uniform (Glorot and Bengio, 2010): `w ~ U(-l, l)`, `l = sqrt(6 / (inputs + units))`,
///   for activations that are linear around 0 on both sides.
///
/// Every value is valid.
///
/// ```
/// use chapter5::network::{Dense, Init};
/// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
/// let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
/// let layer = Dense::<f64>::new(300, 100, Init::Glorot, &mut rng)?;
/// let limit = (6.0f64 / 400.0).sqrt();
/// assert!(layer.weights().iter().all(|w| w.abs() <= limit));
/// # Ok::<(), chapter5::network::NetworkError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Init {
    /// `N(0, 2 / inputs)`.
    He,
    /// `U(-l, l)`, `l = sqrt(6 / (inputs + units))`.
    Glorot,
}

/// A dense layer `Z = X W + b` with its gradients (see the module docs for the shapes).
///
/// ```
/// use chapter5::network::{Dense, Init};
/// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
/// let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
/// let mut layer = Dense::<f32>::new(3, 2, Init::He, &mut rng)?;
/// let mut z = Vec::new();
/// layer.forward(&[0.0; 6], 2, &mut z); // two samples of 3 zeros
/// assert_eq!(z, [0.0; 4]); // zero input, zero biases
/// assert_eq!((layer.inputs(), layer.units()), (3, 2));
/// # Ok::<(), chapter5::network::NetworkError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Dense<T> {
    inputs: usize,
    units: usize,
    weights: Vec<T>,
    biases: Vec<T>,
    weight_gradient: Vec<T>,
    bias_gradient: Vec<T>,
}

impl<T: Real> Dense<T> {
    /// A layer with `inputs` inputs and `units` outputs, weights drawn by `init` from `rng`,
    /// biases 0, gradients 0.
    ///
    /// Errors: `inputs = 0` or `units = 0` gives [`NetworkError::TooFewSamples`]
    /// `{ found: 0, needed: 1 }`.
    ///
    /// ```
    /// use chapter5::network::{Dense, Init, NetworkError};
    /// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
    /// let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
    /// let error = Dense::<f64>::new(0, 4, Init::He, &mut rng).unwrap_err();
    /// assert_eq!(error, NetworkError::TooFewSamples { found: 0, needed: 1 });
    /// ```
    pub fn new<R: Rng + ?Sized>(
        inputs: usize,
        units: usize,
        init: Init,
        rng: &mut R,
    ) -> Result<Self, NetworkError> {
        if inputs == 0 || units == 0 {
            return Err(NetworkError::TooFewSamples { found: 0, needed: 1 });
        }
        let mut weights = vec![T::default(); inputs * units];
        match init {
            Init::He => {
                let layer = chapter2::DenseLayer::he_normal(inputs, units, 0.0, rng)
                    .map_err(|_| NetworkError::TooFewSamples { found: 0, needed: 1 })?;
                // chapter 2 stores one row per unit; here a row per input.
                for (j, row) in layer.weights().iter().enumerate() {
                    for (i, &w) in row.iter().enumerate() {
                        weights[i * units + j] = T::from_f64(w);
                    }
                }
            }
            Init::Glorot => {
                let limit = (6.0 / (inputs + units) as f64).sqrt();
                for w in &mut weights {
                    *w = T::from_f64(rng.random_range(-limit..limit));
                }
            }
        }
        Ok(Self {
            inputs,
            units,
            weight_gradient: vec![T::default(); inputs * units],
            bias_gradient: vec![T::default(); units],
            biases: vec![T::default(); units],
            weights,
        })
    }

    /// Number of inputs per sample.
    ///
    /// ```
    /// # use rand::SeedableRng;
    /// # let mut rng = rand::rngs::Xoshiro256PlusPlus::seed_from_u64(0);
    /// let layer = chapter5::network::Dense::<f32>::new(5, 2, chapter5::network::Init::He, &mut rng)?;
    /// assert_eq!(layer.inputs(), 5);
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn inputs(&self) -> usize {
        self.inputs
    }

    /// Number of outputs per sample.
    ///
    /// ```
    /// # use rand::SeedableRng;
    /// # let mut rng = rand::rngs::Xoshiro256PlusPlus::seed_from_u64(0);
    /// let layer = chapter5::network::Dense::<f32>::new(5, 2, chapter5::network::Init::He, &mut rng)?;
    /// assert_eq!(layer.units(), 2);
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn units(&self) -> usize {
        self.units
    }

    /// The weights, `inputs x units` row-major: `weights()[i * units + j]` connects input `i`
    /// to unit `j`.
    ///
    /// ```
    /// # use rand::SeedableRng;
    /// # let mut rng = rand::rngs::Xoshiro256PlusPlus::seed_from_u64(0);
    /// let layer = chapter5::network::Dense::<f64>::new(4, 3, chapter5::network::Init::He, &mut rng)?;
    /// assert_eq!(layer.weights().len(), 12);
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn weights(&self) -> &[T] {
        &self.weights
    }

    /// `Z = X W + b` for a batch of `batch` rows stored in `x` (`batch x inputs`); `z` is
    /// resized to `batch x units`. The network checks the shapes before calling.
    ///
    /// ```
    /// use chapter5::network::{Dense, Init};
    /// # use rand::SeedableRng;
    /// # let mut rng = rand::rngs::Xoshiro256PlusPlus::seed_from_u64(0);
    /// let mut layer = Dense::<f64>::new(2, 1, Init::He, &mut rng)?;
    /// let w = layer.weights().to_vec();
    /// let mut z = Vec::new();
    /// layer.forward(&[1.0, 2.0], 1, &mut z);
    /// assert!((z[0] - (w[0] + 2.0 * w[1])).abs() < 1e-15);
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn forward(&self, x: &[T], batch: usize, z: &mut Vec<T>) {
        z.clear();
        for _ in 0..batch {
            z.extend_from_slice(&self.biases);
        }
        T::gemm(batch, self.inputs, self.units, x, false, &self.weights, false, T::one(), z);
    }

    /// Backward: from `g = dL/dZ` (`batch x units`) and the forward input `x`, stores
    /// `dL/dW = X^T G` and `dL/db` (overwriting the previous gradients) and, when `dx` is given,
    /// writes `dL/dX = G W^T` into it (resized to `batch x inputs`).
    ///
    /// ```
    /// use chapter5::network::{Dense, Init};
    /// # use rand::SeedableRng;
    /// # let mut rng = rand::rngs::Xoshiro256PlusPlus::seed_from_u64(0);
    /// let mut layer = Dense::<f64>::new(2, 1, Init::He, &mut rng)?;
    /// let mut dx = Vec::new();
    /// layer.backward(&[1.0, 2.0], &[1.0], 1, Some(&mut dx));
    /// assert_eq!(layer.gradients().0, [1.0, 2.0]); // dL/dW = x when dL/dz = 1
    /// assert_eq!(dx, layer.weights()); // dL/dx = W^T
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn backward(&mut self, x: &[T], g: &[T], batch: usize, dx: Option<&mut Vec<T>>) {
        let (inputs, units) = (self.inputs, self.units);
        T::gemm(inputs, batch, units, x, true, g, false, T::zero(), &mut self.weight_gradient);
        self.bias_gradient.fill(T::zero());
        for row in g.chunks_exact(units) {
            for (sum, &value) in self.bias_gradient.iter_mut().zip(row) {
                *sum += value;
            }
        }
        if let Some(dx) = dx {
            dx.resize(batch * inputs, T::zero());
            T::gemm(batch, units, inputs, g, false, &self.weights, true, T::zero(), dx);
        }
    }

    /// The last backward pass's gradients, `(dL/dW, dL/db)`.
    ///
    /// ```
    /// # use rand::SeedableRng;
    /// # let mut rng = rand::rngs::Xoshiro256PlusPlus::seed_from_u64(0);
    /// let layer = chapter5::network::Dense::<f64>::new(2, 3, chapter5::network::Init::He, &mut rng)?;
    /// assert_eq!(layer.gradients().1, [0.0; 3]); // nothing computed yet
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn gradients(&self) -> (&[T], &[T]) {
        (&self.weight_gradient, &self.bias_gradient)
    }

    /// The parameters with their gradients, for an optimiser: `[(W, dL/dW), (b, dL/db)]`.
    pub(crate) fn parameters(&mut self) -> [(&mut [T], &[T]); 2] {
        [(&mut self.weights[..], &self.weight_gradient[..]), (&mut self.biases[..], &self.bias_gradient[..])]
    }
}
