//! `gelu_tanh` and `gelu_sigmoid` against `reference/approximations_reference.csv`: the exact
//! value of each formula (mpmath, 200 bits) for 6,500 points over the whole `f64` range, made by
//! `reference/make_reference.py`. Each must be within 2 ULP of its own formula.

use chapter4::{gelu_sigmoid, gelu_tanh};

const CSV: &str = include_str!("../reference/approximations_reference.csv");

/// `2^e` exactly, for `-1074 <= e <= 1023` (`powi` may lose the subnormal powers: it can compute
/// `1 / 2^1074`, and `2^1074` overflows).
fn pow2(e: i32) -> f64 {
    assert!((-1074..=1023).contains(&e), "{e}");
    if e >= -1022 { f64::from_bits(((e + 1023) as u64) << 52) } else { f64::from_bits(1 << (e + 1074)) }
}

/// One formula's reference at one x: the correctly rounded f64, the ULP there, and how far the
/// rounded value is from the exact one (in ULP).
struct Reference {
    rounded: f64,
    ulp: f64,
    rounded_minus_exact: f64,
}

impl Reference {
    fn parse(bits: &str, ulp_log2: &str, rounded_minus_exact: &str) -> Reference {
        Reference {
            rounded: f64::from_bits(u64::from_str_radix(bits, 16).expect("hex bits")),
            ulp: pow2(ulp_log2.parse().expect("integer")),
            rounded_minus_exact: rounded_minus_exact.parse().expect("number"),
        }
    }

    /// |got - exact| in ULP. `got - rounded` is exact in f64 when the two are close (Sterbenz),
    /// and a large error stays large if it is not.
    fn ulp_error(&self, got: f64) -> f64 {
        if got.to_bits() == self.rounded.to_bits() {
            return self.rounded_minus_exact.abs();
        }
        ((got - self.rounded) / self.ulp + self.rounded_minus_exact).abs()
    }
}

#[derive(Debug, Default)]
struct Worst {
    ulp: f64,
    x: f64,
    got: f64,
}

#[test]
fn both_approximations_are_within_2_ulp_of_their_formula() {
    let mut lines = CSV.lines();
    let header = lines.next().expect("header");
    assert!(header.starts_with("x,x_bits,tanh_exact,tanh_rounded_bits"), "{header}");
    let (mut worst_tanh, mut worst_sigmoid) = (Worst::default(), Worst::default());
    let mut rows = 0;
    for line in lines {
        let c: Vec<&str> = line.split(',').collect();
        assert_eq!(c.len(), 10, "{line}");
        let x: f64 = c[0].parse().expect("x");
        assert_eq!(
            x.to_bits(),
            u64::from_str_radix(c[1], 16).expect("x bits"),
            "x and x_bits disagree: {line}"
        );
        let tanh = Reference::parse(c[3], c[4], c[5]);
        let sigmoid = Reference::parse(c[7], c[8], c[9]);
        for (f, reference, worst) in [
            (gelu_tanh as fn(f64) -> f64, &tanh, &mut worst_tanh),
            (gelu_sigmoid, &sigmoid, &mut worst_sigmoid),
        ] {
            let got = f(x);
            let err = reference.ulp_error(got);
            if err > worst.ulp || err.is_nan() {
                *worst = Worst { ulp: err, x, got };
            }
        }
        rows += 1;
    }
    assert_eq!(rows, 6500);
    println!("gelu_tanh: max {:.4} ULP at x = {:e} (got {:e})", worst_tanh.ulp, worst_tanh.x, worst_tanh.got);
    println!(
        "gelu_sigmoid: max {:.4} ULP at x = {:e} (got {:e})",
        worst_sigmoid.ulp, worst_sigmoid.x, worst_sigmoid.got
    );
    assert!(worst_tanh.ulp <= 2.0, "gelu_tanh: {worst_tanh:?}");
    assert!(worst_sigmoid.ulp <= 2.0, "gelu_sigmoid: {worst_sigmoid:?}");
}

#[test]
fn the_reference_file_covers_what_it_claims() {
    // Subnormal results, results that round to zero, and both signs of huge x are all present.
    let mut kinds = [false; 4];
    for line in CSV.lines().skip(1) {
        let c: Vec<&str> = line.split(',').collect();
        let x: f64 = c[0].parse().unwrap();
        let rounded = f64::from_bits(u64::from_str_radix(c[3], 16).unwrap());
        kinds[0] |= rounded != 0.0 && rounded.abs() < f64::MIN_POSITIVE;
        kinds[1] |= rounded == 0.0 && x < 0.0;
        kinds[2] |= x > 1e300;
        kinds[3] |= x < -1e300;
    }
    assert_eq!(kinds, [true; 4]);
}
