//! Double-double arithmetic: a number stored as the unevaluated sum `hi + lo` of two `f64`.
//!
//! One `f64` carries 53 significant bits, so every operation may lose everything below
//! 2^-53 of the result (the unit roundoff is u = 2^-53). A pair `(hi, lo)` with
//! `|lo| <= ulp(hi) / 2` carries about 106 bits: `hi` is the value rounded to `f64`, and `lo`
//! is what that rounding threw away. The operations below keep that invariant and lose only
//! about 2^-104 of the result, which is what lets the rest of the crate round *once*, at the
//! very end.
//!
//! Everything rests on two *error-free transformations*: for two `f64` inputs they return
//! the rounded result **and** its exact rounding error, which is itself an `f64`.
//!
//! The operation sequences and their error bounds are those of Joldes, Muller and Popescu,
//! "Tight and rigorous error bounds for basic building blocks of double-word arithmetic",
//! ACM TOMS 44 (2017).
//!
//! Exactness needs the error terms to be representable: no overflow, and no underflow into
//! the subnormal range (a product below about 2^-969 loses its error term). In this crate the
//! values stay between about 2^-10 and 2^11 (the tiny tail values are carried scaled, see
//! [`crate::Scaled`]). The one exception is a tiny argument t (|t| below 2^-500, say), where
//! products with t may lose their error terms, but those products are themselves negligible
//! next to the terms they are added to.
//!
//! Bad input: these are arithmetic building blocks, not checked functions. NaN propagates;
//! overflow gives infinities or NaN in `hi` and `lo`, as plain `f64` arithmetic would; nothing
//! panics.

use std::ops::{Add, Div, Mul, Neg, Sub};

/// `(s, e)` with `s = fl(a + b)` and `a + b = s + e` exactly (Knuth's TwoSum; no branch,
/// no condition on the magnitudes of `a` and `b`).
///
/// Why it works: `a_part = s - b` and `b_part = s - a_part` recover the parts of `a` and
/// `b` that made it into `s`; what they lost, `(a - a_part) + (b - b_part)`, is the rounding
/// error, and each of those subtractions is exact.
///
/// ```
/// use numerics::two_sum;
/// // 1 + 1e-20 does not fit in one f64, but it fits in two:
/// assert_eq!(two_sum(1.0, 1e-20), (1.0, 1e-20));
/// assert_eq!(two_sum(0.1, 0.2), (0.30000000000000004, -2.7755575615628914e-17));
/// ```
// ANCHOR: two_sum
#[inline]
pub fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let a_part = s - b;
    let b_part = s - a_part;
    (s, (a - a_part) + (b - b_part))
}
// ANCHOR_END: two_sum

/// Like [`two_sum`], but needs `|a| >= |b|` (more precisely: the exponent of `a` at least
/// that of `b`, or `a == 0`). Then `s - a` is exact, and `b - (s - a)` is the error.
/// With the magnitudes the other way round the error term may be wrong (no panic).
///
/// ```
/// use numerics::fast_two_sum;
/// assert_eq!(fast_two_sum(1.0, 2f64.powi(-60)), (1.0, 2f64.powi(-60)));
/// ```
#[inline]
pub fn fast_two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    (s, b - (s - a))
}

/// `(p, e)` with `p = fl(a * b)` and `a * b = p + e` exactly.
///
/// The exact product of two 53-bit significands has at most 106 bits, so `a*b - p` is an
/// `f64`; a fused multiply-add computes `a*b - p` with a single rounding, hence exactly
/// (as long as it is not below about 2^-969, where it would be subnormal).
///
/// ```
/// use numerics::two_prod;
/// // (1 + 2^-30)^2 = 1 + 2^-29 + 2^-60; the last term does not fit into the first f64.
/// let a = 1.0 + 2f64.powi(-30);
/// assert_eq!(two_prod(a, a), (1.0 + 2f64.powi(-29), 2f64.powi(-60)));
/// ```
// ANCHOR: two_prod
#[inline]
pub fn two_prod(a: f64, b: f64) -> (f64, f64) {
    let p = a * b;
    (p, a.mul_add(b, -p))
}
// ANCHOR_END: two_prod

/// The number `hi + lo`, with `hi = fl(hi + lo)` (so `|lo| <= ulp(hi) / 2`): about 106
/// significant bits.
///
/// ```
/// use numerics::DoubleDouble;
/// let third = DoubleDouble::ONE / 3.0;
/// assert_eq!(third, DoubleDouble::new(1.0 / 3.0, 1.850371707708594e-17));
/// // Three thirds make one to about 2^-106, where f64 alone leaves 2^-53 behind:
/// assert!((third * 3.0 - DoubleDouble::ONE).hi.abs() < 1e-31);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DoubleDouble {
    /// The value rounded to the nearest `f64`.
    pub hi: f64,
    /// The rounding error of `hi`.
    pub lo: f64,
}

