//! Double-double arithmetic: a real number carried as the unevaluated sum `hi + lo` of two `f64`,
//! with `|lo| <= ulp(hi) / 2`. That is about 106 significant bits, enough to compute an argument
//! such as `sqrt(2/pi) (x + 0.044715 x^3)` so accurately that its rounding no longer matters.
//!
//! Everything rests on two error-free transformations: the rounding error of a sum or a product of
//! two `f64` is itself an `f64`, and can be recovered exactly ([`Dd::two_sum`], [`Dd::two_prod`]).

use std::f64::consts::LOG2_E;
use std::ops::{Add, Div, Mul, Neg};

/// A double-double: the unevaluated sum `hi + lo` of two `f64`, with `|lo| <= ulp(hi) / 2`, about
/// 106 significant bits. Built from the exact [`Dd::two_sum`] and [`Dd::two_prod`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dd {
    /// The leading part: `hi + lo` rounded to the nearest `f64`.
    pub hi: f64,
    /// The trailing part: what `hi` leaves out, `|lo| <= ulp(hi) / 2`.
    pub lo: f64,
}

impl Dd {
    /// One, exactly.
    pub const ONE: Dd = Dd { hi: 1.0, lo: 0.0 };

    /// The double-double `hi + lo`; `hi` must be `hi + lo` rounded (not checked).
    ///
    /// ```
    /// use chapter4::Dd;
    /// let third = Dd::new(1.0 / 3.0, 1.850371707708594e-17);
    /// assert_eq!(third.to_f64(), 1.0 / 3.0);
    /// ```
    pub const fn new(hi: f64, lo: f64) -> Dd {
        Dd { hi, lo }
    }

    /// `a + b` exactly, for any finite `a`, `b` (Knuth's TwoSum, 6 additions, no branch).
    /// Overflow gives infinities or NaN, as `a + b` would.
    ///
    /// ```
    /// use chapter4::Dd;
    /// let s = Dd::two_sum(1.0, 1e-20); // 1 + 1e-20 does not fit in one f64 ...
    /// assert_eq!((s.hi, s.lo), (1.0, 1e-20)); // ... but it fits in two.
    /// ```
    pub fn two_sum(a: f64, b: f64) -> Dd {
        let hi = a + b;
        let b_virtual = hi - a;
        let a_virtual = hi - b_virtual;
        let lo = (a - a_virtual) + (b - b_virtual);
        Dd { hi, lo }
    }

    /// `a + b` exactly when `|a| >= |b|` (or `a == 0`): Dekker's FastTwoSum, 3 additions.
    ///
    /// ```
    /// use chapter4::Dd;
    /// let s = Dd::fast_two_sum(1.0, 1e-20);
    /// assert_eq!((s.hi, s.lo), (1.0, 1e-20));
    /// ```
    pub fn fast_two_sum(a: f64, b: f64) -> Dd {
        let hi = a + b;
        let lo = b - (hi - a);
        Dd { hi, lo }
    }

    /// `a * b` exactly, as long as the product neither overflows nor falls below about `2^-969`
    /// (where the rounding error would be subnormal). One fused multiply-add recovers the
    /// rounding error of the product: `fma(a, b, -hi)` is computed with a single rounding and is
    /// exactly representable.
    ///
    /// ```
    /// use chapter4::Dd;
    /// let p = Dd::two_prod(0.1, 0.1);
    /// assert_eq!(p.hi, 0.1 * 0.1);
    /// assert!(p.lo != 0.0); // the part of 0.1 * 0.1 (of the f64 0.1) that 0.1 * 0.1 dropped
    /// ```
    pub fn two_prod(a: f64, b: f64) -> Dd {
        let hi = a * b;
        let lo = a.mul_add(b, -hi);
        Dd { hi, lo }
    }

    /// `self * b` for an `f64` `b`, relative error about `2^-104`.
    ///
    /// ```
    /// use chapter4::Dd;
    /// assert_eq!(Dd::new(0.5, 1e-20).mul_f64(4.0), Dd::new(2.0, 4e-20));
    /// ```
    pub fn mul_f64(self, b: f64) -> Dd {
        let p = Dd::two_prod(self.hi, b);
        Dd::fast_two_sum(p.hi, p.lo + self.lo * b)
    }

