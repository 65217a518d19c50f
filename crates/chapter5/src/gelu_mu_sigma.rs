//! GELU with a learnable mean and scale: `f(x) = x Phi((x - mu) / sigma)`, its value and its three
//! partial derivatives, each rounded once.
//!
//! The trap is the standardised argument `z = (x - mu) / sigma`. Rounded to an `f64` it carries
//! a relative error up to about 2^-52 (the subtraction and the division each round), and in the
//! left tail Phi turns a relative error `e` of `z` into a relative error of about `z^2 e` of its
//! result: hundreds of ULP at `z = -30` (`tests/gate_accuracy.rs` measures it with
//! [`GeluMuSigma::value_rounded_z`]). So `z` is kept as a double-double: `x - mu` exactly by
//! [`numerics::two_sum`], then divided by `sigma` in double-double (relative error 3 * 2^-106).
//! Phi and phi are evaluated *at* that double-double ([`numerics::upper_tail_dd`],
//! [`numerics::density_dd`]), every product and sum is formed from the unrounded
//! [`Scaled`] pieces, and each result is rounded once, as [`numerics::gelu`] does for `x Phi(x)`.
//! Powers of two of `x` and `sigma` are carried apart, so `x / sigma` may exceed `f64::MAX`
//! (with `sigma` tiny) without overflowing an intermediate.

use crate::error::Chapter5Error;
use numerics::{DoubleDouble, Scaled, UPPER_TAIL_DD_MAX, density_dd, std_normal_cdf, two_sum, upper_tail_dd};

/// From `z >= 8.5` on the value rounds to `x`: `1 - Phi(8.5) < 2^-56`, below half the relative
/// spacing of `f64` just below `x`.
const VALUE_SATURATION: f64 = 8.5;

/// At `|z| >= 40` the partials' tail factors are below 2^-1155; see [`GeluMuSigma::partials`]
/// for the values returned there.
const TAIL_END: f64 = 40.0;

/// Below `z = -64` the value is a signed zero: `Phi(-64) < 2^-2961`, so `|x Phi(z)| < 2^1024 *
/// 2^-2961 = 2^-1937`, far below half the smallest subnormal (2^-1075), for every finite `x`.
/// Down to here the scaled tail ([`upper_tail_dd`], whose domain ends at 64) is evaluated.
const VALUE_ZERO_BELOW: f64 = UPPER_TAIL_DD_MAX;

/// GELU with a learnable mean `mu` and scale `sigma > 0`:
/// `f(x) = x Phi((x - mu) / sigma)`, where `Phi` is the standard normal CDF. With `mu = 0` and
/// `sigma = 1` it is the GELU of chapter 3; `mu` moves the gate's midpoint, `sigma` sets how
/// sharply it opens (towards ReLU as `sigma -> 0`).
///
/// Build it with [`GeluMuSigma::new`], which checks the parameters.
///
/// ```
/// use chapter5::GeluMuSigma;
/// let standard = GeluMuSigma::new(0.0, 1.0)?;
/// assert_eq!(standard.value(-1.0), numerics::gelu(-1.0));
/// let shifted = GeluMuSigma::new(1.0, 0.5)?;
/// assert_eq!(shifted.value(1.0), 0.5); // at x = mu the gate is half open
/// # Ok::<(), chapter5::Chapter5Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeluMuSigma {
    mu: f64,
    sigma: f64,
}

/// The gradient of [`GeluMuSigma::value`] at one `x`: the partial derivatives with respect to the
/// input and to the two parameters. With `z = (x - mu) / sigma`:
///
/// * `dx = Phi(z) + (x / sigma) phi(z)`,
/// * `dmu = -(x / sigma) phi(z)`,
/// * `dsigma = -(x z / sigma) phi(z)`,
///
/// where `phi` is the standard normal density.
///
/// ```
/// use chapter5::GeluMuSigma;
/// let p = GeluMuSigma::new(0.0, 1.0)?.partials(0.0);
/// assert_eq!((p.dx, p.dmu, p.dsigma), (0.5, -0.0, -0.0));
/// # Ok::<(), chapter5::Chapter5Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Partials {
    /// `df/dx = Phi(z) + (x / sigma) phi(z)`.
    pub dx: f64,
    /// `df/dmu = -(x / sigma) phi(z)`.
    pub dmu: f64,
    /// `df/dsigma = -(x z / sigma) phi(z)`.
    pub dsigma: f64,
}

