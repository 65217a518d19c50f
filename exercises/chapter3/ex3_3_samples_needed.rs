//! Exercise 3.3: how many samples does a target accuracy cost?
//! The page: book/chapter-3-exercises.md. Run: cargo test -p chapter3 --test exercises

use chapter3::{gate_variance, normal_quantile_two_sided};

/// The smallest `n` for which the 95% interval of the Monte Carlo estimate of GELU(x) has half-width
/// at most `half_width`, using the true standard deviation of one draw, `sqrt(gate_variance(x))`,
/// and `z = normal_quantile_two_sided(0.95)` (1.95996...). Assume `x` finite, `x != 0`, `half_width > 0`.
pub fn samples_for_half_width(x: f64, half_width: f64) -> u64 {
    todo!(
        "Exercise 3.3 (exercises/chapter3/ex3_3_samples_needed.rs): return the smallest n with \
         z * sigma(x) / sqrt(n) <= half_width"
    )
}
