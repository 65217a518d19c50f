// WRONG ANSWER (kept to prove the exercise test rejects it): Writes x Phi (1 - Phi): the variance scales with x^2.
//! Exercise 3.4 (derivation): the variance of one draw of GELU's gate.
//! The page: book/chapter-3-exercises.md. Run: cargo test -p chapter3 --test exercises

use chapter3::std_normal_cdf;

/// `Var[x m]` for `m ~ Bernoulli(Phi(x))`, as a closed form in `x` and `Phi(x)` that you derive
/// from `E[(x m)^2] - E[x m]^2`.
pub fn gate_variance(x: f64) -> f64 {
    // m^2 = m, so E[(x m)^2] = x^2 Phi(x); subtract (x Phi(x))^2.
    let p = std_normal_cdf(x);
    x * p * (1.0 - p)
}