impl GeluMuSigma {
    /// The gate `x Phi((x - mu) / sigma)` with mean `mu` and scale `sigma`.
    ///
    /// Domain: `mu` finite, `sigma` finite and `> 0`. Bad input:
    /// `Err(Chapter5Error::MuOutOfRange { mu })` for a NaN or infinite `mu`, and
    /// `Err(Chapter5Error::SigmaOutOfRange { sigma })` for a NaN, infinite, zero (either sign) or
    /// negative `sigma` (checked first).
    ///
    /// ```
    /// use chapter5::{Chapter5Error, GeluMuSigma};
    /// assert!(GeluMuSigma::new(0.5, 2.0).is_ok());
    /// assert_eq!(GeluMuSigma::new(0.0, 0.0), Err(Chapter5Error::SigmaOutOfRange { sigma: 0.0 }));
    /// assert!(matches!(
    ///     GeluMuSigma::new(0.0, f64::NAN),
    ///     Err(Chapter5Error::SigmaOutOfRange { sigma }) if sigma.is_nan()
    /// ));
    /// assert_eq!(
    ///     GeluMuSigma::new(f64::INFINITY, 1.0),
    ///     Err(Chapter5Error::MuOutOfRange { mu: f64::INFINITY })
    /// );
    /// ```
    pub fn new(mu: f64, sigma: f64) -> Result<GeluMuSigma, Chapter5Error> {
        if !(sigma > 0.0 && sigma.is_finite()) {
            return Err(Chapter5Error::SigmaOutOfRange { sigma });
        }
        if !mu.is_finite() {
            return Err(Chapter5Error::MuOutOfRange { mu });
        }
        Ok(GeluMuSigma { mu, sigma })
    }

    /// The mean `mu`: where the gate is half open (`Phi(0) = 1/2`).
    ///
    /// ```
    /// use chapter5::GeluMuSigma;
    /// assert_eq!(GeluMuSigma::new(-0.25, 2.0)?.mu(), -0.25);
    /// # Ok::<(), chapter5::Chapter5Error>(())
    /// ```
    pub fn mu(&self) -> f64 {
        self.mu
    }

    /// The scale `sigma > 0`: how wide the gate's transition is.
    ///
    /// ```
    /// use chapter5::GeluMuSigma;
    /// assert_eq!(GeluMuSigma::new(-0.25, 2.0)?.sigma(), 2.0);
    /// # Ok::<(), chapter5::Chapter5Error>(())
    /// ```
    pub fn sigma(&self) -> f64 {
        self.sigma
    }

