//! Exercise 5.4: SiLU from the logistic CDF, with its left tail right.
//! The page: book/chapter-5-exercises.md. Run: cargo test -p chapter5 --test exercises

/// `SiLU(x) = x sigmoid(x) = x / (1 + e^-x)` for every finite `x`, to a relative `1e-14` even
/// far in the left tail (where `e^-x` overflows), and NaN for NaN.
pub fn silu(x: f64) -> f64 {
    todo!(
        "Exercise 5.4 (exercises/chapter5/ex5_4_silu.rs): return x / (1 + e^-x); for x < 0 rewrite \
         it so that nothing overflows"
    )
}
