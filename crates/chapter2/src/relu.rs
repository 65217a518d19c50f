//! ReLU: the input times a deterministic 0/1 mask that is 1 exactly when the input is positive.
//!
//! `ReLU(x) = x * 1[x > 0] = max(x, 0)`. Dropout (chapter 1) multiplies by a mask drawn without
//! looking at `x`; ReLU's mask is computed from `x` and involves no randomness at all. The mask
//! is also ReLU's derivative (with the convention `ReLU'(0) = 0`), which is why the two functions
//! below share one body.
//!
//! Bad input: NaN gives NaN from every function here; `ReLU(-inf) = 0` and `ReLU(+inf) = +inf`,
//! the limits. The implementation selects rather than multiplies, because `-inf * 0` is NaN.

/// `ReLU(x) = max(x, 0)`: `x` for `x > 0`, and `0` for `x <= 0`.
///
/// Domain: every `f64`. NaN gives NaN (note that `x.max(0.0)` would return 0: `f64::max`
/// ignores a NaN operand). `ReLU(+inf) = +inf`, `ReLU(-inf) = 0`, and `ReLU(-0.0) = +0.0`.
///
/// ```
/// use chapter2::relu;
/// assert_eq!(relu(2.5), 2.5);
/// assert_eq!(relu(-2.5), 0.0);
/// assert_eq!(relu(f64::NEG_INFINITY), 0.0);
/// assert!(relu(f64::NAN).is_nan());
/// ```
// ANCHOR: relu
pub fn relu(x: f64) -> f64 {
    // NaN fails `x <= 0.0` (every comparison with NaN is false), so it takes
    // the second branch and comes back out unchanged.
    if x <= 0.0 { 0.0 } else { x }
}
// ANCHOR_END: relu

/// The ReLU mask `1[x > 0]`: `1` for `x > 0`, `0` for `x <= 0`, NaN for NaN.
///
/// Read as a keep-probability it is chapter 1's gate with the coin removed: it is always 0 or 1,
/// so `chapter1::gate(x, relu_mask, rng)` never draws anything but a certain outcome. The same
/// function is ReLU's derivative, [`relu_derivative`]. Infinite inputs give their limits
/// (`+inf -> 1`, `-inf -> 0`).
///
/// ```
/// use chapter2::relu_mask;
/// assert_eq!([relu_mask(-1.0), relu_mask(0.0), relu_mask(1e-300)], [0.0, 0.0, 1.0]);
/// assert!(relu_mask(f64::NAN).is_nan());
/// ```
// ANCHOR: relu_mask
pub fn relu_mask(x: f64) -> f64 {
    if x > 0.0 {
        1.0
    } else if x <= 0.0 {
        0.0
    } else {
        x // NaN: the comparison has no answer, so neither has the mask
    }
}
// ANCHOR_END: relu_mask

/// `ReLU'(x)`: `1` for `x > 0`, `0` for `x < 0`, and by convention `0` at `x = 0`, where ReLU
/// has a corner and no derivative (every slope in `[0, 1]` is a subgradient there).
///
/// Why 0 at 0: it is the subgradient of smallest size, it makes the derivative equal to the
/// mask [`relu_mask`] (so `x * ReLU'(x) = ReLU(x)` for every finite `x`), and it can be read off
/// the output alone (`ReLU'(x) = 1` exactly when `ReLU(x) > 0`), so a backward pass needs to keep
/// only the output. NaN gives NaN; `+inf -> 1`, `-inf -> 0`.
///
/// ```
/// use chapter2::relu_derivative;
/// assert_eq!(relu_derivative(3.0), 1.0);
/// assert_eq!(relu_derivative(0.0), 0.0); // the convention
/// assert_eq!(relu_derivative(-0.0), 0.0);
/// assert_eq!(relu_derivative(-3.0), 0.0);
/// ```
// ANCHOR: relu_derivative
pub fn relu_derivative(x: f64) -> f64 {
    relu_mask(x) // the mask is the derivative
}
// ANCHOR_END: relu_derivative

/// Applies [`relu`] to every element, in place: the slice version later chapters and the
/// benchmarks use (no allocation). Empty slices are left empty.
///
/// ```
/// let mut values = [-1.0, 0.5, f64::NEG_INFINITY, 2.0];
/// chapter2::relu_in_place(&mut values);
/// assert_eq!(values, [0.0, 0.5, 0.0, 2.0]);
/// ```
pub fn relu_in_place(values: &mut [f64]) {
    for value in values {
        *value = relu(*value);
    }
}

/// Replaces every element `x` by [`relu_derivative`]`(x)`, in place. To keep the inputs, copy
/// them first (`let mut slopes = x.to_vec();`). Every `f64` is accepted: NaN stays NaN, and an
/// empty slice is left empty.
///
/// ```
/// let mut values = [-1.0, 0.0, 0.5];
/// chapter2::relu_derivative_in_place(&mut values);
/// assert_eq!(values, [0.0, 0.0, 1.0]);
/// ```
pub fn relu_derivative_in_place(values: &mut [f64]) {
    for value in values {
        *value = relu_derivative(*value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_limits_and_nan() {
        for (x, expected) in [(3.0, 3.0), (-3.0, 0.0), (0.0, 0.0), (1e-320, 1e-320), (-1e-320, 0.0)] {
            assert_eq!(relu(x), expected, "relu({x})");
        }
        assert_eq!(relu(f64::INFINITY), f64::INFINITY);
        assert_eq!(relu(f64::NEG_INFINITY), 0.0);
        assert!(relu(f64::NAN).is_nan());
        // -0.0 comes out as +0.0: the output of ReLU is never negative, not even its zero.
        assert!(relu(-0.0).is_sign_positive());
    }

    #[test]
    fn derivative_is_the_mask_with_zero_at_zero() {
        for x in [-2.0, -0.0, 0.0, 1e-310, 2.0, f64::INFINITY, f64::NEG_INFINITY] {
            let expected = if x > 0.0 { 1.0 } else { 0.0 };
            assert_eq!(relu_derivative(x), expected, "relu'({x})");
            assert_eq!(relu_mask(x), expected, "mask({x})");
        }
        assert!(relu_derivative(f64::NAN).is_nan());
        assert!(relu_mask(f64::NAN).is_nan());
    }

    #[test]
    fn slice_versions_agree_with_the_scalar_ones() {
        let x = [-5.0, -0.0, 0.0, 1e-300, 7.5, f64::NAN, f64::INFINITY, f64::NEG_INFINITY];
        let mut values = x;
        relu_in_place(&mut values);
        let mut slopes = x;
        relu_derivative_in_place(&mut slopes);
        for ((&xi, &yi), &di) in x.iter().zip(&values).zip(&slopes) {
            assert_eq!(yi.to_bits(), relu(xi).to_bits(), "relu({xi})");
            assert_eq!(di.to_bits(), relu_derivative(xi).to_bits(), "relu'({xi})");
        }
        relu_in_place(&mut []);
    }
}
