//! How fast the estimate converges, and whether its confidence interval means what it says.

use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;

use crate::monte_carlo::keep_probability;
use crate::{Estimate, McError, gelu, mc_gelu_fast, normal_quantile_two_sided, std_normal_cdf};

/// The error of `replicates` independent estimates at one sample size `n`, as
/// [`errors_by_n`] records it. A plain record: any values may be stored, and [`log_log_slope`]
/// reads only `n` and `rmse`.
///
/// ```
/// use chapter3::convergence::errors_by_n;
/// let point = &errors_by_n(1.0, &[100], 8, 3)?[0];
/// assert_eq!((point.n, point.errors.len()), (100, 8));
/// let mean_square = point.errors.iter().map(|e| e * e).sum::<f64>() / 8.0;
/// assert!((point.rmse - mean_square.sqrt()).abs() < 1e-15);
/// # Ok::<(), chapter3::McError>(())
/// ```
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
/// The root-mean-square error at each `n` estimates `sigma / sqrt(n)`, with
/// `sigma^2 = x^2 Phi(x) (1 - Phi(x))` ([`gate_variance`](crate::gate_variance)). An empty `ns`
/// gives an empty vector.
///
/// Errors: as [`mc_gelu_fast`] (NaN or infinite `x` gives [`McError::NonFiniteInput`], an `n` of
/// 0 in `ns` gives [`McError::TooFewSamples`]); `replicates = 0` gives [`McError::TooFewSamples`]
/// (`found: 0, needed: 1`).
///
/// ```
/// use chapter3::McError;
/// use chapter3::convergence::errors_by_n;
/// let points = errors_by_n(1.0, &[100, 10_000], 200, 7)?;
/// // 100 times the samples: about a tenth of the error.
/// let ratio = points[1].rmse / points[0].rmse;
/// assert!((ratio - 0.1).abs() < 0.03, "{ratio}");
/// assert_eq!(errors_by_n(1.0, &[100], 0, 7), Err(McError::TooFewSamples { found: 0, needed: 1 }));
/// assert!(matches!(errors_by_n(f64::NAN, &[100], 5, 7), Err(McError::NonFiniteInput { .. })));
/// # Ok::<(), McError>(())
/// ```
pub fn errors_by_n(x: f64, ns: &[u64], replicates: usize, seed: u64) -> Result<Vec<ErrorAtN>, McError> {
    if replicates == 0 {
        return Err(McError::TooFewSamples { found: 0, needed: 1 });
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

/// A least-squares line `y = intercept + slope * x`, with the standard error of the slope, as
/// [`fit_line`] returns it. A plain record: any values may be stored.
///
/// ```
/// use chapter3::convergence::fit_line;
/// let fit = fit_line(&[(0.0, 1.0), (1.0, 3.0), (2.0, 5.0)])?;
/// assert!((fit.slope - 2.0).abs() < 1e-12 && (fit.intercept - 1.0).abs() < 1e-12);
/// assert!(fit.slope_standard_error < 1e-12); // the points lie on the line
/// # Ok::<(), chapter3::McError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineFit {
    /// Fitted slope.
    pub slope: f64,
    /// Fitted intercept.
    pub intercept: f64,
    /// Standard error of the slope, `sqrt(residual variance / sum (x - mean x)^2)`.
    pub slope_standard_error: f64,
}

/// Ordinary least squares through `points`: `slope = Sxy / Sxx` and
/// `intercept = mean y - slope * mean x`, with `Sxx = sum (x - mean x)^2` and
/// `Sxy = sum (x - mean x)(y - mean y)`; the slope's standard error is
/// `sqrt(RSS / (count - 2) / Sxx)`, `RSS` the residual sum of squares. NaN or infinite
/// coordinates propagate into the fit (NaN results).
///
/// Errors: fewer than three points give [`McError::TooFewSamples`] (`needed: 3`: two points
/// leave no residual variance to estimate); points that all have the same `x` give
/// [`McError::DegenerateFit`] (no slope exists).
///
/// ```
/// use chapter3::McError;
/// use chapter3::convergence::fit_line;
/// let fit = fit_line(&[(0.0, 0.0), (1.0, 1.0), (2.0, 1.0), (3.0, 2.0)])?;
/// assert!((fit.slope - 0.6).abs() < 1e-12 && (fit.intercept - 0.1).abs() < 1e-12);
/// assert!(fit.slope_standard_error > 0.0); // the points scatter about the line
/// assert_eq!(fit_line(&[(0.0, 0.0), (1.0, 1.0)]), Err(McError::TooFewSamples { found: 2, needed: 3 }));
/// assert_eq!(fit_line(&[(1.0, 0.0), (1.0, 1.0), (1.0, 2.0)]), Err(McError::DegenerateFit));
/// # Ok::<(), McError>(())
/// ```
pub fn fit_line(points: &[(f64, f64)]) -> Result<LineFit, McError> {
    if points.len() < 3 {
        return Err(McError::TooFewSamples { found: points.len(), needed: 3 });
    }
    let count = points.len() as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / count;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / count;
    let sxx: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    if sxx == 0.0 {
        return Err(McError::DegenerateFit);
    }
    let slope = sxy / sxx;
    let intercept = mean_y - slope * mean_x;
    let residuals: f64 = points.iter().map(|p| (p.1 - intercept - slope * p.0).powi(2)).sum();
    let slope_standard_error = (residuals / (count - 2.0) / sxx).sqrt();
    Ok(LineFit { slope, intercept, slope_standard_error })
}

/// The log-log fit of RMSE against `n`: `ln rmse = intercept + slope * ln n`. Monte Carlo theory
/// says the slope is `-1/2`. An `rmse` of 0 gives `ln 0 = -inf` and a NaN fit.
///
/// Errors: as [`fit_line`]: fewer than three points give [`McError::TooFewSamples`]
/// (`needed: 3`), and points that all share one `n` give [`McError::DegenerateFit`].
///
/// ```
/// use chapter3::McError;
/// use chapter3::convergence::{errors_by_n, log_log_slope};
/// let points = errors_by_n(1.0, &[10, 100, 1_000, 10_000], 100, 7)?;
/// let fit = log_log_slope(&points)?;
/// assert!((fit.slope + 0.5).abs() < 0.1, "{fit:?}");
/// assert_eq!(log_log_slope(&points[..2]), Err(McError::TooFewSamples { found: 2, needed: 3 }));
/// # Ok::<(), McError>(())
/// ```
pub fn log_log_slope(points: &[ErrorAtN]) -> Result<LineFit, McError> {
    let logged: Vec<(f64, f64)> = points.iter().map(|p| ((p.n as f64).ln(), p.rmse.ln())).collect();
    fit_line(&logged)
}

/// How often a confidence interval covered the truth, as [`coverage`] counts it. A plain record;
/// `covered <= replicates` is expected but not enforced.
///
/// ```
/// use chapter3::convergence::Coverage;
/// let measured = Coverage { covered: 95, replicates: 100 };
/// assert_eq!(measured.fraction(), 0.95);
/// assert!((measured.standard_error() - (0.95f64 * 0.05 / 100.0).sqrt()).abs() < 1e-15);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coverage {
    /// Intervals that contained `GELU(x)`.
    pub covered: usize,
    /// Intervals formed.
    pub replicates: usize,
}

