// WRONG ANSWER (kept to prove the exercise test rejects it): Flips one coin for the whole mask instead of one per unit.
//! Exercise 1.1 (warm-up): draw a dropout keep-mask.
//! The page: book/chapter-1-exercises.md. Run: cargo test -p chapter1 --test exercises

use rand::{Rng, RngExt};

/// Returns `len` independent booleans, each `true` (keep the unit) with probability
/// `keep_probability` and `false` (drop it) otherwise. Assume `keep_probability` is in [0, 1].
pub fn keep_mask<R: Rng + ?Sized>(len: usize, keep_probability: f64, rng: &mut R) -> Vec<bool> {
    // One Bernoulli draw per unit. `random_bool(q)` is true with probability exactly q.
    let kept = rng.random_bool(keep_probability);
    vec![kept; len]
}
