//! The small amount of statistics chapter 1 needs: a sample mean with its standard error, the
//! running mean of a stream, and the Binomial law of a mask's kept count.

use statrs::distribution::{Binomial, Discrete};

use crate::DropoutError;

/// The sample mean `m = (1/n) sum y_i` and its standard error `s / sqrt(n)`, where
/// `s^2 = (1/(n-1)) sum (y_i - m)^2` is the unbiased sample variance.
///
/// Errors: fewer than two samples give [`DropoutError::TooFewSamples`] with `needed: 2` (no
/// variance estimate exists). NaN samples make both results NaN.
///
/// ```
/// use chapter1::{DropoutError, mean_and_standard_error};
/// let (mean, standard_error) = mean_and_standard_error(&[1.0, 2.0, 3.0])?;
/// assert_eq!(mean, 2.0);
/// assert!((standard_error - (1.0f64 / 3.0).sqrt()).abs() < 1e-15);
/// assert_eq!(mean_and_standard_error(&[]), Err(DropoutError::TooFewSamples { found: 0, needed: 2 }));
/// # Ok::<(), DropoutError>(())
/// ```
pub fn mean_and_standard_error(samples: &[f64]) -> Result<(f64, f64), DropoutError> {
    if samples.len() < 2 {
        return Err(DropoutError::TooFewSamples { found: samples.len(), needed: 2 });
    }
    let n = samples.len() as f64;
    let mean = samples.iter().sum::<f64>() / n;
    let sum_of_squares: f64 = samples.iter().map(|&y| (y - mean).powi(2)).sum();
    let variance = sum_of_squares / (n - 1.0);
    Ok((mean, (variance / n).sqrt()))
}

/// One point of a running mean: after the first `n` samples, their mean and its standard error.
/// Produced by [`running_mean`]; its `standard_error` is NaN at `n = 1`, where no spread exists.
///
/// ```
/// use chapter1::{RunningPoint, running_mean};
/// let points = running_mean(&[1.0, 3.0]);
/// assert_eq!(points[1], RunningPoint { n: 2, mean: 2.0, standard_error: 1.0 });
/// assert!(points[0].standard_error.is_nan());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunningPoint {
    /// Samples seen so far.
    pub n: usize,
    /// Mean of those samples.
    pub mean: f64,
    /// Standard error of that mean (NaN for `n = 1`).
    pub standard_error: f64,
}

/// The running mean of `samples` with its standard error after each sample, by Welford's
/// update (numerically stable: no large sums of squares are subtracted).
///
/// Welford: `m_n = m_{n-1} + (y_n - m_{n-1}) / n` and
/// `S_n = S_{n-1} + (y_n - m_{n-1})(y_n - m_n)`, with sample variance `S_n / (n - 1)`.
/// Empty input gives an empty vector (not an error: there is simply no point to report), and a NaN
/// sample makes every later point NaN.
///
/// ```
/// use chapter1::{mean_and_standard_error, running_mean};
/// let samples = [4.0, -1.0, 2.5, 0.0];
/// let points = running_mean(&samples);
/// assert_eq!(points.len(), 4);
/// assert!((points[3].mean - 1.375).abs() < 1e-15);
/// let (_, standard_error) = mean_and_standard_error(&samples)?;
/// assert!((points[3].standard_error - standard_error).abs() < 1e-15);
/// assert!(running_mean(&[]).is_empty());
/// # Ok::<(), chapter1::DropoutError>(())
/// ```
pub fn running_mean(samples: &[f64]) -> Vec<RunningPoint> {
    let mut mean = 0.0;
    let mut sum_of_squares = 0.0;
    samples
        .iter()
        .enumerate()
        .map(|(index, &y)| {
            let n = index + 1;
            let delta = y - mean;
            mean += delta / n as f64;
            sum_of_squares += delta * (y - mean);
            let standard_error =
                if n > 1 { (sum_of_squares / (n as f64 - 1.0) / n as f64).sqrt() } else { f64::NAN };
            RunningPoint { n, mean, standard_error }
        })
        .collect()
}

/// `P(K = k)` for `K ~ Binomial(n, q)`: `C(n, k) q^k (1 - q)^(n - k)`, the law of a mask's kept
/// count. `k > n` gives 0. `q` outside `[0, 1]` or NaN gives
/// [`DropoutError::ProbabilityOutOfRange`].
///
/// ```
/// let p = chapter1::binomial_pmf(4, 2, 0.5)?;
/// assert!((p - 6.0 / 16.0).abs() < 1e-12);
/// # Ok::<(), chapter1::DropoutError>(())
/// ```
pub fn binomial_pmf(n: u64, k: u64, q: f64) -> Result<f64, DropoutError> {
    let law = Binomial::new(q, n).map_err(|_| DropoutError::ProbabilityOutOfRange { q })?;
    Ok(law.pmf(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_mean_agrees_with_the_batch_formula() {
        let samples = [4.0, -1.0, 2.5, 0.0, 7.0, 3.0];
        let running = running_mean(&samples);
        for point in &running[1..] {
            let (mean, standard_error) = mean_and_standard_error(&samples[..point.n]).unwrap();
            assert!((point.mean - mean).abs() < 1e-14, "{point:?}");
            assert!((point.standard_error - standard_error).abs() < 1e-14, "{point:?}");
        }
        assert!(running[0].standard_error.is_nan());
        assert!(running_mean(&[]).is_empty());
        assert_eq!(mean_and_standard_error(&[1.0]), Err(DropoutError::TooFewSamples { found: 1, needed: 2 }));
    }

    #[test]
    fn binomial_pmf_sums_to_one_and_matches_a_hand_value() {
        let total: f64 = (0..=20).map(|k| binomial_pmf(20, k, 0.3).unwrap()).sum();
        assert!((total - 1.0).abs() < 1e-12, "{total}");
        // C(5,2) 0.3^2 0.7^3 = 10 * 0.09 * 0.343
        assert!((binomial_pmf(5, 2, 0.3).unwrap() - 0.3087).abs() < 1e-12);
        assert_eq!(binomial_pmf(5, 6, 0.3).unwrap(), 0.0);
        assert!(binomial_pmf(5, 2, f64::NAN).is_err());
        assert!(binomial_pmf(5, 2, 1.5).is_err());
    }
}