    /// `hi + lo` rounded to the nearest `f64` (that is `hi` itself, when normalised).
    ///
    /// ```
    /// use chapter4::Dd;
    /// assert_eq!(Dd::new(1.0, 1e-20).to_f64(), 1.0);
    /// ```
    pub fn to_f64(self) -> f64 {
        self.hi + self.lo
    }
}

/// `a + b`, relative error about `2^-104` when `a` and `b` have the same sign (no cancellation;
/// with cancellation the error is still about `2^-104 * max(|a|, |b|)`).
///
/// ```
/// use chapter4::Dd;
/// let s = Dd::new(1.0, 1e-20) + Dd::new(1e-17, 0.0);
/// assert_eq!(s.hi, 1.0 + 1e-17);
/// ```
impl Add for Dd {
    type Output = Dd;

    fn add(self, other: Dd) -> Dd {
        let s = Dd::two_sum(self.hi, other.hi);
        Dd::fast_two_sum(s.hi, s.lo + (self.lo + other.lo))
    }
}

/// `a * b`, relative error about `2^-104` (the tiny `a.lo * b.lo` is dropped).
///
/// ```
/// use chapter4::Dd;
/// let p = Dd::new(3.0, 0.0) * Dd::new(1.0 / 3.0, 1.850371707708594e-17);
/// assert_eq!(p.to_f64(), 1.0);
/// ```
impl Mul for Dd {
    type Output = Dd;

    fn mul(self, other: Dd) -> Dd {
        let p = Dd::two_prod(self.hi, other.hi);
        Dd::fast_two_sum(p.hi, p.lo + (self.hi * other.lo + self.lo * other.hi))
    }
}

/// `a / b`, relative error about `2^-104`: one `f64` quotient `q`, then one correction from the
/// exact remainder `a - q b`. `b` must be nonzero.
///
/// ```
/// use chapter4::Dd;
/// let third = Dd::ONE / Dd::new(3.0, 0.0);
/// assert_eq!(third, Dd::new(1.0 / 3.0, 1.850371707708594e-17));
/// ```
impl Div for Dd {
    type Output = Dd;

    fn div(self, other: Dd) -> Dd {
        let q1 = self.hi / other.hi;
        // remainder = self - q1 * other; q1 * other.hi is formed exactly by two_prod.
        let p = Dd::two_prod(q1, other.hi);
        let remainder = ((self.hi - p.hi) - p.lo) + self.lo - q1 * other.lo;
        Dd::fast_two_sum(q1, remainder / other.hi)
    }
}

/// `-a`, exactly.
///
/// ```
/// use chapter4::Dd;
/// assert_eq!(-Dd::new(1.0, 1e-20), Dd::new(-1.0, -1e-20));
/// ```
impl Neg for Dd {
    type Output = Dd;

    fn neg(self) -> Dd {
        Dd { hi: -self.hi, lo: -self.lo }
    }
}

// ln 2 in three pieces. LN2_A has 40 significant bits, so `k * LN2_A` is exact for |k| < 2^13.
const LN2_A: f64 = 0.6931471805592082;
const LN2_B: f64 = 7.371002565167799e-13;
const LN2_C: f64 = 1.94704509238075e-31;

// 1/3!, 1/4!, ..., 1/14!: the Taylor tail of e^r after 1 + r + r^2/2.
const INV_FACTORIALS: [f64; 12] = [
    0.16666666666666666,
    0.041666666666666664,
    0.008333333333333333,
    0.001388888888888889,
    0.0001984126984126984,
    2.48015873015873e-05,
    2.7557319223985893e-06,
    2.755731922398589e-07,
    2.505210838544172e-08,
    2.08767569878681e-09,
    1.6059043836821613e-10,
    1.1470745597729725e-11,
];

