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
//! * SiLU: `t = x`: `f' = s + x s (1 - s)`.
//!
//! These serve the `f64` network; the `f32` network uses chapter 4's backward kernels
//! (`chapter4::gelu_tanh_grad_f32` and its siblings), and exact GELU's slope in `f64` is
//! `numerics::gelu_derivative`.
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

#[cfg(test)]
mod tests {
    use super::*;

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
