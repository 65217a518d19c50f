//! The training loop: epochs of seeded shuffles, mini-batches, forward, loss, backward, step.

use chapter1::Mode;
use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;
use rand::seq::SliceRandom;

use super::{Dataset, Network, NetworkError, Optimizer, OptimizerState, Real};

/// How to train: epochs, batch size, optimiser and the seed of the shuffles and dropout masks.
///
/// ```
/// use chapter5::network::{Optimizer, TrainConfig};
/// let config = TrainConfig { epochs: 50, batch_size: 128, optimizer: Optimizer::adam(1e-3)?, seed: 6 };
/// assert_eq!(config.batch_size, 128);
/// # Ok::<(), chapter5::network::NetworkError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainConfig {
    /// Passes over the data (0 trains nothing).
    pub epochs: usize,
    /// Samples per step, at least 1; the last batch of an epoch holds the remainder.
    pub batch_size: usize,
    /// SGD or Adam, with its validated learning rate.
    pub optimizer: Optimizer,
    /// Seeds the `Xoshiro256PlusPlus` that shuffles every epoch and draws the dropout masks.
    pub seed: u64,
}

/// What a training run measured: the mean training loss of every epoch (the average of its
/// mini-batch losses).
///
/// ```
/// use chapter5::network::{Activation, Network, Optimizer, TrainConfig, train, two_spirals};
/// let data = two_spirals(64, 0)?;
/// let mut net = Network::<f64>::mlp(2, &[8], 2, Activation::Gelu, 0)?;
/// let config = TrainConfig { epochs: 3, batch_size: 16, optimizer: Optimizer::adam(1e-2)?, seed: 0 };
/// let report = train(&mut net, &data, &config)?;
/// assert_eq!(report.epoch_losses.len(), 3);
/// # Ok::<(), chapter5::network::NetworkError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TrainReport {
    /// One mean loss per epoch.
    pub epoch_losses: Vec<f64>,
}

/// Trains `network` on `data` in place, in training mode (dropout active).
///
/// Every epoch shuffles the sample order with the run's generator
/// (`Xoshiro256PlusPlus::seed_from_u64(config.seed)`), cuts it into batches of
/// `config.batch_size`, and for each batch runs forward, softmax cross-entropy, backward and one
/// optimiser step. The same network, data and config give the same bits on every run.
///
/// Errors, checked before anything changes: `batch_size = 0` gives
/// [`NetworkError::BatchSizeOutOfRange`]; `data.features() != network.inputs()` gives
/// [`NetworkError::InputLength`]; a label `>= network.outputs()` gives
/// [`NetworkError::LabelOutOfRange`]. During training, a mini-batch loss that is NaN or infinite
/// stops the run with [`NetworkError::NonFiniteLoss`] naming the epoch and step (that step is not
/// taken, but the network has diverged and must not be trusted); so does an epoch whose last step
/// leaves a parameter NaN or infinite (naming that step). A run that returns `Ok` has a finite
/// network.
///
/// ```
/// use chapter5::network::{Activation, Network, NetworkError, Optimizer, TrainConfig, train, two_spirals};
/// let data = two_spirals(64, 0)?;
/// let mut net = Network::<f32>::mlp(2, &[8], 2, Activation::Relu, 0)?;
/// let bad = TrainConfig { epochs: 1, batch_size: 0, optimizer: Optimizer::sgd(0.1)?, seed: 0 };
/// assert_eq!(train(&mut net, &data, &bad).unwrap_err(), NetworkError::BatchSizeOutOfRange { batch_size: 0 });
/// // A learning rate far too large: the loss overflows, and the run stops with an error.
/// let wild = TrainConfig { epochs: 5, batch_size: 16, optimizer: Optimizer::sgd(1e30)?, seed: 0 };
/// assert!(matches!(train(&mut net, &data, &wild), Err(NetworkError::NonFiniteLoss { .. })));
/// # Ok::<(), NetworkError>(())
/// ```
pub fn train<T: Real>(
    network: &mut Network<T>,
    data: &Dataset,
    config: &TrainConfig,
) -> Result<TrainReport, NetworkError> {
    train_observed(network, data, config, |_, _, _| {})
}

