// WRONG ANSWER (kept to prove the exercise test rejects it): Counts units that are <= 0 on some input instead of on every input.
//! Exercise 2.3: the dead fraction of a layer on a batch.
//! The page: book/chapter-2-exercises.md. Run: cargo test -p chapter2 --test exercises

/// `pre_activations[i][j]` is the pre-activation `z` of unit `j` on input `i` of a
/// batch: one row per input (assume at least one row, all of the same non-zero length).
/// A unit is dead on the batch when ReLU outputs 0 for every input, that is when
/// `z <= 0` on every row. Returns the fraction of units that are dead.
pub fn dead_fraction(pre_activations: &[Vec<f64>]) -> f64 {
    let units = pre_activations[0].len();
    // A unit is a column. It is dead if no row gives it a positive pre-activation.
    let is_dead = |j: usize| pre_activations.iter().any(|row| row[j] <= 0.0);
    let dead = (0..units).filter(|&j| is_dead(j)).count();
    dead as f64 / units as f64
}
