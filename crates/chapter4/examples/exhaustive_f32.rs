//! Every `f32` through each kernel, against `f64` references: max ULP error and where, and on
//! every dispatch path this CPU has, the same bits as the portable path for every input.
//! `cargo run --release -p chapter4 --example exhaustive_f32` (about forty minutes on 2 cores);
//! give check indices (0-12: five forward checks, the four GELU and SiLU backward kernels, then
//! ELU forward and backward, `Phi` and `phi`) to run only some. Exits with an error if a path
//! differs from the portable one anywhere, if `gelu_exact_f32` is ever more than 4 ULP from GELU,
//! `gelu_exact_grad_f32` more than 4 ULP (of the larger of `Phi(x)` and `|x phi(x)|`) from
//! `GELU'(x)`, or ELU, `Phi` or `phi` more than 4 ULP from their `f64` references.

use chapter2::Elu;
use chapter4::{
    KernelError, KernelPath, elu_f32_on, elu_grad_f32_on, gelu, gelu_exact_f32_on, gelu_exact_grad_f32_on,
    gelu_sigmoid, gelu_sigmoid_f32_on, gelu_sigmoid_grad_f32_on, gelu_tanh, gelu_tanh_f32_on,
    gelu_tanh_grad_f32_on, silu_grad_f32_on, std_normal_cdf_f32_on, std_normal_pdf_f32_on,
};
use numerics::{WorstCase, gelu_derivative, std_normal_cdf, std_normal_pdf, ulps_f32, ulps_f32_of_scale};

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

/// A kernel on a chosen path, as `f(path, x, out)`: a forward kernel writes `f(x)` into `out`,
/// a backward kernel multiplies `out` (ones) by `f'(x)`.
type Kernel = fn(KernelPath, &[f32], &mut [f32]) -> Result<(), KernelError>;
/// The error in ULP of one output against its `f64` reference, or `None` when the check only
/// compares paths.
type Error = Option<fn(f32, f32) -> f64>;

/// The accuracy the bounded kernels promise, in ULP.
const EXACT_BOUND: f64 = 4.0;

/// Writes `kernel(x)` into `out` (a forward kernel works in place).
fn forward_on(
    kernel: fn(KernelPath, &mut [f32]) -> Result<(), KernelError>,
    path: KernelPath,
    x: &[f32],
    out: &mut [f32],
) -> Result<(), KernelError> {
    out.copy_from_slice(x);
    kernel(path, out)
}

/// `GELU'(x)` in ULP of the larger of `Phi(x)` and `|x phi(x)|` (the derivative has a zero).
fn exact_gradient_error(x: f32, factor: f32) -> f64 {
    let x = x as f64;
    ulps_f32_of_scale(factor, gelu_derivative(x), std_normal_cdf(x).max((x * std_normal_pdf(x)).abs()))
}

