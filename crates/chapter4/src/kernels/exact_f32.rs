//! GELU itself as an in-place `f32` kernel, within 4 ULP of the correctly rounded result for every
//! `f32` (3.49 ULP at worst, measured over all 2^32 inputs).
//!
//! Write `Q(z) = Phi(-z)` for the upper tail of the standard normal, and `G(z) = z Q(z)` for
//! `z >= 0`. Since `Phi(x) = 1 - Q(x)` and `Phi(-z) = Q(z)`:
//!
//! `GELU(x) = -G(|x|)` for `x < 0`, and `x - G(x)` for `x >= 0`.
//!
//! **The tail form**, for `|x| >= 0.75`. `Q(z) = c e^(-z^2/2) / (z + phi(z))`, `c = 1/sqrt(2 pi)`,
//! defines a function `phi` that falls smoothly from `sqrt(pi/2)` at `z = 0` towards `1/z` (the
//! Mills ratio's continued fraction starts `1 / (z + 1/(z + ...))`). A rational function
//! `A(z) / B(z)` of degrees 3 and 4 matches it on `[0.75, 15]`, and then
//!
//! `G(z) = c e^(-z^2/2) zB / (zB + A)`.
//!
//! Written this way the rounding errors of `A`, `B` and `zB` are *damped*: a relative error `d` in
//! `A` changes `G` by only `d phi / (z + phi)`, and `zB` appears in both numerator and denominator.
//! For `x < 0` nothing is subtracted, so the relative accuracy holds all the way down the tail,
//! until the result underflows at `x = -14.37`.
//!
//! Two tricks make the exponential accurate:
//! * a relative error `d` in `w = z^2/2` becomes a relative error `w d` in `e^-w`, and `w` reaches
//!   105 before the result underflows: rounding `z * z` to `f32` would cost ~100 ULP. So
//!   `z = zh + zl`, with `zh` the top 12 significant bits of `z`: `zh * zh` is exact (24 bits), and
//!   `z^2/2 = zh^2/2 + zl (z + zh)/2`, where the second term is below 0.07 (rounding error
//!   below `2^-28`);
//! * the power of two `2^-k` is applied last (see `exp_neg`), so subnormal results are rounded
//!   once, at the end.
//!
//! **The small form**, for `|x| < 0.75`. Near 0 the tail form's roundings in `zB / (zB + A)` are
//! not damped (`phi / (z + phi)` is close to 1) and cost up to 4 ULP. There
//! `GELU(x) = x/2 + x^2 E(x^2)` with `E(s) = (Phi(sqrt s) - 1/2) / sqrt s`, a polynomial: `x/2` is
//! exact and the correction is small, so its rounding errors shrink with it. (Beyond 0.75, for
//! `x < 0`, `x/2` and the correction cancel more and more.)
//!
//! Both forms are computed for every element and one is selected: no branch.

use super::dispatch::{KernelPath, PathUnavailable, map_on, map_selected};
use super::exp_f32::exp_neg;

/// Where the computation stops: for `|x| >= Z_MAX`, `G(|x|) < 2^-159`. `GELU(x)` is then `x` for
/// `x > 0` (to the last bit) and rounds to `-0.0` for `x < 0` (it does from `x = -14.37` on).
const Z_MAX: f32 = 15.0;

/// Clears the low 12 of the 23 fraction bits: `zh` keeps 12 significant bits.
const HIGH_BITS_MASK: u32 = 0xFFFF_F000;

/// The sign bit of an `f32`.
const SIGN_BIT: u32 = 0x8000_0000;

/// `phi(z) = A(z) / B(z)` on `[0.75, 15]`: `z / (z + A/B)` has relative error 6.6e-9 (6.7e-9 with
/// the coefficients rounded to `f32`), fitted by the Remez algorithm in `reference/fit_kernels.py`.
/// The fit absorbs the rounding of `c 2^-64` to `f32` (a relative 2.8e-8).
const PHI_A: [f32; 4] = [1.2298715, 0.6875521, 0.19056015, 0.024630502];
const PHI_B: [f32; 5] = [1.5415039, 1.5632863, 0.7413265, 0.19032355, 0.024635412];

/// `c 2^-64` with `c = 1/sqrt(2 pi)`, rounded to `f32`: the `2^-64` undoes the `2^64` in
/// `exp_neg`'s scale factor.
const C_TWO_POW_M64: f32 = 2.1626705e-20;

/// Below this `|x|`, the small form `x/2 + x^2 E(x^2)`.
const X_SMALL: f32 = 0.75;

/// `E(s) = (Phi(sqrt s) - 1/2) / sqrt s` on `[0, 0.75^2]`, relative error 2.4e-9 (2.8e-8 with the
/// coefficients rounded to `f32`, most of it from `E(0) = 1/sqrt(2 pi)` itself).
const SMALL_E: [f32; 5] = [0.3989423, -0.06649095, 0.009977947, -0.0011968367, 0.000116536256];

