//! The CDF family of gates: `x F((x - mu) / s)` for a CDF `F`, with one generic function for
//! the value and the three derivatives.
//!
//! GELU's gate keeps `x` with probability `Phi(x)`, the normal CDF at `x`. Any other CDF `F`
//! gives another gate; Hendrycks & Gimpel (arXiv 1606.08415) name the logistic one (which gives
//! SiLU), the Laplace and the Cauchy. [`GateCdf`] is what a gate must provide (its CDF and its
//! density), [`GatedActivation`] adds a location `mu` and a scale `s`, and
//! [`GatedActivation::derivatives`] differentiates for every CDF at once:
//!
//! ```text
//! z = (x - mu) / s,   g(x) = x F(z),
//! dg/dx  = F(z) + (x / s) f(z),
//! dg/dmu = -(x / s) f(z),
//! dg/ds  = -(x / s) z f(z).
//! ```
//!
//! Each CDF here is computed without the cancellation `1 - F`: for `z < 0` it uses a form that
//! is accurate in the left tail (`e^z / 2` for Laplace, `atan(1/|z|) / pi` for Cauchy, the
//! exact `Phi` and the double-double sigmoid for the normal and the logistic).

use std::f64::consts::{FRAC_1_PI, PI};

use numerics::{DoubleDouble, std_normal_cdf, std_normal_pdf, x_sigmoid};

use crate::Chapter5Error;

/// A gate's distribution: a continuous CDF `F` on the real line with density `f = F'`, in its
/// standard form (location 0, scale 1; [`GatedActivation`] adds both).
///
/// Contract for implementations: `F` is non-decreasing with limits 0 at `-inf` and 1 at `+inf`;
/// `density` is its derivative; both are defined for every `f64` (NaN gives NaN, the infinities
/// give the limits). The four in this crate are symmetric, `F(-z) = 1 - F(z)`, so `F(0) = 1/2`.
///
/// ```
/// use chapter5::{Cauchy, GateCdf, Laplace, Logistic, Normal};
/// let family: [&dyn GateCdf; 4] = [&Normal, &Logistic, &Laplace, &Cauchy];
/// for gate in family {
///     assert_eq!(gate.cdf(0.0), 0.5);
///     assert!(gate.cdf(-3.0) < gate.cdf(3.0));
///     assert!(gate.density(0.0) > gate.density(2.0));
/// }
/// assert_eq!(Normal.name(), "Normal");
/// ```
pub trait GateCdf {
    /// The CDF `F(z)`: non-decreasing from 0 (`z = -inf`) to 1 (`z = +inf`); NaN gives NaN.
    ///
    /// ```
    /// use chapter5::{GateCdf, Laplace};
    /// assert_eq!(Laplace.cdf(f64::NEG_INFINITY), 0.0);
    /// assert_eq!(Laplace.cdf(0.0), 0.5);
    /// ```
    fn cdf(&self, z: f64) -> f64;

    /// The density `f(z) = F'(z) >= 0`; 0 at `+-inf`; NaN gives NaN.
    ///
    /// ```
    /// use chapter5::{GateCdf, Laplace};
    /// assert_eq!(Laplace.density(0.0), 0.5);
    /// assert_eq!(Laplace.density(f64::INFINITY), 0.0);
    /// ```
    fn density(&self, z: f64) -> f64;

    /// The distribution's name, for legends and messages.
    ///
    /// ```
    /// use chapter5::{Cauchy, GateCdf};
    /// assert_eq!(Cauchy.name(), "Cauchy");
    /// ```
    fn name(&self) -> &str;

    /// `z f(z)`, which [`GatedActivation::derivatives`] needs for `dg/ds`. The default
    /// multiplies, and returns 0 where `f(z) = 0` (so `z = +-inf` gives 0, not `inf * 0 = NaN`);
    /// a heavy-tailed gate overrides it where `f(z)` underflows but `z f(z)` does not.
    ///
    /// ```
    /// use chapter5::{Cauchy, GateCdf, Normal};
    /// assert_eq!(Normal.z_times_density(f64::INFINITY), 0.0);
    /// // Cauchy: z f(z) = z / (pi (1 + z^2)) ~ 1 / (pi z): about 3.2e-201 at z = 1e200, where f(z)
    /// // itself (3.2e-401) is zero in f64.
    /// assert_eq!(Cauchy.density(1e200), 0.0);
    /// assert!((Cauchy.z_times_density(1e200) * 1e200 * std::f64::consts::PI - 1.0).abs() < 1e-15);
    /// ```
    fn z_times_density(&self, z: f64) -> f64 {
        let f = self.density(z);
        if f == 0.0 { 0.0 } else { z * f }
    }

