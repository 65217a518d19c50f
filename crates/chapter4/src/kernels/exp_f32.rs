//! `e^-w` for the `f32` kernels, in a form that vectorises: range reduction by `ln 2`, a
//! polynomial, and the power of two built directly in the exponent bits.

use std::f32::consts::LOG2_E;

/// `1.5 * 2^23`. Adding it to a float in `[0, 2^22)` pushes the fraction bits out of the
/// significand: the sum is rounded to an integer `k`, and the low bits of the sum's bit pattern
/// *are* `k` (its bits are `0x4B40_0000 + k`). Subtracting it again gives `k` as an `f32`.
/// SSE2 has no instruction for `f32::round`; this trick needs one addition.
pub(super) const ROUNDING_MAGIC: f32 = 12582912.0;

/// ln 2 in two pieces: `LN2_HI` has 15 significant bits, so `k * LN2_HI` is exact for `k < 512`.
const LN2_HI: f32 = 22713.0 / 32768.0;
const LN2_LO: f32 = 1.4286068e-6;

/// `e^-r = 1 - r + r^2 p(r)` on `r` in `[-0.35, 0.42]`: `p` minimises the maximum relative error
/// of `e^-r`, 5.7e-9 (7.1e-9 with the coefficients rounded to `f32`; `reference/fit_kernels.py`).
const EXP_P: [f32; 5] = [0.49999967, -0.16666499, 0.041676164, -0.008370756, 0.0013337279];

/// Bits of `ROUNDING_MAGIC`, plus the exponent bias 127, plus 64: see [`exp_neg`].
pub(super) const SCALE_BITS: u32 = 0x4B40_0000 + 127 + 64;

/// `2^-64`: the kernels multiply by it last, to undo the `2^64` in [`exp_neg`]'s scale factor.
pub(super) const TWO_POW_M64: f32 = f32::from_bits((127 - 64) << 23);

/// `e^-(a + b)` as `(h, scale)` with `e^-(a + b) = (1 + h) * scale * 2^-64`.
///
/// Domain, which the callers guarantee (nothing is checked, nothing panics): `0 <= a <= 113`
/// (so `0 <= k <= 163`) and `0 <= b <= 0.07` (so `r` stays in `[-0.35, 0.42]`, the interval the
/// polynomial was fitted on).
///
/// `e^-113` is about `2^-163`, far below the smallest `f32`: that is why the scale is returned as
/// `2^(64 - k)`, a normal number for every `k` in range, and the caller applies the `2^-64` last,
/// when the value has taken its final size.
///
/// Accuracy: `(1 + h) scale 2^-64` is within 6.6e-8 (relative) of `e^-(a + b)` (5.5e-8 measured):
/// 7.1e-9 from the polynomial, the rest from rounding `r` and `h`.
///
/// Steps:
/// 1. `k = round(a / ln 2)` with the magic-number trick; `r = (a - k LN2_HI) - (k LN2_LO - b)`.
///    The first difference is exact (for `k >= 1`, `a` and `k LN2_HI` are within a factor of 2:
///    Sterbenz's lemma), so rounding only touches the small parts.
/// 2. `h = e^-r - 1 = -r + r^2 p(r)`: the large term `-r` is exact, the polynomial only
///    contributes the small correction.
/// 3. `scale = 2^(64 - k)`: the exponent field is `127 + 64 - k`, shifted into place.
#[inline(always)]
pub(super) fn exp_neg(a: f32, b: f32) -> (f32, f32) {
    let shifted = a * LOG2_E + ROUNDING_MAGIC;
    let k = shifted - ROUNDING_MAGIC;
    // Written `- (k LN2_LO - b)` rather than `+ (b - k LN2_LO)`: with `b = 0.0` the compiler may
    // then drop the subtraction (`x - 0.0 == x` for every `x`; `0.0 - x == -x` fails for x = 0).
    let r = (a - k * LN2_HI) - (k * LN2_LO - b);
    let p = (((EXP_P[4] * r + EXP_P[3]) * r + EXP_P[2]) * r + EXP_P[1]) * r + EXP_P[0];
    let h = (r * r) * p - r;
    // shifted.to_bits() = 0x4B40_0000 + k, so the difference is 127 + 64 - k in the low 9 bits;
    // the shift moves it into the exponent field and drops the rest. (Wrapping: no debug panic.)
    let scale = f32::from_bits(SCALE_BITS.wrapping_sub(shifted.to_bits()) << 23);
    (h, scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_neg_is_accurate_over_its_domain() {
        let mut worst = 0.0f64;
        for i in 0..=113_000 {
            let a = i as f32 * 0.001;
            for b in [0.0f32, 0.03, 0.07] {
                let (h, scale) = exp_neg(a, b);
                let ours = (1.0 + h as f64) * scale as f64 * 2f64.powi(-64);
                let exact = (-(a as f64 + b as f64)).exp();
                worst = worst.max((ours / exact - 1.0).abs());
            }
        }
        // The bound, term by term: polynomial 7.1e-9; rounding r: 2^-28 (k LN2_LO - b) + 2^-26
        // (the sum); rounding h = r^2 p - r: 2^-26 / e^-0.42; r^2, r^2 p and p: about 3 * 2^-24 *
        // 0.1. Total 6.6e-8 (the measured maximum is 5.5e-8).
        assert!(worst < 6.6e-8, "max relative error {worst:e}");
    }

    #[test]
    fn scale_is_an_exact_power_of_two() {
        for k in 0..=163u32 {
            let a = k as f32 * std::f32::consts::LN_2;
            let (_, scale) = exp_neg(a, 0.0);
            assert_eq!(scale, 2f32.powi(64 - k as i32), "k = {k}");
        }
    }
}
