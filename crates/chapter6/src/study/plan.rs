//! What the study runs: the activations, the settings, the seeds, and how the learning rate is
//! chosen.
//!
//! The paper's MNIST protocol in miniature: 8 hidden layers of 128 units, batches of 128, 50
//! epochs of Adam, with and without dropout (keep probability 0.5 after every hidden
//! activation), and for each activation and dropout setting the learning rate from
//! {1e-3, 1e-4, 1e-5} with the lowest validation loss. Two stages:
//!
//! 1. **Selection**: every activation x dropout setting x learning rate, for the first
//!    `selection_seeds` seeds. For each activation and setting, the rate with the lowest median
//!    final validation loss wins (ties go to the larger rate).
//! 2. **Headline**: the chosen rate, for all `seeds` seeds (the selection seeds' runs at that
//!    rate are reused, not rerun).
//!
//! Seed `s` fixes the initial weights (drawn before any activation is involved, so every
//! activation starts from the *same* weights), the batch order and the dropout and SOI masks:
//! runs with the same seed are paired.

use chapter2::Elu;
use chapter5::network::{Activation, Learnable};

use crate::Chapter6Error;

/// An activation of the study, with its key in `runs.csv`.
///
/// ```
/// use chapter6::StudyActivation;
/// assert_eq!(StudyActivation::ALL[0], StudyActivation::Relu);
/// assert_eq!(StudyActivation::Soi.label(), "SOI map");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StudyActivation {
    /// `max(x, 0)` (chapter 2): the baseline every other one is compared with.
    Relu,
    /// `x` for `x > 0`, `e^x - 1` otherwise (chapter 2, `alpha = 1`).
    Elu,
    /// `x Phi(x)`, the exact `f32` kernel (chapters 3 and 4).
    Gelu,
    /// The tanh form (chapter 4).
    GeluTanh,
    /// `x sigmoid(1.702 x)` (chapter 4).
    GeluSigmoid,
    /// `x sigmoid(x)` (chapter 5).
    Silu,
    /// `x Phi((x - mu) / sigma)` with `mu` and `sigma` learned, one pair per layer (chapter 5).
    GeluMuSigma,
    /// The SOI map: `x Bernoulli(Phi(x))` in training, GELU at test (chapter 3's gate).
    Soi,
}

impl StudyActivation {
    /// Every activation, ReLU first.
    pub const ALL: [StudyActivation; 8] = [
        Self::Relu,
        Self::Elu,
        Self::Gelu,
        Self::GeluTanh,
        Self::GeluSigmoid,
        Self::Silu,
        Self::GeluMuSigma,
        Self::Soi,
    ];

    /// The key in `runs.csv`: `relu`, `elu`, `gelu`, `gelu_tanh`, `gelu_sigmoid`, `silu`,
    /// `gelu_mu_sigma`, `soi`.
    ///
    /// ```
    /// use chapter6::StudyActivation;
    /// for activation in StudyActivation::ALL {
    ///     assert_eq!(StudyActivation::from_key(activation.key()), Some(activation));
    /// }
    /// assert_eq!(StudyActivation::from_key("swish"), None);
    /// ```
    pub fn key(self) -> &'static str {
        match self {
            Self::Relu => "relu",
            Self::Elu => "elu",
            Self::Gelu => "gelu",
            Self::GeluTanh => "gelu_tanh",
            Self::GeluSigmoid => "gelu_sigmoid",
            Self::Silu => "silu",
            Self::GeluMuSigma => "gelu_mu_sigma",
            Self::Soi => "soi",
        }
    }

    /// The activation whose [`key`](Self::key) is `key`, or `None`.
    ///
    /// ```
    /// use chapter6::StudyActivation;
    /// assert_eq!(StudyActivation::from_key("gelu_tanh"), Some(StudyActivation::GeluTanh));
    /// assert_eq!(StudyActivation::from_key("GELU"), None); // keys are lower case
    /// ```
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.key() == key)
    }

    /// The name in the book's tables and figures.
    ///
    /// ```
    /// assert_eq!(chapter6::StudyActivation::GeluMuSigma.label(), "GELU (mu, sigma)");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Self::Relu => "ReLU",
            Self::Elu => "ELU",
            Self::Gelu => "GELU",
            Self::GeluTanh => "GELU (tanh)",
            Self::GeluSigmoid => "GELU (sigmoid)",
            Self::Silu => "SiLU",
            Self::GeluMuSigma => "GELU (mu, sigma)",
            Self::Soi => "SOI map",
        }
    }

    /// The network layer's activation (chapter 5's enum).
    ///
    /// ```
    /// use chapter5::network::Activation;
    /// assert_eq!(chapter6::StudyActivation::Silu.activation(), Activation::Silu);
    /// ```
    pub fn activation(self) -> Activation {
        match self {
            Self::Relu => Activation::Relu,
            Self::Elu => Activation::Elu(Elu::ALPHA_ONE),
            Self::Gelu => Activation::Gelu,
            Self::GeluTanh => Activation::GeluTanh,
            Self::GeluSigmoid => Activation::GeluSigmoid,
            Self::Silu => Activation::Silu,
            Self::GeluMuSigma => Activation::LearnableGelu(Learnable::default()),
            Self::Soi => Activation::Soi,
        }
    }
}

