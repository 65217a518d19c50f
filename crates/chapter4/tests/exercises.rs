//! The tests of chapter 4's exercises. The same tests run against your files in
//! exercises/chapter4/ (the default) and against exercises/chapter4/solutions/ (with the
//! `solutions` feature, as `cargo course verify` does), so stub and solution cannot drift apart.
//!
//! Each test calls one check from tests/checks/mod.rs, which rejects the plausible wrong answers
//! named in its comments, not just the stub; tests/wrong_answers.rs proves it on the files in
//! tests/wrong_answers/.

#[cfg_attr(not(feature = "solutions"), path = "../../../exercises/chapter4/mod.rs")]
#[cfg_attr(feature = "solutions", path = "../../../exercises/chapter4/solutions/mod.rs")]
mod exercises;

mod checks;

use exercise_check::exercise;

use exercises::ex4_1_gelu_tanh::gelu_tanh;
use exercises::ex4_2_minimax_cubic::minimax_cubic;
use exercises::ex4_3_logistic_scale::minimax_logistic_scale;
use exercises::ex4_4_left_tail::gelu_tanh_stable;
use exercises::ex4_5_sigmoid_kernel::gelu_sigmoid_slice;

#[test]
fn exercise_4_1_gelu_tanh() {
    exercise("4.1", "exercises/chapter4/ex4_1_gelu_tanh.rs", || checks::check_4_1_gelu_tanh(gelu_tanh));
}

#[test]
fn exercise_4_2_minimax_cubic() {
    exercise("4.2", "exercises/chapter4/ex4_2_minimax_cubic.rs", || {
        checks::check_4_2_minimax_cubic(minimax_cubic)
    });
}

#[test]
fn exercise_4_3_logistic_scale() {
    exercise("4.3", "exercises/chapter4/ex4_3_logistic_scale.rs", || {
        checks::check_4_3_logistic_scale(minimax_logistic_scale)
    });
}

#[test]
fn exercise_4_4_left_tail() {
    exercise("4.4", "exercises/chapter4/ex4_4_left_tail.rs", || {
        checks::check_4_4_left_tail(gelu_tanh_stable)
    });
}

#[test]
fn exercise_4_5_sigmoid_kernel() {
    exercise("4.5", "exercises/chapter4/ex4_5_sigmoid_kernel.rs", || {
        checks::check_4_5_sigmoid_kernel(gelu_sigmoid_slice)
    });
}
