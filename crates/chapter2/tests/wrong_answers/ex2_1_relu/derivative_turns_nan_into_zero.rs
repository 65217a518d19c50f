// WRONG ANSWER (kept to prove the exercise test rejects it): Writes the derivative as one comparison, so NaN (which fails x > 0) gives 0, not NaN.
//! Exercise 2.1 (warm-up): ReLU and its derivative.
//! The page: book/chapter-2-exercises.md. Run: cargo test -p chapter2 --test exercises

/// `ReLU(x) = max(x, 0)`: `x` for `x > 0`, `0` for `x <= 0`. Infinities give the
/// limits (`ReLU(-inf) = 0`, `ReLU(+inf) = +inf`), and NaN in gives NaN out.
pub fn relu(x: f64) -> f64 {
    // Not x.max(0.0): f64::max ignores a NaN operand and would return 0.
    // Not x * mask: at x = -inf that is -inf * 0 = NaN instead of the limit 0.
    // NaN fails every comparison, so it skips the first branch and comes back.
    if x <= 0.0 { 0.0 } else { x }
}

/// `ReLU'(x)`: `1` for `x > 0`, `0` for `x < 0`, and the convention `0` at `x = 0`.
/// Infinities give the limits (`+inf -> 1`, `-inf -> 0`); NaN in gives NaN out.
pub fn relu_derivative(x: f64) -> f64 {
    if x > 0.0 { 1.0 } else { 0.0 }
}
