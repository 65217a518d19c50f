//! The network: a stack of [`Layer`]s, a forward pass that keeps every intermediate batch, and a
//! backward pass that walks the stack in reverse.
//!
//! `values[0]` is the input batch and `values[i + 1]` is layer `i`'s output, so layer `i`'s
//! backward pass finds both its input and its output there, and nothing is recomputed.

use chapter1::Mode;
use rand::rngs::Xoshiro256PlusPlus;
use rand::{Rng, SeedableRng};

use super::{Activation, Dataset, Init, Layer, NetworkError, Real, softmax_cross_entropy};

/// A multilayer perceptron that outputs class logits, with its gradients.
///
/// ```
/// use chapter5::network::{Activation, Network};
/// let mut net = Network::<f64>::mlp(2, &[8, 8], 3, Activation::Gelu, 42)?;
/// assert_eq!((net.inputs(), net.outputs()), (2, 3));
/// assert_eq!(net.layers().len(), 5); // dense, GELU, dense, GELU, dense
/// let logits = net.predict_logits(&[0.5, -1.0])?;
/// assert_eq!(logits.len(), 3);
/// assert_eq!(net.parameter_count(), 2 * 8 + 8 + 8 * 8 + 8 + 8 * 3 + 3);
/// # Ok::<(), chapter5::network::NetworkError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Network<T> {
    inputs: usize,
    outputs: usize,
    layers: Vec<Layer<T>>,
    /// `values[0]`: the input batch; `values[i + 1]`: layer `i`'s output.
    values: Vec<Vec<T>>,
    /// `dL/d(output)` of the layer being walked back, and the buffer its `dL/d(input)` goes to.
    gradient: Vec<T>,
    next_gradient: Vec<T>,
    scratch: Vec<T>,
}

impl<T: Real> Network<T> {
    /// The standard classifier: for each width in `hidden`, a dense layer (He-normal weights)
    /// and `activation`; then a dense layer to `classes` logits (Glorot-uniform weights). The
    /// weights are drawn from `Xoshiro256PlusPlus::seed_from_u64(seed)`, so the same arguments
    /// give the same network, bit for bit.
    ///
    /// Errors: `inputs`, `classes` or a hidden width of 0 gives [`NetworkError::TooFewSamples`].
    ///
    /// ```
    /// use chapter5::network::{Activation, Network, NetworkError};
    /// let a = Network::<f32>::mlp(64, &[128; 8], 10, Activation::Relu, 1)?;
    /// assert_eq!(a, Network::<f32>::mlp(64, &[128; 8], 10, Activation::Relu, 1)?);
    /// assert_eq!(Network::<f32>::mlp(64, &[0], 10, Activation::Relu, 1).unwrap_err(),
    ///            NetworkError::TooFewSamples { found: 0, needed: 1 });
    /// # Ok::<(), NetworkError>(())
    /// ```
    pub fn mlp(
        inputs: usize,
        hidden: &[usize],
        classes: usize,
        activation: Activation,
        seed: u64,
    ) -> Result<Self, NetworkError> {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        let mut layers = Vec::new();
        let mut width = inputs;
        for &units in hidden {
            layers.push(Layer::dense(width, units, Init::He, &mut rng)?);
            layers.push(Layer::activation(activation, units));
            width = units;
        }
        layers.push(Layer::dense(width, classes, Init::Glorot, &mut rng)?);
        Self::new(inputs, layers)
    }

    /// A network from any stack of layers reading `inputs` numbers per sample.
    ///
    /// Errors: `inputs = 0` or no layers gives [`NetworkError::TooFewSamples`]; a layer that
    /// does not read the previous layer's width gives [`NetworkError::InputLength`].
    ///
    /// ```
    /// use chapter5::network::{Activation, Init, Layer, Network, NetworkError};
    /// use rand::SeedableRng;
    /// let mut rng = rand::rngs::Xoshiro256PlusPlus::seed_from_u64(0);
    /// let layers = vec![Layer::<f64>::dense(2, 4, Init::He, &mut rng)?, Layer::dense(5, 2, Init::He, &mut rng)?];
    /// assert_eq!(Network::new(2, layers).unwrap_err(), NetworkError::InputLength { expected: 5, found: 4 });
    /// # Ok::<(), NetworkError>(())
    /// ```
    pub fn new(inputs: usize, layers: Vec<Layer<T>>) -> Result<Self, NetworkError> {
        if inputs == 0 || layers.is_empty() {
            return Err(NetworkError::TooFewSamples { found: 0, needed: 1 });
        }
        let mut width = inputs;
        for layer in &layers {
            width = layer.output_width(width)?;
        }
        Ok(Self {
            inputs,
            outputs: width,
            values: vec![Vec::new(); layers.len() + 1],
            layers,
            gradient: Vec::new(),
            next_gradient: Vec::new(),
            scratch: Vec::new(),
        })
    }

    /// Inputs per sample.
    ///
    /// ```
    /// let net = chapter5::network::Network::<f32>::mlp(3, &[4], 2, chapter5::network::Activation::Relu, 0)?;
    /// assert_eq!(net.inputs(), 3);
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn inputs(&self) -> usize {
        self.inputs
    }