    /// `K = lim z^2 f(z)` as `|z| -> inf`, which is also `-lim z F(z)` as `z -> -inf`: 0 for a
    /// light tail (the default), `1 / pi` for the Cauchy. It gives the gated activation's limits
    /// at `x = +-inf` (see [`GatedActivation::value`]).
    ///
    /// ```
    /// use chapter5::{Cauchy, GateCdf, Logistic};
    /// assert_eq!(Logistic.tail_constant(), 0.0);
    /// assert_eq!(Cauchy.tail_constant(), 1.0 / std::f64::consts::PI);
    /// ```
    fn tail_constant(&self) -> f64 {
        0.0
    }
}

/// A reference to a gate is a gate, so `GatedActivation<&dyn GateCdf>` can loop over the family.
///
/// ```
/// use chapter5::{Cauchy, GateCdf, GatedActivation, Normal};
/// let family: [&dyn GateCdf; 2] = [&Normal, &Cauchy];
/// for gate in family {
///     assert_eq!(GatedActivation::new(gate, 0.0, 1.0)?.value(0.0), 0.0);
/// }
/// # Ok::<(), chapter5::Chapter5Error>(())
/// ```
impl<T: GateCdf + ?Sized> GateCdf for &T {
    fn cdf(&self, z: f64) -> f64 {
        (**self).cdf(z)
    }
    fn density(&self, z: f64) -> f64 {
        (**self).density(z)
    }
    fn name(&self) -> &str {
        (**self).name()
    }
    fn z_times_density(&self, z: f64) -> f64 {
        (**self).z_times_density(z)
    }
    fn tail_constant(&self) -> f64 {
        (**self).tail_constant()
    }
}

/// The standard normal gate `Phi(z)`, density `phi(z) = e^(-z^2/2) / sqrt(2 pi)`: `x Phi(x)` is
/// GELU. Both are the book's exact functions ([`numerics::std_normal_cdf`],
/// [`numerics::std_normal_pdf`], within 1 ULP everywhere). Variance 1, `f(0) = 0.39894`.
///
/// ```
/// use chapter5::{GateCdf, Normal};
/// assert_eq!(Normal.cdf(-1.0), numerics::std_normal_cdf(-1.0));
/// assert_eq!(Normal.cdf(-40.0), 0.0); // Phi(-40) = 3.7e-350 is below every f64
/// assert!(Normal.cdf(-38.0) > 0.0); // 2.9e-316, subnormal, with full subnormal precision
/// assert_eq!(Normal.density(0.0), 0.3989422804014327);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Normal;

impl GateCdf for Normal {
    fn cdf(&self, z: f64) -> f64 {
        std_normal_cdf(z)
    }
    fn density(&self, z: f64) -> f64 {
        std_normal_pdf(z)
    }
    fn name(&self) -> &str {
        "Normal"
    }
}

/// The standard logistic gate `sigmoid(z) = 1 / (1 + e^-z)`, density
/// `sigmoid(z) sigmoid(-z) = e^-|z| / (1 + e^-|z|)^2`: `x sigmoid(x)` is SiLU. Variance
/// `pi^2 / 3`, `f(0) = 1/4`.
///
/// The CDF is [`numerics::x_sigmoid`] at `x = 1` (double-double exponential, one rounding:
/// within about 0.5 ULP, the left tail `e^z / (1 + e^z)` included); the density uses `f64`
/// `exp` (within a few ULP).
///
/// ```
/// use chapter5::{GateCdf, Logistic};
/// assert_eq!(Logistic.cdf(0.0), 0.5);
/// assert_eq!(Logistic.cdf(2.0), 0.8807970779778824); // correctly rounded (mpmath)
/// assert_eq!(Logistic.cdf(-800.0), 0.0);
/// assert!(Logistic.cdf(-700.0) > 0.0); // e^-700 = 9.9e-305
/// assert_eq!(Logistic.density(0.0), 0.25);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Logistic;

