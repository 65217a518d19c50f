//! The derivative of `x sigmoid(y(x))`, the common backward step of the tanh, sigmoid and SiLU
//! kernels: with `s = sigmoid(y)` and `1 - s = sigmoid(-y)`,
//!
//! `d/dx [x s] = s + x s (1 - s) y' = s (1 + x y' (1 - s))`.
//!
//! Both `sigmoid(|y|) = 1 / (1 + e)` and `sigmoid(-|y|) = e / (1 + e)`, `e = e^-|y|`, come from
//! one exponential and one division, so neither `s` nor `1 - s` is formed by a subtraction that
//! would cancel; the sign of `y` picks which is which.

use super::exp_f32::{TWO_POW_M64, exp_neg};

/// Largest `|y|` passed to the exponential, as in `x_sigmoid_f32.rs`: beyond it `e^-|y| < 2^-161`.
const Y_MAX: f32 = 112.0;

/// `s (1 + x y' (1 - s))` with `s = sigmoid(y)`, branch-free.
///
/// For `y < 0` the result is about `x y' e^y`, which may be subnormal: it is formed from
/// `e 2^64` and multiplied by `2^-64` last, so it is rounded once (as in `x_sigmoid_f32.rs`).
/// The caller clamps `x` to where the result has saturated (1 above, a zero below), so that
/// `x y'` stays finite and `x y' (1 - s)` is never `inf * 0`. NaN in `x` gives NaN.
#[inline(always)]
pub(super) fn x_sigmoid_slope(x: f32, y: f32, dy_dx: f32) -> f32 {
    let abs_y = y.abs();
    let a = if abs_y < Y_MAX { abs_y } else { Y_MAX }; // a select: NaN becomes Y_MAX
    let (h, scale) = exp_neg(a, 0.0);
    let e_scaled = (1.0 + h) * scale; // e^-|y| 2^64
    let large = 1.0 / (1.0 + e_scaled * TWO_POW_M64); // sigmoid(|y|)
    let small_scaled = e_scaled * large; // sigmoid(-|y|) 2^64
    let x_slope = x * dy_dx;
    let negative = (small_scaled * (1.0 + x_slope * large)) * TWO_POW_M64; // y < 0: s = small
    let positive = large * (1.0 + x_slope * (small_scaled * TWO_POW_M64)); // y >= 0: s = large
    if y < 0.0 { negative } else { positive }
}
