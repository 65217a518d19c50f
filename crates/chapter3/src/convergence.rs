//! How fast the estimate converges, and whether its confidence interval means what it says.

use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;

use crate::{McError, gelu, mc_gelu_fast};

/// The error of `replicates` independent estimates at one sample size `n`.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorAtN {
    /// Samples per estimate.
    pub n: u64,
    /// `estimate - GELU(x)` for each replicate.
    pub errors: Vec<f64>,
    /// Root-mean-square error over the replicates: estimates `sigma / sqrt(n)`.
    pub rmse: f64,
}

/// Estimates `GELU(x)` `replicates` times at every `n` in `ns` (fast exact sampler, seeded with
/// `seed`) and records the errors against the exact value.
///
/// Errors: as [`mc_gelu_fast`]; `replicates = 0` gives [`McError::ZeroSamples`].
pub fn errors_by_n(x: f64, ns: &[u64], replicates: usize, seed: u64) -> Result<Vec<ErrorAtN>, McError> {
    if replicates == 0 {
        return Err(McError::ZeroSamples);
    }
    let exact = gelu(x);
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    ns.iter()
        .map(|&n| {
            let errors = (0..replicates)
                .map(|_| mc_gelu_fast(x, n, &mut rng).map(|estimate| estimate.mean - exact))
                .collect::<Result<Vec<f64>, McError>>()?;
            let rmse = (errors.iter().map(|e| e * e).sum::<f64>() / errors.len() as f64).sqrt();
            Ok(ErrorAtN { n, errors, rmse })
        })
        .collect()
}

/// A least-squares line `y = intercept + slope * x`, with the standard error of the slope.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineFit {
    /// Fitted slope.
    pub slope: f64,
    /// Fitted intercept.
    pub intercept: f64,
    /// Standard error of the slope, `sqrt(residual variance / sum (x - mean x)^2)`.
    pub slope_std_error: f64,
}

/// Ordinary least squares through `points`. Fewer than three points, or all `x` equal, give
/// `None` (no slope or no residual variance to estimate).
pub fn fit_line(points: &[(f64, f64)]) -> Option<LineFit> {
    if points.len() < 3 {
        return None;
    }
    let count = points.len() as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / count;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / count;
    let sxx: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    if sxx == 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    let intercept = mean_y - slope * mean_x;
    let residuals: f64 = points.iter().map(|p| (p.1 - intercept - slope * p.0).powi(2)).sum();
    let slope_std_error = (residuals / (count - 2.0) / sxx).sqrt();
    Some(LineFit { slope, intercept, slope_std_error })
}

/// The log-log fit of RMSE against `n`: `ln rmse = intercept + slope * ln n`. Monte Carlo theory
/// says the slope is `-1/2`.
pub fn log_log_slope(points: &[ErrorAtN]) -> Option<LineFit> {
    let logged: Vec<(f64, f64)> = points.iter().map(|p| ((p.n as f64).ln(), p.rmse.ln())).collect();
    fit_line(&logged)
}

/// How often a confidence interval covered the truth.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coverage {
    /// Intervals that contained `GELU(x)`.
    pub covered: usize,
    /// Intervals formed.
    pub replicates: usize,
}

impl Coverage {
    /// The covered fraction.
    pub fn fraction(&self) -> f64 {
        self.covered as f64 / self.replicates as f64
    }

    /// Its standard error `sqrt(f (1 - f) / replicates)`: the coverage is itself an estimate.
    pub fn std_error(&self) -> f64 {
        let f = self.fraction();
        (f * (1.0 - f) / self.replicates as f64).sqrt()
    }
}

/// Forms `replicates` intervals at confidence `level` from estimates of `n` samples (seeded with
/// `seed`) and counts those that contain `GELU(x)`.
///
/// Errors: as [`mc_gelu_fast`] and [`Estimate::confidence_interval`](crate::Estimate::confidence_interval);
/// `replicates = 0` gives [`McError::ZeroSamples`].
pub fn coverage(x: f64, n: u64, level: f64, replicates: usize, seed: u64) -> Result<Coverage, McError> {
    if replicates == 0 {
        return Err(McError::ZeroSamples);
    }
    let exact = gelu(x);
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut covered = 0;
    for _ in 0..replicates {
        let (low, high) = mc_gelu_fast(x, n, &mut rng)?.confidence_interval(level)?;
        if low <= exact && exact <= high {
            covered += 1;
        }
    }
    Ok(Coverage { covered, replicates })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_recovers_an_exact_line() {
        let points: Vec<(f64, f64)> = (0..5).map(|i| (i as f64, 3.0 - 0.5 * i as f64)).collect();
        let fit = fit_line(&points).unwrap();
        assert!((fit.slope + 0.5).abs() < 1e-12 && (fit.intercept - 3.0).abs() < 1e-12);
        assert!(fit.slope_std_error < 1e-12);
        assert_eq!(fit_line(&points[..2]), None);
        assert_eq!(fit_line(&[(1.0, 1.0), (1.0, 2.0), (1.0, 3.0)]), None);
    }

    #[test]
    fn rmse_falls_like_one_over_root_n() {
        // RMSE from 200 replicates has relative SE ~ 1/sqrt(2 * 200) = 5% per point; over 5 decades
        // that makes the slope's SE about 0.01, so +-0.05 is a 5 SE bound.
        let ns = [10, 100, 1_000, 10_000, 100_000];
        let points = errors_by_n(1.0, &ns, 200, 7).unwrap();
        let fit = log_log_slope(&points).unwrap();
        assert!((fit.slope + 0.5).abs() < 0.05, "slope {fit:?}");
    }

    #[test]
    fn intervals_cover_about_95_percent_where_the_normal_approximation_holds() {
        // 2000 intervals: the coverage's SE is sqrt(0.95 * 0.05 / 2000) = 0.0049; 5 SE = 0.024.
        let measured = coverage(1.0, 1000, 0.95, 2000, 11).unwrap();
        assert!((measured.fraction() - 0.95).abs() < 0.025, "{measured:?}");
    }
}