impl GateCdf for Logistic {
    fn cdf(&self, z: f64) -> f64 {
        x_sigmoid(1.0, DoubleDouble::from(z))
    }
    fn density(&self, z: f64) -> f64 {
        let e = (-z.abs()).exp();
        e / ((1.0 + e) * (1.0 + e))
    }
    fn name(&self) -> &str {
        "Logistic"
    }
}

/// The standard Laplace gate: `F(z) = e^z / 2` for `z < 0`, `1 - e^-z / 2` for `z >= 0`, density
/// `e^-|z| / 2`. Variance 2, `f(0) = 1/2`.
///
/// Accuracy: the left tail `e^z / 2` is one `exp` and a halving (within about 1 ULP; subnormal
/// from `z = -707.7`, within one subnormal step there, and 0 below `z = -744.4`); the right half
/// `1 - e^-z / 2 >= 1/2` has no cancellation.
///
/// ```
/// use chapter5::{GateCdf, Laplace};
/// assert_eq!(Laplace.cdf(-1.0), (-1.0f64).exp() / 2.0);
/// assert_eq!(Laplace.cdf(-700.0), (-700.0f64).exp() / 2.0); // no 1 - F: full precision
/// assert_eq!(Laplace.cdf(1.0), 1.0 - (-1.0f64).exp() / 2.0);
/// assert_eq!(Laplace.density(-2.0), Laplace.density(2.0));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Laplace;

impl GateCdf for Laplace {
    fn cdf(&self, z: f64) -> f64 {
        if z < 0.0 { 0.5 * z.exp() } else { 1.0 - 0.5 * (-z).exp() }
    }
    fn density(&self, z: f64) -> f64 {
        0.5 * (-z.abs()).exp()
    }
    fn name(&self) -> &str {
        "Laplace"
    }
}

/// The standard Cauchy gate: `F(z) = 1/2 + atan(z) / pi`, density `1 / (pi (1 + z^2))`. It has
/// no mean and no variance; `f(0) = 1 / pi`. Its heavy left tail, `F(z) ~ 1 / (pi |z|)`, makes
/// `x F(x)` tend to `-1/pi` (not 0) as `x -> -inf`.
///
/// Computed without cancellation: `F(z) = atan(1/|z|) / pi` for `z < -1` (the form as written
/// would subtract two numbers near 1/2), `1/2 + atan(z) / pi` on `[-1, 1]`, `1 - atan(1/z) / pi`
/// for `z > 1`; the density as `w^2 / (pi (1 + w^2))`, `w = 1/z`, for `|z| > 1`, so that `z^2`
/// never overflows. Each is within a few ULP.
///
/// ```
/// use chapter5::{Cauchy, GateCdf};
/// assert_eq!(Cauchy.cdf(-1.0), 0.25);
/// assert_eq!(Cauchy.cdf(1.0), 0.75);
/// // Far left: F(-1e20) = 1 / (pi 1e20), where 0.5 + atan(z) / pi gives 0.
/// assert!((Cauchy.cdf(-1e20) * 1e20 * std::f64::consts::PI - 1.0).abs() < 1e-15);
/// assert_eq!(0.5 + (-1e20f64).atan() / std::f64::consts::PI, 0.0);
/// assert!(Cauchy.density(1e160) > 0.0); // 3.2e-321: z^2 would have overflowed
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cauchy;

