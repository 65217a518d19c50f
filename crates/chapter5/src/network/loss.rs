//! Softmax cross-entropy on a batch of logits, with the log-sum-exp trick.
//!
//! For one sample with logits `z_1..z_C` and label `y`, the softmax is
//! `p_c = e^(z_c) / sum_k e^(z_k)` and the loss is `-ln p_y = lse(z) - z_y`, with
//! `lse(z) = ln sum_k e^(z_k) = m + ln sum_k e^(z_k - m)`, `m = max_k z_k`: every exponent is
//! `<= 0`, so nothing overflows, and the largest term is exactly 1, so the sum never underflows
//! to 0. The gradient of the batch mean is `dL/dz_c = (p_c - [c = y]) / batch`.

use super::{NetworkError, Real};

/// Mean softmax cross-entropy of a `batch x classes` matrix of `logits` (row-major) against
/// `labels`, and its gradient `(softmax - one_hot) / batch`, written into `gradient` (resized to
/// match `logits`).
///
/// Errors: an empty batch gives [`NetworkError::TooFewSamples`]; a `logits.len()` other than
/// `labels.len() * classes` gives [`NetworkError::InputLength`]; a label `>= classes` gives
/// [`NetworkError::LabelOutOfRange`]. NaN logits give a NaN loss (the trainer stops on it).
///
/// ```
/// use chapter5::network::{NetworkError, softmax_cross_entropy};
/// let mut gradient = Vec::new();
/// // Two equal logits: p = 1/2 each, loss ln 2.
/// let loss = softmax_cross_entropy(&[0.0f64, 0.0], &[1], 2, &mut gradient)?;
/// assert!((loss - 2f64.ln()).abs() < 1e-16);
/// assert_eq!(gradient, [0.5, -0.5]);
/// // Huge logits do not overflow.
/// let loss = softmax_cross_entropy(&[1000.0f64, 0.0], &[0], 2, &mut gradient)?;
/// assert_eq!(loss, 0.0);
/// // Nor does a label far behind the winner: p_y = e^-200 underflows in f32, -ln p_y does not.
/// let mut gradient32 = Vec::new();
/// assert_eq!(softmax_cross_entropy(&[200.0f32, 0.0], &[1], 2, &mut gradient32)?, 200.0);
/// assert_eq!(
///     softmax_cross_entropy(&[0.0f64, 0.0], &[2], 2, &mut gradient),
///     Err(NetworkError::LabelOutOfRange { label: 2, classes: 2 })
/// );
/// # Ok::<(), NetworkError>(())
/// ```
pub fn softmax_cross_entropy<T: Real>(
    logits: &[T],
    labels: &[usize],
    classes: usize,
    gradient: &mut Vec<T>,
) -> Result<T, NetworkError> {
    let batch = labels.len();
    if batch == 0 || classes == 0 {
        return Err(NetworkError::TooFewSamples { found: batch.min(classes), needed: 1 });
    }
    if logits.len() != batch * classes {
        return Err(NetworkError::InputLength { expected: batch * classes, found: logits.len() });
    }
    if let Some(&label) = labels.iter().find(|&&label| label >= classes) {
        return Err(NetworkError::LabelOutOfRange { label, classes });
    }
    gradient.clear();
    gradient.extend_from_slice(logits);
    let inverse_batch = T::from_f64(1.0 / batch as f64);
    let mut total = T::zero();
    for (row, &label) in gradient.chunks_exact_mut(classes).zip(labels) {
        let max = row.iter().copied().fold(row[0], |m, z| if z > m { z } else { m });
        // Kept before exponentiating: e^(z_y - max) underflows to 0 once z_y trails the largest
        // logit by more than about 103 (f32) or 745 (f64), and its logarithm would be -inf.
        let label_gap = row[label] - max;
        let mut sum = T::zero();
        for z in row.iter_mut() {
            *z = (*z - max).exp(); // in (0, 1], the largest exactly 1
            sum += *z;
        }
        // -ln p_y = lse - z_y = ln(sum) - (z_y - max)
        total += sum.ln() - label_gap;
        let scale = inverse_batch / sum;
        for z in row.iter_mut() {
            *z *= scale;
        }
        row[label] -= inverse_batch;
    }
    Ok(total * inverse_batch)
}
