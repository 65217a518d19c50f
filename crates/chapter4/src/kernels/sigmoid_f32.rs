//! The sigmoid approximation of GELU as an in-place `f32` kernel.

use super::dispatch::{KernelError, KernelPath, map_on, map_pairs_on, map_pairs_selected, map_selected};
use super::x_sigmoid_f32::x_sigmoid;
use super::x_sigmoid_grad_f32::x_sigmoid_slope;

/// The slope 1.702, rounded to `f32` (1.70200002...).
const SIGMOID_K: f32 = 1.702;

/// Replaces every `x` by `x sigmoid(1.702 x) = x / (1 + e^(-1.702 x))`, the sigmoid approximation
/// of GELU.
///
/// Domain: every `f32`; any slice length (including 0). NaN gives NaN, `+inf` gives `+inf`,
/// `-inf` gives `-0.0`; `x < -65.8` gives `-0.0` (the exact value is below `2^-150`).
///
/// Accuracy, measured over all 2^32 `f32` inputs (`examples/exhaustive_f32.rs`; bounds tested in
/// `tests/kernels.rs`):
/// * against its own formula (the `f64` [`gelu_sigmoid`](crate::gelu_sigmoid), 1.702 exact): at
///   most 2.7 ULP for `|x| <= 1`. In the left tail the rounding of `y = 1.702 x` to `f32` (and of
///   1.702 itself, 1.3e-8) is amplified by `e^y`: about `|y|` times `1.25 * 2^-24` relative, 84
///   ULP near `x = -53`. No cancellation anywhere;
/// * against GELU: the formula's own error, at most `2.0335e-2` absolute (at `|x| = 2.27`); in
///   the left tail the formula is far from GELU (at `x = -5`, -1.0e-3 against -1.4e-6).
///
/// ```
/// use chapter4::gelu_sigmoid_f32;
/// let mut v = [-3.0f32, 0.0, 1.0, f32::NAN, f32::NEG_INFINITY];
/// gelu_sigmoid_f32(&mut v);
/// assert_eq!(v[..3], [-0.018071312, 0.0, 0.8457958]);
/// assert!(v[3].is_nan() && v[4] == 0.0);
/// ```
pub fn gelu_sigmoid_f32(values: &mut [f32]) {
    map_selected(values, gelu_sigmoid_one);
}

/// [`gelu_sigmoid_f32`] on a chosen [`KernelPath`]: the same bits on every path.
///
/// Errors: [`KernelError::PathUnavailable`] if this CPU lacks the path (`values` is then untouched).
///
/// ```
/// use chapter4::{KernelPath, gelu_sigmoid_f32, gelu_sigmoid_f32_on};
/// let mut on_each = [0.5f32, -3.0];
/// gelu_sigmoid_f32_on(KernelPath::Portable, &mut on_each)?;
/// let mut selected = [0.5f32, -3.0];
/// gelu_sigmoid_f32(&mut selected);
/// assert_eq!(on_each, selected);
/// # Ok::<(), chapter4::KernelError>(())
/// ```
pub fn gelu_sigmoid_f32_on(path: KernelPath, values: &mut [f32]) -> Result<(), KernelError> {
    map_on(path, values, gelu_sigmoid_one)
}

#[inline(always)]
fn gelu_sigmoid_one(x: f32) -> f32 {
    x_sigmoid(x, SIGMOID_K * x)
}

/// Where the sigmoid form's derivative has saturated: 1 above, and below `-SIGMOID_X_MAX` under
/// half the smallest subnormal (`|1.702 x| e^(1.702 x) < 2^-150` from `x = -58` on).
const SIGMOID_X_MAX: f32 = 66.0;

/// `d/dx [x sigmoid(1.702 x)] = s (1 + 1.702 x (1 - s))`.
#[inline(always)]
fn gelu_sigmoid_slope(x: f32) -> f32 {
    let x = if x < -SIGMOID_X_MAX { -SIGMOID_X_MAX } else { x }; // selects: NaN passes
    let x = if x > SIGMOID_X_MAX { SIGMOID_X_MAX } else { x };
    x_sigmoid_slope(x, SIGMOID_K * x, SIGMOID_K)
}

/// Multiplies every incoming gradient by the derivative of the sigmoid form at its input, the
/// backward pass of [`gelu_sigmoid_f32`]: with `s = sigmoid(1.702 x)`,
/// `gradient[i] *= s (1 + 1.702 x (1 - s))`.
///
/// Domain: every `f32`; slices of equal length. NaN gives NaN; `x >= 66` (and `+inf`) gives the
/// factor 1, `x <= -66` (and `-inf`) a zero.
///
/// Errors: [`KernelError::InputLength`] if the slices differ in length (nothing is written).
///
/// Accuracy against the `f64` derivative of the same formula: see `tests/gradient_kernels.rs`.
///
/// ```
/// use chapter4::gelu_sigmoid_grad_f32;
/// let mut gradient = [2.0f32, 1.0, 1.0];
/// gelu_sigmoid_grad_f32(&[0.0, 80.0, -80.0], &mut gradient)?;
/// assert_eq!(gradient, [1.0, 1.0, 0.0]);
/// # Ok::<(), chapter4::KernelError>(())
/// ```
pub fn gelu_sigmoid_grad_f32(x: &[f32], gradient: &mut [f32]) -> Result<(), KernelError> {
    map_pairs_selected(x, gradient, |x, g| g * gelu_sigmoid_slope(x))
}

/// [`gelu_sigmoid_grad_f32`] on a chosen [`KernelPath`]: the same bits on every path.
///
/// Errors: [`KernelError::InputLength`], or [`KernelError::PathUnavailable`] if this CPU lacks
/// the path (nothing is written).
///
/// ```
/// use chapter4::{KernelPath, gelu_sigmoid_grad_f32_on};
/// let mut gradient = [1.0f32];
/// gelu_sigmoid_grad_f32_on(KernelPath::Portable, &[0.0], &mut gradient)?;
/// assert_eq!(gradient, [0.5]);
/// # Ok::<(), chapter4::KernelError>(())
/// ```
pub fn gelu_sigmoid_grad_f32_on(
    path: KernelPath,
    x: &[f32],
    gradient: &mut [f32],
) -> Result<(), KernelError> {
    map_pairs_on(path, x, gradient, |x, g| g * gelu_sigmoid_slope(x))
}
