//! Float comparisons whose failure messages show the input, the expected and actual values and
//! the tolerance, so a learner sees at once which case is wrong and by how much.

/// Panics unless `|actual - expected| <= tolerance`.
///
/// `what` names the quantity and its input, for example `"keep fraction at q = 0.3"`.
/// A NaN `actual` always fails (NaN compares false with everything), unless `expected` is NaN too;
/// so does a NaN `tolerance`. The panic message names `what`, both values, the error and the
/// tolerance.
///
/// ```
/// use exercise_check::assert_close;
/// assert_close("GELU(1)", 0.841_344_746, 0.841_344_7, 1e-7);
/// assert_close("0/0", f64::NAN, f64::NAN, 0.0); // NaN was expected
/// let failure = std::panic::catch_unwind(|| assert_close("GELU(-1)", -0.158655, 0.0, 1e-6));
/// let message = failure.unwrap_err().downcast::<String>().unwrap();
/// assert!(message.starts_with("GELU(-1): expected -0.158655, got 0"), "{message}");
/// ```
#[track_caller]
pub fn assert_close(what: &str, expected: f64, actual: f64, tolerance: f64) {
    let both_nan = expected.is_nan() && actual.is_nan();
    let error = (actual - expected).abs();
    assert!(
        both_nan || error <= tolerance,
        "{what}: expected {expected}, got {actual} (|error| = {error:.3e}, tolerance {tolerance:.3e})"
    );
}

/// Panics unless `|actual - expected| <= relative_tolerance * |expected|`, with the message of
/// [`assert_close`] (the absolute tolerance it shows is `relative_tolerance * |expected|`).
///
/// `expected = 0` demands `actual == 0` exactly; NaN follows [`assert_close`] (only a NaN
/// `expected` accepts a NaN `actual`).
///
/// ```
/// use exercise_check::assert_relative_close;
/// assert_relative_close("1e6 + 1e-4", 1e6, 1e6 + 1e-4, 1e-9);
/// // 1% off is far outside a 1e-6 relative tolerance:
/// assert!(std::panic::catch_unwind(|| assert_relative_close("x", 100.0, 101.0, 1e-6)).is_err());
/// assert!(std::panic::catch_unwind(|| assert_relative_close("x", 0.0, 1e-300, 0.5)).is_err());
/// ```
#[track_caller]
pub fn assert_relative_close(what: &str, expected: f64, actual: f64, relative_tolerance: f64) {
    let tolerance = relative_tolerance * expected.abs();
    assert_close(what, expected, actual, tolerance);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_within_tolerance() {
        assert_close("x", 1.0, 1.0 + 1e-12, 1e-9);
        assert_relative_close("x", 1e6, 1e6 + 1e-4, 1e-9);
    }

    #[test]
    #[should_panic(expected = "GELU(-1): expected -0.158655, got 0")]
    fn failure_names_the_case_and_both_values() {
        assert_close("GELU(-1)", -0.158655, 0.0, 1e-6);
    }

    #[test]
    #[should_panic(expected = "got NaN")]
    fn nan_fails() {
        assert_close("x", 1.0, f64::NAN, 1.0);
    }
}
