//! Special inputs, the underflow thresholds, and properties that must hold on dense sweeps.

use numerics::{gelu, std_normal_cdf};

const SMALLEST_SUBNORMAL: f64 = 5e-324; // 2^-1074

/// Smallest f64 x with Phi(x) != 0 after correct rounding, i.e. Phi(x) > 2^-1075
/// (found by bisection in reference/make_reference.py).
const PHI_NONZERO_FROM: f64 = -38.485408335567335;
/// Smallest f64 x with GELU(x) != 0 after correct rounding, i.e. |GELU(x)| > 2^-1075.
const GELU_NONZERO_FROM: f64 = -38.58014022378236;
/// Smallest f64 x with Phi(x) >= 2^-1022 (a normal number) after correct rounding.
const PHI_NORMAL_FROM: f64 = -37.51937934714449;
/// Smallest f64 x with |GELU(x)| >= 2^-1022 after correct rounding.
const GELU_NORMAL_FROM: f64 = -37.615868313955986;

fn is_negative_zero(x: f64) -> bool {
    x == 0.0 && x.is_sign_negative()
}

fn is_positive_zero(x: f64) -> bool {
    x == 0.0 && x.is_sign_positive()
}

#[test]
fn nan_gives_nan() {
    assert!(std_normal_cdf(f64::NAN).is_nan());
    assert!(gelu(f64::NAN).is_nan());
    assert!(std_normal_cdf(-f64::NAN).is_nan());
    assert!(gelu(-f64::NAN).is_nan());
}

#[test]
fn infinities() {
    assert_eq!(std_normal_cdf(f64::INFINITY), 1.0);
    assert!(is_positive_zero(std_normal_cdf(f64::NEG_INFINITY)));
    assert_eq!(gelu(f64::INFINITY), f64::INFINITY);
    assert!(is_negative_zero(gelu(f64::NEG_INFINITY)));
}

#[test]
fn zeros_keep_their_sign_in_gelu() {
    assert_eq!(std_normal_cdf(0.0), 0.5);
    assert_eq!(std_normal_cdf(-0.0), 0.5);
    assert!(is_positive_zero(gelu(0.0)));
    assert!(is_negative_zero(gelu(-0.0)));
}

#[test]
fn tiny_and_subnormal_inputs() {
    for x in [SMALLEST_SUBNORMAL, 1e-310, f64::MIN_POSITIVE, 1e-300, 1e-100, 1e-20] {
        assert_eq!(std_normal_cdf(x), 0.5, "x = {x:e}");
        assert_eq!(std_normal_cdf(-x), 0.5, "x = {:e}", -x);
    }
    // GELU(x) = x/2 + x^2/sqrt(2 pi) + ...: x/2 when that is an f64, else the upper
    // neighbour of the halfway point.
    assert_eq!(gelu(1e-300), 5e-301);
    assert_eq!(gelu(-1e-300), -5e-301);
    assert_eq!(gelu(4.0 * SMALLEST_SUBNORMAL), 2.0 * SMALLEST_SUBNORMAL);
    assert_eq!(gelu(5.0 * SMALLEST_SUBNORMAL), 3.0 * SMALLEST_SUBNORMAL);
    assert_eq!(gelu(-5.0 * SMALLEST_SUBNORMAL), -2.0 * SMALLEST_SUBNORMAL);
    assert_eq!(gelu(SMALLEST_SUBNORMAL), SMALLEST_SUBNORMAL);
    assert!(is_negative_zero(gelu(-SMALLEST_SUBNORMAL)));
}

#[test]
fn huge_inputs() {
    for x in [8.5, 10.0, 1e10, 1e300, f64::MAX] {
        assert_eq!(std_normal_cdf(x), 1.0, "x = {x:e}");
        assert_eq!(gelu(x), x, "x = {x:e}");
        if x > 39.0 {
            assert!(is_positive_zero(std_normal_cdf(-x)), "x = {:e}", -x);
            assert!(is_negative_zero(gelu(-x)), "x = {:e}", -x);
        }
    }
    // Below 8.5 Phi is not yet 1: 1 - Phi(8) = 6.2e-16 is about 5.6 ulps of 1.
    assert_eq!(std_normal_cdf(8.0), 0.9999999999999993);
    assert_eq!(gelu(8.0), 7.999999999999995);
}

