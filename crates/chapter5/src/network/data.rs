//! Labelled data for classification: a validated [`Dataset`] and two seeded generators, the
//! two spirals (a 2-D toy a small network must bend its boundary for) and Gaussian clusters
//! (any dimension; the benchmark's stand-in for the 8x8 digits).

use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};
use rand_distr::StandardNormal;

use super::NetworkError;

/// `n` samples of `features` numbers each, row-major, with a class label in `0..classes` each.
///
/// ```
/// use chapter5::network::{Dataset, NetworkError};
/// let data = Dataset::new(vec![0.0, 1.0, 2.0, 3.0], vec![0, 1], 2, 2)?;
/// assert_eq!((data.len(), data.features(), data.classes()), (2, 2, 2));
/// assert_eq!(data.row(1), [2.0, 3.0]);
/// assert_eq!(Dataset::new(vec![0.0; 3], vec![0, 1], 2, 2).unwrap_err(),
///            NetworkError::InputLength { expected: 4, found: 3 });
/// # Ok::<(), NetworkError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    inputs: Vec<f64>,
    labels: Vec<usize>,
    features: usize,
    classes: usize,
}

impl Dataset {
    /// Checks and wraps `labels.len()` rows of `features` inputs (row-major in `inputs`).
    ///
    /// Errors: no labels, `features = 0` or `classes = 0` gives [`NetworkError::TooFewSamples`];
    /// `inputs.len() != labels.len() * features` gives [`NetworkError::InputLength`]; a label
    /// `>= classes` gives [`NetworkError::LabelOutOfRange`]; a NaN or infinite input gives
    /// [`NetworkError::NonFiniteInput`].
    ///
    /// ```
    /// use chapter5::network::{Dataset, NetworkError};
    /// assert_eq!(Dataset::new(vec![], vec![], 2, 2).unwrap_err(),
    ///            NetworkError::TooFewSamples { found: 0, needed: 1 });
    /// assert_eq!(Dataset::new(vec![0.0, 0.0], vec![3], 2, 2).unwrap_err(),
    ///            NetworkError::LabelOutOfRange { label: 3, classes: 2 });
    /// assert_eq!(Dataset::new(vec![f64::NAN, 0.0], vec![0], 2, 2).unwrap_err(),
    ///            NetworkError::NonFiniteInput { x: f64::NAN });
    /// ```
    pub fn new(
        inputs: Vec<f64>,
        labels: Vec<usize>,
        features: usize,
        classes: usize,
    ) -> Result<Self, NetworkError> {
        let smallest = labels.len().min(features).min(classes);
        if smallest == 0 {
            return Err(NetworkError::TooFewSamples { found: smallest, needed: 1 });
        }
        if inputs.len() != labels.len() * features {
            return Err(NetworkError::InputLength { expected: labels.len() * features, found: inputs.len() });
        }
        if let Some(&label) = labels.iter().find(|&&label| label >= classes) {
            return Err(NetworkError::LabelOutOfRange { label, classes });
        }
        if let Some(&x) = inputs.iter().find(|x| !x.is_finite()) {
            return Err(NetworkError::NonFiniteInput { x });
        }
        Ok(Self { inputs, labels, features, classes })
    }

