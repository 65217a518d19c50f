//! Every known wrong answer to chapter 2's exercises fails its exercise's check.
//!
//! Each file in tests/wrong_answers/<exercise>/ is a complete exercise file with one plausible
//! mistake, named on its first line. It is compiled here as a module and handed to the same check
//! that tests/exercises.rs runs on your file; the test passes when the check fails with an
//! assertion. One more test fails if a file on disk is missing from this list, or an exercise has
//! no wrong answer.
//!
//! The whole target runs in well under a second in a debug build, so it stays part of the
//! learner's `cargo test -p chapter2` (no `required-features`); `cargo course verify` runs it too.

mod checks;

exercise_check::wrong_answers! {
    ex2_1_relu: check_2_1_relu(relu, relu_derivative) {
        derivative_one_at_zero,
        derivative_one_for_negative_x,
        derivative_turns_nan_into_zero,
        max_loses_nan,
        multiplies_by_the_mask,
    }
    ex2_2_elu: check_2_2_elu(elu, elu_derivative) {
        cancelling_exp_minus_one,
        derivative_ignores_alpha,
        derivative_is_the_value_formula,
        derivative_right_slope_at_zero,
        exp_instead_of_exp_minus_one,
    }
    ex2_3_dead_fraction: check_2_3_dead_fraction(dead_fraction) {
        count_not_fraction,
        dead_on_some_inputs,
        fraction_of_zero_outputs,
        rows_as_units,
        strict_inequality,
    }
    ex2_4_half_dead_bias: check_2_4_half_dead_bias(half_dead_bias) {
        flipped_sign,
        forgets_the_batch,
        union_bound,
        weight_norm_one,
    }
}
