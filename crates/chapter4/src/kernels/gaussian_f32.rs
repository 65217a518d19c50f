//! The Gaussian factor `e^(-z^2/2)` for the exact `f32` kernel, with fused multiply-adds.
//!
//! `M::mul_add(a, b, c)` computes `a * b + c` with a single rounding (`mul_add.rs`: a hardware
//! `vfmadd` on the AVX2 and AVX-512 paths, an exact emulation in packed `f64` on the portable
//! x86-64 path), so every dispatch path gives the same bits. Fusing does two things here:
//!
//! * **The square without a split.** `w = z * z` rounded, then `w_lo = mul_add(z, z, -w)` is the
//!   rounding error exactly: `z^2 = w + w_lo` with no rounding at all. (Without FMA, `z` must be
//!   split into halves of 12 bits first.) This matters because `e^-w` turns an absolute error `d`
//!   of `w` into a relative error `d` of the result, and `w` reaches 112.5.
//! * **Exact range reduction.** `w / 2 = k ln 2 + r / 2`, with the integer `k = round(w / (2 ln 2))`.
//!   `t = mul_add(-k, TWO_LN2_HI, w)` is exact: `TWO_LN2_HI` (2 ln 2 rounded to `f32`) has only 21
//!   significant bits, so `w - k TWO_LN2_HI` is a multiple of `2^-24` (of `2^-23` once `w >= 1`),
//!   and it is below 0.7 in size, so it fits in 24 bits; the fused operation then has nothing to
//!   round. Only `r = t + (w_lo - k TWO_LN2_LO)` is rounded once, an absolute error below
//!   `2^-25`, a relative error below `2^-26` of the result.
//!
//! Then `e^(-r/2) = 1 + r q(r)` on `|r| <= 0.6935`, `q` of degree 5 (Horner, one rounding per
//! step), and `2^-k` is built in the exponent bits, offset by `2^64` as in `exp_f32.rs`, so that
//! subnormal results are rounded once, at the end, by the caller.

use super::exp_f32::{ROUNDING_MAGIC, SCALE_BITS};
use super::mul_add::{MulAdd, horner};

/// `1 / (2 ln 2)`, rounded to `f32`: `k = round(w / (2 ln 2))`.
const HALF_LOG2_E: f32 = 0.7213475;

/// `2 ln 2 = TWO_LN2_HI + TWO_LN2_LO + 1.8e-16`; `TWO_LN2_HI` has 21 significant bits.
const TWO_LN2_HI: f32 = 1.3862944;
const TWO_LN2_LO: f32 = -3.8093084e-9;

/// `e^(-r/2) = 1 + r q(r)` on `[-0.6935, 0.6935]`: relative error 3.6e-9 with these `f32`
/// coefficients (2.0e-9 before rounding them), fitted by the Remez algorithm in
/// `reference/fit_kernels.py`.
const EXP_HALF_Q: [f32; 6] = [-0.5, 0.124999985, -0.020833153, 0.0026042617, -0.000261522, 2.161348e-05];

/// `e^(-z^2/2)` as `(h, scale)` with `e^(-z^2/2) = (1 + h) * scale * 2^-64`, for `0 <= z <= 15`
/// (which the caller guarantees; nothing is checked, nothing panics).
///
/// Relative error of `(1 + h) scale 2^-64` below 6.9e-8 (5.0e-8 measured), term by term: `q`
/// itself 3.6e-9; rounding `r` (`|r| < 0.6935`, so by at most `2^-25`) changes `e^(-r/2)` by
/// `2^-26` = 1.5e-8; the last Horner step rounds `q` (`|q| < 0.6`) by at most `2^-25`, times
/// `|r|`, over `1 + h >= 0.707`: 2.9e-8; rounding `h` (`|h| < 0.5`) by at most `2^-26`, over
/// `1 + h`: 2.1e-8.
#[inline(always)]
pub(super) fn gaussian<M: MulAdd>(z: f32) -> (f32, f32) {
    let w = z * z;
    let w_lo = M::mul_add(z, z, -w); // z^2 = w + w_lo exactly
    let shifted = M::mul_add(w, HALF_LOG2_E, ROUNDING_MAGIC); // 1.5 * 2^23 + k
    let k = shifted - ROUNDING_MAGIC;
    let t = M::mul_add(-k, TWO_LN2_HI, w); // exact, see the module documentation
    let r = t + M::mul_add(-k, TWO_LN2_LO, w_lo);
    let q = horner::<M, 6>(&EXP_HALF_Q, r);
    let h = r * q;
    // shifted.to_bits() = 0x4B40_0000 + k: the exponent field becomes 127 + 64 - k.
    let scale = f32::from_bits(SCALE_BITS.wrapping_sub(shifted.to_bits()) << 23);
    (h, scale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernels::mul_add::Fused;

    #[test]
    fn gaussian_is_accurate_on_its_domain() {
        let mut worst = 0.0f64;
        for i in 0..=150_000 {
            let z = i as f32 * 1e-4;
            let (h, scale) = gaussian::<Fused>(z);
            let ours = (1.0 + h as f64) * scale as f64 * 2f64.powi(-64);
            let exact = (-(z as f64) * (z as f64) / 2.0).exp();
            worst = worst.max((ours / exact - 1.0).abs());
        }
        // The bound derived in the documentation of `gaussian`, 6.9e-8, plus the f64 check's own
        // error (about 1e-13 relative at z = 15).
        assert!(worst < 6.9e-8, "max relative error {worst:e}");
    }

    #[test]
    fn the_reduced_square_is_exact() {
        for z in [0.83f32, 1.0, 1.1774, 3.3333333, 7.777777, 11.1, 14.999999] {
            let w = z * z;
            let w_lo = z.mul_add(z, -w);
            assert_eq!(w as f64 + w_lo as f64, z as f64 * z as f64, "z = {z}");
            let k = (w.mul_add(HALF_LOG2_E, ROUNDING_MAGIC) - ROUNDING_MAGIC) as f64;
            let t = (-(k as f32)).mul_add(TWO_LN2_HI, w);
            assert_eq!(t as f64, w as f64 - k * TWO_LN2_HI as f64, "z = {z}");
        }
    }
}
