//! `runs.csv` and `noise.csv`: every run's numbers, one line per epoch (per noise level), written
//! run by run as runs finish, and read back to resume a study or to draw its figures.
//!
//! ```text
//! runs.csv:  activation,dropout,learning_rate,seed,epoch,train_loss,validation_loss,validation_error,test_error
//! noise.csv: activation,dropout,learning_rate,seed,noise,test_error
//! ```
//!
//! Numbers are written with Rust's shortest round-trip formatting, so reading a file back gives
//! the same `f64` bits; a diverged epoch is written `NaN`.

use std::fmt::Write as _;

use super::{EpochRecord, RunRecord, RunSpec, StudyActivation};
use crate::Chapter6Error;

/// The header of `runs.csv`.
pub const RUNS_HEADER: &str =
    "activation,dropout,learning_rate,seed,epoch,train_loss,validation_loss,validation_error,test_error";
/// The header of `noise.csv`.
pub const NOISE_HEADER: &str = "activation,dropout,learning_rate,seed,noise,test_error";

/// The lines of `runs.csv` for one run (no header), each ending in a newline.
pub(crate) fn run_lines(record: &RunRecord) -> String {
    let s = &record.spec;
    let mut text = String::new();
    for e in &record.epochs {
        // `write!` to a String cannot fail.
        let _ = writeln!(
            text,
            "{},{},{},{},{},{},{},{},{}",
            s.activation.key(),
            s.dropout,
            s.learning_rate,
            s.seed,
            e.epoch,
            e.train_loss,
            e.validation_loss,
            e.validation_error,
            e.test_error
        );
    }
    text
}

/// The lines of `noise.csv` for one run (no header), each ending in a newline.
pub(crate) fn noise_lines(record: &RunRecord) -> String {
    let s = &record.spec;
    let mut text = String::new();
    for (a, error) in &record.noise {
        let _ =
            writeln!(text, "{},{},{},{},{a},{error}", s.activation.key(), s.dropout, s.learning_rate, s.seed);
    }
    text
}

/// A parsed line's run settings.
fn parse_spec(fields: &[&str], line: usize) -> Result<RunSpec, Chapter6Error> {
    let malformed = |reason: String| Chapter6Error::Malformed { line, reason };
    let activation = StudyActivation::from_key(fields[0])
        .ok_or_else(|| malformed(format!("unknown activation {:?}", fields[0])))?;
    let number = |i: usize, name: &str| -> Result<f64, Chapter6Error> {
        fields[i].parse::<f64>().map_err(|_| malformed(format!("{name} {:?} is not a number", fields[i])))
    };
    let seed =
        fields[3].parse::<u64>().map_err(|_| malformed(format!("seed {:?} is not an integer", fields[3])))?;
    Ok(RunSpec {
        activation,
        dropout: number(1, "dropout")?,
        learning_rate: number(2, "learning_rate")?,
        seed,
    })
}

/// Splits `text` into the fields of each data line after checking the header.
fn data_lines<'a>(
    text: &'a str,
    header: &str,
    columns: usize,
) -> Result<Vec<(usize, Vec<&'a str>)>, Chapter6Error> {
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, first)) if first.trim() == header => {}
        Some((_, first)) => {
            return Err(Chapter6Error::Malformed {
                line: 1,
                reason: format!("header {first:?}, expected {header:?}"),
            });
        }
        None => return Err(Chapter6Error::Malformed { line: 1, reason: "empty file: no header".into() }),
    }
    let mut rows = Vec::new();
    for (index, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        if fields.len() != columns {
            return Err(Chapter6Error::Malformed {
                line: index + 1,
                reason: format!("{columns} fields expected, found {}", fields.len()),
            });
        }
        rows.push((index + 1, fields));
    }
    Ok(rows)
}

