//! The checks of chapter 2's exercises: one function per exercise, taking the functions to check.
//!
//! tests/exercises.rs calls each on your file (or the reference solution); tests/wrong_answers.rs
//! calls it on every known wrong answer in tests/wrong_answers/ and asserts that it fails. Each
//! check rejects the plausible wrong answers named in its comments, not just the stub.

use exercise_check::{assert_close, assert_relative_close};

/// Exact checks that also accept NaN where NaN is expected (NaN != NaN, so `assert_eq!` cannot).
#[track_caller]
fn assert_same(what: &str, expected: f64, actual: f64) {
    let same = expected == actual || (expected.is_nan() && actual.is_nan());
    assert!(same, "{what}: expected {expected}, got {actual} (exact)");
}

/// Exercise 2.1: `relu(x)` and `relu_derivative(x)`.
pub fn check_2_1_relu(relu: impl Fn(f64) -> f64, relu_derivative: impl Fn(f64) -> f64) {
    // Values, including both sides of 0 at the smallest scales.
    for (x, expected) in [(2.5, 2.5), (-2.5, 0.0), (0.0, 0.0), (-0.0, 0.0), (1e-300, 1e-300), (-1e-300, 0.0)]
    {
        assert_same(&format!("relu({x})"), expected, relu(x));
    }
    // Limits: x * 1[x > 0] would give -inf * 0 = NaN at -inf.
    assert_same("relu(+inf)", f64::INFINITY, relu(f64::INFINITY));
    assert_same("relu(-inf) (the limit; -inf * 0 would be NaN)", 0.0, relu(f64::NEG_INFINITY));
    // NaN: x.max(0.0) returns 0 here, because f64::max ignores a NaN operand.
    assert_same("relu(NaN) (x.max(0.0) loses the NaN)", f64::NAN, relu(f64::NAN));

    // The derivative: 1 on the right, 0 on the left (a slope of 1 for x < 0 fails), and the
    // convention 0 at x = 0 (`x >= 0.0` fails here).
    for (x, expected) in [(3.0, 1.0), (1e-300, 1.0), (-3.0, 0.0), (-1e-300, 0.0), (-1e300, 0.0)] {
        assert_same(&format!("relu_derivative({x})"), expected, relu_derivative(x));
    }
    assert_same("relu_derivative(0) (the convention)", 0.0, relu_derivative(0.0));
    assert_same("relu_derivative(-0.0) (the convention)", 0.0, relu_derivative(-0.0));
    assert_same("relu_derivative(+inf)", 1.0, relu_derivative(f64::INFINITY));
    assert_same("relu_derivative(-inf)", 0.0, relu_derivative(f64::NEG_INFINITY));
    assert_same("relu_derivative(NaN) (NaN in, NaN out)", f64::NAN, relu_derivative(f64::NAN));

    // Your two functions agree with each other: x * ReLU'(x) = ReLU(x) (Euler's identity for
    // a positively homogeneous function), exactly, over the chapter's seeded sweep.
    for x in chapter2::sweep(21, 2000) {
        assert_same(
            &format!("x * relu_derivative(x) against relu(x) at x = {x:e}"),
            relu(x),
            x * relu_derivative(x),
        );
    }
}

