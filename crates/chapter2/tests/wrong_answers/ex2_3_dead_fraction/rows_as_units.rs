// WRONG ANSWER (kept to prove the exercise test rejects it): Reads rows as units: asks whether an input is <= 0 on every unit.
//! Exercise 2.3: the dead fraction of a layer on a batch.
//! The page: book/chapter-2-exercises.md. Run: cargo test -p chapter2 --test exercises

/// `pre_activations[i][j]` is the pre-activation `z` of unit `j` on input `i` of a
/// batch: one row per input (assume at least one row, all of the same non-zero length).
/// A unit is dead on the batch when ReLU outputs 0 for every input, that is when
/// `z <= 0` on every row. Returns the fraction of units that are dead.
pub fn dead_fraction(pre_activations: &[Vec<f64>]) -> f64 {
    let dead = pre_activations.iter().filter(|row| row.iter().all(|&z| z <= 0.0)).count();
    dead as f64 / pre_activations.len() as f64
}
