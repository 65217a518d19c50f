//! The standard normal's CDF `Phi` and density `phi` as in-place `f32` kernels, from the exact
//! kernels' parts: with `z = |x|`, `e = e^(-z^2/2)` (`gaussian_f32.rs`) and the ratio
//! `c R(z) = B / (sqrt(2 pi) zB + A)` of `exact_f32.rs` (so that `Q(z) = Phi(-z) = e c R(z)`),
//!
//! * `Phi(x) = Q(z)` for `x < 0` and `1 - Q(z)` otherwise;
//! * `phi(x) = c e`, `c = 1/sqrt(2 pi)`.
//!
//! Chapter 5's learnable GELU and the SOI map need `Phi` and `phi` of a whole layer at once in
//! the `f32` network; these kernels give them at the speed of the GELU kernel, with the same bits
//! on every dispatch path.

use super::dispatch::{KernelError, KernelPath, map_on_each, map_selected_each};
use super::exact_f32::{PHI_A, PHI_B, SQRT_2PI, Z_MAX};
use super::exp_f32::TWO_POW_M64;
use super::gaussian_f32::gaussian;
use super::mul_add::{Fused, MulAdd, PortableMulAdd, horner};

/// `c = 1/sqrt(2 pi)`, rounded to `f32`.
const FRAC_1_SQRT_2PI: f32 = 0.3989423;

/// `Phi(x)`, branch-free.
#[inline(always)]
fn cdf_one<M: MulAdd>(x: f32) -> f32 {
    let z = x.abs();
    let z = if z < Z_MAX { z } else { Z_MAX }; // NaN becomes Z_MAX; restored below
    let (h, scale) = gaussian::<M>(z); // e = (1 + h) scale 2^-64
    let b = horner::<M, 6>(&PHI_B, z);
    let ratio = b / M::mul_add(z * b, SQRT_2PI, horner::<M, 5>(&PHI_A, z)); // c R(z)
    let upper_tail = (M::mul_add(ratio, h, ratio) * scale) * TWO_POW_M64; // Q(z), rounded once
    let cdf = if x < 0.0 { upper_tail } else { 1.0 - upper_tail };
    if x.is_nan() { x } else { cdf }
}

/// `phi(x)`, branch-free.
#[inline(always)]
fn pdf_one<M: MulAdd>(x: f32) -> f32 {
    let z = x.abs();
    let z = if z < Z_MAX { z } else { Z_MAX };
    let (h, scale) = gaussian::<M>(z);
    let density = (M::mul_add(FRAC_1_SQRT_2PI, h, FRAC_1_SQRT_2PI) * scale) * TWO_POW_M64;
    if x.is_nan() { x } else { density }
}

/// Replaces every `x` by `Phi(x)`, the standard normal CDF.
///
/// Domain: every `f32`. NaN gives NaN; `x <= -15` gives 0 (the exact value, below `4e-51`,
/// rounds to 0), `x >= 15` gives 1. For `x < 0` the result is computed as the upper tail
/// `Q(|x|)` with no cancellation, so it keeps its relative accuracy down to the subnormals; for
/// `x >= 0` it is `1 - Q`. Accuracy against `numerics::std_normal_cdf`: see
/// `tests/kernels_elu_normal.rs`.
///
/// ```
/// let mut v = [0.0f32, -1.0, 1.0, -10.0, f32::NAN];
/// chapter4::std_normal_cdf_f32(&mut v);
/// assert_eq!(v[0], 0.5);
/// assert!((v[1] - 0.15865526).abs() < 1e-8 && (v[2] - 0.8413447).abs() < 1e-7);
/// assert!((v[3] / 7.619853e-24 - 1.0).abs() < 1e-6); // far down the left tail
/// assert!(v[4].is_nan());
/// ```
#[allow(clippy::redundant_closure)] // its #[inline(always)] makes it vectorise: see PortableMulAdd
pub fn std_normal_cdf_f32(values: &mut [f32]) {
    map_selected_each(
        values,
        #[inline(always)]
        |x| cdf_one::<PortableMulAdd>(x),
        cdf_one::<Fused>,
    );
}

/// [`std_normal_cdf_f32`] on a chosen [`KernelPath`]: the same bits on every path.
///
/// Errors: [`KernelError::PathUnavailable`] if this CPU lacks the path (`values` is untouched).
///
/// ```
/// use chapter4::{KernelPath, std_normal_cdf_f32_on};
/// let mut v = [0.0f32];
/// std_normal_cdf_f32_on(KernelPath::Portable, &mut v)?;
/// assert_eq!(v, [0.5]);
/// # Ok::<(), chapter4::KernelError>(())
/// ```
#[allow(clippy::redundant_closure)] // its #[inline(always)] makes it vectorise: see PortableMulAdd
pub fn std_normal_cdf_f32_on(path: KernelPath, values: &mut [f32]) -> Result<(), KernelError> {
    map_on_each(
        path,
        values,
        #[inline(always)]
        |x| cdf_one::<PortableMulAdd>(x),
        cdf_one::<Fused>,
    )
}

/// Replaces every `x` by `phi(x) = e^(-x^2/2) / sqrt(2 pi)`, the standard normal density.
///
/// Domain: every `f32`. NaN gives NaN; `|x| >= 15` gives 0 (the exact value, below `6e-50`,
/// rounds to 0). Accuracy against `numerics::std_normal_pdf`: see `tests/kernels_elu_normal.rs`.
///
/// ```
/// let mut v = [0.0f32, 1.0, -1.0];
/// chapter4::std_normal_pdf_f32(&mut v);
/// assert!((v[0] - 0.3989423).abs() < 3e-8 && (v[1] - 0.24197073).abs() < 3e-8);
/// assert_eq!(v[1], v[2]);
/// ```
#[allow(clippy::redundant_closure)] // its #[inline(always)] makes it vectorise: see PortableMulAdd
pub fn std_normal_pdf_f32(values: &mut [f32]) {
    map_selected_each(
        values,
        #[inline(always)]
        |x| pdf_one::<PortableMulAdd>(x),
        pdf_one::<Fused>,
    );
}

/// [`std_normal_pdf_f32`] on a chosen [`KernelPath`]: the same bits on every path.
///
/// Errors: [`KernelError::PathUnavailable`] if this CPU lacks the path (`values` is untouched).
///
/// ```
/// use chapter4::{KernelPath, std_normal_pdf_f32_on};
/// let mut v = [0.0f32];
/// std_normal_pdf_f32_on(KernelPath::Portable, &mut v)?;
/// assert!((v[0] - 0.3989423).abs() < 3e-8);
/// # Ok::<(), chapter4::KernelError>(())
/// ```
#[allow(clippy::redundant_closure)] // its #[inline(always)] makes it vectorise: see PortableMulAdd
pub fn std_normal_pdf_f32_on(path: KernelPath, values: &mut [f32]) -> Result<(), KernelError> {
    map_on_each(
        path,
        values,
        #[inline(always)]
        |x| pdf_one::<PortableMulAdd>(x),
        pdf_one::<Fused>,
    )
}
