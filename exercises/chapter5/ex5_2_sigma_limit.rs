//! Exercise 5.2: how fast x Phi(x / sigma) becomes ReLU as sigma -> 0, measured.
//! The page: book/chapter-5-exercises.md. Run: cargo test -p chapter5 --test exercises

use chapter5::std_normal_cdf;

/// The largest gap `max_x |x Phi(x / sigma) - max(x, 0)|` between the sigma-scaled GELU (mean 0)
/// and ReLU, for `sigma > 0`, found numerically (a grid fine enough for 5 significant digits, then
/// refine if you like). The page shows it is proportional to sigma: measure the constant.
pub fn max_gap_to_relu(sigma: f64) -> f64 {
    todo!(
        "Exercise 5.2 (exercises/chapter5/ex5_2_sigma_limit.rs): return max over x of \
         |x Phi(x / sigma) - max(x, 0)|; search x on a grid that scales with sigma"
    )
}
