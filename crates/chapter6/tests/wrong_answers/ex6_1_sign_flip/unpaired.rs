// WRONG ANSWER (kept to prove the exercise test rejects it): An unpaired permutation test: pools a and b and re-splits the 2n values into two groups of n every possible way, so the seeds' spread swamps the difference.
//! Exercise 6.1: the exact sign-flip permutation test of paired differences.

/// Every split of the pooled values into two groups of `n`, statistic `|sum A - sum B|`.
pub fn paired_sign_flip_p(a: &[f64], b: &[f64]) -> f64 {
    let pooled: Vec<f64> = a.iter().chain(b).copied().collect();
    let n = a.len();
    let total: f64 = pooled.iter().sum();
    let observed = (a.iter().sum::<f64>() - b.iter().sum::<f64>()).abs();
    let slack = 1e-12 * pooled.iter().map(|x| x.abs()).sum::<f64>();
    let (mut as_extreme, mut splits) = (0_u64, 0_u64);
    for group in 0_u64..1 << (2 * n) {
        if group.count_ones() as usize != n {
            continue;
        }
        splits += 1;
        let first: f64 = (0..2 * n).filter(|i| (group >> i) & 1 == 1).map(|i| pooled[i]).sum();
        // sum A - sum B = 2 sum A - total.
        if (2.0 * first - total).abs() >= observed - slack {
            as_extreme += 1;
        }
    }
    as_extreme as f64 / splits as f64
}
