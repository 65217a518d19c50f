//! Exercise 5.1: the three partial derivatives of x Phi((x - mu) / sigma).
//! The page: book/chapter-5-exercises.md. Run: cargo test -p chapter5 --test exercises

use chapter5::{std_normal_cdf, std_normal_pdf};

/// The partial derivatives of `g(x; mu, sigma) = x Phi(z)`, `z = (x - mu) / sigma`, returned as
/// `(dg/dx, dg/dmu, dg/dsigma)`, for finite `x`, `mu` and `sigma > 0`. Use `std_normal_cdf` (Phi)
/// and `std_normal_pdf` (phi = Phi').
pub fn partials(x: f64, mu: f64, sigma: f64) -> (f64, f64, f64) {
    todo!(
        "Exercise 5.1 (exercises/chapter5/ex5_1_partials.rs): return (dg/dx, dg/dmu, dg/dsigma) of \
         x Phi((x - mu) / sigma); differentiate the product and the chain z = (x - mu) / sigma"
    )
}
