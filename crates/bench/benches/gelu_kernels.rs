//! Criterion benchmarks of chapter 4: time per element of the `f32` kernels forward and backward
//! (on the dispatch path the CPU selects), of scalar `libm` loops (the baselines), and of the
//! scalar `f64` functions (the exact `gelu` and `Phi`, the two approximations, the erfc-form
//! loop), on a slice that fits in L1/L2 (4096 elements) and one that does not (16 Mi elements:
//! 64 MiB of `f32`, 128 MiB of `f64`); and group `f32_paths`: every kernel on every dispatch path
//! this CPU has, at 4096 elements (`name@path`, so the portable baseline stays measurable on a
//! machine with AVX-512).
//!
//! `cargo bench -p gelu-bench --bench gelu_kernels` (about 8 minutes). Each measurement starts from a fresh copy of
//! the inputs (`iter_batched_ref`: the copy is not timed), so every run sees the same values.

use std::hint::black_box;
use std::time::Duration;

use chapter4::{
    KernelError, KernelPath, gelu_exact_f32, gelu_exact_f32_on, gelu_exact_grad_f32, gelu_exact_grad_f32_on,
    gelu_sigmoid, gelu_sigmoid_f32, gelu_sigmoid_f32_on, gelu_sigmoid_grad_f32, gelu_sigmoid_grad_f32_on,
    gelu_tanh, gelu_tanh_f32, gelu_tanh_f32_on, gelu_tanh_grad_f32, gelu_tanh_grad_f32_on, silu_f32,
    silu_f32_on, silu_grad_f32, silu_grad_f32_on,
};
use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use gelu_bench::{
    erfc_loop_f64, erfcf_loop, erff_loop, gelu_tanh_flush_f32, inputs_f32, inputs_f64, map_f64,
};

const SIZES: [usize; 2] = [4096, 16 << 20];

/// An in-place kernel over `f32` or over `f64`.
type KernelF32 = fn(&mut [f32]);
type KernelF64 = fn(&mut [f64]);

fn batch_size(n: usize) -> BatchSize {
    if n <= 4096 { BatchSize::SmallInput } else { BatchSize::PerIteration }
}

/// A benchmark's name and the in-place function it times.
type Named<'a, T> = (&'a str, fn(&mut [T]));

/// Sample counts and measurement times of one group: (large slices, 4096 elements).
struct Timing {
    large: (usize, u64),
    small: (usize, u64),
}

/// One criterion group `group_name`: every in-place function on a fresh copy of `inputs(n)` for
/// each size in [`SIZES`].
fn bench_in_place<T: Clone>(
    c: &mut Criterion,
    group_name: &str,
    inputs: fn(usize) -> Vec<T>,
    functions: &[Named<T>],
    timing: Timing,
) {
    let mut group = c.benchmark_group(group_name);
    for n in SIZES {
        let input = inputs(n);
        group.throughput(Throughput::Elements(n as u64));
        let (samples, seconds) = if n > 4096 { timing.large } else { timing.small };
        group.sample_size(samples).measurement_time(Duration::from_secs(seconds));
        for &(name, f) in functions {
            group.bench_with_input(BenchmarkId::new(name, n), &input, |b, input| {
                b.iter_batched_ref(|| input.clone(), |v| f(black_box(v.as_mut_slice())), batch_size(n))
            });
        }
    }
    group.finish();
}

