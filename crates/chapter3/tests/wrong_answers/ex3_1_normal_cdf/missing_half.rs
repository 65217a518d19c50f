// WRONG ANSWER (kept to prove the exercise test rejects it): Forgets the factor 1/2.
//! Exercise 3.1 (warm-up): the standard normal CDF through erfc.
//! The page: book/chapter-3-exercises.md. Run: cargo test -p chapter3 --test exercises

use libm::erfc;

/// Phi(x) = P(Z <= x) for a standard normal Z, written with the complementary error function
/// `erfc(z) = (2 / sqrt(pi)) * integral from z to infinity of exp(-t^2) dt`, so that it keeps its
/// relative accuracy deep in the left tail (Phi(-10) is about 7.6e-24, not 0).
pub fn normal_cdf(x: f64) -> f64 {
    // P(Z <= x) = P(Z / sqrt(2) <= x / sqrt(2)) = (1/2) erfc(-x / sqrt(2)). No 1 + erf(...) sum,
    // so nothing cancels when Phi(x) is tiny.
    erfc(-x / std::f64::consts::SQRT_2)
}