/// The checks, in the order of the indices given on the command line, and whether the 4 ULP
/// bound applies.
fn checks() -> [(&'static str, Kernel, Error, bool); 13] {
    [
        (
            "exact vs GELU",
            |p, x, o| forward_on(gelu_exact_f32_on, p, x, o),
            Some(|x, y| ulps_f32(y, gelu(x as f64))),
            true,
        ),
        (
            "tanh vs own formula",
            |p, x, o| forward_on(gelu_tanh_f32_on, p, x, o),
            Some(|x, y| ulps_f32(y, gelu_tanh(x as f64))),
            false,
        ),
        (
            "sigmoid vs own formula",
            |p, x, o| forward_on(gelu_sigmoid_f32_on, p, x, o),
            Some(|x, y| ulps_f32(y, gelu_sigmoid(x as f64))),
            false,
        ),
        (
            "tanh vs GELU",
            |p, x, o| forward_on(gelu_tanh_f32_on, p, x, o),
            Some(|x, y| ulps_f32(y, gelu(x as f64))),
            false,
        ),
        (
            "sigmoid vs GELU",
            |p, x, o| forward_on(gelu_sigmoid_f32_on, p, x, o),
            Some(|x, y| ulps_f32(y, gelu(x as f64))),
            false,
        ),
        (
            "exact gradient vs GELU' (ULP of the larger term)",
            gelu_exact_grad_f32_on,
            Some(exact_gradient_error),
            true,
        ),
        ("tanh gradient (paths only)", gelu_tanh_grad_f32_on, None, false),
        ("sigmoid gradient (paths only)", gelu_sigmoid_grad_f32_on, None, false),
        ("SiLU gradient (paths only)", silu_grad_f32_on, None, false),
        (
            "ELU (alpha 1) vs chapter 2",
            |p, x, o| forward_on(|p, v| elu_f32_on(p, 1.0, v), p, x, o),
            Some(|x, y| ulps_f32(y, Elu::ALPHA_ONE.value(x as f64))),
            true,
        ),
        ("ELU gradient (alpha 1; paths only)", |p, x, o| elu_grad_f32_on(p, 1.0, x, o), None, false),
        (
            "Phi vs numerics",
            |p, x, o| forward_on(std_normal_cdf_f32_on, p, x, o),
            Some(|x, y| ulps_f32(y, std_normal_cdf(x as f64))),
            true,
        ),
        (
            "phi vs numerics",
            |p, x, o| forward_on(std_normal_pdf_f32_on, p, x, o),
            Some(|x, y| ulps_f32(y, std_normal_pdf(x as f64))),
            true,
        ),
    ]
}

/// Parses the command line: check indices, and `STEP` (every `STEP`-th bit pattern, default 1).
fn options(count: usize) -> Result<(Vec<usize>, u64), String> {
    let usage =
        format!("usage: exhaustive_f32 [check index 0-{}]... (env STEP=n: every n-th input)", count - 1);
    let mut which = Vec::new();
    for argument in std::env::args().skip(1) {
        match argument.parse::<usize>() {
            Ok(i) if i < count => which.push(i),
            _ => return Err(format!("not a check index: {argument:?}\n{usage}")),
        }
    }
    let step = match std::env::var("STEP") {
        Ok(text) => text
            .parse::<u64>()
            .ok()
            .filter(|&n| n > 0)
            .ok_or(format!("STEP={text:?} is not a positive integer"))?,
        Err(_) => 1,
    };
    Ok((which, step))
}

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let checks = checks();
    let (which, step) = options(checks.len())?;
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
    for (i, (name, kernel, error_of, bounded)) in checks.into_iter().enumerate() {
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
                            let mut out = vec![1.0f32; buf.len()];
                            kernel(KernelPath::Portable, &buf, &mut out)
                                .expect("portable is always available");
                            for &path in &paths[1..] {
                                let mut on_path = vec![1.0f32; buf.len()];
                                kernel(path, &buf, &mut on_path).expect("an available path");
                                differing += on_path
                                    .iter()
                                    .zip(&out)
                                    .filter(|(a, b)| a.to_bits() != b.to_bits())
                                    .count() as u64;
                            }
                            let Some(error_of) = error_of else { continue };
                            for (&x, &y) in buf.iter().zip(&out) {
                                let region = REGIONS
                                    .iter()
                                    .position(|&(lo, hi)| lo <= x && x < hi)
                                    .unwrap_or(REGIONS.len());
                                worst[region].record(error_of(x, y), x);
                            }
                        }
                        (worst, differing)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().expect("a checking thread panicked")).collect()
        });
        let differing: u64 = results.iter().map(|(_, d)| d).sum();
        println!("{name} ({:.0?}; inputs where a path differs from portable: {differing}):", start.elapsed());
        if differing > 0 {
            failures.push(format!("{name}: {differing} inputs differ between paths"));
        }
        if error_of.is_none() {
            continue;
        }
        let mut overall = WorstCase::default();
        for region in 0..=REGIONS.len() {
            let label = REGIONS.get(region).map_or("other".to_string(), |(lo, hi)| format!("[{lo}, {hi})"));
            let w = results.iter().map(|(r, _)| r[region]).fold(WorstCase::default(), WorstCase::merge);
            overall = overall.merge(w);
            println!("  {label:>24}: max {:.3} ULP at x = {:e}", w.error, w.at);
        }
        if bounded && (overall.error.is_nan() || overall.error > EXACT_BOUND) {
            failures.push(format!(
                "{name}: {:.3} ULP at x = {:e}, above {EXACT_BOUND}",
                overall.error, overall.at
            ));
        }
    }
    if failures.is_empty() { Ok(()) } else { Err(failures.join("; ")) }
}
