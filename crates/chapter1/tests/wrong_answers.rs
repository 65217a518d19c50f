//! Every known wrong answer to chapter 1's exercises fails its exercise's check.
//!
//! Each file in tests/wrong_answers/<exercise>/ is a complete exercise file with one plausible
//! mistake, named on its first line. It is compiled here as a module and handed to the same check
//! that tests/exercises.rs runs on your file; the test passes when the check fails with an
//! assertion. One more test fails if a file on disk is missing from this list, or an exercise has
//! no wrong answer.
//!
//! The whole target runs in well under a second in a debug build, so it stays part of the
//! learner's `cargo test -p chapter1` (no `required-features`); `cargo course verify` runs it too.

mod checks;

exercise_check::wrong_answers! {
    ex1_1_keep_mask: check_1_1_keep_mask(keep_mask) {
        exact_quota,
        keeps_the_first_units,
        keeps_with_drop_probability,
        one_coin_per_mask,
        one_entry_too_many,
    }
    ex1_2_inverted_dropout: check_1_2_inverted_dropout(inverted_dropout) {
        exact_quota,
        keeps_the_first_elements,
        keeps_with_p,
        no_rescale,
        returns_input,
        scales_by_keep_probability,
        scales_by_one_over_p,
    }
    ex1_3_kept_count_histogram: check_1_3_kept_count_histogram(kept_count_histogram) {
        counts_dropped_units,
        one_bin_too_few,
        shifted_bins,
    }
    ex1_4_dropout_variance: check_1_4_dropout_variance(inverted_dropout_variance) {
        drops_denominator,
        inverted_ratio,
        plain_dropout_variance,
        squared_denominator,
    }
}