impl Coverage {
    /// The covered fraction `covered / replicates`. `replicates = 0` gives NaN (`0 / 0`).
    ///
    /// ```
    /// use chapter3::convergence::Coverage;
    /// assert_eq!(Coverage { covered: 3, replicates: 4 }.fraction(), 0.75);
    /// assert!(Coverage { covered: 0, replicates: 0 }.fraction().is_nan());
    /// ```
    pub fn fraction(&self) -> f64 {
        self.covered as f64 / self.replicates as f64
    }

    /// Its standard error `sqrt(f (1 - f) / replicates)`, `f` the [`fraction`](Self::fraction): the
    /// coverage is itself an estimate. 0 when every interval (or none) covered; NaN for
    /// `replicates = 0`.
    ///
    /// ```
    /// use chapter3::convergence::Coverage;
    /// assert_eq!(Coverage { covered: 50, replicates: 100 }.standard_error(), 0.05);
    /// assert_eq!(Coverage { covered: 100, replicates: 100 }.standard_error(), 0.0);
    /// assert!(Coverage { covered: 0, replicates: 0 }.standard_error().is_nan());
    /// ```
    pub fn standard_error(&self) -> f64 {
        let f = self.fraction();
        (f * (1.0 - f) / self.replicates as f64).sqrt()
    }
}

