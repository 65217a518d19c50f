//! `gelu_exact_f32` against GELU in `f64`, over the whole `f32` range.
//!
//! * `sweep` (about 1.6 s on 2 cores with the `slow-tests` feature, as `cargo course verify` runs
//!   it): 3 * 10^7 inputs, every 211th `f32` bit pattern (all signs and magnitudes, 20 million
//!   finite inputs) plus a grid of 10 million points on `[-15, 10]`, where all the approximations
//!   live. In the learner's loop a tenth of that: every 2111th pattern and a million grid points.
//! * `exhaustive` (ignored; `cargo test --release -p chapter4 --test exact_f32_sweep -- --ignored`,
//!   about 70 s on 2 cores): all 2^32 bit patterns. Last run: max 3.740 ULP at x = -0.13997.
//!
//! Both assert at most 4 ULP and print the maximum and where.

use chapter4::gelu_exact_f32;
use numerics::{WorstCase, gelu as gelu_f64, ulps_f32 as f32_ulp_error};

/// Runs the kernel on the inputs in blocks (so that the vectorised path is exercised) and
/// returns the worst error.
fn worst_error(inputs: impl Iterator<Item = f32>) -> WorstCase<f32> {
    let mut worst = WorstCase::default();
    let mut block = Vec::with_capacity(4096);
    let mut inputs = inputs.peekable();
    while inputs.peek().is_some() {
        block.clear();
        block.extend(inputs.by_ref().take(4096));
        let mut out = block.clone();
        gelu_exact_f32(&mut out);
        for (&x, &y) in block.iter().zip(&out) {
            worst.record(f32_ulp_error(y, gelu_f64(x as f64)), x);
        }
    }
    worst
}

/// Splits `0..n` between two threads (the machine has two cores) and merges their results.
fn on_two_threads(n: u64, job: impl Fn(u64, u64) -> WorstCase<f32> + Sync) -> WorstCase<f32> {
    let job = &job;
    std::thread::scope(|s| {
        let half = n / 2;
        let first = s.spawn(move || job(0, half));
        let second = job(half, n);
        first.join().expect("thread").merge(second)
    })
}

/// `slow` with the `slow-tests` feature (`cargo course verify`), `quick` in the learner's loop.
const fn slow_or_quick(slow: u64, quick: u64) -> u64 {
    if cfg!(feature = "slow-tests") { slow } else { quick }
}

#[test]
fn sweep() {
    const STRIDE: u64 = slow_or_quick(211, 2111);
    let patterns = on_two_threads((1u64 << 32) / STRIDE + 1, |lo, hi| {
        worst_error((lo..hi).map(|i| f32::from_bits((i * STRIDE) as u32)).filter(|x| x.is_finite()))
    });
    const GRID: u64 = slow_or_quick(10_000_000, 1_000_000);
    let grid =
        on_two_threads(GRID, |lo, hi| worst_error((lo..hi).map(|i| -15.0 + 25.0 * (i as f32 / GRID as f32))));
    println!("every {STRIDE}th bit pattern: max {:.3} ULP at x = {:e}", patterns.error, patterns.at);
    println!("grid on [-15, 10]: max {:.3} ULP at x = {:e}", grid.error, grid.at);
    assert!(patterns.error <= 4.0, "{patterns:?}");
    assert!(grid.error <= 4.0, "{grid:?}");
}

#[test]
#[ignore = "all 2^32 inputs: run in release mode, about 70 s"]
fn exhaustive() {
    let worst = on_two_threads(1u64 << 32, |lo, hi| {
        worst_error((lo..hi).map(|i| f32::from_bits(i as u32)).filter(|x| x.is_finite()))
    });
    println!("all f32: max {:.3} ULP at x = {:e}", worst.error, worst.at);
    assert!(worst.error <= 4.0, "{worst:?}");
}
