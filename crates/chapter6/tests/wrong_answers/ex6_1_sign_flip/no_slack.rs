// WRONG ANSWER (kept to prove the exercise test rejects it): Compares with `>=` but without the slack 1e-12 sum |d_i|: a sum equal to the observed one in exact arithmetic may round a hair below it in f64 and is lost.
//! Exercise 6.1: the exact sign-flip permutation test of paired differences.

/// The fraction of sign patterns with `|sum s_i d_i| >= |sum d_i|`, compared as computed.
pub fn paired_sign_flip_p(a: &[f64], b: &[f64]) -> f64 {
    let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    let observed = d.iter().sum::<f64>().abs();
    let patterns: u32 = 1 << d.len();
    let as_extreme = (0..patterns)
        .filter(|&signs| {
            let sum: f64 =
                d.iter().enumerate().map(|(i, &x)| if (signs >> i) & 1 == 1 { -x } else { x }).sum();
            sum.abs() >= observed
        })
        .count();
    as_extreme as f64 / f64::from(patterns)
}
