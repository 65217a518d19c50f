// WRONG ANSWER (kept to prove the exercise test rejects it): Types in z = 1.96 instead of normal_quantile_two_sided(0.95) = 1.959964: n comes out too large once it is in the thousands.
//! Exercise 3.3: how many samples does a target accuracy cost?
//! The page: book/chapter-3-exercises.md. Run: cargo test -p chapter3 --test exercises

use chapter3::{gate_variance, normal_quantile_two_sided};

/// The smallest `n` for which the 95% interval of the Monte Carlo estimate of GELU(x) has half-width
/// at most `half_width`, using the true standard deviation of one draw, `sqrt(gate_variance(x))`,
/// and `z = normal_quantile_two_sided(0.95)` (1.95996...). Assume `x` finite, `x != 0`, `half_width > 0`.
pub fn samples_for_half_width(x: f64, half_width: f64) -> u64 {
    let z = 1.96;
    // z sigma / sqrt(n) <= h  <=>  n >= (z sigma / h)^2; the smallest such integer is the ceiling.
    let ratio = z * gate_variance(x).sqrt() / half_width;
    (ratio * ratio).ceil() as u64
}
