//! Exercise 4.2: find the minimax cubic coefficient of the tanh form numerically.
//! The page: book/chapter-4-exercises.md. Run: cargo test -p chapter4 --test exercises

use chapter4::{golden_section_min, max_abs_error, std_normal_cdf};

/// The cubic coefficient `c` that minimises the worst error
/// `E(c) = max over x of |Phi(x) - 0.5 (1 + tanh(sqrt(2/pi) (x + c x^3)))|`,
/// with the slope `sqrt(2/pi)` fixed. Compute it; do not type in a published constant.
/// Useful: `max_abs_error` (the largest |f| on an interval, peaks polished), `golden_section_min`
/// (the minimum of a unimodal function) and `std_normal_cdf` (the exact Phi).
pub fn minimax_cubic() -> f64 {
    todo!(
        "Exercise 4.2 (exercises/chapter4/ex4_2_minimax_cubic.rs): search for the c that \
         minimises max_x |Phi(x) - 0.5 (1 + tanh(sqrt(2/pi) (x + c x^3)))|"
    )
}
