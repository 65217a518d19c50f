// WRONG ANSWER (kept to prove the exercise test rejects it): Approximates P(dead) by 1 - N (1 - Phi(-b/sqrt 2)) (a union bound) instead of the exact power.
//! Exercise 2.4 (derivation): the bias shift at which half a layer is dead.
//! The page: book/chapter-2-exercises.md. Run: cargo test -p chapter2 --test exercises

use statrs::distribution::{ContinuousCDF, Normal};

/// A He-initialised unit (weights `N(0, 2 / fan_in)`, so take `|w| = sqrt(2)`) with
/// bias `b` sees `batch_size` independent standard normal inputs (`batch_size >= 1`).
/// Returns the `b` at which the unit is dead on the whole batch with probability 1/2.
pub fn half_dead_bias(batch_size: usize) -> f64 {
    // One input: z = w.x + b ~ N(b, |w|^2) with |w|^2 = 2, so
    // P(z <= 0) = Phi(-b / sqrt 2). N independent inputs: P(dead) = Phi(-b / sqrt 2)^N.
    // Setting it to 1/2: Phi(-b / sqrt 2) = 2^(-1/N), so b = -sqrt 2 Phi^-1(2^(-1/N)).
    let off_on_one_input = 1.0 - 0.5 / batch_size as f64;
    -std::f64::consts::SQRT_2 * Normal::standard().inverse_cdf(off_on_one_input)
}
