//! Exercise 5.4: SiLU from the logistic CDF, with its left tail right.
//! The page: book/chapter-5-exercises.md. Run: cargo test -p chapter5 --test exercises

/// `SiLU(x) = x sigmoid(x) = x / (1 + e^-x)` for every finite `x`, to a relative `1e-14` even
/// far in the left tail (where `e^-x` overflows), and NaN for NaN.
pub fn silu(x: f64) -> f64 {
    if x >= 0.0 {
        x / (1.0 + (-x).exp())
    } else {
        // Multiply above and below by e^x: x e^x / (e^x + 1). e^x <= 1 never overflows, and for
        // x < -710 it underflows gracefully to a subnormal or 0, as the true value does.
        let e = x.exp();
        x * e / (1.0 + e)
    }
}
