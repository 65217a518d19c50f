//! A Monte Carlo estimate: a sample mean, its standard error, and the confidence interval they give.

use statrs::distribution::{ContinuousCDF, Normal};

use crate::McError;

/// The mean of `n` samples and its standard error.
///
/// `standard_error` is `s / sqrt(n)` with `s^2` the unbiased sample variance. With a single
/// sample no spread can be estimated, and `standard_error` is `+inf` (so every interval is the
/// whole line). A plain record: any values may be stored; the estimators build it with
/// [`Estimate::from_kept_count`], which rejects `n = 0`.
///
/// ```
/// use chapter3::Estimate;
/// let estimate = Estimate::from_kept_count(2.0, 3, 4)?;
/// assert_eq!(estimate, Estimate { mean: 1.5, standard_error: 0.5, n: 4 });
/// assert_eq!(Estimate::from_kept_count(2.0, 1, 1)?.standard_error, f64::INFINITY);
/// # Ok::<(), chapter3::McError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// The sample mean.
    pub mean: f64,
    /// The standard error of the mean, `s / sqrt(n)`.
    pub standard_error: f64,
    /// The number of samples.
    pub n: u64,
}

impl Estimate {
    /// The estimate of a mean from `n` draws of `x * m`, `m` in {0, 1}, of which `kept` were kept.
    ///
    /// Mean `x k / n`. The draws take only the values 0 and `x`, so the unbiased sample variance
    /// has the closed form `x^2 k (n - k) / (n (n - 1))`: no second pass over the data is needed.
    /// Errors: `n = 0` gives [`McError::TooFewSamples`] (`found: 0, needed: 1`). (`kept > n` is
    /// clamped to `n`.) A NaN or infinite `x` is not rejected here: it propagates into the mean
    /// and the standard error.
    ///
    /// ```
    /// use chapter3::{Estimate, McError};
    /// // 7 of 10 draws of x = 2 kept: seven 2s and three 0s.
    /// let estimate = Estimate::from_kept_count(2.0, 7, 10)?;
    /// assert!((estimate.mean - 1.4).abs() < 1e-15);
    /// // Sample variance 4 * 7 * 3 / (10 * 9) = 0.9333..., over n = 10.
    /// assert!((estimate.standard_error - (0.84f64 / 9.0).sqrt()).abs() < 1e-15);
    /// assert_eq!(Estimate::from_kept_count(2.0, 0, 0), Err(McError::TooFewSamples { found: 0, needed: 1 }));
    /// # Ok::<(), McError>(())
    /// ```
    pub fn from_kept_count(x: f64, kept: u64, n: u64) -> Result<Self, McError> {
        if n == 0 {
            return Err(McError::TooFewSamples { found: 0, needed: 1 });
        }
        let kept = kept.min(n);
        let (k, n_f) = (kept as f64, n as f64);
        let mean = x * (k / n_f);
        let standard_error = if n == 1 {
            f64::INFINITY
        } else {
            let sample_variance = x * x * k * (n_f - k) / (n_f * (n_f - 1.0));
            (sample_variance / n_f).sqrt()
        };
        Ok(Self { mean, standard_error, n })
    }

    /// The two-sided normal-approximation interval `mean ± z * standard_error`, where
    /// `z = Phi^{-1}((1 + level) / 2)` (1.95996... for `level = 0.95`).
    ///
    /// Domain: `level` in the open interval `(0, 1)`; anything else, or NaN, gives
    /// [`McError::LevelOutOfRange`]. The quantile comes from statrs' normal distribution, accurate to
    /// about 1e-10 relative, far finer than any interval's own uncertainty.
    ///
    /// ```
    /// use chapter3::Estimate;
    /// let estimate = Estimate { mean: 0.5, standard_error: 0.01, n: 2500 };
    /// let (low, high) = estimate.confidence_interval(0.95)?;
    /// assert!((low - (0.5 - 1.959964 * 0.01)).abs() < 1e-7);
    /// assert!((high - (0.5 + 1.959964 * 0.01)).abs() < 1e-7);
    /// assert!(estimate.confidence_interval(1.0).is_err());
    /// # Ok::<(), chapter3::McError>(())
    /// ```
    pub fn confidence_interval(&self, level: f64) -> Result<(f64, f64), McError> {
        let z = normal_quantile_two_sided(level)?;
        let half_width = z * self.standard_error;
        Ok((self.mean - half_width, self.mean + half_width))
    }

