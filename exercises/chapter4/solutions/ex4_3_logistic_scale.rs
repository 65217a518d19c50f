//! Exercise 4.3: find the logistic scale k that makes sigmoid(k x) closest to Phi(x).
//! The page: book/chapter-4-exercises.md. Run: cargo test -p chapter4 --test exercises

use chapter4::{golden_section_min, max_abs_error, std_normal_cdf};

/// The scale `k` that minimises the worst error `max over x of |Phi(x) - 1 / (1 + e^(-k x))|`.
/// Compute it; do not type in a published constant.
pub fn minimax_logistic_scale() -> f64 {
    let worst = |k: f64| {
        let error = |x: f64| std_normal_cdf(x) - 1.0 / (1.0 + (-k * x).exp());
        max_abs_error(error, 0.0, 10.0, 2000).1
    };
    golden_section_min(worst, 1.5, 2.0, 1e-10)
}
