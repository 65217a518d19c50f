//! The one error type of the network: a bad hyper-parameter, data that does not fit the network,
//! or a training run that diverged.

use std::fmt;

/// Everything that can go wrong when building or training a [`Network`](super::Network). Each
/// variant carries the offending values, so the message names them (NaN included).
///
/// ```
/// use chapter5::network::{NetworkError, Optimizer};
/// let error = Optimizer::adam(f64::NAN).unwrap_err();
/// assert_eq!(error, NetworkError::LearningRateOutOfRange { rate: f64::NAN }.clone());
/// assert_eq!(error.to_string(), "learning rate = NaN is outside (0, inf): it must be finite and > 0");
/// let diverged = NetworkError::NonFiniteLoss { epoch: 3, step: 7 };
/// assert_eq!(diverged.to_string(), "the training loss became NaN or infinite at epoch 3, step 7");
/// ```
#[derive(Debug, Clone, Copy)]
pub enum NetworkError {
    /// A learning rate that is `<= 0`, NaN or infinite: gradient steps need a finite `rate > 0`.
    LearningRateOutOfRange {
        /// The rejected learning rate.
        rate: f64,
    },
    /// A mini-batch size of 0: every step needs at least one sample.
    BatchSizeOutOfRange {
        /// The rejected batch size.
        batch_size: usize,
    },
    /// Too little data or too small a layer: an empty data set, or a layer with no units.
    TooFewSamples {
        /// How many samples (or units) were given.
        found: usize,
        /// The least number needed.
        needed: usize,
    },
    /// A class label that is not below the number of classes.
    LabelOutOfRange {
        /// The rejected label.
        label: usize,
        /// The number of classes: labels must lie in `0..classes`.
        classes: usize,
    },
    /// A row (or a flat buffer of rows) whose length is not the one expected.
    InputLength {
        /// The length that was needed.
        expected: usize,
        /// The length that was given.
        found: usize,
    },
    /// An input feature that is NaN or infinite.
    NonFiniteInput {
        /// The rejected value.
        x: f64,
    },
    /// The mean loss of a mini-batch became NaN or infinite: training stops there rather than
    /// return a network full of NaN. `epoch` and `step` count from 0.
    NonFiniteLoss {
        /// The epoch (pass over the data) in which it happened.
        epoch: usize,
        /// The mini-batch within that epoch.
        step: usize,
    },
}

/// Equality that treats two NaN payloads as equal, so that `assert_eq!` can name a rejected NaN.
impl PartialEq for NetworkError {
    fn eq(&self, other: &Self) -> bool {
        fn same(a: f64, b: f64) -> bool {
            a == b || (a.is_nan() && b.is_nan())
        }
        use NetworkError::*;
        match (*self, *other) {
            (LearningRateOutOfRange { rate: a }, LearningRateOutOfRange { rate: b }) => same(a, b),
            (NonFiniteInput { x: a }, NonFiniteInput { x: b }) => same(a, b),
            (BatchSizeOutOfRange { batch_size: a }, BatchSizeOutOfRange { batch_size: b }) => a == b,
            (TooFewSamples { found: a, needed: n }, TooFewSamples { found: b, needed: m }) => {
                a == b && n == m
            }
            (LabelOutOfRange { label: a, classes: n }, LabelOutOfRange { label: b, classes: m }) => {
                a == b && n == m
            }
            (InputLength { expected: a, found: n }, InputLength { expected: b, found: m }) => {
                a == b && n == m
            }
            (NonFiniteLoss { epoch: a, step: n }, NonFiniteLoss { epoch: b, step: m }) => a == b && n == m,
            _ => false,
        }
    }
}

impl fmt::Display for NetworkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::LearningRateOutOfRange { rate } => {
                write!(f, "learning rate = {rate} is outside (0, inf): it must be finite and > 0")
            }
            Self::BatchSizeOutOfRange { batch_size } => {
                write!(f, "batch size = {batch_size} is outside [1, inf): a step needs a sample")
            }
            Self::TooFewSamples { found, needed } => {
                write!(f, "{found} sample(s) or unit(s) given, at least {needed} needed")
            }
            Self::LabelOutOfRange { label, classes } => {
                write!(f, "label = {label} is outside 0..{classes}")
            }
            Self::InputLength { expected, found } => {
                write!(f, "an input of length {found} was given where length {expected} is needed")
            }
            Self::NonFiniteInput { x } => {
                write!(f, "input x = {x} is not finite")
            }
            Self::NonFiniteLoss { epoch, step } => {
                write!(f, "the training loss became NaN or infinite at epoch {epoch}, step {step}")
            }
        }
    }
}

impl std::error::Error for NetworkError {}