    /// Half the width of the interval at `level`: `z * standard_error`, with
    /// `z = Phi^{-1}((1 + level) / 2)` as in [`Estimate::confidence_interval`].
    ///
    /// Domain: `level` in `(0, 1)`; anything else, or NaN, gives [`McError::LevelOutOfRange`].
    ///
    /// ```
    /// use chapter3::{Estimate, McError};
    /// let estimate = Estimate { mean: 0.5, standard_error: 0.01, n: 2500 };
    /// assert!((estimate.half_width(0.95)? - 0.019_599_64).abs() < 1e-8);
    /// assert_eq!(estimate.half_width(0.0), Err(McError::LevelOutOfRange { level: 0.0 }));
    /// # Ok::<(), McError>(())
    /// ```
    pub fn half_width(&self, level: f64) -> Result<f64, McError> {
        Ok(normal_quantile_two_sided(level)? * self.standard_error)
    }
}

/// `z` with `P(|Z| <= z) = level` for a standard normal `Z`: `z = Phi^{-1}((1 + level) / 2)`.
///
/// Domain: `level` in the open interval `(0, 1)`; anything else, or NaN, gives
/// [`McError::LevelOutOfRange`] naming the level. The quantile is statrs' `inverse_cdf`,
/// accurate to about 1e-10 relative.
///
/// ```
/// use chapter3::{McError, normal_quantile_two_sided};
/// assert!((normal_quantile_two_sided(0.95)? - 1.959_963_985).abs() < 1e-8);
/// assert!((normal_quantile_two_sided(0.682_689_492_137_085_9)? - 1.0).abs() < 1e-9); // one sigma
/// assert!(matches!(normal_quantile_two_sided(f64::NAN), Err(McError::LevelOutOfRange { .. })));
/// # Ok::<(), McError>(())
/// ```
pub fn normal_quantile_two_sided(level: f64) -> Result<f64, McError> {
    if !(level > 0.0 && level < 1.0) {
        return Err(McError::LevelOutOfRange { level });
    }
    let standard = Normal::standard();
    Ok(standard.inverse_cdf(0.5 + level / 2.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_form_variance_matches_the_two_pass_formula() {
        // 7 kept out of 10 draws of x = 2: the samples are seven 2s and three 0s.
        let estimate = Estimate::from_kept_count(2.0, 7, 10).unwrap();
        let samples = [2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 0.0, 0.0, 0.0];
        let mean = samples.iter().sum::<f64>() / 10.0;
        let variance = samples.iter().map(|s| (s - mean) * (s - mean)).sum::<f64>() / 9.0;
        assert!((estimate.mean - mean).abs() < 1e-15);
        assert!((estimate.standard_error - (variance / 10.0).sqrt()).abs() < 1e-15);
    }

    #[test]
    fn degenerate_counts() {
        assert_eq!(Estimate::from_kept_count(1.0, 0, 0), Err(McError::TooFewSamples { found: 0, needed: 1 }));
        assert_eq!(Estimate::from_kept_count(3.0, 1, 1).unwrap().standard_error, f64::INFINITY);
        let all_kept = Estimate::from_kept_count(3.0, 50, 50).unwrap();
        assert_eq!((all_kept.mean, all_kept.standard_error), (3.0, 0.0));
    }

    #[test]
    fn quantiles_and_bad_levels() {
        assert!((normal_quantile_two_sided(0.95).unwrap() - 1.959_963_984_540_054).abs() < 1e-9);
        assert!((normal_quantile_two_sided(0.6826894921370859).unwrap() - 1.0).abs() < 1e-9);
        for level in [0.0, 1.0, -0.5, 1.5, f64::NAN] {
            assert!(normal_quantile_two_sided(level).is_err(), "{level}");
        }
    }
}
