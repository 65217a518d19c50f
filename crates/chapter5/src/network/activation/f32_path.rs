//! The `f32` activations: chapter 4's vectorised kernels for the three GELUs, chapter 2's
//! functions (through `f64`, exact for ReLU) for ReLU and ELU, and SiLU through `f64`.

use super::Activation;
use super::slopes::{gelu_exact_slope_f32, gelu_sigmoid_slope, gelu_tanh_slope, silu_slope};

/// `out_i = f(z_i)`.
pub(crate) fn activate(activation: Activation, z: &[f32], out: &mut [f32]) {
    let kernel: fn(&mut [f32]) = match activation {
        Activation::Gelu | Activation::LearnableGelu(_) => chapter4::gelu_exact_f32,
        Activation::GeluTanh => chapter4::gelu_tanh_f32,
        Activation::GeluSigmoid => chapter4::gelu_sigmoid_f32,
        Activation::Relu => return through_f64(z, out, chapter2::relu),
        Activation::Elu(elu) => return through_f64(z, out, |x| elu.value(x)),
        Activation::Silu => return through_f64(z, out, super::super::scalar_forms::silu),
    };
    out.copy_from_slice(z);
    kernel(out);
}

/// `slope_i = f'(z_i)`, given `a_i = f(z_i)`.
pub(crate) fn slope(activation: Activation, z: &[f32], a: &[f32], slope: &mut [f32]) {
    match activation {
        Activation::Gelu | Activation::LearnableGelu(_) => gelu_exact_slope_f32(z, a, slope),
        Activation::GeluTanh => gelu_tanh_slope(z, a, slope),
        Activation::GeluSigmoid => gelu_sigmoid_slope(z, a, slope),
        Activation::Silu => silu_slope(z, a, slope),
        Activation::Relu => through_f64(z, slope, chapter2::relu_derivative),
        Activation::Elu(elu) => through_f64(z, slope, |x| elu.derivative(x)),
    }
}

/// `out_i = f(z_i)` computed in `f64` and rounded to `f32`.
#[inline(always)]
fn through_f64(z: &[f32], out: &mut [f32], f: impl Fn(f64) -> f64) {
    for (o, &x) in out.iter_mut().zip(z) {
        *o = f(f64::from(x)) as f32;
    }
}
