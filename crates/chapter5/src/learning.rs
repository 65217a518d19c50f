//! Learning `mu` and `sigma`: the experiment of chapter 5, as data.
//!
//! One seeded two-spirals problem ([`two_spirals`], split into a training and a test set) and
//! one small classifier (`2-16-16-2`, Adam), trained with four activations ([`Variant`]): fixed
//! GELU (`mu = 0`, `sigma = 1` throughout), and the learnable `x Phi((x - mu) / sigma)` with one
//! `(mu, sigma)` per layer (`sigma = e^rho` or `sigma = softplus(rho)`) or one per unit. Each
//! variant is trained once per seed of [`SEEDS`]; a seed fixes the initial weights and the
//! shuffles, and is shared by the variants, so `learnable - fixed` can be compared seed by seed
//! (a paired difference). Every learnable variant starts at GELU exactly, with the same weights
//! as the fixed one: the only difference is that its `mu` and `sigma` may move.
//!
//! [`run_experiment`] returns every [`Run`] (final test accuracy, final training loss, every
//! epoch's `mu` and `sigma` of every learnable layer, the trained network), and
//! [`Experiment::summary`] the mean test accuracy per variant with its standard error and the
//! paired difference from fixed GELU with its standard error
//! ([`chapter1::mean_and_standard_error`] over the seeds). [`decision_grid`] is the predicted
//! class on a grid over the plane, which `ch5-decision-regions` draws.
//!
//! Everything is `f64` and seeded, so a configuration gives the same bits on every run (across
//! CPUs, the last bits can differ: see [`crate::network`]).
//!
//! ```
//! use chapter5::learning::{ExperimentConfig, Variant, run_experiment};
//! let experiment = run_experiment(&ExperimentConfig::quick())?;
//! let summary = experiment.summary()?;
//! assert_eq!(summary.len(), Variant::ALL.len());
//! assert!(summary.iter().all(|s| (0.0..=1.0).contains(&s.mean_test_accuracy)));
//! # Ok::<(), chapter5::network::NetworkError>(())
//! ```

use chapter1::Mode;
use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;

use crate::network::{
    Activation, Dataset, Layer, Learnable, Network, NetworkError, Optimizer, SigmaParametrisation,
    TrainConfig, train_observed, two_spirals,
};

/// The seeds of the book's experiment, one run per seed and variant (initial weights and
/// shuffles).
pub const SEEDS: [u64; 8] = [0, 1, 2, 3, 4, 5, 6, 7];
/// The seed of the two-spirals data (the same data for every run).
pub const DATA_SEED: u64 = 5;
/// Points drawn from [`two_spirals`].
pub const SAMPLES: usize = 400;
/// The first `TRAIN_SAMPLES` points train; the rest are the test set.
pub const TRAIN_SAMPLES: usize = 200;
/// Hidden widths of the classifier `2-16-16-2`.
pub const HIDDEN: [usize; 2] = [16, 16];
/// Epochs of every run of the book's experiment.
pub const EPOCHS: usize = 30;
/// Samples per Adam step.
pub const BATCH_SIZE: usize = 16;
/// Adam's learning rate, for the weights and for `mu` and `rho` alike.
pub const LEARNING_RATE: f64 = 0.01;
/// Half the side of the square `[-EXTENT, EXTENT]^2` that [`decision_grid`] covers in the book
/// (the spirals reach radius about 1).
pub const EXTENT: f64 = 1.25;
/// Cells per side of the book's decision grid.
pub const GRID_CELLS: usize = 60;

/// The activation of the hidden layers: fixed GELU, or GELU with learnable `(mu, sigma)`.
///
/// ```
/// use chapter5::learning::Variant;
/// use chapter5::network::Activation;
/// assert_eq!(Variant::Fixed.activation(), Activation::Gelu);
/// assert_eq!(Variant::ALL.len(), 4);
/// assert!(Variant::ALL.iter().skip(1).all(|v| v.is_learnable()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// `x Phi(x)`: `mu = 0`, `sigma = 1`, not trained.
    Fixed,
    /// One `(mu, sigma)` per layer, `sigma = e^rho`.
    PerLayerExp,
    /// One `(mu, sigma)` per layer, `sigma = ln(1 + e^rho)`.
    PerLayerSoftplus,
    /// One `(mu, sigma)` per unit, `sigma = e^rho`.
    PerUnitExp,
}

