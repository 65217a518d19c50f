// WRONG ANSWER (kept to prove the exercise test rejects it): Counts only the patterns strictly more extreme than the observed one (`>` for `>=`), so the observed pattern, its mirror image and every tie are lost.
//! Exercise 6.1: the exact sign-flip permutation test of paired differences.

/// The fraction of sign patterns with `|sum s_i d_i| > |sum d_i|`.
pub fn paired_sign_flip_p(a: &[f64], b: &[f64]) -> f64 {
    let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    let observed = d.iter().sum::<f64>().abs();
    let patterns: u32 = 1 << d.len();
    let more_extreme = (0..patterns)
        .filter(|&signs| {
            let sum: f64 =
                d.iter().enumerate().map(|(i, &x)| if (signs >> i) & 1 == 1 { -x } else { x }).sum();
            sum.abs() > observed
        })
        .count();
    more_extreme as f64 / f64::from(patterns)
}
