//! Every dispatch path of the `f32` kernels, forward and backward, gives the portable path's bits,
//! on a sweep of all `f32` bit patterns (every 4093rd, or every 251st with the `slow-tests`
//! feature: every exponent and many low-bit patterns) and on
//! slices of every length up to 40 at every alignment (the remainder loop). The exhaustive
//! version is `cargo run --release -p chapter4 --example exhaustive_f32` (every path, 2^32 inputs).
//!
//! A path this CPU lacks cannot be tested here; each test writes which paths it ran and which it
//! skipped to stderr (shown even when the test passes).

use std::io::Write;

use chapter4::{
    KernelError, KernelPath, elu_f32_on, elu_grad_f32_on, gelu_exact_f32_on, gelu_exact_grad_f32_on,
    gelu_sigmoid_f32_on, gelu_sigmoid_grad_f32_on, gelu_tanh_f32_on, gelu_tanh_grad_f32_on, silu_f32_on,
    silu_grad_f32_on, std_normal_cdf_f32_on, std_normal_pdf_f32_on,
};

/// A kernel that runs on a chosen path.
type OnPath = fn(KernelPath, &mut [f32]) -> Result<(), KernelError>;

const KERNELS: [(&str, OnPath); 7] = [
    ("gelu_exact_f32", gelu_exact_f32_on),
    ("gelu_tanh_f32", gelu_tanh_f32_on),
    ("gelu_sigmoid_f32", gelu_sigmoid_f32_on),
    ("silu_f32", silu_f32_on),
    ("elu_f32 (alpha 1)", |path, values| elu_f32_on(path, 1.0, values)),
    ("std_normal_cdf_f32", std_normal_cdf_f32_on),
    ("std_normal_pdf_f32", std_normal_pdf_f32_on),
];

/// A backward kernel that runs on a chosen path.
type BackwardOnPath = fn(KernelPath, &[f32], &mut [f32]) -> Result<(), KernelError>;

const BACKWARD: [(&str, BackwardOnPath); 5] = [
    ("gelu_exact_grad_f32", gelu_exact_grad_f32_on),
    ("gelu_tanh_grad_f32", gelu_tanh_grad_f32_on),
    ("gelu_sigmoid_grad_f32", gelu_sigmoid_grad_f32_on),
    ("silu_grad_f32", silu_grad_f32_on),
    ("elu_grad_f32 (alpha 1)", |path, x, gradient| elu_grad_f32_on(path, 1.0, x, gradient)),
];

/// Incoming gradients for the backward kernels: varied, so the product is checked too.
fn incoming(n: usize) -> Vec<f32> {
    (0..n).map(|i| 1.0 + 0.37 * (i % 7) as f32 - 0.11 * (i % 3) as f32).collect()
}

/// A sweep of bit patterns plus the special values, NaNs and infinities included.
fn sweep() -> Vec<f32> {
    // Every 4093rd pattern (a million) in the learner's loop, every 251st with `slow-tests`.
    let stride = if cfg!(feature = "slow-tests") { 251 } else { 4093 };
    let mut inputs: Vec<f32> = (0..=u32::MAX).step_by(stride).map(f32::from_bits).collect();
    inputs.extend([
        0.0,
        -0.0,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NAN,
        f32::MIN_POSITIVE,
        -f32::MIN_POSITIVE,
    ]);
    inputs.extend([f32::MAX, f32::MIN, 1e-45, -1e-45, 0.75, -0.75, 15.0, -15.0, -14.37]);
    inputs
}

/// Reports on stderr which paths a test ran and which it skipped.
fn report(test: &str, ran: &[KernelPath]) {
    let names = |paths: &mut dyn Iterator<Item = KernelPath>| {
        paths.map(KernelPath::name).collect::<Vec<_>>().join(", ")
    };
    let skipped = names(&mut KernelPath::ALL.into_iter().filter(|path| !ran.contains(path)));
    let ran = names(&mut ran.iter().copied());
    let skipped =
        if skipped.is_empty() { "none".to_owned() } else { format!("{skipped} (this CPU lacks them)") };
    // Straight to the stderr handle: the test harness captures only `print!` and `eprint!`.
    let line = format!("{test}: paths tested: {ran}; skipped: {skipped}\n");
    let _ = std::io::stderr().write_all(line.as_bytes());
}

/// The index and bits of the first element where two outputs differ.
fn first_difference(a: &[f32], b: &[f32]) -> Option<(usize, u32, u32)> {
    a.iter().zip(b).position(|(x, y)| x.to_bits() != y.to_bits()).map(|i| (i, a[i].to_bits(), b[i].to_bits()))
}