/// One training run: an activation, with or without dropout, a learning rate and a seed.
///
/// ```
/// use chapter6::{RunSpec, StudyActivation};
/// let spec = RunSpec { activation: StudyActivation::Gelu, dropout: 0.5, learning_rate: 1e-3, seed: 4 };
/// assert_eq!(spec.describe(), "gelu, dropout 0.5, lr 0.001, seed 4");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunSpec {
    /// The hidden layers' activation.
    pub activation: StudyActivation,
    /// Dropout rate after every hidden activation while training: 0 or 0.5.
    pub dropout: f64,
    /// Adam's learning rate.
    pub learning_rate: f64,
    /// Fixes the weights, the batch order and the masks.
    pub seed: u64,
}

impl RunSpec {
    /// The run's settings without its seed, as a printable key: `gelu, dropout 0.5, lr 0.001`.
    ///
    /// ```
    /// let spec = chapter6::RunSpec { activation: chapter6::StudyActivation::Relu, dropout: 0.0, learning_rate: 1e-4, seed: 0 };
    /// assert_eq!(spec.describe(), "relu, dropout 0, lr 0.0001, seed 0");
    /// ```
    pub fn describe(&self) -> String {
        format!(
            "{}, dropout {}, lr {}, seed {}",
            self.activation.key(),
            self.dropout,
            self.learning_rate,
            self.seed
        )
    }

    /// Does `other` have the same settings (activation, dropout, rate and seed)?
    ///
    /// ```
    /// use chapter6::{RunSpec, StudyActivation};
    /// let a = RunSpec { activation: StudyActivation::Relu, dropout: 0.0, learning_rate: 1e-4, seed: 0 };
    /// assert!(a.same_run(&a));
    /// assert!(!a.same_run(&RunSpec { seed: 1, ..a }));
    /// ```
    pub fn same_run(&self, other: &RunSpec) -> bool {
        self.activation == other.activation
            && self.dropout == other.dropout
            && self.learning_rate == other.learning_rate
            && self.seed == other.seed
    }
}

/// The whole study's settings.
///
/// ```
/// let plan = chapter6::StudyPlan::full();
/// assert_eq!(plan.learning_rates, [1e-3, 1e-4, 1e-5]);
/// assert_eq!(plan.dropout_rates, [0.0, 0.5]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct StudyPlan {
    /// The activations compared (ReLU must be one: it is the baseline).
    pub activations: Vec<StudyActivation>,
    /// Dropout rates (0 means none).
    pub dropout_rates: Vec<f64>,
    /// The learning rates the selection stage tries.
    pub learning_rates: Vec<f64>,
    /// Seeds `0..selection_seeds` choose the learning rate.
    pub selection_seeds: u64,
    /// Seeds `0..seeds` are reported (at least `selection_seeds`).
    pub seeds: u64,
    /// Passes over the training set.
    pub epochs: usize,
    /// Samples per Adam step.
    pub batch_size: usize,
    /// Widths of the hidden layers.
    pub hidden: Vec<usize>,
    /// Half-widths `a` of the uniform noise `U[-a, a]` added to the test inputs after training.
    pub noise_levels: Vec<f64>,
}

