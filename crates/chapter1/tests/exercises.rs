//! The tests of chapter 1's exercises. The same tests run against your files in
//! exercises/chapter1/ (the default) and against exercises/chapter1/solutions/ (with the
//! `solutions` feature, as `cargo course verify` does), so stub and solution cannot drift apart.
//!
//! Each test calls one check from tests/checks/mod.rs, which rejects the plausible wrong answers
//! named in its comments, not just the stub; tests/wrong_answers.rs proves it on the files in
//! tests/wrong_answers/.

#[cfg_attr(not(feature = "solutions"), path = "../../../exercises/chapter1/mod.rs")]
#[cfg_attr(feature = "solutions", path = "../../../exercises/chapter1/solutions/mod.rs")]
mod exercises;

mod checks;

use exercise_check::exercise;

use exercises::ex1_1_keep_mask::keep_mask;
use exercises::ex1_2_inverted_dropout::inverted_dropout;
use exercises::ex1_3_kept_count_histogram::kept_count_histogram;
use exercises::ex1_4_dropout_variance::inverted_dropout_variance;

#[test]
fn exercise_1_1_keep_mask() {
    exercise("1.1", "exercises/chapter1/ex1_1_keep_mask.rs", || checks::check_1_1_keep_mask(keep_mask));
}

#[test]
fn exercise_1_2_inverted_dropout() {
    exercise("1.2", "exercises/chapter1/ex1_2_inverted_dropout.rs", || {
        checks::check_1_2_inverted_dropout(inverted_dropout)
    });
}

#[test]
fn exercise_1_3_kept_count_histogram() {
    exercise("1.3", "exercises/chapter1/ex1_3_kept_count_histogram.rs", || {
        checks::check_1_3_kept_count_histogram(kept_count_histogram)
    });
}

#[test]
fn exercise_1_4_dropout_variance() {
    exercise("1.4", "exercises/chapter1/ex1_4_dropout_variance.rs", || {
        checks::check_1_4_dropout_variance(inverted_dropout_variance)
    });
}