impl Variant {
    /// Every variant, fixed GELU first (the baseline of the paired differences).
    pub const ALL: [Variant; 4] = [Self::Fixed, Self::PerLayerExp, Self::PerLayerSoftplus, Self::PerUnitExp];

    /// The hidden layers' activation.
    ///
    /// ```
    /// use chapter5::learning::Variant;
    /// use chapter5::network::{Activation, Learnable, SigmaParametrisation};
    /// let softplus = Learnable { per_unit: false, sigma: SigmaParametrisation::Softplus };
    /// assert_eq!(Variant::PerLayerSoftplus.activation(), Activation::LearnableGelu(softplus));
    /// ```
    pub fn activation(self) -> Activation {
        let learnable = |per_unit, sigma| Activation::LearnableGelu(Learnable { per_unit, sigma });
        match self {
            Self::Fixed => Activation::Gelu,
            Self::PerLayerExp => learnable(false, SigmaParametrisation::Exp),
            Self::PerLayerSoftplus => learnable(false, SigmaParametrisation::Softplus),
            Self::PerUnitExp => learnable(true, SigmaParametrisation::Exp),
        }
    }

    /// `false` for [`Variant::Fixed`] only.
    ///
    /// ```
    /// assert!(!chapter5::learning::Variant::Fixed.is_learnable());
    /// ```
    pub fn is_learnable(self) -> bool {
        self != Self::Fixed
    }

    /// A short name for tables and legends.
    ///
    /// ```
    /// assert_eq!(chapter5::learning::Variant::PerLayerExp.name(), "per layer, sigma = exp(rho)");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Self::Fixed => "fixed GELU",
            Self::PerLayerExp => "per layer, sigma = exp(rho)",
            Self::PerLayerSoftplus => "per layer, sigma = softplus(rho)",
            Self::PerUnitExp => "per unit, sigma = exp(rho)",
        }
    }
}

/// The size of an experiment: data, network, training and seeds.
///
/// ```
/// use chapter5::learning::{EPOCHS, ExperimentConfig, SEEDS};
/// let book = ExperimentConfig::book();
/// assert_eq!((book.epochs, book.seeds.len()), (EPOCHS, SEEDS.len()));
/// assert!(ExperimentConfig::quick().epochs < book.epochs);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ExperimentConfig {
    /// Points drawn from [`two_spirals`] (seeded by `data_seed`).
    pub samples: usize,
    /// The first `train_samples` train, the rest test.
    pub train_samples: usize,
    /// The seed of the data.
    pub data_seed: u64,
    /// Hidden widths.
    pub hidden: Vec<usize>,
    /// Epochs per run.
    pub epochs: usize,
    /// Samples per step.
    pub batch_size: usize,
    /// Adam's learning rate.
    pub learning_rate: f64,
    /// One run per seed and variant.
    pub seeds: Vec<u64>,
    /// The variants to train, [`Variant::Fixed`] first if paired differences are wanted.
    pub variants: Vec<Variant>,
}

impl ExperimentConfig {
    /// The book's experiment: the constants of this module, every variant.
    ///
    /// ```
    /// let config = chapter5::learning::ExperimentConfig::book();
    /// assert_eq!(config.hidden, [16, 16]);
    /// ```
    pub fn book() -> Self {
        Self {
            samples: SAMPLES,
            train_samples: TRAIN_SAMPLES,
            data_seed: DATA_SEED,
            hidden: HIDDEN.to_vec(),
            epochs: EPOCHS,
            batch_size: BATCH_SIZE,
            learning_rate: LEARNING_RATE,
            seeds: SEEDS.to_vec(),
            variants: Variant::ALL.to_vec(),
        }
    }

    /// A reduced experiment for tests and examples in debug builds: the book's data and network,
    /// 3 epochs, 2 seeds, every variant.
    ///
    /// ```
    /// let config = chapter5::learning::ExperimentConfig::quick();
    /// assert_eq!((config.epochs, config.seeds.len()), (3, 2));
    /// ```
    pub fn quick() -> Self {
        Self { epochs: 3, seeds: SEEDS[..2].to_vec(), ..Self::book() }
    }

