//! Exercise 4.4: the tanh form without cancellation in the left tail.
//! The page: book/chapter-4-exercises.md. Run: cargo test -p chapter4 --test exercises

/// The tanh form `0.5 x (1 + tanh(u))`, `u = sqrt(2/pi) (x + 0.044715 x^3)`, computed so that
/// it keeps its relative accuracy for negative `x` down to `x = -20` (where it is about 1e-261).
pub fn gelu_tanh_stable(x: f64) -> f64 {
    todo!(
        "Exercise 4.4 (exercises/chapter4/ex4_4_left_tail.rs): compute 0.5 x (1 + tanh(u)) \
         without adding 1 to a number close to -1"
    )
}
