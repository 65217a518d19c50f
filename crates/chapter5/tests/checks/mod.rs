//! The checks of chapter 5's exercises: one function per exercise, taking the function to check.
//!
//! tests/exercises.rs calls each on your file (or the reference solution); tests/wrong_answers.rs
//! calls it on every known wrong answer in tests/wrong_answers/ and asserts that it fails. Each
//! check rejects the plausible wrong answers named in its comments, not just the stub.

use exercise_check::assert_close;
use numerics::{std_normal_cdf, std_normal_pdf};

/// Exercise 5.1: `partials(x, mu, sigma) -> (dx, dmu, dsigma)`.
pub fn check_5_1_partials(partials: impl Fn(f64, f64, f64) -> (f64, f64, f64)) {
    // Points away from mu = 0, sigma = 1 (an answer that ignores them passes only there), on both
    // sides of the threshold, with sigma below and above 1 (a missing 1/sigma shows either way).
    let points = [(1.3, 0.4, 0.7), (-0.8, -1.2, 2.5), (2.0, 0.0, 1.0), (0.6, 1.1, 1.7), (-1.5, -2.0, 0.8)];
    let g = |x: f64, mu: f64, sigma: f64| x * std_normal_cdf((x - mu) / sigma);
    for (x, mu, sigma) in points {
        let (dx, dmu, dsigma) = partials(x, mu, sigma);
        // The closed forms: z = (x - mu)/sigma, dx = Phi(z) + (x/sigma) phi(z),
        // dmu = -(x/sigma) phi(z), dsigma = -(x z/sigma) phi(z).
        let z = (x - mu) / sigma;
        let slope = x * std_normal_pdf(z) / sigma;
        let expected = [std_normal_cdf(z) + slope, -slope, -slope * z];
        // And, independently, central differences of g (step 1e-5: error ~1e-10 here).
        let h = 1e-5;
        let numeric = [
            (g(x + h, mu, sigma) - g(x - h, mu, sigma)) / (2.0 * h),
            (g(x, mu + h, sigma) - g(x, mu - h, sigma)) / (2.0 * h),
            (g(x, mu, sigma + h) - g(x, mu, sigma - h)) / (2.0 * h),
        ];
        for ((name, got), (closed, difference)) in
            ["dg/dx", "dg/dmu", "dg/dsigma"].iter().zip([dx, dmu, dsigma]).zip(expected.iter().zip(numeric))
        {
            let what = format!("{name} at x = {x}, mu = {mu}, sigma = {sigma}");
            assert_close(&what, *closed, got, 1e-12 * closed.abs().max(1e-3));
            assert_close(&format!("{what} (central difference)"), difference, got, 1e-7);
        }
    }
}

/// The constant `max_t t Phi(-t) = 0.1699712...` (at `t = 0.7518`; mpmath, 30 digits).
const GAP_CONSTANT: f64 = 0.169_971_207_479_903_66;

/// Exercise 5.2: `max_gap_to_relu(sigma)`.
pub fn check_5_2_sigma_limit(max_gap_to_relu: impl Fn(f64) -> f64) {
    // The gap is sigma * 0.16997...: checked at four sigmas two orders of magnitude apart, which
    // rejects a constant (right at one sigma only), a grid in x that does not scale with sigma, the
    // signed gap (never positive, so its maximum is 0) and the gap to x/2.
    for sigma in [0.01, 0.3, 1.0, 4.0] {
        let what = format!("max |x Phi(x/sigma) - ReLU(x)| at sigma = {sigma}");
        assert_close(&what, GAP_CONSTANT * sigma, max_gap_to_relu(sigma), 1e-4 * GAP_CONSTANT * sigma);
    }
}

/// Exercise 5.3: `gelu_second_moment()`.
pub fn check_5_3_second_moment(gelu_second_moment: impl Fn() -> f64) {
    // E[GELU(Z)^2] by the library's quadrature (Simpson's rule on [-12, 12], error far below
    // 1e-12), independent of any closed form.
    let gelu = chapter5::GeluMuSigma::new(0.0, 1.0).expect("valid parameters");
    let integral = chapter5::gate_moments(&gelu).second;
    // Rejects E[GELU(Z)]^2 = 1/(4 pi), ReLU's 1/2, the first moment 1/(2 sqrt pi) and a lost sqrt 3.
    assert_close("E[GELU(Z)^2]", integral, gelu_second_moment(), 1e-10);
}

/// Exercise 5.4: `silu(x)`.
pub fn check_5_4_silu(silu: impl Fn(f64) -> f64) {
    // Relative 1e-14 against the library's SiLU (within 0.5 ULP of x / (1 + e^-x)) wherever e^x
    // still carries 14 digits (x >= -710). At x = -710 the formula as written overflows e^710 and
    // returns -0 instead of -3.2e-306; 1 - sigmoid(-x) and (1 + tanh(x/2))/2 cancel to 0 from
    // x = -37 and -19 down; x / (1 + e^x) is the mirror image.
    for x in [3.0, 0.5, 1e-300, -1e-300, -0.5, -2.0, -20.0, -50.0, -100.0, -700.0, -710.0] {
        let what = format!("SiLU({x})");
        let expected = chapter5::silu(x);
        exercise_check::assert_relative_close(&what, expected, silu(x), 1e-14);
    }
    assert_eq!(silu(0.0), 0.0, "SiLU(0)");
    assert!(silu(f64::NAN).is_nan(), "SiLU(NaN) must be NaN");
    // Far below, the value is 0 or a negative subnormal: never NaN, never positive.
    for x in [-740.0, -1e6, -f64::MAX] {
        let y = silu(x);
        assert!(y <= 0.0 && y > -1e-300, "SiLU({x}) = {y}: expected a tiny non-positive value");
    }
}

/// One case of exercise 5.5: `(x, target, (w, mu, rho), rate)`.
type Step = (f64, f64, (f64, f64, f64), f64);

/// Exercise 5.5: `sgd_step(x, target, (w, mu, rho), rate)`.
pub fn check_5_5_training_step(sgd_step: impl Fn(f64, f64, (f64, f64, f64), f64) -> (f64, f64, f64)) {
    // Against the library's partials (chapter5::GeluMuSigma) at points with mu != 0, rho != 0,
    // both signs of the error: rejects ascending instead of descending, a missing factor w in
    // dL/dmu, dL/dsigma used for dL/drho (no dsigma/drho = sigma), and softplus' derivative
    // sigmoid(rho) in place of exp's.
    let cases: [Step; 3] = [
        (1.3, 0.2, (0.8, 0.4, -0.3), 0.1),
        (-0.7, -0.5, (1.5, -0.9, 0.6), 0.05),
        (2.2, 3.0, (-0.4, 1.1, 0.2), 0.2),
    ];
    for (x, target, (w, mu, rho), rate) in cases {
        let sigma = rho.exp();
        let gate = chapter5::GeluMuSigma::new(mu, sigma).expect("valid parameters");
        let g = gate.value(x);
        let p = gate.partials(x);
        let error = w * g - target;
        let expected =
            [w - rate * error * g, mu - rate * error * w * p.dmu, rho - rate * error * w * p.dsigma * sigma];
        let (w1, mu1, rho1) = sgd_step(x, target, (w, mu, rho), rate);
        let what = format!("x = {x}, target = {target}, (w, mu, rho) = ({w}, {mu}, {rho}), rate = {rate}");
        for ((name, got), want) in ["w", "mu", "rho"].iter().zip([w1, mu1, rho1]).zip(expected) {
            assert_close(&format!("new {name} at {what}"), want, got, 1e-12 * want.abs().max(1.0));
        }
    }
}
