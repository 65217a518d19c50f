//! Numbers too small for `f64`, and rounding them into the subnormal range exactly once.
//!
//! Phi(-38) is about 2.9e-316: below `f64::MIN_POSITIVE` = 2^-1022, where `f64` runs out of
//! exponent and starts dropping significand bits (subnormal numbers, fixed spacing 2^-1074).
//! A double-double cannot live there: its low part would be far below 2^-1074. So the tail
//! of the distribution is carried as a [`Scaled`] value `(hi + lo) * 2^exponent`, with a
//! comfortable `hi + lo` (between about 2^-10 and 2^6) and the tiny power of two kept aside
//! as an integer. Only [`Scaled::to_f64`] touches the subnormal range, and it rounds once.
//!
//! Why "once" matters: rounding `hi + lo` to 53 bits first and then scaling down into the
//! subnormal range rounds twice, and each rounding may cost half a subnormal step. Worse,
//! rounding Phi(x) to a subnormal and then multiplying by x ~ -38 (for GELU) turns Phi's
//! half-step error into a 19-step error.

use crate::double_double::DoubleDouble;

/// `2^k` as an `f64`, for `-1022 <= k <= 1023` (normal powers of two), built from its bits.
#[inline]
fn pow2(k: i32) -> f64 {
    debug_assert!((-1022..=1023).contains(&k));
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// The smallest `k` that [`mul_pow2`] takes: `2^k` is applied as two normal powers of two,
/// each at least 2^-1022.
const MUL_POW2_MIN: i32 = -2044;

/// `x * 2^k` with a single rounding, for `-2044 <= k <= 2046`.
///
/// `2^k` itself need not be an `f64` (for example 2^-1150), so the scaling is applied in two
/// halves, each a normal power of two. For the arguments used in this crate (`|x|` between
/// 2^-400 and 2^400 when scaling down, or a result near `x * 2^k` that is at most 2^10 when
/// scaling up) the first multiplication stays in the normal range and is exact, so only the
/// second one can round.
#[inline]
pub(crate) fn mul_pow2(x: f64, k: i32) -> f64 {
    let first = k / 2;
    x * pow2(first) * pow2(k - first)
}

/// The value `(mantissa.hi + mantissa.lo) * 2^exponent`: a double-double with its own,
/// unbounded power of two, for values far below the smallest `f64`.
///
/// ```
/// use numerics::{DoubleDouble, Scaled};
/// // 1.5 * 2^-1074 lies exactly half-way between two subnormals; the low part decides.
/// let above = Scaled { mantissa: DoubleDouble::new(3.0, 1e-20), exponent: -1075 };
/// assert_eq!(above.to_f64(), 2.0 * 5e-324);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Scaled {
    /// The significant part, kept between about 2^-10 and 2^6 in magnitude.
    pub mantissa: DoubleDouble,
    /// The power of two: down to -2954 for the normal tail at 64 and -4039 for `e^-2800`.
    pub exponent: i32,
}

impl Scaled {
    /// The plain double-double, for values that are known to be large enough (exponent
    /// above about -900, and below 900): then both scalings are exact. Below that the low
    /// part loses bits (it may become subnormal or zero); below an exponent of -2044 it is a
    /// signed zero, as in [`Scaled::to_f64`]. No panic.
    ///
    /// ```
    /// use numerics::{DoubleDouble, Scaled};
    /// let v = Scaled { mantissa: DoubleDouble::new(1.5, 1e-20), exponent: -3 };
    /// assert_eq!(v.to_double_double(), DoubleDouble::new(0.1875, 1.25e-21));
    /// ```
    pub fn to_double_double(self) -> DoubleDouble {
        if self.exponent < MUL_POW2_MIN {
            return DoubleDouble::from(self.mantissa.hi * 0.0); // see `to_f64`
        }
        DoubleDouble::new(
            mul_pow2(self.mantissa.hi, self.exponent),
            mul_pow2(self.mantissa.lo, self.exponent),
        )
    }

