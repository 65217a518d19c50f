//! Our side of `scripts/compare_peers.py`: times the book's `f32` kernels the way the script
//! times PyTorch and ONNX Runtime, and prints what the script needs, one tab-separated record per
//! line.
//!
//! * `peer-timer time`: `name<TAB>ns per element at 4 Mi<TAB>ns per element at 4096` for the
//!   exact, tanh and exact-backward kernels on the selected dispatch path and the exact kernel on
//!   every path (best of 20 passes over 4 Mi elements, 2000 over 4096; in place, on a fresh copy
//!   of the inputs each time, the copy not timed).
//! * `peer-timer tail`: `x<TAB>gelu_exact_f32(x)<TAB>GELU(x) rounded to f32` for the script's
//!   left-tail check, on `x = -3, -3.01, ..., -15`.
//! * `peer-timer machine`: the CPU line, the rustc version and the selected path.

use std::process::ExitCode;
use std::time::Instant;

use chapter4::{KernelPath, gelu_exact_f32, gelu_exact_f32_on, gelu_exact_grad_f32, gelu_tanh_f32};

/// Elements of the large slice: 4 Mi `f32`, 16 MiB, as in the peer comparison.
const LARGE: usize = 4 << 20;

/// Best time per element, in ns, of `f` over `passes` runs on a fresh copy of `inputs(n)`.
fn best_ns(n: usize, passes: usize, f: &dyn Fn(&mut [f32])) -> f64 {
    let input = gelu_bench::inputs_f32(n);
    let mut values = input.clone();
    let mut best = f64::INFINITY;
    for _ in 0..passes {
        values.copy_from_slice(&input);
        let start = Instant::now();
        f(std::hint::black_box(&mut values));
        best = best.min(start.elapsed().as_secs_f64());
    }
    best * 1e9 / n as f64
}

/// A named in-place kernel run.
type Run = (String, Box<dyn Fn(&mut [f32])>);

fn time() {
    let mut runs: Vec<Run> = vec![
        ("gelu_exact_f32".to_owned(), Box::new(gelu_exact_f32)),
        ("gelu_tanh_f32".to_owned(), Box::new(gelu_tanh_f32)),
    ];
    for path in KernelPath::available() {
        runs.push((
            format!("gelu_exact_f32@{}", path.name()),
            Box::new(move |v: &mut [f32]| gelu_exact_f32_on(path, v).expect("an available path")),
        ));
    }
    for (name, f) in &runs {
        println!("{name}\t{:.4}\t{:.4}", best_ns(LARGE, 20, f.as_ref()), best_ns(4096, 2000, f.as_ref()));
    }
    println!("gelu_exact_grad_f32\t{:.4}\t{:.4}", grad_ns(LARGE, 20), grad_ns(4096, 2000));
}

/// [`best_ns`] for the backward kernel: the input `x` fixed, the gradient reset before each pass.
fn grad_ns(n: usize, passes: usize) -> f64 {
    let x = gelu_bench::inputs_f32(n);
    let mut gradient = vec![1.0f32; n];
    let mut best = f64::INFINITY;
    for _ in 0..passes {
        gradient.fill(1.0);
        let start = Instant::now();
        gelu_exact_grad_f32(std::hint::black_box(&x), std::hint::black_box(&mut gradient))
            .expect("equal lengths");
        best = best.min(start.elapsed().as_secs_f64());
    }
    best * 1e9 / n as f64
}

fn tail() {
    for i in 0..=1200 {
        let x = -3.0 - i as f32 * 0.01;
        let mut v = [x];
        gelu_exact_f32(&mut v);
        println!("{x:e}\t{:e}\t{:e}", v[0], numerics::gelu(x as f64) as f32);
    }
}

fn main() -> ExitCode {
    match std::env::args().nth(1).as_deref() {
        Some("time") => time(),
        Some("tail") => tail(),
        Some("machine") => {
            println!("{}", gelu_bench::machine());
            println!("{}", gelu_bench::rustc_version());
            println!("{}", KernelPath::selected().name());
        }
        _ => {
            eprintln!("usage: peer-timer time | tail | machine");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
