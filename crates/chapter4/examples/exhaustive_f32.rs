//! Every `f32` through each kernel, against `f64` references: max ULP error and where, and on
//! every dispatch path this CPU has, the same bits as the portable path for every input.
//! `cargo run --release -p chapter4 --example exhaustive_f32` (a few minutes on 2 cores); give
//! kernel indices (0-4) to run only some. Exits with an error if a path differs from the
//! portable one anywhere, or if `gelu_exact_f32` is ever more than 4 ULP from GELU.

use chapter4::{
    KernelError, KernelPath, gelu, gelu_exact_f32_on, gelu_sigmoid, gelu_sigmoid_f32_on, gelu_tanh,
    gelu_tanh_f32_on,
};
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

/// An in-place `f32` kernel on a chosen path, and the `f64` function it is compared with.
type Kernel = fn(KernelPath, &mut [f32]) -> Result<(), KernelError>;
type Reference = fn(f64) -> f64;

/// The accuracy `gelu_exact_f32` promises, in ULP.
const EXACT_BOUND: f64 = 4.0;

fn main() -> Result<(), String> {
    let kernels: [(&str, Kernel, Reference); 5] = [
        ("exact vs GELU", gelu_exact_f32_on, gelu),
        ("tanh vs own formula", gelu_tanh_f32_on, gelu_tanh),
        ("sigmoid vs own formula", gelu_sigmoid_f32_on, gelu_sigmoid),
        ("tanh vs GELU", gelu_tanh_f32_on, gelu),
        ("sigmoid vs GELU", gelu_sigmoid_f32_on, gelu),
    ];
    let paths = KernelPath::available();
    let skipped: Vec<&str> =
        KernelPath::ALL.into_iter().filter(|p| !paths.contains(p)).map(KernelPath::name).collect();
    let tested: Vec<&str> = paths.iter().map(|p| p.name()).collect();
    println!(
        "paths: {} (skipped, not on this CPU: {})",
        tested.join(", "),
        if skipped.is_empty() { "none".to_owned() } else { skipped.join(", ") }
    );
    let mut failures = Vec::new();
    let which: Vec<usize> = std::env::args().skip(1).map(|a| a.parse().unwrap()).collect();
    let step: u64 = std::env::var("STEP").ok().map(|s| s.parse().unwrap()).unwrap_or(1);
    for (i, (name, kernel, reference)) in kernels.into_iter().enumerate() {
        if !which.is_empty() && !which.contains(&i) {
            continue;
        }
        let start = std::time::Instant::now();
        let paths = &paths;
        let results: Vec<(Vec<WorstCase<f32>>, u64)> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..2u64)
                .map(|t| {
                    s.spawn(move || {
                        // Per thread: half of the bit patterns; per region a worst case.
                        let mut worst = vec![WorstCase::default(); REGIONS.len() + 1];
                        let mut differing = 0u64; // inputs where some path differs from portable
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
                            kernel(KernelPath::Portable, &mut out).expect("portable is always available");
                            for &path in &paths[1..] {
                                let mut on_path = buf.clone();
                                kernel(path, &mut on_path).expect("an available path");
                                differing += on_path
                                    .iter()
                                    .zip(&out)
                                    .filter(|(a, b)| a.to_bits() != b.to_bits())
                                    .count() as u64;
                            }
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
                        (worst, differing)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let differing: u64 = results.iter().map(|(_, d)| d).sum();
        println!("{name} ({:.0?}; inputs where a path differs from portable: {differing}):", start.elapsed());
        let mut overall = WorstCase::default();
        for region in 0..=REGIONS.len() {
            let label = REGIONS.get(region).map_or("other".to_string(), |(lo, hi)| format!("[{lo}, {hi})"));
            let w = results.iter().map(|(r, _)| r[region]).fold(WorstCase::default(), WorstCase::merge);
            overall = overall.merge(w);
            println!("  {label:>24}: max {:.3} ULP at x = {:e}", w.error, w.at);
        }
        if differing > 0 {
            failures.push(format!("{name}: {differing} inputs differ between paths"));
        }
        if i == 0 && (overall.error.is_nan() || overall.error > EXACT_BOUND) {
            failures.push(format!(
                "{name}: {:.3} ULP at x = {:e}, above {EXACT_BOUND}",
                overall.error, overall.at
            ));
        }
    }
    if failures.is_empty() { Ok(()) } else { Err(failures.join("; ")) }
}