#[test]
fn phi_underflow_threshold() {
    assert_eq!(std_normal_cdf(PHI_NONZERO_FROM), SMALLEST_SUBNORMAL);
    assert!(is_positive_zero(std_normal_cdf(PHI_NONZERO_FROM.next_down())));
    assert!(is_positive_zero(std_normal_cdf(-38.6)));
}

#[test]
fn gelu_underflow_threshold() {
    assert_eq!(gelu(GELU_NONZERO_FROM), -SMALLEST_SUBNORMAL);
    assert!(is_negative_zero(gelu(GELU_NONZERO_FROM.next_down())));
    assert!(is_negative_zero(gelu(-38.6)));
    // GELU underflows later than Phi: |x| > 1 makes it larger in magnitude.
    assert!(gelu(PHI_NONZERO_FROM.next_down()) < 0.0);
}

#[test]
fn normal_range_thresholds() {
    assert!(std_normal_cdf(PHI_NORMAL_FROM) >= f64::MIN_POSITIVE);
    assert!(std_normal_cdf(PHI_NORMAL_FROM.next_down()) < f64::MIN_POSITIVE);
    assert!(gelu(GELU_NORMAL_FROM) <= -f64::MIN_POSITIVE);
    assert!(gelu(GELU_NORMAL_FROM.next_down()) > -f64::MIN_POSITIVE);
}

/// Dense sweep over the whole interesting range: Phi is non-decreasing and GELU is
/// decreasing then increasing (its minimum is near x = -0.7518). This catches jumps at the
/// boundaries between the approximation pieces and the scaling regimes.
#[test]
fn monotone_on_a_dense_sweep() {
    let step = 1.0 / 4096.0; // exact multiples: no rounding in the sweep itself
    let mut x = -39.0;
    let (mut previous_phi, mut previous_gelu) = (std_normal_cdf(x), gelu(x));
    while x < 9.0 {
        x += step;
        let (phi, g) = (std_normal_cdf(x), gelu(x));
        assert!(phi >= previous_phi, "Phi decreases at x = {x}: {previous_phi:e} -> {phi:e}");
        if x <= -0.76 {
            assert!(g <= previous_gelu, "GELU increases at x = {x}: {previous_gelu:e} -> {g:e}");
        } else if x >= -0.74 {
            assert!(g >= previous_gelu, "GELU decreases at x = {x}: {previous_gelu:e} -> {g:e}");
        }
        (previous_phi, previous_gelu) = (phi, g);
    }
}

/// Monotonicity across every boundary of the implementation, one ulp at a time.
#[test]
fn continuous_across_internal_boundaries() {
    for boundary in [0.5, 1.0, 2.0, 4.0, 8.0, 8.5, 16.0, 2f64.powi(-60)] {
        for x in [boundary, -boundary] {
            let (below, at, above) = (x.next_down(), x, x.next_up());
            assert!(std_normal_cdf(below) <= std_normal_cdf(at), "x = {x}");
            assert!(std_normal_cdf(at) <= std_normal_cdf(above), "x = {x}");
            let (g_below, g_at, g_above) = (gelu(below), gelu(at), gelu(above));
            if x > -0.75 {
                assert!(g_below <= g_at && g_at <= g_above, "x = {x}");
            } else {
                assert!(g_below >= g_at && g_at >= g_above, "x = {x}");
            }
        }
    }
}

/// Phi(x) + Phi(-x) = 1 and GELU(x) - GELU(-x) = x, to within the roundings of the two
/// results and of the final f64 operation.
#[test]
fn symmetry_identities() {
    let mut x: f64 = 0.0;
    while x < 9.0 {
        let sum = std_normal_cdf(x) + std_normal_cdf(-x);
        assert!((sum - 1.0).abs() <= 2f64.powi(-52), "x = {x}: {sum}");
        let difference = gelu(x) - gelu(-x);
        assert!((difference - x).abs() <= 2.0 * f64::EPSILON * x, "x = {x}: {difference}");
        x += 0.001953125;
    }
}
