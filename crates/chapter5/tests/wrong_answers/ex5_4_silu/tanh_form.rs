// WRONG ANSWER (kept to prove the exercise test rejects it): x (1 + tanh(x/2)) / 2 is the same function but cancels in the left tail.
//! Exercise 5.4: SiLU from the logistic CDF, with its left tail right.

/// SiLU through tanh.
pub fn silu(x: f64) -> f64 {
    0.5 * x * (1.0 + (0.5 * x).tanh())
}
