// WRONG ANSWER (kept to prove the exercise test rejects it): Computes e^x - 1 as exp(x) - 1, which cancels near 0 (wrong in the eighth digit at x = -1e-10).
//! Exercise 2.2: ELU, continuous with a continuous derivative at 0 when alpha = 1.
//! The page: book/chapter-2-exercises.md. Run: cargo test -p chapter2 --test exercises

/// `ELU(x) = x` for `x > 0` and `alpha (e^x - 1)` for `x <= 0` (assume `alpha` is
/// finite and `>= 0`). Keep full relative precision near 0: at `x = -1e-10` the answer
/// is `-9.9999999995e-11` to within a few rounding errors. NaN gives NaN, and `-inf`
/// gives `-alpha`.
pub fn elu(x: f64, alpha: f64) -> f64 {
    // exp_m1(x) is e^x - 1 computed without subtracting. Near 0, exp(x) rounds to a
    // number next to 1, and `exp(x) - 1` would expose that rounding error.
    if x > 0.0 { x } else { alpha * (x.exp() - 1.0) }
}

/// `ELU'(x)`: `1` for `x > 0` and `alpha e^x` for `x <= 0` (so `alpha` at `x = 0`).
/// NaN gives NaN, `+inf` gives 1, `-inf` gives 0.
pub fn elu_derivative(x: f64, alpha: f64) -> f64 {
    // d/dx alpha (e^x - 1) = alpha e^x. At x = 0 this is alpha, which equals the right
    // slope 1 exactly when alpha = 1: only then is the derivative continuous.
    if x > 0.0 { 1.0 } else { alpha * x.exp() }
}
