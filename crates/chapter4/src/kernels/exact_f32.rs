//! GELU itself as an in-place `f32` kernel, within 4 ULP of the correctly rounded result for every
//! `f32` (measured over all 2^32 inputs: see [`gelu_exact_f32`]).
//!
//! Write `Q(z) = Phi(-z)` for the upper tail of the standard normal, and `G(z) = z Q(z)` for
//! `z >= 0`. Since `Phi(x) = 1 - Q(x)` and `Phi(-z) = Q(z)`:
//!
//! `GELU(x) = -G(|x|)` for `x < 0`, and `x - G(x)` for `x >= 0`.
//!
//! For `x >= 0` nothing cancels (`G(x) <= x/2`), and for `x < 0` nothing is subtracted, so a
//! relative error of `G` becomes a relative error of the result of the same size, all the way
//! down the left tail until the result underflows at `x = -14.37`.
//!
//! `Q(z) = c e^(-z^2/2) / (z + phi(z))`, `c = 1/sqrt(2 pi)`, defines a function `phi` that falls
//! smoothly from `sqrt(pi/2)` at `z = 0` towards `1/z` (the Mills ratio's continued fraction
//! starts `1 / (z + 1/(z + ...))`). A rational function matches it on `[0, 15]`, written so that
//! `c` is folded into it:
//!
//! `G(z) = e^(-z^2/2) zB / (sqrt(2 pi) zB + A)`, `A` of degree 4 and `B` of degree 5.
//!
//! Written this way the rounding errors of `A`, `B` and `zB` are *damped* away from 0: a relative
//! error `d` in `A` changes `G` by only `d phi / (z + phi)`, and `zB` appears in both numerator
//! and denominator. The Gaussian factor comes from `gaussian_f32.rs`, exact in its argument
//! (`z^2 = w + w_lo` and the range reduction are exact, thanks to fused multiply-adds), with the
//! power of two applied last, so subnormal results are rounded once; with `c` inside the ratio
//! that last multiplication by `2^-64` is exact for every normal result.
//!
//! Near 0 nothing is damped: the result passes through six roundings in a row (`B`, `zB`, `A`,
//! the fused denominator, the division, the factor `1 + h`), which costs up to 3.74 ULP at
//! `x = -0.14`, the kernel's worst case. An earlier version spent a second formula on
//! `|x| < 0.5` to stay below 4 ULP there; folding `c` into the ratio removed one rounding, and
//! with it the need for the second formula, which took a fifth of the time.
//!
//! One formula for every `x`, no branch, no table: the loop vectorises on every dispatch path.

use super::dispatch::{KernelError, KernelPath, map_on_each, map_selected_each};
use super::exp_f32::TWO_POW_M64;
use super::gaussian_f32::gaussian;
use super::mul_add::{Fused, MulAdd, PortableMulAdd, horner};

/// Where the computation stops: for `|x| >= Z_MAX`, `G(|x|) < 2^-159`. `GELU(x)` is then `x` for
/// `x > 0` (to the last bit) and rounds to `-0.0` for `x < 0` (it does from `x = -14.37` on).
pub(super) const Z_MAX: f32 = 15.0;

/// The sign bit of an `f32`.
const SIGN_BIT: u32 = 0x8000_0000;

/// `sqrt(2 pi) = 1/c`, rounded to `f32`.
pub(super) const SQRT_2PI: f32 = 2.5066283;

/// `c z / (z + phi(z)) = zB / (SQRT_2PI zB + A)` on `[0, 15]`, `A` of degree 4 and `B` of degree
/// 5: relative error 7.0e-10 (1.0e-9 with the coefficients rounded to `f32`), fitted by the
/// Remez algorithm in `reference/fit_kernels.py`. The fit absorbs the rounding of `SQRT_2PI`.
pub(super) const PHI_A: [f32; 5] = [3.2421875, 2.0491676, 0.67799217, 0.12203991, 0.010232267];
pub(super) const PHI_B: [f32; 6] = [1.6210938, 1.762878, 0.92038816, 0.2782179, 0.048706107, 0.004081707];

