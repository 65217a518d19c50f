// WRONG ANSWER (kept to prove the exercise test rejects it): The normal approximation of the sign-flip distribution (mean 0, variance sum d_i^2) instead of the exact count: off by 20% and more at n = 10.
//! Exercise 6.1: the exact sign-flip permutation test of paired differences.

use numerics::std_normal_cdf;

/// `2 Phi(-|sum d_i| / sqrt(sum d_i^2))`.
pub fn paired_sign_flip_p(a: &[f64], b: &[f64]) -> f64 {
    let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    let z = d.iter().sum::<f64>().abs() / d.iter().map(|x| x * x).sum::<f64>().sqrt();
    2.0 * std_normal_cdf(-z)
}