    /// The training and test sets: `two_spirals(samples, data_seed)` split after
    /// `train_samples`.
    ///
    /// Errors: `samples = 0` or a split that leaves a side empty gives
    /// [`NetworkError::TooFewSamples`].
    ///
    /// ```
    /// let (train, test) = chapter5::learning::ExperimentConfig::book().data()?;
    /// assert_eq!((train.len(), test.len()), (200, 200));
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn data(&self) -> Result<(Dataset, Dataset), NetworkError> {
        two_spirals(self.samples, self.data_seed)?.split(self.train_samples)
    }
}

/// One learnable layer's `mu` and `sigma`, from the start (index 0) and after every epoch
/// (index `e + 1` after epoch `e`): `mu[k][p]` is pair `p`'s `mu` (one pair per layer, or one per
/// unit).
///
/// ```
/// use chapter5::learning::{ExperimentConfig, Variant, run_one};
/// let config = ExperimentConfig::quick();
/// let run = run_one(&config, Variant::PerLayerExp, 0)?;
/// let first = &run.trajectories[0];
/// assert_eq!(first.mu.len(), config.epochs + 1);
/// assert_eq!((first.mu[0][0], first.sigma[0][0]), (0.0, 1.0)); // GELU at the start
/// # Ok::<(), chapter5::network::NetworkError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Trajectory {
    /// The layer's index in [`Network::layers`].
    pub layer: usize,
    /// `mu` of every pair, epoch by epoch.
    pub mu: Vec<Vec<f64>>,
    /// `sigma` of every pair, epoch by epoch.
    pub sigma: Vec<Vec<f64>>,
}

/// One trained network: a variant at a seed.
///
/// ```
/// use chapter5::learning::{ExperimentConfig, Variant, run_one};
/// let run = run_one(&ExperimentConfig::quick(), Variant::Fixed, 1)?;
/// assert!(run.trajectories.is_empty()); // nothing to learn in fixed GELU
/// assert_eq!(run.final_loss, *run.epoch_losses.last().unwrap());
/// # Ok::<(), chapter5::network::NetworkError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The hidden activation.
    pub variant: Variant,
    /// The seed of the initial weights and of the shuffles.
    pub seed: u64,
    /// The fraction of the test set classified right after the last epoch.
    pub test_accuracy: f64,
    /// The mean training loss of the last epoch.
    pub final_loss: f64,
    /// Every epoch's mean training loss.
    pub epoch_losses: Vec<f64>,
    /// Every learnable layer's `mu` and `sigma` over the epochs, first layer first (empty for
    /// fixed GELU).
    pub trajectories: Vec<Trajectory>,
    /// The trained network.
    pub network: Network<f64>,
}

/// Trains one network: `Network::<f64>::mlp(2, &config.hidden, 2, variant.activation(), seed)`,
/// Adam at `config.learning_rate`, `config.epochs` epochs of batches of `config.batch_size`,
/// shuffled by `seed`, on `config.data()`'s training set, recording every learnable layer's `mu`
/// and `sigma` after every epoch ([`train_observed`]); then measures the test accuracy.
///
/// Errors: those of [`ExperimentConfig::data`], [`Network::mlp`] (a hidden width of 0),
/// [`Optimizer::adam`] (a learning rate that is not positive and finite) and
/// [`train_observed`] (a batch size of 0, a diverging run).
///
/// ```
/// use chapter5::learning::{ExperimentConfig, Variant, run_one};
/// use chapter5::network::NetworkError;
/// let config = ExperimentConfig::quick();
/// let run = run_one(&config, Variant::PerLayerSoftplus, 0)?;
/// assert_eq!(run.trajectories.len(), 2); // two hidden layers
/// assert_ne!(run.trajectories[1].sigma[config.epochs][0], 1.0);
/// let bad = ExperimentConfig { learning_rate: 0.0, ..config };
/// assert_eq!(run_one(&bad, Variant::Fixed, 0).unwrap_err(), NetworkError::LearningRateOutOfRange { rate: 0.0 });
/// # Ok::<(), NetworkError>(())
/// ```
pub fn run_one(config: &ExperimentConfig, variant: Variant, seed: u64) -> Result<Run, NetworkError> {
    let (train_set, test_set) = config.data()?;
    let mut network = Network::<f64>::mlp(2, &config.hidden, 2, variant.activation(), seed)?;
    let train_config = TrainConfig {
        epochs: config.epochs,
        batch_size: config.batch_size,
        optimizer: Optimizer::adam(config.learning_rate)?,
        seed,
    };
    let mut trajectories: Vec<Trajectory> = learnable_layers(&network)
        .map(|(layer, mu, sigma)| Trajectory { layer, mu: vec![mu], sigma: vec![sigma] })
        .collect();
    let report = train_observed(&mut network, &train_set, &train_config, |_, _, network| {
        for (trajectory, (_, mu, sigma)) in trajectories.iter_mut().zip(learnable_layers(network)) {
            trajectory.mu.push(mu);
            trajectory.sigma.push(sigma);
        }
    })?;
    let test_accuracy = network.accuracy(&test_set)?;
    let final_loss = report.epoch_losses.last().copied().unwrap_or(f64::NAN);
    Ok(Run {
        variant,
        seed,
        test_accuracy,
        final_loss,
        epoch_losses: report.epoch_losses,
        trajectories,
        network,
    })
}

