//! A fixed, seeded, stratified split into training, validation and test sets.
//!
//! *Stratified*: each class is split in the same proportions, so every set has about a tenth of
//! each digit, as the whole file does. Per class, the indices of its samples are shuffled with
//! `Xoshiro256PlusPlus::seed_from_u64(seed)` (one generator, the classes in order 0 to 9), the
//! first `round(n_c f_train)` go to training, the next `round(n_c f_validation)` to validation
//! and the rest to test; each set keeps the file's order. The same seed gives the same split on
//! every machine.

use chapter5::network::Dataset;
use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;
use rand::seq::SliceRandom;

use crate::Chapter6Error;

/// The book's split: 60% training, 20% validation, 20% test, seed 2016 (the GELU paper's year).
pub const BOOK_SPLIT: SplitSpec = SplitSpec { train: 0.6, validation: 0.2, seed: 2016 };

/// Fractions of each class for training and validation (the rest is test), and the seed.
///
/// ```
/// use chapter6::{SplitSpec, digits, stratified_split};
/// let halves = SplitSpec { train: 0.5, validation: 0.25, seed: 1 };
/// let splits = stratified_split(&digits()?, halves)?;
/// assert_eq!(splits.train.len() + splits.validation.len() + splits.test.len(), 1797);
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SplitSpec {
    /// Fraction of each class for training.
    pub train: f64,
    /// Fraction of each class for validation.
    pub validation: f64,
    /// Seeds the shuffle of each class's indices.
    pub seed: u64,
}

/// The three sets.
///
/// ```
/// let splits = chapter6::stratified_split(&chapter6::digits()?, chapter6::BOOK_SPLIT)?;
/// assert_eq!(splits.train.features(), 64);
/// assert_eq!(splits.test.classes(), 10);
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Splits {
    /// Fits the weights.
    pub train: Dataset,
    /// Chooses the learning rate.
    pub validation: Dataset,
    /// Reported only.
    pub test: Dataset,
}

/// Splits `data` as `spec` says (module documentation).
///
/// Errors: [`Chapter6Error::Invalid`] unless `train > 0`, `validation > 0` and
/// `train + validation < 1` (NaN fails); and if a set would have no sample of some class.
///
/// ```
/// use chapter6::{BOOK_SPLIT, digits, stratified_split};
/// let splits = stratified_split(&digits()?, BOOK_SPLIT)?;
/// assert_eq!((splits.train.len(), splits.validation.len(), splits.test.len()), (1078, 359, 360));
/// assert_eq!(splits, stratified_split(&digits()?, BOOK_SPLIT)?); // seeded: the same every time
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
pub fn stratified_split(data: &Dataset, spec: SplitSpec) -> Result<Splits, Chapter6Error> {
    let SplitSpec { train, validation, seed } = spec;
    if !(train > 0.0 && validation > 0.0 && train + validation < 1.0) {
        return Err(Chapter6Error::invalid(format!(
            "split fractions train = {train}, validation = {validation}: both must be positive and sum to less than 1"
        )));
    }
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut assignment = vec![0u8; data.len()]; // 0 train, 1 validation, 2 test
    for class in 0..data.classes() {
        let mut members: Vec<usize> = (0..data.len()).filter(|&i| data.labels()[i] == class).collect();
        members.shuffle(&mut rng);
        let n = members.len() as f64;
        let n_train = (n * train).round() as usize;
        let n_validation = (n * validation).round() as usize;
        if n_train == 0 || n_validation == 0 || n_train + n_validation >= members.len() {
            return Err(Chapter6Error::invalid(format!(
                "class {class} has {} samples: too few for every set to get one",
                members.len()
            )));
        }
        for &i in &members[n_train..n_train + n_validation] {
            assignment[i] = 1;
        }
        for &i in &members[n_train + n_validation..] {
            assignment[i] = 2;
        }
    }
    let subset = |set: u8| -> Result<Dataset, Chapter6Error> {
        let rows: Vec<usize> = (0..data.len()).filter(|&i| assignment[i] == set).collect();
        let inputs = rows.iter().flat_map(|&i| data.row(i).iter().copied()).collect();
        let labels = rows.iter().map(|&i| data.labels()[i]).collect();
        Ok(Dataset::new(inputs, labels, data.features(), data.classes())?)
    };
    Ok(Splits { train: subset(0)?, validation: subset(1)?, test: subset(2)? })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_is_split_in_proportion() {
        let data = crate::digits().unwrap();
        let splits = stratified_split(&data, BOOK_SPLIT).unwrap();
        for class in 0..10 {
            let count = |d: &Dataset| d.labels().iter().filter(|&&l| l == class).count() as f64;
            let total = count(&data);
            assert!((count(&splits.train) - 0.6 * total).abs() <= 0.5, "class {class}");
            assert!((count(&splits.validation) - 0.2 * total).abs() <= 0.5, "class {class}");
            assert_eq!(count(&splits.train) + count(&splits.validation) + count(&splits.test), total);
        }
    }

    #[test]
    fn bad_fractions_are_rejected() {
        let data = crate::digits().unwrap();
        for (train, validation) in [(0.0, 0.2), (0.8, 0.2), (f64::NAN, 0.1), (0.5, -0.1)] {
            let spec = SplitSpec { train, validation, seed: 0 };
            assert!(matches!(stratified_split(&data, spec), Err(Chapter6Error::Invalid { .. })));
        }
    }
}
