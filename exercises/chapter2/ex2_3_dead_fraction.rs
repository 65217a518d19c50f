//! Exercise 2.3: the dead fraction of a layer on a batch.
//! The page: book/chapter-2-exercises.md. Run: cargo test -p chapter2 --test exercises

/// `pre_activations[i][j]` is the pre-activation `z` of unit `j` on input `i` of a
/// batch: one row per input (assume at least one row, all of the same non-zero length).
/// A unit is dead on the batch when ReLU outputs 0 for every input, that is when
/// `z <= 0` on every row. Returns the fraction of units that are dead.
pub fn dead_fraction(pre_activations: &[Vec<f64>]) -> f64 {
    todo!(
        "Exercise 2.3 (exercises/chapter2/ex2_3_dead_fraction.rs): return the \
         fraction of units (columns) whose pre-activation is <= 0 on every input (row)"
    )
}
