//! Exercise 6.2: the t interval of the mean paired difference, and the paired t-test.
//! The page: book/chapter-6-exercises.md. Run: cargo test -p chapter6 --test exercises

use statrs::distribution::{ContinuousCDF, StudentsT};

/// The paired comparison of `a` with `b`: with `d_i = a_i - b_i` for `n` pairs, their mean `dbar`
/// and sample standard deviation `s` (divisor `n - 1`), returns `(low, high, p)`:
///
/// * `low, high = dbar -+ t s / sqrt(n)`, `t` the `(1 + level) / 2` quantile of Student's t with
///   the right number of degrees of freedom (a `level = 0.95` interval: `t = 2.262` for `n = 10`);
/// * `p`, the two-sided p-value of the paired t-test of "mean difference 0":
///   `2 P(T > |dbar / (s / sqrt n)|)`.
///
/// Inputs: `a` and `b` of one length `n >= 3`, not all differences equal, values finite, `level`
/// in `(0, 1)`. `StudentsT::new(0.0, 1.0, degrees_of_freedom)` gives the distribution, with
/// `inverse_cdf` and `cdf`.
pub fn paired_t(a: &[f64], b: &[f64], level: f64) -> (f64, f64, f64) {
    // The pairs become one sample: the seed effect shared by a_i and b_i cancels in d_i.
    let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    let n = d.len() as f64;
    let mean = d.iter().sum::<f64>() / n;
    // Two passes (mean first, then squared deviations): no cancellation.
    let s = (d.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
    let standard_error = s / n.sqrt();
    // One sample of n differences: n - 1 degrees of freedom (one is spent on the mean).
    let student = StudentsT::new(0.0, 1.0, n - 1.0).expect("n >= 3 gives a valid distribution");
    let t_quantile = student.inverse_cdf((1.0 + level) / 2.0);
    let t = mean / standard_error;
    let p = 2.0 * (1.0 - student.cdf(t.abs()));
    (mean - t_quantile * standard_error, mean + t_quantile * standard_error, p)
}