impl GateCdf for Cauchy {
    fn cdf(&self, z: f64) -> f64 {
        if z < -1.0 {
            (-1.0 / z).atan() * FRAC_1_PI
        } else if z > 1.0 {
            1.0 - (1.0 / z).atan() * FRAC_1_PI
        } else {
            0.5 + z.atan() * FRAC_1_PI
        }
    }
    fn density(&self, z: f64) -> f64 {
        if z.abs() > 1.0 {
            let w = 1.0 / z;
            w * w / (PI * (1.0 + w * w))
        } else {
            1.0 / (PI * (1.0 + z * z))
        }
    }
    fn name(&self) -> &str {
        "Cauchy"
    }
    fn z_times_density(&self, z: f64) -> f64 {
        if z.abs() > 1.0 {
            let w = 1.0 / z;
            w / (PI * (1.0 + w * w))
        } else {
            z / (PI * (1.0 + z * z))
        }
    }
    fn tail_constant(&self) -> f64 {
        FRAC_1_PI
    }
}

/// The scale `s` at which the gate `F(x / s)` has the normal gate's slope at 0,
/// `f(0) / s = phi(0) = 1 / sqrt(2 pi)`: `s = f(0) / phi(0)`. Then every `x F(x / s)` has the
/// same value, slope and curvature at 0 as GELU (`g(0) = 0`, `g'(0) = 1/2`,
/// `g''(0) = 2 f(0) / s`), which is how chapter 5's figure compares the family. (Equal variance
/// is impossible: the Cauchy has none.)
///
/// Values: Normal 1, Logistic `sqrt(2 pi) / 4 = 0.6267` (a logistic slope `beta = 1.596`, where
/// chapter 4's minimax fit picked 1.702), Laplace `sqrt(2 pi) / 2 = 1.2533`, Cauchy
/// `sqrt(2 pi) / pi = 0.7979`. A gate with `f(0) = 0` gives 0, which [`GatedActivation::new`]
/// rejects.
///
/// ```
/// use chapter5::{Cauchy, Laplace, Logistic, Normal, slope_matched_scale};
/// assert_eq!(slope_matched_scale(&Normal), 1.0);
/// assert!((slope_matched_scale(&Logistic) - 0.6266570686577501).abs() < 1e-15);
/// assert!((slope_matched_scale(&Laplace) - 1.2533141373155003).abs() < 1e-15);
/// assert!((slope_matched_scale(&Cauchy) - 0.7978845608028654).abs() < 1e-15);
/// ```
pub fn slope_matched_scale<F: GateCdf + ?Sized>(cdf: &F) -> f64 {
    cdf.density(0.0) / std_normal_pdf(0.0)
}

/// The gated activation `g(x) = x F((x - mu) / s)` of a CDF `F` ([`GateCdf`]), with location
/// `mu` (where the gate is half open) and scale `s > 0` (how gradually it opens).
///
/// `GatedActivation::new(Normal, 0.0, 1.0)` is GELU, `(Logistic, 0.0, 1.0)` is SiLU,
/// `(Normal, mu, sigma)` is chapter 5's GELU with learnable mean and scale. The limits
/// `s -> 0` and `s -> inf` are [`hard_gate_limit`](crate::hard_gate_limit) and
/// [`wide_gate_limit`](crate::wide_gate_limit).
///
/// ```
/// use chapter5::{GatedActivation, Logistic, Normal};
/// let gelu = GatedActivation::new(Normal, 0.0, 1.0)?;
/// assert_eq!(gelu.value(1.0), numerics::gelu(1.0));
/// let silu = GatedActivation::new(Logistic, 0.0, 1.0)?;
/// assert!((silu.value(2.0) - chapter5::silu(2.0)).abs() < 1e-15);
/// assert_eq!(gelu.mu(), 0.0);
/// assert_eq!(gelu.s(), 1.0);
/// # Ok::<(), chapter5::Chapter5Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GatedActivation<F> {
    cdf: F,
    mu: f64,
    s: f64,
}

/// The value of a gated activation and its three partial derivatives at one `x`
/// ([`GatedActivation::derivatives`]).
///
/// ```
/// use chapter5::{GatedActivation, Laplace};
/// let d = GatedActivation::new(Laplace, 0.0, 1.0)?.derivatives(0.0);
/// assert_eq!((d.value, d.dx, d.dmu, d.ds), (0.0, 0.5, 0.0, 0.0));
/// # Ok::<(), chapter5::Chapter5Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GatedDerivatives {
    /// `g = x F(z)`.
    pub value: f64,
    /// `dg/dx = F(z) + (x / s) f(z)`.
    pub dx: f64,
    /// `dg/dmu = -(x / s) f(z)`.
    pub dmu: f64,
    /// `dg/ds = -(x / s) z f(z)`.
    pub ds: f64,
}

