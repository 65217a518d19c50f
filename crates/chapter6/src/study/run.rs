//! One run of the study: build the network for a [`RunSpec`], train it with Adam, and measure
//! it after every epoch and, at the end, on noisy test inputs.

use chapter1::{DropoutRate, Mode};
use chapter5::network::{
    Activation, Dataset, Init, Layer, Network, NetworkError, Optimizer, TrainConfig, argmax,
    softmax_cross_entropy, train_observed,
};
use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

use super::{RunSpec, StudyPlan};
use crate::{Chapter6Error, Splits};

/// What one epoch measured.
///
/// ```
/// use chapter6::{BOOK_SPLIT, StudyActivation, StudyPlan, digits, stratified_split};
/// let splits = stratified_split(&digits()?, BOOK_SPLIT)?;
/// // A tiny plan (one small layer, one epoch) so that the example runs in milliseconds.
/// let plan = StudyPlan { hidden: vec![8], epochs: 1, selection_seeds: 1, seeds: 1,
///     activations: vec![StudyActivation::Relu], dropout_rates: vec![0.0], learning_rates: vec![1e-3],
///     noise_levels: vec![0.0], batch_size: 64 };
/// let spec = chapter6::RunSpec { activation: StudyActivation::Gelu, dropout: 0.0, learning_rate: 1e-3, seed: 0 };
/// let record = chapter6::run_one(&spec, &plan, &splits)?;
/// let first: &chapter6::EpochRecord = &record.epochs[0];
/// assert_eq!(first.epoch, 1);
/// assert!(first.validation_loss > 0.0 && (0.0..=1.0).contains(&first.test_error));
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EpochRecord {
    /// 1 for the first epoch.
    pub epoch: usize,
    /// The mean mini-batch loss of the epoch, in training mode (dropout and SOI masks on).
    pub train_loss: f64,
    /// Mean log-loss on the validation set, evaluation mode.
    pub validation_loss: f64,
    /// Fraction of the validation set misclassified.
    pub validation_error: f64,
    /// Fraction of the test set misclassified.
    pub test_error: f64,
}

/// Everything a run produced. A run whose loss became NaN or infinite has NaN in every epoch
/// from that one on, and NaN noise errors.
///
/// ```
/// use chapter6::{BOOK_SPLIT, StudyActivation, StudyPlan, digits, stratified_split};
/// let splits = stratified_split(&digits()?, BOOK_SPLIT)?;
/// // A tiny plan (one small layer, one epoch) so that the example runs in milliseconds.
/// let plan = StudyPlan { hidden: vec![8], epochs: 1, selection_seeds: 1, seeds: 1,
///     activations: vec![StudyActivation::Relu], dropout_rates: vec![0.0], learning_rates: vec![1e-3],
///     noise_levels: vec![0.0], batch_size: 64 };
/// let spec = chapter6::RunSpec { activation: StudyActivation::Gelu, dropout: 0.0, learning_rate: 1e-3, seed: 0 };
/// let record = chapter6::run_one(&spec, &plan, &splits)?;
/// assert_eq!((record.epochs.len(), record.noise.len()), (1, 1));
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RunRecord {
    /// The run.
    pub spec: RunSpec,
    /// One record per epoch, `plan.epochs` of them.
    pub epochs: Vec<EpochRecord>,
    /// `(a, test error)` with noise `U[-a, a]` added to the test inputs, one per noise level.
    pub noise: Vec<(f64, f64)>,
}

impl RunRecord {
    /// The last epoch's record.
    ///
    /// ```
    /// use chapter6::{BOOK_SPLIT, StudyActivation, StudyPlan, digits, stratified_split};
    /// let splits = stratified_split(&digits()?, BOOK_SPLIT)?;
    /// // A tiny plan (one small layer, one epoch) so that the example runs in milliseconds.
    /// let plan = StudyPlan { hidden: vec![8], epochs: 1, selection_seeds: 1, seeds: 1,
    ///     activations: vec![StudyActivation::Relu], dropout_rates: vec![0.0], learning_rates: vec![1e-3],
    ///     noise_levels: vec![0.0], batch_size: 64 };
    /// let spec = chapter6::RunSpec { activation: StudyActivation::Gelu, dropout: 0.0, learning_rate: 1e-3, seed: 0 };
    /// let record = chapter6::run_one(&spec, &plan, &splits)?;
    /// assert_eq!(record.last().epoch, plan.epochs);
    /// # Ok::<(), chapter6::Chapter6Error>(())
    /// ```
    pub fn last(&self) -> &EpochRecord {
        self.epochs.last().expect("a run has at least one epoch (validated plan)")
    }

