//! Inputs and scalar baseline loops for the chapter 4 benchmarks (`benches/gelu_kernels.rs`).

use numerics::naive::{gelu_erfc, gelu_erfc_f32, gelu_textbook_erf_f32};

/// `n` deterministic inputs spread over `[-8, 8]` (a multiplicative hash of the index, so that
/// neighbours differ: no branch predictor or cache pattern to exploit), in `f32`.
///
/// ```
/// let v = gelu_bench::inputs_f32(1000);
/// assert!(v.iter().all(|x| (-8.0..8.0).contains(x)));
/// ```
pub fn inputs_f32(n: usize) -> Vec<f32> {
    (0..n as u64)
        .map(|i| {
            let t = (i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as f32 / (1u64 << 24) as f32; // [0, 1)
            -8.0 + 16.0 * t
        })
        .collect()
}

/// The same inputs as [`inputs_f32`], converted to `f64`.
///
/// ```
/// assert_eq!(gelu_bench::inputs_f64(3)[2], gelu_bench::inputs_f32(3)[2] as f64);
/// ```
pub fn inputs_f64(n: usize) -> Vec<f64> {
    inputs_f32(n).into_iter().map(f64::from).collect()
}

/// Scalar baseline: the erfc form `GELU(x) = 0.5 x erfc(-x / sqrt 2)` with `libm::erfcf`
/// ([`numerics::naive::gelu_erfc_f32`]), one call per element.
///
/// ```
/// let mut v = [1.0f32];
/// gelu_bench::erfcf_loop(&mut v);
/// assert!((v[0] - 0.8413447).abs() < 1e-6);
/// ```
pub fn erfcf_loop(values: &mut [f32]) {
    for x in values {
        *x = gelu_erfc_f32(*x);
    }
}

/// Scalar baseline in the style of candle and PyTorch's reference: `0.5 x (1 + erf(x / sqrt 2))`
/// with `libm::erff` ([`numerics::naive::gelu_textbook_erf_f32`]; it cancels in the left tail,
/// here only its speed matters).
///
/// ```
/// let mut v = [1.0f32];
/// gelu_bench::erff_loop(&mut v);
/// assert!((v[0] - 0.8413447).abs() < 1e-6);
/// ```
pub fn erff_loop(values: &mut [f32]) {
    for x in values {
        *x = gelu_textbook_erf_f32(*x);
    }
}

/// Scalar `f64` GELU by the erfc form, `0.5 x erfc(-x / sqrt 2)` with `libm::erfc`
/// ([`numerics::naive::gelu_erfc`]), one call per element. Not exact: 729 ULP off at x = -30.
///
/// ```
/// let mut v = [1.0f64];
/// gelu_bench::erfc_loop_f64(&mut v);
/// assert!((v[0] - 0.8413447460685429).abs() < 1e-15);
/// ```
pub fn erfc_loop_f64(values: &mut [f64]) {
    for x in values {
        *x = gelu_erfc(*x);
    }
}

/// Applies a scalar `f64` function to every element (for `gelu_tanh` and `gelu_sigmoid`).
///
/// ```
/// let mut v = [2.0f64];
/// gelu_bench::map_f64(&mut v, |x| x * x);
/// assert_eq!(v, [4.0]);
/// ```
pub fn map_f64(values: &mut [f64], f: impl Fn(f64) -> f64) {
    for x in values {
        *x = f(*x);
    }
}

/// For comparison only: a tanh-approximation kernel *without* the care for tiny results that
/// `chapter4::gelu_tanh_f32` takes. It computes `x / (1 + e^-y)` with `y` clamped to `[-87, 87]`
/// and the power of two built for `k` in `[-126, 126]` only, so results below about `1e-37`
/// (`x < -10`) are returned as `-0.0` instead of their subnormal value. Same polynomial, same
/// chunking; the benchmark shows what keeping subnormal results costs.
///
/// ```
/// let mut v = [-3.0f32, 1.0, -10.5];
/// gelu_bench::gelu_tanh_flush_f32(&mut v);
/// assert!((v[0] + 0.003637393).abs() < 1e-8 && (v[1] - 0.841192).abs() < 1e-6);
/// assert_eq!(v[2], 0.0); // chapter4::gelu_tanh_f32 gives -1.5e-40 here
/// ```
pub fn gelu_tanh_flush_f32(values: &mut [f32]) {
    let (chunks, remainder) = values.as_chunks_mut::<16>();
    for chunk in chunks {
        for v in chunk.iter_mut() {
            *v = tanh_flush_one(*v);
        }
    }
    for v in remainder {
        *v = tanh_flush_one(*v);
    }
}

#[inline(always)]
fn tanh_flush_one(x: f32) -> f32 {
    const P: [f32; 5] = [0.49999967, -0.16666499, 0.041676164, -0.008370756, 0.0013337279];
    let y = x * (1.5957692 + 0.071354814 * (x * x));
    let t = -y;
    let t = if t < 87.0 { t } else { 87.0 };
    let t = if t > -87.0 { t } else { -87.0 };
    let shifted = t * std::f32::consts::LOG2_E + 12582912.0;
    let k = shifted - 12582912.0;
    let r = (k * (22713.0 / 32768.0) - t) + k * 1.4286068e-6; // k ln 2 - t
    let p = (((P[4] * r + P[3]) * r + P[2]) * r + P[1]) * r + P[0];
    let h = (r * r) * p - r;
    let scale = f32::from_bits(shifted.to_bits().wrapping_sub(0x4B40_0000 - 127) << 23); // 2^k
    let q = x / (1.0 + (1.0 + h) * scale);
    if y < -87.0 { -0.0 } else { q }
}
