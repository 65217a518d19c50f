//! Exercise 2.2: ELU, continuous with a continuous derivative at 0 when alpha = 1.
//! The page: book/chapter-2-exercises.md. Run: cargo test -p chapter2 --test exercises

/// `ELU(x) = x` for `x > 0` and `alpha (e^x - 1)` for `x <= 0` (assume `alpha` is
/// finite and `>= 0`). Keep full relative precision near 0: at `x = -1e-10` the answer
/// is `-9.9999999995e-11` to within a few rounding errors. NaN gives NaN, and `-inf`
/// gives `-alpha`.
pub fn elu(x: f64, alpha: f64) -> f64 {
    todo!(
        "Exercise 2.2 (exercises/chapter2/ex2_2_elu.rs): return x for x > 0, else \
         alpha (e^x - 1), accurate to a few rounding errors even for x = -1e-10"
    )
}

/// `ELU'(x)`: `1` for `x > 0` and `alpha e^x` for `x <= 0` (so `alpha` at `x = 0`).
/// NaN gives NaN, `+inf` gives 1, `-inf` gives 0.
pub fn elu_derivative(x: f64, alpha: f64) -> f64 {
    todo!(
        "Exercise 2.2 (exercises/chapter2/ex2_2_elu.rs): return the derivative \
         of ELU: 1 for x > 0, alpha e^x for x <= 0"
    )
}