    /// Did the run diverge (a NaN or infinite loss)?
    ///
    /// ```
    /// use chapter6::{BOOK_SPLIT, StudyActivation, StudyPlan, digits, stratified_split};
    /// let splits = stratified_split(&digits()?, BOOK_SPLIT)?;
    /// // A tiny plan (one small layer, one epoch) so that the example runs in milliseconds.
    /// let plan = StudyPlan { hidden: vec![8], epochs: 1, selection_seeds: 1, seeds: 1,
    ///     activations: vec![StudyActivation::Relu], dropout_rates: vec![0.0], learning_rates: vec![1e-3],
    ///     noise_levels: vec![0.0], batch_size: 64 };
    /// let spec = chapter6::RunSpec { activation: StudyActivation::Gelu, dropout: 0.0, learning_rate: 1e-3, seed: 0 };
    /// let record = chapter6::run_one(&spec, &plan, &splits)?;
    /// assert!(!record.diverged());
    /// # Ok::<(), chapter6::Chapter6Error>(())
    /// ```
    pub fn diverged(&self) -> bool {
        self.epochs.iter().any(|e| e.train_loss.is_nan())
    }
}

/// Seed offset of the training generator (batch order, dropout and SOI masks), so that it is not
/// the weights' generator.
const TRAINING_STREAM: u64 = 0x5EED_0000_0000;
/// Seed offset of the generator of the test-input noise.
const NOISE_STREAM: u64 = 0x4015_E000_0000;

/// The network of a run with `activation` (normally `spec.activation`'s): for each hidden width,
/// a dense layer (He-normal weights), the activation, and dropout at `spec.dropout` if it is
/// positive; then a dense layer to `classes` logits (Glorot-uniform). The weights are drawn from `Xoshiro256PlusPlus::seed_from_u64(spec.seed)`
/// in the same order whatever the activation, so runs with the same seed start from the same
/// weights.
///
/// Errors: those of chapter 5's layers (a width of 0), and [`Chapter6Error::Invalid`] for a
/// dropout rate outside `[0, 1)`.
pub(crate) fn build_network(
    activation: Activation,
    spec: &RunSpec,
    plan: &StudyPlan,
    inputs: usize,
    classes: usize,
) -> Result<Network<f32>, Chapter6Error> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(spec.seed);
    let rate = DropoutRate::new(spec.dropout)
        .map_err(|e| Chapter6Error::invalid(format!("dropout rate {}: {e}", spec.dropout)))?;
    let mut layers = Vec::new();
    let mut width = inputs;
    for &units in &plan.hidden {
        layers.push(Layer::dense(width, units, Init::He, &mut rng)?);
        layers.push(Layer::activation(activation, units));
        if spec.dropout > 0.0 {
            layers.push(Layer::dropout(rate));
        }
        width = units;
    }
    layers.push(Layer::dense(width, classes, Init::Glorot, &mut rng)?);
    Ok(Network::new(inputs, layers)?)
}

/// A data set's inputs as `f32`, converted once.
struct Prepared<'a> {
    data: &'a Dataset,
    inputs: Vec<f32>,
}

impl<'a> Prepared<'a> {
    fn new(data: &'a Dataset) -> Self {
        Self { data, inputs: data.inputs().iter().map(|&v| v as f32).collect() }
    }
}

/// Mean log-loss and error rate of `network` on `inputs` (rows of `data`), evaluation mode.
fn evaluate(network: &mut Network<f32>, inputs: &[f32], data: &Dataset) -> Result<(f64, f64), NetworkError> {
    let mut unused = Xoshiro256PlusPlus::seed_from_u64(0); // evaluation draws nothing
    let classes = network.outputs();
    let logits = network.forward(inputs, data.len(), Mode::Eval, &mut unused)?.to_vec();
    let mut gradient = Vec::new();
    let loss = softmax_cross_entropy(&logits, data.labels(), classes, &mut gradient)?;
    let wrong =
        logits.chunks_exact(classes).zip(data.labels()).filter(|(row, label)| argmax(row) != **label).count();
    Ok((f64::from(loss), wrong as f64 / data.len() as f64))
}

/// Trains the run `spec` on `splits.train` and measures it (module documentation).
///
/// Errors: [`Chapter6Error::Network`] for data that does not fit the network (shapes, labels);
/// [`Chapter6Error::Invalid`] for a bad learning or dropout rate. A diverging run is not an
/// error: it is recorded with NaN from the epoch where it diverged.
///
/// ```
/// use chapter6::{BOOK_SPLIT, StudyActivation, StudyPlan, digits, stratified_split};
/// let splits = stratified_split(&digits()?, BOOK_SPLIT)?;
/// // A tiny plan (one small layer, one epoch) so that the example runs in milliseconds.
/// let plan = StudyPlan { hidden: vec![8], epochs: 1, selection_seeds: 1, seeds: 1,
///     activations: vec![StudyActivation::Relu], dropout_rates: vec![0.0], learning_rates: vec![1e-3],
///     noise_levels: vec![0.0], batch_size: 64 };
/// let spec = chapter6::RunSpec { activation: StudyActivation::Gelu, dropout: 0.0, learning_rate: 1e-3, seed: 0 };
/// let record = chapter6::run_one(&spec, &plan, &splits)?;
/// assert_eq!(record, chapter6::run_one(&spec, &plan, &splits)?); // seeded: the same every time
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
pub fn run_one(spec: &RunSpec, plan: &StudyPlan, splits: &Splits) -> Result<RunRecord, Chapter6Error> {
    run_with(spec.activation.activation(), spec, plan, splits)
}

