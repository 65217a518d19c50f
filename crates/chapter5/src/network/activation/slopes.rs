//! Slopes `f'(x)` of the gated activations `f(x) = x s(x)`, computed from the forward output.
//!
//! GELU and its tanh and sigmoid forms and SiLU are all `x s(x)` with a gate `s` between 0 and 1
//! (`Phi(x)`, `sigmoid(2u(x))`, `sigmoid(1.702 x)`, `sigmoid(x)`). The forward pass has already
//! computed `a = x s(x)`, so `s = a / x` costs one division, and
//!
//! `f'(x) = s + x s'(x)`,
//!
//! where a sigmoid gate `s = sigmoid(t(x))` has `s' = s (1 - s) t'(x)`:
//!
//! * tanh form: `t = 2u = x (A + B x^2)`, `A = sqrt(8/pi)`, `B = 0.044715 sqrt(8/pi)`:
//!   `f' = s + x s (1 - s) (A + 3 B x^2)`;
//! * sigmoid form: `t = 1.702 x`: `f' = s + 1.702 x s (1 - s)`;
//! * SiLU: `t = x`: `f' = s + x s (1 - s)`;
//! * exact GELU (`f32` only; `f64` calls `numerics::gelu_derivative`): `s = Phi`,
//!   `s' = phi(x) = e^(-x^2/2) / sqrt(2 pi)`, from [`std_normal_pdf_f32`].
//!
//! Accuracy: `a` is within a few ULP of `x s(x)`, so `s = a / x` is within a few ULP of the gate
//! wherever `a` is a normal number; where `a` underflows (`x` far in the left tail), `s` and the
//! slope are tiny and off by less than the smallest normal. For `|x| < 2^-60` the gate is taken
//! as `s(0) = 1/2` (an exact value; `a / x` would lose bits to a subnormal `a`). The tests
//! compare every slope with a central difference of the `f64` forward function.

use super::super::Real;

/// Below this `|x|`, the gate `a / x` is replaced by its value at 0, `1/2`.
const GATE_AT_ZERO_BELOW: f64 = 8.673617379884035e-19; // 2^-60

/// `sqrt(8/pi)`, the slope of `2u(x)` at 0 in the tanh form.
const TANH_A: f64 = 1.5957691216057308;
/// `0.044715 sqrt(8/pi)`.
const TANH_B: f64 = 0.07135481627260025;
/// The sigmoid form's slope factor.
const SIGMOID_K: f64 = 1.702;

/// The gate `s = a / x` of an activation `a = x s(x)`, `1/2` near `x = 0`. NaN gives NaN.
#[inline(always)]
fn gate<T: Real>(x: T, a: T) -> T {
    let tiny = T::from_f64(GATE_AT_ZERO_BELOW);
    let small = (x < tiny) & (-x < tiny); // `&`, not `&&`: no branch, so the loop vectorises
    if small { T::from_f64(0.5) } else { a / x }
}

/// `slope_i = s_i + x_i s_i (1 - s_i) t'(x_i)`, the slope of `x sigmoid(t(x))`, from `x` and
/// `a = x sigmoid(t(x))`; `t_slope` gives `t'(x)`.
#[inline(always)]
fn sigmoid_gated<T: Real>(z: &[T], a: &[T], slope: &mut [T], t_slope: impl Fn(T) -> T) {
    let one = T::from_f64(1.0);
    for ((out, &x), &y) in slope.iter_mut().zip(z).zip(a) {
        let s = gate(x, y);
        *out = s + x * s * (one - s) * t_slope(x);
    }
}

/// Slope of the tanh form, `s + x s (1 - s) (A + 3 B x^2)` with `s = a / x` (module docs).
/// Slices of one length (the shortest decides); NaN gives NaN.
///
/// ```
/// use chapter5::network::slopes::gelu_tanh_slope;
/// let (z, a) = ([0.0f64, 1.0], [0.0, chapter4::gelu_tanh(1.0)]);
/// let mut slope = [0.0; 2];
/// gelu_tanh_slope(&z, &a, &mut slope);
/// assert_eq!(slope[0], 0.5);
/// let h = 1e-6; // a central difference of the forward form
/// let numeric = (chapter4::gelu_tanh(1.0 + h) - chapter4::gelu_tanh(1.0 - h)) / (2.0 * h);
/// assert!((slope[1] - numeric).abs() < 1e-9);
/// ```
pub fn gelu_tanh_slope<T: Real>(z: &[T], a: &[T], slope: &mut [T]) {
    let (big_a, three_b) = (T::from_f64(TANH_A), T::from_f64(3.0 * TANH_B));
    sigmoid_gated(z, a, slope, |x| big_a + three_b * x * x);
}

