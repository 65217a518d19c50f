// WRONG ANSWER (kept to prove the exercise test rejects it): Returns the fraction of zero outputs (entries <= 0) instead of the fraction of units dead on all inputs.
//! Exercise 2.3: the dead fraction of a layer on a batch.
//! The page: book/chapter-2-exercises.md. Run: cargo test -p chapter2 --test exercises

/// `pre_activations[i][j]` is the pre-activation `z` of unit `j` on input `i` of a
/// batch: one row per input (assume at least one row, all of the same non-zero length).
/// A unit is dead on the batch when ReLU outputs 0 for every input, that is when
/// `z <= 0` on every row. Returns the fraction of units that are dead.
pub fn dead_fraction(pre_activations: &[Vec<f64>]) -> f64 {
    let entries = pre_activations.len() * pre_activations[0].len();
    let zeros = pre_activations.iter().flatten().filter(|&&z| z <= 0.0).count();
    zeros as f64 / entries as f64
}
