//! Mills' ratio `R(t) = Q(t) / phi(t)` in double-double, for `0 <= t <= 64`.
//!
//! Here `Q(t) = P(Z > t) = 1 - Phi(t)` is the upper tail and `phi(t) = exp(-t^2/2) / sqrt(2 pi)`
//! the density. Q falls from 1/2 to 1e-324 on [0, 38.5]; R only from `sqrt(pi/2) = 1.2533`
//! to 0.026: dividing out the Gaussian factor leaves a smooth, slowly varying function,
//! roughly `1/t` for large t, that polynomials approximate well. (Its differential equation
//! `R'(t) = t R(t) - 1` follows from `Q' = -phi` and `phi' = -t phi`.)
//!
// ANCHOR: pieces
//! * On `[0, 16)`: six polynomial pieces, one per binade `[2^j, 2^(j+1))` plus `[0, 1/2)`,
//!   with coefficients fitted by `reference/make_coefficients.py` (degrees 13 to 23, relative
//!   error of each polynomial below 2^-62). Binades suit a `1/t`-like function: on `[a, 2a]`
//!   its relative behaviour is the same for every `a`.
// ANCHOR_END: pieces
//! * On `[16, 64]`: the classical asymptotic series (integrate `Q(t) = int_t^inf phi` by
//!   parts again and again):
//!
//!   `R(t) = 1/t * (1 - 1/t^2 + 3/t^4 - 15/t^6 + ... + (-1)^n (2n-1)!!/t^(2n) + remainder)`.
//!
//!   It diverges for fixed t as n grows, but its remainder has the sign of, and is smaller
//!   than, the first omitted term. With 14 terms that term is `27!!/t^28 < 2^-64` at t = 16,
//!   and it only shrinks for larger t (2^-120 at t = 64).

use crate::double_double::DoubleDouble;
use crate::mills_ratio_coefficients::PIECES;

/// One polynomial piece: `R(t) = sum_k c_k s^k` with `s = t - center`, valid for
/// `t < upper` (and above the previous piece's `upper`).
///
/// The low-order coefficients `c_0..c_3` are double-doubles (`lead`); `c_4, c_5, ...`
/// (`tail`) are plain `f64`. On every piece the terms from `c_4 s^4` on add up to at most
/// 2^-5.5 of R, so evaluating them in `f64` (relative error a few 2^-53) costs at most about
/// 2^-57 of R. The four last Horner steps, which carry the bulk of the value, are done in
/// double-double.
pub(crate) struct Piece {
    /// Exclusive upper end of the piece.
    pub upper: f64,
    /// Expansion point. Chosen so that `t - center` is exact for every t of the piece
    /// (Sterbenz's lemma: `y/2 <= x <= 2y` implies that `x - y` is exact), or 0.
    pub center: f64,
    /// `c_0, c_1, c_2, c_3`.
    pub lead: [DoubleDouble; 4],
    /// `c_4, c_5, ...`.
    pub tail: &'static [f64],
}

impl Piece {
    fn evaluate(&self, t: f64) -> DoubleDouble {
        let s = t - self.center; // exact
        let tail = self.tail.iter().rev().fold(0.0, |acc, &c| acc * s + c);
        self.lead.iter().rev().fold(DoubleDouble::from(tail), |acc, &c| acc.mul_add(s, c))
    }
}

/// The end of the domain of [`mills_ratio`]: far enough for `Q(64) = 2^-2962`, below
/// `2^-2099 = 2^-1075 / 2^1024`, where even the largest `f64` times `Q` rounds to zero.
pub(crate) const MILLS_RATIO_MAX: f64 = 64.0;

/// Where the asymptotic series takes over from the polynomial pieces.
const ASYMPTOTIC_FROM: f64 = 16.0;

/// Number of terms of the asymptotic series (`k = 0..ASYMPTOTIC_TERMS`).
const ASYMPTOTIC_TERMS: usize = 14;

/// `(-1)^k (2k-1)!!` for `k < ASYMPTOTIC_TERMS` (with `(-1)!! = 1`). All are integers below
/// 2^53, so they are exact `f64` values.
const ASYMPTOTIC_COEFFICIENTS: [f64; ASYMPTOTIC_TERMS] = {
    let mut table = [1.0; ASYMPTOTIC_TERMS];
    let mut k = 1;
    while k < ASYMPTOTIC_TERMS {
        table[k] = -table[k - 1] * (2 * k - 1) as f64;
        k += 1;
    }
    table
};

/// Mills' ratio `R(t) = Q(t) / phi(t)` for `0 <= t <= 64`, as a double-double with relative
/// error below about 2^-57 (measured below 2^-59).
///
/// Bad input: NaN, or `t` outside `[0, 64]`, gives NaN (no panic).
///
/// ```
/// use numerics::mills_ratio;
/// // R(0) = sqrt(pi/2), and R(t) is close to 1/t for large t:
/// assert_eq!(mills_ratio(0.0).hi, 1.2533141373155003);
/// assert!((mills_ratio(30.0).hi * 30.0 - 1.0).abs() < 1.2e-3);
/// assert!((mills_ratio(64.0).hi * 64.0 - 1.0).abs() < 2.5e-4);
/// assert!(mills_ratio(-1.0).hi.is_nan());
/// assert!(mills_ratio(64.5).hi.is_nan());
/// ```
pub fn mills_ratio(t: f64) -> DoubleDouble {
    if !(0.0..=MILLS_RATIO_MAX).contains(&t) {
        return DoubleDouble::new(f64::NAN, f64::NAN);
    }
    if t < ASYMPTOTIC_FROM {
        // The pieces are few and sorted: a linear search is as fast as anything cleverer.
        let piece = PIECES.iter().find(|piece| t < piece.upper).unwrap_or(&PIECES[PIECES.len() - 1]);
        piece.evaluate(t)
    } else {
        asymptotic_series(t)
    }
}

