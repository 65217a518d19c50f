// WRONG ANSWER (kept to prove the exercise test rejects it): Uses z = x: the standard GELU's derivative, right only at mu = 0, sigma = 1.
//! Exercise 5.1: the three partial derivatives of x Phi((x - mu) / sigma).
//! The page: book/chapter-5-exercises.md. Run: cargo test -p chapter5 --test exercises

use chapter5::{std_normal_cdf, std_normal_pdf};

/// The partial derivatives of `g(x; mu, sigma) = x Phi(z)`, `z = (x - mu) / sigma`, returned as
/// `(dg/dx, dg/dmu, dg/dsigma)`, for finite `x`, `mu` and `sigma > 0`. Use `std_normal_cdf` (Phi)
/// and `std_normal_pdf` (phi = Phi').
pub fn partials(x: f64, mu: f64, sigma: f64) -> (f64, f64, f64) {
    let z = x;
    // Product rule for x Phi(z), chain rule for z: dz/dx = 1/sigma, dz/dmu = -1/sigma,
    // dz/dsigma = -(x - mu)/sigma^2 = -z/sigma.
    let slope = x * std_normal_pdf(z);
    (std_normal_cdf(z) + slope, -slope, -slope * z)
}
