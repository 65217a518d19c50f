// WRONG ANSWER (kept to prove the exercise test rejects it): x (1 - sigmoid(-x)) cancels to 0 in the left tail.
//! Exercise 5.4: SiLU from the logistic CDF, with its left tail right.

/// SiLU through the complement.
pub fn silu(x: f64) -> f64 {
    x * (1.0 - 1.0 / (1.0 + x.exp()))
}
