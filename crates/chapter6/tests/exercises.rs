//! The tests of chapter 6's exercises. The same tests run against your files in
//! exercises/chapter6/ (the default) and against exercises/chapter6/solutions/ (with the
//! `solutions` feature, as `cargo course verify` does), so stub and solution cannot drift apart.
//!
//! Each test calls one check from tests/checks/mod.rs, which rejects the plausible wrong answers
//! named in its comments, not just the stub; tests/wrong_answers.rs proves it on the files in
//! tests/wrong_answers/.

#[cfg_attr(not(feature = "solutions"), path = "../../../exercises/chapter6/mod.rs")]
#[cfg_attr(feature = "solutions", path = "../../../exercises/chapter6/solutions/mod.rs")]
mod exercises;

mod checks;

use exercise_check::exercise;

use exercises::ex6_1_sign_flip::paired_sign_flip_p;
use exercises::ex6_2_paired_interval::paired_t;
use exercises::ex6_3_your_activation::{NAME, swish, swish_slope};
use exercises::ex6_4_soi_backward::soi_backward;

#[test]
fn exercise_6_1_sign_flip() {
    exercise("6.1", "exercises/chapter6/ex6_1_sign_flip.rs", || {
        checks::check_6_1_sign_flip(paired_sign_flip_p)
    });
}

#[test]
fn exercise_6_2_paired_interval() {
    exercise("6.2", "exercises/chapter6/ex6_2_paired_interval.rs", || {
        checks::check_6_2_paired_interval(paired_t)
    });
}

#[test]
fn exercise_6_3_your_activation() {
    exercise("6.3", "exercises/chapter6/ex6_3_your_activation.rs", || {
        checks::check_6_3_your_activation(swish, swish_slope, NAME)
    });
}

#[test]
fn exercise_6_4_soi_backward() {
    exercise("6.4", "exercises/chapter6/ex6_4_soi_backward.rs", || {
        checks::check_6_4_soi_backward(soi_backward)
    });
}
