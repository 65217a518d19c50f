//! The tests of chapter 3's exercises. The same tests run against your files in
//! exercises/chapter3/ (the default) and against exercises/chapter3/solutions/ (with the
//! `solutions` feature, as `cargo course verify` does), so stub and solution cannot drift apart.
//!
//! Each test calls one check from tests/checks/mod.rs, which rejects the plausible wrong answers
//! named in its comments, not just the stub; tests/wrong_answers.rs proves it on the files in
//! tests/wrong_answers/.

#[cfg_attr(not(feature = "solutions"), path = "../../../exercises/chapter3/mod.rs")]
#[cfg_attr(feature = "solutions", path = "../../../exercises/chapter3/solutions/mod.rs")]
mod exercises;

mod checks;

use exercise_check::exercise;

use exercises::ex3_1_normal_cdf::normal_cdf;
use exercises::ex3_2_mc_estimate::estimate_gelu;
use exercises::ex3_3_samples_needed::samples_for_half_width;
use exercises::ex3_4_gate_variance::gate_variance;

#[test]
fn exercise_3_1_normal_cdf() {
    exercise("3.1", "exercises/chapter3/ex3_1_normal_cdf.rs", || checks::check_3_1_normal_cdf(normal_cdf));
}

#[test]
fn exercise_3_2_mc_estimate() {
    exercise("3.2", "exercises/chapter3/ex3_2_mc_estimate.rs", || {
        checks::check_3_2_mc_estimate(estimate_gelu)
    });
}

#[test]
fn exercise_3_3_samples_needed() {
    exercise("3.3", "exercises/chapter3/ex3_3_samples_needed.rs", || {
        checks::check_3_3_samples_needed(samples_for_half_width)
    });
}

#[test]
fn exercise_3_4_gate_variance() {
    exercise("3.4", "exercises/chapter3/ex3_4_gate_variance.rs", || {
        checks::check_3_4_gate_variance(gate_variance)
    });
}
