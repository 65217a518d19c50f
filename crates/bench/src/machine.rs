//! The machine a benchmark ran on, for the footers of the committed tables.

use std::process::Command;

/// "AMD EPYC (AVX2, FMA; no AVX-512), 2 cores" from /proc/cpuinfo (Linux), or a placeholder
/// elsewhere: the vector extensions decide which kernels run, so every table names them.
///
/// ```
/// let machine = gelu_bench::machine();
/// assert!(machine.contains("cores"));
/// ```
pub fn machine() -> String {
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

/// `rustc --version`, or a placeholder if it cannot be run.
///
/// ```
/// assert!(gelu_bench::rustc_version().starts_with("rustc"));
/// ```
pub fn rustc_version() -> String {
    Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        .unwrap_or_else(|| "rustc (version unknown)".to_owned())
}