/// `e^z` for a double-double `z`, returned as a double-double mantissa `m` and a power of two
/// `k`: `e^z = (m.hi + m.lo) * 2^k`, with `m` in `[0.70, 1.42]` and relative error below `2^-60`.
///
/// Keeping `2^k` apart lets the caller apply it last, so nothing underflows early: the result may
/// be far below the smallest `f64` (`e^-5000` is fine) while `m` keeps all its bits.
///
/// Domain: `|z.hi| <= 5000` (so that `k` fits the exact range reduction); NaN or larger `|z|` give
/// meaningless output (no panic).
///
/// Method: `k = round(z / ln 2)`, `r = z - k ln 2` computed in double-double with ln 2 in three
/// pieces (so `|r| <= 0.347`), then `e^r = 1 + r + r^2/2 + r^3 (1/3! + r/4! + ... + r^11/14!)`:
/// the first three terms carried exactly, the tail (below 0.008) in plain `f64` (its rounding,
/// about `2^-61`, is the main error). The Taylor remainder `r^15/15!` is below `2^-63`.
///
/// ```
/// use chapter4::{Dd, exp_dd};
/// let (m, k) = exp_dd(Dd::new(-1000.0, 0.0));
/// assert_eq!(k, -1443); // e^-1000 = m 2^-1443: far below the smallest f64, 2^-1074
/// assert!((m.hi - 1.2353836).abs() < 1e-7); // e^(1443 ln 2 - 1000)
/// ```
pub fn exp_dd(z: Dd) -> (Dd, i32) {
    let k = (z.hi * LOG2_E).round();
    // z.hi - k LN2_A is exact (Sterbenz: the two are within a factor 2, or k = 0); k LN2_B is
    // split exactly by two_prod, and k LN2_C (below 2^-80) is a plain product.
    let lead = z.hi - k * LN2_A;
    let k_ln2_b = Dd::two_prod(k, LN2_B);
    let s = Dd::two_sum(lead, -k_ln2_b.hi);
    let r = Dd::fast_two_sum(s.hi, (s.lo - k_ln2_b.lo) + (z.lo - k * LN2_C));

    // Taylor tail r^3 (1/3! + r/4! + ...), Horner in f64.
    let mut poly = 0.0;
    for c in INV_FACTORIALS.iter().rev() {
        poly = poly * r.hi + c;
    }
    let tail = r.hi * r.hi * r.hi * poly;

    // 1 + r + r^2/2 + tail, with r^2/2 = r.hi^2/2 + r.hi r.lo (+ r.lo^2/2, below 2^-110). The
    // three large terms are summed exactly (two_sum); the small ones, near 2^-54, in plain f64.
    let sq = Dd::two_prod(r.hi, r.hi);
    let s1 = Dd::fast_two_sum(1.0, r.hi);
    let s2 = Dd::two_sum(s1.hi, 0.5 * sq.hi);
    let s3 = Dd::two_sum(s2.hi, tail);
    let lo = s1.lo + s2.lo + s3.lo + r.lo + 0.5 * sq.lo + r.hi * r.lo;
    (Dd::fast_two_sum(s3.hi, lo), k as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_sum_and_two_prod_are_exact() {
        let s = Dd::two_sum(0.1, 0.2);
        // 0.1 + 0.2 = 0.30000000000000004 in f64; the exact sum of the two f64 is 2^-56 less.
        assert_eq!(s.hi, 0.30000000000000004);
        assert_eq!(s.lo, -2.7755575615628914e-17);
        let p = Dd::two_prod(1.0 + f64::EPSILON, 1.0 + f64::EPSILON);
        assert_eq!((p.hi, p.lo), (1.0 + 2.0 * f64::EPSILON, f64::EPSILON * f64::EPSILON));
    }

    #[test]
    fn exp_dd_matches_libm_and_splits_the_exponent() {
        for i in -2000..=2000 {
            let z = i as f64 * 0.37;
            let (m, k) = exp_dd(Dd::new(z, 0.0));
            assert!((0.70..=1.42).contains(&m.hi), "z = {z}: mantissa {m:?}");
            if (-700.0..=700.0).contains(&z) {
                let ours = libm::scalbn(m.hi, k);
                let theirs = libm::exp(z);
                // libm's exp is within 1 ULP; ours is within about 0.5 ULP.
                assert!((ours - theirs).abs() <= 2.0 * f64::EPSILON * theirs, "z = {z}");
            }
        }
    }

    #[test]
    fn exp_dd_uses_the_low_part() {
        // e^(1 + 2^-54) - e^1 = e 2^-54: 1 + 2^-54 is not an f64, but it is a double-double.
        let (a, _) = exp_dd(Dd::new(1.0, 0.0));
        let (b, _) = exp_dd(Dd::new(1.0, 2f64.powi(-54)));
        let diff = (b.hi - a.hi) + (b.lo - a.lo);
        let expected = std::f64::consts::E / 2.0 * 2f64.powi(-54); // m = e/2, k = 1
        // The tail's own rounding (about 2^-61) is 1/100 of the difference.
        assert!((diff - expected).abs() < 1e-2 * expected, "{diff:e} vs {expected:e}");
    }
}
