//! Where the constants 0.044715 and 1.702 come from: each is (close to) the value that makes its
//! approximation of `Phi` best in the worst case.
//!
//! Both searches minimise a *maximum error* `E(p) = max_x |Phi(x) - approx(p, x)|` over one
//! parameter `p`:
//!
//! * the inner maximum: a dense grid finds every local maximum of `|error|`, and a golden-section
//!   search polishes each one (the grid alone would underestimate each peak by `O(h^2)`, which
//!   would bias the optimum);
//! * the outer minimum: `E(p)` is unimodal in `p` (lowering one error peak raises another), so a
//!   golden-section search over `p` converges to where two peaks are equal: the minimax point.
//!
//! Both errors are odd in `x` (`Phi(-x) = 1 - Phi(x)`, and the same holds for each
//! approximation), so `x >= 0` suffices. Everything is deterministic.

use numerics::std_normal_cdf;

/// The golden ratio's inverse, `(sqrt 5 - 1) / 2`: each golden-section step keeps this fraction
/// of the bracket and reuses one of the two interior points.
const INV_PHI: f64 = 0.6180339887498949;

/// The `x` in `[lo, hi]` that minimises a unimodal `g`, to within `tol` (golden-section search).
///
/// Domain: `lo < hi`, `tol > 0`. If `g` is not unimodal the result is a local minimum. NaN values of
/// `g` are never preferred (comparisons with NaN are false, so the bracket moves away from them).
/// Bad input: `lo > hi` searches the same interval; a NaN `tol` skips the search and returns the
/// midpoint `0.5 (lo + hi)`; a NaN bound gives NaN; a `tol` of 0 or below asks for more than
/// floating point can give and may never return.
///
/// ```
/// use chapter4::golden_section_min;
/// let g = |x: f64| (x - 2.0) * (x - 2.0);
/// let x = golden_section_min(g, 0.0, 5.0, 1e-10);
/// assert!((x - 2.0).abs() < 1e-9);
/// assert!((golden_section_min(g, 5.0, 0.0, 1e-10) - 2.0).abs() < 1e-9); // reversed bounds
/// assert_eq!(golden_section_min(g, 0.0, 5.0, f64::NAN), 2.5); // no search: the midpoint
/// ```
pub fn golden_section_min(g: impl Fn(f64) -> f64, lo: f64, hi: f64, tol: f64) -> f64 {
    let (mut a, mut b) = (lo, hi);
    let mut c = b - INV_PHI * (b - a);
    let mut d = a + INV_PHI * (b - a);
    let (mut gc, mut gd) = (g(c), g(d));
    while (b - a).abs() > tol {
        if gc < gd {
            // The minimum is in [a, d]; the old c becomes the new d.
            b = d;
            d = c;
            gd = gc;
            c = b - INV_PHI * (b - a);
            gc = g(c);
        } else {
            a = c;
            c = d;
            gc = gd;
            d = a + INV_PHI * (b - a);
            gd = g(d);
        }
    }
    0.5 * (a + b)
}

/// The largest `|f(x)|` over `[lo, hi]`, and where it is: `(x, |f(x)|)`.
///
/// Method: `n + 1` equally spaced points locate every local maximum of `|f|`; each is then
/// polished by golden-section search between its two grid neighbours (to `1e-12` in `x`).
/// A peak narrower than the grid spacing can be missed: choose `n` accordingly.
///
/// Domain: `lo < hi`, `n >= 2`. A NaN value of `f` at a grid point is the worst error there can
/// be (no silent success): the result is `(x, NaN)` at the first such point. `n = 0` gives a NaN
/// grid, and so `(NaN, NaN)`.
///
/// ```
/// use chapter4::max_abs_error;
/// let (x, m) = max_abs_error(|x: f64| x.sin(), 0.0, 3.0, 100);
/// assert!((x - std::f64::consts::FRAC_PI_2).abs() < 1e-6 && (m - 1.0).abs() < 1e-15);
/// let (x, m) = max_abs_error(|x: f64| if x < 1.0 { 0.0 } else { f64::NAN }, 0.0, 3.0, 100);
/// assert!((1.0..1.03).contains(&x) && m.is_nan()); // the first grid point from 1 on
/// let (x, m) = max_abs_error(|x: f64| x.sin(), 0.0, 3.0, 0);
/// assert!(x.is_nan() && m.is_nan());
/// ```
pub fn max_abs_error(f: impl Fn(f64) -> f64, lo: f64, hi: f64, n: usize) -> (f64, f64) {
    let step = (hi - lo) / n as f64;
    let at = |i: usize| lo + step * i as f64;
    let values: Vec<f64> = (0..=n).map(|i| f(at(i)).abs()).collect();
    if let Some(i) = values.iter().position(|v| v.is_nan()) {
        return (at(i), f64::NAN);
    }
    let mut best = (f64::NAN, 0.0);
    for i in 0..=n {
        let left = if i == 0 { 0.0 } else { values[i - 1] };
        let right = if i == n { 0.0 } else { values[i + 1] };
        if !(values[i] >= left && values[i] >= right) {
            continue;
        }
        // Polish the peak between the neighbouring grid points (clamped to [lo, hi]).
        let a = at(i.saturating_sub(1));
        let b = at((i + 1).min(n));
        let x = golden_section_min(|x| -f(x).abs(), a, b, 1e-12);
        for (x, v) in [(x, f(x).abs()), (at(i), values[i])] {
            if v > best.1 {
                best = (x, v);
            }
        }
    }
    best
}

