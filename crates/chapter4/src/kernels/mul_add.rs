//! Fused multiply-add, `a * b + c` rounded once, in two ways that give the same bits.
//!
//! The exact kernels need a correctly rounded `a * b + c` (`gaussian_f32.rs` says why). Where the
//! CPU has an FMA instruction, `f32::mul_add` is that instruction. On x86-64 without FMA (the
//! portable path: SSE2 only), `f32::mul_add` is a call to the C library's `fmaf`: correct, but a
//! call per operation, which stops the loop from vectorising. [`RoundToOdd`] computes the same
//! result with packed `f64` arithmetic instead, which SSE2 has (the timings of both paths are in
//! `book/benchmarks/f32_paths.md`).
//!
//! **Why it is exact.** The product of two `f32` (24-bit significands) has at most 48 bits, so
//! `p = a * b` in `f64` (53 bits) is exact. The sum `s = p + c` is rounded once, and its error
//! `e = (p + c) - s` is exactly representable and found without rounding by Knuth's two-sum (six
//! additions). Rounding `s` to `f32` would be a second rounding, which can be wrong when `s` lands
//! exactly on a midpoint between two `f32` (the information "slightly above or below" is lost).
//! *Round to odd* keeps it: when `e != 0`, replace `s` by whichever of the two `f64` neighbours
//! around `p + c` has an odd last bit. That value is never a midpoint of the `f32` grid (those
//! have even last bits), it lies on the same side of every `f32` midpoint as `p + c`, and so
//! rounding it to `f32` gives the correctly rounded `a * b + c`. Boldo and Melquiond proved this
//! for any format with at least `2 p + 2` bits (53 >= 2 * 24 + 2): "Emulation of a FMA and correctly
//! rounded sums: proved algorithms using rounding to odd", IEEE Transactions on Computers, 2008.
//!
//! In bits, with `s` the nearest `f64` and `e` its error: step one unit of the last place towards
//! zero if `e` has the opposite sign of `s` (then `s` was rounded away from zero), and then set the
//! last bit if `e != 0`. Both are integer operations on the `f64` bits (`psubq`, `por`), so the
//! whole emulation is about 20 packed instructions, no call and no branch.
//!
//! Infinities and NaN: `e` is NaN, neither `< 0` nor `> 0`, so `s` (the IEEE result) is kept.

/// A correctly rounded `a * b + c` for `f32`; the kernels are generic over it so that each
/// dispatch path can use the faster of two implementations that give the same bits.
pub(super) trait MulAdd {
    /// `a * b + c` with one rounding.
    fn mul_add(a: f32, b: f32, c: f32) -> f32;
}

/// `f32::mul_add`: one instruction where the CPU has FMA.
pub(super) struct Fused;

impl MulAdd for Fused {
    #[inline(always)]
    fn mul_add(a: f32, b: f32, c: f32) -> f32 {
        a.mul_add(b, c)
    }
}

/// `a * b + c` through `f64` with rounding to odd (module documentation): packed SSE2 code.
pub(super) struct RoundToOdd;

impl MulAdd for RoundToOdd {
    #[inline(always)]
    fn mul_add(a: f32, b: f32, c: f32) -> f32 {
        let product = a as f64 * b as f64; // exact: 48 bits at most
        let addend = c as f64;
        let sum = product + addend;
        // Two-sum: `error` is exactly (product + addend) - sum.
        let addend_part = sum - product;
        let error = (product - (sum - addend_part)) + (addend - addend_part);
        let bits = sum.to_bits();
        let inexact = (error.abs() > 0.0) as u64; // NaN (from inf or NaN) counts as exact
        let rounded_away_from_zero = ((error.to_bits() ^ bits) >> 63) & inexact;
        f64::from_bits(bits.wrapping_sub(rounded_away_from_zero) | inexact) as f32
    }
}

/// Horner's rule, `c[0] + z (c[1] + z (c[2] + ...))`, with one rounding per step.
#[inline(always)]
pub(super) fn horner<M: MulAdd, const N: usize>(coefficients: &[f32; N], z: f32) -> f32 {
    coefficients[..N - 1].iter().rev().fold(coefficients[N - 1], |acc, &c| M::mul_add(acc, z, c))
}

