// WRONG ANSWER (kept to prove the exercise test rejects it): Drops exactly round(p n) elements, chosen at random: the kept fraction is always the same instead of varying from call to call.
//! Exercise 1.2: inverted dropout, the form frameworks use while training.
//! The page: book/chapter-1-exercises.md. Run: cargo test -p chapter1 --test exercises

use rand::{Rng, RngExt};

/// Applies inverted dropout with rate `p` (assume 0 <= p < 1) to every element of `x`:
/// drop each element (output 0) with probability `p`, otherwise keep it and scale it so that the
/// output's expected value equals the input. One random draw per element; same length as `x`.
pub fn inverted_dropout<R: Rng + ?Sized>(x: &[f64], p: f64, rng: &mut R) -> Vec<f64> {
    // A quota instead of one draw per element: pick round(p n) positions to drop.
    let n = x.len();
    let mut positions: Vec<usize> = (0..n).collect();
    let dropped = (p * n as f64).round() as usize;
    for i in 0..dropped {
        let j = rng.random_range(i..n);
        positions.swap(i, j);
    }
    let mut y: Vec<f64> = x.iter().map(|&value| value / (1.0 - p)).collect();
    for &i in &positions[..dropped] {
        y[i] = 0.0;
    }
    y
}
