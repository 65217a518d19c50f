//! The UCI optical handwritten digits: 1,797 images of 8x8 pixels with values 0 to 16, and
//! their labels 0 to 9 (`data/digits.csv.gz`, CC BY 4.0, attribution in `data/README.md`).
//!
//! The file is compiled into the crate, so the study runs offline and from any directory;
//! [`parse_digits_csv`] is the parser, also for a copy of the file read from elsewhere
//! ([`read_digits_gz`]). Pixels are scaled to `[0, 1]` (divided by 16), as the paper's MNIST
//! inputs were.

use std::io::Read;

use chapter5::network::Dataset;

use crate::Chapter6Error;

/// The shipped file, gzip-compressed.
const DIGITS_GZ: &[u8] = include_bytes!("../data/digits.csv.gz");

/// Pixels per image (8 x 8).
pub const PIXELS: usize = 64;
/// Classes (the digits 0 to 9).
pub const CLASSES: usize = 10;
/// The largest pixel value in the file.
const PIXEL_MAX: u32 = 16;

/// The shipped digits as a [`Dataset`]: 1,797 rows of 64 inputs in `[0, 1]`, labels `0..10`.
///
/// Errors: none for the shipped file (a test checks it); the signature is that of
/// [`read_digits_gz`].
///
/// ```
/// let digits = chapter6::digits()?;
/// assert_eq!((digits.len(), digits.features(), digits.classes()), (1797, 64, 10));
/// assert_eq!(digits.labels()[..3], [0, 1, 2]);
/// assert!(digits.inputs().iter().all(|&v| (0.0..=1.0).contains(&v)));
/// # Ok::<(), chapter6::Chapter6Error>(())
/// ```
pub fn digits() -> Result<Dataset, Chapter6Error> {
    parse_digits_csv(&gunzip(DIGITS_GZ, "the shipped digits.csv.gz")?)
}

/// Reads and parses a gzip-compressed digits file at `path` (same format as the shipped one).
///
/// Errors: [`Chapter6Error::Io`] if the file cannot be read or is not gzip; the errors of
/// [`parse_digits_csv`] for its content.
///
/// ```
/// let missing = chapter6::read_digits_gz(std::path::Path::new("no/such/digits.csv.gz"));
/// assert!(matches!(missing, Err(chapter6::Chapter6Error::Io { .. })));
/// ```
pub fn read_digits_gz(path: &std::path::Path) -> Result<Dataset, Chapter6Error> {
    let bytes = std::fs::read(path).map_err(|e| Chapter6Error::io(path, &e))?;
    parse_digits_csv(&gunzip(&bytes, &path.display().to_string())?)
}

/// Decompresses gzip `bytes` into text.
fn gunzip(bytes: &[u8], name: &str) -> Result<String, Chapter6Error> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes).read_to_string(&mut text).map_err(|e| Chapter6Error::Io {
        path: name.to_owned(),
        message: format!("not a gzip text file: {e}"),
    })?;
    Ok(text)
}

/// Parses the digits CSV: one image per line, 64 integers in `0..=16`, then a label in `0..=9`,
/// comma-separated, no header; empty lines are skipped. Pixels are divided by 16.
///
/// Errors: [`Chapter6Error::Malformed`] naming the first bad line (from 1) and what is wrong
/// (field count, a field that is not an integer, a pixel above 16, a label above 9); no lines at
/// all gives [`Chapter6Error::Invalid`].
///
/// ```
/// use chapter6::{Chapter6Error, parse_digits_csv};
/// let row = |label: &str| format!("{}{label}\n", "0,".repeat(64));
/// let data = parse_digits_csv(&(row("3") + &row("7")))?;
/// assert_eq!(data.labels(), [3, 7]);
/// let error = parse_digits_csv(&(row("3") + "1,2,3\n")).unwrap_err();
/// assert_eq!(error.to_string(), "line 2: 65 fields expected (64 pixels and a label), found 3");
/// let error = parse_digits_csv(&row("12")).unwrap_err();
/// assert_eq!(error.to_string(), "line 1: label 12 is not a digit 0-9");
/// # Ok::<(), Chapter6Error>(())
/// ```
pub fn parse_digits_csv(text: &str) -> Result<Dataset, Chapter6Error> {
    let mut inputs = Vec::new();
    let mut labels = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        let malformed = |reason: String| Chapter6Error::Malformed { line: line_number, reason };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        if fields.len() != PIXELS + 1 {
            return Err(malformed(format!(
                "{} fields expected (64 pixels and a label), found {}",
                PIXELS + 1,
                fields.len()
            )));
        }
        for (column, field) in fields[..PIXELS].iter().enumerate() {
            let pixel: u32 = field
                .parse()
                .map_err(|_| malformed(format!("pixel {} is {field:?}, not an integer", column + 1)))?;
            if pixel > PIXEL_MAX {
                return Err(malformed(format!("pixel {} is {pixel}, above {PIXEL_MAX}", column + 1)));
            }
            inputs.push(f64::from(pixel) / f64::from(PIXEL_MAX));
        }
        let label_field = fields[PIXELS];
        let label: usize =
            label_field.parse().map_err(|_| malformed(format!("label {label_field:?} is not an integer")))?;
        if label >= CLASSES {
            return Err(malformed(format!("label {label} is not a digit 0-9")));
        }
        labels.push(label);
    }
    if labels.is_empty() {
        return Err(Chapter6Error::invalid("the digits file has no data lines"));
    }
    Ok(Dataset::new(inputs, labels, PIXELS, CLASSES)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_has_every_class_about_equally() {
        let data = digits().unwrap();
        let mut counts = [0usize; CLASSES];
        for &label in data.labels() {
            counts[label] += 1;
        }
        assert_eq!(counts, [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    }

    #[test]
    fn bad_fields_are_named() {
        let mut row = "0,".repeat(63);
        row.push_str("x,1");
        assert_eq!(
            parse_digits_csv(&row).unwrap_err().to_string(),
            "line 1: pixel 64 is \"x\", not an integer"
        );
        let row = format!("17,{}1", "0,".repeat(63));
        assert_eq!(parse_digits_csv(&row).unwrap_err().to_string(), "line 1: pixel 1 is 17, above 16");
        assert!(matches!(parse_digits_csv("\n\n"), Err(Chapter6Error::Invalid { .. })));
        assert!(matches!(gunzip(b"not gzip", "x"), Err(Chapter6Error::Io { .. })));
    }
}
