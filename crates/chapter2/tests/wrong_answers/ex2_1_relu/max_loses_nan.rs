// WRONG ANSWER (kept to prove the exercise test rejects it): Uses x.max(0.0), which returns 0 for NaN (f64::max ignores a NaN operand).
//! Exercise 2.1 (warm-up): ReLU and its derivative.
//! The page: book/chapter-2-exercises.md. Run: cargo test -p chapter2 --test exercises

/// `ReLU(x) = max(x, 0)`: `x` for `x > 0`, `0` for `x <= 0`. Infinities give the
/// limits (`ReLU(-inf) = 0`, `ReLU(+inf) = +inf`), and NaN in gives NaN out.
pub fn relu(x: f64) -> f64 {
    x.max(0.0)
}

/// `ReLU'(x)`: `1` for `x > 0`, `0` for `x < 0`, and the convention `0` at `x = 0`.
/// Infinities give the limits (`+inf -> 1`, `-inf -> 0`); NaN in gives NaN out.
pub fn relu_derivative(x: f64) -> f64 {
    if x > 0.0 {
        1.0
    } else if x <= 0.0 {
        0.0 // includes x = 0 and x = -0.0: the convention
    } else {
        x // NaN
    }
}
