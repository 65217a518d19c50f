//! The standard normal density `phi(x) = exp(-x^2/2) / sqrt(2 pi)`, rounded once.

use crate::normal_cdf::FRAC_1_SQRT_2PI;
use crate::scaled::Scaled;
use crate::scaled_exp::exp_neg_half_square;

/// Beyond this `|x|`, `phi(x) < e^-1058` rounds to `+0.0` (the smallest subnormal is
/// `2^-1074 = e^-744.4`).
const DENSITY_ZERO_FROM: f64 = 46.0;

/// The standard normal probability density, `phi(x) = exp(-x^2/2) / sqrt(2 pi)`, the
/// derivative of [`crate::std_normal_cdf`].
///
/// Defined for every `f64`; never panics: NaN gives NaN; `+-inf` give `+0.0`; results are
/// subnormal for `37.5 < |x| <= 38.6` and `+0.0` beyond.
///
/// **Accuracy**: `exp(-x^2/2)` is formed from the exact double-double `x^2/2` (relative error
/// below 2^-62, see [`crate::exp_neg`]), multiplied by `1/sqrt(2 pi)` in double-double and
/// rounded once, subnormals included. So the result is within 1 ULP everywhere and correctly
/// rounded unless the exact value lies within about 2^-60 of a halfway point: on the 2231 rows of
/// `reference/density_reference.csv` (mpmath) every result is correctly rounded.
///
/// ```
/// use numerics::std_normal_pdf;
/// assert_eq!(std_normal_pdf(0.0), 0.3989422804014327);
/// assert_eq!(std_normal_pdf(1.0), 0.24197072451914334);
/// assert_eq!(std_normal_pdf(-1.0), std_normal_pdf(1.0));
/// assert_eq!(std_normal_pdf(38.0), 1.097221052e-314); // subnormal, rounded once
/// assert_eq!(std_normal_pdf(f64::INFINITY), 0.0);
/// assert!(std_normal_pdf(f64::NAN).is_nan());
/// ```
pub fn std_normal_pdf(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x.abs() > DENSITY_ZERO_FROM {
        return 0.0;
    }
    density(x.abs()).to_f64()
}

/// `phi(t)` unrounded, as a [`Scaled`] value, for `0 <= t <= 74.8` (the domain of
/// [`exp_neg_half_square`]); NaN mantissa beyond.
pub(crate) fn density(t: f64) -> Scaled {
    let gaussian = exp_neg_half_square(t);
    Scaled { mantissa: gaussian.mantissa * FRAC_1_SQRT_2PI, exponent: gaussian.exponent }
}