/// Every learnable layer of `network`: its index, `mu` and `sigma`.
fn learnable_layers(network: &Network<f64>) -> impl Iterator<Item = (usize, Vec<f64>, Vec<f64>)> + '_ {
    network.layers().iter().enumerate().filter_map(|(i, layer)| match layer {
        Layer::Learnable(gelu) => Some((i, gelu.mu(), gelu.sigma())),
        _ => None,
    })
}

/// Every run of an experiment, variant by variant in `config.variants` order, seed by seed
/// within a variant.
///
/// ```
/// use chapter5::learning::{ExperimentConfig, Variant, run_experiment};
/// let config = ExperimentConfig { variants: vec![Variant::Fixed], ..ExperimentConfig::quick() };
/// let experiment = run_experiment(&config)?;
/// assert_eq!(experiment.runs.len(), 2);
/// assert_eq!(experiment.runs_of(Variant::Fixed).count(), 2);
/// # Ok::<(), chapter5::network::NetworkError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Experiment {
    /// What was run.
    pub config: ExperimentConfig,
    /// One run per variant and seed.
    pub runs: Vec<Run>,
}

/// One variant's results over the seeds.
///
/// ```
/// use chapter5::learning::{ExperimentConfig, Variant, run_experiment};
/// let summary = run_experiment(&ExperimentConfig::quick())?.summary()?;
/// assert_eq!(summary[0].variant, Variant::Fixed);
/// assert!(summary[0].difference_from_fixed.is_none());
/// assert!(summary[1].difference_from_fixed.is_some());
/// # Ok::<(), chapter5::network::NetworkError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// The variant.
    pub variant: Variant,
    /// Runs (seeds) averaged, `n`.
    pub n: usize,
    /// Mean final test accuracy over the seeds.
    pub mean_test_accuracy: f64,
    /// Its standard error, `s / sqrt(n)`.
    pub standard_error: f64,
    /// Mean final training loss over the seeds.
    pub mean_final_loss: f64,
    /// The paired difference `accuracy(variant) - accuracy(fixed)` seed by seed: its mean and
    /// standard error. `None` for fixed GELU itself, or when fixed GELU was not run.
    pub difference_from_fixed: Option<(f64, f64)>,
}

/// Runs every variant of `config` at every seed ([`run_one`]).
///
/// Errors: those of [`run_one`], for the first run that fails.
///
/// ```
/// use chapter5::learning::{ExperimentConfig, run_experiment};
/// let config = ExperimentConfig::quick();
/// let experiment = run_experiment(&config)?;
/// assert_eq!(experiment.runs.len(), config.variants.len() * config.seeds.len());
/// # Ok::<(), chapter5::network::NetworkError>(())
/// ```
pub fn run_experiment(config: &ExperimentConfig) -> Result<Experiment, NetworkError> {
    let mut runs = Vec::with_capacity(config.variants.len() * config.seeds.len());
    for &variant in &config.variants {
        for &seed in &config.seeds {
            runs.push(run_one(config, variant, seed)?);
        }
    }
    Ok(Experiment { config: config.clone(), runs })
}

