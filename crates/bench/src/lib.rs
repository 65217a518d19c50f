//! Turns a criterion run into the tables the book shows.
//!
//! The benchmarks live in `benches/`. After `cargo bench -p gelu-bench`, criterion has written
//! `target/criterion/<group>/<function>/new/{benchmark,estimates}.json`; [`read_group`] reads them
//! and [`markdown_table`] writes rates and ratios to a baseline measured in the same run.
//! `cargo run -p gelu-bench --bin bench-report -- <group> <baseline>` does both and writes
//! `book/benchmarks/<group>.md`, which the chapter pages include.

use std::path::Path;

mod kernel_inputs;
mod machine;

pub use kernel_inputs::*;
pub use machine::{machine, rustc_version};

/// One benchmark of a group: its name, mean time per iteration, and elements per iteration.
///
/// A plain record, as [`read_group`] fills it from criterion's files. Nothing is validated: a zero
/// `elements` or `nanoseconds` makes the derived rates infinite or NaN.
///
/// ```
/// use gelu_bench::Measurement;
/// let m = Measurement { id: "raw_u64".into(), nanoseconds: 2000.0, elements: 1000 };
/// assert_eq!(m.nanoseconds_per_element(), 2.0);
/// assert!((m.rate() - 5e8).abs() < 1e-3); // 1000 elements in 2 microseconds
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Measurement {
    /// The function id, e.g. `raw_u64`.
    pub id: String,
    /// Criterion's mean time per iteration, in nanoseconds.
    pub nanoseconds: f64,
    /// Elements processed per iteration (the group's declared throughput).
    pub elements: u64,
}

impl Measurement {
    /// Nanoseconds per element: `nanoseconds / elements`. `elements = 0` gives `+inf` (or NaN if
    /// `nanoseconds` is 0 too).
    ///
    /// ```
    /// use gelu_bench::Measurement;
    /// let m = Measurement { id: "fast".into(), nanoseconds: 500.0, elements: 1000 };
    /// assert_eq!(m.nanoseconds_per_element(), 0.5);
    /// let empty = Measurement { id: "empty".into(), nanoseconds: 500.0, elements: 0 };
    /// assert_eq!(empty.nanoseconds_per_element(), f64::INFINITY);
    /// ```
    pub fn nanoseconds_per_element(&self) -> f64 {
        self.nanoseconds / self.elements as f64
    }

    /// Elements per second: `elements / (nanoseconds * 1e-9)`. `nanoseconds = 0` gives `+inf`
    /// (or NaN if `elements` is 0 too).
    ///
    /// ```
    /// use gelu_bench::Measurement;
    /// let m = Measurement { id: "fast".into(), nanoseconds: 500.0, elements: 1000 };
    /// assert!((m.rate() - 2e9).abs() < 1e-3); // 2 elements per nanosecond
    /// ```
    pub fn rate(&self) -> f64 {
        self.elements as f64 / (self.nanoseconds * 1e-9)
    }
}

/// Reads every benchmark of `group` under `criterion_dir` (usually `target/criterion`), sorted
/// by id. A benchmark with a parameter (`BenchmarkId::new(name, 4096)`) sits one folder deeper and
/// gets the id `name/4096`.
///
/// Errors: `Err` with a message naming the group folder if it does not exist, or the file that is
/// unreadable or lacks the mean estimate or the element throughput. A group folder with no
/// results in it gives an empty vector.
///
/// ```
/// use gelu_bench::read_group;
/// let dir = std::env::temp_dir().join(format!("gelu-bench-doc-{}", std::process::id()));
/// let results = dir.join("mc_draws/raw_u64/new");
/// std::fs::create_dir_all(&results).unwrap();
/// std::fs::write(results.join("estimates.json"), r#"{"mean":{"point_estimate":2048.0}}"#).unwrap();
/// std::fs::write(results.join("benchmark.json"), r#"{"throughput":{"Elements":1024}}"#).unwrap();
///
/// let measurements = read_group(&dir, "mc_draws")?;
/// assert_eq!(measurements.len(), 1);
/// assert_eq!((measurements[0].id.as_str(), measurements[0].nanoseconds), ("raw_u64", 2048.0));
/// assert!(read_group(&dir, "no_such_group").unwrap_err().contains("not found"));
/// std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), String>(())
/// ```
pub fn read_group(criterion_dir: &Path, group: &str) -> Result<Vec<Measurement>, String> {
    let group_dir = criterion_dir.join(group);
    if !group_dir.is_dir() {
        return Err(format!("{}: not found (run `cargo bench -p gelu-bench` first)", group_dir.display()));
    }
    let mut measurements = Vec::new();
    collect_measurements(&group_dir, "", &mut measurements)?;
    measurements.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(measurements)
}

