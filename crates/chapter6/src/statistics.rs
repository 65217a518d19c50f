//! Paired comparisons of two activations trained with the same seeds.
//!
//! Seed `s` gives test errors `a_s` (the activation) and `b_s` (ReLU); a seed that draws a lucky
//! initialisation helps both, so the comparison is made on the paired differences
//! `d_s = a_s - b_s`, which cancel that shared effect. On them: the mean, its Student t interval,
//! the paired t-test and the exact sign-flip permutation test, which assumes only that under
//! "no difference" each `d_s` is as likely to be positive as negative.
//!
//! Student t quantities come from `statrs` (0.19), whose incomplete beta function is accurate to
//! about 1e-10 relative: ample for p-values and intervals, not for digits beyond the tenth.

use statrs::distribution::{ContinuousCDF, StudentsT};

use crate::Chapter6Error;

/// The largest `n` for which [`sign_flip_p_value`] enumerates its `2^n` sign patterns.
pub const MAX_SIGN_FLIP_N: usize = 20;

/// The summary of a paired comparison, from [`paired_comparison`].
///
/// ```
/// use chapter6::statistics::paired_comparison;
/// let comparison = paired_comparison(&[0.30, 0.20, 0.40], &[0.31, 0.22, 0.43], 0.95)?;
/// assert_eq!((comparison.n, comparison.wins, comparison.losses, comparison.ties), (3, 3, 0, 0));
/// assert!(comparison.interval.0 < comparison.mean && comparison.mean < comparison.interval.1);
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairedComparison {
    /// The number of pairs (seeds).
    pub n: usize,
    /// The mean difference `mean(a_s - b_s)`; negative means the activation errs less.
    pub mean: f64,
    /// The sample standard deviation of the differences (divisor `n - 1`).
    pub standard_deviation: f64,
    /// `standard_deviation / sqrt(n)`.
    pub standard_error: f64,
    /// The t interval of the mean difference at the requested level ([`t_interval`]).
    pub interval: (f64, f64),
    /// `mean / standard_error` (0 or ±infinity when every difference is the same; see
    /// [`paired_comparison`]).
    pub t: f64,
    /// The two-sided p-value of the paired t-test, `n - 1` degrees of freedom.
    pub t_test_p: f64,
    /// The exact two-sided sign-flip permutation p-value ([`sign_flip_p_value`]).
    pub sign_flip_p: f64,
    /// Seeds where the activation errs less (`d_s < 0`).
    pub wins: usize,
    /// Seeds where it errs more (`d_s > 0`).
    pub losses: usize,
    /// Seeds with `d_s = 0`.
    pub ties: usize,
}

/// Compares `a` with `b` seed by seed: the differences `d_s = a_s - b_s`, their mean, sample
/// standard deviation `s`, standard error `s / sqrt(n)`, the `level` t interval, the paired
/// t-test (`t = mean / standard_error`, `p = 2 (1 - F(|t|))` with `F` the Student t CDF with
/// `n - 1` degrees of freedom, computed as `2 sf(|t|)` to avoid cancellation) and the exact
/// sign-flip test.
///
/// When every difference is the same, `s = 0` and the t statistic is undefined; this function
/// defines it: if the differences are all 0, `t = 0` and `t_test_p = 1`; otherwise
/// `t = ±infinity` (the sign of the mean) and `t_test_p = 0`. The interval is then `(mean, mean)`.
///
/// Errors ([`Chapter6Error::Invalid`]): `level` not strictly between 0 and 1 (NaN included);
/// `a` and `b` of different lengths; `n < 2`; `n > MAX_SIGN_FLIP_N` (20); a NaN or infinite
/// value (the message names the slice and index).
///
/// ```
/// use chapter6::statistics::paired_comparison;
/// let gelu = [0.030, 0.025, 0.036, 0.028, 0.033];
/// let relu = [0.033, 0.031, 0.036, 0.031, 0.036];
/// let comparison = paired_comparison(&gelu, &relu, 0.95)?;
/// assert!((comparison.mean - -0.003).abs() < 1e-12);
/// assert_eq!((comparison.wins, comparison.losses, comparison.ties), (4, 0, 1));
/// // Only the all-minus and all-plus patterns reach |sum| = 0.015; the tie flips to itself.
/// assert_eq!(comparison.sign_flip_p, 4.0 / 32.0);
/// assert!(paired_comparison(&gelu, &relu[..4], 0.95).is_err());
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
pub fn paired_comparison(a: &[f64], b: &[f64], level: f64) -> Result<PairedComparison, Chapter6Error> {
    check_level(level)?;
    if a.len() != b.len() {
        return Err(Chapter6Error::invalid(format!(
            "a has {} values and b has {}: a paired comparison needs one of each per seed",
            a.len(),
            b.len()
        )));
    }
    check_finite("a", a)?;
    check_finite("b", b)?;
    let differences: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    let sign_flip_p = sign_flip_p_value(&differences)?;
    let summary = summarise(&differences)?;
    let distribution = student_t(summary.n)?;
    let (t, t_test_p) = if summary.standard_error == 0.0 {
        if summary.mean == 0.0 { (0.0, 1.0) } else { (f64::INFINITY.copysign(summary.mean), 0.0) }
    } else {
        let t = summary.mean / summary.standard_error;
        (t, (2.0 * distribution.sf(t.abs())).min(1.0))
    };
    let count = |keep: fn(f64) -> bool| differences.iter().filter(|&&d| keep(d)).count();
    Ok(PairedComparison {
        n: summary.n,
        mean: summary.mean,
        standard_deviation: summary.standard_deviation,
        standard_error: summary.standard_error,
        interval: interval(&summary, &distribution, level),
        t,
        t_test_p,
        sign_flip_p,
        wins: count(|d| d < 0.0),
        losses: count(|d| d > 0.0),
        ties: count(|d| d == 0.0),
    })
}