/// Forms `replicates` intervals at confidence `level` from estimates of `n` samples (seeded with
/// `seed`) and counts those that contain `GELU(x)`.
///
/// Errors: as [`mc_gelu_fast`] and [`Estimate::confidence_interval`](crate::Estimate::confidence_interval);
/// `replicates = 0` gives [`McError::TooFewSamples`] (`found: 0, needed: 1`).
///
/// ```
/// use chapter3::McError;
/// use chapter3::convergence::{coverage, exact_coverage};
/// let measured = coverage(1.0, 1000, 0.95, 400, 11)?;
/// assert_eq!(measured.replicates, 400);
/// let exact = exact_coverage(1.0, 1000, 0.95)?;
/// assert!((measured.fraction() - exact).abs() < 4.0 * measured.standard_error());
/// assert_eq!(coverage(1.0, 1000, 0.95, 0, 11), Err(McError::TooFewSamples { found: 0, needed: 1 }));
/// assert_eq!(coverage(1.0, 1000, 1.5, 10, 11), Err(McError::LevelOutOfRange { level: 1.5 }));
/// # Ok::<(), McError>(())
/// ```
pub fn coverage(x: f64, n: u64, level: f64, replicates: usize, seed: u64) -> Result<Coverage, McError> {
    if replicates == 0 {
        return Err(McError::TooFewSamples { found: 0, needed: 1 });
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

/// The exact probability that the interval [`coverage`] forms contains `GELU(x)`: what its
/// simulated fraction estimates, with no sampling error.
///
/// Formula: the kept count of `n` draws is `K ~ Binomial(n, q)` with `q = Phi(x)`, and the interval
/// is a function of `K` alone (mean `x K / n`, standard error from the `n - 1` sample variance, as
/// in [`Estimate::from_kept_count`]; half-width `z * standard_error` with `z = Phi^{-1}((1 + level) / 2)`).
/// So
///
/// `coverage = sum over k = 0..=n of P(K = k) * [interval(k) contains GELU(x)]`,
/// `P(K = k) = C(n, k) q^k (1 - q)^(n - k)`.
///
/// Method: no binomial coefficient or power is formed. The terms are generated from the mode
/// `floor((n + 1) q)`, given the value 1, by the exact ratios
/// `P(k + 1) / P(k) = (n - k) q / ((k + 1) (1 - q))` upward and `P(k - 1) / P(k) = k (1 - q) / ((n - k + 1) q)`
/// downward, with `1 - q` computed as `Phi(-x)` (not by subtracting, which cancels for large `x`), and the result is
/// divided by the sum of all terms generated. The binomial law is log-concave, so the terms fall
/// monotonically away from the mode; each walk stops once a term drops below `1e-300` of the
/// mode's, which leaves out nothing a double can hold. Time: about `75 sqrt(n q (1 - q)) + 1` interval
/// checks, not `n`. Each interval is the same floating-point computation as in [`coverage`].
///
/// Domain: finite `x`, `n >= 1`, `level` in `(0, 1)`. Errors: `n = 0` gives
/// [`McError::TooFewSamples`] (`found: 0, needed: 1`), NaN or infinite `x` gives [`McError::NonFiniteInput`], and a level
/// outside `(0, 1)` or NaN gives [`McError::LevelOutOfRange`]. Edge cases follow from the code:
/// at `n = 1` the standard error is infinite and every interval covers (coverage 1); at `x = 0`
/// every draw is 0 and so is `GELU(0)` (coverage 1).
///
/// ```
/// use chapter3::convergence::exact_coverage;
/// use chapter3::{McError, std_normal_cdf};
///
/// // x = 3, n = 100: the interval misses whenever all 100 draws are kept (a zero-width interval
/// // at 3, while GELU(3) = 2.996), and almost never otherwise.
/// let coverage = exact_coverage(3.0, 100, 0.95)?;
/// assert!((coverage - 0.126_343).abs() < 1e-6);
/// assert!((coverage - (1.0 - std_normal_cdf(3.0).powi(100))).abs() < 2e-5);
/// assert_eq!(exact_coverage(1.0, 0, 0.95), Err(McError::TooFewSamples { found: 0, needed: 1 }));
/// assert_eq!(exact_coverage(1.0, 10, 1.0), Err(McError::LevelOutOfRange { level: 1.0 }));
/// # Ok::<(), McError>(())
/// ```
pub fn exact_coverage(x: f64, n: u64, level: f64) -> Result<f64, McError> {
    if n == 0 {
        return Err(McError::TooFewSamples { found: 0, needed: 1 });
    }
    let q = keep_probability(x)?;
    let z = normal_quantile_two_sided(level)?;
    let one_minus_q = std_normal_cdf(-x);
    let exact = gelu(x);
    let covers = |k: u64| -> Result<bool, McError> {
        let estimate = Estimate::from_kept_count(x, k, n)?;
        let half_width = z * estimate.standard_error;
        Ok(estimate.mean - half_width <= exact && exact <= estimate.mean + half_width)
    };
    const NEGLIGIBLE: f64 = 1e-300;
    let n_f = n as f64;
    let mode = (((n_f + 1.0) * q).floor() as u64).min(n);
    let (mut total, mut covered) = (1.0, if covers(mode)? { 1.0 } else { 0.0 });
    // Upward from the mode.
    let (mut k, mut term) = (mode, 1.0_f64);
    while k < n {
        term *= (n - k) as f64 * q / ((k + 1) as f64 * one_minus_q);
        k += 1;
        if term < NEGLIGIBLE {
            break;
        }
        total += term;
        if covers(k)? {
            covered += term;
        }
    }
    // Downward from the mode.
    let (mut k, mut term) = (mode, 1.0_f64);
    while k > 0 {
        term *= k as f64 * one_minus_q / ((n - k + 1) as f64 * q);
        k -= 1;
        if term < NEGLIGIBLE {
            break;
        }
        total += term;
        if covers(k)? {
            covered += term;
        }
    }
    Ok(covered / total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_recovers_an_exact_line() {
        let points: Vec<(f64, f64)> = (0..5).map(|i| (i as f64, 3.0 - 0.5 * i as f64)).collect();
        let fit = fit_line(&points).unwrap();
        assert!((fit.slope + 0.5).abs() < 1e-12 && (fit.intercept - 3.0).abs() < 1e-12);
        assert!(fit.slope_standard_error < 1e-12);
        assert_eq!(fit_line(&points[..2]), Err(McError::TooFewSamples { found: 2, needed: 3 }));
        assert_eq!(fit_line(&[]), Err(McError::TooFewSamples { found: 0, needed: 3 }));
        assert_eq!(fit_line(&[(1.0, 1.0), (1.0, 2.0), (1.0, 3.0)]), Err(McError::DegenerateFit));
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

    /// The coverage by brute force: every one of the 2^n masks, its probability, its interval.
    fn coverage_by_enumeration(x: f64, n: u32, level: f64) -> f64 {
        let (q, exact) = (std_normal_cdf(x), gelu(x));
        let mut total = 0.0;
        for mask in 0_u32..1 << n {
            let k = mask.count_ones();
            let probability = q.powi(k as i32) * (1.0 - q).powi((n - k) as i32);
            let (low, high) =
                Estimate::from_kept_count(x, k as u64, n as u64).unwrap().confidence_interval(level).unwrap();
            if low <= exact && exact <= high {
                total += probability;
            }
        }
        total
    }

    #[test]
    fn exact_coverage_matches_an_enumeration_of_every_mask() {
        for x in [-2.0, -0.7, 0.0, 0.4, 1.0, 3.0] {
            for n in [1, 2, 3, 5, 8, 12] {
                for level in [0.5, 0.95] {
                    let enumerated = coverage_by_enumeration(x, n, level);
                    let computed = exact_coverage(x, n as u64, level).unwrap();
                    assert!(
                        (computed - enumerated).abs() < 1e-12,
                        "x = {x}, n = {n}: {computed} vs {enumerated}"
                    );
                }
            }
        }
        assert_eq!(exact_coverage(0.0, 50, 0.95), Ok(1.0));
        assert_eq!(exact_coverage(-1.0, 1, 0.95), Ok(1.0));
    }

    #[test]
    fn exact_coverage_agrees_with_simulation_within_four_standard_errors() {
        // 2000 simulated intervals per case; 4 SE leaves a false-failure rate of 6e-5 per case.
        for (x, n, seed) in [(1.0, 1000, 11), (1.0, 20, 12), (-2.0, 100, 13), (3.0, 100, 14)] {
            let exact = exact_coverage(x, n, 0.95).unwrap();
            let simulated = coverage(x, n, 0.95, 2000, seed).unwrap();
            let se = (exact * (1.0 - exact) / 2000.0).sqrt();
            assert!(
                (simulated.fraction() - exact).abs() < 4.0 * se,
                "x = {x}, n = {n}: {simulated:?} vs {exact}"
            );
        }
    }

    #[test]
    fn exact_coverage_at_extreme_inputs_and_bad_input() {
        // Far tails: Phi(x) or Phi(-x) is 0 or below 1e-300, and the law is a point mass.
        assert_eq!(exact_coverage(40.0, 1000, 0.95), Ok(1.0)); // every draw kept, interval [40, 40]
        // x = -37: Phi = 5.7e-300, so nearly every run drops all 1000 draws, and [0, 0] misses GELU(-37).
        assert!(exact_coverage(-37.0, 1000, 0.95).unwrap() < 1e-290);
        // A large n costs only about 75 standard deviations of K.
        let large = exact_coverage(1.0, 1_000_000_000, 0.95).unwrap();
        assert!((large - 0.95).abs() < 1e-3, "{large}");
        assert_eq!(exact_coverage(1.0, 0, 0.95), Err(McError::TooFewSamples { found: 0, needed: 1 }));
        assert!(matches!(exact_coverage(f64::NAN, 5, 0.95), Err(McError::NonFiniteInput { .. })));
        assert_eq!(
            exact_coverage(1.0, 5, f64::INFINITY),
            Err(McError::LevelOutOfRange { level: f64::INFINITY })
        );
        assert_eq!(exact_coverage(1.0, 5, 0.0), Err(McError::LevelOutOfRange { level: 0.0 }));
    }
}
