//! The checks of chapter 3's exercises: one function per exercise, taking the functions to check.
//!
//! tests/exercises.rs calls each on your file (or the reference solution); tests/wrong_answers.rs
//! calls it on every known wrong answer in tests/wrong_answers/ and asserts that it fails. Each
//! check rejects the plausible wrong answers named in its comments, not just the stub.

use exercise_check::{assert_close, assert_relative_close};
use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;

/// Statistical checks allow 5 standard errors: a correct answer fails with probability 5.7e-7 per
/// check (two-sided normal tail), and the seeds are fixed, so a pass is repeatable.
const K_STANDARD_ERRORS: f64 = 5.0;

/// Exercise 3.1: `normal_cdf(x)`.
pub fn check_3_1_normal_cdf(normal_cdf: impl Fn(f64) -> f64) {
    // Relative 1e-12 against the book's exact Phi. Phi(-x) instead of Phi(x) fails at once;
    // 0.5 * (1 + erf(x / sqrt 2)) cancels and fails at x = -10 (it returns 0 there).
    for x in [0.5, 1.0, -1.0, 3.0, -3.0, -5.0, -10.0, -20.0, 8.0] {
        let what = format!("Phi({x})");
        assert_relative_close(&what, chapter3::std_normal_cdf(x), normal_cdf(x), 1e-12);
    }
    assert_eq!(normal_cdf(0.0), 0.5, "Phi(0)");
    assert_eq!(normal_cdf(f64::INFINITY), 1.0, "Phi(+inf)");
    assert_eq!(normal_cdf(f64::NEG_INFINITY), 0.0, "Phi(-inf)");
    assert!(normal_cdf(f64::NAN).is_nan(), "Phi(NaN) must be NaN");
}

/// Exercise 3.2: `estimate_gelu(x, n, rng)`.
pub fn check_3_2_mc_estimate(estimate_gelu: impl Fn(f64, u64, &mut Xoshiro256PlusPlus) -> (f64, f64)) {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(32);
    // Large n: unbiased. The mean of 10^5 draws is within 5 SE of GELU(x) at x = 1 (a gate that
    // keeps with Phi(-x) centres on 0.159, ~450 SE away; "return 0" is ~730 SE away), at x = 3
    // and at x = -2.5. Each call is also checked exactly, by `assert_fixed_by_kept_count`: at
    // x = 3 and x = -2.5, where |x| != 1 and x Phi(x) is no proportion, a standard error that
    // forgets |x| or treats the mean as a proportion fails it.
    let n = 100_000;
    for x in [1.0, 3.0, -2.5] {
        let (mean, standard_error) = estimate_gelu(x, n, &mut rng);
        assert_fixed_by_kept_count(x, n, mean, standard_error);
        let predicted_se = (chapter3::gate_variance(x) / n as f64).sqrt();
        let what = format!("mean of 10^5 draws at x = {x}");
        assert_close(&what, chapter3::gelu(x), mean, K_STANDARD_ERRORS * predicted_se);
    }

    // Small n: every output is exactly determined by the count kept, and the counts of many
    // calls show n independent draws per call. At x = -0.5, n = 5, the count kept is
    // Binomial(5, Phi(-0.5)): mean 5 Phi = 1.543, variance 5 Phi (1 - Phi) = 1.067. Keeping a quota
    // of round(n Phi) draws gives variance 0, one shared draw per call 5.3. Over 4000 calls the
    // mean fraction has SE sqrt(Phi (1 - Phi) / 20000) = 0.0033 (5 SE allowed), and the sample
    // variance has relative SE 2.1%, so 15% is 7.2 SE: a correct answer fails either with
    // probability below 6e-7 for this seed.
    for (x, n) in [(1.5, 2), (3.0, 3), (-2.5, 10)] {
        for _ in 0..200 {
            let (mean, standard_error) = estimate_gelu(x, n, &mut rng);
            assert_fixed_by_kept_count(x, n, mean, standard_error);
        }
    }
    let (x, n, calls) = (-0.5, 5, 4000);
    let counts: Vec<f64> = (0..calls)
        .map(|_| {
            let (mean, standard_error) = estimate_gelu(x, n, &mut rng);
            assert_fixed_by_kept_count(x, n, mean, standard_error) as f64
        })
        .collect();
    let p = chapter3::std_normal_cdf(x);
    let average = counts.iter().sum::<f64>() / calls as f64;
    let standard_error = (p * (1.0 - p) / (n * calls) as f64).sqrt();
    let what = "fraction of draws kept at x = -0.5 (4000 calls with n = 5)";
    assert_close(what, p, average / n as f64, K_STANDARD_ERRORS * standard_error);
    let variance = counts.iter().map(|c| (c - average).powi(2)).sum::<f64>() / (calls as f64 - 1.0);
    let expected = n as f64 * p * (1.0 - p);
    let what = "variance of the count kept in n = 5 draws at x = -0.5 (n independent draws per call)";
    assert_close(what, expected, variance, 0.15 * expected);
}