impl StudyPlan {
    /// The book's study: 8 activations, with and without dropout, 3 learning rates chosen on
    /// 3 seeds, 10 seeds reported, 50 epochs, 8 x 128 hidden units, batch 128, noise levels 0 to
    /// 3 in steps of 0.5.
    ///
    /// ```
    /// let plan = chapter6::StudyPlan::full();
    /// assert_eq!(plan.selection_runs().len(), 8 * 2 * 3 * 3);
    /// assert_eq!(plan.total_runs(), 8 * 2 * 3 * 3 + 8 * 2 * 7);
    /// ```
    pub fn full() -> Self {
        Self {
            activations: StudyActivation::ALL.to_vec(),
            dropout_rates: vec![0.0, 0.5],
            learning_rates: vec![1e-3, 1e-4, 1e-5],
            selection_seeds: 3,
            seeds: 10,
            epochs: 50,
            batch_size: 128,
            hidden: vec![128; 8],
            noise_levels: (0..=6).map(|i| f64::from(i) * 0.5).collect(),
        }
    }

    /// The quick study the tests run: ReLU, GELU and SiLU, no dropout, 2 learning rates, 2 seeds
    /// (both also choose the rate), 3 epochs, 3 noise levels; the network is the full one.
    ///
    /// ```
    /// assert_eq!(chapter6::StudyPlan::quick().total_runs(), 3 * 2 * 2);
    /// ```
    pub fn quick() -> Self {
        Self {
            activations: vec![StudyActivation::Relu, StudyActivation::Gelu, StudyActivation::Silu],
            dropout_rates: vec![0.0],
            learning_rates: vec![1e-3, 1e-4],
            selection_seeds: 2,
            seeds: 2,
            epochs: 3,
            noise_levels: vec![0.0, 1.0, 3.0],
            ..Self::full()
        }
    }

    /// Checks the plan: ReLU among the activations, no activation twice, at least one dropout
    /// rate in `[0, 1)`, learning rates positive and finite, `1 <= selection_seeds <= seeds`,
    /// at least one epoch, hidden layer and noise level, batch size at least 1, noise levels
    /// finite and non-negative.
    ///
    /// Errors: [`Chapter6Error::Invalid`] naming the first problem.
    ///
    /// ```
    /// let mut plan = chapter6::StudyPlan::quick();
    /// assert!(plan.validate().is_ok());
    /// plan.seeds = 1;
    /// assert_eq!(plan.validate().unwrap_err().to_string(), "seeds = 1 must be at least selection_seeds = 2");
    /// ```
    pub fn validate(&self) -> Result<(), Chapter6Error> {
        let fail = |reason: String| Err(Chapter6Error::invalid(reason));
        if !self.activations.contains(&StudyActivation::Relu) {
            return fail("the activations must include relu, the baseline".into());
        }
        for (i, a) in self.activations.iter().enumerate() {
            if self.activations[..i].contains(a) {
                return fail(format!("activation {} is listed twice", a.key()));
            }
        }
        if self.dropout_rates.is_empty() || self.dropout_rates.iter().any(|p| !(0.0..1.0).contains(p)) {
            return fail(format!("dropout rates {:?} must be in [0, 1), at least one", self.dropout_rates));
        }
        if self.learning_rates.is_empty() || self.learning_rates.iter().any(|r| !(r.is_finite() && *r > 0.0))
        {
            return fail(format!(
                "learning rates {:?} must be positive and finite, at least one",
                self.learning_rates
            ));
        }
        if self.selection_seeds == 0 {
            return fail("selection_seeds must be at least 1".into());
        }
        if self.seeds < self.selection_seeds {
            return fail(format!(
                "seeds = {} must be at least selection_seeds = {}",
                self.seeds, self.selection_seeds
            ));
        }
        if self.epochs == 0 || self.batch_size == 0 || self.hidden.is_empty() || self.hidden.contains(&0) {
            return fail("epochs, batch size and every hidden width must be at least 1".into());
        }
        if self.noise_levels.is_empty() || self.noise_levels.iter().any(|a| !(a.is_finite() && *a >= 0.0)) {
            return fail(format!("noise levels {:?} must be finite and non-negative", self.noise_levels));
        }
        Ok(())
    }

