//! Float comparisons whose failure messages show the input, the expected and actual values and
//! the tolerance, so a learner sees at once which case is wrong and by how much.

/// Panics unless `|actual - expected| <= tolerance`.
///
/// `what` names the quantity and its input, for example `"keep fraction at q = 0.3"`.
/// A NaN `actual` always fails (NaN compares false with everything), unless `expected` is NaN too.
#[track_caller]
pub fn assert_close(what: &str, expected: f64, actual: f64, tolerance: f64) {
    let both_nan = expected.is_nan() && actual.is_nan();
    let error = (actual - expected).abs();
    assert!(
        both_nan || error <= tolerance,
        "{what}: expected {expected}, got {actual} (|error| = {error:.3e}, tolerance {tolerance:.3e})"
    );
}

/// Panics unless `|actual - expected| <= relative_tolerance * |expected|`.
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