/// Slope of the sigmoid form, `s + 1.702 x s (1 - s)` with `s = a / x`. Slices of one length;
/// NaN gives NaN.
///
/// ```
/// use chapter5::network::slopes::gelu_sigmoid_slope;
/// let x = -2.0f64;
/// let mut slope = [0.0];
/// gelu_sigmoid_slope(&[x], &[chapter4::gelu_sigmoid(x)], &mut slope);
/// let h = 1e-6;
/// let numeric = (chapter4::gelu_sigmoid(x + h) - chapter4::gelu_sigmoid(x - h)) / (2.0 * h);
/// assert!((slope[0] - numeric).abs() < 1e-9);
/// ```
pub fn gelu_sigmoid_slope<T: Real>(z: &[T], a: &[T], slope: &mut [T]) {
    let k = T::from_f64(SIGMOID_K);
    sigmoid_gated(z, a, slope, |_| k);
}

/// Slope of SiLU, `s + x s (1 - s)` with `s = a / x = sigmoid(x)`. Slices of one length; NaN
/// gives NaN.
///
/// ```
/// use chapter5::network::slopes::silu_slope;
/// let mut slope = [0.0f32];
/// silu_slope(&[0.0f32], &[0.0], &mut slope);
/// assert_eq!(slope[0], 0.5); // sigmoid(0)
/// ```
pub fn silu_slope<T: Real>(z: &[T], a: &[T], slope: &mut [T]) {
    let one = T::from_f64(1.0);
    sigmoid_gated(z, a, slope, |_| one);
}

/// Slope of exact GELU in `f32`, `Phi(x) + x phi(x)`, with `Phi(x) = a / x` from the forward
/// output of `chapter4::gelu_exact_f32` and `phi` from [`std_normal_pdf_f32`]. Branch-free, so
/// it vectorises. Slices of one length; NaN gives NaN. Within `1e-6` (absolute) of
/// `numerics::gelu_derivative` (tested over `[-15, 15]`).
///
/// ```
/// use chapter5::network::slopes::gelu_exact_slope_f32;
/// let mut a = [-1.0f32, 0.0, 2.0];
/// let z = a;
/// chapter4::gelu_exact_f32(&mut a);
/// let mut slope = [0.0f32; 3];
/// gelu_exact_slope_f32(&z, &a, &mut slope);
/// for (s, &x) in slope.iter().zip(&z) {
///     assert!((*s as f64 - numerics::gelu_derivative(x as f64)).abs() < 1e-6);
/// }
/// ```
pub fn gelu_exact_slope_f32(z: &[f32], a: &[f32], slope: &mut [f32]) {
    for ((out, &x), &y) in slope.iter_mut().zip(z).zip(a) {
        *out = gate(x, y) + x * std_normal_pdf_f32(x);
    }
}

/// `1.5 * 2^23`: adding it rounds a float in `[0, 2^22)` to an integer held in the low bits.
const ROUNDING_MAGIC: f32 = 12582912.0;
/// `ln 2` in two parts; `LN2_HI` has 15 significant bits, so `k LN2_HI` is exact for `k < 512`.
const LN2_HI: f32 = 22713.0 / 32768.0;
const LN2_LO: f32 = 1.4286068e-6;
/// Taylor coefficients `1/n!` of `e^-r`, enough for `|r| <= ln(2)/2` to `1.5e-8` relative.
const INVERSE_FACTORIALS: [f32; 8] =
    [1.0, 1.0, 0.5, 0.16666667, 0.041666668, 0.008333334, 0.0013888889, 0.0001984127];
/// `1/sqrt(2 pi)`.
const FRAC_1_SQRT_2PI: f32 = 0.3989423;
/// `w = x^2/2` is clamped here: `e^-87` is still a normal `f32`, and beyond it `x phi(x)` is
/// below `1e-36`, which no slope can notice next to `Phi(x)`.
const W_MAX: f32 = 87.0;

