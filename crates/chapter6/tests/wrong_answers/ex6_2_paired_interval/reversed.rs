// WRONG ANSWER (kept to prove the exercise test rejects it): b - a instead of a - b: the interval mirrored about 0, a gain read as a loss.
//! Exercise 6.2: the t interval of the mean paired difference, and the paired t-test.

use statrs::distribution::{ContinuousCDF, StudentsT};

/// `mean(d) -+ t s / sqrt(n)` and the paired t-test p, with a mistake.
pub fn paired_t(a: &[f64], b: &[f64], level: f64) -> (f64, f64, f64) {
    let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| y - x).collect();
    let n = d.len() as f64;
    let mean = d.iter().sum::<f64>() / n;
    let s = (d.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
    let student = StudentsT::new(0.0, 1.0, n - 1.0).unwrap();
    let (q, se) = (student.inverse_cdf((1.0 + level) / 2.0), s / n.sqrt());
    (mean - q * se, mean + q * se, 2.0 * (1.0 - student.cdf((mean / se).abs())))
}
