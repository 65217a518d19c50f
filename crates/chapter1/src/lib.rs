//! Chapter 1 of the GELU book: dropout multiplies its input by a random 0/1 mask that ignores
//! the input.
//!
//! * [`DropoutRate`]: the rate `p` in `[0, 1)`, validated once ([`DropoutError`] otherwise).
//! * [`bernoulli_mask`], [`kept_count`], [`simulate_kept_counts`]: keep-masks
//!   `m_i ~ Bernoulli(1 - p)`, their counts, and the seeded histogram of counts.
//! * [`plain_dropout`], [`inverted_dropout`], [`Dropout`]: the two conventions, train and eval.
//! * [`inverted_dropout_variance`], [`plain_dropout_variance`]: the output's spread.
//! * [`gate`]: the mask one unit at a time, with a keep probability that may depend on `x`;
//!   chapter 3 reuses the idea with `Phi(x)`.
//! * [`mean_and_standard_error`], [`running_mean`], [`binomial_pmf`]: the statistics used by
//!   the tests and figures.
//! * [`figures`]: the chapter's figures.
//!
//! Every random function takes `rng: &mut R` with `R: rand::Rng`, so tests, figures and the book
//! pass a seeded portable generator (`rand::rngs::Xoshiro256PlusPlus`) and get the same numbers on
//! every machine.

mod dropout;
mod error;
pub mod figures;
mod gate;
mod mask;
mod rate;
mod stats;

pub use dropout::{
    Dropout, Mode, inverted_dropout, inverted_dropout_variance, plain_dropout, plain_dropout_variance,
};
pub use error::DropoutError;
pub use gate::gate;
pub use mask::{bernoulli_mask, kept_count, simulate_kept_counts};
pub use rate::DropoutRate;
pub use stats::{RunningPoint, binomial_pmf, mean_and_standard_error, running_mean};

// The book's pages run as doctests of this crate, so every ```rust block in them is compiled
// and run against the code above by `cargo test`.
#[cfg(doctest)]
#[doc = include_str!("../../../book/chapter-1-dropout.md")]
mod chapter_page {}
