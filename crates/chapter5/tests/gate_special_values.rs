//! `GeluMuSigma` at special and extreme inputs: NaN in gives NaN, infinities give their limits,
//! and no finite input (any bit pattern for x, mu and sigma) panics or produces a NaN.

use chapter5::{Chapter5Error, GeluMuSigma};
use rand::{RngExt, SeedableRng, rngs::Xoshiro256PlusPlus};

fn is_negative_zero(v: f64) -> bool {
    v == 0.0 && v.is_sign_negative()
}

#[test]
fn nan_in_gives_nan_out() {
    let gate = GeluMuSigma::new(0.5, 2.0).unwrap();
    assert!(gate.value(f64::NAN).is_nan());
    let p = gate.partials(f64::NAN);
    assert!(p.dx.is_nan() && p.dmu.is_nan() && p.dsigma.is_nan());
}

#[test]
fn infinities_give_the_limits() {
    for (mu, sigma) in [(0.0, 1.0), (-3.0, 0.05), (3.0, 5.0), (1e300, 1e-300)] {
        let gate = GeluMuSigma::new(mu, sigma).unwrap();
        assert_eq!(gate.value(f64::INFINITY), f64::INFINITY);
        assert!(is_negative_zero(gate.value(f64::NEG_INFINITY)));
        let up = gate.partials(f64::INFINITY);
        assert_eq!(up.dx, 1.0);
        assert!(is_negative_zero(up.dmu) && is_negative_zero(up.dsigma));
        let down = gate.partials(f64::NEG_INFINITY);
        assert!(is_negative_zero(down.dx) && down.dmu == 0.0 && down.dmu.is_sign_positive());
        assert!(is_negative_zero(down.dsigma));
    }
}

#[test]
fn zeros_and_the_far_tails() {
    let gate = GeluMuSigma::new(0.5, 0.25).unwrap();
    assert!(is_negative_zero(gate.value(-0.0)));
    assert_eq!(gate.value(0.0).to_bits(), 0);
    // x = 0: dx = Phi(-2), the other two vanish.
    let p = gate.partials(0.0);
    assert_eq!(p.dx, numerics::std_normal_cdf(-2.0));
    assert!(is_negative_zero(p.dmu));
    // z = -40.5 and z = +40.5: past the partials' tail ends (the value at z = -40.5 comes from
    // the scaled tail, and with so small an x it rounds to -0.0).
    assert!(is_negative_zero(gate.value(-9.625)));
    assert_eq!(gate.value(10.625), 10.625);
    let far_left = gate.partials(-9.625);
    assert!(is_negative_zero(far_left.dx) && far_left.dmu == 0.0 && is_negative_zero(far_left.dsigma));
    let far_right = gate.partials(10.625);
    assert_eq!(far_right.dx, 1.0);
    // Just inside: z = -39.9, the general path, results far below the subnormals.
    let inside = gate.partials(0.5 - 39.9 * 0.25);
    assert_eq!((inside.dx, inside.dmu, inside.dsigma), (-0.0, 0.0, -0.0));
}

#[test]
fn bad_parameters_are_named() {
    for sigma in [0.0, -0.0, -1.0, f64::INFINITY, f64::NEG_INFINITY] {
        assert_eq!(GeluMuSigma::new(0.0, sigma), Err(Chapter5Error::SigmaOutOfRange { sigma }));
    }
    for mu in [f64::INFINITY, f64::NEG_INFINITY] {
        assert_eq!(GeluMuSigma::new(mu, 1.0), Err(Chapter5Error::MuOutOfRange { mu }));
    }
    let message = GeluMuSigma::new(0.0, f64::NAN).unwrap_err().to_string();
    assert!(message.contains("sigma = NaN"), "{message}");
}

#[test]
fn no_finite_input_panics_or_gives_nan() {
    // Random bit patterns (mostly huge or tiny magnitudes) and moderate values, mixed.
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(20261205);
    let draw = |rng: &mut Xoshiro256PlusPlus| loop {
        let v = match rng.random_range(0..3) {
            0 => f64::from_bits(rng.random::<u64>()),
            1 => rng.random_range(-50.0..50.0),
            _ => rng.random_range(-1.0..1.0) * 2f64.powi(rng.random_range(-1074..1024)),
        };
        if v.is_finite() {
            return v;
        }
    };
    for _ in 0..20_000 {
        let (mut x, mu, sigma) = (draw(&mut rng), draw(&mut rng), draw(&mut rng).abs());
        if rng.random_bool(0.5) {
            // z moderate or in the far tail (the value's zero cutoff is -64), whatever the scales.
            x = mu + rng.random_range(-70.0..45.0) * sigma;
        }
        let Ok(gate) = GeluMuSigma::new(mu, sigma) else { continue };
        let v = gate.value(x);
        let p = gate.partials(x);
        let at = format!("x = {x:e}, mu = {mu:e}, sigma = {sigma:e}");
        assert!(!v.is_nan() && !p.dx.is_nan() && !p.dmu.is_nan() && !p.dsigma.is_nan(), "{at}: {v} {p:?}");
        // |value| <= |x|, and it has the sign of x (or is zero).
        assert!(v.abs() <= x.abs() && (v == 0.0 || v.signum() == x.signum()), "{at}: {v}");
        // dmu has the sign of -x, dsigma that of -x z.
        assert!(p.dmu == 0.0 || p.dmu.signum() == -x.signum(), "{at}: {p:?}");
    }
}