/// [`run_one`] with any of chapter 5's activations in place of `spec.activation` (the returned
/// record keeps `spec` as given).
///
/// Errors: as for [`run_one`].
///
/// ```
/// use chapter6::{BOOK_SPLIT, StudyActivation, StudyPlan, digits, stratified_split};
/// let splits = stratified_split(&digits()?, BOOK_SPLIT)?;
/// // A tiny plan (one small layer, one epoch) so that the example runs in milliseconds.
/// let plan = StudyPlan { hidden: vec![8], epochs: 1, selection_seeds: 1, seeds: 1,
///     activations: vec![StudyActivation::Relu], dropout_rates: vec![0.0], learning_rates: vec![1e-3],
///     noise_levels: vec![0.0], batch_size: 64 };
/// use chapter5::network::{Activation, CustomActivation};
/// let spec = chapter6::RunSpec { activation: StudyActivation::Relu, dropout: 0.0, learning_rate: 1e-3, seed: 0 };
/// let relu_again = CustomActivation { name: "relu", value: chapter2::relu, slope: chapter2::relu_derivative };
/// let custom = chapter6::run_with(Activation::Custom(relu_again), &spec, &plan, &splits)?;
/// assert_eq!(custom, chapter6::run_one(&spec, &plan, &splits)?); // the same function, the same run
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
pub fn run_with(
    activation: Activation,
    spec: &RunSpec,
    plan: &StudyPlan,
    splits: &Splits,
) -> Result<RunRecord, Chapter6Error> {
    let train = &splits.train;
    let mut network = build_network(activation, spec, plan, train.features(), train.classes())?;
    let optimizer = Optimizer::adam(spec.learning_rate)?;
    let config = TrainConfig {
        epochs: plan.epochs,
        batch_size: plan.batch_size,
        optimizer,
        seed: spec.seed.wrapping_add(TRAINING_STREAM),
    };
    let validation = Prepared::new(&splits.validation);
    let test = Prepared::new(&splits.test);
    let mut epochs = Vec::with_capacity(plan.epochs);
    let mut evaluation_error = None;
    let outcome = train_observed(&mut network, train, &config, |epoch, train_loss, trained| {
        let mut copy = trained.clone();
        let result = evaluate(&mut copy, &validation.inputs, validation.data).and_then(|(loss, error)| {
            evaluate(&mut copy, &test.inputs, test.data).map(|(_, t)| (loss, error, t))
        });
        match result {
            Ok((validation_loss, validation_error, test_error)) => epochs.push(EpochRecord {
                epoch: epoch + 1,
                train_loss,
                validation_loss,
                validation_error,
                test_error,
            }),
            Err(e) => evaluation_error = Some(e),
        }
    });
    if let Some(error) = evaluation_error {
        return Err(error.into());
    }
    match outcome {
        Ok(_) | Err(NetworkError::NonFiniteLoss { .. }) => {}
        Err(other) => return Err(other.into()),
    }
    let finished = epochs.len();
    for epoch in finished..plan.epochs {
        let nan = f64::NAN;
        epochs.push(EpochRecord {
            epoch: epoch + 1,
            train_loss: nan,
            validation_loss: nan,
            validation_error: nan,
            test_error: nan,
        });
    }
    let noise = if finished == plan.epochs {
        noise_robustness(&mut network, &test, spec.seed, &plan.noise_levels)?
    } else {
        plan.noise_levels.iter().map(|&a| (a, f64::NAN)).collect()
    };
    Ok(RunRecord { spec: *spec, epochs, noise })
}

/// Test error with `U[-a, a]` noise added to every test input, for each `a`. The noise depends
/// on the seed and the level only, so every activation sees the same noisy images.
fn noise_robustness(
    network: &mut Network<f32>,
    test: &Prepared<'_>,
    seed: u64,
    levels: &[f64],
) -> Result<Vec<(f64, f64)>, Chapter6Error> {
    let mut results = Vec::with_capacity(levels.len());
    for (index, &a) in levels.iter().enumerate() {
        let mut rng =
            Xoshiro256PlusPlus::seed_from_u64(seed.wrapping_add(NOISE_STREAM).wrapping_add(index as u64));
        let noisy: Vec<f32> = test
            .inputs
            .iter()
            .map(|&x| if a > 0.0 { x + rng.random_range(-a..=a) as f32 } else { x })
            .collect();
        let (_, error) = evaluate(network, &noisy, test.data)?;
        results.push((a, error));
    }
    Ok(results)
}
