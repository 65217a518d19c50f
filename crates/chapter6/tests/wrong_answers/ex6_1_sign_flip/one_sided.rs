// WRONG ANSWER (kept to prove the exercise test rejects it): A one-sided test: counts only the patterns whose signed sum goes at least as far in the observed direction, half the two-sided p.
//! Exercise 6.1: the exact sign-flip permutation test of paired differences.

/// The one-sided sign-flip p-value in the direction of the observed sum.
pub fn paired_sign_flip_p(a: &[f64], b: &[f64]) -> f64 {
    let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    let observed = d.iter().sum::<f64>();
    let slack = 1e-12 * d.iter().map(|x| x.abs()).sum::<f64>();
    let patterns: u32 = 1 << d.len();
    let as_extreme = (0..patterns)
        .filter(|&signs| {
            let sum: f64 =
                d.iter().enumerate().map(|(i, &x)| if (signs >> i) & 1 == 1 { -x } else { x }).sum();
            if observed >= 0.0 { sum >= observed - slack } else { sum <= observed + slack }
        })
        .count();
    as_extreme as f64 / f64::from(patterns)
}
