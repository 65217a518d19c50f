//! Turns a criterion run into the tables the book shows.
//!
//! The benchmarks live in `benches/`. After `cargo bench -p gelu-bench`, criterion has written
//! `target/criterion/<group>/<function>/new/{benchmark,estimates}.json`; [`read_group`] reads them
//! and [`markdown_table`] writes rates and ratios to a baseline measured in the same run.
//! `cargo run -p gelu-bench --bin bench-report -- <group> <baseline>` does both and writes
//! `book/benchmarks/<group>.md`, which the chapter pages include.

use std::path::Path;

mod kernel_inputs;

pub use kernel_inputs::*;

/// One benchmark of a group: its name, mean time per iteration, and elements per iteration.
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
    /// Nanoseconds per element.
    pub fn nanoseconds_per_element(&self) -> f64 {
        self.nanoseconds / self.elements as f64
    }

    /// Elements per second.
    pub fn rate(&self) -> f64 {
        self.elements as f64 / (self.nanoseconds * 1e-9)
    }
}

/// Reads every benchmark of `group` under `criterion_dir` (usually `target/criterion`), sorted
/// by id. Err names the file that is missing or unreadable.
pub fn read_group(criterion_dir: &Path, group: &str) -> Result<Vec<Measurement>, String> {
    let group_dir = criterion_dir.join(group);
    let entries = std::fs::read_dir(&group_dir).map_err(|error| {
        format!("{}: {error} (run `cargo bench -p gelu-bench` first)", group_dir.display())
    })?;
    let mut measurements = Vec::new();
    for entry in entries.flatten() {
        let dir = entry.path().join("new");
        if !dir.join("estimates.json").exists() {
            continue;
        }
        let read = |name: &str| {
            std::fs::read_to_string(dir.join(name))
                .map_err(|error| format!("{}: {error}", dir.join(name).display()))
        };
        let estimates = read("estimates.json")?;
        let benchmark = read("benchmark.json")?;
        let nanoseconds = number_after(&estimates, "\"mean\":", "\"point_estimate\":")
            .ok_or_else(|| format!("{}: no mean point estimate", dir.display()))?;
        let elements = number_after(&benchmark, "\"throughput\":", "\"Elements\":")
            .ok_or_else(|| format!("{}: no element throughput", dir.display()))?;
        let id = entry.file_name().to_string_lossy().into_owned();
        measurements.push(Measurement { id, nanoseconds, elements: elements as u64 });
    }
    measurements.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(measurements)
}

/// The number following `key` after the first occurrence of `section` in a JSON text.
fn number_after(json: &str, section: &str, key: &str) -> Option<f64> {
    let rest = &json[json.find(section)? + section.len()..];
    let rest = &rest[rest.find(key)? + key.len()..];
    let end = rest.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E')))?;
    rest[..end].parse().ok()
}

/// A Markdown table of `measurements`: time per element, rate, and rate relative to `baseline`.
pub fn markdown_table(measurements: &[Measurement], baseline: &str) -> Result<String, String> {
    let base = measurements
        .iter()
        .find(|m| m.id == baseline)
        .ok_or_else(|| format!("baseline {baseline:?} is not among the measurements"))?;
    let mut table = format!("| benchmark | ns per element | million elements/s | rate / {baseline} |\n");
    table.push_str("| --- | ---: | ---: | ---: |\n");
    for m in measurements {
        table.push_str(&format!(
            "| `{}` | {:.3} | {:.0} | {:.2} |\n",
            m.id,
            m.nanoseconds_per_element(),
            m.rate() / 1e6,
            m.rate() / base.rate()
        ));
    }
    Ok(table)
}

/// The ratio column of a committed table: `(benchmark id, rate / baseline)` per row.
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
