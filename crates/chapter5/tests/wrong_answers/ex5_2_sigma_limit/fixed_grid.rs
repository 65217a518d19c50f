// WRONG ANSWER (kept to prove the exercise test rejects it): Searches x on a fixed grid (step 0.01 on [-5, 5]) that does not scale with sigma.
//! Exercise 5.2: how fast x Phi(x / sigma) becomes ReLU as sigma -> 0, measured.

use chapter5::std_normal_cdf;

/// The largest gap, on a grid that ignores sigma.
pub fn max_gap_to_relu(sigma: f64) -> f64 {
    (-500..=500)
        .map(|i| {
            let x = i as f64 * 0.01;
            (x * std_normal_cdf(x / sigma) - x.max(0.0)).abs()
        })
        .fold(0.0, f64::max)
}
