//! `cargo run -p gelu-bench --bin bench-report -- GROUP BASELINE`: writes the table of a
//! criterion group to `book/benchmarks/GROUP.md`, with the machine and toolchain it ran on.

use std::path::Path;
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [group, baseline] = args.as_slice() else {
        eprintln!("usage: bench-report <criterion group> <baseline benchmark id>");
        return ExitCode::FAILURE;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let measurements = match gelu_bench::read_group(&root.join("target/criterion"), group) {
        Ok(measurements) => measurements,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    let table = match gelu_bench::markdown_table(&measurements, baseline) {
        Ok(table) => table,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    let report = format!(
        "{table}\n*Measured with criterion on {}, {}; `cargo bench -p gelu-bench -- {group}` then \
         `cargo run -p gelu-bench --bin bench-report -- {group} {baseline}` regenerates this table.*\n",
        machine(),
        rustc_version()
    );
    let out = root.join("book/benchmarks").join(format!("{group}.md"));
    if let Err(error) =
        std::fs::create_dir_all(root.join("book/benchmarks")).and_then(|()| std::fs::write(&out, &report))
    {
        eprintln!("error: {}: {error}", out.display());
        return ExitCode::FAILURE;
    }
    print!("{report}");
    println!("wrote {}", out.display());
    ExitCode::SUCCESS
}

/// "AMD EPYC (AVX2, FMA; no AVX-512), 2 cores" from /proc/cpuinfo (Linux), or a placeholder
/// elsewhere: the vector extensions decide which kernels run, so every table names them.
fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|line| line.starts_with("model name"))
        .and_then(|line| line.split(':').nth(1))
        .map_or("an unnamed CPU", str::trim)
        .to_owned();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let flags: Vec<&str> = cpuinfo
        .lines()
        .find(|line| line.starts_with("flags"))
        .and_then(|line| line.split(':').nth(1))
        .map_or(Vec::new(), |flags| flags.split_whitespace().collect());
    let has = |flag: &str| flags.contains(&flag);
    let mut extensions: Vec<&str> = [("avx2", "AVX2"), ("fma", "FMA"), ("avx512f", "AVX-512F")]
        .iter()
        .filter(|(flag, _)| has(flag))
        .map(|&(_, name)| name)
        .collect();
    if !has("avx512f") {
        extensions.push("no AVX-512");
    }
    format!("{model} ({}), {cores} cores", extensions.join(", "))
}

fn rustc_version() -> String {
    Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        .unwrap_or_else(|| "rustc (version unknown)".to_owned())
}