/// The exact two-sided sign-flip permutation p-value of paired `differences`.
///
/// Under "no difference" all `2^n` sign patterns `s_i = ±1` are equally likely. With the
/// statistic `|sum s_i d_i|`, `p = #{patterns with |sum s_i d_i| >= observed - tolerance} / 2^n`,
/// where `tolerance = 1e-12 sum |d_i|` keeps a pattern whose sum equals the observed one exactly
/// but rounds differently: far above rounding (about `n 1.1e-16 sum |d_i|`), far below any real
/// gap between test errors (multiples of 1/360 on the book's test set). So `p >= 2 / 2^n`.
///
/// A zero difference flips to itself; its two patterns count like any others (the standard
/// treatment, which makes ties conservative rather than dropping them).
///
/// Errors ([`Chapter6Error::Invalid`]): `n < 2`, `n > MAX_SIGN_FLIP_N` (20, that is 2^20
/// patterns; the book uses n = 10, 1024 patterns), or a NaN or infinite difference (named by index).
///
/// ```
/// use chapter6::statistics::sign_flip_p_value;
/// // Ten differences of one sign: only the all-plus and all-minus patterns reach the observed sum.
/// let differences = [-0.01, -0.02, -0.03, -0.04, -0.05, -0.06, -0.07, -0.08, -0.09, -0.10];
/// assert_eq!(sign_flip_p_value(&differences)?, 2.0 / 1024.0);
/// assert_eq!(sign_flip_p_value(&[1.0, -1.0])?, 1.0);
/// assert!(sign_flip_p_value(&[0.5; 21]).is_err());
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
pub fn sign_flip_p_value(differences: &[f64]) -> Result<f64, Chapter6Error> {
    check_differences(differences)?;
    let n = differences.len();
    if n > MAX_SIGN_FLIP_N {
        return Err(Chapter6Error::invalid(format!(
            "{n} differences: the exact sign-flip test enumerates 2^n patterns, n <= {MAX_SIGN_FLIP_N}"
        )));
    }
    let observed = differences.iter().sum::<f64>().abs();
    let tolerance = 1e-12 * differences.iter().map(|d| d.abs()).sum::<f64>();
    let patterns: u32 = 1 << n;
    // Bit i of `signs` set flips d_i; pattern 0 is the observed one and always counts.
    let as_extreme = (0..patterns)
        .filter(|&signs| {
            let flipped: f64 = differences
                .iter()
                .enumerate()
                .map(|(i, &d)| if (signs >> i) & 1 == 1 { -d } else { d })
                .sum();
            flipped.abs() >= observed - tolerance
        })
        .count();
    Ok(as_extreme as f64 / f64::from(patterns))
}

