// WRONG ANSWER (kept to prove the exercise test rejects it): x / (1 + e^-x) as written: e^-x overflows below x = -709.8 and the result becomes -0.
//! Exercise 5.4: SiLU from the logistic CDF, with its left tail right.

/// SiLU as written.
pub fn silu(x: f64) -> f64 {
    x / (1.0 + (-x).exp())
}
