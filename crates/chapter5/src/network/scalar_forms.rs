//! The two scalar formulas chapter 5 teaches, in the form the network uses until their homes
//! land: `chapter5::GeluMuSigma` (value and partials of `x Phi((x - mu) / sigma)`) and
//! `chapter5::silu`, written in parallel by another developer. Each function here is marked
//! `TODO(lead)`: when those land, its body becomes a call, and the network's gradient check
//! (`tests/network_gradient_check.rs`) confirms the swap.

/// `y = x Phi(u)` with `u = (x - mu) / sigma`, and its partial derivatives:
///
/// * `dy/dx = Phi(u) + x phi(u) / sigma`
/// * `dy/dmu = -x phi(u) / sigma`
/// * `dy/dsigma = -x phi(u) u / sigma`
///
/// returned as `(y, dy/dx, dy/dmu, dy/dsigma)`. Domain: `sigma > 0` (the layer guarantees it),
/// any `x`, `mu`; NaN gives NaN.
// TODO(lead): point this at chapter5::GeluMuSigma (value and partials) once it lands.
pub(crate) fn gelu_mu_sigma_parts(x: f64, mu: f64, sigma: f64) -> (f64, f64, f64, f64) {
    let u = (x - mu) / sigma;
    let cdf = numerics::std_normal_cdf(u);
    let density_over_sigma = numerics::std_normal_pdf(u) / sigma;
    let y = x * cdf;
    let d_mu = -x * density_over_sigma;
    (y, cdf - d_mu, d_mu, d_mu * u)
}

/// SiLU, `x sigmoid(x) = x / (1 + e^-x)`, written `x e^x / (1 + e^x)` for `x < 0` so that no
/// `e^-x` overflows. NaN gives NaN; `-inf` gives `-0.0`, `+inf` gives `+inf`.
// TODO(lead): replace with a call to chapter5::silu once it lands.
pub(crate) fn silu(x: f64) -> f64 {
    if x < 0.0 {
        let e = x.exp();
        if e == 0.0 { -0.0 } else { x * e / (1.0 + e) }
    } else {
        x / (1.0 + (-x).exp())
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