    /// `f(x) = x Phi(z)` with `z = (x - mu) / sigma`, rounded once.
    ///
    /// Defined for every `f64` `x`; never panics:
    ///
    /// * NaN gives NaN; `+inf` gives `+inf`; `-inf` gives `-0.0` (the limit, from below);
    ///   `+-0.0` give `+-0.0`.
    /// * `z >= 8.5` gives exactly `x` (the correctly rounded value: `1 - Phi(8.5) < 2^-56`).
    ///   This includes `z = +inf` when `(x - mu) / sigma` overflows (`sigma` tiny).
    /// * `z < -64` gives a zero with the sign of `x`, the correctly rounded value for every finite
    ///   `x`: `|x Phi(z)| < 2^1024 Phi(-64) < 2^-1937`. Above that the scaled tail is evaluated:
    ///   for `z < -40` (`Phi(z) < 2^-1160`) the result is nonzero only for a huge `|x| > 2^85`
    ///   with a still larger `sigma`, and it rounds to zero by itself for every finite `x` once
    ///   `z < -53.86` (`Phi(z) < 2^-2099`).
    /// * Subnormal results are rounded once onto the subnormal grid.
    ///
    /// **Accuracy** (`tests/gate_accuracy.rs`, against the mpmath table
    /// `reference/gate_reference.csv`, 4892 rows): within 2 ULP wherever the result is a normal
    /// `f64`, and within 4 steps of the grid where it is subnormal. By analysis the value before
    /// the final rounding is within about 2^-56 relative, so within 1 ULP. This holds for every
    /// finite `x` and valid `(mu, sigma)`, the far tail `-64 <= z < -40` with huge `x` and
    /// `sigma` included (the table's far-tail block: 291 rows with `-70 <= z <= -40`). Measured:
    /// at most 1 ULP on the table (0 on the far-tail block) and on a denser 104,892-row one
    /// (`--random 100000`), and 0 steps on the subnormal rows.
    ///
    /// ```
    /// use chapter5::GeluMuSigma;
    /// let gate = GeluMuSigma::new(1.0, 0.5)?;
    /// assert_eq!(gate.value(2.0), 2.0 * 0.9772498680518208); // 2 Phi(2)
    /// assert_eq!(gate.value(1.0), 0.5);
    /// assert_eq!(gate.value(6.0), 6.0); // z = 10: saturated
    /// assert_eq!(gate.value(-30.0), -0.0); // z = -62
    /// // z = (-8.9 - 0.1) / 0.3 = -30.0000000000000023 is not an f64; the result is still
    /// // the correctly rounded value (mpmath):
    /// let tail = GeluMuSigma::new(0.1, 0.3)?;
    /// assert_eq!(tail.value(-8.9), -4.3669753951615835e-197);
    /// // Huge x and sigma: z = (-5e301 - 0.5) / 1e300 = -50.0000000000000012, Phi(z) = 2^-1810,
    /// // yet x Phi(z) is a normal double (mpmath):
    /// let wide = GeluMuSigma::new(0.5, 1e300)?;
    /// assert_eq!(wide.value(-5e301), -5.402989733807862e-244);
    /// // z = -53.4999999999999961: a subnormal result, rounded once onto the grid (mpmath):
    /// assert_eq!(GeluMuSigma::new(-2.0, 1e300)?.value(-5.35e301), -1.2e-322);
    /// // z = -179.8 < -64: zero even for the largest x.
    /// let zero = GeluMuSigma::new(0.0, 1e306)?.value(-f64::MAX);
    /// assert_eq!(zero.to_bits(), (-0.0f64).to_bits());
    /// assert_eq!(gate.value(f64::INFINITY), f64::INFINITY);
    /// assert!(gate.value(f64::NAN).is_nan());
    /// # Ok::<(), chapter5::Chapter5Error>(())
    /// ```
    pub fn value(&self, x: f64) -> f64 {
        if x.is_nan() {
            return x;
        }
        if x == f64::INFINITY {
            return x;
        }
        if x == f64::NEG_INFINITY {
            return -0.0;
        }
        if x == 0.0 {
            return x; // 0 * Phi(z), with the sign of x
        }
        let z = self.standardise(x);
        if z.hi >= VALUE_SATURATION {
            return x;
        }
        if z.hi < -VALUE_ZERO_BELOW {
            return 0.0_f64.copysign(x);
        }
        // ANCHOR: value
        let (x_mantissa, x_exponent) = split(x);
        if z.hi < 0.0 {
            // x Phi(z) = x Q(-z): the scaled tail times x, rounded once.
            let tail = upper_tail_dd(-z);
            round(Scaled { mantissa: tail.mantissa * x_mantissa, exponent: tail.exponent + x_exponent })
        } else {
            // x Phi(z) = x (1 - Q(z)), with Q(z) <= 1/2.
            let cdf = DoubleDouble::ONE - upper_tail_dd(z).to_double_double();
            round(Scaled { mantissa: cdf * x_mantissa, exponent: x_exponent })
        }
        // ANCHOR_END: value
    }

