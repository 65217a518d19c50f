// WRONG ANSWER (kept to prove the exercise test rejects it): The unpaired standard error sqrt(s_a^2/n + s_b^2/n): it keeps the seed effect that pairing cancels, so the interval is far too wide.
//! Exercise 6.2: the t interval of the mean paired difference, and the paired t-test.

use statrs::distribution::{ContinuousCDF, StudentsT};

/// `mean(d) -+ t s / sqrt(n)` and the paired t-test p, with a mistake.
pub fn paired_t(a: &[f64], b: &[f64], level: f64) -> (f64, f64, f64) {
    let n = a.len() as f64;
    let mean_of = |v: &[f64]| v.iter().sum::<f64>() / n;
    let var_of = |v: &[f64]| {
        let m = mean_of(v);
        v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (n - 1.0)
    };
    let mean = mean_of(a) - mean_of(b);
    let se = ((var_of(a) + var_of(b)) / n).sqrt();
    let student = StudentsT::new(0.0, 1.0, n - 1.0).unwrap();
    let q = student.inverse_cdf((1.0 + level) / 2.0);
    (mean - q * se, mean + q * se, 2.0 * (1.0 - student.cdf((mean / se).abs())))
}
