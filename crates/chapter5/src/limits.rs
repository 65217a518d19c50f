//! The two ends of the scale: a gate `x F((x - mu) / s)` that opens infinitely sharply
//! (`s -> 0`) is a hard threshold, ReLU at `mu = 0` (chapter 2); one that opens infinitely
//! slowly (`s -> inf`) keeps every input with probability `F(0) = 1/2` whatever its value,
//! which is chapter 1's plain dropout at `p = 1/2`, in expectation: `x / 2`.
//!
//! How fast, for a symmetric `F` (`F(-z) = 1 - F(z)`) and `mu = 0`:
//!
//! * to ReLU, uniformly on the whole line: `|x F(x/s) - ReLU(x)| = |x| F(-|x|/s) = s t F(-t)`
//!   with `t = |x| / s` (for `x > 0` the gap is `x (1 - F(x/s))`, for `x < 0` it is `|x| F(x/s)`),
//!   so the supremum is `s C` with `C = max_t t F(-t)` ([`relu_gap_constant`]): `C = 0.16997`
//!   at `t = 0.7518` for the normal gate (where `Phi(-t) = t phi(t)`, the root of GELU'), 0.27846
//!   for the logistic, `1 / (2e) = 0.18394` for the Laplace, and `1/pi` (approached, never
//!   reached) for the Cauchy;
//! * to `x / 2`, only on bounded intervals: on `[-L, L]` the supremum of
//!   `|x| |F(x/s) - 1/2|` is `L (F(L/s) - 1/2)` ([`half_line_gap`]), about `L^2 f(0) / s` for
//!   large `s` (`L^2 / (s sqrt(2 pi))` for the normal gate); on the whole line it is infinite
//!   for every `s`.

use chapter2::relu;

use crate::Chapter5Error;
use crate::cdf_family::{GateCdf, GatedActivation};

/// The pointwise limit of `x F((x - mu) / s)` as `s -> 0+`, for a gate with `F(0) = 1/2`:
/// `x 1[x > mu]`, and `mu / 2` at `x = mu` itself (where the gate stays half open).
/// At `mu = 0` it is chapter 2's `relu` (the value at 0 is 0 either way).
///
/// Domain: every `f64` `x` and `mu`. NaN in either gives NaN; `x = +inf > mu` gives `+inf`,
/// `x = -inf` gives 0.
///
/// ```
/// use chapter5::hard_gate_limit;
/// assert_eq!(hard_gate_limit(2.0, 0.0), chapter2::relu(2.0));
/// assert_eq!(hard_gate_limit(-2.0, 0.0), 0.0);
/// assert_eq!(hard_gate_limit(0.5, 1.0), 0.0); // below the threshold mu = 1
/// assert_eq!(hard_gate_limit(1.0, 1.0), 0.5); // at the threshold: half open
/// assert!(hard_gate_limit(f64::NAN, 0.0).is_nan());
/// ```
pub fn hard_gate_limit(x: f64, mu: f64) -> f64 {
    if x.is_nan() || mu.is_nan() {
        f64::NAN
    } else if x > mu {
        x
    } else if x == mu {
        0.5 * x
    } else {
        0.0
    }
}

/// The pointwise limit of `x F((x - mu) / s)` as `s -> inf` (any fixed `mu`), for a gate with
/// `F(0) = 1/2`: `x / 2`. That is chapter 1's plain dropout at rate `p = 1/2` in expectation:
/// the unit is kept with probability `q = 1/2` regardless of its value.
///
/// Domain: every `f64`; NaN gives NaN, `+-inf` give `+-inf`.
///
/// ```
/// use chapter5::wide_gate_limit;
/// assert_eq!(wide_gate_limit(3.0), 1.5);
/// let keep = chapter1::DropoutRate::new(0.5).unwrap().keep_probability();
/// assert_eq!(wide_gate_limit(3.0), 3.0 * keep);
/// assert!(wide_gate_limit(f64::NAN).is_nan());
/// ```
pub fn wide_gate_limit(x: f64) -> f64 {
    0.5 * x
}