#[test]
fn every_path_gives_the_portable_bits_on_a_dense_sweep() {
    let inputs = sweep();
    let available = KernelPath::available();
    for (name, kernel) in KERNELS {
        let mut portable = inputs.clone();
        kernel(KernelPath::Portable, &mut portable).unwrap();
        for &path in &available[1..] {
            let mut on_path = inputs.clone();
            kernel(path, &mut on_path).unwrap();
            if let Some((i, want, got)) = first_difference(&portable, &on_path) {
                panic!(
                    "{name} on {}: x = {:e} gives bits {got:#010x}, portable {want:#010x}",
                    path.name(),
                    inputs[i]
                );
            }
        }
    }
    for (name, kernel) in BACKWARD {
        let mut portable = incoming(inputs.len());
        kernel(KernelPath::Portable, &inputs, &mut portable).unwrap();
        for &path in &available[1..] {
            let mut on_path = incoming(inputs.len());
            kernel(path, &inputs, &mut on_path).unwrap();
            if let Some((i, want, got)) = first_difference(&portable, &on_path) {
                panic!(
                    "{name} on {}: x = {:e} gives bits {got:#010x}, portable {want:#010x}",
                    path.name(),
                    inputs[i]
                );
            }
        }
    }
    report("dense sweep", &available);
}

#[test]
fn every_path_gives_the_portable_bits_at_every_length_and_alignment() {
    let values: Vec<f32> = (0..80).map(|i| -12.0 + 0.31 * i as f32).collect();
    let available = KernelPath::available();
    for (name, kernel) in KERNELS {
        for start in 0..16 {
            for len in 0..=40 {
                let slice = &values[start..start + len];
                // Element by element on the portable path: the reference for each position.
                let alone: Vec<f32> = slice
                    .iter()
                    .map(|&x| {
                        let mut one = [x];
                        kernel(KernelPath::Portable, &mut one).unwrap();
                        one[0]
                    })
                    .collect();
                for &path in &available {
                    let mut on_path = slice.to_vec();
                    kernel(path, &mut on_path).unwrap();
                    assert_eq!(
                        first_difference(&alone, &on_path),
                        None,
                        "{name} on {}, slice {start}..{}",
                        path.name(),
                        start + len
                    );
                }
            }
        }
    }
    for (name, kernel) in BACKWARD {
        for start in 0..16 {
            for len in 0..=40 {
                let x = &values[start..start + len];
                let gradient = incoming(80)[start..start + len].to_vec();
                let alone: Vec<f32> = x
                    .iter()
                    .zip(&gradient)
                    .map(|(&x, &g)| {
                        let mut one = [g];
                        kernel(KernelPath::Portable, &[x], &mut one).unwrap();
                        one[0]
                    })
                    .collect();
                for &path in &available {
                    let mut on_path = gradient.clone();
                    kernel(path, x, &mut on_path).unwrap();
                    assert_eq!(
                        first_difference(&alone, &on_path),
                        None,
                        "{name} on {}, slice {start}..",
                        path.name()
                    );
                }
            }
        }
    }
    report("lengths and alignments", &available);
}

#[test]
fn an_unavailable_path_is_an_error_and_leaves_the_values() {
    for path in KernelPath::ALL.into_iter().filter(|path| !path.is_available()) {
        let mut values = [1.0f32, -1.0];
        assert_eq!(gelu_exact_f32_on(path, &mut values), Err(KernelError::PathUnavailable(path)));
        assert_eq!(values, [1.0, -1.0]);
        assert!(KernelError::PathUnavailable(path).to_string().contains(path.name()));
        let mut gradient = [1.0f32, 1.0];
        assert_eq!(
            gelu_exact_grad_f32_on(path, &[0.0, 1.0], &mut gradient),
            Err(KernelError::PathUnavailable(path))
        );
        assert_eq!(gradient, [1.0, 1.0]);
    }
    for (_, kernel) in BACKWARD {
        let mut gradient = [1.0f32, 2.0];
        let error = kernel(KernelPath::Portable, &[0.0, 1.0, 2.0], &mut gradient);
        assert_eq!(error, Err(KernelError::InputLength { expected: 3, found: 2 }));
        assert_eq!(gradient, [1.0, 2.0]);
    }
    assert_eq!(KernelPath::selected(), *KernelPath::available().last().unwrap());
}
