//! Every known wrong answer to chapter 4's exercises fails its exercise's check.
//!
//! Each file in tests/wrong_answers/<exercise>/ is a complete exercise file with one plausible
//! mistake, named on its first line. It is compiled here as a module and handed to the same check
//! that tests/exercises.rs runs on your file; the test passes when the check fails with an
//! assertion. One more test fails if a file on disk is missing from this list, or an exercise has
//! no wrong answer.
//!
//! The whole target runs in well under a second in a debug build, so it stays part of the
//! learner's `cargo test -p chapter4` (no `required-features`); `cargo course verify` runs it too.

mod checks;

exercise_check::wrong_answers! {
    ex4_1_gelu_tanh: check_4_1_gelu_tanh(gelu_tanh) {
        exact_gelu,
        missing_sqrt,
        sigmoid_form,
        wrong_constant,
    }
    ex4_2_minimax_cubic: check_4_2_minimax_cubic(minimax_cubic) {
        grid_without_polishing,
        least_squares,
        paper_constant,
    }
    ex4_3_logistic_scale: check_4_3_logistic_scale(minimax_logistic_scale) {
        least_squares,
        matches_slope_at_zero,
        paper_constant,
    }
    ex4_4_left_tail: check_4_4_left_tail(gelu_tanh_stable) {
        cancelling_form,
        exact_gelu,
        missing_factor_two,
    }
    ex4_5_sigmoid_kernel: check_4_5_sigmoid_kernel(gelu_sigmoid_slice) {
        first_of_each_chunk,
        skips_remainder,
        wrong_sign,
    }
}
