//! The density `phi` and the upper tail `Q` at a *double-double* argument `z = t + d`.
//!
//! Chapter 5's gate `x Phi((x - mu) / sigma)` evaluates Phi at a quotient that is not an `f64`.
//! Rounding it to one costs a relative error up to 2^-53 in `z`, and Phi's condition number in
//! the left tail is about `z^2` (chapter 3's erfc form loses 729 ULP at -30 the same way). So
//! the argument is carried as a double-double `t + d` (`t = z.hi`, `|d| <= ulp(t) / 2`), and the
//! two functions below take it whole:
//!
//! * [`density_dd`]: `phi(t + d) = exp(-(t + d)^2 / 2) / sqrt(2 pi)` with the exponent
//!   `(t + d)^2 / 2 = t^2/2 + t d + d^2/2` formed as a double-double: `t^2` exactly by
//!   [`crate::two_prod`], `t d` rounded once (its error is below `2^-106 t^2`), and `d^2 / 2`
//!   dropped (it is below `2^-107 t^2`). At `|t| = 64` each is at most 2^-94 in the exponent, as
//!   is the rounding of the double-double sum (`2^-105` of `2048`), so together they are below
//!   2^-92 relative in the result, far under [`crate::exp_neg`]'s own 2^-62.
//! * [`upper_tail_dd`]: `Q(t + d) = phi(t) (R(t) - d)` to first order in `d`, with Mills' ratio
//!   `R = Q / phi`. Why: `phi(t + d) = phi(t) (1 - t d + ...)` and
//!   `R(t + d) = R(t) + (t R - 1) d + ...` (from `R' = t R - 1`), and their product is
//!   `phi(t) (R - d) + O(t d^2)`. Exactly, by Taylor's theorem with `Q' = -phi` and
//!   `Q'' = t phi`: `Q(t + d) = Q(t) - phi(t) d + xi phi(xi) d^2 / 2` for some `xi` between `t`
//!   and `t + d`. Since `xi phi(xi) / Q(xi) = xi / R(xi) < xi^2 + 1` (Gordon's inequality
//!   `R(xi) > xi / (xi^2 + 1)`), the dropped term is at most `(t^2 + 1) d^2 / 2` of the result
//!   (times `Q(xi) / Q(t + d)`, which is below `exp(|d| (xi + 1/xi)) < 1 + 2^-39` by the same
//!   inequality, `Q'/Q = -1/R`). For `|d| <= 2^-52 t` (any normalised double-double, and also
//!   `d` = one whole ULP of `t`) and `t <= 64` that is below `2^-105 t^2 (t^2 + 1) < 2^-80`:
//!   negligible next to Mills' ratio's 2^-57. The unit tests check both functions against the
//!   `f64` ones at `t + ulp(t)`, where the sum is an `f64`, and against mpmath at double-double
//!   arguments beyond 40.
//!
//! Both return [`Scaled`] values, unrounded, so that a caller multiplies or adds them and rounds
//! once (as [`crate::gelu`] does for `x Phi(x)`).

use crate::double_double::{DoubleDouble, two_prod};
use crate::mills_ratio::{MILLS_RATIO_MAX, mills_ratio};
use crate::normal_cdf::FRAC_1_SQRT_2PI;
use crate::normal_pdf::density;
use crate::scaled::Scaled;
use crate::scaled_exp::exp_neg;

/// The largest `|z.hi|` that [`density_dd`] accepts (`64^2 / 2 = 2048`, inside `[0, 2800]`, the
/// domain of [`crate::exp_neg`]); `phi(64) = 2^-2956`: even `f64::MAX` times it is below 2^-1931.
pub const DENSITY_DD_MAX: f64 = 64.0;

/// The largest `z.hi` that [`upper_tail_dd`] accepts, the domain of [`crate::mills_ratio`];
/// `Q(64) = 2^-2962`: even `f64::MAX` times it is below 2^-1937, far below the smallest subnormal.
pub const UPPER_TAIL_DD_MAX: f64 = MILLS_RATIO_MAX;

