//! The numbers behind the book's curve explorer (`book/explorer.md`): every curve the page draws,
//! computed here by the chapters' own functions and committed as `book/data/explorer/curves.js`.
//!
//! The page plots these numbers and computes no activation itself, so there is no second GELU in
//! JavaScript. The file is a script that sets one global, `window.GELU_EXPLORER`, because a
//! `<script src>` also loads when the built book is opened from disk (a `fetch` of a JSON file
//! does not). `cargo course figures` writes it (this crate's `chapter5_figures` example calls
//! [`write_explorer_data`] with [`book_dir`]), and this crate's tests fail when the committed
//! file differs from [`explorer_data`] ([`assert_committed_explorer_data_fresh`]).
//!
//! What it holds, on the grid `x = -4, -3.95, ..., 4` ([`xs`]):
//!
//! * `learnable[i][j]`: chapter 5's [`GeluMuSigma`], `x Phi((x - mu) / sigma)`, for every `mu` of
//!   [`MU_GRID`] (index `i`) and `sigma` of [`SIGMA_GRID`] (index `j`);
//! * `colors`: the house style's colour for each curve ([`COLORS`]), so the page keeps no copy
//!   of the palette;
//! * `relu` (chapter 2), `half` (`x / 2`, the `sigma -> inf` limit, [`wide_gate_limit`]) and
//!   `gelu` (the exact GELU), for reference;
//! * `approximations.exact`, `.tanh`, `.sigmoid`: chapter 4's `gelu`, `gelu_tanh` and
//!   `gelu_sigmoid`, each with its signed error against the exact GELU (`approximation - gelu`)
//!   and the largest absolute error on `[-4, 4]` with where it is (`peak`, found by
//!   [`chapter4::max_abs_error`]; both errors are even functions of `x`, so `peak` gives `|x|`).
//!
//! Curve values are rounded to [`CURVE_DECIMALS`] decimals (a pixel of the page's plots is about
//! 0.02), errors to [`ERROR_DIGITS`] significant digits, which keeps the file under 100 KB.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chapter2::relu;
use chapter4::{gelu, gelu_sigmoid, gelu_tanh, max_abs_error};
use house_style::palette;
use plotters::style::RGBColor;

use crate::{Chapter5Error, GeluMuSigma, wide_gate_limit};

/// The left end of the explorer's `x` range.
pub const X_MIN: f64 = -4.0;
/// The right end of the explorer's `x` range.
pub const X_MAX: f64 = 4.0;
/// Grid points per unit of `x`: the spacing is `1 / 20 = 0.05`, so [`xs`] has 161 points.
pub const STEPS_PER_UNIT: u32 = 20;
/// The means `mu` the page's slider offers, in steps of 0.25.
pub const MU_GRID: [f64; 9] = [-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0];
/// The scales `sigma` the page's slider offers: from nearly ReLU (0.1) to nearly `x / 2` (5).
pub const SIGMA_GRID: [f64; 9] = [0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0];
/// Decimals kept of every curve value (absolute resolution `1e-4`).
pub const CURVE_DECIMALS: i32 = 4;
/// Significant digits kept of every error value.
pub const ERROR_DIGITS: usize = 4;
/// The house style's colour of each curve the page draws, by the name the page uses: the
/// learnable curve in ELU's purple (a colour no reference curve has), GELU, ReLU and `x / 2` in
/// their own colours (`x / 2` as dropout's, like `ch5-sigma-family`), the exact GELU drawn under
/// an approximation as the reference, and chapter 4's colours for the two approximations
/// (`ch4-errors`).
pub const COLORS: [(&str, RGBColor); 7] = [
    ("learnable", palette::ELU),
    ("gelu", palette::GELU),
    ("relu", palette::RELU),
    ("half", palette::DROPOUT),
    ("reference", palette::REFERENCE),
    ("tanh", palette::GELU),
    ("sigmoid", palette::SILU),
];
/// The data file, relative to the book's source folder `book/`.
pub const DATA_FILE: &str = "data/explorer/curves.js";

