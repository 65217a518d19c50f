//! The limits of the gated activation `x F((x - mu) / s)` and how fast they are approached:
//! `s -> 0` gives `x 1[x > mu]` (ReLU at `mu = 0`, chapter 2), uniformly in `x`, at the rate
//! `C s` with `C = max_t t F(-t)` (0.16997 for the normal gate); `s -> inf` gives `x / 2`
//! (chapter 1's plain dropout at `p = 1/2`, in expectation), uniformly only on bounded intervals,
//! at the rate `L^2 f(0) / s` on `[-L, L]`. And the relation of Swish, SiLU and GELU.

use chapter5::{
    Cauchy, GateCdf, GatedActivation, Laplace, Logistic, Normal, half_line_gap, hard_gate_limit,
    relu_gap_constant, silu, sup_distance_to_half, sup_distance_to_relu, swish, wide_gate_limit,
};

/// `x` on `[-5, 5]` in steps of 1e-3, plus `s t` for `t` on `[-8, 8]` in steps of 1e-3: the
/// second part resolves the peak of the gap at `x = s t*` however small `s` is.
fn grid_for(s: f64) -> Vec<f64> {
    let fixed = (-5000..=5000).map(|i| i as f64 * 1e-3);
    let scaled = (-8000..=8000).map(|i| s * (i as f64 * 1e-3));
    fixed.chain(scaled).collect()
}

#[test]
fn the_relu_gap_constant_of_the_normal_gate_is_0_1700() {
    let (t, c) = relu_gap_constant(&Normal);
    println!("normal gate: max_t t Phi(-t) = {c:.10} at t = {t:.10}");
    assert!((c - 0.16997120747990366).abs() < 1e-12, "{c}");
    // At the maximum, d/dt [t Phi(-t)] = Phi(-t) - t phi(t) = 0: the root of GELU', mirrored.
    // (The maximum is flat, so the search pins t only to about sqrt(eps) = 1e-8.)
    assert!((numerics::std_normal_cdf(-t) - t * numerics::std_normal_pdf(t)).abs() < 1e-7);
    assert!((t + numerics::GELU_MINIMUM_AT).abs() < 1e-7, "{t}");
}

#[test]
fn sharp_gates_converge_to_relu_like_c_times_sigma() {
    let (_, c) = relu_gap_constant(&Normal);
    let mut previous = f64::NAN;
    for sigma in [1.0, 0.1, 0.01] {
        let d = sup_distance_to_relu(&Normal, sigma, &grid_for(sigma)).unwrap();
        println!("sigma = {sigma}: sup |x Phi(x/sigma) - relu(x)| = {d:.6e} = {:.7} sigma", d / sigma);
        // The grid's step in t is 1e-3, so it misses the peak by at most (5e-4)^2 |g''| / 2 < 1e-7.
        assert!((d / sigma - c).abs() < 1e-6, "sigma = {sigma}: {d} vs {}", c * sigma);
        if previous.is_finite() {
            assert!((d / previous - 0.1).abs() < 1e-6, "ratio {}", d / previous);
        }
        previous = d;
    }
}

#[test]
fn every_light_tailed_gate_converges_at_its_own_constant() {
    let family: [(&dyn GateCdf, f64); 3] =
        [(&Normal, 0.16997120747990366), (&Logistic, 0.2784645427610738), (&Laplace, 0.18393972058572117)];
    for (gate, expected) in family {
        let (_, c) = relu_gap_constant(gate);
        assert!((c - expected).abs() < 1e-12, "{}: {c}", gate.name());
        for sigma in [0.1, 0.01] {
            let d = sup_distance_to_relu(gate, sigma, &grid_for(sigma)).unwrap();
            assert!((d / sigma - c).abs() < 1e-6, "{} sigma = {sigma}: {}", gate.name(), d / sigma);
        }
    }
    // The Cauchy's gap t atan(1/t) / pi creeps up to 1/pi: the supremum is 1/pi times sigma,
    // approached at the far end of the interval rather than attained.
    for sigma in [0.1, 0.01] {
        let d = sup_distance_to_relu(&Cauchy, sigma, &grid_for(sigma)).unwrap();
        let t_end = 5.0 / sigma;
        let at_end = t_end * (1.0 / t_end).atan() / std::f64::consts::PI;
        assert!(
            d / sigma < std::f64::consts::FRAC_1_PI && (d / sigma - at_end).abs() < 1e-12,
            "{}",
            d / sigma
        );
    }
}

