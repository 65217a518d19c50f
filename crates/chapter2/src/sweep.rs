//! The inputs of the chapter's property tests: a seeded sweep over every scale and both signs.
//!
//! A property such as `ReLU(a x) = a ReLU(x)` is tested on thousands of inputs instead of three.
//! The sweep mixes hand-picked awkward values (signed zeros, the smallest subnormal, the largest
//! finite number) with seeded random ones: half are random bit patterns, which spread evenly over
//! all exponents from `1e-308` to `1e308`, and half are uniform on `[-8, 8]`, where activations
//! usually live. Infinities and NaN are left out; the functions' docs cover them one by one.

use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

/// Hand-picked finite values that break careless arithmetic (each also appears negated).
pub const AWKWARD: [f64; 15] = [
    0.0,
    5e-324,            // the smallest subnormal
    1e-310,            // a subnormal
    f64::MIN_POSITIVE, // the smallest normal number
    1e-300,
    1e-10,
    0.1,
    0.5,
    1.0,
    2.0,
    3.0,
    1e10,
    1e300,
    f64::MAX / 2.0, // doubling it is still finite
    f64::MAX,       // doubling it overflows
];

/// The sweep: [`AWKWARD`] with both signs (so `0.0` and `-0.0`), then `random_count` seeded
/// values, half random bit patterns (finite ones only) and half uniform on `[-8, 8]`.
/// Every value is finite. The same seed gives the same values on every machine. Every input is
/// valid: `random_count = 0` gives the 30 hand-picked values alone, and an odd count gives one
/// more uniform value than bit patterns.
///
/// ```
/// let values = chapter2::sweep(1, 1000);
/// assert_eq!(values.len(), 30 + 1000);
/// assert!(values.iter().all(|v| v.is_finite()));
/// assert!(values.iter().any(|v| v.abs() > 1e200) && values.iter().any(|v| v.abs() < 1e-200));
/// ```
pub fn sweep(seed: u64, random_count: usize) -> Vec<f64> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut values: Vec<f64> = AWKWARD.iter().flat_map(|&v| [v, -v]).collect();
    let mut bit_patterns = 0;
    while bit_patterns < random_count / 2 {
        let candidate = f64::from_bits(rng.random::<u64>());
        if candidate.is_finite() {
            values.push(candidate);
            bit_patterns += 1;
        }
    }
    values.extend((bit_patterns..random_count).map(|_| rng.random_range(-8.0..=8.0)));
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_both_signs_all_scales_and_subnormals() {
        let values = sweep(7, 10_000);
        assert_eq!(values.len(), 2 * AWKWARD.len() + 10_000);
        assert!(values.contains(&-0.0) && values.iter().any(|v| v.is_sign_negative() && *v == 0.0));
        let subnormal = values.iter().filter(|v| v.is_subnormal()).count();
        assert!(subnormal >= 4, "{subnormal}");
        let huge = values.iter().filter(|v| v.abs() > 1e300).count();
        let tiny = values.iter().filter(|v| **v != 0.0 && v.abs() < 1e-300).count();
        let negative = values.iter().filter(|v| **v < 0.0).count();
        assert!(huge > 30 && tiny > 30, "{huge} {tiny}");
        assert!((4000..6000).contains(&negative), "{negative}");
        assert_eq!(sweep(7, 10_000), values, "seeded, so repeatable");
    }
}