/// A formula of chapter 4 by the key the page selects it with.
type Formula = (&'static str, fn(f64) -> f64);

/// The explorer's `x` grid: `X_MIN + k / STEPS_PER_UNIT` for `k = 0, ..., 160`, each a single
/// division (so `x = 0.05 k - 4` to the last bit allows, and `0`, `+-1`, ... exactly).
///
/// ```
/// let xs = chapter5::explorer::xs();
/// assert_eq!(xs.len(), 161);
/// assert_eq!((xs[0], xs[80], xs[160]), (-4.0, 0.0, 4.0));
/// assert_eq!(xs[81], 0.05);
/// ```
pub fn xs() -> Vec<f64> {
    let per_unit = f64::from(STEPS_PER_UNIT);
    let first = (X_MIN * per_unit).round() as i64;
    let last = (X_MAX * per_unit).round() as i64;
    (first..=last).map(|k| k as f64 / per_unit).collect()
}

/// The text of `book/data/explorer/curves.js`: a comment saying where it comes from, then
/// `window.GELU_EXPLORER = {...};` with the curves described in the [module documentation](self).
///
/// Deterministic: every call gives the same text. The grids are constants, so the
/// [`Chapter5Error`] of [`GeluMuSigma::new`] cannot happen; it is passed on, not unwrapped.
///
/// ```
/// let js = chapter5::explorer::explorer_data()?;
/// assert!(js.contains("window.GELU_EXPLORER = {"));
/// assert!(js.trim_end().ends_with("};"));
/// assert!(js.contains(r#""x": [-4,-3.95,"#));
/// assert!(js.contains(r#""sigma": [0.1,0.25,0.5,"#));
/// // GELU(-1) = -0.158655..., rounded to four decimals:
/// assert!(js.contains(r#""gelu": ["#) && js.contains("-0.1587"));
/// assert!(js.len() < 100_000, "{} bytes", js.len());
/// # Ok::<(), chapter5::Chapter5Error>(())
/// ```
pub fn explorer_data() -> Result<String, Chapter5Error> {
    let xs = xs();
    let curve = |f: &dyn Fn(f64) -> f64| list(xs.iter().map(|&x| rounded(f(x))));
    let mut js = String::new();
    js.push_str(
        "// The curves of the book's explorer page (explorer.md), computed by the crates: written by\n\
         // `cargo course figures` from chapter5::explorer (crates/chapter5/src/explorer.rs), and checked\n\
         // by `cargo test -p chapter5`. Do not edit: regenerate.\n",
    );
    js.push_str("window.GELU_EXPLORER = {\n");
    let _ = writeln!(js, "  \"x\": {},", list(xs.iter().map(|&x| rounded(x))));
    let _ = writeln!(js, "  \"mu\": {},", list(MU_GRID.iter().map(|&mu| rounded(mu))));
    let _ = writeln!(js, "  \"sigma\": {},", list(SIGMA_GRID.iter().map(|&sigma| rounded(sigma))));
    let colors: Vec<String> =
        COLORS.iter().map(|(name, c)| format!("\"{name}\":\"#{:02x}{:02x}{:02x}\"", c.0, c.1, c.2)).collect();
    let _ = writeln!(js, "  \"colors\": {{{}}},", colors.join(","));
    let _ = writeln!(js, "  \"relu\": {},", curve(&relu));
    let _ = writeln!(js, "  \"half\": {},", curve(&wide_gate_limit));
    let _ = writeln!(js, "  \"gelu\": {},", curve(&gelu));
    js.push_str("  \"learnable\": [\n");
    for (i, &mu) in MU_GRID.iter().enumerate() {
        let _ = writeln!(js, "    [ // mu = {mu}");
        for (j, &sigma) in SIGMA_GRID.iter().enumerate() {
            let gate = GeluMuSigma::new(mu, sigma)?;
            let comma = if j + 1 < SIGMA_GRID.len() { "," } else { "" };
            let _ = writeln!(js, "      {}{comma}", curve(&|x| gate.value(x)));
        }
        let comma = if i + 1 < MU_GRID.len() { "," } else { "" };
        let _ = writeln!(js, "    ]{comma}");
    }
    js.push_str("  ],\n  \"approximations\": {\n");
    let approximations: [Formula; 3] = [("exact", gelu), ("tanh", gelu_tanh), ("sigmoid", gelu_sigmoid)];
    for (k, (key, approximation)) in approximations.into_iter().enumerate() {
        let error = |x: f64| approximation(x) - gelu(x);
        let peak = if key == "exact" {
            "null".to_owned()
        } else {
            let (x, worst) = max_abs_error(error, X_MIN, X_MAX, 8000);
            format!("{{\"abs_x\": {}, \"abs_error\": {}}}", rounded(x.abs()), significant(worst))
        };
        let _ = writeln!(js, "    \"{key}\": {{");
        let _ = writeln!(js, "      \"values\": {},", curve(&approximation));
        let _ = writeln!(js, "      \"error\": {},", list(xs.iter().map(|&x| significant(error(x)))));
        let comma = if k + 1 < approximations.len() { "," } else { "" };
        let _ = writeln!(js, "      \"peak\": {peak}\n    }}{comma}");
    }
    js.push_str("  }\n};\n");
    Ok(js)
}

/// The book's source folder, `book/` at the repository root (fixed when this crate is compiled,
/// not canonicalised; it exists only in a checkout of the repository).
///
/// ```
/// let book = chapter5::explorer::book_dir();
/// assert!(book.join("SUMMARY.md").is_file());
/// assert!(book.join(chapter5::explorer::DATA_FILE).is_file());
/// ```
pub fn book_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../book")
}