/// Adds the measurement in `dir/new/` (if any) under `id`, then those of its subfolders.
fn collect_measurements(dir: &Path, id: &str, into: &mut Vec<Measurement>) -> Result<(), String> {
    let results = dir.join("new");
    if results.join("estimates.json").exists() && !id.is_empty() {
        into.push(read_measurement(&results, id)?);
        return Ok(());
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(()) };
    for entry in entries.flatten().filter(|entry| entry.path().is_dir()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == "report" || name == "new" || name == "base" || name == "change" {
            continue;
        }
        let child = if id.is_empty() { name } else { format!("{id}/{name}") };
        collect_measurements(&entry.path(), &child, into)?;
    }
    Ok(())
}

/// One benchmark's mean time and throughput from criterion's `new/` folder.
fn read_measurement(results: &Path, id: &str) -> Result<Measurement, String> {
    let read = |name: &str| {
        std::fs::read_to_string(results.join(name))
            .map_err(|error| format!("{}: {error}", results.join(name).display()))
    };
    let nanoseconds = number_after(&read("estimates.json")?, "\"mean\":", "\"point_estimate\":")
        .ok_or_else(|| format!("{}: no mean point estimate", results.display()))?;
    let elements = number_after(&read("benchmark.json")?, "\"throughput\":", "\"Elements\":")
        .ok_or_else(|| format!("{}: no element throughput", results.display()))?;
    Ok(Measurement { id: id.to_owned(), nanoseconds, elements: elements as u64 })
}

/// The number following `key` after the first occurrence of `section` in a JSON text.
fn number_after(json: &str, section: &str, key: &str) -> Option<f64> {
    let rest = &json[json.find(section)? + section.len()..];
    let rest = &rest[rest.find(key)? + key.len()..];
    let end = rest.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E')))?;
    rest[..end].parse().ok()
}

/// A Markdown table of `measurements`: time per element, rate, and rate relative to `baseline`.
///
/// For parameterised ids (`name/4096`) the baseline is taken at the same parameter: with
/// baseline `raw`, the row `fast/4096` is compared with `raw/4096`.
///
/// Errors: `Err` naming the baseline when a row has no baseline to compare with. No
/// measurements give a table with only its header rows.
///
/// ```
/// use gelu_bench::{Measurement, markdown_table};
/// let measurements = [
///     Measurement { id: "fast".into(), nanoseconds: 500.0, elements: 1000 },
///     Measurement { id: "raw".into(), nanoseconds: 1000.0, elements: 1000 },
/// ];
/// let table = markdown_table(&measurements, "raw")?;
/// assert!(table.contains("| `fast` | 0.500 | 2000 | 2.00 |"), "{table}");
/// assert!(markdown_table(&measurements, "missing").unwrap_err().contains("\"missing\""));
/// # Ok::<(), String>(())
/// ```
pub fn markdown_table(measurements: &[Measurement], baseline: &str) -> Result<String, String> {
    let baseline_of = |id: &str| {
        let exact = measurements.iter().find(|m| m.id == baseline);
        let same_parameter = id.rsplit_once('/').and_then(|(_, parameter)| {
            measurements.iter().find(|m| m.id == format!("{baseline}/{parameter}"))
        });
        exact.or(same_parameter).ok_or_else(|| format!("baseline {baseline:?} is not among the measurements"))
    };
    let mut table = format!("| benchmark | ns per element | million elements/s | rate / {baseline} |\n");
    table.push_str("| --- | ---: | ---: | ---: |\n");
    for m in measurements {
        let base = baseline_of(&m.id)?;
        // Below a million per second (a network epoch's samples), three decimals keep the rate.
        let millions = m.rate() / 1e6;
        let millions = if millions < 1.0 { format!("{millions:.3}") } else { format!("{millions:.0}") };
        table.push_str(&format!(
            "| `{}` | {:.3} | {millions} | {:.2} |\n",
            m.id,
            m.nanoseconds_per_element(),
            m.rate() / base.rate()
        ));
    }
    Ok(table)
}

