// WRONG ANSWER (kept to prove the exercise test rejects it): An unpaired (Welch) t-test for p: the interval is right, but the p-value compares the two groups' means as if the seeds were unrelated, and is far too large.
//! Exercise 6.2: the t interval of the mean paired difference, and the paired t-test.

use statrs::distribution::{ContinuousCDF, StudentsT};

/// `mean(d) -+ t s / sqrt(n)` and the paired t-test p, with a mistake.
pub fn paired_t(a: &[f64], b: &[f64], level: f64) -> (f64, f64, f64) {
    let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    let n = d.len() as f64;
    let mean = d.iter().sum::<f64>() / n;
    let s = (d.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
    let student = StudentsT::new(0.0, 1.0, n - 1.0).unwrap();
    let (q, se) = (student.inverse_cdf((1.0 + level) / 2.0), s / n.sqrt());
    // Welch's two-sample test on a and b.
    let mean_of = |v: &[f64]| v.iter().sum::<f64>() / n;
    let var_of = |v: &[f64]| {
        let m = mean_of(v);
        v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (n - 1.0)
    };
    let (va, vb) = (var_of(a) / n, var_of(b) / n);
    let t = (mean_of(a) - mean_of(b)) / (va + vb).sqrt();
    let df = (va + vb).powi(2) / (va * va / (n - 1.0) + vb * vb / (n - 1.0));
    let welch = StudentsT::new(0.0, 1.0, df).unwrap();
    (mean - q * se, mean + q * se, 2.0 * (1.0 - welch.cdf(t.abs())))
}