impl<F: GateCdf> GatedActivation<F> {
    /// The gate `F((x - mu) / s)` of `cdf`, located at `mu`, with scale `s`.
    ///
    /// Domain: finite `mu`, finite `s > 0`. Bad input:
    /// `Err(Chapter5Error::MuOutOfRange { mu })` for an infinite or NaN `mu`,
    /// `Err(Chapter5Error::ScaleOutOfRange { s })` for `s <= 0`, an infinite or a NaN `s`.
    ///
    /// ```
    /// use chapter5::{Chapter5Error, GatedActivation, Normal};
    /// assert!(GatedActivation::new(Normal, 0.5, 2.0).is_ok());
    /// assert_eq!(GatedActivation::new(Normal, 0.0, 0.0), Err(Chapter5Error::ScaleOutOfRange { s: 0.0 }));
    /// assert!(matches!(GatedActivation::new(Normal, f64::NAN, 1.0), Err(Chapter5Error::MuOutOfRange { .. })));
    /// ```
    pub fn new(cdf: F, mu: f64, s: f64) -> Result<Self, Chapter5Error> {
        if !mu.is_finite() {
            return Err(Chapter5Error::MuOutOfRange { mu });
        }
        if !(s > 0.0 && s.is_finite()) {
            return Err(Chapter5Error::ScaleOutOfRange { s });
        }
        Ok(GatedActivation { cdf, mu, s })
    }

    /// The location `mu`.
    ///
    /// ```
    /// use chapter5::{GatedActivation, Cauchy};
    /// assert_eq!(GatedActivation::new(Cauchy, -1.5, 1.0)?.mu(), -1.5);
    /// # Ok::<(), chapter5::Chapter5Error>(())
    /// ```
    pub fn mu(&self) -> f64 {
        self.mu
    }

    /// The scale `s`.
    ///
    /// ```
    /// use chapter5::{GatedActivation, Cauchy};
    /// assert_eq!(GatedActivation::new(Cauchy, 0.0, 0.25)?.s(), 0.25);
    /// # Ok::<(), chapter5::Chapter5Error>(())
    /// ```
    pub fn s(&self) -> f64 {
        self.s
    }

    /// The gate's distribution.
    ///
    /// ```
    /// use chapter5::{GateCdf, GatedActivation, Laplace};
    /// assert_eq!(GatedActivation::new(Laplace, 0.0, 1.0)?.cdf().name(), "Laplace");
    /// # Ok::<(), chapter5::Chapter5Error>(())
    /// ```
    pub fn cdf(&self) -> &F {
        &self.cdf
    }

    /// `z = (x - mu) / s`, the gate's standardised input (rounded twice: `x - mu`, then `/ s`).
    ///
    /// ```
    /// use chapter5::{GatedActivation, Normal};
    /// assert_eq!(GatedActivation::new(Normal, 1.0, 0.5)?.z(2.0), 2.0);
    /// # Ok::<(), chapter5::Chapter5Error>(())
    /// ```
    pub fn z(&self, x: f64) -> f64 {
        (x - self.mu) / self.s
    }