    /// Outputs (logits, one per class) per sample.
    ///
    /// ```
    /// let net = chapter5::network::Network::<f32>::mlp(3, &[4], 2, chapter5::network::Activation::Relu, 0)?;
    /// assert_eq!(net.outputs(), 2);
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn outputs(&self) -> usize {
        self.outputs
    }

    /// The layers, first to last (to read a learnable layer's `mu` and `sigma`, for example).
    ///
    /// ```
    /// use chapter5::network::{Activation, Layer, Network};
    /// let net = Network::<f64>::mlp(2, &[4], 2, Activation::LearnableGelu(Default::default()), 0)?;
    /// let Layer::Learnable(layer) = &net.layers()[1] else { unreachable!() };
    /// assert_eq!(layer.sigma(), [1.0]);
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn layers(&self) -> &[Layer<T>] {
        &self.layers
    }

    /// The number of learnable numbers (weights, biases, `mu`s and `rho`s).
    ///
    /// ```
    /// let mut net = chapter5::network::Network::<f32>::mlp(3, &[4], 2, chapter5::network::Activation::Relu, 0)?;
    /// assert_eq!(net.parameter_count(), 3 * 4 + 4 + 4 * 2 + 2);
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn parameter_count(&mut self) -> usize {
        self.parameters().iter().map(|(w, _)| w.len()).sum()
    }

    /// Every `(parameters, gradient)` pair, layer by layer, in a fixed order: what an optimiser
    /// steps and what the gradient check perturbs. The gradients are those of the last
    /// [`Network::backward`].
    ///
    /// ```
    /// let mut net = chapter5::network::Network::<f64>::mlp(2, &[3], 2, chapter5::network::Activation::Gelu, 0)?;
    /// assert_eq!(net.parameters().len(), 4); // W1, b1, W2, b2
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn parameters(&mut self) -> Vec<(&mut [T], &[T])> {
        self.layers.iter_mut().flat_map(Layer::parameters).collect()
    }

    /// The forward pass on a batch: `x` holds `batch` rows of [`inputs`](Self::inputs) numbers;
    /// returns the `batch x outputs` logits. In [`Mode::Train`] dropout layers draw their masks
    /// from `rng`; in [`Mode::Eval`] nothing is drawn.
    ///
    /// Errors: `x.len() != batch * inputs` gives [`NetworkError::InputLength`]; `batch = 0`
    /// gives [`NetworkError::BatchSizeOutOfRange`].
    ///
    /// ```
    /// use chapter1::Mode;
    /// use chapter5::network::{Activation, Network, NetworkError};
    /// use rand::SeedableRng;
    /// let mut rng = rand::rngs::Xoshiro256PlusPlus::seed_from_u64(0);
    /// let mut net = Network::<f32>::mlp(2, &[4], 3, Activation::GeluTanh, 0)?;
    /// assert_eq!(net.forward(&[0.0; 4], 2, Mode::Eval, &mut rng)?.len(), 6);
    /// assert_eq!(net.forward(&[0.0; 3], 2, Mode::Eval, &mut rng).unwrap_err(),
    ///            NetworkError::InputLength { expected: 4, found: 3 });
    /// # Ok::<(), NetworkError>(())
    /// ```
    pub fn forward<R: Rng + ?Sized>(
        &mut self,
        x: &[T],
        batch: usize,
        mode: Mode,
        rng: &mut R,
    ) -> Result<&[T], NetworkError> {
        if batch == 0 {
            return Err(NetworkError::BatchSizeOutOfRange { batch_size: 0 });
        }
        if x.len() != batch * self.inputs {
            return Err(NetworkError::InputLength { expected: batch * self.inputs, found: x.len() });
        }
        self.values[0].clear();
        self.values[0].extend_from_slice(x);
        for (i, layer) in self.layers.iter_mut().enumerate() {
            let (done, rest) = self.values.split_at_mut(i + 1);
            layer.forward(&done[i], batch, mode, rng, &mut rest[0]);
        }
        Ok(&self.values[self.layers.len()])
    }

    /// The backward pass after a [`Network::forward`] on `batch` rows: from
    /// `dL/d(logits)` (`batch x outputs`), every layer stores its parameter gradients (see
    /// [`Network::parameters`]).
    ///
    /// Errors: a `logits_gradient` of the wrong length gives [`NetworkError::InputLength`].
    ///
    /// ```
    /// use chapter1::Mode;
    /// use chapter5::network::{Activation, Network};
    /// use rand::SeedableRng;
    /// let mut rng = rand::rngs::Xoshiro256PlusPlus::seed_from_u64(0);
    /// let mut net = Network::<f64>::mlp(1, &[2], 1, Activation::Relu, 0)?;
    /// net.forward(&[1.0], 1, Mode::Train, &mut rng)?;
    /// net.backward(&[1.0], 1)?;
    /// let (_, last_bias_gradient) = &net.parameters()[3];
    /// assert_eq!(*last_bias_gradient, [1.0]); // dL/db = dL/dlogit
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn backward(&mut self, logits_gradient: &[T], batch: usize) -> Result<(), NetworkError> {
        if logits_gradient.len() != batch * self.outputs {
            return Err(NetworkError::InputLength {
                expected: batch * self.outputs,
                found: logits_gradient.len(),
            });
        }
        self.gradient.clear();
        self.gradient.extend_from_slice(logits_gradient);
        for i in (0..self.layers.len()).rev() {
            let dx = if i > 0 { Some(&mut self.next_gradient) } else { None };
            let (input, output) = (&self.values[i], &self.values[i + 1]);
            self.layers[i].backward(input, output, &self.gradient, batch, dx, &mut self.scratch);
            std::mem::swap(&mut self.gradient, &mut self.next_gradient);
        }
        Ok(())
    }

