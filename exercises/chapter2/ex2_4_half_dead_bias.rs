//! Exercise 2.4 (derivation): the bias shift at which half a layer is dead.
//! The page: book/chapter-2-exercises.md. Run: cargo test -p chapter2 --test exercises

use statrs::distribution::{ContinuousCDF, Normal};

/// A He-initialised unit (weights `N(0, 2 / fan_in)`, so take `|w| = sqrt(2)`) with
/// bias `b` sees `batch_size` independent standard normal inputs (`batch_size >= 1`).
/// Returns the `b` at which the unit is dead on the whole batch with probability 1/2.
pub fn half_dead_bias(batch_size: usize) -> f64 {
    todo!(
        "Exercise 2.4 (exercises/chapter2/ex2_4_half_dead_bias.rs): return the \
         bias b with P(dead on the whole batch) = 1/2; derive P(dead) first"
    )
}