/// Reads `runs.csv` and `noise.csv` back into runs: a run appears once, with its epochs in order
/// (`1..=n`) and its noise levels in file order. A run is returned only if it has exactly
/// `epochs` epochs and `noise_levels` noise lines (one interrupted while being written has fewer,
/// and is left out, to be run again).
///
/// Errors: [`Chapter6Error::Malformed`] for a bad header, a line with the wrong number of fields,
/// a field that does not parse, or epochs out of order, naming the line (of `runs.csv` for
/// epochs, of `noise.csv` for noise lines).
pub(crate) fn parse_records(
    runs_text: &str,
    noise_text: &str,
    epochs: usize,
    noise_levels: usize,
) -> Result<Vec<RunRecord>, Chapter6Error> {
    let mut records: Vec<RunRecord> = Vec::new();
    for (line, fields) in data_lines(runs_text, RUNS_HEADER, 9)? {
        let spec = parse_spec(&fields, line)?;
        let malformed = |reason: String| Chapter6Error::Malformed { line, reason };
        let number = |i: usize| -> Result<f64, Chapter6Error> {
            fields[i]
                .parse::<f64>()
                .map_err(|_| malformed(format!("field {} {:?} is not a number", i + 1, fields[i])))
        };
        let epoch: usize =
            fields[4].parse().map_err(|_| malformed(format!("epoch {:?} is not an integer", fields[4])))?;
        let record = EpochRecord {
            epoch,
            train_loss: number(5)?,
            validation_loss: number(6)?,
            validation_error: number(7)?,
            test_error: number(8)?,
        };
        match records.iter_mut().find(|r| r.spec.same_run(&spec)) {
            Some(run) => {
                if run.epochs.last().is_some_and(|last| last.epoch + 1 != epoch) {
                    return Err(malformed(format!("epoch {epoch} of {} is out of order", spec.describe())));
                }
                run.epochs.push(record);
            }
            None => {
                if epoch != 1 {
                    return Err(malformed(format!("{} starts at epoch {epoch}, not 1", spec.describe())));
                }
                records.push(RunRecord { spec, epochs: vec![record], noise: Vec::new() });
            }
        }
    }
    for (line, fields) in data_lines(noise_text, NOISE_HEADER, 6)? {
        let spec = parse_spec(&fields, line)?;
        let malformed = |reason: String| Chapter6Error::Malformed { line, reason };
        let a: f64 =
            fields[4].parse().map_err(|_| malformed(format!("noise {:?} is not a number", fields[4])))?;
        let error: f64 = fields[5]
            .parse()
            .map_err(|_| malformed(format!("test_error {:?} is not a number", fields[5])))?;
        if let Some(run) = records.iter_mut().find(|r| r.spec.same_run(&spec)) {
            run.noise.push((a, error));
        }
    }
    records.retain(|r| r.epochs.len() == epochs && r.noise.len() == noise_levels);
    Ok(records)
}

/// Both files' full text (headers included) for `records`, in the given order.
pub(crate) fn format_records(records: &[RunRecord]) -> (String, String) {
    let mut runs = format!("{RUNS_HEADER}\n");
    let mut noise = format!("{NOISE_HEADER}\n");
    for record in records {
        runs.push_str(&run_lines(record));
        noise.push_str(&noise_lines(record));
    }
    (runs, noise)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(seed: u64, loss: f64) -> RunRecord {
        let spec = RunSpec { activation: StudyActivation::Gelu, dropout: 0.5, learning_rate: 1e-3, seed };
        let epochs = (1..=2)
            .map(|epoch| EpochRecord {
                epoch,
                train_loss: loss / epoch as f64,
                validation_loss: 0.1 + loss,
                validation_error: 0.03125,
                test_error: 1.0 / 3.0,
            })
            .collect();
        RunRecord { spec, epochs, noise: vec![(0.0, 0.25), (1.5, f64::NAN)] }
    }

    #[test]
    fn records_round_trip_bit_for_bit() {
        let records = vec![record(0, 0.7), record(1, std::f64::consts::PI)];
        let (runs, noise) = format_records(&records);
        let back = parse_records(&runs, &noise, 2, 2).unwrap();
        assert_eq!(back.len(), 2);
        for (a, b) in records.iter().zip(&back) {
            assert_eq!(a.spec, b.spec);
            assert_eq!(a.epochs, b.epochs);
            assert_eq!(a.noise[0], b.noise[0]);
            assert!(b.noise[1].1.is_nan());
        }
    }

    #[test]
    fn an_unfinished_run_is_left_out_and_bad_lines_are_named() {
        let (runs, noise) = format_records(&[record(0, 0.7), record(1, 0.5)]);
        // Cut the last run's last epoch: it is incomplete, so only seed 0 comes back.
        let cut: String = runs.lines().take(4).map(|l| format!("{l}\n")).collect();
        let back = parse_records(&cut, &noise, 2, 2).unwrap();
        assert_eq!(back.iter().map(|r| r.spec.seed).collect::<Vec<_>>(), [0]);
        let bad = format!("{RUNS_HEADER}\ngelu,0.5,0.001,0,1,x,1,1,1\n");
        assert_eq!(
            parse_records(&bad, &noise, 2, 2).unwrap_err().to_string(),
            "line 2: field 6 \"x\" is not a number"
        );
        let wrong_header = "activation,seed\n";
        assert!(matches!(
            parse_records(wrong_header, &noise, 2, 2),
            Err(Chapter6Error::Malformed { line: 1, .. })
        ));
    }
}
