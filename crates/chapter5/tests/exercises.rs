//! The tests of chapter 5's exercises. The same tests run against your files in
//! exercises/chapter5/ (the default) and against exercises/chapter5/solutions/ (with the
//! `solutions` feature, as `cargo course verify` does), so stub and solution cannot drift apart.
//!
//! Each test calls one check from tests/checks/mod.rs, which rejects the plausible wrong answers
//! named in its comments, not just the stub; tests/wrong_answers.rs proves it on the files in
//! tests/wrong_answers/.

#[cfg_attr(not(feature = "solutions"), path = "../../../exercises/chapter5/mod.rs")]
#[cfg_attr(feature = "solutions", path = "../../../exercises/chapter5/solutions/mod.rs")]
mod exercises;

mod checks;

use exercise_check::exercise;

use exercises::ex5_1_partials::partials;
use exercises::ex5_2_sigma_limit::max_gap_to_relu;
use exercises::ex5_3_second_moment::gelu_second_moment;
use exercises::ex5_4_silu::silu;
use exercises::ex5_5_training_step::sgd_step;

#[test]
fn exercise_5_1_partials() {
    exercise("5.1", "exercises/chapter5/ex5_1_partials.rs", || checks::check_5_1_partials(partials));
}

#[test]
fn exercise_5_2_sigma_limit() {
    exercise("5.2", "exercises/chapter5/ex5_2_sigma_limit.rs", || {
        checks::check_5_2_sigma_limit(max_gap_to_relu)
    });
}

#[test]
fn exercise_5_3_second_moment() {
    exercise("5.3", "exercises/chapter5/ex5_3_second_moment.rs", || {
        checks::check_5_3_second_moment(gelu_second_moment)
    });
}

#[test]
fn exercise_5_4_silu() {
    exercise("5.4", "exercises/chapter5/ex5_4_silu.rs", || checks::check_5_4_silu(silu));
}

#[test]
fn exercise_5_5_training_step() {
    exercise("5.5", "exercises/chapter5/ex5_5_training_step.rs", || {
        checks::check_5_5_training_step(sgd_step)
    });
}
