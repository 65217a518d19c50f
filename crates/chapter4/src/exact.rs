//! The exact functions, in `f64`: the standard normal CDF `Phi` and `GELU(x) = x Phi(x)`, from
//! `libm::erfc`. They are the yardstick for the approximations and the `f32` kernels.

use std::f64::consts::SQRT_2;

/// `Phi(x) = erfc(-x / sqrt 2) / 2`, the standard normal CDF.
///
/// Domain: every `f64`; NaN gives NaN, `-inf` gives 0, `+inf` gives 1. Below `x = -38.5` the
/// result underflows to 0.
///
/// Accuracy: `libm::erfc` is within about 1 ULP, but the rounding of `-x / sqrt 2` (relative
/// `2^-53`) is amplified by erfc's condition number, about `x^2` in the left tail: the relative
/// error is about `x^2 * 1.1e-16`, so `2e-14` at `x = -14` (where GELU underflows in `f32`),
/// below `5e-14` for `x >= -20`, and `2e-13` at `x = -38`. Far below what an `f32` can see (`6e-8`).
///
/// ```
/// use chapter4::std_normal_cdf;
/// assert_eq!(std_normal_cdf(0.0), 0.5);
/// assert!((std_normal_cdf(1.0) - 0.8413447460685429).abs() < 1e-16);
/// ```
pub fn std_normal_cdf(x: f64) -> f64 {
    0.5 * libm::erfc(-x / SQRT_2)
}

/// `GELU(x) = x Phi(x)`.
///
/// Domain: every `f64`; NaN gives NaN, `+inf` gives `+inf`, `-inf` gives NaN (`-inf * 0`).
/// Results underflow to `-0.0` below about `x = -38.5`.
///
/// Accuracy: as [`std_normal_cdf`], plus one rounding: relative error below `5e-14` for
/// `x >= -20`.
///
/// ```
/// use chapter4::gelu;
/// assert!((gelu(1.0) - 0.8413447460685429).abs() < 1e-16);
/// assert!((gelu(-1.0) + 0.15865525393145705).abs() < 1e-16);
/// ```
pub fn gelu(x: f64) -> f64 {
    x * std_normal_cdf(x)
}
