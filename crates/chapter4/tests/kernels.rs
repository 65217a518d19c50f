//! The three `f32` kernels: every element processed exactly once, the same bits on the vectorised
//! path as on the one-element path, special values, and the accuracy of the two approximation
//! kernels against their own formula (the `f64` functions) and against GELU.

use chapter4::{gelu_exact_f32, gelu_sigmoid, gelu_sigmoid_f32, gelu_tanh, gelu_tanh_f32};
use numerics::{WorstCase, gelu as gelu_f64, ulps_f32 as f32_ulp_error};

type Kernel = fn(&mut [f32]);

const KERNELS: [(&str, Kernel); 3] =
    [("exact", gelu_exact_f32), ("tanh", gelu_tanh_f32), ("sigmoid", gelu_sigmoid_f32)];

fn one(kernel: Kernel, x: f32) -> f32 {
    let mut v = [x];
    kernel(&mut v);
    v[0]
}

/// Deterministic inputs in `[-4, -0.1]` and `[0.1, 4]`, where `f(x) != x` and `f(f(x)) != f(x)`
/// for all three kernels: a skipped element keeps `x`, an element processed twice gets `f(f(x))`.
fn inputs(n: usize) -> Vec<f32> {
    (0..n)
        .map(|i| {
            let t = ((i as u32).wrapping_mul(2_654_435_761) >> 8) as f32 / (1u32 << 24) as f32; // [0, 1)
            let magnitude = 0.1 + 3.9 * t;
            if i % 3 == 1 { magnitude } else { -magnitude }
        })
        .collect()
}

#[test]
fn every_length_gives_the_one_element_results() {
    for (name, kernel) in KERNELS {
        for n in 0..=67 {
            let input = inputs(n);
            let mut output = input.clone();
            kernel(&mut output);
            for (i, (&x, &y)) in input.iter().zip(&output).enumerate() {
                let single = one(kernel, x);
                let twice = one(kernel, single);
                assert!(single != x && twice != single, "{name}: bad test input {x}");
                assert_eq!(y.to_bits(), single.to_bits(), "{name}, length {n}, element {i}: x = {x}");
            }
        }
    }
}

#[test]
fn a_long_slice_gives_the_one_element_results() {
    // 4099 = 256 chunks of 16, plus 3: both paths, on inputs spread over [-20, 20].
    let input: Vec<f32> = (0..4099).map(|i| -20.0 + 40.0 * i as f32 / 4099.0).collect();
    for (name, kernel) in KERNELS {
        let mut output = input.clone();
        kernel(&mut output);
        for (&x, &y) in input.iter().zip(&output) {
            assert_eq!(y.to_bits(), one(kernel, x).to_bits(), "{name}: x = {x}");
        }
    }
}

#[test]
fn special_values() {
    for (name, kernel) in KERNELS {
        kernel(&mut []); // an empty slice is fine
        let mut v = [f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 0.0, -0.0, f32::MAX, f32::MIN, -f32::NAN];
        kernel(&mut v);
        assert!(v[0].is_nan() && v[7].is_nan(), "{name}: NaN");
        assert_eq!(v[1], f32::INFINITY, "{name}: +inf");
        assert_eq!(v[2].to_bits(), (-0.0f32).to_bits(), "{name}: -inf");
        assert_eq!(v[3].to_bits(), 0.0f32.to_bits(), "{name}: +0");
        assert_eq!(v[4].to_bits(), (-0.0f32).to_bits(), "{name}: -0");
        assert_eq!(v[5], f32::MAX, "{name}: MAX");
        assert_eq!(v[6].to_bits(), (-0.0f32).to_bits(), "{name}: MIN");
        // Subnormal inputs: GELU(x) = x/2 (1 + O(x)), rounded.
        let mut v = [f32::from_bits(1), -f32::from_bits(3), f32::MIN_POSITIVE];
        kernel(&mut v);
        assert_eq!(v, [0.0, -f32::from_bits(2), f32::MIN_POSITIVE / 2.0], "{name}: subnormal inputs");
    }
}

#[test]
fn exact_kernel_underflows_like_the_correctly_rounded_result() {
    // GELU(x) is subnormal from x = -13.2 and rounds to zero below x = -14.37.
    let mut v = [-13.5f32, -14.0, -14.3, -14.4, -14.9, -15.0, -16.0, -1e30];
    let expected: Vec<f64> = v.iter().map(|&x| gelu_f64(x as f64)).collect();
    gelu_exact_f32(&mut v);
    for (&y, &e) in v.iter().zip(&expected) {
        assert!(f32_ulp_error(y, e) <= 4.0, "{y:e} vs {e:e}");
        assert!(y <= 0.0);
    }
    assert!(v[0] < 0.0 && v[2] < 0.0, "still subnormal, not zero");
    assert_eq!(&v[3..].iter().map(|y| y.to_bits()).collect::<Vec<_>>(), &[(-0.0f32).to_bits(); 5]);
}

