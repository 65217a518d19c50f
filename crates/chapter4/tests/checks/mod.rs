//! The checks of chapter 4's exercises: one function per exercise, taking the functions to check.
//!
//! tests/exercises.rs calls each on your file (or the reference solution); tests/wrong_answers.rs
//! calls it on every known wrong answer in tests/wrong_answers/ and asserts that it fails. Each
//! check rejects the plausible wrong answers named in its comments, not just the stub.

use exercise_check::{assert_close, assert_relative_close};

/// A minimax answer is accepted when its worst error is within this relative distance of the
/// optimum's. The published constants are 6.3e-5 (0.044715) and 3.1e-3 (1.702) above their optimum,
/// so they fail; a search that polishes each error peak and stops at 1e-8 in the parameter passes.
const MINIMAX_TOLERANCE: f64 = 1e-5;

/// Exercise 4.1: `gelu_tanh(x)`.
pub fn check_4_1_gelu_tanh(gelu_tanh: impl Fn(f64) -> f64) {
    // Absolute 1e-13 against the crate's gelu_tanh on [-3, 5]. The nearest wrong answers are
    // far outside: 0.0447 for 0.044715 is off by ~1e-5 near x = 2.5, 2/pi for sqrt(2/pi) by
    // ~4e-2, the exact GELU by up to 4.7e-4, x sigmoid(1.702 x) by up to 2e-2.
    for i in 0..=80 {
        let x = -3.0 + 0.1 * i as f64;
        let what = format!("tanh form at x = {x:.1}");
        assert_close(&what, chapter4::gelu_tanh(x), gelu_tanh(x), 1e-13);
    }
    assert_eq!(gelu_tanh(0.0), 0.0, "tanh form at 0");
}

/// Exercise 4.2: `minimax_cubic()`.
pub fn check_4_2_minimax_cubic(minimax_cubic: impl Fn() -> f64) {
    let (best_c, best_error) = chapter4::minimax_tanh_cubic();
    let c = minimax_cubic();
    let error = chapter4::tanh_cubic_max_error(c);
    assert!(
        error <= best_error * (1.0 + MINIMAX_TOLERANCE),
        "c = {c:.10}: worst error {error:.7e}, but c = {best_c:.10} reaches {best_error:.7e}; \
         the worst error must be within a relative {MINIMAX_TOLERANCE:e} of the optimum's \
         (minimise the maximum error, and polish each error peak)"
    );
}

/// Exercise 4.3: `minimax_logistic_scale()`.
pub fn check_4_3_logistic_scale(minimax_logistic_scale: impl Fn() -> f64) {
    let (best_k, best_error) = chapter4::minimax_sigmoid_slope();
    let k = minimax_logistic_scale();
    let error = chapter4::sigmoid_slope_max_error(k);
    assert!(
        error <= best_error * (1.0 + MINIMAX_TOLERANCE),
        "k = {k:.10}: worst error {error:.7e}, but k = {best_k:.10} reaches {best_error:.7e}; \
         the worst error must be within a relative {MINIMAX_TOLERANCE:e} of the optimum's"
    );
}

/// Exercise 4.4: `gelu_tanh_stable(x)`.
pub fn check_4_4_left_tail(gelu_tanh_stable: impl Fn(f64) -> f64) {
    // Relative 1e-12 against the crate's gelu_tanh (within 2 ULP of the formula, tested). As
    // written, the formula is 2.7e-7 relative off at x = -6 and returns 0 at x = -10; sigmoid(u)
    // for sigmoid(2u) and the exact GELU (45% away at x = -4) fail at once.
    for x in [-1.0, -4.0, -6.0, -8.0, -10.0, -15.0, -20.0, 0.5, 1.0, 3.0, 10.0] {
        let what = format!("tanh form at x = {x}");
        assert_relative_close(&what, chapter4::gelu_tanh(x), gelu_tanh_stable(x), 1e-12);
    }
}

/// Exercise 4.5: `gelu_sigmoid_slice(values)`.
pub fn check_4_5_sigmoid_kernel(gelu_sigmoid_slice: impl Fn(&mut [f32])) {
    // Every length from 0 to 40 (shorter than one chunk, exact multiples of 16, and between)
    // and 1001; inputs spread over [-20, 20]. Each element must be within a relative 1e-5 of the
    // exact sigmoid form (f32 rounding of 1.702 x, amplified by e^y up to 34-fold at x = -20,
    // stays below 3e-6). Skipped remainders, skipped lanes and the wrong sign all fail.
    for len in (0..=40).chain([1001]) {
        let input: Vec<f32> = (0..len).map(|i| ((i * 37) % 101) as f32 * 0.4 - 20.0).collect();
        let mut values = input.clone();
        gelu_sigmoid_slice(&mut values);
        assert_eq!(values.len(), len, "the slice keeps its length");
        for (i, (&x, &y)) in input.iter().zip(&values).enumerate() {
            let what = format!("element {i} of {len} (x = {x})");
            let expected = chapter4::gelu_sigmoid(x as f64);
            assert_close(&what, expected, y as f64, 1e-5 * expected.abs() + 1e-30);
        }
    }
}