    /// The partial derivatives of `f(x) = x Phi(z)`, `z = (x - mu) / sigma`, each rounded once
    /// (see [`Partials`] for the formulas).
    ///
    /// Defined for every `f64` `x`; never panics:
    ///
    /// * NaN gives NaN in all three fields.
    /// * `x = +inf` gives `dx = 1`, `dmu = -0.0`, `dsigma = -0.0`; `x = -inf` gives `dx = -0.0`,
    ///   `dmu = +0.0`, `dsigma = -0.0` (the limits).
    /// * `|z| >= 40`: then `|x / sigma| < 2^54 |z|` (for `x != mu`, `|x - mu| > 2^-54 |x|`), so
    ///   `|x / sigma| phi(z)` and `|x z / sigma| phi(z)` are below 2^-1090, and so is
    ///   `Phi(z)` for `z <= -40`. Returned: `dx = 1` for `z >= 40` and a zero for `z <= -40` (with
    ///   the sign of `1/|z| + x/sigma`, which stands for the sign of `R(|z|) + x/sigma`), and for
    ///   `dmu` and `dsigma` zeros with the signs of `-x` and `-x z`.
    /// * `x = mu` (so `z = 0`) with a tiny `sigma`: `dx = 1/2 + (x / sigma) phi(0)` and
    ///   `dmu = -(x / sigma) phi(0)` may exceed `f64::MAX`; they overflow to `+-inf`, as the
    ///   correctly rounded values do. Intermediates never overflow.
    ///
    /// **Accuracy** (`tests/gate_accuracy.rs`, mpmath table `reference/gate_reference.csv`):
    /// `dmu` and `dsigma` within 4 ULP wherever they are normal `f64`; `dx` within 4 ULP of the
    /// larger of its two terms `Phi(z)` and `(x / sigma) phi(z)` (it has a zero, where the
    /// terms cancel, so its own relative error is unbounded there). Measured on the table: dmu and
    /// dsigma correctly rounded on every row, dx within 0.006 ULP of its larger term (on the
    /// denser 104,892-row table: at most 1 ULP for each of the three).
    ///
    /// ```
    /// use chapter5::GeluMuSigma;
    /// let gate = GeluMuSigma::new(0.0, 1.0)?;
    /// // With mu = 0, sigma = 1, dx is GELU' and dmu = -x phi(x), dsigma = -x^2 phi(x):
    /// let p = gate.partials(1.0);
    /// assert_eq!(p.dx, numerics::gelu_derivative(1.0));
    /// assert_eq!(p.dmu, -numerics::std_normal_pdf(1.0));
    /// assert_eq!(p.dsigma, -numerics::std_normal_pdf(1.0));
    /// let far = gate.partials(-50.0);
    /// assert_eq!((far.dx, far.dmu, far.dsigma), (-0.0, 0.0, -0.0));
    /// assert!(gate.partials(f64::NAN).dx.is_nan());
    /// # Ok::<(), chapter5::Chapter5Error>(())
    /// ```
    pub fn partials(&self, x: f64) -> Partials {
        if x.is_nan() {
            return Partials { dx: x, dmu: x, dsigma: x };
        }
        if x.is_infinite() {
            let dx = if x > 0.0 { 1.0 } else { -0.0 };
            return Partials { dx, dmu: 0.0_f64.copysign(-x), dsigma: -0.0 };
        }
        let z = self.standardise(x);
        // Signs of the three results where they round to zero: dmu has the sign of -x, dsigma
        // that of -x z, dx = phi(z) (R(-z) + x / sigma) for z < 0 that of 1/|z| + x / sigma.
        let dmu_zero = 0.0_f64.copysign(-x);
        let dsigma_zero = 0.0_f64.copysign(-x.signum() * z.hi.signum());
        if z.hi >= TAIL_END {
            return Partials { dx: 1.0, dmu: dmu_zero, dsigma: dsigma_zero };
        }
        if z.hi <= -TAIL_END {
            let dx = 0.0_f64.copysign(1.0 / -z.hi + x / self.sigma);
            return Partials { dx, dmu: dmu_zero, dsigma: dsigma_zero };
        }
        let cdf = if z.hi < 0.0 {
            upper_tail_dd(-z)
        } else {
            Scaled { mantissa: DoubleDouble::ONE - upper_tail_dd(z).to_double_double(), exponent: 0 }
        };
        if x == 0.0 {
            return Partials { dx: round(cdf), dmu: dmu_zero, dsigma: dsigma_zero };
        }
        // ANCHOR: partials
        // x / sigma = (x_m / sigma_m) 2^(x_e - sigma_e), the quotient of mantissas in (1/2, 2).
        let (x_mantissa, x_exponent) = split(x);
        let (sigma_mantissa, sigma_exponent) = split(self.sigma);
        let ratio = DoubleDouble::from(x_mantissa) / sigma_mantissa;
        let density = density_dd(z);
        // w phi(z), w = x / sigma: the term that dmu, dsigma and dx share.
        let slope_term = Scaled {
            mantissa: density.mantissa * ratio,
            exponent: density.exponent + x_exponent - sigma_exponent,
        };
        let dmu = round(negate(slope_term));
        let (z_mantissa, z_exponent) = split_double_double(z);
        let dsigma = round(Scaled {
            mantissa: -(slope_term.mantissa * z_mantissa),
            exponent: slope_term.exponent + z_exponent,
        });
        let dx = round(add(cdf, slope_term));
        // ANCHOR_END: partials
        Partials { dx, dmu, dsigma }
    }