/// `(t*, C)` with `C = max over t >= 0 of t F(-t)`: the constant in
/// `sup_x |x F(x/s) - ReLU(x)| = C s` (module documentation), found by golden-section search
/// (chapter 4's [`golden_section_min`](chapter4::golden_section_min)) on `[0, 40]` with tolerance
/// `1e-12`: the maximum is flat, so `t*` is found to about `1e-8` (`sqrt` of the rounding
/// error) and `C` to a few ULP.
///
/// Values: Normal `t* = 0.75179`, `C = 0.169971` (at the maximum `Phi(-t) = t phi(t)`: the same
/// `t` as GELU's minimum, `numerics::GELU_MINIMUM_AT`); Logistic `t* = 1.27846`,
/// `C = t* - 1 = 0.278465`; Laplace `t* = 1`, `C = 1 / (2e) = 0.183940`. For the Cauchy
/// `t F(-t)` increases towards `1/pi` without reaching it, and the search returns the end of its
/// bracket, `t* ~ 40`, `C = 0.318244` (`1/pi = 0.318310`). A gate without a finite maximum on
/// `[0, 40]` gives the best point found there.
///
/// ```
/// use chapter5::{Laplace, Normal, relu_gap_constant};
/// let (t, c) = relu_gap_constant(&Normal);
/// assert!((t - 0.7517915246935645).abs() < 1e-6);
/// assert!((c - 0.16997120747990366).abs() < 1e-12);
/// let (t, c) = relu_gap_constant(&Laplace);
/// assert!((t - 1.0).abs() < 1e-6 && (c - 0.5 / std::f64::consts::E).abs() < 1e-12);
/// ```
pub fn relu_gap_constant<F: GateCdf + ?Sized>(cdf: &F) -> (f64, f64) {
    let gap = |t: f64| t * cdf.cdf(-t);
    let t = chapter4::golden_section_min(|t| -gap(t), 0.0, 40.0, 1e-12);
    (t, gap(t))
}

/// `max over x in xs of |x F(x / s) - ReLU(x)|`: the measured distance of the gated activation
/// (location 0, scale `s`) from chapter 2's [`relu`](chapter2::relu) on a set of points.
///
/// Domain: finite `s > 0`, non-empty `xs`. Bad input: `Err(Chapter5Error::ScaleOutOfRange { s })`,
/// `Err(Chapter5Error::TooFewSamples { found: 0, needed: 1 })`; a NaN in `xs` gives `Ok(NaN)`.
///
/// ```
/// use chapter5::{Normal, relu_gap_constant, sup_distance_to_relu};
/// let xs: Vec<f64> = (-4000..=4000).map(|i| i as f64 * 1e-3).collect();
/// let (_, c) = relu_gap_constant(&Normal);
/// let d = sup_distance_to_relu(&Normal, 0.1, &xs)?;
/// assert!((d / (0.1 * c) - 1.0).abs() < 1e-4); // the grid nearly hits x = 0.1 t*
/// # Ok::<(), chapter5::Chapter5Error>(())
/// ```
pub fn sup_distance_to_relu<F: GateCdf + ?Sized>(cdf: &F, s: f64, xs: &[f64]) -> Result<f64, Chapter5Error> {
    let gate = GatedActivation::new(cdf, 0.0, s)?;
    sup_over(xs, |x| (gate.value(x) - relu(x)).abs())
}

/// `max over x in xs of |x F(x / s) - x / 2|`: the measured distance of the gated activation
/// (location 0, scale `s`) from the wide-gate limit [`wide_gate_limit`] on a set of points.
///
/// Domain and bad input as [`sup_distance_to_relu`].
///
/// ```
/// use chapter5::{Normal, half_line_gap, sup_distance_to_half};
/// let xs: Vec<f64> = (-100..=100).map(|i| i as f64 * 0.02).collect(); // [-2, 2]
/// let d = sup_distance_to_half(&Normal, 10.0, &xs)?;
/// let exact = half_line_gap(&Normal, 2.0, 10.0)?; // attained at the ends, x = +-2
/// assert!((d - exact).abs() < 1e-15);
/// # Ok::<(), chapter5::Chapter5Error>(())
/// ```
pub fn sup_distance_to_half<F: GateCdf + ?Sized>(cdf: &F, s: f64, xs: &[f64]) -> Result<f64, Chapter5Error> {
    let gate = GatedActivation::new(cdf, 0.0, s)?;
    sup_over(xs, |x| (gate.value(x) - wide_gate_limit(x)).abs())
}