/// The kernels pass their portable element function to the dispatcher as a closure marked
/// `#[inline(always)]` (`#[inline(always)] |x| kernel::<PortableMulAdd>(x)`, which clippy calls
/// redundant): passed as a plain function, the large emulated body is not inlined into the loop,
/// and the loop does not vectorise.
///
/// The implementation for the portable path: [`RoundToOdd`] on x86 without FMA, where
/// `f32::mul_add` would be a library call; [`Fused`] wherever FMA is part of the build target
/// (aarch64, or x86-64 built with `-C target-feature=+fma`).
#[cfg(all(any(target_arch = "x86_64", target_arch = "x86"), not(target_feature = "fma")))]
pub(super) type PortableMulAdd = RoundToOdd;
#[cfg(not(all(any(target_arch = "x86_64", target_arch = "x86"), not(target_feature = "fma"))))]
pub(super) type PortableMulAdd = Fused;

#[cfg(test)]
mod tests {
    use super::*;

    /// A small xorshift generator: the test needs many varied bit patterns, not statistics.
    fn next(state: &mut u64) -> u32 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        (*state >> 16) as u32
    }

    fn assert_same(a: f32, b: f32, c: f32) {
        let fused = Fused::mul_add(a, b, c);
        let emulated = RoundToOdd::mul_add(a, b, c);
        assert!(
            fused.to_bits() == emulated.to_bits() || (fused.is_nan() && emulated.is_nan()),
            "{a:e} * {b:e} + {c:e}: fused {fused:e}, emulated {emulated:e}"
        );
    }

    #[test]
    fn round_to_odd_matches_the_fused_operation() {
        let mut state = 0x9E37_79B9_7F4A_7C15;
        for i in 0..300_000 {
            let a = f32::from_bits(next(&mut state));
            let b = f32::from_bits(next(&mut state));
            let product = -(a as f64 * b as f64) as f32;
            // Addends of every kind: random, cancelling the product almost exactly (where the
            // rounding of the sum matters most), and close to it in the last bits.
            let c = match i % 3 {
                0 => f32::from_bits(next(&mut state)),
                1 => product,
                _ => f32::from_bits(product.to_bits() ^ (next(&mut state) & 0x3FF)),
            };
            assert_same(a, b, c);
        }
    }

    #[test]
    fn double_rounding_midpoints_are_rounded_correctly() {
        // (1 + 2^-23) (1 - 2^-23) 2^-24 = 2^-24 - 2^-70. Added to 1 + 2^-23, the exact sum lies
        // just below the midpoint 1 + 3 * 2^-24 (correct result: 1 + 2^-23); subtracted, just
        // above the midpoint 1 + 2^-24 (correct result: 1 + 2^-23 again). In both cases the sum
        // rounded to f64 *is* the midpoint, and rounding that to f32 (ties to even) goes wrong.
        let odd = 1.0 + f32::EPSILON;
        let b = (1.0 - f32::EPSILON) * 2f32.powi(-24);
        for a in [odd, -odd] {
            let naive = (a as f64 * b as f64 + odd as f64) as f32;
            assert_ne!(naive, odd, "the case must defeat plain double rounding");
            assert_eq!(RoundToOdd::mul_add(a, b, odd), odd);
            assert_same(a, b, odd);
            assert_same(-a, b, -odd);
        }
    }

    #[test]
    fn special_values_follow_ieee() {
        for (a, b, c) in [
            (f32::INFINITY, 2.0, 1.0),
            (f32::INFINITY, 0.0, 1.0),
            (f32::NEG_INFINITY, 2.0, f32::INFINITY),
            (f32::NAN, 1.0, 1.0),
            (1.0, 1.0, f32::NAN),
            (-0.0, 1.0, -0.0),
            (1.0, 1.0, -1.0),
            (f32::MAX, 2.0, -f32::MAX),
            (f32::MAX, 1.0, f32::MAX),
            (1e-30, 1e-20, 0.0),
            (1e-30, -1e-20, f32::MIN_POSITIVE),
        ] {
            assert_same(a, b, c);
        }
    }
}
