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
    let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    let observed = d.iter().sum::<f64>().abs();
    let slack = 1e-12 * d.iter().map(|x| x.abs()).sum::<f64>();
    let patterns: u32 = 1 << d.len();
    // Bit i of `signs` set flips d_i. Pattern 0 is the observed one (summed in the same order, so
    // to the same value): it always counts, and p >= 2 / 2^n.
    let as_extreme = (0..patterns)
        .filter(|&signs| {
            let sum: f64 =
                d.iter().enumerate().map(|(i, &x)| if (signs >> i) & 1 == 1 { -x } else { x }).sum();
            sum.abs() >= observed - slack
        })
        .count();
    as_extreme as f64 / f64::from(patterns)
}