/// [`train`], calling `observe(epoch, loss, network)` after every epoch that finished (its loss
/// is finite and so is every parameter; `loss` is its mean mini-batch loss, as in
/// [`TrainReport::epoch_losses`]): the way to record a trajectory, a learnable layer's `mu`
/// and `sigma` epoch by epoch, in one run, without restarting the optimiser (a run of `k`
/// epochs continued by another of `k` is not a run of `2k`: Adam's moments and step count
/// would start again, and the shuffles would repeat).
///
/// The observer only reads the network; the run is the same, bit for bit, with any observer,
/// and the same as [`train`]'s. Errors: those of [`train`], which leaves `observe` uncalled when
/// the configuration or data is rejected, and uncalled for the epoch that diverges.
///
/// ```
/// use chapter5::network::{Activation, Layer, Network, Optimizer, TrainConfig, train, train_observed, two_spirals};
/// let data = two_spirals(128, 0)?;
/// let start = Network::<f64>::mlp(2, &[8], 2, Activation::LearnableGelu(Default::default()), 1)?;
/// let config = TrainConfig { epochs: 5, batch_size: 32, optimizer: Optimizer::adam(0.02)?, seed: 2 };
/// let mut sigmas = Vec::new();
/// let mut net = start.clone();
/// let report = train_observed(&mut net, &data, &config, |epoch, _loss, network| {
///     let Layer::Learnable(layer) = &network.layers()[1] else { unreachable!() };
///     sigmas.push((epoch, layer.sigma()[0]));
/// })?;
/// assert_eq!(sigmas.len(), 5);
/// assert_eq!(sigmas[4].0, 4);
/// assert_ne!(sigmas[4].1, 1.0); // sigma has moved from its start
/// // The observer changes nothing: plain `train` gives the same network and losses.
/// let mut plain = start.clone();
/// assert_eq!(train(&mut plain, &data, &config)?, report);
/// assert_eq!(plain, net);
/// # Ok::<(), chapter5::network::NetworkError>(())
/// ```
pub fn train_observed<T: Real, F: FnMut(usize, f64, &Network<T>)>(
    network: &mut Network<T>,
    data: &Dataset,
    config: &TrainConfig,
    mut observe: F,
) -> Result<TrainReport, NetworkError> {
    if config.batch_size == 0 {
        return Err(NetworkError::BatchSizeOutOfRange { batch_size: 0 });
    }
    if data.features() != network.inputs() {
        return Err(NetworkError::InputLength { expected: network.inputs(), found: data.features() });
    }
    let classes = network.outputs();
    if let Some(&label) = data.labels().iter().find(|&&label| label >= classes) {
        return Err(NetworkError::LabelOutOfRange { label, classes });
    }
    let inputs: Vec<T> = data.inputs().iter().map(|&v| T::from_f64(v)).collect();
    let features = data.features();
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(config.seed);
    let mut optimizer = OptimizerState::new(config.optimizer);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let (mut batch_x, mut batch_labels) = (Vec::new(), Vec::new());
    let mut epoch_losses = Vec::with_capacity(config.epochs);
    for epoch in 0..config.epochs {
        order.shuffle(&mut rng);
        let mut loss_sum = 0.0;
        let mut steps = 0;
        for (step, indices) in order.chunks(config.batch_size).enumerate() {
            batch_x.clear();
            batch_labels.clear();
            for &i in indices {
                batch_x.extend_from_slice(&inputs[i * features..(i + 1) * features]);
                batch_labels.push(data.labels()[i]);
            }
            let loss = network.loss_and_gradients(&batch_x, &batch_labels, Mode::Train, &mut rng)?;
            if !loss.is_finite() {
                return Err(NetworkError::NonFiniteLoss { epoch, step });
            }
            optimizer.step(network.parameters());
            loss_sum += loss.to_f64();
            steps += 1;
        }
        // A bad update is caught by the next step's loss; the epoch's last one is caught here,
        // so that no run returns a network holding NaN or infinity.
        if !parameters_are_finite(network) {
            return Err(NetworkError::NonFiniteLoss { epoch, step: steps - 1 });
        }
        let epoch_loss = loss_sum / steps as f64;
        epoch_losses.push(epoch_loss);
        observe(epoch, epoch_loss, network);
    }
    Ok(TrainReport { epoch_losses })
}

/// `true` if every weight, bias, `mu` and `rho` is finite.
fn parameters_are_finite<T: Real>(network: &mut Network<T>) -> bool {
    network.parameters().iter().all(|(values, _)| values.iter().all(|v| v.is_finite()))
}
