// WRONG ANSWER (kept to prove the exercise test rejects it): Treats the mean as a proportion: standard error sqrt(mean (1 - mean) / n), which is right only at x = 1 and for large n.
//! Exercise 3.2: the Monte Carlo estimator of GELU(x) and its standard error.
//! The page: book/chapter-3-exercises.md. Run: cargo test -p chapter3 --test exercises

use chapter3::std_normal_cdf;
use rand::{Rng, RngExt};

/// Draws `n` times from GELU's gate at `x` (keep `x` with probability Phi(x), else output 0) and
/// returns `(mean, standard_error)`: the mean of the `n` outputs and the standard error of that
/// mean, `s / sqrt(n)` with `s^2` the unbiased sample variance. Assume `x` finite and `n >= 2`.
pub fn estimate_gelu<R: Rng + ?Sized>(x: f64, n: u64, rng: &mut R) -> (f64, f64) {
    let p = std_normal_cdf(x);
    let outputs: Vec<f64> = (0..n).map(|_| if rng.random::<f64>() < p { x } else { 0.0 }).collect();
    let count = n as f64;
    let mean = outputs.iter().sum::<f64>() / count;
    (mean, (mean * (1.0 - mean) / count).sqrt())
}
