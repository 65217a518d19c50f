//! Keeping the worst error of a sweep, and where it happened.

use crate::gelu::gelu;

/// The largest error seen so far and the input that produced it. A NaN error counts as the
/// worst possible and is kept (a sweep must not hide a NaN).
///
/// ```
/// use numerics::WorstCase;
/// let mut worst = WorstCase::default();
/// for (x, error) in [(0.5_f32, 0.3), (1.5, 2.0), (2.5, 0.7)] {
///     worst.record(error, x);
/// }
/// assert_eq!((worst.error, worst.at), (2.0, 1.5));
/// worst.record(f64::NAN, 3.5);
/// assert!(worst.error.is_nan() && worst.at == 3.5);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct WorstCase<X> {
    /// The largest error recorded (0 before any).
    pub error: f64,
    /// The input where it was recorded (`X::default()` before any).
    pub at: X,
}

impl<X: Copy> WorstCase<X> {
    /// Keeps `(error, at)` if `error` is larger than the worst so far, or NaN (a NaN, once
    /// recorded, stays).
    ///
    /// ```
    /// use numerics::WorstCase;
    /// let mut worst = WorstCase { error: 1.0, at: 0.0 };
    /// worst.record(0.5, 2.0);
    /// assert_eq!(worst.at, 0.0);
    /// ```
    pub fn record(&mut self, error: f64, at: X) {
        if !self.error.is_nan() && (error > self.error || error.is_nan()) {
            *self = WorstCase { error, at };
        }
    }

    /// The worse of two sweeps' results (for sweeps split across threads).
    ///
    /// ```
    /// use numerics::WorstCase;
    /// let a = WorstCase { error: 1.0, at: 1.0 };
    /// let b = WorstCase { error: 3.0, at: 2.0 };
    /// assert_eq!(a.merge(b), b);
    /// ```
    pub fn merge(self, other: WorstCase<X>) -> WorstCase<X> {
        let mut merged = self;
        merged.record(other.error, other.at);
        merged
    }
}

/// The largest `|f(x) - GELU(x)|` of an `f32` function over the grid `x = i/1024` in
/// `[-10, 10]` (20,481 points), against the exact [`gelu`]; a NaN output gives NaN.
///
/// ```
/// use numerics::max_abs_error_vs_gelu_f32;
/// // Plain ReLU is off by GELU's largest gap to it, |GELU(-0.7518)| = 0.17:
/// let relu_error = max_abs_error_vs_gelu_f32(&|x: f32| x.max(0.0));
/// assert!((relu_error - 0.16997).abs() < 1e-4);
/// ```
pub fn max_abs_error_vs_gelu_f32(f: &dyn Fn(f32) -> f32) -> f64 {
    let mut worst = WorstCase::default();
    for i in -10240..=10240 {
        let x = i as f32 / 1024.0;
        worst.record((f64::from(f(x)) - gelu(f64::from(x))).abs(), x);
    }
    worst.error
}