impl DoubleDouble {
    /// The number one.
    pub const ONE: DoubleDouble = DoubleDouble::new(1.0, 0.0);

    /// Builds `hi + lo`; the caller guarantees `hi = fl(hi + lo)` (not checked: a pair that
    /// breaks it still works as a sum, but [`DoubleDouble::to_f64`] then returns `hi`, which is
    /// not the nearest `f64`).
    ///
    /// ```
    /// use numerics::DoubleDouble;
    /// let x = DoubleDouble::new(1.0, 1e-20);
    /// assert_eq!((x.hi, x.lo), (1.0, 1e-20));
    /// ```
    pub const fn new(hi: f64, lo: f64) -> Self {
        DoubleDouble { hi, lo }
    }

    /// The nearest `f64` to the exact value `hi + lo`: that is `hi`, by the invariant.
    ///
    /// ```
    /// use numerics::DoubleDouble;
    /// assert_eq!(DoubleDouble::new(1.0, 1e-20).to_f64(), 1.0);
    /// ```
    #[inline]
    pub fn to_f64(self) -> f64 {
        self.hi
    }
}

impl DoubleDouble {
    /// `self * s + c`, the step of Horner's scheme, in one go (cheaper than `*` then `+`).
    ///
    /// The big parts are combined exactly (TwoProd, then TwoSum); the four small parts (the
    /// two rounding errors, `lo * s` and `c.lo`), each about 2^-53 of the big ones, are simply
    /// added in `f64`. That costs a few 2^-106 relative, provided `|self * s|` is not much
    /// larger than `|self * s + c|`: then the small parts are small compared to the result.
    /// In every use here `|self * s| < |c| / 2`, so `|self * s + c| > |c| / 2`.
    ///
    /// ```
    /// use numerics::DoubleDouble;
    /// // 1 + x/2 at x = 2^-60, one Horner step: the 2^-61 survives in the low part.
    /// let step = DoubleDouble::new(0.5, 0.0).mul_add(2f64.powi(-60), DoubleDouble::ONE);
    /// assert_eq!(step, DoubleDouble::new(1.0, 2f64.powi(-61)));
    /// ```
    #[inline]
    pub fn mul_add(self, s: f64, c: DoubleDouble) -> DoubleDouble {
        let (p, p_err) = two_prod(self.hi, s);
        let (sum, sum_err) = two_sum(p, c.hi);
        let small = sum_err + (p_err + (self.lo * s + c.lo));
        let (hi, lo) = fast_two_sum(sum, small);
        DoubleDouble::new(hi, lo)
    }
}

impl DoubleDouble {
    /// The exact product `a * b` as a double-double ([`two_prod`]).
    ///
    /// ```
    /// use numerics::DoubleDouble;
    /// let square = DoubleDouble::product(0.1, 0.1);
    /// assert_eq!(square.hi, 0.1 * 0.1);
    /// assert_ne!(square.lo, 0.0); // what 0.1 * 0.1 drops of the product of the two f64
    /// ```
    #[inline]
    pub fn product(a: f64, b: f64) -> DoubleDouble {
        let (hi, lo) = two_prod(a, b);
        DoubleDouble::new(hi, lo)
    }
}

impl From<f64> for DoubleDouble {
    #[inline]
    fn from(x: f64) -> Self {
        DoubleDouble::new(x, 0.0)
    }
}

impl Neg for DoubleDouble {
    type Output = DoubleDouble;
    #[inline]
    fn neg(self) -> DoubleDouble {
        DoubleDouble::new(-self.hi, -self.lo)
    }
}

/// Double-double + double (JMP17 Algorithm 4), relative error <= 2u^2.
impl Add<f64> for DoubleDouble {
    type Output = DoubleDouble;
    #[inline]
    fn add(self, y: f64) -> DoubleDouble {
        let (s, e) = two_sum(self.hi, y);
        let (hi, lo) = fast_two_sum(s, self.lo + e);
        DoubleDouble::new(hi, lo)
    }
}

/// Double-double + double-double (JMP17 Algorithm 6, "accurate" version), relative error
/// <= 3u^2 + 13u^3 even when the two operands nearly cancel.
impl Add for DoubleDouble {
    type Output = DoubleDouble;
    #[inline]
    fn add(self, y: DoubleDouble) -> DoubleDouble {
        let (s_hi, s_lo) = two_sum(self.hi, y.hi);
        let (t_hi, t_lo) = two_sum(self.lo, y.lo);
        let (v_hi, v_lo) = fast_two_sum(s_hi, s_lo + t_hi);
        let (hi, lo) = fast_two_sum(v_hi, t_lo + v_lo);
        DoubleDouble::new(hi, lo)
    }
}

impl Sub for DoubleDouble {
    type Output = DoubleDouble;
    #[inline]
    fn sub(self, y: DoubleDouble) -> DoubleDouble {
        self + (-y)
    }
}