/// Exercise 2.2: `elu(x, alpha)` and `elu_derivative(x, alpha)`.
pub fn check_2_2_elu(elu: impl Fn(f64, f64) -> f64, elu_derivative: impl Fn(f64, f64) -> f64) {
    // e^-1 - 1 = -0.632120558828557678..., e^-2 = 0.135335283236612691...
    // alpha e^x instead of alpha (e^x - 1) gives +0.37 at x = -1; forgetting alpha fails at 2.
    assert_relative_close("elu(-1, alpha = 1)", -0.632_120_558_828_557_7, elu(-1.0, 1.0), 1e-15);
    assert_relative_close("elu(-2, alpha = 2)", -1.729_329_433_526_774_6, elu(-2.0, 2.0), 1e-15);
    assert_same("elu(2, alpha = 1)", 2.0, elu(2.0, 1.0));
    assert_same("elu(0.5, alpha = 3)", 0.5, elu(0.5, 3.0));
    assert_same("elu(0, alpha = 2) (continuity)", 0.0, elu(0.0, 2.0));
    assert_same("elu(-inf, alpha = 2)", -2.0, elu(f64::NEG_INFINITY, 2.0));
    assert_same("elu(+inf, alpha = 1)", f64::INFINITY, elu(f64::INFINITY, 1.0));
    assert_same("elu(NaN, alpha = 1)", f64::NAN, elu(f64::NAN, 1.0));

    // Near 0: e^x - 1 computed as exp(x) - 1 cancels. At x = -1e-10 it is wrong in the
    // eighth digit (relative error 8e-8), at -1e-12 in the fifth. The reference is the
    // Taylor series x + x^2/2 + x^3/6, exact to double precision here; 4 epsilon allows
    // the rounding of exp_m1 and of the product with alpha.
    for x in [-1e-10, -1e-12, -1e-15] {
        let series = x + x * x / 2.0 + x * x * x / 6.0;
        for alpha in [1.0, 2.0] {
            let what = format!("elu({x:e}, alpha = {alpha}) (exp(x) - 1 cancels here; see the hints)");
            assert_relative_close(&what, alpha * series, elu(x, alpha), 4.0 * f64::EPSILON);
        }
    }

    // The derivative: 1 on the right, alpha e^x on the left (alpha at x = 0, the left slope).
    assert_same("elu_derivative(2, alpha = 1)", 1.0, elu_derivative(2.0, 1.0));
    assert_relative_close(
        "elu_derivative(-1, alpha = 1)",
        0.367_879_441_171_442_33,
        elu_derivative(-1.0, 1.0),
        1e-15,
    );
    assert_relative_close(
        "elu_derivative(-2, alpha = 2)",
        0.270_670_566_473_225_4,
        elu_derivative(-2.0, 2.0),
        1e-15,
    );
    assert_same("elu_derivative(0, alpha = 2) (the x <= 0 piece: alpha)", 2.0, elu_derivative(0.0, 2.0));
    assert_same("elu_derivative(-inf, alpha = 1)", 0.0, elu_derivative(f64::NEG_INFINITY, 1.0));
    assert_same("elu_derivative(+inf, alpha = 1)", 1.0, elu_derivative(f64::INFINITY, 1.0));
    assert_same("elu_derivative(NaN, alpha = 1)", f64::NAN, elu_derivative(f64::NAN, 1.0));

    // alpha = 1: value and slope are continuous at 0. Across [-h, h] the value changes by
    // 2h - h^2/2 + ... and the slope by 1 - e^-h < h, both going to 0 with h.
    for h in [1e-6, 1e-12, 1e-300] {
        let gap = elu(h, 1.0) - elu(-h, 1.0);
        let what = format!("elu(+{h:e}) - elu(-{h:e}), alpha = 1");
        assert_close(&what, 2.0 * h, gap, h * h + 4.0 * f64::EPSILON * h);
        let jump = elu_derivative(h, 1.0) - elu_derivative(-h, 1.0);
        let what = format!("elu_derivative(+{h:e}) - elu_derivative(-{h:e}), alpha = 1");
        assert_close(&what, 0.0, jump, h);
    }

    // The derivative is the slope of your ELU: central differences with step 1e-5 are
    // accurate to about 1e-10 here; 1e-7 leaves room and catches any wrong formula.
    for alpha in [1.0, 0.5, 2.0] {
        for x in [-3.0, -1.0, -0.25, 0.7, 2.0] {
            let step = 1e-5;
            let slope = (elu(x + step, alpha) - elu(x - step, alpha)) / (2.0 * step);
            let what = format!("elu_derivative({x}, alpha = {alpha}) against the slope of your elu");
            assert_close(&what, slope, elu_derivative(x, alpha), 1e-7);
        }
    }
}

