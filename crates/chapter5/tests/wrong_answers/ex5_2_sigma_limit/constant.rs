// WRONG ANSWER (kept to prove the exercise test rejects it): Returns the gap at sigma = 1 whatever sigma is.
//! Exercise 5.2: how fast x Phi(x / sigma) becomes ReLU as sigma -> 0, measured.
//! The page: book/chapter-5-exercises.md. Run: cargo test -p chapter5 --test exercises

use chapter5::std_normal_cdf;

/// The largest gap `max_x |x Phi(x / sigma) - max(x, 0)|` between the sigma-scaled GELU (mean 0)
/// and ReLU, for `sigma > 0`, found numerically (a grid fine enough for 5 significant digits, then
/// refine if you like). The page shows it is proportional to sigma: measure the constant.
pub fn max_gap_to_relu(sigma: f64) -> f64 {
    // The gap is |x| Phi(-|x| / sigma) on both sides (for x > 0, x - x Phi(x/s) = x Phi(-x/s)),
    // so with x = sigma t it is sigma |t| Phi(-|t|): search t in [0, 8] on a fine grid.
    let gap = |t: f64| t * std_normal_cdf(-t);
    (0..=80_000).map(|i| gap(i as f64 * 1e-4)).fold(0.0, f64::max)
}
