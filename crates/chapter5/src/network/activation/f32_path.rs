//! The `f32` activations: chapter 4's vectorised kernels for the three GELUs, SiLU and ELU,
//! forward and backward (`chapter4::gelu_exact_grad_f32` and its siblings give the slope), and
//! chapter 2's ReLU (through `f64`, exact).

use chapter4::KernelError;

use super::Activation;

/// `out_i = f(z_i)`.
pub(crate) fn activate(activation: Activation, z: &[f32], out: &mut [f32]) {
    let kernel: fn(&mut [f32]) = match activation {
        Activation::Gelu | Activation::LearnableGelu(_) | Activation::Soi => chapter4::gelu_exact_f32,
        Activation::GeluTanh => chapter4::gelu_tanh_f32,
        Activation::GeluSigmoid => chapter4::gelu_sigmoid_f32,
        Activation::Silu => chapter4::silu_f32,
        Activation::Relu => return through_f64(z, out, chapter2::relu),
        Activation::Custom(custom) => return through_f64(z, out, custom.value),
        Activation::Elu(elu) => {
            out.copy_from_slice(z);
            return chapter4::elu_f32(elu.alpha() as f32, out);
        }
    };
    out.copy_from_slice(z);
    kernel(out);
}

/// `slope_i = f'(z_i)` (`a_i = f(z_i)` is not needed here: the backward kernels evaluate the
/// derivative from `z` alone).
pub(crate) fn slope(activation: Activation, z: &[f32], _a: &[f32], slope: &mut [f32]) {
    let kernel: fn(&[f32], &mut [f32]) -> Result<(), KernelError> = match activation {
        Activation::Gelu | Activation::LearnableGelu(_) | Activation::Soi => chapter4::gelu_exact_grad_f32,
        Activation::GeluTanh => chapter4::gelu_tanh_grad_f32,
        Activation::GeluSigmoid => chapter4::gelu_sigmoid_grad_f32,
        Activation::Silu => chapter4::silu_grad_f32,
        Activation::Relu => return through_f64(z, slope, chapter2::relu_derivative),
        Activation::Custom(custom) => return through_f64(z, slope, custom.slope),
        Activation::Elu(elu) => {
            slope.fill(1.0);
            if chapter4::elu_grad_f32(elu.alpha() as f32, z, slope).is_err() {
                slope.fill(f32::NAN); // not reached: slices of one length
            }
            return;
        }
    };
    // The kernels multiply an incoming gradient by the slope; an incoming 1 gives the slope itself.
    slope.fill(1.0);
    if kernel(z, slope).is_err() {
        // Not reached: `Real::activation_slope` is called with slices of one length.
        slope.fill(f32::NAN);
    }
}

/// `out_i = f(z_i)` computed in `f64` and rounded to `f32`.
#[inline(always)]
fn through_f64(z: &[f32], out: &mut [f32], f: impl Fn(f64) -> f64) {
    for (o, &x) in out.iter_mut().zip(z) {
        *o = f(f64::from(x)) as f32;
    }
}
