//! The backward kernels against `f64` references, on a sweep of `f32` bit patterns (every 257th
//! with the `slow-tests` feature, every 4099th in the learner's loop, NaNs aside) and the
//! special values.
//!
//! A derivative has zeros (GELU's at `x = -0.7518`), where no formula keeps its relative accuracy,
//! so each error is measured in ULP of the larger of the derivative's two terms, `s` and
//! `|x y' s (1 - s)|` for `x sigmoid(y)` (`Phi(x)` and `|x phi(x)|` for GELU itself).

use chapter4::{
    KernelError, gelu_exact_grad_f32, gelu_sigmoid_grad_f32, gelu_tanh_grad_f32, silu_f32, silu_grad_f32,
};
use numerics::{gelu_derivative, std_normal_cdf, std_normal_pdf, ulps_f32_of_scale};

/// A backward kernel.
type Backward = fn(&[f32], &mut [f32]) -> Result<(), KernelError>;

/// `slow` with the `slow-tests` feature (`cargo course verify`), `quick` in the learner's loop.
fn stride(slow: usize, quick: usize) -> usize {
    if cfg!(feature = "slow-tests") { slow } else { quick }
}

/// Every 257th bit pattern that is not NaN (every 4099th in the learner's loop).
fn sweep() -> Vec<f32> {
    (0..=u32::MAX).step_by(stride(257, 4099)).map(f32::from_bits).filter(|x| !x.is_nan()).collect()
}

/// The kernel's factor at each `x` (incoming gradient 1).
fn factors(kernel: Backward, xs: &[f32]) -> Vec<f32> {
    let mut gradient = vec![1.0f32; xs.len()];
    kernel(xs, &mut gradient).unwrap();
    gradient
}

/// `GELU'(x)` and the larger of `Phi(x)` and `|x phi(x)|`.
fn gelu_reference(x: f64) -> (f64, f64) {
    (gelu_derivative(x), std_normal_cdf(x).max((x * std_normal_pdf(x)).abs()))
}

/// `d/dx [x sigmoid(y(x))]` in `f64` and the larger of its two terms.
fn x_sigmoid_reference(x: f64, y: f64, dy_dx: f64) -> (f64, f64) {
    let s = 1.0 / (1.0 + (-y).exp());
    let one_minus_s = 1.0 / (1.0 + y.exp());
    let second = x * dy_dx * s * one_minus_s;
    (s + second, s.max(second.abs()))
}

fn tanh_reference(x: f64) -> (f64, f64) {
    let a = (8.0 / std::f64::consts::PI).sqrt();
    x_sigmoid_reference(x, a * (x + 0.044715 * x * x * x), a * (1.0 + 3.0 * 0.044715 * x * x))
}

fn sigmoid_reference(x: f64) -> (f64, f64) {
    x_sigmoid_reference(x, 1.702 * x, 1.702)
}

fn silu_reference(x: f64) -> (f64, f64) {
    x_sigmoid_reference(x, x, 1.0)
}

/// A bound in ULP as a function of `x`.
type Bound = fn(f32) -> f64;

/// An `f64` reference: `(derivative, larger term)` at `x`.
type Reference = fn(f64) -> (f64, f64);

/// `GELU'` within 4 ULP of the larger term, everywhere (the accuracy `gelu_exact_grad_f32`
/// promises; measured over all 2^32 inputs: 3.17 ULP at x = -0.0028).
fn exact_bound(_: f32) -> f64 {
    4.0
}

/// The tanh and sigmoid forms carry the rounding of `y` (relative `delta`) into `e^y`, which
/// turns it into a relative error `|y| delta` in the left tail (as for the forward kernels, see
/// their documentation): for the tanh form `delta <= 5 * 2^-24` (three roundings and two
/// rounded constants), at most `2 * 5 |y|` ULP, plus 5 ULP for the rest of the formula.
fn tanh_bound(x: f32) -> f64 {
    let x = x.clamp(-11.0, 11.0) as f64;
    5.0 + 10.0 * (x * (1.5957692 + 0.071354814 * x * x)).abs()
}

