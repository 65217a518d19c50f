//! ELU (chapter 2), `x` for `x > 0` and `alpha (e^x - 1)` otherwise, as in-place `f32` kernels,
//! forward and backward, on the exponential of `exp_f32.rs`.
//!
//! For `x <= 0`, `exp_neg(-x)` gives `e^x = (1 + h) 2^-k` with `h = e^-r - 1` computed without
//! cancellation (`-r` exactly, plus a small polynomial term). So
//!
//! `e^x - 1 = (2^-k - 1) + h 2^-k`,
//!
//! where `2^-k - 1` is exact and, for `k = 0` (`|x| < 0.35`), the whole value is `h`: no
//! subtraction of nearly equal numbers anywhere, which is what `expm1` exists for.

use super::dispatch::{KernelError, KernelPath, map_on, map_pairs_on, map_pairs_selected, map_selected};
use super::exp_f32::{TWO_POW_M64, exp_neg};

/// Beyond this `-x`, `e^x < 2^-150` rounds to 0 and ELU is `-alpha` (the exponential's domain
/// ends at 113).
const ELU_A_MAX: f32 = 104.0;

/// The sign bit of an `f32`.
const SIGN_BIT: u32 = 0x8000_0000;

/// `(e^x - 1, e^x)` for `x <= 0` (clamped at `-104`), branch-free.
#[inline(always)]
fn expm1_and_exp(x: f32) -> (f32, f32) {
    let a = -x;
    let a = if a < ELU_A_MAX { a } else { ELU_A_MAX }; // a select; NaN becomes ELU_A_MAX
    let a = if a > 0.0 { a } else { 0.0 }; // x > 0 (the caller selects x there) stays in domain
    let (h, scale) = exp_neg(a, 0.0);
    let power = scale * TWO_POW_M64; // 2^-k, exact (0 once k > 149)
    let expm1 = (power - 1.0) + h * power;
    (expm1, power + h * power)
}

/// `ELU(x)` for one `f32`.
#[inline(always)]
fn elu_one(alpha: f32, x: f32) -> f32 {
    let (expm1, _) = expm1_and_exp(x);
    // ELU(-0.0) is -0.0, as alpha * expm1(-0.0) is: the sign bit of the (non-positive) left piece.
    let left = f32::from_bits((alpha * expm1).to_bits() | (x.to_bits() & SIGN_BIT));
    let value = if x > 0.0 { x } else { left };
    if x.is_nan() { x } else { value }
}

/// `ELU'(x)`: 1 for `x > 0`, `alpha e^x` otherwise (chapter 2's convention at 0: the left slope).
#[inline(always)]
fn elu_slope(alpha: f32, x: f32) -> f32 {
    let (_, exp) = expm1_and_exp(x);
    let slope = if x > 0.0 { 1.0 } else { alpha * exp };
    if x.is_nan() { x } else { slope }
}

/// Replaces every `x` by `ELU(x)`: `x` for `x > 0`, `alpha (e^x - 1)` for `x <= 0`.
///
/// Domain: every `f32`, and `alpha >= 0` finite (chapter 2's `Elu::new` checks it; another
/// `alpha` gives `alpha (e^x - 1)` as computed, NaN included). NaN gives NaN, `-inf` gives
/// `-alpha`, `-0.0` gives `-0.0`. Accuracy against chapter 2's `f64` ELU: see
/// `tests/kernels_elu_normal.rs` (a few ULP; no cancellation near 0).
///
/// ```
/// let mut v = [1.5f32, 0.0, -1.0, -1e-3, f32::NEG_INFINITY];
/// chapter4::elu_f32(1.0, &mut v);
/// assert_eq!(v[..2], [1.5, 0.0]);
/// assert!((v[2] + 0.63212055).abs() < 1e-7);
/// assert!((v[3] / -9.995002e-4 - 1.0).abs() < 3e-7); // e^x - 1 without cancellation
/// assert_eq!(v[4], -1.0);
/// ```
pub fn elu_f32(alpha: f32, values: &mut [f32]) {
    map_selected(values, move |x| elu_one(alpha, x));
}

/// [`elu_f32`] on a chosen [`KernelPath`]: the same bits on every path.
///
/// Errors: [`KernelError::PathUnavailable`] if this CPU lacks the path (`values` is untouched).
///
/// ```
/// use chapter4::{KernelPath, elu_f32_on};
/// let mut v = [-1.0f32, 2.0];
/// elu_f32_on(KernelPath::Portable, 1.0, &mut v)?;
/// assert!((v[0] + 0.63212055).abs() < 1e-7 && v[1] == 2.0);
/// # Ok::<(), chapter4::KernelError>(())
/// ```
pub fn elu_f32_on(path: KernelPath, alpha: f32, values: &mut [f32]) -> Result<(), KernelError> {
    map_on(path, values, move |x| elu_one(alpha, x))
}

/// Multiplies every incoming gradient by ELU's slope at its input: `gradient[i] *= ELU'(x[i])`,
/// 1 for `x > 0`, `alpha e^x` for `x <= 0`.
///
/// Errors: [`KernelError::InputLength`] if the slices differ in length (nothing is written).
///
/// ```
/// let mut gradient = [2.0f32, 1.0, 1.0];
/// chapter4::elu_grad_f32(1.0, &[3.0, 0.0, -1.0], &mut gradient)?;
/// assert_eq!(gradient[..2], [2.0, 1.0]);
/// assert!((gradient[2] - 0.36787945).abs() < 1e-7);
/// # Ok::<(), chapter4::KernelError>(())
/// ```
pub fn elu_grad_f32(alpha: f32, x: &[f32], gradient: &mut [f32]) -> Result<(), KernelError> {
    map_pairs_selected(x, gradient, move |x, g| g * elu_slope(alpha, x))
}

/// [`elu_grad_f32`] on a chosen [`KernelPath`]: the same bits on every path.
///
/// Errors: [`KernelError::InputLength`] for slices of different lengths,
/// [`KernelError::PathUnavailable`] if this CPU lacks the path (nothing is written).
///
/// ```
/// use chapter4::{KernelPath, elu_grad_f32_on};
/// let mut gradient = [1.0f32, 1.0];
/// elu_grad_f32_on(KernelPath::Portable, 1.0, &[-1.0, 2.0], &mut gradient)?;
/// assert!((gradient[0] - 0.36787945).abs() < 1e-7 && gradient[1] == 1.0);
/// # Ok::<(), chapter4::KernelError>(())
/// ```
pub fn elu_grad_f32_on(
    path: KernelPath,
    alpha: f32,
    x: &[f32],
    gradient: &mut [f32],
) -> Result<(), KernelError> {
    map_pairs_on(path, x, gradient, move |x, g| g * elu_slope(alpha, x))
}
