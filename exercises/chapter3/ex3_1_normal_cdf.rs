//! Exercise 3.1 (warm-up): the standard normal CDF through erfc.
//! The page: book/chapter-3-exercises.md. Run: cargo test -p chapter3 --test exercises

use libm::erfc;

/// Phi(x) = P(Z <= x) for a standard normal Z, written with the complementary error function
/// `erfc(z) = (2 / sqrt(pi)) * integral from z to infinity of exp(-t^2) dt`, so that it keeps its
/// relative accuracy deep in the left tail (Phi(-10) is about 7.6e-24, not 0).
pub fn normal_cdf(x: f64) -> f64 {
    todo!(
        "Exercise 3.1 (exercises/chapter3/ex3_1_normal_cdf.rs): return Phi(x) using \
         libm::erfc, accurate in the left tail"
    )
}