/// Double-double * double (JMP17 Algorithm 9), relative error <= 2u^2.
impl Mul<f64> for DoubleDouble {
    type Output = DoubleDouble;
    #[inline]
    fn mul(self, y: f64) -> DoubleDouble {
        let (p, e) = two_prod(self.hi, y);
        let (hi, lo) = fast_two_sum(p, self.lo.mul_add(y, e));
        DoubleDouble::new(hi, lo)
    }
}

/// Double-double * double-double (JMP17 Algorithm 12), relative error <= 5u^2.
/// The term `lo * lo` (about 2^-106 of the product) is kept inside the FMA chain for free.
impl Mul for DoubleDouble {
    type Output = DoubleDouble;
    #[inline]
    fn mul(self, y: DoubleDouble) -> DoubleDouble {
        let (p, e) = two_prod(self.hi, y.hi);
        let cross = self.hi.mul_add(y.lo, self.lo * y.lo);
        let cross = self.lo.mul_add(y.hi, cross);
        let (hi, lo) = fast_two_sum(p, e + cross);
        DoubleDouble::new(hi, lo)
    }
}

/// Double-double / double (JMP17 Algorithm 15), relative error <= 3u^2.
///
/// First quotient `q = fl(hi / y)`; the remainder `hi - q*y` is exact with an FMA; dividing
/// the remainder (plus `lo`) by `y` gives the correction.
impl Div<f64> for DoubleDouble {
    type Output = DoubleDouble;
    #[inline]
    fn div(self, y: f64) -> DoubleDouble {
        let q = self.hi / y;
        let remainder = (-q).mul_add(y, self.hi) + self.lo;
        let (hi, lo) = fast_two_sum(q, remainder / y);
        DoubleDouble::new(hi, lo)
    }
}

/// Double-double / double-double (JMP17 Algorithm 17), relative error <= 15u^2 + 56u^3.
///
/// First quotient `t = fl(hi / y.hi)`; the remainder `self - t*y` is formed in double-double
/// (`t*y` by Algorithm 9, then an exact subtraction of the leading parts); dividing it by
/// `y.hi` gives the correction. Division by zero gives infinities or NaN, as in `f64`.
impl Div for DoubleDouble {
    type Output = DoubleDouble;
    #[inline]
    fn div(self, y: DoubleDouble) -> DoubleDouble {
        let t = self.hi / y.hi;
        let r = y * t;
        let pi_hi = self.hi - r.hi;
        let delta = (pi_hi + (self.lo - r.lo)) / y.hi;
        let (hi, lo) = fast_two_sum(t, delta);
        DoubleDouble::new(hi, lo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_sum_recovers_the_rounding_error() {
        // 1 + 2^-60 is not an f64: it rounds to 1 and the error is exactly 2^-60.
        let tiny = 2f64.powi(-60);
        assert_eq!(two_sum(1.0, tiny), (1.0, tiny));
        assert_eq!(two_sum(tiny, 1.0), (1.0, tiny));
        assert_eq!(fast_two_sum(1.0, tiny), (1.0, tiny));
    }

    #[test]
    fn two_prod_recovers_the_rounding_error() {
        // (1 + 2^-30)^2 = 1 + 2^-29 + 2^-60; the last term does not fit into one f64.
        let a = 1.0 + 2f64.powi(-30);
        assert_eq!(two_prod(a, a), (1.0 + 2f64.powi(-29), 2f64.powi(-60)));
    }

    #[test]
    fn one_third_times_three_is_one_to_double_double_precision() {
        let third = DoubleDouble::ONE / 3.0;
        let one = third * 3.0 - DoubleDouble::ONE;
        assert!(one.hi.abs() < 1e-31, "{one:?}");
        let one = third * DoubleDouble::from(3.0) + DoubleDouble::from(-1.0);
        assert!(one.hi.abs() < 1e-31, "{one:?}");
    }

    #[test]
    fn division_by_a_double_double_is_accurate_to_about_2_to_the_minus_104() {
        let third = DoubleDouble::ONE / DoubleDouble::from(3.0);
        assert_eq!(third, DoubleDouble::ONE / 3.0);
        let seven = DoubleDouble::new(7.0, 2f64.powi(-60));
        let back = (seven / third) * third - seven;
        assert!(back.hi.abs() < 1e-30, "{back:?}");
    }

    #[test]
    fn addition_survives_cancellation() {
        // (1 + 2^-70) - 1 = 2^-70 exactly: plain f64 arithmetic would return 0.
        let a = DoubleDouble::new(1.0, 2f64.powi(-70));
        assert_eq!((a - DoubleDouble::ONE).hi, 2f64.powi(-70));
        assert_eq!((a + -1.0).hi, 2f64.powi(-70));
    }
}