/// As for the tanh form, with `delta <= 1.25 * 2^-24` (one rounding and the rounded 1.702).
fn sigmoid_bound(x: f32) -> f64 {
    5.0 + 2.5 * (1.702 * x.clamp(-66.0, 66.0) as f64).abs()
}

/// SiLU's `y = x` is exact, so nothing is amplified: 5 ULP for the roundings of the formula
/// (measured: 4.1).
fn silu_bound(_: f32) -> f64 {
    5.0
}

#[test]
fn backward_kernels_are_within_their_bounds_on_a_dense_sweep() {
    let xs = sweep();
    let kernels: [(&str, Backward, Reference, Bound); 4] = [
        ("gelu_exact_grad_f32", gelu_exact_grad_f32, gelu_reference, exact_bound),
        ("gelu_tanh_grad_f32", gelu_tanh_grad_f32, tanh_reference, tanh_bound),
        ("gelu_sigmoid_grad_f32", gelu_sigmoid_grad_f32, sigmoid_reference, sigmoid_bound),
        ("silu_grad_f32", silu_grad_f32, silu_reference, silu_bound),
    ];
    for (name, kernel, reference, bound) in kernels {
        let got = factors(kernel, &xs);
        for (&x, &g) in xs.iter().zip(&got) {
            let (exact, scale) = reference(x as f64);
            let error = ulps_f32_of_scale(g, exact, scale);
            assert!(error <= bound(x), "{name}: {error:.2} ULP at x = {x:e} (bound {:.1})", bound(x));
        }
    }
}

#[test]
fn the_exact_gradient_is_within_4_ulp_near_its_zero_and_near_0() {
    // Every f32 in [-0.8, -0.7] (around the zero at -0.7518, 1.3 million values; every 16th in
    // the learner's loop), and every 97th bit pattern with |x| < 1e-3 (20 million: all
    // magnitudes down to the subnormals; every 1601st in the learner's loop).
    let mut xs: Vec<f32> = Vec::new();
    let (lo, hi) = ((-0.7f32).to_bits(), (-0.8f32).to_bits());
    xs.extend((lo..hi).step_by(stride(1, 16)).map(f32::from_bits));
    let below = 1e-3f32.to_bits();
    for bits in (0..below).step_by(stride(97, 1601)) {
        xs.extend([f32::from_bits(bits), -f32::from_bits(bits)]);
    }
    let got = factors(gelu_exact_grad_f32, &xs);
    for (&x, &g) in xs.iter().zip(&got) {
        let (exact, scale) = gelu_reference(x as f64);
        let error = ulps_f32_of_scale(g, exact, scale);
        assert!(error <= 4.0, "{error:.2} ULP at x = {x:e}");
    }
}

#[test]
fn special_values() {
    let xs = [f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 0.0, -0.0, 15.0, 1e30, -1e30];
    for kernel in [gelu_exact_grad_f32 as Backward, gelu_tanh_grad_f32, gelu_sigmoid_grad_f32, silu_grad_f32]
    {
        let got = factors(kernel, &xs);
        assert!(got[0].is_nan());
        assert_eq!(got[1], 1.0);
        assert_eq!(got[2], 0.0);
        assert_eq!((got[3], got[4]), (0.5, 0.5));
        assert_eq!((got[6], got[7]), (1.0, 0.0));
    }
    assert_eq!(factors(gelu_exact_grad_f32, &[15.0])[0], 1.0);
    // The incoming gradient multiplies: NaN and infinities pass through it.
    let mut gradient = [f32::NAN, f32::INFINITY, -2.0];
    gelu_exact_grad_f32(&[1.0, 1.0, 0.0], &mut gradient).unwrap();
    assert!(gradient[0].is_nan() && gradient[1] == f32::INFINITY && gradient[2] == -1.0);
    // SiLU's forward kernel, for completeness of the pair.
    let mut v = [0.0f32, f32::INFINITY];
    silu_f32(&mut v);
    assert_eq!(v, [0.0, f32::INFINITY]);
}
