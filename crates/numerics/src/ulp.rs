//! Distances in units in the last place (ULP): how far a computed value is from the right one,
//! counted in steps of the floating-point grid.

/// The position of `x` on the ordered line of all `f64` values: consecutive doubles are
/// consecutive integers, both zeros are 0, and negative values are negative.
fn ordered(x: f64) -> i64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 { -((bits & !(1 << 63)) as i64) } else { bits as i64 }
}

/// The number of `f64` values between `result` and `expected` (both `f64`): 0 when equal
/// (`+0.0` and `-0.0` count as equal), 1 for neighbours, and so on, across zero and through the
/// subnormals.
///
/// Use it against a correctly rounded reference value. NaN on either side gives `u64::MAX`
/// (infinitely far), unless both are NaN, which gives 0.
///
/// ```
/// use numerics::ulps_f64;
/// assert_eq!(ulps_f64(1.0, 1.0), 0);
/// assert_eq!(ulps_f64(1.0, 1.0 + f64::EPSILON), 1);
/// assert_eq!(ulps_f64(5e-324, -5e-324), 2); // across zero
/// assert_eq!(ulps_f64(0.0, -0.0), 0);
/// assert_eq!(ulps_f64(f64::NAN, 1.0), u64::MAX);
/// ```
pub fn ulps_f64(result: f64, expected: f64) -> u64 {
    match (result.is_nan(), expected.is_nan()) {
        (true, true) => 0,
        (false, false) => ordered(result).abs_diff(ordered(expected)),
        _ => u64::MAX,
    }
}

/// `|result - exact|` in units of the `f32` ULP at `exact`: `2^(e - 23)` for
/// `2^e <= |exact| < 2^(e+1)`, and the subnormal spacing `2^-149` below `2^-126`.
///
/// `exact` is an `f64` (the reference carries more digits than any `f32`), so the answer has a
/// fractional part: a correctly rounded `f32` is within 0.5. Equal values (infinities included)
/// give 0; NaN against NaN gives 0, NaN against a number gives `+inf`.
///
/// ```
/// use numerics::ulps_f32;
/// assert_eq!(ulps_f32(1.0, 1.0), 0.0);
/// assert_eq!(ulps_f32(1.0 + f32::EPSILON, 1.0), 1.0);
/// assert_eq!(ulps_f32(0.0, 2f64.powi(-149)), 1.0); // one subnormal step, 2^-149
/// assert_eq!(ulps_f32(f32::NAN, 1.0), f64::INFINITY);
/// ```
pub fn ulps_f32(result: f32, exact: f64) -> f64 {
    if result.is_nan() || exact.is_nan() {
        return if result.is_nan() && exact.is_nan() { 0.0 } else { f64::INFINITY };
    }
    ulps_f32_of_scale(result, exact, exact)
}

/// `|result - exact|` in units of the `f32` ULP at `scale` (defined as in [`ulps_f32`]), for
/// values whose accuracy is judged against something larger than themselves: a derivative near
/// its zero, against the larger of its terms. `ulps_f32(r, e)` is `ulps_f32_of_scale(r, e, e)`.
/// Equal values give 0; NaN against NaN gives 0, NaN against a number gives `+inf`.
///
/// ```
/// use numerics::ulps_f32_of_scale;
/// assert_eq!(ulps_f32_of_scale(2f32.powi(-20), 0.0, 1.0), 8.0); // 2^-20 is 8 ULP of 1
/// assert_eq!(ulps_f32_of_scale(f32::NAN, 0.0, 1.0), f64::INFINITY);
/// ```
pub fn ulps_f32_of_scale(result: f32, exact: f64, scale: f64) -> f64 {
    if result.is_nan() || exact.is_nan() {
        return if result.is_nan() && exact.is_nan() { 0.0 } else { f64::INFINITY };
    }
    if f64::from(result) == exact {
        return 0.0;
    }
    let exponent = ((scale.abs().to_bits() >> 52) as i32 - 1023).max(-126);
    (f64::from(result) - exact).abs() / 2f64.powi(exponent - 23)
}
