//! Exercise 6.3: your own activation in the study. Here Swish with beta = 1.5: its value, its
//! slope, and a name; the example `your_activation` then trains it beside ReLU on 10 seeds.
//! The page: book/chapter-6-exercises.md. Run: cargo test -p chapter6 --test exercises, then
//! cargo run --release -p chapter6 --example your_activation

/// The activation's name in the example's output.
pub const NAME: &str = "swish-1.5";

/// Swish with `beta = 1.5`: `x sigmoid(1.5 x) = x / (1 + e^(-1.5 x))`. Finite and accurate for
/// every finite `x` the test tries, up to `|x| = 10^6`: `e^(1.5 |x|)` overflows from `|x| = 473`,
/// so never form it.
pub fn swish(x: f64) -> f64 {
    todo!(
        "Exercise 6.3 (exercises/chapter6/ex6_3_your_activation.rs): return x sigmoid(1.5 x); \
         compute sigmoid(z) without forming e^|z|"
    )
}

/// The derivative of [`swish`], `d/dx x sigmoid(1.5 x)`, with the same range: finite and
/// accurate up to `|x| = 10^6`.
pub fn swish_slope(x: f64) -> f64 {
    todo!(
        "Exercise 6.3 (exercises/chapter6/ex6_3_your_activation.rs): return the derivative of \
         x sigmoid(1.5 x) by the product and chain rules, using sigmoid'(z) = sigmoid(z) (1 - sigmoid(z))"
    )
}
