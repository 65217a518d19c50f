// WRONG ANSWER (kept to prove the exercise test rejects it): Draws the kept count with one coin per unit, then keeps the first that many units: the count is right, but unit 0 is kept far more often than the last.
//! Exercise 1.1 (warm-up): draw a dropout keep-mask.
//! The page: book/chapter-1-exercises.md. Run: cargo test -p chapter1 --test exercises

use rand::{Rng, RngExt};

/// Returns `len` independent booleans, each `true` (keep the unit) with probability
/// `keep_probability` and `false` (drop it) otherwise. Assume `keep_probability` is in [0, 1].
pub fn keep_mask<R: Rng + ?Sized>(len: usize, keep_probability: f64, rng: &mut R) -> Vec<bool> {
    let kept = (0..len).filter(|_| rng.random_bool(keep_probability)).count();
    (0..len).map(|i| i < kept).collect()
}
