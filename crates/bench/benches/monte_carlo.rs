//! Chapter 3: how fast can the gate be sampled? Every method draws the same number of coins
//! (`DRAWS`) at x = 1 (keep probability Phi(1) = 0.841), and the baseline is the generator itself:
//! producing one raw u64 per coin. Throughput is in coins per second, so ratios to `raw_u64` read
//! directly as "coins per raw-word time".

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rand::rngs::Xoshiro256PlusPlus;
use rand::{Rng, SeedableRng};

const DRAWS: u64 = 1 << 20;
const X: f64 = 1.0;

fn monte_carlo(c: &mut Criterion) {
    let mut group = c.benchmark_group("mc_draws");
    group.throughput(Throughput::Elements(DRAWS));
    let p = chapter3::std_normal_cdf(X);

    group.bench_function("raw_u64", |b| {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
        b.iter(|| {
            let mut acc = 0_u64;
            for _ in 0..DRAWS {
                acc ^= rng.next_u64();
            }
            black_box(acc)
        });
    });
    group.bench_function("uniform_f64_compare", |b| {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(2);
        b.iter(|| chapter3::mc_gelu(black_box(X), DRAWS, &mut rng));
    });
    group.bench_function("integer_threshold", |b| {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(3);
        // p rounded to a multiple of 2^-64, as rand's Bernoulli does: one u64 per coin.
        let threshold = (p * 2.0_f64.powi(64)) as u64;
        b.iter(|| {
            let mut kept = 0_u64;
            for _ in 0..DRAWS {
                kept += u64::from(rng.next_u64() < black_box(threshold));
            }
            black_box(kept)
        });
    });
    group.bench_function("word_parallel", |b| {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(4);
        b.iter(|| chapter3::mc_gelu_fast(black_box(X), DRAWS, &mut rng));
    });
    group.finish();
}

criterion_group!(benches, monte_carlo);
criterion_main!(benches);