/// The ratio column of a committed table: `(benchmark id, rate / baseline)` per row, in the
/// layout [`markdown_table`] writes. Lines that are not such a row (the header, the separator,
/// prose, a row whose fourth cell is not a number) are skipped, so any text gives a vector,
/// possibly empty.
///
/// ```
/// use gelu_bench::ratios_in_table;
/// let table = "| benchmark | ns per element | million elements/s | rate / raw |\n\
///              | --- | ---: | ---: | ---: |\n\
///              | `fast` | 0.500 | 2000 | 2.00 |\n";
/// assert_eq!(ratios_in_table(table), [("fast".to_owned(), 2.0)]);
/// assert!(ratios_in_table("no table here").is_empty());
/// ```
pub fn ratios_in_table(markdown: &str) -> Vec<(String, f64)> {
    markdown
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).filter(|c| !c.is_empty()).collect();
            let id = cells.first()?.strip_prefix('`')?.strip_suffix('`')?;
            Some((id.to_owned(), cells.get(3)?.parse().ok()?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_criterion_json_and_builds_the_table() {
        let estimates = r#"{"mean":{"confidence_interval":{"lower_bound":1.0},"point_estimate":2048.5,"standard_error":1.0},"median":{"point_estimate":9.0}}"#;
        assert_eq!(number_after(estimates, "\"mean\":", "\"point_estimate\":"), Some(2048.5));
        let benchmark = r#"{"group_id":"g","throughput":{"Elements":1024},"full_id":"g/a"}"#;
        assert_eq!(number_after(benchmark, "\"throughput\":", "\"Elements\":"), Some(1024.0));

        let measurements = [
            Measurement { id: "fast".into(), nanoseconds: 500.0, elements: 1000 },
            Measurement { id: "raw".into(), nanoseconds: 1000.0, elements: 1000 },
        ];
        let table = markdown_table(&measurements, "raw").unwrap();
        assert!(table.contains("| `fast` | 0.500 | 2000 | 2.00 |"), "{table}");
        assert_eq!(ratios_in_table(&table), [("fast".to_owned(), 2.0), ("raw".to_owned(), 1.0)]);
        assert!(markdown_table(&measurements, "missing").is_err());

        let sized = [
            Measurement { id: "fast/64".into(), nanoseconds: 100.0, elements: 64 },
            Measurement { id: "fast/8".into(), nanoseconds: 8.0, elements: 8 },
            Measurement { id: "raw/64".into(), nanoseconds: 200.0, elements: 64 },
            Measurement { id: "raw/8".into(), nanoseconds: 32.0, elements: 8 },
        ];
        let table = markdown_table(&sized, "raw").unwrap();
        let ratios = ratios_in_table(&table);
        assert_eq!(ratios[0], ("fast/64".to_owned(), 2.0));
        assert_eq!(ratios[1], ("fast/8".to_owned(), 4.0));
    }

    #[test]
    fn reads_parameterised_benchmarks_one_folder_deeper() {
        let dir = std::env::temp_dir().join(format!("gelu-bench-read-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, ns) in [("g/plain/new", 10.0), ("g/sized/4096/new", 40.0)] {
            std::fs::create_dir_all(dir.join(path)).unwrap();
            let estimates = format!(r#"{{"mean":{{"point_estimate":{ns}}}}}"#);
            std::fs::write(dir.join(path).join("estimates.json"), estimates).unwrap();
            std::fs::write(dir.join(path).join("benchmark.json"), r#"{"throughput":{"Elements":8}}"#)
                .unwrap();
        }
        std::fs::create_dir_all(dir.join("g/report")).unwrap();
        let ids: Vec<String> = read_group(&dir, "g").unwrap().into_iter().map(|m| m.id).collect();
        assert_eq!(ids, ["plain", "sized/4096"]);
        assert!(read_group(&dir, "missing").is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_committed_monte_carlo_report_meets_the_chapters_claim() {
        // The book says the word-parallel sampler draws at least 1.5 times as many coins per
        // second as the generator makes raw u64 words, in the same run. This checks the committed
        // report (regenerated by `cargo bench` + `bench-report`) still says so.
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../book/benchmarks/mc_draws.md");
        let report = std::fs::read_to_string(&path).unwrap();
        let ratios = ratios_in_table(&report);
        let ratio = |id: &str| ratios.iter().find(|(name, _)| name == id).map(|(_, r)| *r).unwrap();
        assert_eq!(ratio("raw_u64"), 1.0);
        assert!(ratio("word_parallel") >= 1.5, "{report}");
        assert!(ratio("uniform_f64_compare") < 1.0, "{report}");
    }
}