    /// The yardstick: `x Phi(fl((x - mu) / sigma))` with `z` rounded to an `f64` first (the
    /// obvious code, `x * std_normal_cdf((x - mu) / sigma)`), not exact. Each `f64` step here is
    /// correctly rounded, yet in the left tail the rounding of `z` is amplified about `z^2`-fold:
    /// hundreds of ULP at `z = -30` (`tests/gate_accuracy.rs`). Use [`GeluMuSigma::value`].
    ///
    /// Defined for every `f64`, like `f64` arithmetic: NaN gives NaN.
    ///
    /// ```
    /// use chapter5::GeluMuSigma;
    /// let gate = GeluMuSigma::new(0.1, 0.3)?;
    /// let x = -8.9; // z = -30
    /// let ulps = numerics::ulps_f64(gate.value_rounded_z(x), gate.value(x));
    /// assert!(ulps > 50, "{ulps} ULP");
    /// # Ok::<(), chapter5::Chapter5Error>(())
    /// ```
    pub fn value_rounded_z(&self, x: f64) -> f64 {
        x * std_normal_cdf((x - self.mu) / self.sigma)
    }

    /// `z = (x - mu) / sigma` as a double-double, or `+-inf` (as `hi`, with `lo = 0`) where it
    /// overflows.
    fn standardise(&self, x: f64) -> DoubleDouble {
        let (difference, error) = two_sum(x, -self.mu);
        let rounded = difference / self.sigma;
        if !rounded.is_finite() {
            return DoubleDouble::from(rounded);
        }
        let z = DoubleDouble::new(difference, error) / self.sigma;
        if z.hi.is_finite() && z.lo.is_finite() { z } else { DoubleDouble::from(rounded) }
    }
}

/// `2^k` for `-1022 <= k <= 1023`, from its bits.
fn pow2(k: i32) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// `v = m 2^e` with `1/2 <= |m| < 1`, for finite nonzero `v` (subnormals included); `(v, 0)` for
/// zeros.
fn split(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (v, 0);
    }
    let (v, shift) = if v.abs() < f64::MIN_POSITIVE { (v * pow2(64), -64) } else { (v, 0) };
    // Replace the biased exponent by that of 1/2, keeping sign and significand.
    let bits = v.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32 - 1022;
    let mantissa = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (mantissa, exponent + shift)
}

/// `z = m 2^e` for a double-double, both parts scaled by the power of two that [`split`] takes
/// from `z.hi` (exact: `z.lo` is far from the underflow here, or negligible).
fn split_double_double(z: DoubleDouble) -> (DoubleDouble, i32) {
    let (hi, exponent) = split(z.hi);
    let lo = if exponent.abs() <= 1000 { z.lo * pow2(-exponent) } else { 0.0 };
    (DoubleDouble::new(hi, lo), exponent)
}

fn negate(v: Scaled) -> Scaled {
    Scaled { mantissa: -v.mantissa, exponent: v.exponent }
}

/// `a + b` for two scaled values whose mantissas lie between about 2^-12 and 2^8: the one with
/// the smaller exponent is scaled to the other's (exactly, by a power of two), and the mantissas
/// are added in double-double, which stays accurate even when they cancel. Beyond a shift of
/// 300 binades the smaller one is below 2^-280 of the larger and is dropped.
fn add(a: Scaled, b: Scaled) -> Scaled {
    let (large, small) = if a.exponent >= b.exponent { (a, b) } else { (b, a) };
    let shift = large.exponent - small.exponent;
    if shift > 300 {
        return large;
    }
    let scale = pow2(-shift);
    let small = DoubleDouble::new(small.mantissa.hi * scale, small.mantissa.lo * scale);
    Scaled { mantissa: large.mantissa + small, exponent: large.exponent }
}

