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
    // Unbiased: at x = 1 the mean of 10^5 draws is within 5 SE of GELU(1) = 0.841 (a gate that
    // keeps with Phi(-x) centres on 0.159, ~450 SE away; "return 0" is ~730 SE away).
    let (mean, standard_error) = estimate_gelu(1.0, 100_000, &mut rng);
    let predicted_se = (chapter3::gate_variance(1.0) / 100_000.0).sqrt();
    assert_close("mean of 10^5 draws at x = 1", chapter3::gelu(1.0), mean, K_STANDARD_ERRORS * predicted_se);
    // The SE is sigma / sqrt(n) = 0.00116, not the spread of one draw, sigma = 0.365.
    assert_relative_close("standard error at x = 1, n = 10^5", predicted_se, standard_error, 0.05);

    // It really samples: 300 estimates with n = 400 at x = -0.5 scatter with the predicted
    // spread (the relative SE of a standard deviation from 300 values is 4%; 20% is 5 SE).
    // An "estimator" that returns GELU(x) without sampling has spread 0.
    let means: Vec<f64> = (0..300).map(|_| estimate_gelu(-0.5, 400, &mut rng).0).collect();
    let average = means.iter().sum::<f64>() / 300.0;
    let spread = (means.iter().map(|m| (m - average).powi(2)).sum::<f64>() / 299.0).sqrt();
    let predicted_spread = (chapter3::gate_variance(-0.5) / 400.0).sqrt();
    assert_relative_close("spread of 300 estimates at x = -0.5, n = 400", predicted_spread, spread, 0.2);
    assert_close(
        "average of 300 estimates at x = -0.5",
        chapter3::gelu(-0.5),
        average,
        K_STANDARD_ERRORS * predicted_spread / 300f64.sqrt(),
    );
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
    let measured = estimate.std_error * estimate.std_error * 200_000.0;
    assert_relative_close(
        "your formula against the simulated variance at x = 1.5",
        measured,
        gate_variance(1.5),
        0.05,
    );
}
