//! Every known wrong answer to chapter 5's exercises fails its exercise's check.
//!
//! Each file in tests/wrong_answers/<exercise>/ is a complete exercise file with one plausible
//! mistake, named on its first line. It is compiled here as a module and handed to the same check
//! that tests/exercises.rs runs on your file; the test passes when the check fails with an
//! assertion. One more test fails if a file on disk is missing from this list, or an exercise has
//! no wrong answer.

mod checks;

exercise_check::wrong_answers! {
    ex5_1_partials: check_5_1_partials(partials) {
        derivative_in_z,
        dsigma_without_z,
        ignores_mu_and_sigma,
        positive_dmu,
    }
    ex5_2_sigma_limit: check_5_2_sigma_limit(max_gap_to_relu) {
        constant,
        fixed_grid,
        gap_to_half_x,
        signed_gap,
    }
    ex5_3_second_moment: check_5_3_second_moment(gelu_second_moment) {
        lost_sqrt_three,
        relu_moment,
        square_of_the_mean,
    }
    ex5_4_silu: check_5_4_silu(silu) {
        as_written,
        mirrored,
        one_minus_sigmoid,
        tanh_form,
    }
    ex5_5_training_step: check_5_5_training_step(sgd_step) {
        ascends,
        forgets_w_in_dmu,
        sigma_gradient_for_rho,
        softplus_derivative,
    }
}