/// `R(t) = (1/t) * (1 - u + u^2 * (3 - 15u + 105u^2 - ...))` with `u = 1/t^2 <= 2^-8`.
///
/// `1/t` and `1 - u` are formed in double-double; the rest is at most `3u^2 < 2^-14` of the
/// sum, so plain `f64` suffices for it.
// ANCHOR: asymptotic_series
fn asymptotic_series(t: f64) -> DoubleDouble {
    let inv_t = DoubleDouble::ONE / t;
    let u = inv_t * inv_t;
    let u_f64 = u.hi;
    let higher = ASYMPTOTIC_COEFFICIENTS[2..].iter().rev().fold(0.0, |acc, &c| acc * u_f64 + c);
    let series = (DoubleDouble::ONE - u) + u_f64 * u_f64 * higher;
    inv_t * series
}
// ANCHOR_END: asymptotic_series

#[cfg(test)]
mod tests {
    use super::*;

    /// sqrt(pi/2) as a double-double.
    const SQRT_FRAC_PI_2: DoubleDouble = DoubleDouble::new(1.2533141373155003, -9.164289990229583e-17);

    fn relative_difference(a: DoubleDouble, b: DoubleDouble) -> f64 {
        ((a - b).hi / b.hi).abs()
    }

    #[test]
    fn asymptotic_coefficients_are_double_factorials() {
        assert_eq!(ASYMPTOTIC_COEFFICIENTS[..5], [1.0, -1.0, 3.0, -15.0, 105.0]);
        // 25!! = 7_905_853_580_625: still an exact f64.
        assert_eq!(ASYMPTOTIC_COEFFICIENTS[13], -7_905_853_580_625.0);
    }

    #[test]
    fn pieces_are_sorted_and_centers_make_the_shift_exact() {
        let mut lower = 0.0;
        for piece in &PIECES {
            assert!(piece.upper > lower);
            assert!(
                piece.center == 0.0 || (piece.center / 2.0 <= lower && piece.upper <= 2.0 * piece.center)
            );
            lower = piece.upper;
        }
        assert_eq!(lower, ASYMPTOTIC_FROM);
    }

    #[test]
    fn horner_steps_in_double_double_never_cancel() {
        // DoubleDouble::mul_add needs |acc * s| < |c| / 2 in each of the last four steps.
        let mut lower = 0.0;
        for piece in &PIECES {
            for i in 0..=1000 {
                let s = lower + (piece.upper - lower) * f64::from(i) / 1000.0 - piece.center;
                let mut acc = piece.tail.iter().rev().fold(0.0, |acc, &c| acc * s + c);
                for c in piece.lead.iter().rev() {
                    assert!((acc * s).abs() < 0.5 * c.hi.abs(), "piece below {}, s = {s}", piece.upper);
                    acc = acc * s + c.hi;
                }
            }
            lower = piece.upper;
        }
    }

    #[test]
    fn value_at_zero_is_sqrt_pi_over_2() {
        assert!(relative_difference(mills_ratio(0.0), SQRT_FRAC_PI_2) < 2f64.powi(-62));
    }

    #[test]
    fn both_methods_agree_at_the_switch() {
        // The last piece is fitted on [8, 16] including its end point, so at t = 16 both
        // methods apply; they must agree to far better than f64 precision.
        let polynomial = PIECES[PIECES.len() - 1].evaluate(ASYMPTOTIC_FROM);
        let series = asymptotic_series(ASYMPTOTIC_FROM);
        assert!(relative_difference(polynomial, series) < 2f64.powi(-60), "{polynomial:?} {series:?}");
    }

    #[test]
    fn the_series_matches_mpmath_up_to_the_end_of_the_domain() {
        // (t, R(t) as hi + lo): mpmath 1.3.0, 320 bits, R = (erfc(t/sqrt 2)/2) / phi(t).
        let exact = [
            (40.0, 0.02498440420572057, 3.7330316278653e-19),
            (40.5, 0.02467633206226557, 4.1572650149864134e-19),
            (45.0, 0.022211264503002377, -1.5717617379877837e-18),
            (47.3, 0.02113221202293798, 5.988266632933201e-19),
            (50.0, 0.019992009580853568, -8.79116209684781e-19),
            (53.85, 0.018563704873813827, 1.2603051125761107e-18),
            (58.125, 0.017199213324094496, -3.5346715628704217e-19),
            (61.7, 0.016203201379611096, 1.2374702672122898e-18),
            (MILLS_RATIO_MAX, 0.01562118809329731, -6.297884238523957e-19),
        ];
        for (t, hi, lo) in exact {
            let error = relative_difference(mills_ratio(t), DoubleDouble::new(hi, lo));
            assert!(error < 2f64.powi(-59), "t = {t}: {error:e}");
        }
        assert!(mills_ratio(MILLS_RATIO_MAX.next_up()).hi.is_nan());
    }

    #[test]
    fn satisfies_its_differential_equation() {
        // R' = tR - 1: check it with a centred difference at a few points of every piece.
        for &t in &[0.3, 0.7, 1.2, 1.9, 2.5, 3.9, 5.0, 7.5, 9.0, 15.0, 17.0, 30.0, 39.0, 45.0, 63.9] {
            let h = 1e-5;
            let derivative = (mills_ratio(t + h) - mills_ratio(t - h)).hi / (2.0 * h);
            let r = mills_ratio(t).hi;
            let rhs = t * r - 1.0;
            assert!((derivative - rhs).abs() < 1e-9 * r, "t = {t}: {derivative} vs {rhs}");
        }
    }
}