/// Writes [`explorer_data`] to `{book_dir}/data/explorer/curves.js`, creating the folders, and
/// returns the path written.
///
/// A folder that cannot be created or a file that cannot be written gives
/// [`FigureError::Io`](house_style::FigureError::Io) naming the path (the book's figure errors,
/// since `cargo course figures` writes this file with the figures).
///
/// ```
/// use chapter5::explorer::{DATA_FILE, explorer_data, write_explorer_data};
/// let dir = std::env::temp_dir().join(format!("chapter5-doc-explorer-{}", std::process::id()));
/// let path = write_explorer_data(&dir)?;
/// assert_eq!(path, dir.join(DATA_FILE));
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), explorer_data().unwrap());
/// std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), house_style::FigureError>(())
/// ```
pub fn write_explorer_data(book_dir: &Path) -> Result<PathBuf, house_style::FigureError> {
    let js = explorer_data().map_err(|error| house_style::FigureError::draw(DATA_FILE, error))?;
    let path = book_dir.join(DATA_FILE);
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| house_style::FigureError::Io { path, source }
    };
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(io(folder))?;
    }
    std::fs::write(&path, js).map_err(io(&path))?;
    Ok(path)
}

/// For the freshness test: panics, naming the file and the command that regenerates it, unless
/// the committed `book/data/explorer/curves.js` is byte for byte [`explorer_data`].
///
/// ```
/// chapter5::explorer::assert_committed_explorer_data_fresh();
/// ```
#[track_caller]
pub fn assert_committed_explorer_data_fresh() {
    let path = book_dir().join(DATA_FILE);
    let expected = match explorer_data() {
        Ok(js) => js,
        Err(error) => panic!("computing the explorer's data failed: {error}"),
    };
    let committed = std::fs::read_to_string(&path).ok();
    if committed.as_deref() != Some(expected.as_str()) {
        let state = if committed.is_some() { "stale" } else { "missing" };
        panic!(
            "the explorer's data is {state}; regenerate it with `cargo course figures` and commit the result:\n  {}",
            path.display()
        );
    }
}

/// `v` rounded to [`CURVE_DECIMALS`] decimals, in the shortest form that reads back as that
/// value (`-0` written as `0`).
fn rounded(v: f64) -> String {
    let scale = 10f64.powi(CURVE_DECIMALS);
    let r = (v * scale).round() / scale + 0.0;
    format!("{r}")
}

/// `v` to [`ERROR_DIGITS`] significant digits in exponent form (`4.732e-4`), `0` as `0`.
fn significant(v: f64) -> String {
    if v == 0.0 { "0".to_owned() } else { format!("{:.*e}", ERROR_DIGITS - 1, v) }
}

/// `[a,b,c]`: no spaces, which keeps the file a sixth smaller.
fn list(items: impl Iterator<Item = String>) -> String {
    format!("[{}]", items.collect::<Vec<_>>().join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_explorer_data_is_fresh() {
        assert_committed_explorer_data_fresh();
    }

    #[test]
    fn numbers_are_rounded_as_documented() {
        assert_eq!(rounded(-0.158_655_253_931_457), "-0.1587");
        assert_eq!(rounded(-1e-9), "0");
        assert_eq!(rounded(2.5), "2.5");
        assert_eq!(significant(4.732_355e-4), "4.732e-4");
        assert_eq!(significant(-2.033_487e-2), "-2.033e-2");
        assert_eq!(significant(0.0), "0");
    }

    #[test]
    fn the_data_holds_every_grid_curve_and_the_peaks_of_chapter_4() {
        let js = explorer_data().unwrap();
        let rows = js.lines().filter(|line| line.starts_with("      [")).count();
        assert_eq!(rows, MU_GRID.len() * SIGMA_GRID.len());
        // The peaks the chapter 4 page quotes: 4.73e-4 at |x| = 2.699, 2.03e-2 at |x| = 2.270.
        assert!(js.contains(r#""peak": {"abs_x": 2.6989, "abs_error": 4.732e-4}"#), "{js}");
        assert!(js.contains(r#""peak": {"abs_x": 2.2704, "abs_error": 2.033e-2}"#), "{js}");
    }
}
