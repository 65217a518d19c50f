//! Exercise 6.3: your own activation in the study. Here Swish with beta = 1.5: its value, its
//! slope, and a name; the example `your_activation` then trains it beside ReLU on 10 seeds.
//! The page: book/chapter-6-exercises.md. Run: cargo test -p chapter6 --test exercises, then
//! cargo run --release -p chapter6 --example your_activation

/// The activation's name in the example's output.
pub const NAME: &str = "swish-1.5";

/// The gate's slope.
const BETA: f64 = 1.5;

/// `1 / (1 + e^-z)`, forming only `e^-|z| <= 1`: nothing overflows, and for `z < 0` the form
/// `e^z / (1 + e^z)` has no subtraction.
fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// Swish with `beta = 1.5`: `x sigmoid(1.5 x) = x / (1 + e^(-1.5 x))`. Finite and accurate for
/// every finite `x` the test tries, up to `|x| = 10^6`: `e^(1.5 |x|)` overflows from `|x| = 473`,
/// so never form it.
pub fn swish(x: f64) -> f64 {
    x * sigmoid(BETA * x)
}

/// The derivative of [`swish`], `d/dx x sigmoid(1.5 x)`, with the same range: finite and
/// accurate up to `|x| = 10^6`.
pub fn swish_slope(x: f64) -> f64 {
    // Product rule, then the chain rule with sigmoid' = s (1 - s): s + 1.5 x s (1 - s). The factor
    // 1 - s is sigmoid(-1.5 x), computed as such rather than by a subtraction that loses every
    // digit once s rounds to 1; and x times it is formed first, which stays finite (0 far right).
    let (s, complement) = (sigmoid(BETA * x), sigmoid(-BETA * x));
    s + BETA * s * (x * complement)
}