/// `Phi` as the tanh approximation models it, with cubic coefficient `c`:
/// `0.5 (1 + tanh(sqrt(2/pi) (x + c x^3)))`.
///
/// Domain: every `f64` (it is a function of `tanh`, which saturates). NaN gives NaN.
///
/// ```
/// use chapter4::tanh_phi;
/// assert_eq!(tanh_phi(0.044715, 0.0), 0.5);
/// assert!((tanh_phi(0.044715, 1.0) - 0.8411919906082768).abs() < 1e-15);
/// ```
pub fn tanh_phi(c: f64, x: f64) -> f64 {
    let s = (2.0 / std::f64::consts::PI).sqrt();
    0.5 * (1.0 + (s * (x + c * x * x * x)).tanh())
}

/// `Phi` as the sigmoid approximation models it, with slope `k`: `sigmoid(k x) = 1 / (1 + e^(-k x))`.
///
/// Domain: every `f64`; NaN gives NaN.
///
/// ```
/// use chapter4::sigmoid_phi;
/// assert_eq!(sigmoid_phi(1.702, 0.0), 0.5);
/// ```
pub fn sigmoid_phi(k: f64, x: f64) -> f64 {
    1.0 / (1.0 + (-k * x).exp())
}

/// Worst-case error over `x` in `[0, 8]` of the tanh approximation of `Phi` with cubic
/// coefficient `c` (slope fixed at `sqrt(2/pi)`): `max_x |Phi(x) - tanh_phi(c, x)|`.
///
/// Domain: finite `c` (about `[0, 0.1]` is meaningful). A NaN `c` gives NaN.
///
/// ```
/// use chapter4::tanh_cubic_max_error;
/// assert!((tanh_cubic_max_error(0.044715) - 1.78933e-4).abs() < 1e-9);
/// assert!(tanh_cubic_max_error(f64::NAN).is_nan());
/// ```
// ANCHOR: tanh_cubic_max_error
pub fn tanh_cubic_max_error(c: f64) -> f64 {
    max_abs_error(|x| std_normal_cdf(x) - tanh_phi(c, x), 0.0, 8.0, 2000).1
}
// ANCHOR_END: tanh_cubic_max_error

/// Worst-case error over `x` in `[0, 10]` of `sigmoid(k x)` as an approximation of `Phi`.
///
/// Domain: finite `k` (about `[1, 3]` is meaningful). A NaN `k` gives NaN.
///
/// ```
/// use chapter4::sigmoid_slope_max_error;
/// assert!((sigmoid_slope_max_error(1.702) - 9.48632e-3).abs() < 1e-8);
/// assert!(sigmoid_slope_max_error(f64::NAN).is_nan());
/// ```
pub fn sigmoid_slope_max_error(k: f64) -> f64 {
    max_abs_error(|x| std_normal_cdf(x) - sigmoid_phi(k, x), 0.0, 10.0, 2000).1
}

/// The cubic coefficient `c` that minimises [`tanh_cubic_max_error`], and that minimum:
/// `(c, max error)`, found by golden-section search over `c` in `[0.03, 0.06]`.
///
/// Takes no input; about 0.1 s in a release build. The paper's 0.044715 is this optimum rounded
/// to 5 significant digits.
///
/// ```
/// let (c, err) = chapter4::minimax_tanh_cubic();
/// assert!((c - 0.0447149).abs() < 1e-7, "c = {c}");
/// assert!((err - 1.78921e-4).abs() < 1e-9, "err = {err}");
/// ```
// ANCHOR: minimax_tanh_cubic
pub fn minimax_tanh_cubic() -> (f64, f64) {
    let c = golden_section_min(tanh_cubic_max_error, 0.03, 0.06, 1e-10);
    (c, tanh_cubic_max_error(c))
}
// ANCHOR_END: minimax_tanh_cubic

/// The slope `k` that minimises [`sigmoid_slope_max_error`], and that minimum: `(k, max error)`,
/// found by golden-section search over `k` in `[1.5, 2.0]`.
///
/// Takes no input; about 0.1 s in a release build. The paper's 1.702 is this optimum rounded to
/// 4 significant digits.
///
/// ```
/// let (k, err) = chapter4::minimax_sigmoid_slope();
/// assert!((k - 1.701745).abs() < 1e-6, "k = {k}");
/// assert!((err - 9.45731e-3).abs() < 1e-8, "err = {err}");
/// ```
pub fn minimax_sigmoid_slope() -> (f64, f64) {
    let k = golden_section_min(sigmoid_slope_max_error, 1.5, 2.0, 1e-10);
    (k, sigmoid_slope_max_error(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_abs_error_polishes_peaks_between_grid_points() {
        // A peak at x = 0.123456789, far from any of the 10 grid points' exact positions.
        let (x, m) = max_abs_error(|x| 1.0 - (x - 0.123456789).powi(2), 0.0, 1.0, 10);
        assert!((x - 0.123456789).abs() < 1e-6, "{x}");
        assert!((m - 1.0).abs() < 1e-12);
        // Peaks at the ends of the interval count too.
        let (x, _) = max_abs_error(|x| x, -1.0, 3.0, 7);
        assert_eq!(x, 3.0);
    }

    #[test]
    fn at_the_minimax_point_two_peaks_are_equal() {
        // The signature of a minimax fit: moving c either way raises the worst error.
        let (c, err) = minimax_tanh_cubic();
        assert!(tanh_cubic_max_error(c - 1e-6) > err);
        assert!(tanh_cubic_max_error(c + 1e-6) > err);
        let (k, err) = minimax_sigmoid_slope();
        assert!(sigmoid_slope_max_error(k - 1e-5) > err);
        assert!(sigmoid_slope_max_error(k + 1e-5) > err);
    }
}
