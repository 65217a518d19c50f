// WRONG ANSWER (kept to prove the exercise test rejects it): The gate as e^(1.5x) / (1 + e^(1.5x)) for every x: from x = 473 up e^(1.5x) overflows and value and slope are NaN (inf / inf).
//! Exercise 6.3: your own activation in the study: Swish with beta = 1.5.

/// The activation's name in the example's output.
pub const NAME: &str = "swish-1.5";

/// `e^z / (1 + e^z)`, which is sigmoid(z) in exact arithmetic.
fn sigmoid(z: f64) -> f64 {
    let e = z.exp();
    e / (1.0 + e)
}

/// `x sigmoid(1.5 x)`.
pub fn swish(x: f64) -> f64 {
    x * sigmoid(1.5 * x)
}

/// `s + 1.5 x s (1 - s)`, `s = sigmoid(1.5 x)`.
pub fn swish_slope(x: f64) -> f64 {
    let s = sigmoid(1.5 * x);
    s + 1.5 * x * s * (1.0 - s)
}