/// Every 2039th `f32` bit pattern (2.1 million) and a grid of a million points on `[-70, 10]`.
fn sweep_inputs() -> Vec<f32> {
    let grid = (0..1_000_000u32).map(|i| -70.0 + 80.0 * (i as f32 / 1e6));
    let patterns = (0..=(u32::MAX / 2039)).map(|i| f32::from_bits(i * 2039)).filter(|x| x.is_finite());
    grid.chain(patterns).collect()
}

/// The worst of `error(x, kernel(x))` over the sweep.
fn worst(kernel: Kernel, error: impl Fn(f32, f32) -> f64) -> WorstCase<f32> {
    let inputs = sweep_inputs();
    let mut outputs = inputs.clone();
    kernel(&mut outputs);
    let mut worst = WorstCase::default();
    for (&x, &y) in inputs.iter().zip(&outputs) {
        worst.record(error(x, y), x);
    }
    worst
}

#[test]
fn approximation_kernels_against_their_own_formula() {
    // The documented bound (see the kernels): 3.5 ULP, plus the rounding of the argument y = 2u
    // or 1.702 x (relative error up to 5 and 1.25 units of 2^-24, constants included), which
    // e^-|y| turns into a relative error of the result, that is ULPs, in the left tail.
    let y_tanh = |x: f32| (x as f64) * (1.5958 + 0.07136 * (x as f64) * (x as f64));
    let tanh = worst(gelu_tanh_f32, |x, y| {
        let bound = 3.5 + if x < 0.0 { 5.0 * y_tanh(x).abs() } else { 0.0 };
        f32_ulp_error(y, gelu_tanh(x as f64)) / bound
    });
    let sigmoid = worst(gelu_sigmoid_f32, |x, y| {
        let bound = 3.5 + if x < 0.0 { 1.25 * 1.702 * (x as f64).abs() } else { 0.0 };
        f32_ulp_error(y, gelu_sigmoid(x as f64)) / bound
    });
    println!("tanh kernel: error / bound at most {:.3} (x = {:e})", tanh.error, tanh.at);
    println!("sigmoid kernel: error / bound at most {:.3} (x = {:e})", sigmoid.error, sigmoid.at);
    assert!(tanh.error <= 1.0 && sigmoid.error <= 1.0);
    // Where the formula has no cancellation and y is small, a few ULP.
    let central = |kernel: Kernel, formula: fn(f64) -> f64| {
        worst(kernel, |x, y| if x.abs() <= 1.0 { f32_ulp_error(y, formula(x as f64)) } else { 0.0 })
    };
    let (tanh, sigmoid) = (central(gelu_tanh_f32, gelu_tanh), central(gelu_sigmoid_f32, gelu_sigmoid));
    println!(
        "on [-1, 1]: tanh kernel {:.3} ULP (x = {:e}), sigmoid kernel {:.3} ULP (x = {:e})",
        tanh.error, tanh.at, sigmoid.error, sigmoid.at
    );
    assert!(tanh.error <= 3.5 && sigmoid.error <= 3.5);
}

#[test]
fn approximation_kernels_against_gelu() {
    // Absolute error on [-10, 10]: the formula's own error (computed here in f64 on the same
    // inputs) plus the kernel's f32 rounding, below 1e-6 there.
    for (name, kernel, formula) in [
        ("tanh", gelu_tanh_f32 as Kernel, gelu_tanh as fn(f64) -> f64),
        ("sigmoid", gelu_sigmoid_f32, gelu_sigmoid),
    ] {
        let in_range = |x: f32| x.abs() <= 10.0;
        let of_formula =
            worst(
                kernel,
                |x, _| if in_range(x) { (formula(x as f64) - gelu_f64(x as f64)).abs() } else { 0.0 },
            );
        let of_kernel =
            worst(kernel, |x, y| if in_range(x) { (y as f64 - gelu_f64(x as f64)).abs() } else { 0.0 });
        println!(
            "{name}: max |formula - GELU| = {:.4e} at x = {:e}; max |kernel - GELU| = {:.4e} at x = {:e}",
            of_formula.error, of_formula.at, of_kernel.error, of_kernel.at
        );
        assert!(of_kernel.error <= of_formula.error + 1e-6, "{name}");
    }
}
