//! Every known wrong answer to chapter 3's exercises fails its exercise's check.
//!
//! Each file in tests/wrong_answers/<exercise>/ is a complete exercise file with one plausible
//! mistake, named on its first line. It is compiled here as a module and handed to the same check
//! that tests/exercises.rs runs on your file; the test passes when the check fails with an
//! assertion. One more test fails if a file on disk is missing from this list, or an exercise has
//! no wrong answer.
//!
//! The whole target runs in well under a second in a debug build, so it stays part of the
//! learner's `cargo test -p chapter3` (no `required-features`); `cargo course verify` runs it too.

mod checks;

exercise_check::wrong_answers! {
    ex3_1_normal_cdf: check_3_1_normal_cdf(normal_cdf) {
        mirrored,
        missing_half,
        textbook_erf_form,
    }
    ex3_2_mc_estimate: check_3_2_mc_estimate(estimate_gelu) {
        divides_by_n,
        exact_quota,
        forgets_abs_x,
        mirrored_gate,
        no_sampling,
        predicted_standard_error,
        proportion_from_the_mean,
        returns_zero,
        standard_deviation_not_error,
    }
    ex3_3_samples_needed: check_3_3_samples_needed(samples_for_half_width) {
        floor,
        forgets_square,
        z_equals_two,
        z_typed_as_1_96,
    }
    ex3_4_gate_variance: check_3_4_gate_variance(gate_variance) {
        missing_square,
        second_moment,
        squared_probability,
    }
}