fn f32_kernels(c: &mut Criterion) {
    let kernels: [(&str, KernelF32); 7] = [
        ("gelu_exact_f32", gelu_exact_f32),
        ("gelu_tanh_f32", gelu_tanh_f32),
        ("tanh_flush_f32", gelu_tanh_flush_f32),
        ("gelu_sigmoid_f32", gelu_sigmoid_f32),
        ("silu_f32", silu_f32),
        ("libm_erfcf_loop", erfcf_loop),
        ("libm_erff_loop", erff_loop),
    ];
    bench_in_place(c, "f32", inputs_f32, &kernels, Timing { large: (10, 8), small: (50, 3) });
    let backward: [(&str, Backward); 4] = [
        ("gelu_exact_grad_f32", gelu_exact_grad_f32),
        ("gelu_tanh_grad_f32", gelu_tanh_grad_f32),
        ("gelu_sigmoid_grad_f32", gelu_sigmoid_grad_f32),
        ("silu_grad_f32", silu_grad_f32),
    ];
    let mut group = c.benchmark_group("f32");
    for n in SIZES {
        let x = inputs_f32(n);
        let gradient = vec![1.0f32; n];
        group.throughput(Throughput::Elements(n as u64));
        let (samples, seconds) = if n > 4096 { (10, 8) } else { (50, 3) };
        group.sample_size(samples).measurement_time(Duration::from_secs(seconds));
        for &(name, f) in &backward {
            group.bench_with_input(BenchmarkId::new(name, n), &x, |b, x| {
                b.iter_batched_ref(
                    || gradient.clone(),
                    |g| f(black_box(x), black_box(g.as_mut_slice())).expect("equal lengths"),
                    batch_size(n),
                )
            });
        }
    }
    group.finish();
}

/// A backward kernel: `gradient *= f'(x)`.
type Backward = fn(&[f32], &mut [f32]) -> Result<(), KernelError>;

/// Every kernel on every dispatch path this CPU has, at 4096 elements.
fn f32_paths(c: &mut Criterion) {
    type Forward = fn(KernelPath, &mut [f32]) -> Result<(), KernelError>;
    type BackwardOn = fn(KernelPath, &[f32], &mut [f32]) -> Result<(), KernelError>;
    let forward: [(&str, Forward); 4] = [
        ("gelu_exact_f32", gelu_exact_f32_on),
        ("gelu_tanh_f32", gelu_tanh_f32_on),
        ("gelu_sigmoid_f32", gelu_sigmoid_f32_on),
        ("silu_f32", silu_f32_on),
    ];
    let backward: [(&str, BackwardOn); 4] = [
        ("gelu_exact_grad_f32", gelu_exact_grad_f32_on),
        ("gelu_tanh_grad_f32", gelu_tanh_grad_f32_on),
        ("gelu_sigmoid_grad_f32", gelu_sigmoid_grad_f32_on),
        ("silu_grad_f32", silu_grad_f32_on),
    ];
    let n = 4096;
    let x = inputs_f32(n);
    let ones = vec![1.0f32; n];
    let mut group = c.benchmark_group("f32_paths");
    group.throughput(Throughput::Elements(n as u64));
    group.sample_size(30).measurement_time(Duration::from_secs(2));
    for path in KernelPath::available() {
        for &(name, f) in &forward {
            group.bench_with_input(BenchmarkId::new(format!("{name}@{}", path.name()), n), &x, |b, x| {
                b.iter_batched_ref(
                    || x.clone(),
                    |v| f(path, black_box(v.as_mut_slice())).expect("available"),
                    BatchSize::SmallInput,
                )
            });
        }
        for &(name, f) in &backward {
            group.bench_with_input(BenchmarkId::new(format!("{name}@{}", path.name()), n), &x, |b, x| {
                b.iter_batched_ref(
                    || ones.clone(),
                    |g| f(path, black_box(x), black_box(g.as_mut_slice())).expect("available"),
                    BatchSize::SmallInput,
                )
            });
        }
    }
    group.finish();
}

fn f64_scalar(c: &mut Criterion) {
    let functions: [(&str, KernelF64); 5] = [
        ("gelu_exact", |v| map_f64(v, numerics::gelu)),
        ("std_normal_cdf_exact", |v| map_f64(v, numerics::std_normal_cdf)),
        ("gelu_tanh", |v| map_f64(v, gelu_tanh)),
        ("gelu_sigmoid", |v| map_f64(v, gelu_sigmoid)),
        ("libm_erfc_loop", erfc_loop_f64),
    ];
    bench_in_place(c, "f64", inputs_f64, &functions, Timing { large: (10, 10), small: (30, 3) });
}

criterion_group!(benches, f32_kernels, f32_paths, f64_scalar);
criterion_main!(benches);
