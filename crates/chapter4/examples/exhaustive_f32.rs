//! Every `f32` through each kernel, against `f64` references: max ULP error and where.
//! `cargo run --release --example exhaustive_f32` (a few minutes on 2 cores).

use chapter4::{gelu, gelu_exact_f32, gelu_sigmoid, gelu_sigmoid_f32, gelu_tanh, gelu_tanh_f32};
use numerics::{WorstCase, ulps_f32};

/// Ranges of x reported separately.
const REGIONS: [(f32, f32); 14] = [
    (f32::MIN, -8.0),
    (-8.0, -4.0),
    (-4.0, -2.0),
    (-2.0, -1.0),
    (-1.0, -0.5),
    (-0.5, -0.125),
    (-0.125, 0.0),
    (0.0, 0.125),
    (0.125, 0.5),
    (0.5, 1.0),
    (1.0, 2.0),
    (2.0, 4.0),
    (4.0, 8.0),
    (8.0, f32::MAX),
];

/// An in-place `f32` kernel, and the `f64` function it is compared with.
type Kernel = fn(&mut [f32]);
type Reference = fn(f64) -> f64;

fn main() {
    let kernels: [(&str, Kernel, Reference); 5] = [
        ("exact vs GELU", gelu_exact_f32, gelu),
        ("tanh vs own formula", gelu_tanh_f32, gelu_tanh),
        ("sigmoid vs own formula", gelu_sigmoid_f32, gelu_sigmoid),
        ("tanh vs GELU", gelu_tanh_f32, gelu),
        ("sigmoid vs GELU", gelu_sigmoid_f32, gelu),
    ];
    let which: Vec<usize> = std::env::args().skip(1).map(|a| a.parse().unwrap()).collect();
    let step: u64 = std::env::var("STEP").ok().map(|s| s.parse().unwrap()).unwrap_or(1);
    for (i, (name, kernel, reference)) in kernels.into_iter().enumerate() {
        if !which.is_empty() && !which.contains(&i) {
            continue;
        }
        let start = std::time::Instant::now();
        let results: Vec<Vec<WorstCase<f32>>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..2u64)
                .map(|t| {
                    s.spawn(move || {
                        // Per thread: half of the bit patterns; per region a worst case.
                        let mut worst = vec![WorstCase::default(); REGIONS.len() + 1];
                        let mut buf = Vec::with_capacity(4096);
                        let mut bits = t * step;
                        let total = 1u64 << 32;
                        while bits < total {
                            buf.clear();
                            while buf.len() < 4096 && bits < total {
                                let x = f32::from_bits(bits as u32);
                                if x.is_finite() {
                                    buf.push(x);
                                }
                                bits += 2 * step;
                            }
                            let mut out = buf.clone();
                            kernel(&mut out);
                            for (&x, &y) in buf.iter().zip(&out) {
                                let r = reference(x as f64);
                                let e = ulps_f32(y, r);
                                let region = REGIONS
                                    .iter()
                                    .position(|&(lo, hi)| lo <= x && x < hi)
                                    .unwrap_or(REGIONS.len());
                                worst[region].record(e, x);
                            }
                        }
                        worst
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        println!("{name} ({:.0?}):", start.elapsed());
        for region in 0..=REGIONS.len() {
            let label = REGIONS.get(region).map_or("other".to_string(), |(lo, hi)| format!("[{lo}, {hi})"));
            let w = results.iter().map(|r| r[region]).fold(WorstCase::default(), WorstCase::merge);
            println!("  {label:>24}: max {:.3} ULP at x = {:e}", w.error, w.at);
        }
    }
}