/// `GELU(x) = x Phi(x)` for one `f32`, branch-free (see the module documentation).
#[inline(always)]
fn gelu_exact_one(x: f32) -> f32 {
    // Tail form: G(z) = z Q(z).
    let z = x.abs();
    let z = if z < Z_MAX { z } else { Z_MAX }; // a select; NaN becomes Z_MAX
    let zh = f32::from_bits(z.to_bits() & HIGH_BITS_MASK);
    let zl = z - zh;
    let a = 0.5 * (zh * zh); // exact
    let b = 0.5 * (zl * (z + zh)); // z^2/2 = a + b, up to the rounding of b
    let (h, scale) = exp_neg(a, b); // e^-(a + b) = (1 + h) scale 2^-64
    let pa = ((PHI_A[3] * z + PHI_A[2]) * z + PHI_A[1]) * z + PHI_A[0];
    let pb = (((PHI_B[4] * z + PHI_B[3]) * z + PHI_B[2]) * z + PHI_B[1]) * z + PHI_B[0];
    let zb = z * pb;
    let ratio = zb / (zb + pa); // z / (z + phi(z))
    let g = ((ratio + ratio * h) * scale) * C_TWO_POW_M64; // rounded once, even if subnormal
    // -G for x < 0, x - G otherwise: (x < 0 ? 0 : x) - G, a compare and a mask. NaN stays NaN.
    let x_plus = if x < 0.0 { 0.0 } else { x };
    let tail_form = x_plus - g;

    // Small form: x/2 + x^2 E(x^2).
    let s = x * x;
    let e = (((SMALL_E[4] * s + SMALL_E[3]) * s + SMALL_E[2]) * s + SMALL_E[1]) * s + SMALL_E[0];
    let small_form = 0.5 * x + s * e;

    let result = if z < X_SMALL { small_form } else { tail_form };
    // GELU(x) has the sign of x, also when it is zero; but -0.0 + 0.0 and 0.0 - 0.0 are +0.0 (for
    // x = -0.0, and where the tail underflows), so copy the sign bit of x into the result.
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
/// (`numerics::gelu`, correctly rounded): at most 3.49 ULP (at `x = -1.404`); at most 1.33 ULP for `x > -0.75`.
/// See `tests/exact_f32_sweep.rs`.
///
/// Speed: no branch, no call, no table: LLVM vectorises it with SSE2 on the default x86-64
/// target. On the book's benchmark machine (AMD EPYC, default target) it takes about 1.2 times
/// as long as [`gelu_tanh_f32`](crate::gelu_tanh_f32) and is about 7 times faster than a scalar
/// loop over `libm::erfcf` (see `crates/bench`, package `gelu-bench`).
///
/// ```
/// use chapter4::gelu_exact_f32;
/// let mut v = [-1.0f32, 0.0, 1.0, -10.0, f32::NAN];
/// gelu_exact_f32(&mut v);
/// assert_eq!(v[..3], [-0.15865526, 0.0, 0.8413447]);
/// assert!((v[3] / -7.619853e-23 - 1.0).abs() < 3e-7); // x Phi(x) far down the left tail
/// assert!(v[4].is_nan());
/// ```
pub fn gelu_exact_f32(values: &mut [f32]) {
    map_selected(values, gelu_exact_one);
}

/// [`gelu_exact_f32`] on a chosen [`KernelPath`]: the same bits on every path
/// (`tests/kernel_paths.rs`).
///
/// Errors: [`PathUnavailable`] if this CPU lacks the path (`values` is then untouched).
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
/// # Ok::<(), chapter4::PathUnavailable>(())
/// ```
pub fn gelu_exact_f32_on(path: KernelPath, values: &mut [f32]) -> Result<(), PathUnavailable> {
    map_on(path, values, gelu_exact_one)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_square_is_exact() {
        // zh * zh must be exact: zh has at most 12 significant bits.
        for z in [14.999999f32, 3.3333333, 1.0e-3, 7.777777, 0.75] {
            let zh = f32::from_bits(z.to_bits() & HIGH_BITS_MASK);
            assert_eq!((zh as f64) * (zh as f64), (zh * zh) as f64, "z = {z}");
            assert_eq!((z - zh) as f64, z as f64 - zh as f64);
        }
    }

    #[test]
    fn both_forms_are_accurate_where_they_meet() {
        for x in [-0.75f32, 0.75, -0.74999994, 0.74999994] {
            let exact = numerics::gelu(x as f64);
            let got = gelu_exact_one(x) as f64;
            assert!((got - exact).abs() < 4.0 * f32::EPSILON as f64 * exact.abs(), "x = {x}");
        }
    }
}