/// The standard normal density in `f32`, `phi(x) = e^(-x^2/2) / sqrt(2 pi)`, branch-free for
/// the slope kernel; relative error below `3e-6` for `|x| <= 10` (measured `2.0e-6`: mostly the
/// rounding of `x^2/2` to `f32`, which the exponential multiplies by `x^2/2`), and for `|x| > 13.19` it
/// returns about `phi(13.19) = 6.6e-39` instead of the true, smaller value (an absolute error below
/// `7e-39`). NaN gives NaN. (The accurate density is `numerics::std_normal_pdf`; this one exists
/// because a scalar `exp` call per element would cost more than the layer's matrix product.)
///
/// `e^-w = 2^-k e^-r` with `k = round(w / ln 2)`, `r = w - k ln 2` in `[-0.35, 0.35]`, a
/// degree-7 Taylor polynomial for `e^-r`, and `2^-k` built in the exponent bits.
///
/// ```
/// use chapter5::network::slopes::std_normal_pdf_f32;
/// for x in [0.0f32, 1.0, -3.5, 9.0] {
///     let exact = numerics::std_normal_pdf(x as f64);
///     assert!((std_normal_pdf_f32(x) as f64 / exact - 1.0).abs() < 3e-6);
/// }
/// assert!(std_normal_pdf_f32(f32::NAN).is_nan());
/// ```
#[inline(always)]
pub fn std_normal_pdf_f32(x: f32) -> f32 {
    let w = 0.5 * (x * x);
    let is_nan = w.is_nan();
    let w = if w < W_MAX { w } else { W_MAX }; // a select; NaN becomes W_MAX (restored below)
    let shifted = w * std::f32::consts::LOG2_E + ROUNDING_MAGIC;
    let k = shifted - ROUNDING_MAGIC;
    let r = (w - k * LN2_HI) - k * LN2_LO;
    let mut p = INVERSE_FACTORIALS[7];
    for &c in INVERSE_FACTORIALS[..7].iter().rev() {
        p = p * -r + c;
    }
    // shifted.to_bits() = 0x4B40_0000 + k: the exponent field of 2^-k is 127 - k.
    let two_pow_minus_k =
        f32::from_bits((0x4B40_0000u32 + 127).wrapping_sub(shifted.to_bits()).wrapping_shl(23));
    let density = FRAC_1_SQRT_2PI * p * two_pow_minus_k;
    if is_nan { f32::NAN } else { density }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f32_density_is_accurate() {
        let mut worst = 0.0f64;
        for i in -10_000..=10_000 {
            let x = i as f32 * 1e-3;
            let exact = numerics::std_normal_pdf(x as f64);
            worst = worst.max((std_normal_pdf_f32(x) as f64 / exact - 1.0).abs());
        }
        assert!(worst < 3e-6, "max relative error {worst:e}");
        let clamped = std_normal_pdf_f32(-40.0);
        assert!(clamped > 0.0 && clamped < 7e-39 && std_normal_pdf_f32(40.0) == clamped, "{clamped:e}");
    }

    #[test]
    fn f32_gelu_slope_is_within_1e_6_of_the_exact_derivative() {
        let z: Vec<f32> = (-150_000..=150_000).map(|i| i as f32 * 1e-4).collect();
        let mut a = z.clone();
        chapter4::gelu_exact_f32(&mut a);
        let mut slope = vec![0.0; z.len()];
        gelu_exact_slope_f32(&z, &a, &mut slope);
        for (&x, &s) in z.iter().zip(&slope) {
            let exact = numerics::gelu_derivative(x as f64);
            assert!((s as f64 - exact).abs() < 1e-6, "x = {x}: {s} vs {exact}");
        }
        let mut tiny = [0.0f32];
        gelu_exact_slope_f32(&[1e-30], &[5e-31], &mut tiny);
        assert_eq!(tiny[0], 0.5);
    }

    #[test]
    fn gated_slopes_match_central_differences_in_f64() {
        let h = 1e-6;
        type Form = (fn(f64) -> f64, fn(&[f64], &[f64], &mut [f64]));
        let forms: [Form; 2] = [
            (chapter4::gelu_tanh, gelu_tanh_slope::<f64>),
            (chapter4::gelu_sigmoid, gelu_sigmoid_slope::<f64>),
        ];
        for (f, slope_of) in forms {
            for i in -80..=80 {
                let x = i as f64 * 0.1 + 0.003;
                let mut slope = [0.0];
                slope_of(&[x], &[f(x)], &mut slope);
                let numeric = (f(x + h) - f(x - h)) / (2.0 * h);
                assert!((slope[0] - numeric).abs() < 1e-8, "x = {x}: {} vs {numeric}", slope[0]);
            }
        }
    }
}
