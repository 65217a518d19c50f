//! Exercise 2.1 (warm-up): ReLU and its derivative.
//! The page: book/chapter-2-exercises.md. Run: cargo test -p chapter2 --test exercises

/// `ReLU(x) = max(x, 0)`: `x` for `x > 0`, `0` for `x <= 0`. Infinities give the
/// limits (`ReLU(-inf) = 0`, `ReLU(+inf) = +inf`), and NaN in gives NaN out.
pub fn relu(x: f64) -> f64 {
    todo!(
        "Exercise 2.1 (exercises/chapter2/ex2_1_relu.rs): return max(x, 0): \
         x for x > 0, 0 for x <= 0, and NaN for NaN"
    )
}

/// `ReLU'(x)`: `1` for `x > 0`, `0` for `x < 0`, and the convention `0` at `x = 0`.
/// Infinities give the limits (`+inf -> 1`, `-inf -> 0`); NaN in gives NaN out.
pub fn relu_derivative(x: f64) -> f64 {
    todo!(
        "Exercise 2.1 (exercises/chapter2/ex2_1_relu.rs): return ReLU'(x): \
         1 for x > 0, 0 for x <= 0 (so 0 at x = 0), and NaN for NaN"
    )
}
