//! Chapter 1's inverted dropout as a layer: `y = x m / (1 - p)` with `m ~ Bernoulli(1 - p)` in
//! training, the identity in evaluation. Backward multiplies by the same mask:
//! `dL/dx = dL/dy m / (1 - p)`.
//!
//! The mask comes from `chapter1::inverted_dropout` itself, applied to a row of ones: its output
//! is exactly `m / (1 - p)`, so the formula keeps its one home.

use chapter1::{DropoutRate, Mode, inverted_dropout};
use rand::Rng;

use super::Real;

/// An inverted-dropout layer with a validated rate `p` (a bad `p` was rejected by
/// `DropoutRate::new`, with `chapter1::DropoutError::RateOutOfRange`).
///
/// ```
/// use chapter1::{DropoutRate, Mode};
/// use chapter5::network::DropoutLayer;
/// use rand::{SeedableRng, rngs::Xoshiro256PlusPlus};
/// let mut rng = Xoshiro256PlusPlus::seed_from_u64(3);
/// let mut layer = DropoutLayer::<f32>::new(DropoutRate::new(0.5)?);
/// let mut y = Vec::new();
/// layer.forward(&[1.0; 64], Mode::Train, &mut rng, &mut y);
/// assert!(y.iter().all(|&v| v == 0.0 || v == 2.0) && y.contains(&0.0));
/// layer.forward(&[1.0; 4], Mode::Eval, &mut rng, &mut y);
/// assert_eq!(y, [1.0; 4]);
/// # Ok::<(), chapter1::DropoutError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct DropoutLayer<T> {
    rate: DropoutRate,
    /// `m / (1 - p)` of the last training forward pass, or empty after an evaluation pass.
    scaled_mask: Vec<T>,
}

impl<T: Real> DropoutLayer<T> {
    /// A layer dropping units with probability `rate.p()`.
    ///
    /// ```
    /// let layer = chapter5::network::DropoutLayer::<f64>::new(chapter1::DropoutRate::new(0.1)?);
    /// assert_eq!(layer.rate().p(), 0.1);
    /// # Ok::<(), chapter1::DropoutError>(())
    /// ```
    pub fn new(rate: DropoutRate) -> Self {
        Self { rate, scaled_mask: Vec::new() }
    }

    /// The dropout rate `p`.
    ///
    /// ```
    /// let layer = chapter5::network::DropoutLayer::<f32>::new(chapter1::DropoutRate::new(0.25)?);
    /// assert_eq!(layer.rate().keep_probability(), 0.75);
    /// # Ok::<(), chapter1::DropoutError>(())
    /// ```
    pub fn rate(&self) -> DropoutRate {
        self.rate
    }

    /// `y = x m / (1 - p)` with a fresh mask from `rng` in [`Mode::Train`]; `y = x` (nothing
    /// drawn) in [`Mode::Eval`]. `y` is resized to `x.len()`.
    ///
    /// ```
    /// use chapter1::{DropoutRate, Mode};
    /// use rand::SeedableRng;
    /// let mut rng = rand::rngs::Xoshiro256PlusPlus::seed_from_u64(0);
    /// let mut layer = chapter5::network::DropoutLayer::<f64>::new(DropoutRate::new(0.0)?);
    /// let mut y = Vec::new();
    /// layer.forward(&[3.0, -1.0], Mode::Train, &mut rng, &mut y);
    /// assert_eq!(y, [3.0, -1.0]); // p = 0 keeps everything
    /// # Ok::<(), chapter1::DropoutError>(())
    /// ```
    pub fn forward<R: Rng + ?Sized>(&mut self, x: &[T], mode: Mode, rng: &mut R, y: &mut Vec<T>) {
        y.clear();
        match mode {
            Mode::Eval => {
                self.scaled_mask.clear();
                y.extend_from_slice(x);
            }
            Mode::Train => {
                let mask = inverted_dropout(&vec![1.0; x.len()], self.rate, rng);
                self.scaled_mask = mask.into_iter().map(T::from_f64).collect();
                y.extend(x.iter().zip(&self.scaled_mask).map(|(&v, &m)| v * m));
            }
        }
    }

    /// `dL/dx = dL/dy m / (1 - p)` with the last forward pass's mask (the identity after an
    /// evaluation pass). `dx` is resized to `g.len()`.
    ///
    /// ```
    /// use chapter1::{DropoutRate, Mode};
    /// use rand::SeedableRng;
    /// let mut rng = rand::rngs::Xoshiro256PlusPlus::seed_from_u64(5);
    /// let mut layer = chapter5::network::DropoutLayer::<f64>::new(DropoutRate::new(0.5)?);
    /// let (mut y, mut dx) = (Vec::new(), Vec::new());
    /// layer.forward(&[1.0; 16], Mode::Train, &mut rng, &mut y);
    /// layer.backward(&[1.0; 16], &mut dx);
    /// assert_eq!(dx, y); // the same mask, both ways
    /// # Ok::<(), chapter1::DropoutError>(())
    /// ```
    pub fn backward(&self, g: &[T], dx: &mut Vec<T>) {
        dx.clear();
        if self.scaled_mask.is_empty() {
            dx.extend_from_slice(g);
        } else {
            dx.extend(g.iter().zip(&self.scaled_mask).map(|(&v, &m)| v * m));
        }
    }
}
