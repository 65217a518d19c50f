//! `x sigmoid(y)` in `f32` without cancellation or premature underflow: the common tail of the
//! tanh and sigmoid kernels (`0.5 x (1 + tanh(y/2))` is `x sigmoid(y)`).

use super::exp_f32::{TWO_POW_M64, exp_neg};

/// Largest `|y|` passed to the exponential. Beyond it `e^-|y| < 2^-161`: for `y > Y_MAX` the
/// result is `x` to the last bit, and for `y < -Y_MAX` the exact `x sigmoid(y)` of both kernels
/// is below half the smallest subnormal (`y < -112` needs `x < -10.99` for the tanh form and
/// `x < -65.8` for the sigmoid form, and `|x| e^y` only shrinks from there), so it is `-0.0`.
const Y_MAX: f32 = 112.0;

/// `x sigmoid(y) = x / (1 + e^-y)`, branch-free.
///
/// Only `e = e^-|y| <= 1` is formed (no overflow), as `e_scaled = e * 2^64` (no premature
/// underflow), and the two signs of `y` share one division:
/// * `y >= 0`: `x / (1 + e)`;
/// * `y < 0`: `x e / (1 + e)`, i.e. `(q * e_scaled) * 2^-64` with `q = x / (1 + e)`: the
///   product is formed at full precision and rounded once into the subnormal range if it is
///   that small.
///
/// NaN in `x` or `y` gives NaN (the clamp turns a NaN `|y|` into `Y_MAX`, and `x` carries the NaN
/// to the result unless `y < -Y_MAX`). `y = +inf` gives `x`, `y = -inf` gives `-0.0`.
#[inline(always)]
pub(super) fn x_sigmoid(x: f32, y: f32) -> f32 {
    let abs_y = y.abs();
    // A select, not f32::min: the comparison is false for NaN, so NaN becomes Y_MAX.
    let a = if abs_y < Y_MAX { abs_y } else { Y_MAX };
    let (h, scale) = exp_neg(a, 0.0);
    let e_scaled = (1.0 + h) * scale;
    let q = x / (1.0 + e_scaled * TWO_POW_M64);
    let result = if y < 0.0 { (q * e_scaled) * TWO_POW_M64 } else { q };
    if y < -Y_MAX { -0.0 } else { result }
}
