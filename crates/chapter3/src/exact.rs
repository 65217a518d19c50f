//! TEMPORARY stand-in for the exact Phi and GELU (libm erfc form, up to ~730 ULP off near x = -30);
//! replaced by the correctly rounded implementation before chapter 3 is published.

/// Phi(x), the standard normal CDF.
pub fn std_normal_cdf(x: f64) -> f64 {
    0.5 * libm::erfc(-x / std::f64::consts::SQRT_2)
}

/// GELU(x) = x Phi(x).
pub fn gelu(x: f64) -> f64 {
    x * std_normal_cdf(x)
}
