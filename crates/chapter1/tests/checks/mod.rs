//! The checks of chapter 1's exercises: one function per exercise, taking the functions to check.
//!
//! tests/exercises.rs calls each on your file (or the reference solution); tests/wrong_answers.rs
//! calls it on every known wrong answer in tests/wrong_answers/ and asserts that it fails. Each
//! check rejects the plausible wrong answers named in its comments, not just the stub.

use exercise_check::assert_close;
use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;

/// Statistical checks allow 5 standard errors: a correct answer fails with probability
/// 5.7e-7 per seed (two-sided normal tail), and the seeds are fixed, so a pass is repeatable.
const K_STANDARD_ERRORS: f64 = 5.0;

fn rng(seed: u64) -> Xoshiro256PlusPlus {
    Xoshiro256PlusPlus::seed_from_u64(seed)
}

/// Exercise 1.1: `keep_mask(len, keep_probability, rng)`.
pub fn check_1_1_keep_mask(keep_mask: impl Fn(usize, f64, &mut Xoshiro256PlusPlus) -> Vec<bool>) {
    let mut rng = rng(11);
    // Length exactly `len` (catches off-by-one ranges), extremes deterministic.
    assert_eq!(keep_mask(17, 0.5, &mut rng).len(), 17, "keep_mask(17, ..) must have 17 entries");
    assert!(keep_mask(0, 0.5, &mut rng).is_empty(), "keep_mask(0, ..) must be empty");
    assert!(keep_mask(500, 0.0, &mut rng).iter().all(|&m| !m), "q = 0 must drop every unit");
    assert!(keep_mask(500, 1.0, &mut rng).iter().all(|&m| m), "q = 1 must keep every unit");

    // The kept fraction is q, not 1 - q: at q = 0.7 the SE over 2e5 draws is 0.001.
    let (n, q) = (200_000, 0.7);
    let kept = keep_mask(n, q, &mut rng).iter().filter(|&&m| m).count();
    let standard_error = (q * (1.0 - q) / n as f64).sqrt();
    assert_close("kept fraction at q = 0.7", q, kept as f64 / n as f64, K_STANDARD_ERRORS * standard_error);

    // Entries are independent: the kept count of a 20-unit mask has variance 20 q (1 - q) = 4.2.
    // A mask with exactly round(20 q) kept units has variance 0; one shared coin per mask
    // has 84. Over 5000 masks the sample variance's relative SE is about 2%, so 15% is > 5 SE.
    let counts: Vec<f64> =
        (0..5000).map(|_| keep_mask(20, q, &mut rng).iter().filter(|&&m| m).count() as f64).collect();
    let mean = counts.iter().sum::<f64>() / counts.len() as f64;
    let variance = counts.iter().map(|c| (c - mean).powi(2)).sum::<f64>() / (counts.len() as f64 - 1.0);
    assert_close("variance of the kept count of 20-unit masks", 4.2, variance, 0.15 * 4.2);

    // Every unit is kept with probability q, wherever it sits: drawing the count and keeping the
    // first that many units keeps unit 0 in ~100% of masks and unit 19 in 0.7^20 = 0.08%. Over
    // 5000 masks a unit's kept fraction has SE sqrt(q (1 - q) / 5000) = 0.0065; 20 units at 5 SE
    // fail a correct answer with probability 20 * 5.7e-7 = 1.1e-5 for this seed.
    let masks: Vec<Vec<bool>> = (0..5000).map(|_| keep_mask(20, q, &mut rng)).collect();
    let standard_error = (q * (1.0 - q) / masks.len() as f64).sqrt();
    for unit in 0..20 {
        let kept = masks.iter().filter(|mask| mask[unit]).count() as f64 / masks.len() as f64;
        let what = format!("fraction of 5000 masks (20 units, q = 0.7) that keep unit {unit}");
        assert_close(&what, q, kept, K_STANDARD_ERRORS * standard_error);
    }
}

