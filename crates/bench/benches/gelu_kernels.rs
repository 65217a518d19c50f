//! Criterion benchmarks of chapter 4: time per element of the three `f32` kernels, of scalar
//! `libm` loops (the baselines), and of the scalar `f64` functions (the exact `gelu` and `Phi`,
//! the two approximations, the erfc-form loop), on a slice that fits in
//! L1/L2 (4096 elements) and one that does not (16 Mi elements: 64 MiB of `f32`, 128 MiB of `f64`).
//!
//! `cargo bench -p gelu-bench` (about 4 minutes). Each measurement starts from a fresh copy of
//! the inputs (`iter_batched_ref`: the copy is not timed), so every run sees the same values.

use std::hint::black_box;
use std::time::Duration;

use chapter4::{gelu_exact_f32, gelu_sigmoid, gelu_sigmoid_f32, gelu_tanh, gelu_tanh_f32};
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
    let kernels: [(&str, KernelF32); 6] = [
        ("gelu_exact_f32", gelu_exact_f32),
        ("gelu_tanh_f32", gelu_tanh_f32),
        ("tanh_flush_f32", gelu_tanh_flush_f32),
        ("gelu_sigmoid_f32", gelu_sigmoid_f32),
        ("libm_erfcf_loop", erfcf_loop),
        ("libm_erff_loop", erff_loop),
    ];
    bench_in_place(c, "f32", inputs_f32, &kernels, Timing { large: (10, 8), small: (50, 3) });
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

criterion_group!(benches, f32_kernels, f64_scalar);
criterion_main!(benches);
