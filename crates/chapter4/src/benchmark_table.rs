//! The committed benchmark tables, read as data: `book/benchmarks/*.md` are written by
//! `bench-report` from one criterion run, and the chapter's figures and page read their numbers
//! from there, so no timing is ever typed in by hand.

/// The committed `f32` kernel table, `book/benchmarks/f32.md`.
pub const F32_TABLE: &str = include_str!("../../../book/benchmarks/f32.md");

/// The committed scalar `f64` table, `book/benchmarks/f64.md`.
pub const F64_TABLE: &str = include_str!("../../../book/benchmarks/f64.md");

/// Every `f32` kernel on every dispatch path of the benchmark machine, at 4096 elements,
/// `book/benchmarks/f32_paths.md`.
pub const F32_PATHS_TABLE: &str = include_str!("../../../book/benchmarks/f32_paths.md");

/// The comparison with PyTorch and ONNX Runtime, `book/benchmarks/peers.md`, written by
/// `crates/bench/scripts/compare_peers.py` (machine, versions and dispatch path in its footer).
pub const PEERS_TABLE: &str = include_str!("../../../book/benchmarks/peers.md");

/// The cell in column `column` (0 for the first) of the row whose first cell is exactly `label`,
/// in a markdown table; `None` if there is no such row or column. Numbers are parsed by the
/// caller.
///
/// ```
/// use chapter4::benchmark_table::cell;
/// let table = "| name | ns |\n| --- | ---: |\n| PyTorch `gelu` | 0.98 |\n";
/// assert_eq!(cell(table, "PyTorch `gelu`", 1), Some("0.98"));
/// assert_eq!(cell(table, "PyTorch", 1), None);
/// assert_eq!(cell(table, "PyTorch `gelu`", 7), None);
/// ```
pub fn cell<'a>(table: &'a str, label: &str, column: usize) -> Option<&'a str> {
    table.lines().find_map(|line| {
        let cells: Vec<&str> = line.trim().strip_prefix('|')?.split('|').map(str::trim).collect();
        if cells.first() == Some(&label) { cells.get(column).copied() } else { None }
    })
}

/// The `f32` implementations the chapter compares (the 4096-element rows of [`F32_TABLE`]).
pub const F32_IMPLEMENTATIONS: [&str; 5] =
    ["gelu_exact_f32", "gelu_tanh_f32", "gelu_sigmoid_f32", "libm_erfcf_loop", "libm_erff_loop"];

/// The ns-per-element cell of the row for `benchmark` (criterion's id, such as
/// `gelu_exact_f32/4096`) in a table written by `bench-report`: the second column of the row
/// that starts with `` | `benchmark` ``. `None` if there is no such row or the cell is not a number.
///
/// ```
/// use chapter4::benchmark_table::{F32_TABLE, ns_per_element};
/// let exact = ns_per_element(F32_TABLE, "gelu_exact_f32/4096").unwrap();
/// assert!(exact > 0.0);
/// assert_eq!(ns_per_element(F32_TABLE, "no_such_kernel/4096"), None);
/// assert_eq!(ns_per_element("| `a/1` | 2.5 | 400 | 1.00 |", "a/1"), Some(2.5));
/// ```
pub fn ns_per_element(table: &str, benchmark: &str) -> Option<f64> {
    let start = format!("| `{benchmark}`");
    let row = table.lines().find(|line| line.starts_with(&start))?;
    row.split('|').nth(2)?.trim().parse().ok()
}

/// `(implementation, ns per element)` at 4096 elements for every entry of
/// [`F32_IMPLEMENTATIONS`], from the committed table; `Err` names a missing row.
///
/// ```
/// let timings = chapter4::benchmark_table::f32_timings_at_4096().unwrap();
/// assert_eq!(timings.len(), 5);
/// assert_eq!(timings[0].0, "gelu_exact_f32");
/// ```
pub fn f32_timings_at_4096() -> Result<Vec<(&'static str, f64)>, String> {
    F32_IMPLEMENTATIONS
        .iter()
        .map(|&name| {
            ns_per_element(F32_TABLE, &format!("{name}/4096"))
                .map(|ns| (name, ns))
                .ok_or_else(|| format!("book/benchmarks/f32.md has no row `{name}/4096`"))
        })
        .collect()
}
