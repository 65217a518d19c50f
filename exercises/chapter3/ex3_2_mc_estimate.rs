//! Exercise 3.2: the Monte Carlo estimator of GELU(x) and its standard error.
//! The page: book/chapter-3-exercises.md. Run: cargo test -p chapter3 --test exercises

use chapter3::std_normal_cdf;
use rand::{Rng, RngExt};

/// Draws `n` times from GELU's gate at `x` (keep `x` with probability Phi(x), else output 0) and
/// returns `(mean, standard_error)`: the mean of the `n` outputs and the standard error of that
/// mean, `s / sqrt(n)` with `s^2` the unbiased sample variance. Assume `x` finite and `n >= 2`.
pub fn estimate_gelu<R: Rng + ?Sized>(x: f64, n: u64, rng: &mut R) -> (f64, f64) {
    todo!(
        "Exercise 3.2 (exercises/chapter3/ex3_2_mc_estimate.rs): draw n gate outputs x * m, \
         m ~ Bernoulli(Phi(x)), and return (their mean, the standard error of the mean)"
    )
}
