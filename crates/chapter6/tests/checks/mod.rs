//! The checks of chapter 6's exercises: one function per exercise, taking the function to check.
//!
//! tests/exercises.rs calls each on your file (or the reference solution); tests/wrong_answers.rs
//! calls it on every known wrong answer in tests/wrong_answers/ and asserts that it fails. Each
//! check rejects the plausible wrong answers named in its comments, not just the stub.

use chapter1::Mode;
use chapter5::network::SoiLayer;
use exercise_check::assert_close;
use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;

/// Misclassified test digits, seed by seed: `(what, activation, relu, test set size)`. As error
/// rates the values are `count / size` (the book's test set has 360 digits), whose differences
/// round like the study's.
type Counts = (&'static str, &'static [i64], &'static [i64], f64);

/// The data sets of exercises 6.1 and 6.2: the seed effect (the spread of the ReLU counts) is
/// large beside the differences, as in the study.
const DATA: [Counts; 6] = [
    (
        "a consistent small gain (d x 360 = -2, -1, -3, 0, -1, -2, 1, -1, -2, -1)",
        &[12, 8, 14, 11, 7, 13, 13, 9, 14, 12],
        &[14, 9, 17, 11, 8, 15, 12, 10, 16, 13],
        360.0,
    ),
    (
        "every seed better (d x 360 = -1, -2, -1, -3, -1, -1, -2, -1, -1, -2)",
        &[13, 7, 16, 8, 7, 14, 10, 9, 15, 11],
        &[14, 9, 17, 11, 8, 15, 12, 10, 16, 13],
        360.0,
    ),
    (
        "no difference on average (d x 360 = 1, -2, 0, 3, -1, -1, 2, 0, -3, 1)",
        &[15, 7, 17, 14, 7, 14, 14, 10, 13, 14],
        &[14, 9, 17, 11, 8, 15, 12, 10, 16, 13],
        360.0,
    ),
    (
        "sums that tie exactly but round differently (d x 360 = -1, -3, 3, 2, 1, 3, -1, 0, 3, 3)",
        &[16, 16, 25, 13, 18, 13, 9, 13, 25, 13],
        &[17, 19, 22, 11, 17, 10, 10, 13, 22, 10],
        360.0,
    ),
    ("five pairs of whole numbers (d = 2, -1, 2, 4, 0)", &[3, 7, 2, 9, 4], &[1, 8, 0, 5, 4], 1.0),
    (
        "twelve seeds, errors per thousand (d x 1000 = -2, -1, 1, -3, -3, 0, -2, 1, -3, -1, -2, -1)",
        &[31, 28, 35, 30, 27, 33, 29, 32, 30, 34, 28, 31],
        &[33, 29, 34, 33, 30, 33, 31, 31, 33, 35, 30, 32],
        1000.0,
    ),
];

/// The counts as error rates.
fn rates(counts: &[i64], size: f64) -> Vec<f64> {
    counts.iter().map(|&k| k as f64 / size).collect()
}

/// The exact sign-flip p of whole-number differences `d`: every pattern's sum is an exact
/// integer, so "at least as extreme" needs no slack. Counted by recursion over the differences,
/// independently of any bit loop.
fn exact_sign_flip_p(d: &[i64]) -> f64 {
    fn count(rest: &[i64], partial: i64, observed: i64) -> u64 {
        match rest.split_first() {
            None => u64::from(partial.abs() >= observed),
            Some((&x, tail)) => count(tail, partial + x, observed) + count(tail, partial - x, observed),
        }
    }
    let observed = d.iter().sum::<i64>().abs();
    count(d, 0, observed) as f64 / 2f64.powi(d.len() as i32)
}

/// Exercise 6.1: `paired_sign_flip_p(a, b)`.
pub fn check_6_1_sign_flip(paired_sign_flip_p: impl Fn(&[f64], &[f64]) -> f64) {
    // Each p is a whole number of patterns over 2^n, computed exactly from the integer counts.
    // Rejected: an unpaired permutation test (pool a and b and re-split them: the seeds' spread
    // swamps the difference, p = 0.38 instead of 0.023 on the first data set), a one-sided p (half
    // the two-sided one), `>` for `>=` (drops the observed pattern: p = 0 when every seed is
    // better), a normal approximation (0.019 instead of 0.023), and `>=` without the slack (sums
    // equal to the observed one in exact arithmetic round below it in f64: 0.016 instead of 0.023
    // on the first data set, 0.145 instead of 0.219 on the fourth).
    for (what, activation, relu, size) in DATA {
        let d: Vec<i64> = activation.iter().zip(relu).map(|(a, b)| a - b).collect();
        let expected = exact_sign_flip_p(&d);
        let got = paired_sign_flip_p(&rates(activation, size), &rates(relu, size));
        assert_close(&format!("sign-flip p for {what}"), expected, got, 1e-12);
    }
    // Two pairs: d = (1, -1) sums to 0, which every pattern reaches; d = (1, 1) sums to 2, which
    // only (+, +) and (-, -) reach.
    assert_close("sign-flip p of d = (1, -1)", 1.0, paired_sign_flip_p(&[1.0, 0.0], &[0.0, 1.0]), 1e-12);
    assert_close("sign-flip p of d = (1, 1)", 0.5, paired_sign_flip_p(&[1.0, 2.0], &[0.0, 1.0]), 1e-12);
}

/// Student's t quantiles `(n, level, t_{(1 + level)/2, n - 1})` (mpmath, inverting the
/// regularised incomplete beta function; the check compares them with statrs too).
const T_QUANTILES: [(usize, f64, f64); 3] = [
    (10, 0.95, 2.262_157_162_798_205), // 9 degrees of freedom, the study's n = 10 seeds
    (5, 0.95, 2.776_445_105_197_793),  // 4 degrees of freedom
    (12, 0.90, 1.795_884_818_704_043), // 11 degrees of freedom, a 90% interval
];

/// Exercise 6.2: `paired_t(a, b, level) -> (low, high, p)`.
pub fn check_6_2_paired_interval(paired_t: impl Fn(&[f64], &[f64], f64) -> (f64, f64, f64)) {
    // Rejected: the population standard deviation (divisor n: the width shrinks by sqrt(9/10)
    // at n = 10), the unpaired standard error sqrt(s_a^2/n + s_b^2/n) (it keeps the seeds' spread:
    // 3.5 times wider on the first data set), s / n for s / sqrt(n), b - a (the interval mirrored
    // about 0; the second data set, whose mean is 0, cannot tell, the others can), n degrees of
    // freedom instead of n - 1 (t = 2.228 for 2.262 at n = 10), the normal quantile 1.96, and an
    // unpaired (Welch) t-test for p (right interval, p several times too large).
    let cases = [(DATA[0], T_QUANTILES[0]), (DATA[2], T_QUANTILES[0]), (DATA[4], T_QUANTILES[1])];
    let cases = cases.into_iter().chain([(DATA[5], T_QUANTILES[2])]);
    for ((what, activation, relu, size), (n, level, t)) in cases {
        let (a, b) = (rates(activation, size), rates(relu, size));
        assert_eq!(a.len(), n, "the quantile's degrees of freedom belong to another n");
        let d: Vec<f64> = a.iter().zip(&b).map(|(x, y)| x - y).collect();
        let mean = d.iter().sum::<f64>() / n as f64;
        let variance = d.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1) as f64;
        let half_width = t * variance.sqrt() / (n as f64).sqrt();
        // The quantile constant and this formula against the library's interval and paired
        // t-test (statrs' Student t), to a hair of the half-width: statrs is good to about 1e-10.
        let library = chapter6::statistics::paired_comparison(&a, &b, level).expect("valid pairs");
        assert_close(
            "reference interval (low) vs statrs",
            library.interval.0,
            mean - half_width,
            1e-9 * half_width,
        );
        assert_close(
            "reference interval (high) vs statrs",
            library.interval.1,
            mean + half_width,
            1e-9 * half_width,
        );
        let (low, high, p) = paired_t(&a, &b, level);
        let what = format!("{:.0}% interval of the mean of a - b for {what} ({n} pairs)", level * 100.0);
        let tolerance = 1e-9 * half_width;
        assert_close(&format!("low end of the {what}"), mean - half_width, low, tolerance);
        assert_close(&format!("high end of the {what}"), mean + half_width, high, tolerance);
        assert_close(&format!("paired t-test p for {what}"), library.t_test_p, p, 1e-9);
    }
}