    /// Forward, softmax cross-entropy against `labels`, and backward, on one batch of
    /// `labels.len()` rows: returns the mean loss, and leaves the gradients in
    /// [`Network::parameters`].
    ///
    /// Errors: those of [`Network::forward`] and of
    /// [`softmax_cross_entropy`](super::softmax_cross_entropy) (a label `>= outputs` gives
    /// [`NetworkError::LabelOutOfRange`]).
    ///
    /// ```
    /// use chapter1::Mode;
    /// use chapter5::network::{Activation, Network};
    /// use rand::SeedableRng;
    /// let mut rng = rand::rngs::Xoshiro256PlusPlus::seed_from_u64(0);
    /// let mut net = Network::<f64>::mlp(2, &[4], 2, Activation::Silu, 0)?;
    /// let loss = net.loss_and_gradients(&[0.1, 0.2, 0.3, 0.4], &[0, 1], Mode::Train, &mut rng)?;
    /// assert!(loss > 0.0);
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn loss_and_gradients<R: Rng + ?Sized>(
        &mut self,
        x: &[T],
        labels: &[usize],
        mode: Mode,
        rng: &mut R,
    ) -> Result<T, NetworkError> {
        let batch = labels.len();
        self.forward(x, batch, mode, rng)?;
        let mut logits_gradient = std::mem::take(&mut self.scratch);
        let logits = &self.values[self.layers.len()];
        let loss = softmax_cross_entropy(logits, labels, self.outputs, &mut logits_gradient);
        let result = loss.and_then(|loss| self.backward(&logits_gradient, batch).map(|()| loss));
        self.scratch = logits_gradient;
        result
    }

    /// The logits of one sample (evaluation mode: dropout is the identity).
    ///
    /// Errors: `x.len() != inputs` gives [`NetworkError::InputLength`].
    ///
    /// ```
    /// let mut net = chapter5::network::Network::<f64>::mlp(2, &[4], 3, chapter5::network::Activation::Gelu, 0)?;
    /// assert_eq!(net.predict_logits(&[1.0, 2.0])?.len(), 3);
    /// assert!(net.predict_logits(&[1.0]).is_err());
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn predict_logits(&mut self, x: &[T]) -> Result<Vec<T>, NetworkError> {
        let mut unused = Xoshiro256PlusPlus::seed_from_u64(0);
        self.forward(x, 1, Mode::Eval, &mut unused).map(<[T]>::to_vec)
    }

    /// The fraction of `data` whose largest logit is at its label (evaluation mode), in
    /// `[0, 1]`.
    ///
    /// Errors: a `data.features()` other than [`inputs`](Self::inputs) gives
    /// [`NetworkError::InputLength`].
    ///
    /// ```
    /// use chapter5::network::{Activation, Network, two_spirals};
    /// let mut net = Network::<f64>::mlp(2, &[4], 2, Activation::Gelu, 0)?;
    /// let accuracy = net.accuracy(&two_spirals(100, 1)?)?;
    /// assert!((0.0..=1.0).contains(&accuracy));
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn accuracy(&mut self, data: &Dataset) -> Result<f64, NetworkError> {
        if data.features() != self.inputs {
            return Err(NetworkError::InputLength { expected: self.inputs, found: data.features() });
        }
        let x: Vec<T> = data.inputs().iter().map(|&v| T::from_f64(v)).collect();
        let mut unused = Xoshiro256PlusPlus::seed_from_u64(0);
        let outputs = self.outputs;
        let logits = self.forward(&x, data.len(), Mode::Eval, &mut unused)?;
        let correct = logits
            .chunks_exact(outputs)
            .zip(data.labels())
            .filter(|(row, label)| argmax(row) == **label)
            .count();
        Ok(correct as f64 / data.len() as f64)
    }
}

/// The index of the largest value of `row` (a sample's logits): the first one on ties; a NaN
/// never replaces the best so far (it compares false); an empty row gives 0.
///
/// ```
/// use chapter5::network::argmax;
/// assert_eq!(argmax(&[0.1f32, 2.0, -1.0, 2.0]), 1);
/// assert_eq!(argmax(&[0.5, f64::NAN, 0.2]), 0);
/// ```
pub fn argmax<T: Real>(row: &[T]) -> usize {
    let mut best = 0;
    for (i, &value) in row.iter().enumerate() {
        if value > row[best] {
            best = i;
        }
    }
    best
}
