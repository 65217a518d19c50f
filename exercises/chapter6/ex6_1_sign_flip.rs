//! Exercise 6.1: the exact sign-flip permutation test of paired differences.
//! The page: book/chapter-6-exercises.md. Run: cargo test -p chapter6 --test exercises

/// The exact two-sided sign-flip p-value of the paired differences `d_i = a_i - b_i`.
///
/// Under "no difference" each of the `2^n` sign patterns `s_i = ±1` is equally likely. The
/// statistic is `|sum_i s_i d_i|`, and `p` is the fraction of all `2^n` patterns with
/// `|sum_i s_i d_i| >= |sum_i d_i| - 1e-12 sum_i |d_i|` (the slack keeps the patterns whose sum
/// equals the observed one exactly but rounds differently). Inputs: `a` and `b` of one length
/// `n`, `2 <= n <= 16`, all values finite (the test passes nothing else).
pub fn paired_sign_flip_p(a: &[f64], b: &[f64]) -> f64 {
    todo!(
        "Exercise 6.1 (exercises/chapter6/ex6_1_sign_flip.rs): return the fraction of the 2^n sign \
         patterns s whose |sum s_i (a_i - b_i)| reaches the observed |sum (a_i - b_i)|; the observed \
         pattern counts too"
    )
}