/// Exercise 2.3: `dead_fraction(pre_activations)`.
pub fn check_2_3_dead_fraction(dead_fraction: impl Fn(&[Vec<f64>]) -> f64) {
    // Three inputs (rows), five units (columns). Dead: units 0, 2 and 4, so 3/5.
    // Dead on *some* input instead of all: 4/5. `z < 0` instead of `z <= 0`: 1/5 (unit 2 is
    // exactly 0, and ReLU(0) = 0 is as dead as a negative input). Rows read as units: 0.
    // Counting dead *outputs* (entries <= 0) instead of units: 11/15. Returning a count: 3.
    let z = vec![
        vec![-1.0, -1.0, 0.0, 2.0, 0.0],
        vec![-2.0, 3.0, 0.0, 1.0, -1.0],
        vec![-0.5, -2.0, 0.0, 0.5, -3.0],
    ];
    assert_close("dead fraction of the 3 x 5 matrix in the test", 0.6, dead_fraction(&z), 1e-12);
    // One input: dead means z <= 0 on that input.
    assert_close(
        "dead fraction of [[0.5, -0.5, 0, 2]]",
        0.5,
        dead_fraction(&[vec![0.5, -0.5, 0.0, 2.0]]),
        1e-12,
    );
    assert_close("dead fraction of [[1], [-1]]", 0.0, dead_fraction(&[vec![1.0], vec![-1.0]]), 1e-12);

    // Agrees with the library on the chapter's seeded layer at three bias shifts.
    let (mut layer, batch) = chapter2::experiments::dying_layer_and_batch().unwrap();
    for b in [-2.5, -3.25, -4.0] {
        layer.set_bias(b);
        let z = layer.pre_activations(&batch).unwrap();
        let expected = chapter2::dead_fraction(&z).unwrap();
        assert_close(
            &format!("dead fraction of the chapter's layer at bias shift {b}"),
            expected,
            dead_fraction(&z),
            1e-12,
        );
    }
}

/// Exercise 2.4: `half_dead_bias(batch_size)`.
pub fn check_2_4_half_dead_bias(half_dead_bias: impl Fn(usize) -> f64) {
    // The defining property, checked with the library's Phi(-b/|w|)^N at |w| = sqrt 2:
    // half the units dead. statrs' Phi is accurate to ~1e-10 relative, which raised to the
    // power N = 1000 is still below 1e-6.
    for n in [1, 2, 16, 64, 256, 1000] {
        let b = half_dead_bias(n);
        let p = chapter2::dead_probability(b, std::f64::consts::SQRT_2, n);
        assert_close(&format!("P(dead on all {n} inputs) at your bias {b}"), 0.5, p, 1e-6);
    }
    // Values: one input means half the inputs are below 0 at b = 0; N = 64 gives -3.2503...
    // These catch |w| = 1 instead of sqrt 2 (-2.30 at N = 64), a flipped sign (+3.25) and
    // Phi^-1(1 - 1/(2N)) from a union bound (-3.42).
    assert_close("half_dead_bias(1)", 0.0, half_dead_bias(1), 1e-9);
    assert_close("half_dead_bias(64)", -3.250_305_600_982_58, half_dead_bias(64), 1e-6);
    assert_close("half_dead_bias(1000)", -4.522_074_431_273_78, half_dead_bias(1000), 1e-6);

    // The experiment: the chapter's measured layer (2000 units, batch of 64) at your bias.
    // Its units share one batch and their |w| vary around sqrt 2, so the measured fraction
    // is 0.51 rather than 0.5; 0.05 is about 4.5 binomial SE and far from the wrong answers
    // (0.03 at -2.30, 0.60 at -3.42).
    let (mut layer, batch) = chapter2::experiments::dying_layer_and_batch().unwrap();
    layer.set_bias(half_dead_bias(chapter2::experiments::DYING_BATCH));
    let measured = chapter2::dead_fraction(&layer.pre_activations(&batch).unwrap()).unwrap();
    assert_close("measured dead fraction of the chapter's layer at your half-dead bias", 0.5, measured, 0.05);
}
