// WRONG ANSWER (kept to prove the exercise test rejects it): Takes the standard error of the 0/1 gate instead of the outputs x m: forgets the factor |x| (right only at |x| = 1).
//! Exercise 3.2: the Monte Carlo estimator of GELU(x) and its standard error.
//! The page: book/chapter-3-exercises.md. Run: cargo test -p chapter3 --test exercises

use chapter3::std_normal_cdf;
use rand::{Rng, RngExt};

/// Draws `n` times from GELU's gate at `x` (keep `x` with probability Phi(x), else output 0) and
/// returns `(mean, standard_error)`: the mean of the `n` outputs and the standard error of that
/// mean, `s / sqrt(n)` with `s^2` the unbiased sample variance. Assume `x` finite and `n >= 2`.
pub fn estimate_gelu<R: Rng + ?Sized>(x: f64, n: u64, rng: &mut R) -> (f64, f64) {
    let p = std_normal_cdf(x);
    let kept = (0..n).filter(|_| rng.random::<f64>() < p).count() as f64;
    let count = n as f64;
    let kept_fraction = kept / count;
    // The sample variance of the gate m, not of the output x m.
    let sample_variance = count / (count - 1.0) * kept_fraction * (1.0 - kept_fraction);
    (x * kept_fraction, (sample_variance / count).sqrt())
}
