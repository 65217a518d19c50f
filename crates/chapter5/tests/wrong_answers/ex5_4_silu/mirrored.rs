// WRONG ANSWER (kept to prove the exercise test rejects it): x / (1 + e^x) gates with sigmoid(-x), the mirror image.
//! Exercise 5.4: SiLU from the logistic CDF, with its left tail right.

/// The mirrored gate.
pub fn silu(x: f64) -> f64 {
    if x >= 0.0 {
        x * (-x).exp() / (1.0 + (-x).exp())
    } else {
        x / (1.0 + x.exp())
    }
}