impl Experiment {
    /// The runs of one variant, in seed order.
    ///
    /// ```
    /// use chapter5::learning::{ExperimentConfig, Variant, run_experiment};
    /// let experiment = run_experiment(&ExperimentConfig::quick())?;
    /// let seeds: Vec<u64> = experiment.runs_of(Variant::PerUnitExp).map(|run| run.seed).collect();
    /// assert_eq!(seeds, [0, 1]);
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn runs_of(&self, variant: Variant) -> impl Iterator<Item = &Run> + '_ {
        self.runs.iter().filter(move |run| run.variant == variant)
    }

    /// The run of `variant` at `seed`, if it was run.
    ///
    /// ```
    /// use chapter5::learning::{ExperimentConfig, Variant, run_experiment};
    /// let experiment = run_experiment(&ExperimentConfig::quick())?;
    /// assert_eq!(experiment.run(Variant::Fixed, 1).map(|run| run.seed), Some(1));
    /// assert!(experiment.run(Variant::Fixed, 99).is_none());
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn run(&self, variant: Variant, seed: u64) -> Option<&Run> {
        self.runs_of(variant).find(|run| run.seed == seed)
    }

    /// One [`Summary`] per variant, in `config.variants` order: the mean test accuracy and its
    /// standard error, the mean final loss, and the paired difference from fixed GELU (seed by
    /// seed, over the seeds both ran), each by [`chapter1::mean_and_standard_error`].
    ///
    /// Errors: fewer than 2 runs of a variant (or fewer than 2 seeds shared with fixed GELU) gives
    /// [`NetworkError::TooFewSamples`] with `needed: 2`, since a standard error needs two.
    ///
    /// ```
    /// use chapter5::learning::{ExperimentConfig, run_experiment};
    /// use chapter5::network::NetworkError;
    /// let one_seed = ExperimentConfig { seeds: vec![0], epochs: 2, ..ExperimentConfig::quick() };
    /// assert_eq!(run_experiment(&one_seed)?.summary().unwrap_err(),
    ///            NetworkError::TooFewSamples { found: 1, needed: 2 });
    /// # Ok::<(), NetworkError>(())
    /// ```
    pub fn summary(&self) -> Result<Vec<Summary>, NetworkError> {
        let fixed: Vec<&Run> = self.runs_of(Variant::Fixed).collect();
        self.config
            .variants
            .iter()
            .map(|&variant| {
                let runs: Vec<&Run> = self.runs_of(variant).collect();
                let accuracies: Vec<f64> = runs.iter().map(|run| run.test_accuracy).collect();
                let (mean_test_accuracy, standard_error) = mean_and_se(&accuracies)?;
                let losses: Vec<f64> = runs.iter().map(|run| run.final_loss).collect();
                let (mean_final_loss, _) = mean_and_se(&losses)?;
                let difference_from_fixed = if variant.is_learnable() && !fixed.is_empty() {
                    let differences: Vec<f64> = runs
                        .iter()
                        .filter_map(|run| {
                            fixed
                                .iter()
                                .find(|f| f.seed == run.seed)
                                .map(|f| run.test_accuracy - f.test_accuracy)
                        })
                        .collect();
                    Some(mean_and_se(&differences)?)
                } else {
                    None
                };
                Ok(Summary {
                    variant,
                    n: runs.len(),
                    mean_test_accuracy,
                    standard_error,
                    mean_final_loss,
                    difference_from_fixed,
                })
            })
            .collect()
    }
}

/// [`chapter1::mean_and_standard_error`], its error in this module's vocabulary.
fn mean_and_se(samples: &[f64]) -> Result<(f64, f64), NetworkError> {
    chapter1::mean_and_standard_error(samples)
        .map_err(|_| NetworkError::TooFewSamples { found: samples.len(), needed: 2 })
}