    /// The nearest `f64` to the value (ties would go to even, but transcendental values are
    /// never exact ties), correctly rounded also when the result is subnormal or zero.
    /// An exponent below -2044 gives a zero with the sign of the mantissa: the correctly rounded
    /// value for any mantissa below 2^968 in magnitude (the value is then below 2^-1077).
    /// Otherwise the exponent must lie in `[-2044, 2046]` minus the mantissa's own exponent range.
    /// NaN mantissas give NaN. A subnormal result from a tiny mantissa with a small exponent
    /// (above -53) is `hi` rounded once, within half a subnormal step.
    ///
    /// ```
    /// use numerics::{DoubleDouble, Scaled};
    /// let v = Scaled { mantissa: DoubleDouble::new(1.5, 1e-17), exponent: -3 };
    /// assert_eq!(v.to_f64(), 0.1875);
    /// let tiny = Scaled { mantissa: DoubleDouble::new(1.0, 0.0), exponent: -1074 };
    /// assert_eq!(tiny.to_f64(), 5e-324);
    /// let far = Scaled { mantissa: DoubleDouble::new(-0.7, 0.0), exponent: -2962 };
    /// assert_eq!(far.to_f64().to_bits(), (-0.0f64).to_bits());
    /// ```
    pub fn to_f64(self) -> f64 {
        let DoubleDouble { hi, lo } = self.mantissa;
        let e = self.exponent;
        if e < MUL_POW2_MIN {
            return hi * 0.0; // a signed zero (NaN stays NaN)
        }

        // Normal result: `hi` is already the correctly rounded `hi + lo`, and scaling a
        // normal result by a power of two is exact. (If the exact product were below
        // MIN_POSITIVE, the rounded one would be at most MIN_POSITIVE, so `>` is safe.)
        let normal = mul_pow2(hi, e);
        if normal.abs() > f64::MIN_POSITIVE {
            return normal;
        }
        // A subnormal result from a mantissa that is itself tiny (far below the usual 2^-10,
        // e.g. GELU of a subnormal x): `hi` alone, rounded once onto the grid, is within half
        // a step; the half-step test below needs `e <= -53` to express 2^-1075 in mantissa units.
        if e > -53 {
            return normal;
        }

        // ANCHOR: round_once
        // Subnormal (or zero) result, on the grid of multiples of 2^-1074.
        // 1. Round `hi` alone onto the grid: one rounding, to the nearest grid point.
        let rounded = normal;
        // 2. How far was `hi` from that grid point? Scaling back up is exact, and so is the
        //    subtraction (the two numbers are within a factor of 2, or `rounded` is 0).
        let distance = hi - mul_pow2(rounded, -e);
        // 3. Half a grid step, 2^-1075, in mantissa units. The exact value `hi + lo` lies past
        //    the midpoint above `rounded` if `distance + lo > half_step`. Compare it as
        //    `lo > half_step - distance` instead: near the midpoint, where the comparison
        //    matters, `half_step - distance` is exact (Sterbenz), whereas `distance + lo`
        //    would round `lo` away.
        let half_step = pow2(-1075 - e);
        if lo > half_step - distance {
            rounded.next_up()
        } else if lo < -half_step - distance {
            rounded.next_down()
        } else {
            rounded
        }
        // ANCHOR_END: round_once
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALLEST: f64 = 5e-324; // 2^-1074, the smallest positive subnormal

    fn scaled(hi: f64, lo: f64, exponent: i32) -> Scaled {
        Scaled { mantissa: DoubleDouble::new(hi, lo), exponent }
    }

    #[test]
    fn mul_pow2_reaches_below_the_smallest_power_of_two() {
        assert_eq!(mul_pow2(1.0, -1074), SMALLEST);
        assert_eq!(mul_pow2(0.75, -1073), 2.0 * SMALLEST); // 1.5 * 2^-1074 is a tie: rounds to even
        assert_eq!(mul_pow2(1.0, -1075), 0.0); // 0.5 * 2^-1074 is a tie: rounds to even (0)
        assert_eq!(mul_pow2(SMALLEST, 1074), 1.0);
        assert_eq!(mul_pow2(3.0, 10), 3072.0);
    }

    #[test]
    fn normal_values_are_just_scaled() {
        assert_eq!(scaled(1.5, 1e-17, -3).to_f64(), 0.1875);
        assert_eq!(scaled(-1.5, 1e-17, -1000).to_f64(), -1.5 * 2f64.powi(-1000));
    }

    #[test]
    fn the_low_part_breaks_subnormal_ties() {
        // hi * 2^-1075 = 1.5 * 2^-1074 is exactly half-way between 2^-1074 and 2^-1073.
        // A positive lo means the exact value lies above the midpoint, a negative one below.
        // Rounding hi alone would give 2^-1073 in both cases (ties to even).
        assert_eq!(scaled(3.0, 1e-20, -1075).to_f64(), 2.0 * SMALLEST);
        assert_eq!(scaled(3.0, -1e-20, -1075).to_f64(), SMALLEST);
        assert_eq!(scaled(-3.0, 1e-20, -1075).to_f64(), -SMALLEST);
        assert_eq!(scaled(-3.0, -1e-20, -1075).to_f64(), -2.0 * SMALLEST);
        // 0.5 * 2^-1074 rounds to 0 alone, but to 2^-1074 once lo > 0 is taken into account.
        assert_eq!(scaled(1.0, 1e-20, -1075).to_f64(), SMALLEST);
        assert_eq!(scaled(1.0, -1e-20, -1075).to_f64(), 0.0);
        assert_eq!(scaled(-1.0, -1e-20, -1075).to_f64(), -SMALLEST);
    }

    #[test]
    fn far_below_the_subnormals_gives_signed_zero() {
        let z = scaled(1.0, 1e-20, -1150).to_f64();
        assert!(z == 0.0 && z.is_sign_positive());
        let z = scaled(-1.0, 1e-20, -1150).to_f64();
        assert!(z == 0.0 && z.is_sign_negative());
        // Beyond what mul_pow2 scales by (Q(64) = 2^-2962, e^-2800 = 2^-4039.6), no panic:
        for exponent in [-2044, -2045, -2962, -4039, i32::MIN] {
            let z = scaled(-0.7, 1e-20, exponent).to_f64();
            assert!(z == 0.0 && z.is_sign_negative(), "{exponent}: {z}");
            assert_eq!(scaled(0.7, 1e-20, exponent).to_f64().to_bits(), 0, "{exponent}");
            assert_eq!(scaled(0.7, 1e-20, exponent).to_double_double().hi.to_bits(), 0, "{exponent}");
        }
        assert!(scaled(f64::NAN, f64::NAN, -3000).to_f64().is_nan());
    }
}