/// The nearest `f64` to a scaled value, for any exponent: beyond `2^1100` it is `+-inf`, below
/// `2^-1300` a signed zero (the mantissas here are at most 2^8), and in between
/// [`Scaled::to_f64`] rounds once, onto the subnormal grid if need be.
fn round(v: Scaled) -> f64 {
    let hi = v.mantissa.hi;
    if hi == 0.0 || hi.is_nan() {
        return hi;
    }
    if v.exponent > 1100 {
        return f64::INFINITY.copysign(hi);
    }
    if v.exponent < -1300 {
        return 0.0_f64.copysign(hi);
    }
    v.to_f64()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_takes_the_power_of_two_apart() {
        for v in [1.0, -1.0, 0.75, 3.0, 1e300, -1e-300, f64::MAX, f64::MIN_POSITIVE, 5e-324, -3e-320] {
            let (m, e) = split(v);
            assert!((0.5..1.0).contains(&m.abs()), "{v:e}: {m}");
            assert_eq!(Scaled { mantissa: DoubleDouble::from(m), exponent: e }.to_f64(), v, "{v:e}");
        }
        assert_eq!(split(-0.0).0.to_bits(), (-0.0f64).to_bits());
    }

    #[test]
    fn round_saturates_to_infinity_and_zero() {
        let v = |hi: f64, exponent| round(Scaled { mantissa: DoubleDouble::from(hi), exponent });
        assert_eq!(v(0.5, 2000), f64::INFINITY);
        assert_eq!(v(-0.5, 1025), f64::NEG_INFINITY);
        assert_eq!(v(0.5, 1024), 2f64.powi(1023));
        assert_eq!(v(-0.5, -2000).to_bits(), (-0.0f64).to_bits());
        assert_eq!(v(0.5, -1073), 5e-324);
    }

    #[test]
    fn a_tiny_sigma_overflows_z_without_nan() {
        let gate = GeluMuSigma::new(1.0, 5e-324).unwrap();
        assert_eq!(gate.value(2.0), 2.0);
        assert_eq!(gate.value(0.0), 0.0);
        assert_eq!(gate.value(-2.0).to_bits(), (-0.0f64).to_bits());
        let p = gate.partials(2.0);
        assert_eq!((p.dx, p.dmu, p.dsigma), (1.0, -0.0, -0.0));
        // x = mu: z = 0, and x / sigma = 2^1074 overflows dx and dmu, as the exact values do.
        let p = gate.partials(1.0);
        assert_eq!((p.dx, p.dmu), (f64::INFINITY, f64::NEG_INFINITY));
        assert_eq!(p.dsigma.to_bits(), (-0.0f64).to_bits());
        // Huge x and mu: x - mu overflows.
        let gate = GeluMuSigma::new(-f64::MAX, 1.0).unwrap();
        assert_eq!(gate.value(f64::MAX), f64::MAX);
        assert_eq!(gate.partials(f64::MAX).dx, 1.0);
    }

    #[test]
    fn x_over_sigma_may_exceed_the_largest_f64_inside() {
        // x = mu = 2^1000, sigma = 2^-100: x / sigma = 2^1100 overflows, but at z = 0 the
        // value is x / 2 and dsigma = 0.
        let x = 2f64.powi(1000);
        let gate = GeluMuSigma::new(x, 2f64.powi(-100)).unwrap();
        assert_eq!(gate.value(x), x / 2.0);
        let p = gate.partials(x);
        assert_eq!(p.dmu, f64::NEG_INFINITY);
        // x = 1, sigma = 2^-1000, mu = 1 - 2^-53 * 8: z = 2^950 -> saturated.
        let gate = GeluMuSigma::new(1.0 - 2f64.powi(-50), 2f64.powi(-1000)).unwrap();
        assert_eq!(gate.value(1.0), 1.0);
        // A moderate z with x / sigma = 2^51: dmu = -2^51 phi(z) is representable.
        let sigma = 2f64.powi(-51);
        let gate = GeluMuSigma::new(1.0 - 2.0 * sigma, sigma).unwrap(); // z = 2 exactly
        let p = gate.partials(1.0);
        let expected = -numerics::std_normal_pdf(2.0) * 2f64.powi(51);
        assert!(numerics::ulps_f64(p.dmu, expected) <= 1, "{} vs {expected}", p.dmu);
    }
}
