//! The derivative of GELU as a backward kernel: `gradient *= GELU'(x)`, with
//! `GELU'(x) = Phi(x) + x phi(x)`.
//!
//! With `z = |x|`, `e = e^(-z^2/2)`, `c = 1/sqrt(2 pi)` (so `phi(x) = c e`) and
//! `c R(z) = Q(z) / e = B / (sqrt(2 pi) zB + A)`, the forward kernel's ratio divided by `z`
//! (`exact_f32.rs`):
//!
//! * `x < 0`: `Phi(x) + x phi(x) = Q(z) - c z e = e (c R - c z)`;
//! * `x >= 0`: `1 - Q(z) + c z e = 1 + e (c z - c R)`.
//!
//! So one Gaussian factor, one ratio and a sign flip serve both; `e (c z - c R)` is formed at
//! full size and multiplied by `2^-64` last, so tiny results are rounded once. `R - z` cancels
//! only near `z = 0.7518`, where `GELU'` has its zero; measured against the larger of the two
//! terms nothing is lost there.
//!
//! Near 0 nothing is damped; measured over all 2^32 `f32` inputs, the worst case is 3.17 ULP
//! (at `x = -0.0028`), so one formula serves every `x`, as in the forward kernel.

use super::dispatch::{KernelError, KernelPath, map_pairs_on_each, map_pairs_selected_each};
use super::exact_f32::{PHI_A, PHI_B, SQRT_2PI, Z_MAX};
use super::exp_f32::TWO_POW_M64;
use super::gaussian_f32::gaussian;
use super::mul_add::{Fused, MulAdd, PortableMulAdd, horner};

/// `c = 1/sqrt(2 pi)`, rounded to `f32` (2.8e-8 off: at most half an ULP of `|x phi(x)|`).
const FRAC_1_SQRT_2PI: f32 = 0.3989423;

/// `GELU'(x)`, branch-free.
#[inline(always)]
fn gelu_exact_slope<M: MulAdd>(x: f32) -> f32 {
    let z = x.abs();
    let z = if z < Z_MAX { z } else { Z_MAX }; // NaN becomes Z_MAX; restored below
    let (h, scale) = gaussian::<M>(z); // e^(-z^2/2) = (1 + h) scale 2^-64
    let b = horner::<M, 6>(&PHI_B, z);
    let f = b / M::mul_add(z * b, SQRT_2PI, horner::<M, 5>(&PHI_A, z)); // c R(z) = Q(z) e^(z^2/2)
    // c R - c z for x < 0, c z - c R otherwise (a select: -0.0 counts as x >= 0).
    let r_minus_z = M::mul_add(-FRAC_1_SQRT_2PI, z, f);
    let core = if x < 0.0 { r_minus_z } else { -r_minus_z };
    let t = (M::mul_add(core, h, core) * scale) * TWO_POW_M64; // e^(-z^2/2) c (R - z), signed, rounded once
    let slope = if x < 0.0 { t } else { 1.0 + t };
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
/// Accuracy: within 4 ULP of the larger of `Phi(x)` and `|x phi(x)|` (the derivative itself has
/// a zero at `x = -0.7518`, where no formula keeps its relative accuracy). Measured over all 2^32
/// `f32` inputs on every dispatch path (`examples/exhaustive_f32.rs`): at most 3.17 ULP (at
/// `x = -0.0028`), 2.55 ULP for `|x| >= 1`; the bound of 4 is tested on every 257th bit pattern
/// and around the zero and 0 in `tests/gradient_kernels.rs`.
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
    map_pairs_selected_each(
        x,
        gradient,
        #[inline(always)]
        |x, g| g * gelu_exact_slope::<PortableMulAdd>(x),
        |x, g| g * gelu_exact_slope::<Fused>(x),
    )
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
    map_pairs_on_each(
        path,
        x,
        gradient,
        #[inline(always)]
        |x, g| g * gelu_exact_slope::<PortableMulAdd>(x),
        |x, g| g * gelu_exact_slope::<Fused>(x),
    )
}