    /// `g(x) = x F((x - mu) / s)`.
    ///
    /// Accuracy: `F` at the rounded `z`, times `x`: a few ULP where `F` is well conditioned;
    /// relative error about `|z f(z) / F(z)|` ULP from rounding `z` (up to about `z^2` in the
    /// normal gate's left tail). For SiLU and Swish with their best accuracy use
    /// [`silu`](crate::silu) and [`swish`](crate::swish).
    ///
    /// Special values: NaN gives NaN; `x = +inf` gives `+inf`; `x = -inf` gives the limit
    /// `-s K` ([`GateCdf::tail_constant`]): `-0.0` for light-tailed gates, `-s / pi` for the
    /// Cauchy.
    ///
    /// ```
    /// use chapter5::{Cauchy, GatedActivation, Normal};
    /// let g = GatedActivation::new(Normal, 0.0, 1.0)?;
    /// assert_eq!(g.value(-1.0), -0.15865525393145705); // GELU(-1)
    /// assert_eq!(g.value(f64::NEG_INFINITY), 0.0);
    /// let c = GatedActivation::new(Cauchy, 0.0, 2.0)?;
    /// assert_eq!(c.value(f64::NEG_INFINITY), -2.0 / std::f64::consts::PI);
    /// assert!((c.value(-1e12) + 2.0 / std::f64::consts::PI).abs() < 1e-11);
    /// # Ok::<(), chapter5::Chapter5Error>(())
    /// ```
    pub fn value(&self, x: f64) -> f64 {
        if x == f64::NEG_INFINITY {
            return -self.s * self.cdf.tail_constant();
        }
        x * self.cdf.cdf(self.z(x))
    }

