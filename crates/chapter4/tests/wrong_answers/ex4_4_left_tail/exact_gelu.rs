// WRONG ANSWER (kept to prove the exercise test rejects it): Returns the exact GELU, which is not the tanh form (45% apart at x = -4).
//! Exercise 4.4: the tanh form without cancellation in the left tail.
//! The page: book/chapter-4-exercises.md. Run: cargo test -p chapter4 --test exercises

/// The tanh form `0.5 x (1 + tanh(u))`, `u = sqrt(2/pi) (x + 0.044715 x^3)`, computed so that
/// it keeps its relative accuracy for negative `x` down to `x = -20` (where it is about 1e-261).
pub fn gelu_tanh_stable(x: f64) -> f64 {
    chapter4::gelu(x)
}