    /// Number of samples, at least 1.
    ///
    /// ```
    /// assert_eq!(chapter5::network::two_spirals(10, 0)?.len(), 10);
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Always `false`: a dataset has at least one sample (an empty one is rejected by
    /// [`Dataset::new`]).
    ///
    /// ```
    /// assert!(!chapter5::network::two_spirals(1, 0)?.is_empty());
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Inputs per sample.
    ///
    /// ```
    /// assert_eq!(chapter5::network::two_spirals(4, 0)?.features(), 2);
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn features(&self) -> usize {
        self.features
    }

    /// Number of classes; every label is below it.
    ///
    /// ```
    /// assert_eq!(chapter5::network::two_spirals(4, 0)?.classes(), 2);
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Every input, row-major (`len() x features()`).
    ///
    /// ```
    /// let data = chapter5::network::two_spirals(4, 0)?;
    /// assert_eq!(data.inputs().len(), 8);
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn inputs(&self) -> &[f64] {
        &self.inputs
    }

    /// Every label.
    ///
    /// ```
    /// let data = chapter5::network::two_spirals(4, 0)?;
    /// assert_eq!(data.labels(), [0, 1, 0, 1]); // the arms alternate
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn labels(&self) -> &[usize] {
        &self.labels
    }

    /// The first `first` samples and the rest, as two datasets with the same `features` and
    /// `classes` (a train/test split; shuffle first if the order means something).
    ///
    /// Errors: `first = 0` or `first >= len()` would leave one side empty:
    /// [`NetworkError::TooFewSamples`] for that side.
    ///
    /// ```
    /// use chapter5::network::{NetworkError, gaussian_clusters};
    /// let data = gaussian_clusters(10, 3, 2, 1.0, 0)?;
    /// let (train, test) = data.split(8)?;
    /// assert_eq!((train.len(), test.len()), (8, 2));
    /// assert_eq!(test.row(0), data.row(8));
    /// assert_eq!(data.split(10).unwrap_err(), NetworkError::TooFewSamples { found: 0, needed: 1 });
    /// # Ok::<(), NetworkError>(())
    /// ```
    pub fn split(&self, first: usize) -> Result<(Dataset, Dataset), NetworkError> {
        if first == 0 || first >= self.len() {
            return Err(NetworkError::TooFewSamples { found: 0, needed: 1 });
        }
        let cut = first * self.features;
        let part = |inputs: &[f64], labels: &[usize]| Dataset {
            inputs: inputs.to_vec(),
            labels: labels.to_vec(),
            features: self.features,
            classes: self.classes,
        };
        Ok((
            part(&self.inputs[..cut], &self.labels[..first]),
            part(&self.inputs[cut..], &self.labels[first..]),
        ))
    }

    /// Sample `i`'s inputs. Panics if `i >= len()`, as slice indexing does.
    ///
    /// ```
    /// let data = chapter5::network::Dataset::new(vec![1.0, 2.0], vec![0], 2, 1)?;
    /// assert_eq!(data.row(0), [1.0, 2.0]);
    /// # Ok::<(), chapter5::network::NetworkError>(())
    /// ```
    pub fn row(&self, i: usize) -> &[f64] {
        &self.inputs[i * self.features..(i + 1) * self.features]
    }
}

/// Two interleaved spirals in the plane, `n` points, seeded: point `i` lies on arm
/// `c = i mod 2` at radius `r` drawn uniformly from `[0.05, 1)` and angle `t = 3 pi r` (one and a
/// half turns), `(x, y) = r (cos(t + c pi), sin(t + c pi))` plus Gaussian noise of standard
/// deviation `0.02`. Labels are the arm. The same `(n, seed)` gives the same bits everywhere
/// (`rand::rngs::Xoshiro256PlusPlus`).
///
/// Errors: `n = 0` gives [`NetworkError::TooFewSamples`].
///
/// ```
/// use chapter5::network::two_spirals;
/// let data = two_spirals(200, 7)?;
/// assert_eq!(data, two_spirals(200, 7)?);
/// assert!(data.inputs().iter().all(|v| v.abs() < 1.2));
/// assert!(two_spirals(0, 7).is_err());
/// # Ok::<(), chapter5::network::NetworkError>(())
/// ```
pub fn two_spirals(n: usize, seed: u64) -> Result<Dataset, NetworkError> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut inputs = Vec::with_capacity(2 * n);
    let mut labels = Vec::with_capacity(n);
    for i in 0..n {
        let arm = i % 2;
        let r: f64 = rng.random_range(0.05..1.0);
        let t = 3.0 * std::f64::consts::PI * r + arm as f64 * std::f64::consts::PI;
        let (noise_x, noise_y): (f64, f64) = (rng.sample(StandardNormal), rng.sample(StandardNormal));
        inputs.push(r * t.cos() + 0.02 * noise_x);
        inputs.push(r * t.sin() + 0.02 * noise_y);
        labels.push(arm);
    }
    Dataset::new(inputs, labels, 2, 2)
}

/// `n` samples of `features` inputs in `classes` Gaussian clusters, seeded: class centres are
/// drawn once, `N(0, 1)` per coordinate, and sample `i` (class `i mod classes`) is its centre plus
/// `N(0, spread^2)` noise per coordinate. It has the shape of the 8x8 digits (64 features, 10
/// classes), which is all the benchmark needs, not their difficulty: centres are about
/// `sqrt(2 features)` apart, so with 64 features and `spread = 1` the classes barely overlap,
/// and a larger `spread` makes them harder to tell apart.
///
/// Errors: `n`, `features` or `classes` of 0 gives [`NetworkError::TooFewSamples`]; a NaN or
/// infinite `spread` gives [`NetworkError::NonFiniteInput`].
///
/// ```
/// use chapter5::network::gaussian_clusters;
/// let data = gaussian_clusters(1400, 64, 10, 1.0, 1)?;
/// assert_eq!((data.len(), data.features(), data.classes()), (1400, 64, 10));
/// assert_eq!(data.labels()[..3], [0, 1, 2]);
/// # Ok::<(), chapter5::network::NetworkError>(())
/// ```
pub fn gaussian_clusters(
    n: usize,
    features: usize,
    classes: usize,
    spread: f64,
    seed: u64,
) -> Result<Dataset, NetworkError> {
    if !spread.is_finite() {
        return Err(NetworkError::NonFiniteInput { x: spread });
    }
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let centres: Vec<f64> = (0..classes * features).map(|_| rng.sample(StandardNormal)).collect();
    let mut inputs = Vec::with_capacity(n * features);
    let labels: Vec<usize> = (0..n).map(|i| i % classes.max(1)).collect();
    for &label in &labels {
        for f in 0..features {
            let noise: f64 = rng.sample(StandardNormal);
            inputs.push(centres[label * features + f] + spread * noise);
        }
    }
    Dataset::new(inputs, labels, features, classes)
}
