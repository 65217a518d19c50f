//! Exercise 1.3: count kept units, the data behind the Binomial figure.
//! The page: book/chapter-1-exercises.md. Run: cargo test -p chapter1 --test exercises

/// `masks` are keep-masks of `units` entries each (`true` = kept). Returns `counts` with
/// `counts[k]` = the number of masks that keep exactly `k` units, for every k from 0 to `units`.
pub fn kept_count_histogram(masks: &[Vec<bool>], units: usize) -> Vec<u64> {
    todo!(
        "Exercise 1.3 (exercises/chapter1/ex1_3_kept_count_histogram.rs): return a Vec whose \
         entry k counts the masks with exactly k kept (true) units, for k = 0..=units"
    )
}
