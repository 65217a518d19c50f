// WRONG ANSWER (kept to prove the exercise test rejects it): Forgets to rescale kept units by 1 / (1 - p).
//! Exercise 1.2: inverted dropout, the form frameworks use while training.
//! The page: book/chapter-1-exercises.md. Run: cargo test -p chapter1 --test exercises

use rand::{Rng, RngExt};

/// Applies inverted dropout with rate `p` (assume 0 <= p < 1) to every element of `x`:
/// drop each element (output 0) with probability `p`, otherwise keep it and scale it so that the
/// output's expected value equals the input. One random draw per element; same length as `x`.
pub fn inverted_dropout<R: Rng + ?Sized>(x: &[f64], p: f64, rng: &mut R) -> Vec<f64> {
    // Kept with probability q = 1 - p and scaled by 1/q: E[y] = q * x / q = x.
    let keep_probability = 1.0 - p;
    x.iter()
        .map(|&value| {
            if rng.random_bool(keep_probability) {
                value
            } else {
                0.0
            }
        })
        .collect()
}
