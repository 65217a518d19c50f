//! The scalar forms the network's f64 path evaluates element by element, from their homes:
//! `chapter5::GeluMuSigma` (value and partials of `x Phi((x - mu) / sigma)`, to about 1 ULP) and
//! `chapter5::silu` (within 0.5 ULP). The network's gradient check
//! (`tests/network_gradient_check.rs`) checks the layers built on them.

use crate::GeluMuSigma;

pub(crate) use crate::silu;

/// `y = x Phi(u)` with `u = (x - mu) / sigma`, and its partial derivatives, from
/// [`GeluMuSigma`]: `(y, dy/dx, dy/dmu, dy/dsigma)`. A scale the gate rejects (a `sigma` that
/// overflowed to infinity or underflowed to 0, or NaN parameters) gives four NaNs, which the
/// training loop then reports as a non-finite loss.
pub(crate) fn gelu_mu_sigma_parts(x: f64, mu: f64, sigma: f64) -> (f64, f64, f64, f64) {
    match GeluMuSigma::new(mu, sigma) {
        Ok(gate) => {
            let partials = gate.partials(x);
            (gate.value(x), partials.dx, partials.dmu, partials.dsigma)
        }
        Err(_) => (f64::NAN, f64::NAN, f64::NAN, f64::NAN),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn silu_special_values_and_symmetry() {
        assert_eq!(silu(0.0), 0.0);
        assert_eq!(silu(f64::INFINITY), f64::INFINITY);
        assert_eq!(silu(f64::NEG_INFINITY).to_bits(), (-0.0f64).to_bits());
        assert!(silu(f64::NAN).is_nan());
        assert!(silu(-800.0) == 0.0 && silu(-700.0) < 0.0);
        // silu(x) - silu(-x) = x
        for x in [0.5, 3.0, 20.0] {
            assert!((silu(x) - silu(-x) - x).abs() < 1e-15 * x.max(1.0));
        }
    }

    #[test]
    fn at_mu_zero_sigma_one_it_is_gelu() {
        for x in [-3.0, -0.5, 0.0, 1.25] {
            let (y, dx, _, _) = gelu_mu_sigma_parts(x, 0.0, 1.0);
            assert_eq!(y, numerics::gelu(x));
            assert!((dx - numerics::gelu_derivative(x)).abs() < 1e-15);
        }
    }
}
