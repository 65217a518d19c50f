//! The two optimisers: plain stochastic gradient descent and Adam.
//!
//! * SGD: `w <- w - rate g`.
//! * Adam (Kingma and Ba, 2015), step `t = 1, 2, ...`: `m <- b1 m + (1 - b1) g`,
//!   `v <- b2 v + (1 - b2) g^2`, and `w <- w - rate m_hat / (sqrt(v_hat) + eps)` with the bias
//!   corrections `m_hat = m / (1 - b1^t)`, `v_hat = v / (1 - b2^t)`. Here `b1 = 0.9`,
//!   `b2 = 0.999`, `eps = 1e-8`, PyTorch's defaults.

use super::{NetworkError, Real};

/// Adam's decay of the first moment.
const BETA1: f64 = 0.9;
/// Adam's decay of the second moment.
const BETA2: f64 = 0.999;
/// Adam's guard against dividing by 0.
const EPSILON: f64 = 1e-8;

/// Which optimiser, with a validated learning rate.
///
/// ```
/// use chapter5::network::{NetworkError, Optimizer};
/// assert_eq!(Optimizer::sgd(0.1)?.learning_rate(), 0.1);
/// assert_eq!(Optimizer::adam(0.0), Err(NetworkError::LearningRateOutOfRange { rate: 0.0 }));
/// # Ok::<(), NetworkError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Optimizer {
    rate: f64,
    adam: bool,
}

impl Optimizer {
    /// Plain SGD with learning rate `rate`. Errors: `rate <= 0`, NaN or infinite gives
    /// [`NetworkError::LearningRateOutOfRange`] naming it.
    ///
    /// ```
    /// use chapter5::network::{NetworkError, Optimizer};
    /// assert_eq!(Optimizer::sgd(-1.0), Err(NetworkError::LearningRateOutOfRange { rate: -1.0 }));
    /// ```
    pub fn sgd(rate: f64) -> Result<Self, NetworkError> {
        Self::checked(rate, false)
    }

    /// Adam with learning rate `rate` (`b1 = 0.9`, `b2 = 0.999`, `eps = 1e-8`). Errors as for
    /// [`Optimizer::sgd`].
    ///
    /// ```
    /// use chapter5::network::Optimizer;
    /// assert!(Optimizer::adam(1e-3)?.is_adam());
    /// assert!(Optimizer::adam(f64::INFINITY).is_err());
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn adam(rate: f64) -> Result<Self, NetworkError> {
        Self::checked(rate, true)
    }

    fn checked(rate: f64, adam: bool) -> Result<Self, NetworkError> {
        if rate.is_finite() && rate > 0.0 {
            Ok(Self { rate, adam })
        } else {
            Err(NetworkError::LearningRateOutOfRange { rate })
        }
    }

    /// The learning rate, finite and `> 0`.
    ///
    /// ```
    /// assert_eq!(chapter5::network::Optimizer::adam(0.01)?.learning_rate(), 0.01);
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn learning_rate(self) -> f64 {
        self.rate
    }

    /// `true` for Adam, `false` for SGD.
    ///
    /// ```
    /// assert!(!chapter5::network::Optimizer::sgd(0.01)?.is_adam());
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn is_adam(self) -> bool {
        self.adam
    }
}

/// An optimiser's running state: Adam's moments `m` and `v` per parameter tensor and the step
/// count `t` (SGD keeps none).
///
/// ```
/// use chapter5::network::{Optimizer, OptimizerState};
/// let mut state = OptimizerState::<f64>::new(Optimizer::sgd(0.5)?);
/// let (mut w, g) = ([1.0, 2.0], [1.0, -1.0]);
/// state.step(vec![(&mut w[..], &g[..])]);
/// assert_eq!(w, [0.5, 2.5]);
/// // Adam's first step moves every weight by the learning rate, whatever the gradient's size.
/// let mut adam = OptimizerState::<f64>::new(Optimizer::adam(0.1)?);
/// let (mut w, g) = ([0.0, 0.0], [1e-3, -50.0]);
/// adam.step(vec![(&mut w[..], &g[..])]);
/// assert!((w[0] + 0.1).abs() < 1e-6 && (w[1] - 0.1).abs() < 1e-9);
/// # Ok::<(), chapter5::network::NetworkError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct OptimizerState<T> {
    optimizer: Optimizer,
    step: i32,
    first_moments: Vec<Vec<T>>,
    second_moments: Vec<Vec<T>>,
}

impl<T: Real> OptimizerState<T> {
    /// A fresh state (`t = 0`, moments 0, allocated at the first step).
    ///
    /// ```
    /// let state = chapter5::network::OptimizerState::<f32>::new(chapter5::network::Optimizer::adam(1e-3)?);
    /// assert_eq!(state.steps(), 0);
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn new(optimizer: Optimizer) -> Self {
        Self { optimizer, step: 0, first_moments: Vec::new(), second_moments: Vec::new() }
    }

    /// How many steps were taken.
    ///
    /// ```
    /// use chapter5::network::{Optimizer, OptimizerState};
    /// let mut state = OptimizerState::<f32>::new(Optimizer::adam(1e-3)?);
    /// state.step(vec![(&mut [1.0f32][..], &[1.0f32][..])]);
    /// assert_eq!(state.steps(), 1);
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn steps(&self) -> i32 {
        self.step
    }

    /// One update of every `(parameters, gradient)` pair, in the same order at every step (the
    /// `k`-th pair owns the `k`-th moments). Pairs of unequal length are updated up to the
    /// shorter one.
    ///
    /// ```
    /// use chapter5::network::{Optimizer, OptimizerState};
    /// let mut state = OptimizerState::<f32>::new(Optimizer::sgd(1.0)?);
    /// let mut w = [3.0f32];
    /// state.step(vec![(&mut w[..], &[3.0f32][..])]);
    /// assert_eq!(w, [0.0]);
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn step(&mut self, parameters: Vec<(&mut [T], &[T])>) {
        self.step = self.step.saturating_add(1);
        let rate = self.optimizer.rate;
        if !self.optimizer.adam {
            let rate = T::from_f64(rate);
            for (values, gradient) in parameters {
                for (w, &g) in values.iter_mut().zip(gradient) {
                    *w -= rate * g;
                }
            }
            return;
        }
        if self.first_moments.len() != parameters.len() {
            self.first_moments = parameters.iter().map(|(w, _)| vec![T::zero(); w.len()]).collect();
            self.second_moments = self.first_moments.clone();
        }
        // The bias corrections folded into one step size and one epsilon:
        // rate m_hat / (sqrt(v_hat) + eps) = step_size m / (sqrt(v) + eps sqrt(1 - b2^t)).
        let correction1 = 1.0 - BETA1.powi(self.step);
        let correction2 = 1.0 - BETA2.powi(self.step);
        let step_size = T::from_f64(rate * correction2.sqrt() / correction1);
        let epsilon = T::from_f64(EPSILON * correction2.sqrt());
        let (b1, b2) = (T::from_f64(BETA1), T::from_f64(BETA2));
        let (one_minus_b1, one_minus_b2) = (T::from_f64(1.0 - BETA1), T::from_f64(1.0 - BETA2));
        for (((values, gradient), m), v) in
            parameters.into_iter().zip(&mut self.first_moments).zip(&mut self.second_moments)
        {
            for (((w, &g), m), v) in values.iter_mut().zip(gradient).zip(m).zip(v) {
                *m = b1 * *m + one_minus_b1 * g;
                *v = b2 * *v + one_minus_b2 * g * g;
                *w -= step_size * *m / (v.sqrt() + epsilon);
            }
        }
    }
}