    /// The value and the three partial derivatives at `x`, for any CDF, from `F` and `f` at one
    /// `z = (x - mu) / s`:
    /// `dg/dx = F(z) + (x / s) f(z)`, `dg/dmu = -(x / s) f(z)`, `dg/ds = -(x / s) z f(z)`.
    ///
    /// The products are formed as `(x / s) f(z)`, or as `(x f(z)) / s` where `x / s` overflows,
    /// and `z f(z)` by [`GateCdf::z_times_density`], so that a huge `z` with a vanishing density
    /// gives 0 rather than `inf * 0 = NaN`. Accuracy: a few ULP away from cancellation in
    /// `dg/dx` (its root, e.g. GELU's minimum at `x = -0.7518`); checked against central finite
    /// differences in the tests.
    ///
    /// Special values: NaN gives NaN in every field; `x = +inf` gives `dx = 1`, `dmu = 0`,
    /// `ds = -K`; `x = -inf` gives `dx = 0`, `dmu = 0`, `ds = -K`, with `K` the
    /// [`GateCdf::tail_constant`] (0, or `1 / pi` for the Cauchy), and `value` as in
    /// [`GatedActivation::value`].
    ///
    /// ```
    /// use chapter5::{GatedActivation, Normal};
    /// let d = GatedActivation::new(Normal, 0.0, 1.0)?.derivatives(1.0);
    /// assert_eq!(d.value, numerics::gelu(1.0));
    /// assert!((d.dx - numerics::gelu_derivative(1.0)).abs() < 1e-15); // Phi(1) + phi(1)
    /// assert_eq!(d.dmu, -numerics::std_normal_pdf(1.0));
    /// assert_eq!(d.ds, -numerics::std_normal_pdf(1.0));
    /// let far = GatedActivation::new(Normal, 0.0, 1e-300)?.derivatives(1.0); // z = 1e300
    /// assert_eq!((far.dx, far.dmu, far.ds), (1.0, 0.0, 0.0));
    /// # Ok::<(), chapter5::Chapter5Error>(())
    /// ```
    pub fn derivatives(&self, x: f64) -> GatedDerivatives {
        let value = self.value(x);
        if x.is_infinite() {
            let tail = -self.cdf.tail_constant();
            let dx = if x > 0.0 { 1.0 } else { 0.0 };
            return GatedDerivatives { value, dx, dmu: 0.0, ds: tail };
        }
        let z = self.z(x);
        let x_over_s = x / self.s;
        let times_x_over_s = |v: f64| if x_over_s.is_finite() { x_over_s * v } else { x * v / self.s };
        let slope_term = times_x_over_s(self.cdf.density(z));
        GatedDerivatives {
            value,
            dx: self.cdf.cdf(z) + slope_term,
            dmu: -slope_term,
            ds: -times_x_over_s(self.cdf.z_times_density(z)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAMILY: [&dyn GateCdf; 4] = [&Normal, &Logistic, &Laplace, &Cauchy];

    fn grid(lo: f64, hi: f64, n: usize) -> Vec<f64> {
        (0..=n).map(|i| lo + (hi - lo) * i as f64 / n as f64).collect()
    }

    #[test]
    fn each_cdf_is_a_cdf() {
        for gate in FAMILY {
            let name = gate.name();
            assert_eq!(gate.cdf(f64::NEG_INFINITY), 0.0, "{name}");
            assert_eq!(gate.cdf(f64::INFINITY), 1.0, "{name}");
            assert_eq!(gate.cdf(0.0), 0.5, "{name}");
            assert!(gate.cdf(f64::NAN).is_nan(), "{name}");
            assert!(gate.density(f64::NAN).is_nan(), "{name}");
            assert_eq!(gate.density(f64::INFINITY), 0.0, "{name}");
            assert_eq!(gate.density(f64::NEG_INFINITY), 0.0, "{name}");
            // Monotone, within [0, 1], and the density is non-negative.
            let zs = grid(-60.0, 60.0, 24_000);
            for pair in zs.windows(2) {
                let (a, b) = (gate.cdf(pair[0]), gate.cdf(pair[1]));
                assert!(a <= b, "{name}: F({}) = {a} > F({}) = {b}", pair[0], pair[1]);
                assert!((0.0..=1.0).contains(&a), "{name}: F({}) = {a}", pair[0]);
                assert!(gate.density(pair[0]) >= 0.0, "{name}");
            }
            // Limits: far out, F is within 1e-6 of 0 and 1 (the Cauchy is the slowest, 1/(pi z)).
            assert!(gate.cdf(-1e6) < 1e-6 && gate.cdf(1e6) > 1.0 - 1e-6, "{name}");
        }
    }

    #[test]
    fn each_cdf_is_symmetric() {
        for gate in FAMILY {
            for z in grid(-30.0, 30.0, 6_000) {
                let gap = gate.cdf(-z) - (1.0 - gate.cdf(z));
                assert!(
                    gap.abs() <= 2.0 * f64::EPSILON,
                    "{}: F(-z) - (1 - F(z)) = {gap:e} at z = {z}",
                    gate.name()
                );
                assert_eq!(gate.density(-z), gate.density(z), "{} density at {z}", gate.name());
            }
        }
    }

    #[test]
    fn left_tails_keep_relative_precision() {
        // Reference values from mpmath (50 digits), rounded to f64.
        let cases: [(&dyn GateCdf, f64, f64); 6] = [
            (&Laplace, -50.0, 9.643749239819589e-23),
            (&Laplace, -700.0, 4.929838271879885e-305),
            (&Cauchy, -1e10, 3.1830988618379065e-11),
            (&Cauchy, -3.0, 0.10241638234956672),
            (&Logistic, -50.0, 1.9287498479639178e-22),
            (&Normal, -30.0, 4.906713927148187e-198),
        ];
        for (gate, z, expected) in cases {
            let got = gate.cdf(z);
            let ulps = numerics::ulps_f64(got, expected);
            assert!(ulps <= 2, "{} at {z}: got {got:e}, expected {expected:e} ({ulps} ULP)", gate.name());
        }
    }

    #[test]
    fn density_is_the_derivative_of_the_cdf() {
        // Central differences: error O(h^2 f''') plus rounding O(eps / h); h = 1e-5 gives ~1e-10.
        let h = 1e-5;
        for gate in FAMILY {
            for z in grid(-12.0, 12.0, 2_400) {
                if z.abs() < 2.0 * h && gate.name() == "Laplace" {
                    continue; // f has a kink at 0: the difference quotient straddles it
                }
                let numerical = (gate.cdf(z + h) - gate.cdf(z - h)) / (2.0 * h);
                let f = gate.density(z);
                assert!(
                    (numerical - f).abs() <= 1e-9,
                    "{} at {z}: f = {f}, difference {numerical}",
                    gate.name()
                );
            }
        }
    }

    #[test]
    fn z_times_density_matches_the_product() {
        for gate in FAMILY {
            for z in grid(-20.0, 20.0, 400) {
                let product = z * gate.density(z);
                let got = gate.z_times_density(z);
                assert!(
                    (got - product).abs() <= 4.0 * f64::EPSILON * product.abs(),
                    "{} at {z}",
                    gate.name()
                );
            }
        }
    }

    #[test]
    fn tail_constants_are_the_limits() {
        for gate in FAMILY {
            let k = gate.tail_constant();
            let z = 1e8;
            assert!((z * z * gate.density(z) - k).abs() < 1e-9, "{}", gate.name());
            assert!((-(-z) * gate.cdf(-z) - k).abs() < 1e-9, "{}", gate.name());
        }
    }

    fn check_derivatives<F: GateCdf + Copy>(cdf: F, mu: f64, s: f64) {
        let h = 1e-6;
        let g = |x: f64, mu: f64, s: f64| GatedActivation::new(cdf, mu, s).unwrap().value(x);
        let gated = GatedActivation::new(cdf, mu, s).unwrap();
        for x in grid(-8.0, 8.0, 320) {
            if cdf.name() == "Laplace" && (gated.z(x)).abs() < 1e-4 {
                continue; // the Laplace density has a kink at z = 0
            }
            let d = gated.derivatives(x);
            assert_eq!(d.value, gated.value(x));
            let numerical = [
                (g(x + h, mu, s) - g(x - h, mu, s)) / (2.0 * h),
                (g(x, mu + h, s) - g(x, mu - h, s)) / (2.0 * h),
                (g(x, mu, s + h) - g(x, mu, s - h)) / (2.0 * h),
            ];
            for (name, analytic, numerical) in
                [("dx", d.dx, numerical[0]), ("dmu", d.dmu, numerical[1]), ("ds", d.ds, numerical[2])]
            {
                let tolerance = 1e-7 * (1.0 + x.abs()) / s;
                assert!(
                    (analytic - numerical).abs() <= tolerance,
                    "{} mu = {mu} s = {s} x = {x}: {name} = {analytic}, difference {numerical}, tolerance {tolerance:e}",
                    cdf.name()
                );
            }
        }
    }

    #[test]
    fn derivatives_match_central_differences() {
        for &(mu, s) in &[(0.0, 1.0), (0.5, 2.0), (-1.0, 0.7)] {
            check_derivatives(Normal, mu, s);
            check_derivatives(Logistic, mu, s);
            check_derivatives(Laplace, mu, s);
            check_derivatives(Cauchy, mu, s);
        }
    }

    #[test]
    fn derivatives_at_the_edges() {
        for gate in FAMILY {
            let g = GatedActivation::new(gate, 0.0, 1.0).unwrap();
            let k = gate.tail_constant();
            let up = g.derivatives(f64::INFINITY);
            assert_eq!((up.value, up.dx, up.dmu, up.ds), (f64::INFINITY, 1.0, 0.0, -k), "{}", gate.name());
            let down = g.derivatives(f64::NEG_INFINITY);
            assert_eq!((down.value, down.dx, down.dmu, down.ds), (-k, 0.0, 0.0, -k), "{}", gate.name());
            let nan = g.derivatives(f64::NAN);
            assert!(nan.value.is_nan() && nan.dx.is_nan() && nan.dmu.is_nan() && nan.ds.is_nan());
            // A tiny scale: z overflows, no NaN appears.
            let sharp = GatedActivation::new(gate, 0.0, 5e-324).unwrap().derivatives(-2.0);
            assert!(!sharp.dx.is_nan() && !sharp.ds.is_nan(), "{}: {sharp:?}", gate.name());
        }
        // Heavy tail: the Cauchy's ds tends to -1/pi as s -> 0 at fixed x (not to 0).
        let c = GatedActivation::new(Cauchy, 0.0, 1e-200).unwrap().derivatives(1.0);
        assert!((c.ds + FRAC_1_PI).abs() < 1e-15, "{c:?}");
    }

    #[test]
    fn scale_and_location_are_validated() {
        for s in [0.0, -0.0, -1.0, f64::INFINITY, f64::NAN] {
            let error = GatedActivation::new(Normal, 0.0, s).unwrap_err();
            assert!(
                matches!(error, Chapter5Error::ScaleOutOfRange { s: got } if got.to_bits() == s.to_bits())
            );
        }
        for mu in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
            assert!(matches!(GatedActivation::new(Normal, mu, 1.0), Err(Chapter5Error::MuOutOfRange { .. })));
        }
    }
}