#[test]
fn the_sharp_limit_is_chapter_2s_relu_at_mu_0() {
    let gate = GatedActivation::new(Normal, 0.0, 1e-9).unwrap();
    for i in -400..=400 {
        let x = i as f64 * 0.01;
        assert_eq!(hard_gate_limit(x, 0.0), chapter2::relu(x), "x = {x}");
        assert!((gate.value(x) - chapter2::relu(x)).abs() <= 0.17 * 1e-9, "x = {x}");
    }
    // At mu != 0 the limit jumps by mu at x = mu, so the convergence is not uniform there: just
    // right of mu the gap stays near mu / 2 for every sigma.
    for sigma in [0.1, 0.01, 0.001] {
        let shifted = GatedActivation::new(Normal, 1.0, sigma).unwrap();
        let x = 1.0 + 1e-12;
        assert!((shifted.value(x) - hard_gate_limit(x, 1.0) + 0.5).abs() < 1e-6);
    }
}

#[test]
fn wide_gates_converge_to_half_the_input_on_bounded_intervals() {
    let half_width = 2.0;
    let xs: Vec<f64> = (-2000..=2000).map(|i| i as f64 * 1e-3).collect();
    let first_order = half_width * half_width * numerics::std_normal_pdf(0.0); // L^2 / sqrt(2 pi)
    for s in [10.0, 100.0, 1000.0] {
        let exact = half_line_gap(&Normal, half_width, s).unwrap();
        let measured = sup_distance_to_half(&Normal, s, &xs).unwrap();
        println!("s = {s}: sup over [-2, 2] of |x Phi(x/s) - x/2| = {exact:.6e} = {:.6} / s", exact * s);
        assert!((measured - exact).abs() < 1e-15, "s = {s}: {measured} vs {exact}");
        // Phi(u) - 1/2 = phi(0) (u - u^3/6 + ...): relative gap to first order about u^2 / 6.
        let u = half_width / s;
        assert!((exact * s / first_order - 1.0).abs() <= u * u / 6.0 * 1.01 + 1e-12, "s = {s}");
    }
    // Not on the whole line: at x = s the gap is s (Phi(1) - 1/2) = 0.3413 s, growing with s.
    for s in [10.0, 100.0] {
        let gap = half_line_gap(&Normal, s, s).unwrap();
        assert!((gap / s - 0.3413447460685429).abs() < 1e-12, "{gap}");
    }
}

#[test]
fn the_wide_limit_is_plain_dropout_at_rate_one_half_in_expectation() {
    let rate = chapter1::DropoutRate::new(0.5).unwrap();
    for i in -50..=50 {
        let x = i as f64 * 0.1;
        assert_eq!(wide_gate_limit(x), x * rate.keep_probability(), "x = {x}");
    }
}

#[test]
fn swish_silu_and_gelu() {
    for i in -2000..=2000 {
        let x = i as f64 * 0.01;
        // Swish with beta = 1 is SiLU, bit for bit.
        assert_eq!(swish(x, 1.0).unwrap().to_bits(), silu(x).to_bits(), "x = {x}");
        // Swish with beta is the logistic gate with scale 1 / beta (to the rounding of z = x beta).
        let logistic = GatedActivation::new(Logistic, 0.0, 1.0 / 1.702).unwrap();
        let gap = (logistic.value(x) - swish(x, 1.702).unwrap()).abs();
        assert!(gap <= 8.0 * f64::EPSILON * x.abs().max(1e-300), "x = {x}: {gap:e}");
        // Chapter 4's sigmoid approximation takes 1.702 as the exact decimal; swish takes the
        // nearest f64, 4.3e-17 lower: a relative difference of about 4.3e-17 |x| (1 - sigmoid).
        let chapter4 = chapter4::gelu_sigmoid(x);
        let swish = swish(x, 1.702).unwrap();
        let tolerance = (2.0 * f64::EPSILON + 5e-17 * x.abs()) * chapter4.abs();
        assert!((swish - chapter4).abs() <= tolerance, "x = {x}: {swish:e} vs {chapter4:e}");
    }
    // GELU ~ x sigmoid(1.702 x): within 2.03e-2 (the constant chapter 4 fits by minimax).
    let (at, worst) =
        chapter4::max_abs_error(|x| swish(x, 1.702).unwrap() - chapter4::gelu(x), -10.0, 10.0, 20_000);
    println!("max |swish(x, 1.702) - GELU(x)| = {worst:.5e} at x = {at:.4}");
    assert!((worst - 2.03e-2).abs() < 5e-5 && (at.abs() - 2.27).abs() < 0.01, "{worst} at {at}");
    // SiLU itself is much further from GELU: its gate sigmoid(x) is the logistic at scale 1,
    // whose slope at 0 is 1/4, against GELU's phi(0) = 0.399.
    let (_, silu_worst) = chapter4::max_abs_error(|x| silu(x) - chapter4::gelu(x), -10.0, 10.0, 20_000);
    println!("max |SiLU(x) - GELU(x)| = {silu_worst:.5}");
    assert!(silu_worst > 0.1, "{silu_worst}");
}
