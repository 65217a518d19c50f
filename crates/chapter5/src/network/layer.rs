//! One step of a network: a dense layer, an activation, or dropout, each with a forward and a
//! backward pass on a whole batch.

use chapter1::DropoutRate;
use rand::Rng;

use super::{Activation, Dense, DropoutLayer, Init, LearnableGelu, NetworkError, Real, SoiLayer};

/// A layer of a [`Network`](super::Network).
///
/// ```
/// use chapter5::network::{Activation, Init, Layer};
/// use rand::SeedableRng;
/// let mut rng = rand::rngs::Xoshiro256PlusPlus::seed_from_u64(0);
/// let layers: Vec<Layer<f64>> = vec![
///     Layer::dense(2, 8, Init::He, &mut rng)?,
///     Layer::activation(Activation::Gelu, 8),
///     Layer::dropout(chapter1::DropoutRate::new(0.1).unwrap()),
///     Layer::dense(8, 3, Init::Glorot, &mut rng)?,
/// ];
/// assert_eq!(layers[1].output_width(8)?, 8);
/// assert!(layers[3].output_width(7).is_err()); // it reads 8 inputs
/// # Ok::<(), chapter5::network::NetworkError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Layer<T> {
    /// `Z = X W + b`.
    Dense(Dense<T>),
    /// `A = f(Z)` element by element, for an activation without parameters.
    Activation(Activation),
    /// `A = Z Phi((Z - mu) / sigma)` with learnable `mu`, `sigma`.
    Learnable(LearnableGelu<T>),
    /// Inverted dropout while training, the identity in evaluation.
    Dropout(DropoutLayer<T>),
    /// The SOI map: `x Bernoulli(Phi(x))` while training, `GELU(x)` in evaluation.
    Soi(SoiLayer<T>),
}

impl<T: Real> Layer<T> {
    /// A dense layer (see [`Dense::new`], whose errors it returns).
    ///
    /// ```
    /// use rand::SeedableRng;
    /// let mut rng = rand::rngs::Xoshiro256PlusPlus::seed_from_u64(0);
    /// let layer = chapter5::network::Layer::<f32>::dense(4, 2, chapter5::network::Init::He, &mut rng)?;
    /// assert_eq!(layer.output_width(4)?, 2);
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn dense<R: Rng + ?Sized>(
        inputs: usize,
        units: usize,
        init: Init,
        rng: &mut R,
    ) -> Result<Self, NetworkError> {
        Dense::new(inputs, units, init, rng).map(Layer::Dense)
    }

    /// An activation over `units` units: a [`LearnableGelu`] for
    /// [`Activation::LearnableGelu`] (which needs `units` for its per-unit parameters), a plain
    /// element-wise layer otherwise. Every input is valid.
    ///
    /// ```
    /// use chapter5::network::{Activation, Layer};
    /// let learnable = Layer::<f64>::activation(Activation::LearnableGelu(Default::default()), 4);
    /// assert!(matches!(learnable, Layer::Learnable(_)));
    /// assert_eq!(Layer::<f64>::activation(Activation::Relu, 4), Layer::Activation(Activation::Relu));
    /// ```
    pub fn activation(activation: Activation, units: usize) -> Self {
        match activation {
            Activation::LearnableGelu(options) => Layer::Learnable(LearnableGelu::new(units, options)),
            Activation::Soi => Layer::Soi(SoiLayer::new()),
            fixed => Layer::Activation(fixed),
        }
    }

    /// Inverted dropout at rate `rate.p()`.
    ///
    /// ```
    /// let layer = chapter5::network::Layer::<f32>::dropout(chapter1::DropoutRate::new(0.5)?);
    /// assert_eq!(layer.output_width(10), Ok(10));
    /// # Ok::<(), chapter1::DropoutError>(())
    /// ```
    pub fn dropout(rate: DropoutRate) -> Self {
        Layer::Dropout(DropoutLayer::new(rate))
    }

    /// The number of outputs per sample given `width` inputs per sample. Errors: a dense layer
    /// reading another width, or a learnable layer with per-unit parameters for another width,
    /// gives [`NetworkError::InputLength`].
    ///
    /// ```
    /// use chapter5::network::{Activation, Layer, Learnable, NetworkError};
    /// let per_unit = Activation::LearnableGelu(Learnable { per_unit: true, ..Default::default() });
    /// let layer = Layer::<f64>::activation(per_unit, 3);
    /// assert_eq!(layer.output_width(4), Err(NetworkError::InputLength { expected: 3, found: 4 }));
    /// ```
    pub fn output_width(&self, width: usize) -> Result<usize, NetworkError> {
        let expected = match self {
            Layer::Dense(dense) => {
                if dense.inputs() != width {
                    return Err(NetworkError::InputLength { expected: dense.inputs(), found: width });
                }
                return Ok(dense.units());
            }
            Layer::Learnable(layer) => layer.units(),
            Layer::Activation(_) | Layer::Dropout(_) | Layer::Soi(_) => width,
        };
        if expected == width { Ok(width) } else { Err(NetworkError::InputLength { expected, found: width }) }
    }

    /// The forward pass on `batch` rows of `input`, writing `output`.
    pub(crate) fn forward<R: Rng + ?Sized>(
        &mut self,
        input: &[T],
        batch: usize,
        mode: chapter1::Mode,
        rng: &mut R,
        output: &mut Vec<T>,
    ) {
        match self {
            Layer::Dense(dense) => dense.forward(input, batch, output),
            Layer::Activation(activation) => {
                output.resize(input.len(), T::zero());
                T::activate(*activation, input, output);
            }
            Layer::Learnable(layer) => layer.forward(input, batch, output),
            Layer::Dropout(layer) => layer.forward(input, mode, rng, output),
            Layer::Soi(layer) => layer.forward(input, mode, rng, output),
        }
    }

    /// The backward pass: from `g = dL/d output` and the forward pass's `input` and `output`,
    /// stores the layer's parameter gradients and writes `dL/d input` into `dx` (skipped for a
    /// dense layer when `dx` is `None`, i.e. for the first layer). `scratch` holds slopes.
    pub(crate) fn backward(
        &mut self,
        input: &[T],
        output: &[T],
        g: &[T],
        batch: usize,
        dx: Option<&mut Vec<T>>,
        scratch: &mut Vec<T>,
    ) {
        match self {
            Layer::Dense(dense) => dense.backward(input, g, batch, dx),
            Layer::Activation(activation) => {
                if let Some(dx) = dx {
                    scratch.resize(input.len(), T::zero());
                    T::activation_slope(*activation, input, output, scratch);
                    dx.clear();
                    dx.extend(g.iter().zip(scratch.iter()).map(|(&g, &s)| g * s));
                }
            }
            Layer::Learnable(layer) => {
                let mut unused = Vec::new();
                layer.backward(g, dx.unwrap_or(&mut unused));
            }
            Layer::Dropout(layer) => {
                if let Some(dx) = dx {
                    layer.backward(g, dx);
                }
            }
            Layer::Soi(layer) => {
                if let Some(dx) = dx {
                    layer.backward(input, output, g, dx, scratch);
                }
            }
        }
    }

    /// The layer's `(parameters, gradient)` pairs (none for activations and dropout).
    pub(crate) fn parameters(&mut self) -> Vec<(&mut [T], &[T])> {
        match self {
            Layer::Dense(dense) => dense.parameters().into(),
            Layer::Learnable(layer) => layer.parameters().into(),
            Layer::Activation(_) | Layer::Dropout(_) | Layer::Soi(_) => Vec::new(),
        }
    }
}
