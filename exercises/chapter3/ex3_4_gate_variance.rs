//! Exercise 3.4 (derivation): the variance of one draw of GELU's gate.
//! The page: book/chapter-3-exercises.md. Run: cargo test -p chapter3 --test exercises

use chapter3::std_normal_cdf;

/// `Var[x m]` for `m ~ Bernoulli(Phi(x))`, as a closed form in `x` and `Phi(x)` that you derive
/// from `E[(x m)^2] - E[x m]^2`.
pub fn gate_variance(x: f64) -> f64 {
    todo!(
        "Exercise 3.4 (exercises/chapter3/ex3_4_gate_variance.rs): return Var[x m] with \
         m ~ Bernoulli(Phi(x)); derive it from E[(x m)^2] - E[x m]^2 using m^2 = m"
    )
}
