//! `silu` against `reference/silu_reference.csv`: the exact `x / (1 + e^-x)` (mpmath, 256 bits)
//! for 5,775 points from `x = -1e6` to `f64::MAX`, made by `reference/make_silu_reference.py`.
//! SiLU must be within 2 ULP everywhere, subnormal results and the zero threshold included;
//! the test prints the largest error it measured.

use chapter5::silu;

const CSV: &str = include_str!("../reference/silu_reference.csv");

/// `2^e` exactly, for `-1074 <= e <= 1023`.
fn pow2(e: i32) -> f64 {
    assert!((-1074..=1023).contains(&e), "{e}");
    if e >= -1022 { f64::from_bits(((e + 1023) as u64) << 52) } else { f64::from_bits(1 << (e + 1074)) }
}

/// One row: the input, the correctly rounded value, the ULP at the exact value, and how far the
/// rounded value is from the exact one (in ULP).
struct Row {
    x: f64,
    rounded: f64,
    ulp: f64,
    rounded_minus_exact: f64,
}

impl Row {
    /// `|got - exact|` in ULP. `got - rounded` is exact in f64 when the two are close
    /// (Sterbenz), and a large error stays large if it is not.
    fn ulp_error(&self, got: f64) -> f64 {
        if got.to_bits() == self.rounded.to_bits() {
            return self.rounded_minus_exact.abs();
        }
        ((got - self.rounded) / self.ulp + self.rounded_minus_exact).abs()
    }
}

fn rows() -> Vec<Row> {
    CSV.lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("x,"))
        .map(|line| {
            let c: Vec<&str> = line.split(',').collect();
            assert_eq!(c.len(), 5, "{line}");
            Row {
                x: c[0].parse().expect("x"),
                rounded: f64::from_bits(u64::from_str_radix(c[2], 16).expect("hex bits")),
                ulp: pow2(c[3].parse().expect("integer")),
                rounded_minus_exact: c[4].parse().expect("number"),
            }
        })
        .collect()
}

#[test]
fn the_table_covers_the_whole_range() {
    let rows = rows();
    assert_eq!(rows.len(), 5775);
    let subnormal = rows.iter().filter(|r| r.rounded != 0.0 && r.rounded.abs() < f64::MIN_POSITIVE).count();
    let zero_from_tail = rows.iter().filter(|r| r.x < -700.0 && r.rounded == 0.0).count();
    assert!(subnormal > 300, "{subnormal} subnormal results");
    assert!(zero_from_tail > 50, "{zero_from_tail} results that round to zero");
    assert!(rows.iter().any(|r| r.x == f64::MAX) && rows.iter().any(|r| r.x == 5e-324));
}

#[test]
fn silu_is_within_2_ulp_of_the_exact_value() {
    let (mut worst, mut worst_x, mut worst_got) = (0.0f64, f64::NAN, f64::NAN);
    let mut correctly_rounded = 0;
    let rows = rows();
    for row in &rows {
        let got = silu(row.x);
        let error = row.ulp_error(got);
        if got.to_bits() == row.rounded.to_bits() || (got == 0.0 && row.rounded == 0.0) {
            correctly_rounded += 1;
        }
        assert!(
            error <= 2.0,
            "x = {:e}: got {got:e}, expected {:e} ({error} ULP, tolerance 2)",
            row.x,
            row.rounded
        );
        if error > worst {
            (worst, worst_x, worst_got) = (error, row.x, got);
        }
    }
    println!(
        "silu: max {worst:.4} ULP at x = {worst_x:e} (got {worst_got:e}); correctly rounded on {correctly_rounded} of {} rows",
        rows.len()
    );
}

#[test]
fn the_thresholds_fall_where_the_documentation_says() {
    // Subnormal from x = -714.97, zero from x = -751.76 (silu's documentation).
    assert!(silu(-714.96).abs() >= f64::MIN_POSITIVE);
    assert!(silu(-714.98).abs() < f64::MIN_POSITIVE);
    assert!(silu(-751.75) < 0.0);
    assert_eq!(silu(-751.77), 0.0);
    // Beyond the table: every x below -1e6 gives -0.
    for x in [-1e7, -1e100, f64::MIN] {
        assert_eq!(silu(x).to_bits(), (-0.0f64).to_bits(), "{x}");
    }
}
