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
    todo!(
        "Exercise 6.2 (exercises/chapter6/ex6_2_paired_interval.rs): for d = a - b return \
         mean(d) -+ t s / sqrt(n) and the two-sided paired t-test p, with Student's t of the right \
         degrees of freedom"
    )
}