/// Exercise 1.2: `inverted_dropout(x, p, rng)`.
pub fn check_1_2_inverted_dropout(
    inverted_dropout: impl Fn(&[f64], f64, &mut Xoshiro256PlusPlus) -> Vec<f64>,
) {
    let mut rng = rng(12);
    assert!(inverted_dropout(&[], 0.5, &mut rng).is_empty(), "empty input must give empty output");
    let x = [1.5, -2.0, 0.25];
    assert_eq!(inverted_dropout(&x, 0.0, &mut rng), x, "p = 0 keeps every input unchanged");

    // Every output is 0 or x / (1 - p): catches a missing rescale (x), 1/p and (1 - p).
    let (p, n) = (0.3, 100_000);
    let x: Vec<f64> = (0..n).map(|i| 1.0 + (i % 7) as f64).collect();
    let y = inverted_dropout(&x, p, &mut rng);
    assert_eq!(y.len(), n, "output length must equal input length");
    for (&xi, &yi) in x.iter().zip(&y) {
        let kept_value = xi / (1.0 - p);
        assert!(
            yi == 0.0 || (yi - kept_value).abs() <= 1e-12 * kept_value,
            "x = {xi}, p = {p}: output {yi} is neither 0 (dropped) nor x / (1 - p) = {kept_value}"
        );
    }
    // Kept with probability 1 - p = 0.7, not p (catches a swapped probability).
    let kept = y.iter().filter(|&&v| v != 0.0).count() as f64 / n as f64;
    let standard_error = (p * (1.0 - p) / n as f64).sqrt();
    assert_close("fraction kept at p = 0.3", 1.0 - p, kept, K_STANDARD_ERRORS * standard_error);

    // Unbiased: the mean output for a constant input x = 2 is 2 (SE = 2 sqrt(p/(1-p)/n)).
    let y = inverted_dropout(&vec![2.0; n], p, &mut rng);
    let mean = y.iter().sum::<f64>() / n as f64;
    let standard_error = 2.0 * (p / (1.0 - p) / n as f64).sqrt();
    assert_close("mean output for x = 2, p = 0.3", 2.0, mean, K_STANDARD_ERRORS * standard_error);

    // One independent draw per element, checked on 5000 short inputs of 10 elements at p = 0.2.
    // The kept count of one call is Binomial(10, 0.8), variance 10 * 0.8 * 0.2 = 1.6: dropping a
    // quota of exactly round(p n) elements gives 0, one coin per call 16. Over 5000 calls the
    // sample variance has relative SE 2.0%, so 15% is 7.5 SE (false failure < 1e-12).
    let (p, len, calls) = (0.2, 10, 5000);
    let x: Vec<f64> = (0..len).map(|i| 1.0 + i as f64).collect();
    let outputs: Vec<Vec<f64>> = (0..calls).map(|_| inverted_dropout(&x, p, &mut rng)).collect();
    for y in &outputs {
        assert_eq!(y.len(), len, "output length must equal input length");
        for (&xi, &yi) in x.iter().zip(y) {
            let kept_value = xi / (1.0 - p);
            assert!(
                yi == 0.0 || (yi - kept_value).abs() <= 1e-12 * kept_value,
                "x = {xi}, p = {p}: output {yi} is neither 0 (dropped) nor x / (1 - p) = {kept_value}"
            );
        }
    }
    let counts: Vec<f64> = outputs.iter().map(|y| y.iter().filter(|&&v| v != 0.0).count() as f64).collect();
    let mean = counts.iter().sum::<f64>() / calls as f64;
    let variance = counts.iter().map(|c| (c - mean).powi(2)).sum::<f64>() / (calls as f64 - 1.0);
    let expected = len as f64 * p * (1.0 - p);
    let what = "variance of the kept count of 10-element inputs at p = 0.2 (one draw per element)";
    assert_close(what, expected, variance, 0.15 * expected);
    // And each position is kept with probability 0.8 (keeping "the first k" elements keeps
    // position 0 almost always): SE sqrt(0.16 / 5000) = 0.0057, 10 positions at 5 SE fail a
    // correct answer with probability 10 * 5.7e-7 = 5.7e-6 for this seed.
    let standard_error = (p * (1.0 - p) / calls as f64).sqrt();
    for i in 0..len {
        let kept = outputs.iter().filter(|y| y[i] != 0.0).count() as f64 / calls as f64;
        let what = format!("fraction of 5000 calls (10 elements, p = 0.2) that keep element {i}");
        assert_close(&what, 1.0 - p, kept, K_STANDARD_ERRORS * standard_error);
    }
}

/// Exercise 1.3: `kept_count_histogram(masks, units)`.
pub fn check_1_3_kept_count_histogram(kept_count_histogram: impl Fn(&[Vec<bool>], usize) -> Vec<u64>) {
    // Kept counts 2, 2, 0, 3, 2. Counting dropped units instead would give [1, 3, 0, 1].
    let masks = vec![
        vec![true, false, true],
        vec![true, true, false],
        vec![false, false, false],
        vec![true, true, true],
        vec![true, false, true],
    ];
    assert_eq!(kept_count_histogram(&masks, 3), [1, 0, 3, 1], "histogram of the five masks in the test");
    assert_eq!(kept_count_histogram(&[], 5), [0; 6], "no masks: units + 1 zero counts");

    // Agrees with the library on the figure's own masks (same seed, same draws).
    let (units, count, seed) = (20, 2000, 3);
    let rate = chapter1::DropoutRate::new(0.3).unwrap();
    let mut rng = rng(seed);
    let masks: Vec<Vec<bool>> = (0..count)
        .map(|_| chapter1::bernoulli_mask(units, rate.keep_probability(), &mut rng).unwrap())
        .collect();
    let expected = chapter1::simulate_kept_counts(units, count, rate, seed);
    assert_eq!(kept_count_histogram(&masks, units), expected, "histogram of 2000 seeded masks");
}

/// Exercise 1.4: `inverted_dropout_variance(x, p)`.
pub fn check_1_4_dropout_variance(inverted_dropout_variance: impl Fn(f64, f64) -> f64) {
    // (x, p, Var): the cases separate x^2 p/(1-p) from x^2 p(1-p), x^2 p/(1-p)^2,
    // x^2 (1-p)/p and x^2 p.
    for (x, p, expected) in [(2.0, 0.5, 4.0), (3.0, 0.25, 3.0), (-1.0, 0.9, 9.0), (5.0, 0.0, 0.0)] {
        let what = format!("Var[y] at x = {x}, p = {p}");
        assert_close(&what, expected, inverted_dropout_variance(x, p), 1e-12 * expected.max(1.0));
    }
    // And it is what simulation measures: sample variance of 2e5 library draws, x = 1.5,
    // p = 0.2 (relative SE of the sample variance ~0.4%, so 5% is > 10 SE).
    let (x, p) = (1.5, 0.2);
    let y =
        chapter1::inverted_dropout(&vec![x; 200_000], chapter1::DropoutRate::new(p).unwrap(), &mut rng(14));
    let (_, standard_error) = chapter1::mean_and_standard_error(&y).unwrap();
    let measured = standard_error * standard_error * y.len() as f64;
    let formula = inverted_dropout_variance(x, p);
    assert_close(
        "your formula against the simulated variance at x = 1.5, p = 0.2",
        measured,
        formula,
        0.05 * measured,
    );
}
