//! The tanh approximation of GELU as an in-place `f32` kernel.

use super::dispatch::{KernelError, KernelPath, map_on, map_pairs_on, map_pairs_selected, map_selected};
use super::x_sigmoid_f32::x_sigmoid;
use super::x_sigmoid_grad_f32::x_sigmoid_slope;

/// `sqrt(8/pi)` and `0.044715 sqrt(8/pi)`, rounded to `f32`: `2u = x (TANH_A + TANH_B x^2)`.
const TANH_A: f32 = 1.5957692;
const TANH_B: f32 = 0.071354814;

/// Replaces every `x` by `0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))`, the tanh
/// approximation of GELU, computed as `x sigmoid(2u)` (no cancellation in the left tail).
///
/// Domain: every `f32`; any slice length (including 0). NaN gives NaN, `+inf` gives `+inf`,
/// `-inf` gives `-0.0`; `x < -11` gives `-0.0` (the exact value is below `2^-152`).
///
/// Accuracy, measured over all 2^32 `f32` inputs (`examples/exhaustive_f32.rs`; bounds tested in
/// `tests/kernels.rs`):
/// * against its own formula (the `f64` [`gelu_tanh`](crate::gelu_tanh)): at most 3.2 ULP for
///   `|x| <= 1`. In the left tail the argument `y = 2u` carries its `f32` rounding (relative
///   error up to about `5 * 2^-24`, the rounded constants included), and `e^y` turns it into a
///   relative error of the result of about `|y|` times that: 22 ULP near `x = -3.9`, 215 ULP
///   near `x = -10` (a relative error of 1.3e-5). No cancellation anywhere;
/// * against GELU: dominated by the formula's own error, at most `4.735e-4` absolute (at
///   `|x| = 2.70`). In the left tail the formula itself is relatively far from GELU (at `x = -5`
///   it is -2.3e-7 against GELU's -1.4e-6).
///
/// ```
/// use chapter4::gelu_tanh_f32;
/// let mut v = [-3.0f32, 0.0, 1.0, f32::NAN, f32::INFINITY];
/// gelu_tanh_f32(&mut v);
/// assert_eq!(v[..3], [-0.003637393, 0.0, 0.841192]);
/// assert!(v[3].is_nan() && v[4] == f32::INFINITY);
/// ```
// ANCHOR: gelu_tanh_f32
pub fn gelu_tanh_f32(values: &mut [f32]) {
    map_selected(values, gelu_tanh_one);
}

/// [`gelu_tanh_f32`] on a chosen [`KernelPath`]: the same bits on every path.
///
/// Errors: [`KernelError::PathUnavailable`] if this CPU lacks the path (`values` is then untouched).
///
/// ```
/// use chapter4::{KernelPath, gelu_tanh_f32, gelu_tanh_f32_on};
/// let mut on_each = [0.5f32, -3.0];
/// gelu_tanh_f32_on(KernelPath::Portable, &mut on_each)?;
/// let mut selected = [0.5f32, -3.0];
/// gelu_tanh_f32(&mut selected);
/// assert_eq!(on_each, selected);
/// # Ok::<(), chapter4::KernelError>(())
/// ```
pub fn gelu_tanh_f32_on(path: KernelPath, values: &mut [f32]) -> Result<(), KernelError> {
    map_on(path, values, gelu_tanh_one)
}

#[inline(always)]
fn gelu_tanh_one(x: f32) -> f32 {
    x_sigmoid(x, x * (TANH_A + TANH_B * (x * x)))
}
// ANCHOR_END: gelu_tanh_f32

/// Where the tanh form's derivative has saturated: 1 above `TANH_X_MAX`, and below
/// `-TANH_X_MAX` below half the smallest subnormal (`|x y'| e^y < 2^-150` once `y < -112`).
const TANH_X_MAX: f32 = 11.0;

/// `d/dx [x sigmoid(y)]` with `y = x (TANH_A + TANH_B x^2)`, `y' = TANH_A + 3 TANH_B x^2`.
#[inline(always)]
fn gelu_tanh_slope(x: f32) -> f32 {
    let x = if x < -TANH_X_MAX { -TANH_X_MAX } else { x }; // selects: NaN passes
    let x = if x > TANH_X_MAX { TANH_X_MAX } else { x };
    let square = x * x;
    x_sigmoid_slope(x, x * (TANH_A + TANH_B * square), TANH_A + (3.0 * TANH_B) * square)
}

/// Multiplies every incoming gradient by the derivative of the tanh form at its input, the
/// backward pass of [`gelu_tanh_f32`]: with `y = sqrt(8/pi) (x + 0.044715 x^3)` and
/// `s = sigmoid(y)`, `gradient[i] *= s (1 + x y' (1 - s))`.
///
/// Domain: every `f32`; slices of equal length. NaN gives NaN; `x >= 11` (and `+inf`) gives the
/// factor 1, `x <= -11` (and `-inf`) a zero (the exact factor is below `2^-150` there).
///
/// Errors: [`KernelError::InputLength`] if the slices differ in length (nothing is written).
///
/// Accuracy against the `f64` derivative of the same formula: see `tests/gradient_kernels.rs`.
///
/// ```
/// use chapter4::gelu_tanh_grad_f32;
/// let mut gradient = [1.0f32, 1.0, 1.0];
/// gelu_tanh_grad_f32(&[0.0, 20.0, -20.0], &mut gradient)?;
/// assert_eq!(gradient, [0.5, 1.0, 0.0]);
/// # Ok::<(), chapter4::KernelError>(())
/// ```
pub fn gelu_tanh_grad_f32(x: &[f32], gradient: &mut [f32]) -> Result<(), KernelError> {
    map_pairs_selected(x, gradient, |x, g| g * gelu_tanh_slope(x))
}

/// [`gelu_tanh_grad_f32`] on a chosen [`KernelPath`]: the same bits on every path.
///
/// Errors: [`KernelError::InputLength`], or [`KernelError::PathUnavailable`] if this CPU lacks
/// the path (nothing is written).
///
/// ```
/// use chapter4::{KernelPath, gelu_tanh_grad_f32_on};
/// let mut gradient = [1.0f32];
/// gelu_tanh_grad_f32_on(KernelPath::Portable, &[0.0], &mut gradient)?;
/// assert_eq!(gradient, [0.5]);
/// # Ok::<(), chapter4::KernelError>(())
/// ```
pub fn gelu_tanh_grad_f32_on(path: KernelPath, x: &[f32], gradient: &mut [f32]) -> Result<(), KernelError> {
    map_pairs_on(path, x, gradient, |x, g| g * gelu_tanh_slope(x))
}