/// [`assert_close`] with both values in `{:?}` form, which switches to scientific notation for
/// tiny values: the tails of exercise 6.3 reach `1e-31`, where plain decimals are all zeros.
#[track_caller]
fn assert_close_debug(what: &str, expected: f64, actual: f64, tolerance: f64) {
    let error = (actual - expected).abs();
    assert!(
        error <= tolerance,
        "{what}: expected {expected:?}, got {actual:?} (|error| = {error:.3e}, tolerance {tolerance:.3e})"
    );
}

/// Exercise 6.3: `swish(x)` and `swish_slope(x)` for Swish with beta = 1.5, and its `NAME`.
pub fn check_6_3_your_activation(swish: impl Fn(f64) -> f64, swish_slope: impl Fn(f64) -> f64, name: &str) {
    const BETA: f64 = 1.5;
    assert!(
        !name.trim().is_empty() && !name.contains('\n'),
        "NAME = {name:?}: give the activation a one-line name"
    );
    // The reference value: the library's Swish (chapter 5, within 0.5 ULP of x / (1 + e^-1.5x)).
    let value = |x: f64| chapter5::swish(x, BETA).expect("finite beta");
    // The reference slope from it, in another arrangement: with s = swish(x)/x = sigmoid(1.5 x)
    // and x sigmoid(-1.5 x) = -swish(-x), the slope s + 1.5 x s (1 - s) is
    // s - 1.5 s swish(-x). Its two terms set the tolerance (they cancel where the slope is 0).
    let slope_terms = |x: f64| {
        let s = value(x) / x;
        (s, -BETA * s * value(-x))
    };
    // Rejected: beta = 1 (SiLU), a slope without the chain rule's factor 1.5, the gate's slope
    // s (1 - s) alone (no product rule), and forms that overflow: the quotient rule's
    // 1.5 x e^(-1.5x) / (1 + e^(-1.5x))^2 is inf / inf = NaN from x = -473 down, and
    // e^(1.5x) / (1 + e^(1.5x)) is NaN from x = 473 up. Moderate points first, tails last.
    let points = [-2.5, -1.3, -0.7, -0.1, 1e-3, 0.4, 1.1, 2.0, 3.7, -5.0, 8.0, -20.0, 20.0, -50.0, 50.0];
    let points = points.into_iter().chain([-800.0, 800.0, -1e6, 1e6]);
    let h = 1e-5;
    for x in points {
        let got = swish(x);
        let expected = value(x);
        assert!(got.is_finite(), "swish({x}) = {got}: expected the finite {expected:?}");
        assert_close_debug(&format!("swish({x})"), expected, got, 1e-13 * expected.abs());
        let slope = swish_slope(x);
        let (first, second) = slope_terms(x);
        let expected = first + second;
        assert!(slope.is_finite(), "swish_slope({x}) = {slope}: expected the finite {expected:?}");
        let tolerance = (1e-13 * (first.abs() + second.abs())).max(1e-300);
        assert_close_debug(&format!("swish_slope({x})"), expected, slope, tolerance);
        if x.abs() <= 50.0 {
            // Central differences of the reference value (error ~1e-10 here), independent of
            // the formula above.
            let numeric = (value(x + h) - value(x - h)) / (2.0 * h);
            assert_close(&format!("swish_slope({x}) vs a central difference"), numeric, slope, 1e-8);
        }
    }
    assert_eq!(swish(0.0), 0.0, "swish(0)");
    assert_close("swish_slope(0) = sigmoid(0)", 0.5, swish_slope(0.0), 1e-15);
}