    /// The selection stage's runs, in the study's canonical order (activation, dropout, rate,
    /// seed).
    ///
    /// ```
    /// let runs = chapter6::StudyPlan::quick().selection_runs();
    /// assert_eq!(runs.len(), 3 * 1 * 2 * 2); // activations x dropout x rates x selection seeds
    /// assert_eq!(runs[0].describe(), "relu, dropout 0, lr 0.001, seed 0");
    /// ```
    pub fn selection_runs(&self) -> Vec<RunSpec> {
        let mut runs = Vec::new();
        for &activation in &self.activations {
            for &dropout in &self.dropout_rates {
                for &learning_rate in &self.learning_rates {
                    for seed in 0..self.selection_seeds {
                        runs.push(RunSpec { activation, dropout, learning_rate, seed });
                    }
                }
            }
        }
        runs
    }

    /// The headline stage's new runs, given the chosen rate of each activation and dropout
    /// setting (`chosen(activation, dropout)`): seeds `selection_seeds..seeds` at that rate.
    ///
    /// ```
    /// let plan = chapter6::StudyPlan::full();
    /// let runs = plan.headline_runs(|_, _| 1e-3);
    /// assert_eq!(runs.len(), 8 * 2 * 7); // seeds 3 to 9 for every activation and dropout setting
    /// assert!(runs.iter().all(|r| r.learning_rate == 1e-3 && r.seed >= 3));
    /// ```
    pub fn headline_runs(&self, chosen: impl Fn(StudyActivation, f64) -> f64) -> Vec<RunSpec> {
        let mut runs = Vec::new();
        for &activation in &self.activations {
            for &dropout in &self.dropout_rates {
                let learning_rate = chosen(activation, dropout);
                for seed in self.selection_seeds..self.seeds {
                    runs.push(RunSpec { activation, dropout, learning_rate, seed });
                }
            }
        }
        runs
    }

    /// How many runs the whole study trains.
    ///
    /// ```
    /// assert_eq!(chapter6::StudyPlan::full().total_runs(), 256);
    /// ```
    pub fn total_runs(&self) -> usize {
        let settings = self.activations.len() * self.dropout_rates.len();
        settings * self.learning_rates.len() * self.selection_seeds as usize
            + settings * (self.seeds - self.selection_seeds) as usize
    }

    /// A one-line description of everything that changes the numbers, written beside the
    /// results so that a rerun can tell whether they belong to this plan.
    ///
    /// ```
    /// let full = chapter6::StudyPlan::full();
    /// assert!(full.fingerprint().starts_with("activations relu,elu,gelu"));
    /// assert_ne!(full.fingerprint(), chapter6::StudyPlan::quick().fingerprint());
    /// ```
    pub fn fingerprint(&self) -> String {
        let keys: Vec<&str> = self.activations.iter().map(|a| a.key()).collect();
        format!(
            "activations {}; dropout {:?}; learning rates {:?}; selection seeds {}; seeds {}; epochs {}; batch {}; hidden {:?}; noise {:?}",
            keys.join(","),
            self.dropout_rates,
            self.learning_rates,
            self.selection_seeds,
            self.seeds,
            self.epochs,
            self.batch_size,
            self.hidden,
            self.noise_levels
        )
    }
}
