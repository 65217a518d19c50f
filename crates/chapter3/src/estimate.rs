//! A Monte Carlo estimate: a sample mean, its standard error, and the confidence interval they give.

use statrs::distribution::{ContinuousCDF, Normal};

use crate::McError;

/// The mean of `n` samples and its standard error.
///
/// `std_error` is `s / sqrt(n)` with `s^2` the unbiased sample variance. With a single sample no
/// spread can be estimated, and `std_error` is `+inf` (so every interval is the whole line).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// The sample mean.
    pub mean: f64,
    /// The standard error of the mean, `s / sqrt(n)`.
    pub std_error: f64,
    /// The number of samples.
    pub n: u64,
}

impl Estimate {
    /// The estimate of a mean from `n` draws of `x * m`, `m` in {0, 1}, of which `kept` were kept.
    ///
    /// Mean `x k / n`. The draws take only the values 0 and `x`, so the unbiased sample variance
    /// has the closed form `x^2 k (n - k) / (n (n - 1))`: no second pass over the data is needed.
    /// Errors: `n = 0` gives [`McError::ZeroSamples`]. (`kept > n` is clamped to `n`.)
    pub fn from_kept_count(x: f64, kept: u64, n: u64) -> Result<Self, McError> {
        if n == 0 {
            return Err(McError::ZeroSamples);
        }
        let kept = kept.min(n);
        let (k, n_f) = (kept as f64, n as f64);
        let mean = x * (k / n_f);
        let std_error = if n == 1 {
            f64::INFINITY
        } else {
            let sample_variance = x * x * k * (n_f - k) / (n_f * (n_f - 1.0));
            (sample_variance / n_f).sqrt()
        };
        Ok(Self { mean, std_error, n })
    }

    /// The two-sided normal-approximation interval `mean ± z * std_error`, where
    /// `z = Phi^{-1}((1 + level) / 2)` (1.95996... for `level = 0.95`).
    ///
    /// Domain: `level` in the open interval `(0, 1)`; anything else, or NaN, gives
    /// [`McError::InvalidLevel`]. The quantile comes from statrs' normal distribution, accurate to
    /// about 1e-10 relative, far finer than any interval's own uncertainty.
    ///
    /// ```
    /// use chapter3::Estimate;
    /// let estimate = Estimate { mean: 0.5, std_error: 0.01, n: 2500 };
    /// let (low, high) = estimate.confidence_interval(0.95)?;
    /// assert!((low - (0.5 - 1.959964 * 0.01)).abs() < 1e-7);
    /// assert!((high - (0.5 + 1.959964 * 0.01)).abs() < 1e-7);
    /// assert!(estimate.confidence_interval(1.0).is_err());
    /// # Ok::<(), chapter3::McError>(())
    /// ```
    pub fn confidence_interval(&self, level: f64) -> Result<(f64, f64), McError> {
        let z = normal_quantile_two_sided(level)?;
        let half_width = z * self.std_error;
        Ok((self.mean - half_width, self.mean + half_width))
    }

    /// Half the width of the interval at `level`: `z * std_error`.
    pub fn half_width(&self, level: f64) -> Result<f64, McError> {
        Ok(normal_quantile_two_sided(level)? * self.std_error)
    }
}

/// `z` with `P(|Z| <= z) = level` for a standard normal `Z`.
pub fn normal_quantile_two_sided(level: f64) -> Result<f64, McError> {
    if !(level > 0.0 && level < 1.0) {
        return Err(McError::InvalidLevel { level });
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
        assert!((estimate.std_error - (variance / 10.0).sqrt()).abs() < 1e-15);
    }

    #[test]
    fn degenerate_counts() {
        assert_eq!(Estimate::from_kept_count(1.0, 0, 0), Err(McError::ZeroSamples));
        assert_eq!(Estimate::from_kept_count(3.0, 1, 1).unwrap().std_error, f64::INFINITY);
        let all_kept = Estimate::from_kept_count(3.0, 50, 50).unwrap();
        assert_eq!((all_kept.mean, all_kept.std_error), (3.0, 0.0));
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