/// The Student t interval of the mean of `differences` at confidence `level`:
/// `mean ± t_{(1 + level)/2, n - 1} s / sqrt(n)`, with `s` the sample standard deviation.
/// When every difference is the same, `s = 0` and the interval is `(mean, mean)`.
///
/// Errors ([`Chapter6Error::Invalid`]): `level` not strictly between 0 and 1 (NaN included),
/// `n < 2`, a NaN or infinite difference (named by index), or differences so large that their
/// mean or spread overflows `f64`.
///
/// ```
/// use chapter6::statistics::t_interval;
/// // n = 2: mean 2, s = sqrt(2), standard error 1, t_{0.975, 1} = 12.706...
/// let (low, high) = t_interval(&[1.0, 3.0], 0.95)?;
/// assert!((low - (2.0 - 12.706_204_736)).abs() < 1e-6 && (high - (2.0 + 12.706_204_736)).abs() < 1e-6);
/// assert!(t_interval(&[1.0, 3.0], 1.0).is_err());
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
pub fn t_interval(differences: &[f64], level: f64) -> Result<(f64, f64), Chapter6Error> {
    check_level(level)?;
    let summary = summarise(differences)?;
    Ok(interval(&summary, &student_t(summary.n)?, level))
}

/// The Bonferroni-corrected significance level `alpha / comparisons`: testing `comparisons`
/// hypotheses each at this level keeps the chance of any false rejection at most `alpha`.
///
/// A plain maths function: no error; `comparisons = 0` (nothing to correct for) returns `alpha`
/// unchanged, and a NaN `alpha` gives NaN.
///
/// ```
/// use chapter6::statistics::bonferroni;
/// assert_eq!(bonferroni(0.05, 4), 0.0125);
/// assert_eq!(bonferroni(0.05, 0), 0.05);
/// ```
pub fn bonferroni(alpha: f64, comparisons: usize) -> f64 {
    if comparisons == 0 { alpha } else { alpha / comparisons as f64 }
}

/// Mean, sample standard deviation and standard error of differences checked by [`summarise`].
struct Summary {
    n: usize,
    mean: f64,
    standard_deviation: f64,
    standard_error: f64,
}

/// Summarises `differences`; all-equal differences get exactly `s = 0` and `mean = d_0` (a
/// computed mean could be off by rounding and give a tiny spurious `s`).
fn summarise(differences: &[f64]) -> Result<Summary, Chapter6Error> {
    check_differences(differences)?;
    let n = differences.len();
    let (mean, standard_deviation) = if differences.iter().all(|&d| d == differences[0]) {
        (differences[0], 0.0)
    } else {
        let mean = differences.iter().sum::<f64>() / n as f64;
        let squares: f64 = differences.iter().map(|d| (d - mean).powi(2)).sum();
        (mean, (squares / (n - 1) as f64).sqrt())
    };
    if !(mean.is_finite() && standard_deviation.is_finite()) {
        return Err(Chapter6Error::invalid("differences too large: their mean or spread overflows f64"));
    }
    Ok(Summary { n, mean, standard_deviation, standard_error: standard_deviation / (n as f64).sqrt() })
}

/// At least two differences, all finite.
fn check_differences(differences: &[f64]) -> Result<(), Chapter6Error> {
    let n = differences.len();
    if n < 2 {
        return Err(Chapter6Error::invalid(format!("{n} differences: a paired comparison needs at least 2")));
    }
    check_finite("differences", differences)
}

/// An error naming the first NaN or infinite value of `values`, if any.
fn check_finite(name: &str, values: &[f64]) -> Result<(), Chapter6Error> {
    match values.iter().position(|value| !value.is_finite()) {
        Some(index) => {
            Err(Chapter6Error::invalid(format!("{name}[{index}] = {}: not finite", values[index])))
        }
        None => Ok(()),
    }
}

fn check_level(level: f64) -> Result<(), Chapter6Error> {
    if level > 0.0 && level < 1.0 {
        Ok(())
    } else {
        Err(Chapter6Error::invalid(format!("level = {level}: a confidence level must be in (0, 1)")))
    }
}

/// The standard Student t distribution with `n - 1` degrees of freedom (`n >= 2`).
fn student_t(n: usize) -> Result<StudentsT, Chapter6Error> {
    StudentsT::new(0.0, 1.0, (n - 1) as f64).map_err(|error| {
        Chapter6Error::invalid(format!("Student t with {} degrees of freedom: {error}", n - 1))
    })
}