/// The standard normal density at a double-double argument,
/// `phi(z.hi + z.lo) = exp(-(z.hi + z.lo)^2 / 2) / sqrt(2 pi)`, unrounded, as a [`Scaled`] value
/// (mantissa in about `[0.2, 0.42]`, exponent down to -2954 at `|z| = 64`).
///
/// Domain: `|z.hi| <= 64` ([`DENSITY_DD_MAX`]) and `|z.lo| <= 2^-50 |z.hi|` (any normalised
/// double-double). Relative error below about 2^-62 (see the module documentation: the dropped
/// `d^2 / 2` and the roundings in the exponent add less than 2^-92). `phi` is even, so the sign of `z`
/// does not matter.
///
/// Bad input: NaN or `|z.hi| > 64` gives a NaN mantissa (no panic); round with
/// [`Scaled::to_f64`].
///
/// ```
/// use numerics::{DoubleDouble, density_dd, std_normal_pdf};
/// // At an f64 argument it is the density, rounded once:
/// assert_eq!(density_dd(DoubleDouble::from(1.0)).to_f64(), std_normal_pdf(1.0));
/// // The low part counts: 30 + 2^-45 is not an f64, and phi falls by 30 * 2^-45 relative there.
/// let z = DoubleDouble::new(30.0, 2f64.powi(-45));
/// let shifted = density_dd(z).to_f64() / std_normal_pdf(30.0);
/// assert!((shifted - (1.0 - 30.0 * 2f64.powi(-45))).abs() < 1e-15);
/// assert!(density_dd(DoubleDouble::from(f64::NAN)).mantissa.hi.is_nan());
/// ```
pub fn density_dd(z: DoubleDouble) -> Scaled {
    let (t, d) = if z.hi < 0.0 { (-z.hi, -z.lo) } else { (z.hi, z.lo) };
    if t.is_nan() || t > DENSITY_DD_MAX {
        return Scaled { mantissa: DoubleDouble::new(f64::NAN, f64::NAN), exponent: 0 };
    }
    // ANCHOR: density_dd
    // (t + d)^2 / 2 = (p + e) / 2 + t d + d^2 / 2, with t^2 = p + e exactly; d^2 / 2 is dropped.
    let (p, e) = two_prod(t, t);
    let exponent = DoubleDouble::new(0.5 * p, 0.5 * e) + t * d;
    let gaussian = exp_neg(exponent);
    Scaled { mantissa: gaussian.mantissa * FRAC_1_SQRT_2PI, exponent: gaussian.exponent }
    // ANCHOR_END: density_dd
}

