//! Chapter 6 of the GELU book: is GELU the ReLU successor? The paper's MNIST experiment in
//! miniature, on the UCI handwritten digits, run the way a claim should be tested: many seeds,
//! paired comparisons, intervals and tests, and a verdict that follows from the numbers.
//!
//! * [`digits`], [`parse_digits_csv`], [`read_digits_gz`]: the shipped data (CC BY 4.0).
//! * [`stratified_split`], [`BOOK_SPLIT`]: the seeded train/validation/test split.
//! * [`StudyPlan`], [`StudyActivation`], [`RunSpec`], [`run_one`], [`run_study`]: the study and
//!   its runs, in parallel, resumable, written to `runs.csv` and `noise.csv`.
//! * [`choose_rates`], [`median`], [`quantile`]: the learning-rate choice on validation.
//! * [`statistics`]: paired differences, their interval, the paired t-test and the exact
//!   sign-flip permutation test.
//! * [`report`]: what the results say (rates, test errors, comparisons with ReLU, noise,
//!   curves) and the chapter's tables.
//! * [`figures`]: the chapter's figures, from the committed results.
//! * [`custom`]: your own activation against ReLU with the chapter's protocol (exercise 6.3).
//! * [`Chapter6Error`]: the chapter's error type.

pub mod custom;
mod digits;
mod error;
pub mod figures;
pub mod report;
mod split;
pub mod statistics;
pub mod study;

pub use digits::{CLASSES, PIXELS, digits, parse_digits_csv, read_digits_gz};
pub use error::Chapter6Error;
pub use split::{BOOK_SPLIT, SplitSpec, Splits, stratified_split};
pub use study::{
    ChosenRate, EpochRecord, RunRecord, RunSpec, StudyActivation, StudyEvent, StudyPlan, choose_rates,
    median, quantile, run_one, run_study, run_with,
};

// The chapter page and its solutions page run as doctests of this crate.
#[cfg(doctest)]
#[doc = include_str!("../../../book/chapter-6-experiment.md")]
mod chapter_page {}

#[cfg(doctest)]
#[doc = include_str!("../../../book/chapter-6-solutions.md")]
mod solutions_page {}
