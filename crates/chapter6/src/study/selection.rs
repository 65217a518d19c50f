//! The learning rate of each activation and dropout setting, chosen on the validation set as the
//! paper did: the rate whose runs (the selection seeds) end with the lowest median validation
//! loss. A diverged run counts as an infinite loss; ties go to the larger rate.

use super::{RunRecord, StudyActivation, StudyPlan};

/// The choice for one activation and dropout setting, with the evidence.
///
/// ```
/// use chapter6::report::{Results, committed_records};
/// let results = Results::new(chapter6::StudyPlan::full(), committed_records()?);
/// let chosen: &chapter6::ChosenRate = &results.chosen[0];
/// assert_eq!(chosen.median_validation_loss.len(), 3); // one per rate tried
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ChosenRate {
    /// The activation.
    pub activation: StudyActivation,
    /// The dropout rate.
    pub dropout: f64,
    /// The winning learning rate.
    pub learning_rate: f64,
    /// `(rate, median final validation loss over the selection seeds)` for every rate tried,
    /// `None` where a selection run is missing.
    pub median_validation_loss: Vec<(f64, Option<f64>)>,
}

/// The median of `values` (the mean of the two middle ones for an even count); `None` if empty.
/// NaN sorts as larger than every number.
///
/// ```
/// assert_eq!(chapter6::median(&[3.0, 1.0, 2.0]), Some(2.0));
/// assert_eq!(chapter6::median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
/// assert_eq!(chapter6::median(&[]), None);
/// ```
pub fn median(values: &[f64]) -> Option<f64> {
    quantile(values, 0.5)
}

/// The `q`-quantile of `values` by linear interpolation between order statistics (type 7, the
/// default of R and NumPy): position `q (n - 1)` in the sorted values. `None` if `values` is empty
/// or `q` is outside `[0, 1]`; NaN sorts last.
///
/// ```
/// let values = [1.0, 2.0, 3.0, 4.0, 5.0];
/// assert_eq!(chapter6::quantile(&values, 0.25), Some(2.0));
/// assert_eq!(chapter6::quantile(&values, 0.1), Some(1.4));
/// ```
pub fn quantile(values: &[f64], q: f64) -> Option<f64> {
    if values.is_empty() || !(0.0..=1.0).contains(&q) {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.total_cmp(b));
    // total_cmp puts negative NaN first; the study writes only positive NaN.
    let position = q * (sorted.len() - 1) as f64;
    let below = position.floor() as usize;
    let above = position.ceil() as usize;
    let fraction = position - below as f64;
    Some(sorted[below] + (sorted[above] - sorted[below]) * fraction)
}

/// The chosen rate of every activation and dropout setting of `plan`, in plan order, from the
/// selection runs among `records` (runs with seed `< plan.selection_seeds`).
///
/// A rate with a missing selection run cannot win unless every rate misses runs (a study that
/// was interrupted); then the first rate with any evidence wins, and the plan's first rate if
/// none has any.
///
/// ```
/// let plan = chapter6::StudyPlan::full();
/// let records = chapter6::report::committed_records()?;
/// let chosen = chapter6::choose_rates(&plan, &records);
/// assert_eq!(chosen.len(), 16);
/// assert!(chosen.iter().all(|c| plan.learning_rates.contains(&c.learning_rate)));
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
pub fn choose_rates(plan: &StudyPlan, records: &[RunRecord]) -> Vec<ChosenRate> {
    let mut chosen = Vec::new();
    for &activation in &plan.activations {
        for &dropout in &plan.dropout_rates {
            let mut evidence = Vec::new();
            for &learning_rate in &plan.learning_rates {
                let finals: Vec<f64> = records
                    .iter()
                    .filter(|r| {
                        r.spec.activation == activation
                            && r.spec.dropout == dropout
                            && r.spec.learning_rate == learning_rate
                            && r.spec.seed < plan.selection_seeds
                    })
                    .map(|r| {
                        let loss = r.last().validation_loss;
                        if loss.is_nan() { f64::INFINITY } else { loss }
                    })
                    .collect();
                let complete = finals.len() as u64 == plan.selection_seeds;
                evidence.push((learning_rate, median(&finals), complete));
            }
            let best = evidence
                .iter()
                .filter(|(_, m, complete)| *complete && m.is_some())
                .fold(None::<(f64, f64)>, |best, &(rate, m, _)| {
                    let m = m.unwrap_or(f64::INFINITY);
                    match best {
                        Some((_, best_m)) if best_m <= m => best,
                        _ => Some((rate, m)),
                    }
                })
                .map(|(rate, _)| rate)
                .or_else(|| evidence.iter().find(|(_, m, _)| m.is_some()).map(|(rate, _, _)| *rate))
                .unwrap_or(plan.learning_rates[0]);
            chosen.push(ChosenRate {
                activation,
                dropout,
                learning_rate: best,
                median_validation_loss: evidence.into_iter().map(|(rate, m, _)| (rate, m)).collect(),
            });
        }
    }
    chosen
}
