//! The derivative of GELU as a backward kernel: `gradient *= GELU'(x)`, with
//! `GELU'(x) = Phi(x) + x phi(x)`.
//!
//! With `z = |x|`, `E = c e^(-z^2/2)` (so `phi(x) = E`) and the same `Q(z) = E R(z)`,
//! `R = B / (zB + A)`, as the forward kernel (`exact_f32.rs`):
//!
//! * `x < 0`: `Phi(x) + x phi(x) = Q(z) - z E = E (R - z)`;
//! * `x >= 0`: `1 - Q(z) + z E = 1 + E (z - R)`.
//!
//! So one Gaussian factor, one ratio and a sign flip serve both; `E (z - R)` is formed at full
//! size and multiplied by `2^-64` last, so tiny results are rounded once. `R - z` cancels only
//! near `z = 0.7518`, where `GELU'` has its zero; measured against the larger of the two terms
//! nothing is lost there. (The forward kernel's fit makes `R` and `c 2^-64` each off by the same
//! factor 1 + 2.8e-8, in opposite directions; in `E z` that factor stays, 0.5 ULP at most.)
//!
//! Near 0 that chain has eight roundings in a row and none is damped: it reaches 4.1 ULP at
//! `x = -3.6e-4`. So for `|x| < 0.75` the kernel uses `GELU'(x) = 1/2 + x D(x^2)` instead, with a
//! polynomial `D`: `1/2` is exact and `x D` is at most half the result, so its roundings shrink
//! with it. Both forms are computed for every element and one is selected: no branch.

use super::dispatch::{KernelError, KernelPath, map_pairs_on, map_pairs_selected};
use super::exact_f32::{C_TWO_POW_M64, PHI_A, PHI_B, SIGN_BIT, Z_MAX, horner};
use super::gaussian_f32::gaussian;

/// Below this `|x|`, the small form `1/2 + x D(x^2)`.
const X_SMALL: f32 = 0.75;

/// `D(s) = (Phi(sqrt s) - 1/2 + sqrt s phi(sqrt s)) / sqrt s` on `[0, 0.75^2]`, so that
/// `GELU'(x) = 1/2 + x D(x^2)`: relative error 1.7e-10 (2.8e-8 with the coefficients rounded to
/// `f32`, nearly all of it from `D(0) = 2/sqrt(2 pi)` itself), fitted in `reference/fit_kernels.py`.
const SLOPE_SMALL_D: [f32; 6] =
    [0.7978846, -0.26596344, 0.059867766, -0.009626917, 0.0014078234, -0.00028352562];

/// `GELU'(x)`, branch-free.
#[inline(always)]
fn gelu_exact_slope(x: f32) -> f32 {
    let z = x.abs();
    let z = if z < Z_MAX { z } else { Z_MAX }; // NaN becomes Z_MAX; restored below
    let (h, scale) = gaussian(z); // e^(-z^2/2) = (1 + h) scale 2^-64
    let b = horner(&PHI_B, z);
    let r = b / z.mul_add(b, horner(&PHI_A, z)); // R(z) = Q(z) / (c e^(-z^2/2))
    // z - R for x >= 0, R - z for x < 0: flip the sign bit with that of x.
    let core = f32::from_bits((z - r).to_bits() ^ (x.to_bits() & SIGN_BIT));
    let t = (core.mul_add(h, core) * scale) * C_TWO_POW_M64; // E (z - R), signed, rounded once
    let tail_form = if x < 0.0 { t } else { 1.0 + t };
    let small_form = x.mul_add(horner(&SLOPE_SMALL_D, x * x), 0.5);
    let slope = if z < X_SMALL { small_form } else { tail_form };
    if x.is_nan() { x } else { slope }
}

/// Multiplies every incoming gradient by the exact GELU derivative at its input:
/// `gradient[i] *= Phi(x[i]) + x[i] phi(x[i])`, the backward pass of [`gelu_exact_f32`](crate::gelu_exact_f32).
///
/// Domain: every `f32`; slices of equal length (any, including 0). NaN in `x` gives NaN; `x = +inf`
/// gives the factor 1 and `x = -inf` the factor `-0.0` (the limits); `x >= 15` gives exactly 1;
/// for `x <= -15` the factor is below `2^-154` and rounds to `-0.0`.
///
/// Errors: [`KernelError::InputLength`] if the slices differ in length (nothing is written).
///
/// Accuracy: within 4 ULP of the larger of `Phi(x)` and `|x phi(x)|` for every `f32` (the
/// derivative itself has a zero at `x = -0.7518`, where no formula keeps its relative accuracy);
/// see `tests/gradient_kernels.rs`.
///
/// ```
/// use chapter4::gelu_exact_grad_f32;
/// let x = [0.0f32, 1.0, -0.7517915, -3.0];
/// let mut gradient = [1.0f32, 2.0, 1.0, 1.0];
/// gelu_exact_grad_f32(&x, &mut gradient)?;
/// assert_eq!(gradient[0], 0.5); // Phi(0)
/// assert!((gradient[1] - 2.0 * 1.0833155).abs() < 3e-7); // 2 (Phi(1) + phi(1))
/// assert!(gradient[2].abs() < 1e-7); // the minimum of GELU
/// assert!((gradient[3] / -0.011945647 - 1.0).abs() < 1e-6); // Phi(-3) - 3 phi(-3)
/// assert!(gelu_exact_grad_f32(&x, &mut [0.0; 3]).is_err());
/// # Ok::<(), chapter4::KernelError>(())
/// ```
pub fn gelu_exact_grad_f32(x: &[f32], gradient: &mut [f32]) -> Result<(), KernelError> {
    map_pairs_selected(x, gradient, |x, g| g * gelu_exact_slope(x))
}

/// [`gelu_exact_grad_f32`] on a chosen [`KernelPath`]: the same bits on every path.
///
/// Errors: [`KernelError::InputLength`] for slices of different lengths,
/// [`KernelError::PathUnavailable`] if this CPU lacks the path (nothing is written).
///
/// ```
/// use chapter4::{KernelPath, gelu_exact_grad_f32_on};
/// let mut gradient = [1.0f32];
/// gelu_exact_grad_f32_on(KernelPath::Portable, &[0.0], &mut gradient)?;
/// assert_eq!(gradient, [0.5]);
/// # Ok::<(), chapter4::KernelError>(())
/// ```
pub fn gelu_exact_grad_f32_on(path: KernelPath, x: &[f32], gradient: &mut [f32]) -> Result<(), KernelError> {
    map_pairs_on(path, x, gradient, |x, g| g * gelu_exact_slope(x))
}
