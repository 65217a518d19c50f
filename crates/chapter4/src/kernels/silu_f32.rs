//! SiLU, `x sigmoid(x)` (chapter 5's logistic gate; Swish with `beta = 1`), as in-place `f32`
//! kernels, forward and backward, on the tanh and sigmoid kernels' common code.

use super::dispatch::{KernelError, KernelPath, map_on, map_pairs_on, map_pairs_selected, map_selected};
use super::x_sigmoid_f32::x_sigmoid;
use super::x_sigmoid_grad_f32::x_sigmoid_slope;

/// Where SiLU's derivative has saturated: 1 above, and below `-SILU_X_MAX` under half the
/// smallest subnormal (`|x| e^x < 2^-150` from `x = -99.2` on).
const SILU_X_MAX: f32 = 112.0;

/// Replaces every `x` by `SiLU(x) = x sigmoid(x) = x / (1 + e^-x)`.
///
/// Domain: every `f32`; any slice length. NaN gives NaN, `+inf` gives `+inf`, `-inf` gives `-0.0`;
/// `x < -112` gives `-0.0` (the exact value is below `2^-155`). No cancellation anywhere, and
/// subnormal results are rounded once (see `x_sigmoid_f32.rs`); accuracy against the `f64`
/// `chapter5`-style formula: see `tests/gradient_kernels.rs`.
///
/// ```
/// let mut v = [0.0f32, 1.0, -1.0, f32::NEG_INFINITY];
/// chapter4::silu_f32(&mut v);
/// assert_eq!(v[0], 0.0);
/// assert!((v[1] - 0.7310586).abs() < 1e-7 && (v[2] + 0.26894143).abs() < 1e-7);
/// assert!(v[3] == 0.0 && v[3].is_sign_negative());
/// ```
pub fn silu_f32(values: &mut [f32]) {
    map_selected(values, |x| x_sigmoid(x, x));
}

/// [`silu_f32`] on a chosen [`KernelPath`]: the same bits on every path.
///
/// Errors: [`KernelError::PathUnavailable`] if this CPU lacks the path (`values` is untouched).
///
/// ```
/// use chapter4::{KernelPath, silu_f32_on};
/// let mut v = [0.0f32];
/// silu_f32_on(KernelPath::Portable, &mut v)?;
/// assert_eq!(v, [0.0]);
/// # Ok::<(), chapter4::KernelError>(())
/// ```
pub fn silu_f32_on(path: KernelPath, values: &mut [f32]) -> Result<(), KernelError> {
    map_on(path, values, |x| x_sigmoid(x, x))
}

/// `SiLU'(x) = s (1 + x (1 - s))`, `s = sigmoid(x)`.
#[inline(always)]
fn silu_slope(x: f32) -> f32 {
    let x = if x < -SILU_X_MAX { -SILU_X_MAX } else { x }; // selects: NaN passes
    let x = if x > SILU_X_MAX { SILU_X_MAX } else { x };
    x_sigmoid_slope(x, x, 1.0)
}

/// Multiplies every incoming gradient by SiLU's derivative at its input, the backward pass of
/// [`silu_f32`]: `gradient[i] *= s (1 + x (1 - s))` with `s = sigmoid(x)`.
///
/// Domain: every `f32`; slices of equal length. NaN gives NaN; `x >= 112` (and `+inf`) gives the
/// factor 1, `x <= -112` (and `-inf`) a zero.
///
/// Errors: [`KernelError::InputLength`] if the slices differ in length (nothing is written).
///
/// ```
/// let mut gradient = [1.0f32, 1.0, 1.0];
/// chapter4::silu_grad_f32(&[0.0, 200.0, -200.0], &mut gradient)?;
/// assert_eq!(gradient, [0.5, 1.0, 0.0]);
/// # Ok::<(), chapter4::KernelError>(())
/// ```
pub fn silu_grad_f32(x: &[f32], gradient: &mut [f32]) -> Result<(), KernelError> {
    map_pairs_selected(x, gradient, |x, g| g * silu_slope(x))
}

/// [`silu_grad_f32`] on a chosen [`KernelPath`]: the same bits on every path.
///
/// Errors: [`KernelError::InputLength`], or [`KernelError::PathUnavailable`] if this CPU lacks
/// the path (nothing is written).
///
/// ```
/// use chapter4::{KernelPath, silu_grad_f32_on};
/// let mut gradient = [1.0f32];
/// silu_grad_f32_on(KernelPath::Portable, &[0.0], &mut gradient)?;
/// assert_eq!(gradient, [0.5]);
/// # Ok::<(), chapter4::KernelError>(())
/// ```
pub fn silu_grad_f32_on(path: KernelPath, x: &[f32], gradient: &mut [f32]) -> Result<(), KernelError> {
    map_pairs_on(path, x, gradient, |x, g| g * silu_slope(x))
}
