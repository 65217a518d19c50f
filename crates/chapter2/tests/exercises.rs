//! The tests of chapter 2's exercises. The same tests run against your files in
//! exercises/chapter2/ (the default) and against exercises/chapter2/solutions/ (with the
//! `solutions` feature, as `cargo course verify` does), so stub and solution cannot drift apart.
//!
//! Each test calls one check from tests/checks/mod.rs, which rejects the plausible wrong answers
//! named in its comments, not just the stub; tests/wrong_answers.rs proves it on the files in
//! tests/wrong_answers/.

#[cfg_attr(not(feature = "solutions"), path = "../../../exercises/chapter2/mod.rs")]
#[cfg_attr(feature = "solutions", path = "../../../exercises/chapter2/solutions/mod.rs")]
mod exercises;

mod checks;

use exercise_check::exercise;

use exercises::ex2_1_relu::{relu, relu_derivative};
use exercises::ex2_2_elu::{elu, elu_derivative};
use exercises::ex2_3_dead_fraction::dead_fraction;
use exercises::ex2_4_half_dead_bias::half_dead_bias;

#[test]
fn exercise_2_1_relu() {
    exercise("2.1", "exercises/chapter2/ex2_1_relu.rs", || checks::check_2_1_relu(relu, relu_derivative));
}

#[test]
fn exercise_2_2_elu() {
    exercise("2.2", "exercises/chapter2/ex2_2_elu.rs", || checks::check_2_2_elu(elu, elu_derivative));
}

#[test]
fn exercise_2_3_dead_fraction() {
    exercise("2.3", "exercises/chapter2/ex2_3_dead_fraction.rs", || {
        checks::check_2_3_dead_fraction(dead_fraction)
    });
}

#[test]
fn exercise_2_4_half_dead_bias() {
    exercise("2.4", "exercises/chapter2/ex2_4_half_dead_bias.rs", || {
        checks::check_2_4_half_dead_bias(half_dead_bias)
    });
}
