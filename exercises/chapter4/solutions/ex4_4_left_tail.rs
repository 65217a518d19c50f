//! Exercise 4.4: the tanh form without cancellation in the left tail.
//! The page: book/chapter-4-exercises.md. Run: cargo test -p chapter4 --test exercises

/// The tanh form `0.5 x (1 + tanh(u))`, `u = sqrt(2/pi) (x + 0.044715 x^3)`, computed so that
/// it keeps its relative accuracy for negative `x` down to `x = -20` (where it is about 1e-261).
pub fn gelu_tanh_stable(x: f64) -> f64 {
    // 0.5 (1 + tanh u) = 1 / (1 + e^(-2u)): no subtraction, so nothing cancels. For x << 0,
    // e^(-2u) is huge and the quotient small, with full relative precision (until e^(-2u)
    // overflows near x = -21.5, where the true value is already subnormal).
    let u = (2.0 / std::f64::consts::PI).sqrt() * (x + 0.044715 * x * x * x);
    x / (1.0 + (-2.0 * u).exp())
}