fn interval(summary: &Summary, distribution: &StudentsT, level: f64) -> (f64, f64) {
    let half_width = distribution.inverse_cdf((1.0 + level) / 2.0) * summary.standard_error;
    (summary.mean - half_width, summary.mean + half_width)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::PI;

    /// Student t CDF with 3 degrees of freedom in closed form:
    /// `1/2 + (theta + sin theta cos theta) / pi`, `theta = atan(t / sqrt 3)`.
    fn two_sided_p_df3(t: f64) -> f64 {
        let theta = (t.abs() / 3.0_f64.sqrt()).atan();
        1.0 - 2.0 * (theta + theta.sin() * theta.cos()) / PI
    }

    #[test]
    fn hand_computed_four_pairs() {
        let b = [0.2, 0.1, 0.4, 0.3];
        let a: Vec<f64> = b.iter().zip([1.0, 2.0, 3.0, 4.0]).map(|(b, d)| b + d).collect();
        let comparison = paired_comparison(&a, &b, 0.95).unwrap();
        let sd = (5.0_f64 / 3.0).sqrt(); // squares 2.25 + 0.25 + 0.25 + 2.25 = 5, over n - 1 = 3
        let t = 2.5 / (sd / 2.0);
        assert!((comparison.mean - 2.5).abs() < 1e-12);
        assert!((comparison.standard_deviation - sd).abs() < 1e-12);
        assert!((comparison.standard_error - sd / 2.0).abs() < 1e-12);
        assert!((comparison.t - t).abs() < 1e-10);
        assert!((comparison.t_test_p - two_sided_p_df3(t)).abs() < 1e-9);
        let half_width = 3.182_446_305 * sd / 2.0; // t_{0.975, 3} from a table
        assert!((comparison.interval.0 - (2.5 - half_width)).abs() < 1e-6);
        assert!((comparison.interval.1 - (2.5 + half_width)).abs() < 1e-6);
        // All four positive: 2 of 16 patterns reach |sum| = 10.
        assert_eq!(comparison.sign_flip_p, 2.0 / 16.0);
        assert_eq!((comparison.n, comparison.wins, comparison.losses, comparison.ties), (4, 0, 4, 0));
    }

    #[test]
    fn t_test_p_matches_the_table_for_nine_degrees_of_freedom() {
        let p = 2.0 * student_t(10).unwrap().sf(2.262_157);
        assert!((p - 0.05).abs() < 1e-5, "p = {p}");
        // Two pairs, one degree of freedom (Cauchy): d = [1, 3] gives t = 2, p = 1 - 2 atan(2) / pi.
        let comparison = paired_comparison(&[1.0, 3.0], &[0.0, 0.0], 0.9).unwrap();
        assert!((comparison.t - 2.0).abs() < 1e-12);
        assert!((comparison.t_test_p - (1.0 - 2.0 * 2.0_f64.atan() / PI)).abs() < 1e-9);
    }

    #[test]
    fn ten_distinct_positive_differences_give_two_patterns_in_1024() {
        let differences: Vec<f64> = (1..=10).map(|i| 0.001 * f64::from(i) + 0.0003).collect();
        assert_eq!(sign_flip_p_value(&differences).unwrap(), 2.0 / 1024.0);
        assert_eq!(sign_flip_p_value(&[1.0, -1.0]).unwrap(), 1.0);
        assert_eq!(sign_flip_p_value(&[1.0, 1.0]).unwrap(), 0.5);
        assert_eq!(sign_flip_p_value(&[0.0, 0.0, 0.0]).unwrap(), 1.0);
    }

    #[test]
    fn rounding_does_not_drop_patterns_that_tie_with_the_observed_sum() {
        // Exactly, 0.2 + 0.4 + 0.6 - 0.2 = -0.2 + 0.4 + 0.6 + 0.2 = 1 and |sum| >= 1 for 6 of the 16
        // patterns; in f64 the observed sum is 1.0000000000000002 and the second one rounds to 1.0.
        assert_eq!(sign_flip_p_value(&[0.2, 0.4, 0.6, -0.2]).unwrap(), 6.0 / 16.0);
    }

    /// Counts patterns by recursion over the differences, independently of the bit loop.
    fn count_at_least(rest: &[f64], partial: f64, observed: f64) -> usize {
        match rest.split_first() {
            None => usize::from(partial.abs() >= observed - 1e-9),
            Some((&d, tail)) => {
                count_at_least(tail, partial + d, observed) + count_at_least(tail, partial - d, observed)
            }
        }
    }

    #[test]
    fn sign_flip_matches_a_recursive_enumeration() {
        for differences in
            [[0.7, -0.2, 0.4, 0.1, -0.5], [0.3, 0.3, -0.3, 0.0, 0.6], [-0.011, 0.004, -0.009, -0.002, 0.006]]
        {
            let observed = differences.iter().sum::<f64>().abs();
            let expected = count_at_least(&differences, 0.0, observed) as f64 / 32.0;
            assert_eq!(sign_flip_p_value(&differences).unwrap(), expected, "{differences:?}");
            assert!(expected > 2.0 / 32.0, "the case should not be the trivial one");
        }
    }

    #[test]
    fn pairing_detects_a_small_consistent_difference_hidden_by_seed_effects() {
        let seed_effect = [0.05, 0.30, 0.12, 0.45, 0.08, 0.22, 0.38, 0.15, 0.27, 0.50];
        let a: Vec<f64> = seed_effect.to_vec();
        let b: Vec<f64> =
            seed_effect.iter().enumerate().map(|(s, e)| e + 0.01 + 0.002 * (s as f64).sin()).collect();
        let paired = paired_comparison(&a, &b, 0.95).unwrap();
        assert!(paired.t_test_p < 0.01 && paired.sign_flip_p < 0.01, "{paired:?}");
        assert_eq!(paired.wins, 10);
        assert!(paired.interval.1 < 0.0);
        // The unpaired two-sample t-test (pooled variance, 18 degrees of freedom) sees nothing.
        let mean = |x: &[f64]| x.iter().sum::<f64>() / x.len() as f64;
        let variance = |x: &[f64]| x.iter().map(|v| (v - mean(x)).powi(2)).sum::<f64>() / 9.0;
        let unpaired_t = (mean(&a) - mean(&b)) / ((variance(&a) + variance(&b)) / 10.0).sqrt();
        let unpaired_p = 2.0 * StudentsT::new(0.0, 1.0, 18.0).unwrap().sf(unpaired_t.abs());
        assert!(unpaired_p > 0.5, "unpaired p = {unpaired_p}");
    }

    #[test]
    fn equal_differences_are_defined_not_nan() {
        let zero = paired_comparison(&[0.2, 0.3, 0.1], &[0.2, 0.3, 0.1], 0.95).unwrap();
        assert_eq!((zero.t, zero.t_test_p, zero.interval, zero.sign_flip_p), (0.0, 1.0, (0.0, 0.0), 1.0));
        assert_eq!(zero.ties, 3);
        let shifted = paired_comparison(&[0.25, 0.5, 1.0], &[0.5, 0.75, 1.25], 0.95).unwrap();
        assert_eq!((shifted.t, shifted.t_test_p), (f64::NEG_INFINITY, 0.0));
        assert_eq!((shifted.standard_deviation, shifted.interval), (0.0, (-0.25, -0.25)));
    }

    #[test]
    fn bad_input_is_an_error() {
        let invalid = |result: Result<PairedComparison, Chapter6Error>| match result {
            Err(Chapter6Error::Invalid { reason }) => reason,
            other => panic!("expected Invalid, got {other:?}"),
        };
        assert!(invalid(paired_comparison(&[0.1, 0.2], &[0.1], 0.95)).contains("b has 1"));
        invalid(paired_comparison(&[0.1], &[0.2], 0.95));
        assert!(invalid(paired_comparison(&[0.1, 0.2, 0.3], &[0.1, f64::NAN, 0.2], 0.95)).contains("b[1]"));
        assert!(invalid(paired_comparison(&[0.1, f64::INFINITY], &[0.1, 0.2], 0.95)).contains("a[1]"));
        invalid(paired_comparison(&[0.1; 21], &[0.2; 21], 0.95));
        for level in [0.0, 1.0, -0.5, 1.5, f64::NAN] {
            invalid(paired_comparison(&[0.1, 0.2], &[0.2, 0.1], level));
            assert!(t_interval(&[0.1, 0.2], level).is_err());
        }
        for bad in [&[0.1][..], &[0.1, f64::NAN], &[0.1; 21]] {
            assert!(sign_flip_p_value(bad).is_err() && (bad.len() == 21 || t_interval(bad, 0.95).is_err()));
        }
        assert!(sign_flip_p_value(&[0.1; 20]).is_ok());
        assert!(t_interval(&[f64::MAX, -f64::MAX], 0.95).is_err()); // the spread overflows
    }

    #[test]
    fn bonferroni_divides_alpha() {
        assert_eq!(bonferroni(0.05, 5), 0.01);
        assert_eq!(bonferroni(0.05, 0), 0.05);
        assert!(bonferroni(f64::NAN, 3).is_nan());
    }
}