/// The upper tail `Q(z) = P(Z > z) = 1 - Phi(z)` at a double-double argument `z = t + d`
/// (`t = z.hi`, `d = z.lo`), to first order in `d`: `Q(t + d) = phi(t) (R(t) - d)`, unrounded,
/// as a [`Scaled`] value (mantissa in about `[0.003, 0.53]`, exponent down to -2954 at 64).
///
/// Domain: `0 <= z.hi <= 64` ([`UPPER_TAIL_DD_MAX`]) and `|z.lo| <= 2^-52 z.hi` (any normalised
/// double-double). Error bound: the first-order formula drops at most `(t^2 + 1) d^2 / 2` relative
/// (below 2^-80 on the domain, derived in the module documentation); Mills' ratio adds about
/// 2^-57 and the density 2^-62, so the relative error is below about 2^-57, as for
/// [`crate::upper_tail`]. The unit tests hold it below 2^-55 against `upper_tail(t + ulp(t))`
/// and against mpmath.
///
/// Bad input: NaN or `z.hi` outside `[0, 64]` gives a NaN mantissa (no panic). For `Phi` of a
/// negative argument use `Phi(-s) = Q(s)`.
///
/// ```
/// use numerics::{DoubleDouble, upper_tail, upper_tail_dd};
/// assert_eq!(upper_tail_dd(DoubleDouble::from(1.0)).to_f64(), upper_tail(1.0).to_f64());
/// // Q(30 + 2^-45) is Q(30) times (1 - 30 * 2^-45) to first order (Q'/Q = -1/R ~ -t):
/// let z = DoubleDouble::new(30.0, 2f64.powi(-45));
/// let ratio = upper_tail_dd(z).to_f64() / upper_tail(30.0).to_f64();
/// assert!((ratio - (1.0 - 30.0333 * 2f64.powi(-45))).abs() < 1e-15);
/// assert!(upper_tail_dd(DoubleDouble::from(-1.0)).mantissa.hi.is_nan());
/// ```
pub fn upper_tail_dd(z: DoubleDouble) -> Scaled {
    let DoubleDouble { hi: t, lo: d } = z;
    if !(0.0..=UPPER_TAIL_DD_MAX).contains(&t) {
        return Scaled { mantissa: DoubleDouble::new(f64::NAN, f64::NAN), exponent: 0 };
    }
    // ANCHOR: upper_tail_dd
    let gaussian = density(t);
    // R(t) - d: R(t) >= 0.0156 on [0, 64] and |d| <= 2^-46, so the sum never cancels.
    let first_order = mills_ratio(t) + -d;
    Scaled { mantissa: gaussian.mantissa * first_order, exponent: gaussian.exponent }
    // ANCHOR_END: upper_tail_dd
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normal_cdf::upper_tail;

    /// Relative difference of two scaled values.
    fn relative_difference(a: Scaled, b: Scaled) -> f64 {
        let shift = b.exponent - a.exponent;
        let a = a.mantissa * 2f64.powi(-shift);
        ((a - b.mantissa).hi / b.mantissa.hi).abs()
    }

    /// Arguments over the whole domain, away from 0 (where `t + ulp(t)` is subnormal).
    fn arguments(max: f64) -> impl Iterator<Item = f64> {
        (1..=4000).map(move |i| max * f64::from(i) / 4000.0).chain([0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 37.5])
    }

    #[test]
    fn upper_tail_follows_the_low_part_to_first_order() {
        // t + ulp(t) and t - ulp(t) are f64 values, so upper_tail gives the reference. Without
        // the `- d` term the ratio would be off by about t^2 * 2^-52 (2^-42 at t = 30).
        for t in arguments(UPPER_TAIL_DD_MAX.next_down()) {
            for neighbour in [t.next_up(), t.next_down()] {
                let d = neighbour - t; // exact
                let ours = upper_tail_dd(DoubleDouble::new(t, d));
                let reference = upper_tail(neighbour);
                let error = relative_difference(ours, reference);
                assert!(error < 2f64.powi(-55), "t = {t}, d = {d:e}: relative {error:e}");
            }
        }
    }

    #[test]
    fn density_follows_the_low_part() {
        for t in arguments(DENSITY_DD_MAX.next_down()) {
            for neighbour in [t.next_up(), t.next_down()] {
                let d = neighbour - t;
                for sign in [1.0, -1.0] {
                    let ours = density_dd(DoubleDouble::new(sign * t, sign * d));
                    let reference = density(neighbour);
                    let error = relative_difference(ours, reference);
                    assert!(error < 2f64.powi(-60), "t = {t}, d = {d:e}: relative {error:e}");
                }
            }
        }
    }

    #[test]
    fn beyond_40_both_match_mpmath_at_double_double_arguments() {
        // (t, d, Q(t + d) or phi(t + d) as (hi + lo) 2^exponent): mpmath 1.3.0, 320 bits.
        // Here t |d| is up to 2^-41: without the low part, both would be off by about that much.
        let q_exact = [
            (40.25, 2.6290081223123707e-15, 0.8203881560946382, 3.0843162268353254e-17, -1175),
            (44.0, -3.552713678800501e-15, 0.8040050689706212, -2.922072601356301e-17, -1403),
            (48.8, 3.481659405224491e-15, 0.5819626347275607, 2.3934700176454795e-17, -1724),
            (52.5, -1.4921397450962103e-15, 0.8382080253692349, -1.411327727084272e-18, -1995),
            (53.85, 3.552713678800501e-15, 0.5521416386077268, 2.140061109137212e-17, -2098),
            (57.0, 7.815970093361102e-16, 0.5675519251753753, 3.1968710440891084e-17, -2350),
            (62.4, -3.126388037344441e-15, 0.9701544355408326, -1.62767716676238e-18, -2816),
            (64.0, 7.105427357601002e-15, 0.5120853491076212, -4.571663292902424e-17, -2961),
            (64.0, -7.105427357601002e-15, 0.512085349108087, -4.273556023363421e-17, -2961),
        ];
        let phi_exact = [
            (40.25, 2.6290081223123707e-15, 0.5162653205026869, -1.2548519048601293e-17, -1169),
            (44.0, -3.552713678800501e-15, 0.5530387038882414, -2.5402296389690407e-17, -1397),
            (48.8, 3.481659405224491e-15, 0.8878653763798656, -1.815392674688172e-17, -1719),
            (52.5, -1.4921397450962103e-15, 0.6878418067935159, 2.694151415624581e-17, -1989),
            (53.85, 3.552713678800501e-15, 0.9294710470661895, -4.4225325597320914e-17, -2093),
            (57.0, 7.815970093361102e-16, 0.5056314166628798, -5.2000087322470906e-17, -2344),
            (62.4, -3.126388037344441e-15, 0.9461433773270459, 2.3381495871345446e-17, -2810),
            (64.0, 7.105427357601002e-15, 0.5122103089738589, 1.513489933699885e-17, -2955),
            (64.0, -7.105427357601002e-15, 0.5122103089743247, 1.8115972032388887e-17, -2955),
        ];
        let scaled = |hi, lo, exponent| Scaled { mantissa: DoubleDouble::new(hi, lo), exponent };
        for (t, d, hi, lo, exponent) in q_exact {
            let error = relative_difference(upper_tail_dd(DoubleDouble::new(t, d)), scaled(hi, lo, exponent));
            assert!(error < 2f64.powi(-55), "Q at t = {t}, d = {d:e}: relative {error:e}");
        }
        for (t, d, hi, lo, exponent) in phi_exact {
            let error = relative_difference(density_dd(DoubleDouble::new(-t, -d)), scaled(hi, lo, exponent));
            assert!(error < 2f64.powi(-60), "phi at t = {t}, d = {d:e}: relative {error:e}");
        }
    }

    #[test]
    fn a_plain_f64_argument_gives_the_f64_functions() {
        for t in arguments(UPPER_TAIL_DD_MAX) {
            assert_eq!(upper_tail_dd(DoubleDouble::from(t)).to_f64(), upper_tail(t).to_f64(), "t = {t}");
            assert_eq!(density_dd(DoubleDouble::from(-t)).to_f64(), density(t).to_f64(), "t = {t}");
        }
    }

    #[test]
    fn bad_arguments_give_nan() {
        let beyond = DENSITY_DD_MAX.next_up();
        for z in [f64::NAN, beyond, -beyond, 64.5, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(density_dd(DoubleDouble::from(z)).mantissa.hi.is_nan(), "{z}");
        }
        let beyond = UPPER_TAIL_DD_MAX.next_up();
        for z in [f64::NAN, -0.5, -f64::MIN_POSITIVE, beyond, 64.5, f64::INFINITY] {
            assert!(upper_tail_dd(DoubleDouble::from(z)).mantissa.hi.is_nan(), "{z}");
        }
        // The ends of the domains themselves are inside.
        assert!(!density_dd(DoubleDouble::from(-DENSITY_DD_MAX)).mantissa.hi.is_nan());
        assert!(!upper_tail_dd(DoubleDouble::from(UPPER_TAIL_DD_MAX)).mantissa.hi.is_nan());
    }
}
