// WRONG ANSWER (kept to prove the exercise test rejects it): Minimises the mean squared error instead of the worst error.
//! Exercise 4.2: find the minimax cubic coefficient of the tanh form numerically.
//! The page: book/chapter-4-exercises.md. Run: cargo test -p chapter4 --test exercises

use chapter4::{golden_section_min, max_abs_error, std_normal_cdf};

/// The cubic coefficient `c` that minimises the worst error
/// `E(c) = max over x of |Phi(x) - 0.5 (1 + tanh(sqrt(2/pi) (x + c x^3)))|`,
/// with the slope `sqrt(2/pi)` fixed. Compute it; do not type in a published constant.
/// Useful: `max_abs_error` (the largest |f| on an interval, peaks polished), `golden_section_min`
/// (the minimum of a unimodal function) and `std_normal_cdf` (the exact Phi).
pub fn minimax_cubic() -> f64 {
    let squares = |c: f64| {
        let s = (2.0 / std::f64::consts::PI).sqrt();
        let error = |x: f64| std_normal_cdf(x) - 0.5 * (1.0 + (s * (x + c * x * x * x)).tanh());
        (0..=2000).map(|i| error(i as f64 * 0.004).powi(2)).sum::<f64>()
    };
    golden_section_min(squares, 0.03, 0.06, 1e-10)
}
