//! The properties that make ReLU cheap and convenient, each stated as a test over the chapter's
//! seeded sweep ([`crate::sweep`]): signed zeros, subnormals, values near `f64::MAX`, random bit
//! patterns spread over every exponent, and random values in [-8, 8]. Where a property holds
//! exactly in floating point the test demands exact equality; where it does not, the test says
//! why and what tolerance it uses. The chapter page includes these tests by their anchors.

use crate::{Elu, relu, relu_derivative, sweep};

/// 30 hand-picked values and 20,000 seeded random ones.
fn values() -> Vec<f64> {
    sweep(2010, 20_000)
}

/// Pairs (x, y): each value with a shuffled partner, and with its floating-point neighbours,
/// so that both far-apart and adjacent inputs are compared.
fn pairs() -> Vec<(f64, f64)> {
    let values = values();
    let partners = sweep(1502, 20_000);
    let shuffled = values.iter().copied().zip(partners.iter().rev().copied());
    let neighbours = values.iter().map(|&x| (x, x.next_up())).filter(|&(_, y)| y.is_finite());
    shuffled.chain(neighbours).collect()
}

// ANCHOR: homogeneity
#[test]
fn positively_homogeneous_exactly() {
    // ReLU(a x) = a ReLU(x) for every a >= 0, bit for bit up to the sign of
    // zero: for x > 0 both sides are the same rounded product a * x, and for
    // x <= 0 both are zero.
    let fixed = [0.0, 1e-300, 0.5, 1.0, 3.0, 1e10, 1e300];
    let random = sweep(7, 200).into_iter().map(f64::abs);
    for a in fixed.into_iter().chain(random) {
        for x in values() {
            assert_eq!(relu(a * x), a * relu(x), "a = {a:e}, x = {x:e}");
        }
    }
}
// ANCHOR_END: homogeneity

// ANCHOR: decompositions
#[test]
fn splits_into_positive_and_negative_parts_exactly() {
    for x in values() {
        // One of ReLU(x), ReLU(-x) is |x|, the other 0: nothing is rounded.
        assert_eq!(relu(x) - relu(-x), x, "x = {x:e}");
        assert_eq!(relu(x) * relu(-x), 0.0, "x = {x:e}");
        // (x + |x|) / 2 is exact as long as x + |x| = 2x does not overflow.
        if x.abs() <= f64::MAX / 2.0 {
            assert_eq!((x + x.abs()) / 2.0, relu(x), "x = {x:e}");
        }
    }
    // Past f64::MAX / 2 the formula overflows; ReLU itself never does.
    assert_eq!((f64::MAX + f64::MAX.abs()) / 2.0, f64::INFINITY);
    assert_eq!(relu(f64::MAX), f64::MAX);
}
// ANCHOR_END: decompositions

// ANCHOR: idempotent
#[test]
fn idempotent_and_never_negative() {
    for x in values() {
        let y = relu(x);
        assert_eq!(relu(y), y, "x = {x:e}"); // applying it twice changes nothing
        assert!(y >= 0.0 && y >= x, "x = {x:e}");
        assert!(y == 0.0 || y == x, "x = {x:e}"); // it only keeps or zeroes
    }
}
// ANCHOR_END: idempotent

// ANCHOR: monotone_lipschitz
#[test]
fn monotone_and_1_lipschitz() {
    for (x, y) in pairs() {
        let (low, high) = if x <= y { (x, y) } else { (y, x) };
        let what = format!("x = {low:e}, y = {high:e}");
        assert!(relu(low) <= relu(high), "monotone: {what}");
        // |ReLU(x) - ReLU(y)| <= |x - y| exactly: where both are positive the
        // two sides are the same rounded subtraction, and elsewhere rounding,
        // being monotone, cannot push one side past the other.
        let change = relu(high) - relu(low);
        assert!(change.abs() <= (high - low).abs(), "Lipschitz: {what}");
    }
}
// ANCHOR_END: monotone_lipschitz

// ANCHOR: euler
#[test]
fn euler_identity() {
    // Differentiating f(a x) = a f(x) in a at a = 1 gives x f'(x) = f(x).
    // For ReLU, with ReLU'(0) = 0, it holds for every finite x, exactly.
    for x in values() {
        assert_eq!(x * relu_derivative(x), relu(x), "x = {x:e}");
    }
    // At -inf it fails, -inf * 0 being NaN: why `relu` selects, not multiplies.
    let at_minus_infinity = f64::NEG_INFINITY * relu_derivative(f64::NEG_INFINITY);
    assert!(at_minus_infinity.is_nan());
}
// ANCHOR_END: euler

// ANCHOR: elu_smooth
#[test]
fn elu_alpha_one_is_continuously_differentiable_at_zero() {
    let elu = Elu::ALPHA_ONE;
    // Across [-h, h] the value changes by 2h - h^2/2 + ... and the slope by 1 - e^-h <= h:
    // both shrink to 0 with h, so value and slope are continuous at 0. The computed slope gap
    // 1 - exp(-h) also carries exp's rounding error near 1, up to half an epsilon.
    for h in (1..=300).map(|k| 10f64.powi(-k)) {
        let value_gap = elu.value(h) - elu.value(-h);
        let slope_gap = elu.derivative(h) - elu.derivative(-h);
        assert!((value_gap - 2.0 * h).abs() <= h * h + 4.0 * f64::EPSILON * h, "h = {h:e}");
        assert!((0.0..=h + f64::EPSILON).contains(&slope_gap), "h = {h:e}: slope gap {slope_gap:e}");
    }
    // For any other alpha the slope jumps by 1 - alpha at 0, as ReLU's jumps by 1.
    for alpha in [0.0, 0.5, 2.0] {
        let elu = Elu::new(alpha).unwrap();
        let jump = elu.derivative(1e-300) - elu.derivative(-1e-300);
        assert_eq!(jump, 1.0 - alpha, "alpha = {alpha}");
    }
}
// ANCHOR_END: elu_smooth

#[test]
fn elu_is_monotone_bounded_below_and_not_homogeneous() {
    for alpha in [0.5, 1.0, 2.0] {
        let elu = Elu::new(alpha).unwrap();
        for (x, y) in pairs() {
            let (low, high) = if x <= y { (x, y) } else { (y, x) };
            assert!(elu.value(low) <= elu.value(high), "alpha = {alpha}: x = {low:e}, y = {high:e}");
        }
        for x in values() {
            let value = elu.value(x);
            assert!(value >= -alpha && value <= relu(x), "alpha = {alpha}, x = {x:e}: {value}");
        }
    }
    // The price of the smooth negative side: scaling the input does not scale the output.
    // ELU(-2) = -0.865 while 2 ELU(-1) = -1.264.
    let elu = Elu::ALPHA_ONE;
    assert!((elu.value(-2.0) - 2.0 * elu.value(-1.0) - 0.3996).abs() < 1e-4);
}
