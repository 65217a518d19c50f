//! The `f64` activations: every one is the library's own scalar function, element by element.

use super::super::scalar_forms::silu;
use super::Activation;
use super::slopes::{gelu_sigmoid_slope, gelu_tanh_slope, silu_slope};

/// `out_i = f(z_i)`.
pub(crate) fn activate(activation: Activation, z: &[f64], out: &mut [f64]) {
    let f: fn(f64) -> f64 = match activation {
        Activation::Relu => chapter2::relu,
        Activation::Elu(elu) => {
            for (o, &x) in out.iter_mut().zip(z) {
                *o = elu.value(x);
            }
            return;
        }
        Activation::Gelu | Activation::LearnableGelu(_) | Activation::Soi => numerics::gelu,
        Activation::GeluTanh => chapter4::gelu_tanh,
        Activation::GeluSigmoid => chapter4::gelu_sigmoid,
        Activation::Silu => silu,
        Activation::Custom(custom) => custom.value,
    };
    for (o, &x) in out.iter_mut().zip(z) {
        *o = f(x);
    }
}

/// `slope_i = f'(z_i)`, given `a_i = f(z_i)`.
pub(crate) fn slope(activation: Activation, z: &[f64], a: &[f64], slope: &mut [f64]) {
    let f: fn(f64) -> f64 = match activation {
        Activation::Relu => chapter2::relu_derivative,
        Activation::Elu(elu) => {
            for (o, &x) in slope.iter_mut().zip(z) {
                *o = elu.derivative(x);
            }
            return;
        }
        Activation::Gelu | Activation::LearnableGelu(_) | Activation::Soi => numerics::gelu_derivative,
        Activation::GeluTanh => return gelu_tanh_slope(z, a, slope),
        Activation::GeluSigmoid => return gelu_sigmoid_slope(z, a, slope),
        Activation::Silu => return silu_slope(z, a, slope),
        Activation::Custom(custom) => custom.slope,
    };
    for (o, &x) in slope.iter_mut().zip(z) {
        *o = f(x);
    }
}
