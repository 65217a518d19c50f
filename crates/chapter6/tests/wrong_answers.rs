//! Every known wrong answer to chapter 6's exercises fails its exercise's check.
//!
//! Each file in tests/wrong_answers/<exercise>/ is a complete exercise file with one plausible
//! mistake, named on its first line. It is compiled here as a module and handed to the same check
//! that tests/exercises.rs runs on your file; the test passes when the check fails with an
//! assertion. One more test fails if a file on disk is missing from this list, or an exercise has
//! no wrong answer.

mod checks;

exercise_check::wrong_answers! {
    ex6_1_sign_flip: check_6_1_sign_flip(paired_sign_flip_p) {
        normal_approximation,
        no_slack,
        one_sided,
        strict_inequality,
        unpaired,
    }
    ex6_2_paired_interval: check_6_2_paired_interval(paired_t) {
        divides_by_n,
        normal_quantile,
        population_sd,
        reversed,
        unpaired_standard_error,
        unpaired_t_test,
        wrong_degrees_of_freedom,
    }
    ex6_3_your_activation: check_6_3_your_activation(swish, swish_slope, NAME) {
        gate_slope_only,
        overflowing_gate,
        overflowing_slope,
        silu,
        slope_without_beta,
    }
    ex6_4_soi_backward: check_6_4_soi_backward(soi_backward) {
        forgets_upstream,
        ignores_mask,
        inverted_dropout_scale,
        inverted_mask,
    }
}
