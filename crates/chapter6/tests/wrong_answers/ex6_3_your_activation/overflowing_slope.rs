// WRONG ANSWER (kept to prove the exercise test rejects it): The quotient rule as written, 1 / (1 + e^(-1.5x)) + 1.5 x e^(-1.5x) / (1 + e^(-1.5x))^2: from x = -473 down e^(-1.5x) overflows and the slope is inf / inf = NaN.
//! Exercise 6.3: your own activation in the study: Swish with beta = 1.5.

/// The activation's name in the example's output.
pub const NAME: &str = "swish-1.5";

/// `1 / (1 + e^-z)`, forming only `e^-|z|`.
fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// `x sigmoid(1.5 x)`.
pub fn swish(x: f64) -> f64 {
    x * sigmoid(1.5 * x)
}

/// `d/dx x / (1 + e^(-1.5 x))` by the quotient rule.
pub fn swish_slope(x: f64) -> f64 {
    let e = (-1.5 * x).exp();
    1.0 / (1.0 + e) + 1.5 * x * e / ((1.0 + e) * (1.0 + e))
}
