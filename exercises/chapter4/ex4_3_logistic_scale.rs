//! Exercise 4.3: find the logistic scale k that makes sigmoid(k x) closest to Phi(x).
//! The page: book/chapter-4-exercises.md. Run: cargo test -p chapter4 --test exercises

use chapter4::{golden_section_min, max_abs_error, std_normal_cdf};

/// The scale `k` that minimises the worst error `max over x of |Phi(x) - 1 / (1 + e^(-k x))|`.
/// Compute it; do not type in a published constant.
pub fn minimax_logistic_scale() -> f64 {
    todo!(
        "Exercise 4.3 (exercises/chapter4/ex4_3_logistic_scale.rs): search for the k that \
         minimises max_x |Phi(x) - sigmoid(k x)|"
    )
}