/// `L (F(L / s) - 1/2)`: for a symmetric gate, the exact supremum of `|x F(x / s) - x / 2|` over
/// `[-L, L]` (the gap `|x| (F(|x|/s) - 1/2)` grows with `|x|`). For large `s` it is about
/// `L^2 f(0) / s`, so it shrinks like `1 / s` on every bounded interval, while on the whole line
/// it is infinite.
///
/// Domain: finite `L >= 0`, finite `s > 0`. Bad input: `Err(Chapter5Error::ScaleOutOfRange { s })`;
/// a negative, infinite or NaN `L` gives `Err(Chapter5Error::ScaleOutOfRange { s: L })` (`L` is a
/// length scale too).
///
/// ```
/// use chapter5::{Normal, half_line_gap};
/// let gap = half_line_gap(&Normal, 1.0, 100.0)?;
/// let first_order = 1.0 / (100.0 * (2.0 * std::f64::consts::PI).sqrt());
/// assert!((gap / first_order - 1.0).abs() < 1e-4);
/// # Ok::<(), chapter5::Chapter5Error>(())
/// ```
pub fn half_line_gap<F: GateCdf + ?Sized>(cdf: &F, half_width: f64, s: f64) -> Result<f64, Chapter5Error> {
    if !(half_width >= 0.0 && half_width.is_finite()) {
        return Err(Chapter5Error::ScaleOutOfRange { s: half_width });
    }
    let gate = GatedActivation::new(cdf, 0.0, s)?;
    Ok(half_width * (gate.cdf().cdf(half_width / s) - 0.5))
}

/// The largest `gap(x)` over `xs`; NaN if any is NaN.
fn sup_over(xs: &[f64], gap: impl Fn(f64) -> f64) -> Result<f64, Chapter5Error> {
    if xs.is_empty() {
        return Err(Chapter5Error::TooFewSamples { found: 0, needed: 1 });
    }
    Ok(xs
        .iter()
        .map(|&x| gap(x))
        .fold(0.0, |worst: f64, g| if g.is_nan() || worst.is_nan() { f64::NAN } else { worst.max(g) }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Cauchy, Laplace, Logistic, Normal};

    #[test]
    fn limits_at_special_values() {
        assert!(hard_gate_limit(1.0, f64::NAN).is_nan());
        assert_eq!(hard_gate_limit(f64::INFINITY, 0.0), f64::INFINITY);
        assert_eq!(hard_gate_limit(f64::NEG_INFINITY, 0.0), 0.0);
        assert_eq!(wide_gate_limit(f64::NEG_INFINITY), f64::NEG_INFINITY);
    }

    #[test]
    fn measurements_reject_bad_input() {
        assert_eq!(
            sup_distance_to_relu(&Normal, 1.0, &[]),
            Err(Chapter5Error::TooFewSamples { found: 0, needed: 1 })
        );
        assert_eq!(
            sup_distance_to_half(&Normal, -1.0, &[1.0]),
            Err(Chapter5Error::ScaleOutOfRange { s: -1.0 })
        );
        assert!(sup_distance_to_relu(&Normal, 1.0, &[1.0, f64::NAN, 2.0]).unwrap().is_nan());
        assert!(matches!(half_line_gap(&Normal, f64::NAN, 1.0), Err(Chapter5Error::ScaleOutOfRange { .. })));
    }

    #[test]
    fn gap_constants() {
        let (t, c) = relu_gap_constant(&Logistic);
        assert!(
            (t - 1.278_464_542_761_074).abs() < 1e-6 && (c - 0.2784645427610738).abs() < 1e-12,
            "{t} {c}"
        );
        let (t, _) = relu_gap_constant(&Normal);
        assert!((t + numerics::GELU_MINIMUM_AT).abs() < 1e-6);
        let (t, c) = relu_gap_constant(&Cauchy);
        assert!(t > 39.0 && c < std::f64::consts::FRAC_1_PI && c > 0.3182, "{t} {c}");
        let (t, _) = relu_gap_constant(&Laplace);
        assert!((t - 1.0).abs() < 1e-6);
    }
}
