// WRONG ANSWER (kept to prove the exercise test rejects it): Draws how many elements to keep with one coin per element, then keeps the first that many: the count is right, but the first elements are almost never dropped.
//! Exercise 1.2: inverted dropout, the form frameworks use while training.
//! The page: book/chapter-1-exercises.md. Run: cargo test -p chapter1 --test exercises

use rand::{Rng, RngExt};

/// Applies inverted dropout with rate `p` (assume 0 <= p < 1) to every element of `x`:
/// drop each element (output 0) with probability `p`, otherwise keep it and scale it so that the
/// output's expected value equals the input. One random draw per element; same length as `x`.
pub fn inverted_dropout<R: Rng + ?Sized>(x: &[f64], p: f64, rng: &mut R) -> Vec<f64> {
    let keep_probability = 1.0 - p;
    let kept = x.iter().filter(|_| rng.random_bool(keep_probability)).count();
    x.iter()
        .enumerate()
        .map(|(i, &value)| if i < kept { value / keep_probability } else { 0.0 })
        .collect()
}
