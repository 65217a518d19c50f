//! Exercise 4.1 (warm-up): the tanh approximation of GELU.
//! The page: book/chapter-4-exercises.md. Run: cargo test -p chapter4 --test exercises

/// The tanh approximation of GELU from Hendrycks & Gimpel:
/// `0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))`.
/// Only moderate inputs are tested here (`-3 <= x <= 5`); exercise 4.4 deals with the left tail.
pub fn gelu_tanh(x: f64) -> f64 {
    todo!(
        "Exercise 4.1 (exercises/chapter4/ex4_1_gelu_tanh.rs): return the tanh approximation \
         0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))"
    )
}
