// WRONG ANSWER (kept to prove the exercise test rejects it): Off by one: allocates `units` bins, so an all-kept mask has no bin.
//! Exercise 1.3: count kept units, the data behind the Binomial figure.
//! The page: book/chapter-1-exercises.md. Run: cargo test -p chapter1 --test exercises

/// `masks` are keep-masks of `units` entries each (`true` = kept). Returns `counts` with
/// `counts[k]` = the number of masks that keep exactly `k` units, for every k from 0 to `units`.
pub fn kept_count_histogram(masks: &[Vec<bool>], units: usize) -> Vec<u64> {
    // A mask can keep 0, 1, ..., units units: units + 1 possible counts.
    let mut counts = vec![0; units];
    for mask in masks {
        let kept = mask.iter().filter(|&&is_kept| is_kept).count();
        counts[kept] += 1;
    }
    counts
}
