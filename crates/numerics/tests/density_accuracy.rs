//! `std_normal_pdf` and `gelu_derivative` against the mpmath table
//! `reference/density_reference.csv` (written by `reference/make_density_reference.py`).
//!
//! * phi: correctly rounded on every row (0 ULP), as its documentation claims.
//! * GELU': correctly rounded wherever `|x - x0| > 0.01` (x0 the root, GELU's minimum), and within
//!   an absolute `2^-62` of the exact value everywhere, including the rows clustered around the
//!   root where the two terms `Phi(x)` and `x phi(x)` cancel.

use numerics::{GELU_MINIMUM_AT, WorstCase, gelu_derivative, std_normal_pdf, ulps_f64};

struct Row {
    x: f64,
    pdf: f64,
    derivative: f64,
    derivative_exact: f64,
}

fn rows() -> Vec<Row> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/reference/density_reference.csv");
    let text = std::fs::read_to_string(path).expect("reference/density_reference.csv is committed");
    let bits = |field: &str| f64::from_bits(u64::from_str_radix(field, 16).expect("hex bits"));
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("x,"))
        .map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            Row {
                x: fields[0].parse().expect("x"),
                pdf: bits(fields[1]),
                derivative: bits(fields[2]),
                derivative_exact: fields[3].parse().expect("decimal"),
            }
        })
        .collect()
}

#[test]
fn the_table_covers_the_tails_and_the_root() {
    let rows = rows();
    assert!(rows.len() > 2000, "{} rows", rows.len());
    assert!(rows.iter().any(|row| row.x < -38.0) && rows.iter().any(|row| row.x > 19.0));
    let near_root = rows.iter().filter(|row| (row.x - GELU_MINIMUM_AT).abs() < 1e-6).count();
    assert!(near_root > 50, "{near_root} rows within 1e-6 of the root");
}

#[test]
fn the_density_is_correctly_rounded_on_every_row() {
    let mut worst = WorstCase::default();
    for row in rows() {
        worst.record(ulps_f64(std_normal_pdf(row.x), row.pdf) as f64, row.x);
    }
    println!("std_normal_pdf: max {} ULP at x = {:e}", worst.error, worst.at);
    assert_eq!(worst.error, 0.0, "std_normal_pdf is not correctly rounded at x = {:e}", worst.at);
}

#[test]
fn the_derivative_is_correctly_rounded_away_from_its_root() {
    let mut worst = WorstCase::default();
    let mut misrounded = 0;
    let mut away = 0;
    for row in rows().iter().filter(|row| (row.x - GELU_MINIMUM_AT).abs() > 0.01) {
        let ulps = ulps_f64(gelu_derivative(row.x), row.derivative);
        misrounded += usize::from(ulps > 0);
        away += 1;
        worst.record(ulps as f64, row.x);
    }
    println!(
        "gelu_derivative, |x - x0| > 0.01: max {} ULP at x = {:e}; {misrounded} of {away} rows misrounded",
        worst.error, worst.at
    );
    assert_eq!(misrounded, 0, "gelu_derivative is {} ULP off at x = {:e}", worst.error, worst.at);
}

#[test]
fn the_derivative_has_a_small_absolute_error_near_its_root() {
    let bound = 2f64.powi(-62);
    let mut worst = WorstCase::default();
    for row in rows() {
        worst.record((gelu_derivative(row.x) - row.derivative_exact).abs(), row.x);
    }
    println!("gelu_derivative: max absolute error {:e} at x = {:e}", worst.error, worst.at);
    assert!(worst.error <= bound, "absolute error {:e} at x = {:e}", worst.error, worst.at);
    // The root is where the sign changes.
    assert!(gelu_derivative(GELU_MINIMUM_AT.next_down()) < 0.0);
    assert!(gelu_derivative(GELU_MINIMUM_AT.next_up().next_up()) > 0.0);
}
