//! Criterion benchmark of chapter 5's network: samples per second for one training epoch of the
//! network chapter 6 trains (64 inputs, 8 hidden layers of 128 units, 10 classes; batch 128,
//! Adam) on 1,400 samples, with exact GELU (`chapter4::gelu_exact_f32`) and with ReLU; and the
//! matrix product alone, `matrixmultiply` (through ndarray) against the plain triple loop.
//!
//! The data are `chapter5::network::gaussian_clusters(1400, 64, 10, 1.0, _)`, a synthetic
//! stand-in of the 8x8 digits' shape (the real digits are chapter 6's business). After the
//! criterion groups, the bench prints the GELU / ReLU time ratio measured by alternating the two
//! epoch after epoch (the machine is shared: alternating cancels most drift between them).
//!
//! `cargo bench -p gelu-bench --bench network_epoch` (about a minute).

use std::hint::black_box;
use std::time::{Duration, Instant};

use chapter5::network::{
    Activation, Dataset, Network, Optimizer, Real, TrainConfig, gaussian_clusters, gemm_plain, train,
};
use criterion::{BenchmarkId, Criterion, Throughput};

const SAMPLES: usize = 1400;
const HIDDEN: [usize; 8] = [128; 8];

fn data() -> Dataset {
    gaussian_clusters(SAMPLES, 64, 10, 1.0, 6).expect("valid sizes")
}

fn config() -> TrainConfig {
    TrainConfig { epochs: 1, batch_size: 128, optimizer: Optimizer::adam(1e-3).expect("valid rate"), seed: 1 }
}

fn network(activation: Activation) -> Network<f32> {
    Network::mlp(64, &HIDDEN, 10, activation, 2).expect("valid sizes")
}

const ACTIVATIONS: [(&str, Activation); 4] = [
    ("gelu_exact_f32", Activation::Gelu),
    ("relu", Activation::Relu),
    ("gelu_tanh_f32", Activation::GeluTanh),
    ("gelu_sigmoid_f32", Activation::GeluSigmoid),
];

fn epoch(c: &mut Criterion) {
    let data = data();
    let mut group = c.benchmark_group("network_epoch");
    group.throughput(Throughput::Elements(SAMPLES as u64));
    group.sample_size(20).measurement_time(Duration::from_secs(8));
    for (name, activation) in ACTIVATIONS {
        let mut net = network(activation);
        group.bench_function(name, |b| {
            b.iter(|| train(black_box(&mut net), &data, &config()).expect("finite loss"))
        });
    }
    group.finish();
}

fn matrix_product(c: &mut Criterion) {
    // One hidden layer's forward product on a full batch: (128 x 128) (128 x 128).
    let n = 128;
    let a: Vec<f32> = (0..n * n).map(|i| ((i % 17) as f32 - 8.0) * 0.01).collect();
    let b: Vec<f32> = (0..n * n).map(|i| ((i % 13) as f32 - 6.0) * 0.01).collect();
    let mut out = vec![0.0f32; n * n];
    let mut group = c.benchmark_group("matrix_product_128");
    group.throughput(Throughput::Elements((2 * n * n * n) as u64)); // flops
    group.sample_size(30).measurement_time(Duration::from_secs(3));
    group.bench_function(BenchmarkId::new("matrixmultiply", n), |bench| {
        bench.iter(|| f32::gemm(n, n, n, black_box(&a), false, &b, false, 0.0, &mut out))
    });
    group.bench_function(BenchmarkId::new("plain_loop", n), |bench| {
        bench.iter(|| gemm_plain(n, n, n, black_box(&a), false, &b, false, 0.0, &mut out))
    });
    // The backward's weight gradient reads X transposed: X^T G.
    group.bench_function(BenchmarkId::new("matrixmultiply_transposed", n), |bench| {
        bench.iter(|| f32::gemm(n, n, n, black_box(&a), true, &b, false, 0.0, &mut out))
    });
    group.bench_function(BenchmarkId::new("plain_loop_transposed", n), |bench| {
        bench.iter(|| gemm_plain(n, n, n, black_box(&a), true, &b, false, 0.0, &mut out))
    });
    group.finish();
}

/// Alternates GELU and ReLU epochs and prints the ratio of their best times.
fn ratio() {
    let data = data();
    let (mut gelu, mut relu) = (network(Activation::Gelu), network(Activation::Relu));
    let time = |net: &mut Network<f32>| {
        let start = Instant::now();
        train(black_box(net), &data, &config()).expect("finite loss");
        start.elapsed().as_secs_f64()
    };
    let (mut best_gelu, mut best_relu) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..30 {
        best_gelu = best_gelu.min(time(&mut gelu));
        best_relu = best_relu.min(time(&mut relu));
    }
    println!(
        "network_epoch, alternating best of 30: exact GELU {:.1}k samples/s, ReLU {:.1}k samples/s, \
         GELU/ReLU time ratio {:.3}",
        SAMPLES as f64 / best_gelu / 1e3,
        SAMPLES as f64 / best_relu / 1e3,
        best_gelu / best_relu
    );
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    epoch(&mut criterion);
    matrix_product(&mut criterion);
    criterion.final_summary();
    ratio();
}
