//! Your own activation in the study: trained with the chapter's protocol beside ReLU, seed by
//! seed, and compared the way the chapter compares the others (exercise 6.3).

use chapter5::network::{Activation, CustomActivation};

use crate::statistics::{PairedComparison, paired_comparison};
use crate::study::{RunSpec, StudyActivation, StudyPlan, run_one, run_with};
use crate::{Chapter6Error, Splits};

/// The outcome of [`compare_with_relu`]: each seed's final test error for the custom activation
/// and for ReLU, and their paired comparison (custom minus ReLU).
///
/// ```
/// use chapter5::network::CustomActivation;
/// use chapter6::custom::compare_with_relu;
/// use chapter6::{BOOK_SPLIT, StudyActivation, StudyPlan, digits, stratified_split};
/// let splits = stratified_split(&digits()?, BOOK_SPLIT)?;
/// // A tiny plan (one small layer, one epoch) so that the example runs in milliseconds.
/// let plan = StudyPlan { hidden: vec![8], epochs: 1, selection_seeds: 1, seeds: 1,
///     activations: vec![StudyActivation::Relu], dropout_rates: vec![0.0], learning_rates: vec![1e-3],
///     noise_levels: vec![0.0], batch_size: 64 };
/// let plan = StudyPlan { seeds: 2, ..plan };
/// let square_plus = CustomActivation { name: "x + x^2/4", value: |x| x + 0.25 * x * x, slope: |x| 1.0 + 0.5 * x };
/// let outcome = compare_with_relu(square_plus, &plan, 0.0, 1e-3, &splits)?;
/// assert_eq!((outcome.custom.len(), outcome.relu.len(), outcome.comparison.n), (2, 2, 2));
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CustomComparison {
    /// Final test error of the custom activation, seed by seed.
    pub custom: Vec<f64>,
    /// Final test error of ReLU with the same seeds.
    pub relu: Vec<f64>,
    /// The paired comparison of the two (95% interval).
    pub comparison: PairedComparison,
}

/// Trains `custom` and ReLU with seeds `0..plan.seeds` (the network, epochs and batch size of
/// `plan`) at `dropout` and `learning_rate`, and compares their final test errors seed by seed.
///
/// Errors: [`Chapter6Error::Invalid`] for a bad plan, fewer than 2 seeds, or a diverged run (its
/// error is NaN); the errors of [`run_one`].
///
/// ```
/// use chapter5::network::CustomActivation;
/// use chapter6::{BOOK_SPLIT, StudyActivation, StudyPlan, digits, stratified_split};
/// let splits = stratified_split(&digits()?, BOOK_SPLIT)?;
/// // A tiny plan (one small layer, one epoch) so that the example runs in milliseconds.
/// let plan = StudyPlan { hidden: vec![8], epochs: 1, selection_seeds: 1, seeds: 1,
///     activations: vec![StudyActivation::Relu], dropout_rates: vec![0.0], learning_rates: vec![1e-3],
///     noise_levels: vec![0.0], batch_size: 64 };
/// let plan = StudyPlan { seeds: 2, ..plan };
/// let leaky = CustomActivation { name: "leaky", value: |x| if x > 0.0 { x } else { 0.1 * x }, slope: |x| if x > 0.0 { 1.0 } else { 0.1 } };
/// let outcome = chapter6::custom::compare_with_relu(leaky, &plan, 0.0, 1e-3, &splits)?;
/// assert!(outcome.comparison.interval.0 <= outcome.comparison.mean);
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
pub fn compare_with_relu(
    custom: CustomActivation,
    plan: &StudyPlan,
    dropout: f64,
    learning_rate: f64,
    splits: &Splits,
) -> Result<CustomComparison, Chapter6Error> {
    plan.validate()?;
    let (mut ours, mut relu) = (Vec::new(), Vec::new());
    for seed in 0..plan.seeds {
        let spec = RunSpec { activation: StudyActivation::Relu, dropout, learning_rate, seed };
        relu.push(run_one(&spec, plan, splits)?.last().test_error);
        ours.push(run_with(Activation::Custom(custom), &spec, plan, splits)?.last().test_error);
    }
    let comparison = paired_comparison(&ours, &relu, 0.95)?;
    Ok(CustomComparison { custom: ours, relu, comparison })
}