/// The class `network` predicts (its largest logit, the first on ties) at the centre of every
/// cell of a `cells x cells` grid over `[-extent, extent]^2`, row by row from the bottom (`y =
/// -extent`), left to right: entry `row * cells + column` is the cell centred at
/// `x = -extent + (column + 1/2) h`, `y = -extent + (row + 1/2) h`, `h = 2 extent / cells`.
/// Evaluation mode (dropout off), one batch.
///
/// Errors: `cells = 0` gives [`NetworkError::TooFewSamples`]; a NaN or infinite `extent` gives
/// [`NetworkError::NonFiniteInput`]; a network that does not read 2 inputs gives
/// [`NetworkError::InputLength`].
///
/// ```
/// use chapter5::learning::decision_grid;
/// use chapter5::network::{Activation, Network, NetworkError};
/// let mut net = Network::<f64>::mlp(2, &[4], 2, Activation::Gelu, 0)?;
/// let classes = decision_grid(&mut net, 1.0, 10)?;
/// assert_eq!(classes.len(), 100);
/// assert!(classes.iter().all(|&c| c < 2));
/// assert_eq!(classes[0], net.predict_logits(&[-0.9, -0.9]).map(|l| usize::from(l[1] > l[0]))?);
/// assert_eq!(decision_grid(&mut net, f64::NAN, 10).unwrap_err(), NetworkError::NonFiniteInput { x: f64::NAN });
/// # Ok::<(), NetworkError>(())
/// ```
pub fn decision_grid(
    network: &mut Network<f64>,
    extent: f64,
    cells: usize,
) -> Result<Vec<usize>, NetworkError> {
    if cells == 0 {
        return Err(NetworkError::TooFewSamples { found: 0, needed: 1 });
    }
    if !extent.is_finite() {
        return Err(NetworkError::NonFiniteInput { x: extent });
    }
    if network.inputs() != 2 {
        return Err(NetworkError::InputLength { expected: 2, found: network.inputs() });
    }
    let h = 2.0 * extent / cells as f64;
    let centre = |k: usize| -extent + (k as f64 + 0.5) * h;
    let points: Vec<f64> = (0..cells * cells).flat_map(|i| [centre(i % cells), centre(i / cells)]).collect();
    let outputs = network.outputs();
    let mut unused = Xoshiro256PlusPlus::seed_from_u64(0);
    let logits = network.forward(&points, cells * cells, Mode::Eval, &mut unused)?;
    Ok(logits
        .chunks_exact(outputs)
        .map(|row| row.iter().enumerate().fold(0, |best, (i, &v)| if v > row[best] { i } else { best }))
        .collect())
}
/// The epoch budgets of the committed results table `book/benchmarks/ch5-learning.md`: the
/// book's 30, and half and twice that, to show how the comparison depends on the budget.
pub const TABLE_EPOCHS: [usize; 3] = [15, 30, 60];

/// The markdown table of the experiment at each epoch budget: one row per budget and variant,
/// with the mean test accuracy and its standard error, and the paired difference from fixed
/// GELU with its standard error (percentage points). Written by
/// `cargo run --release -p chapter5 --example chapter5_results -- --write` and checked by the
/// same example with `--check` (a step of `cargo course verify`).
///
/// ```
/// use chapter5::learning::{ExperimentConfig, results_table, run_experiment};
/// let quick = ExperimentConfig::quick();
/// let table = results_table(&[(quick.epochs, run_experiment(&quick)?.summary()?)]);
/// assert!(table.starts_with("| epochs | variant |"));
/// assert_eq!(table.lines().count(), 2 + quick.variants.len());
/// # Ok::<(), chapter5::network::NetworkError>(())
/// ```
pub fn results_table(budgets: &[(usize, Vec<Summary>)]) -> String {
    let mut table = String::from(
        "| epochs | variant | test accuracy (%) | minus fixed GELU (points) |\n| ---: | --- | ---: | ---: |\n",
    );
    for (epochs, summaries) in budgets {
        for summary in summaries {
            let difference = summary.difference_from_fixed.map_or_else(
                || "".to_owned(),
                |(mean, se)| format!("{:+.2} ± {:.2}", 100.0 * mean, 100.0 * se),
            );
            table.push_str(&format!(
                "| {epochs} | {} | {:.2} ± {:.2} | {difference} |\n",
                summary.variant.name(),
                100.0 * summary.mean_test_accuracy,
                100.0 * summary.standard_error
            ));
        }
    }
    table
}