/// `GELU(x) = x Phi(x)` for one `f32`, branch-free (see the module documentation).
#[inline(always)]
fn gelu_exact_one<M: MulAdd>(x: f32) -> f32 {
    let z = x.abs();
    let z = if z < Z_MAX { z } else { Z_MAX }; // a select; NaN becomes Z_MAX
    let (h, scale) = gaussian::<M>(z); // e^(-z^2/2) = (1 + h) scale 2^-64
    let zb = z * horner::<M, 6>(&PHI_B, z);
    let ratio = zb / M::mul_add(zb, SQRT_2PI, horner::<M, 5>(&PHI_A, z)); // c z / (z + phi(z))
    let g = (M::mul_add(ratio, h, ratio) * scale) * TWO_POW_M64; // exact unless subnormal: rounded once
    // -G for x < 0, x - G otherwise: (x < 0 ? 0 : x) - G, a compare and a mask. NaN stays NaN.
    let x_plus = if x < 0.0 { 0.0 } else { x };
    let result = x_plus - g;
    // GELU(x) has the sign of x, also when it is zero; but 0.0 - 0.0 is +0.0 (for x = -0.0, and
    // where the tail underflows), so copy the sign bit of x into the result.
    f32::from_bits(result.to_bits() | (x.to_bits() & SIGN_BIT))
}

/// Replaces every `x` by `GELU(x) = x Phi(x)`, within 4 ULP of the correctly rounded value.
///
/// Domain: every `f32`; any slice length (including 0). NaN gives NaN, `+inf` gives `+inf`,
/// `-inf` gives `-0.0`, `-0.0` gives `-0.0`; `x >= 15` gives `x`, and `x < -14.37` gives `-0.0`
/// (as the correctly rounded result does). Subnormal results are rounded once onto the subnormal
/// grid.
///
/// Accuracy: measured over all 2^32 `f32` inputs against the exact `f64` GELU
/// (`numerics::gelu`, correctly rounded), on every dispatch path (they give the same bits): at
/// most 3.74 ULP (at `x = -0.13997`); at most 2.72 ULP for `|x| >= 1`. See
/// `examples/exhaustive_f32.rs` and `tests/exact_f32_sweep.rs`.
///
/// Speed: no branch, no call, no table: the loop vectorises, and runs on the widest
/// [`KernelPath`] the CPU has (8 lanes with AVX2 and FMA, 16 with AVX-512). The committed
/// timings, with the machine named, are in `book/benchmarks/f32.md` and `peers.md`.
///
/// ```
/// use chapter4::gelu_exact_f32;
/// let mut v = [-1.0f32, 0.0, 1.0, -10.0, f32::NAN];
/// gelu_exact_f32(&mut v);
/// assert_eq!(v[..3], [-0.15865526, 0.0, 0.8413447]);
/// assert!((v[3] / -7.619853e-23 - 1.0).abs() < 3e-7); // x Phi(x) far down the left tail
/// assert!(v[4].is_nan());
/// ```
#[allow(clippy::redundant_closure)] // its #[inline(always)] makes it vectorise: see PortableMulAdd
pub fn gelu_exact_f32(values: &mut [f32]) {
    map_selected_each(
        values,
        #[inline(always)]
        |x| gelu_exact_one::<PortableMulAdd>(x),
        gelu_exact_one::<Fused>,
    );
}

/// [`gelu_exact_f32`] on a chosen [`KernelPath`]: the same bits on every path
/// (`tests/kernel_paths.rs`).
///
/// Errors: [`KernelError::PathUnavailable`] if this CPU lacks the path (`values` is then untouched).
///
/// ```
/// use chapter4::{KernelPath, gelu_exact_f32, gelu_exact_f32_on};
/// let mut selected = [-1.0f32, 2.5];
/// gelu_exact_f32(&mut selected);
/// for path in KernelPath::available() {
///     let mut on_path = [-1.0f32, 2.5];
///     gelu_exact_f32_on(path, &mut on_path)?;
///     assert_eq!(on_path.map(f32::to_bits), selected.map(f32::to_bits), "{}", path.name());
/// }
/// # Ok::<(), chapter4::KernelError>(())
/// ```
#[allow(clippy::redundant_closure)] // its #[inline(always)] makes it vectorise: see PortableMulAdd
pub fn gelu_exact_f32_on(path: KernelPath, values: &mut [f32]) -> Result<(), KernelError> {
    map_on_each(
        path,
        values,
        #[inline(always)]
        |x| gelu_exact_one::<PortableMulAdd>(x),
        gelu_exact_one::<Fused>,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accurate_near_zero_and_across_the_range() {
        for x in [-0.75f32, 0.75, 1e-3, -1e-3, 1e-20, -1e-20, 0.3, -0.3, -1.4038, -7.5, 3.0] {
            let exact = numerics::gelu(x as f64);
            let got = gelu_exact_one::<Fused>(x) as f64;
            assert!(
                (got - exact).abs() < 4.0 * f32::EPSILON as f64 * exact.abs(),
                "x = {x}: {got} vs {exact}"
            );
        }
    }
}
