// WRONG ANSWER (kept to prove the exercise test rejects it): The slope s + x s (1 - s) without the chain rule's factor 1.5 (the derivative of sigmoid(1.5 x) is 1.5 s (1 - s)).
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

/// `s + x s (1 - s)`, `s = sigmoid(1.5 x)`.
pub fn swish_slope(x: f64) -> f64 {
    let s = sigmoid(1.5 * x);
    s + x * s * (1.0 - s)
}
