//! Helpers shared by the integration tests (each test crate uses a part of them).

#![allow(dead_code)]

/// `|got - reference|` in units of the `f32` ULP at `reference`: `2^(e - 23)` for
/// `2^e <= |reference| < 2^(e+1)`, and the subnormal spacing `2^-149` below `2^-126`. The
/// reference is an `f64`, so the result has a fractional part. NaN against NaN counts as 0.
pub fn f32_ulp_error(got: f32, reference: f64) -> f64 {
    if got.is_nan() || reference.is_nan() {
        return if got.is_nan() && reference.is_nan() { 0.0 } else { f64::INFINITY };
    }
    if got as f64 == reference {
        return 0.0; // also covers infinities
    }
    let exponent = ((reference.abs().to_bits() >> 52) as i32 - 1023).max(-126);
    (got as f64 - reference).abs() / 2f64.powi(exponent - 23)
}

/// GELU in `f64`, `0.5 x erfc(-x / sqrt 2)`: relative error below `1e-13` for `x >= -20`, far below
/// half an `f32` ULP (`3e-8`), so its rounding to `f32` is the correctly rounded GELU except in
/// near-halfway cases; the errors are measured against the `f64` value itself.
pub fn gelu_f64(x: f64) -> f64 {
    0.5 * x * libm::erfc(-x / std::f64::consts::SQRT_2)
}

/// The largest error seen so far and where.
#[derive(Clone, Copy, Debug, Default)]
pub struct Worst {
    pub ulp: f64,
    pub x: f32,
}

impl Worst {
    pub fn update(&mut self, ulp: f64, x: f32) {
        if ulp > self.ulp || ulp.is_nan() {
            *self = Worst { ulp, x };
        }
    }

    pub fn merge(self, other: Worst) -> Worst {
        if other.ulp > self.ulp { other } else { self }
    }
}