/// Checks one result of `estimate_gelu(x, n, ..)` exactly and returns the count kept, `k`.
///
/// Each of the n outputs is x or 0, so with k kept the mean is k x / n and the unbiased sample
/// variance is x^2 k (n - k) / (n (n - 1)): the standard error of the mean is
/// |x| sqrt(k (n - k) / (n^2 (n - 1))), whatever k the draws gave. The tolerances allow the
/// rounding of any way of summing 10^5 terms (1e-9 relative) and nothing more: n instead of n - 1
/// is off by 5e-6 relative even at n = 10^5.
fn assert_fixed_by_kept_count(x: f64, n: u64, mean: f64, standard_error: f64) -> u64 {
    let count = n as f64;
    let kept = mean * count / x;
    let k = kept.round();
    assert!(
        (0.0..=count).contains(&k) && (kept - k).abs() <= 1e-9 * count,
        "x = {x}, n = {n}: mean {mean} is not k x / n for a whole number k of kept draws \
         (mean * n / x = {kept}); each of the n outputs is x (kept) or 0"
    );
    let expected = x.abs() * (k * (count - k) / (count * count * (count - 1.0))).sqrt();
    assert!(
        (standard_error - expected).abs() <= 1e-9 * expected + 1e-12 * x.abs(),
        "x = {x}, n = {n}, {k} of the {n} draws kept (mean {mean}): standard error expected \
         {expected:e}, got {standard_error:e}. It is s / sqrt(n), with s^2 the unbiased sample \
         variance (divide by n - 1) of the n outputs x m"
    );
    k as u64
}

/// Exercise 3.3: `samples_for_half_width(x, half_width)`.
pub fn check_3_3_samples_needed(samples_for_half_width: impl Fn(f64, f64) -> u64) {
    let z = chapter3::normal_quantile_two_sided(0.95).unwrap();
    let half_width = |x: f64, n: u64| z * chapter3::gate_variance(x).sqrt() / (n as f64).sqrt();
    // The answer must reach the target, and one sample fewer must not: this catches the
    // floor instead of the ceiling, a forgotten square, and a rounded z = 2.
    for (x, target) in [(1.0, 1e-3), (1.0, 1e-2), (-2.0, 1e-4), (0.3, 5e-3), (3.0, 1e-3)] {
        let n = samples_for_half_width(x, target);
        assert!(
            n >= 2 && half_width(x, n) <= target && half_width(x, n - 1) > target,
            "x = {x}, half-width {target}: n = {n} gives half-width {:.6e}, n - 1 gives {:.6e}; \
             the smallest n with half-width <= {target} is wanted",
            half_width(x, n),
            half_width(x, n.saturating_sub(1).max(1))
        );
    }
}

/// Exercise 3.4: `gate_variance(x)`.
pub fn check_3_4_gate_variance(gate_variance: impl Fn(f64) -> f64) {
    // The points separate x^2 Phi (1 - Phi) from x^2 Phi, x Phi (1 - Phi), x^2 Phi^2 and
    // (x Phi)^2 (1 - Phi): x = 2 and x = -0.5 differ in sign and size.
    for x in [2.0, -0.5, 1.0, -3.0, 0.0] {
        let p = chapter3::std_normal_cdf(x);
        let expected = x * x * p * (1.0 - p);
        let what = format!("Var[x m] at x = {x}");
        assert_close(&what, expected, gate_variance(x), 1e-14 * expected.max(1e-300) + 1e-300);
    }
    // And it matches simulation: the sample variance of 2e5 draws at x = 1.5 (relative SE of a
    // sample variance of Bernoulli-type draws ~0.6% here; 5% is > 8 SE).
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(34);
    let estimate = chapter3::mc_gelu(1.5, 200_000, &mut rng).unwrap();
    let measured = estimate.standard_error * estimate.standard_error * 200_000.0;
    assert_relative_close(
        "your formula against the simulated variance at x = 1.5",
        measured,
        gate_variance(1.5),
        0.05,
    );
}