/// Exercise 6.4: `soi_backward(upstream, kept)`.
pub fn check_6_4_soi_backward(soi_backward: impl Fn(&[f64], &[bool]) -> Vec<f64>) {
    // Chapter 5's SOI layer draws the mask (seeded) and computes dL/dx itself; no input is 0, so
    // the kept units are exactly those with y != 0. The upstream gradients take both signs and
    // are never 1. Rejected: the gradient passed everywhere (mask ignored), the mask inverted,
    // inverted dropout's rescale 1 / (1 - 0.5) on the kept units, and the mask without the
    // upstream gradient.
    let x: Vec<f64> = (0..64).map(|i| -3.15 + 0.1 * f64::from(i)).collect();
    assert!(x.iter().all(|&v| v != 0.0));
    let upstream: Vec<f64> = (0..64).map(|i| 0.37 * (0.9 * f64::from(i)).sin() - 0.05).collect();
    for seed in [6, 2016] {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        let mut layer = SoiLayer::<f64>::new();
        let (mut y, mut dx, mut scratch) = (Vec::new(), Vec::new(), Vec::new());
        layer.forward(&x, Mode::Train, &mut rng, &mut y);
        layer.backward(&x, &y, &upstream, &mut dx, &mut scratch);
        let kept: Vec<bool> = y.iter().map(|&v| v != 0.0).collect();
        let dropped = kept.iter().filter(|&&k| !k).count();
        assert!(dropped > 0 && dropped < kept.len(), "seed {seed} should keep some units and drop others");
        let got = soi_backward(&upstream, &kept);
        assert_eq!(got.len(), dx.len(), "soi_backward returns one gradient per element");
        for (i, (&got, &want)) in got.iter().zip(&dx).enumerate() {
            let state = if kept[i] { "kept" } else { "dropped" };
            assert!(
                got == want,
                "dL/dx[{i}] (x = {:.2}, {state}, dL/dy = {:.4}) with mask seed {seed}: expected {want}, got {got}",
                x[i],
                upstream[i]
            );
        }
    }
}
